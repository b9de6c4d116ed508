"""Identities of FACTS §3 and the percentage check (seed 002: 1218 fund transfers)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zwgk.errors import InvalidInputError, InvalidTypeError
from zwgk.reports import (
    AnnualReport,
    Table2,
    Table3,
    Table4,
    check_report,
    check_shares,
    get_format,
)

FMT = get_format("2021")


def facts_vector_table(carried_forward_total: int = 819) -> Table3:
    """FACTS §3 test vector (a real 2021-format report), totals column; row 一 by applicant.

    14069 + 560 = 13810 + 819; 13810 = 5548 + 2168 + 730 + 3421 + 457 + 1486;
    row 一: 13612 + 252 + 0 + 45 + 128 + 32 = 14069.  Group totals (三)–(六) are put in the
    first leaf row of their group; other cells are left blank.
    """
    return Table3.from_mapping(
        FMT,
        {
            "new": {
                "natural_person": 13612,
                "business": 252,
                "research_institution": 0,
                "public_interest_organization": 45,
                "legal_service_organization": 128,
                "other_organization": 32,
                "total": 14069,
            },
            "carried_over": {"total": 560},
            "disclosed": {"total": 5548},
            "partially_disclosed": {"total": 2168},
            "withheld_1": {"total": 730},
            "unavailable_1": {"total": 3421},
            "not_processed_1": {"total": 457},
            "other_1": {"total": 1486},
            "total": {"total": 13810},
            "carried_forward": {"total": carried_forward_total},
        },
    )


def identities(findings: tuple[object, ...]) -> list[tuple[int, str, object]]:
    return [(f.identity, f.cells[0].column, f.off_by) for f in findings]  # type: ignore[attr-defined]


def test_facts_vector_identities_1_and_2_hold_for_the_totals_column() -> None:
    report = AnnualReport("vector", 2021, FMT, facts_vector_table())
    result = check_report(report)
    assert [f for f in result.violations if f.identity in (1, 2) and f.cells[0].column == "total"] == []
    # row 一 satisfies identity 3 (its applicant columns are given)
    assert [f for f in result.violations if f.identity == 3 and f.cells[0].row == "new"] == []
    # rows whose applicant columns are blank break identity 3 by exactly their total
    row3 = {f.cells[0].row: f.off_by for f in result.violations if f.identity == 3}
    assert row3["carried_over"] == 560
    assert row3["total"] == 13810


def test_facts_vector_off_by_one() -> None:
    report = AnnualReport("vector", 2021, FMT, facts_vector_table(carried_forward_total=818))
    found = [f for f in check_report(report).violations if f.identity == 1 and f.cells[0].column == "total"]
    assert len(found) == 1
    assert found[0].expected == 14069 + 560
    assert found[0].actual == 13810 + 818
    assert found[0].off_by == -1
    assert "14069 + 560 = 14629" in found[0].message


def test_blank_cells_count_as_zero_and_are_listed() -> None:
    table = Table3.from_mapping(
        FMT,
        {
            "new": {"natural_person": 1, "total": 1},
            "disclosed": {"natural_person": 1, "total": 1},
            "total": {"natural_person": 1, "total": 1},
        },
    )
    result = check_report(AnnualReport("a", 2022, FMT, table))
    assert result.ok
    assert len(result.blanks) == 25 * 7 - 6
    assert str(result.blanks[0]) == "表三 [一、本年新收政府信息公开申请数量] × [商业企业]"


def test_identity_2_outcome_rows() -> None:
    table = Table3.from_mapping(
        FMT,
        {
            "new": {"natural_person": 3, "total": 3},
            "disclosed": {"natural_person": 1, "total": 1},
            "withheld_4": {"natural_person": 1, "total": 1},
            "total": {"natural_person": 3, "total": 3},
        },
    )
    violations = check_report(AnnualReport("a", 2022, FMT, table)).violations
    assert identities(violations) == [(2, "natural_person", 1), (2, "total", 1)]


def test_identity_4_and_5() -> None:
    table = Table3.from_mapping(
        FMT,
        {"new": {"natural_person": -1, "total": -1}, "carried_forward": {"natural_person": -1, "total": -1}},
    )
    t4 = Table4.from_mapping({"review.upheld": 2, "review.total": 3, "litigation_direct.total": 0})
    t2 = Table2.from_mapping(FMT, {"regulations.issued": -2, "fees.amount": Decimal("-0.5")})
    result = check_report(AnnualReport("a", 2022, FMT, table, table4=t4, table2=t2))
    kinds = [(f.identity, str(f.cells[0])) for f in result.violations]
    assert (5, "表三 [一、本年新收政府信息公开申请数量] × [自然人]") in kinds
    assert (4, "表四 [行政复议] × [总计]") in kinds
    assert (5, "表二 [第二十条第（一）项 规章] × [本年制发件数]") in kinds
    assert (5, "表二 [第二十条第（八）项 行政事业性收费] × [本年收费金额（单位：万元）]") in kinds
    four = next(f for f in result.violations if f.identity == 4)
    assert (four.expected, four.actual, four.off_by) == (2, 3, 1)


def test_trial_table2_signed_change_may_be_negative() -> None:
    trial = get_format("2019-trial")
    t2 = Table2.from_mapping(trial, {"licensing.change": -3, "procurement.amount": Decimal("12.5")})
    table = Table3.from_mapping(trial, {})
    assert check_report(AnnualReport("a", 2020, trial, table, table2=t2)).ok


def test_cells_must_be_whole_numbers() -> None:
    with pytest.raises(InvalidTypeError, match="table3\\[new\\]\\[natural_person\\]"):
        Table3.from_mapping(FMT, {"new": {"natural_person": 1.5}})  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError):
        Table4.from_mapping({"review.upheld": True})
    with pytest.raises(InvalidTypeError):
        Table2.from_mapping(FMT, {"fees.amount": 1.5})
    with pytest.raises(InvalidInputError, match="15 cells"):
        Table4((1, 2))
    with pytest.raises(InvalidInputError, match="25 rows"):
        Table3(FMT, ((0,) * 7,))
    with pytest.raises(InvalidInputError, match="7 cells"):
        Table3(FMT, ((0,) * 6,) * 25)
    with pytest.raises(InvalidInputError, match="report's format"):
        AnnualReport("a", 2020, get_format("2019-trial"), Table3.from_mapping(FMT, {}))


# --- percentages: seed 002_4c6f1f2b9bd1da5f.txt, FACTS §7 ------------------------------------
# "1218笔 … 3天以下的有931笔，占76.44%，3-10天拨出有126笔，占10.34%。10天以上拨出有161笔，占12.22%"
# By hand: 931/1218 = 0.764367… → 76.44% ✓; 126/1218 = 0.103448… → 10.34% ✓;
# 161/1218 = 0.132183… → 13.22%, so the published 12.22% is 1.00 point low (a typo for 13.22);
# 931 + 126 + 161 = 1218 ✓; 76.44 + 10.34 + 12.22 = 99.00, not 100.


def test_seed_1218_fund_transfers() -> None:
    parts = {"3天以下": 931, "3-10天": 126, "10天以上": 161}
    shown = {"3天以下": "76.44%", "3-10天": "10.34%", "10天以上": "12.22%"}
    findings = check_shares(parts, 1218, shown)
    assert [(f.kind, f.label) for f in findings] == [("share", "10天以上"), ("shares", "sum of shares")]
    share = findings[0]
    assert share.expected == Decimal("13.22")
    assert share.reported == Decimal("12.22")
    assert share.off_by == Decimal("-1.00")
    assert findings[1].reported == Decimal("99.00")


def test_seed_corrected_percentages_pass() -> None:
    assert check_shares([931, 126, 161], 1218, [Decimal("76.44"), Decimal("10.34"), Decimal("13.22")]) == ()


def test_shares_rounding_and_parts() -> None:
    # 1/3 = 33.333…: 33.33 matches, 33.34 does not; 3 × 33.33 = 99.99 is within rounding
    assert check_shares([1, 1, 1], 3, ["33.33", "33.33", "33.33"]) == ()
    assert [f.kind for f in check_shares([1, 1, 1], 3, ["33.34", "33.33", "33.33"])] == ["share"]
    assert check_shares([1, 2], 3, ["33", "67"], decimals=0) == ()
    parts = check_shares([1, 1], 3, ["33.33", "33.33"])
    assert parts[0].kind == "parts"
    assert parts[0].off_by == -1


def test_share_above_100_and_count_above_total() -> None:
    # `zwgk report shares --total 10 11:110%`: the count, the share and the sum are all wrong
    findings = check_shares([11], 10, ["110%"])
    assert [(f.kind, f.label) for f in findings] == [
        ("parts", "sum of parts"),
        ("part_range", "part 1"),
        ("share_range", "part 1"),
    ]
    assert findings[1].message == "part 1: the count 11 is above the total 10"
    assert (findings[1].expected, findings[1].reported) == (Decimal(10), Decimal(11))
    assert (findings[2].expected, findings[2].reported) == (Decimal(100), Decimal(110))
    # a share out of range is flagged even when its count is fine
    findings = check_shares({"a": 5, "b": 5}, 10, {"a": "150", "b": "-50"})
    assert [(f.kind, f.label) for f in findings] == [
        ("share_range", "a"),
        ("share", "a"),
        ("share_range", "b"),
        ("share", "b"),
    ]
    assert "below 0%" in findings[2].message
    assert check_shares([10, 0], 10, ["100", "0"]) == ()


def test_cli_shares_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    assert main(["report", "shares", "--total", "10", "11:110%"]) == 1
    out = capsys.readouterr().out
    assert "the parts add up to 11, not the total 10" in out
    assert "the count 11 is above the total 10" in out
    assert "the share 110%, above 100%, is more than" in out


@pytest.mark.parametrize(
    ("parts", "total", "shown", "kwargs", "error"),
    [
        ([1, 2], 3, ["1"], {}, InvalidInputError),
        ([1, 2], 0, ["1", "2"], {}, InvalidInputError),
        ([1, -2], 3, ["1", "2"], {}, InvalidInputError),
        ([1, 2], 3, ["1", "x%"], {}, InvalidInputError),
        ([1, 2], 3, ["1", 66.67], {}, InvalidTypeError),
        ([1, 2], 3, ["1", "2"], {"decimals": -1}, InvalidInputError),
        ({"a": 1}, 1, {"b": "100"}, {}, InvalidInputError),
    ],
)
def test_shares_errors(
    parts: object, total: int, shown: object, kwargs: dict[str, int], error: type[Exception]
) -> None:
    with pytest.raises(error):
        check_shares(parts, total, shown, **kwargs)  # type: ignore[arg-type]


def test_lookup_errors() -> None:
    from zwgk.errors import UnknownNameError
    from zwgk.reports import Table3Column

    table = Table3.from_mapping(FMT, {})
    with pytest.raises(UnknownNameError, match="table 3 row"):
        table.raw("withheld_9", "total")
    with pytest.raises(UnknownNameError, match="table 3 column"):
        table.raw("new", "组织")
    with pytest.raises(UnknownNameError, match="table 3 row"):
        Table3.from_mapping(FMT, {"other": {"total": 1}})  # the trial format's single 其他处理 row
    assert Table3Column.parse("法人或其他组织/其他") is Table3Column.OTHER_ORGANIZATION
    with pytest.raises(UnknownNameError, match="table 4 cell"):
        Table4.from_mapping({}).raw("review.dismissed")
    with pytest.raises(UnknownNameError, match="table 2 cell"):
        Table2.from_mapping(FMT, {}).raw("regulations.made")


def test_report_json_schema_validates_a_report() -> None:
    import json

    import jsonschema

    from zwgk.reports.io import report_json_schema, report_to_json

    report = AnnualReport(
        "a",
        2022,
        FMT,
        facts_vector_table(),
        table4=Table4.from_mapping({"review.upheld": 1}),
        table2=Table2.from_mapping(FMT, {"fees.amount": Decimal("0.35")}),
    )
    document = json.loads(report_to_json(report))
    jsonschema.validate(document, report_json_schema())
    assert document["table2"]["fees.amount"] == "0.35"
    assert document["table3"]["new"]["total"] == 14069


def test_fee_data_file_is_validated() -> None:
    from zwgk.requests._fees import _load_schedule

    problems: list[object] = []
    raw = {
        "per_request": {
            "unit": "件",
            "citation": "x",
            "tiers": [{"first": 1, "last": 10, "price": "0"}, {"first": 12, "last": 30, "price": "100"}],
            "open_ended": {"first": 40, "band": 10, "first_price": "200", "step": "100"},
        }
    }
    _load_schedule(raw, "per_request", problems)  # type: ignore[arg-type]
    assert len(problems) == 2  # a gap at 11, and the open tier not following 30
    _load_schedule({}, "per_volume", problems)  # type: ignore[arg-type]
    assert "malformed fee schedule" in str(problems[-1])


# --- each share at its written precision (issue 12) -------------------------------------------
# 56/170 = 32.941…% → "32.9" at 1 decimal; 33/170 = 19.411…% → "19.4"; 81/170 = 47.647…% → "47.6";
# 56 + 33 + 81 = 170; 32.9 + 19.4 + 47.6 = 99.9, within ±0.15 (three halves of 0.1).


def test_shares_at_their_written_precision() -> None:
    assert check_shares([56, 33, 81], 170, ["32.9%", "19.4%", "47.6%"]) == ()
    # the behaviour before issue 12 (one precision, 2 decimals) is still available
    at_two = check_shares([56, 33, 81], 170, ["32.9%", "19.4%", "47.6%"], decimals=2)
    assert [(f.kind, f.expected) for f in at_two] == [
        ("share", Decimal("32.94")),
        ("share", Decimal("19.41")),
        ("share", Decimal("47.65")),
        ("shares", Decimal(100)),  # 99.9 is off by more than three halves of 0.01
    ]
    assert [f.decimals for f in at_two] == [2, 2, 2, None]


def test_mixed_precisions_and_exponents() -> None:
    # 1/3 = 33.333…%, 2/3 = 66.666…%: "33" (0 decimals) and "66.7" (1) are both rounded values
    assert check_shares([1, 2], 3, ["33", "66.7"]) == ()
    assert check_shares([1, 2], 3, [33, Decimal("66.7")]) == ()
    # Decimal("33.30") keeps its exponent: 2 decimals, so 33.33 is expected
    # (and 33.30 + 66.67 = 99.97 is off by more than two halves of 0.01)
    finding, total = check_shares([1, 2], 3, [Decimal("33.30"), "66.67"])
    assert (finding.kind, finding.expected, finding.decimals) == ("share", Decimal("33.33"), 2)
    assert total.kind == "shares"


def test_truncation_is_share_truncated() -> None:
    # 2/3 = 66.666…%: "66.7" rounds, "66.6" truncates; 1/3 = 33.333…% truncates and rounds to 33.3
    (finding,) = check_shares([1, 2], 3, ["33.3", "66.6"])
    assert (finding.kind, finding.label, finding.expected, finding.reported) == (
        "share_truncated",
        "part 2",
        Decimal("66.7"),
        Decimal("66.6"),
    )
    assert "truncated, not rounded" in finding.message
    # seed 002's 12.22 is neither: 13.2183…% truncates to 13.22 too, so 12.22 is a plain "share"
    assert check_shares([931, 126, 161], 1218, ["76.44", "10.34", "12.22"])[0].kind == "share"


def test_sum_tolerance_follows_mixed_precisions() -> None:
    # 76.44 + 10.34 + 12.2 = 98.98; rounding explains ±(0.005 + 0.005 + 0.05) = ±0.060
    findings = check_shares([931, 126, 161], 1218, ["76.44", "10.34", "12.2"])
    assert [f.kind for f in findings] == ["share", "shares"]
    assert findings[1].message.endswith("(rounding explains at most ±0.060)")
    # 1/3 three times at 0, 1 and 2 decimals: 33 + 33.3 + 33.33 = 99.63, within ±0.555
    assert check_shares([1, 1, 1], 3, ["33", "33.3", "33.33"]) == ()


def test_cli_shares_written_precision(capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    assert main(["report", "shares", "--total", "170", "56:32.9", "33:19.4", "81:47.6"]) == 0
    assert "all percentages match" in capsys.readouterr().out
    assert (
        main(["report", "shares", "--total", "170", "--decimals", "2", "56:32.9", "33:19.4", "81:47.6"]) == 1
    )
    capsys.readouterr()
    assert main(["report", "shares", "--total", "3", "2:66.6", "1:33.3", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"kind": "share_truncated"' in out
    assert '"decimals": 1' in out
