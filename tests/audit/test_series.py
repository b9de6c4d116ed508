"""Series checks: one agency's reports year against year (issue 12, Deliver 6).

Every expectation comes from the figures the test puts into the reports (the carry-over of
国办公开办函〔2021〕30号 表三: year N's 二、上年结转 is year N−1's 四、结转下年度继续办理; 表二:
现行有效件数 = last year's + 本年制发件数 − 本年废止件数).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.audit.helpers import report

from zwgk.audit import AuditTable, SeriesThresholds, check_series, series_thresholds
from zwgk.errors import InvalidInputError


def _checks(table: AuditTable) -> list[tuple[str, str, int | None, str | None, int | None]]:
    return [(f.check, f.file, f.year, f.other_file, f.other_year) for f in table.findings]


def test_consecutive_years_that_carry_over_pass() -> None:
    table = check_series(
        {
            "a2022.json": report("某区司法局", 2022, new=10, carried_forward=3),
            "a2023.json": report("某区司法局", 2023, new=12, carried_over=3, carried_forward=1),
            "a2024.json": report("某区司法局", 2024, new=9, carried_over=1),
        }
    )
    assert table.findings == ()
    assert table.notes == ()
    assert table.files == ()


def test_carry_over_mismatch_names_both_reports_and_both_cells() -> None:
    table = check_series(
        {
            "a2022.json": report("某区司法局", 2022, new=10, carried_forward=3),
            # 上年结转 4 where 2022 carried 3 forward; the 自然人 column says 4 as well
            "a2023.json": report("某区司法局", 2023, new=12, carried_over=4),
        }
    )
    assert _checks(table) == [
        ("series_carry_over", "a2023.json", 2023, "a2022.json", 2022),  # 自然人
        ("series_carry_over", "a2023.json", 2023, "a2022.json", 2022),  # 总计
    ]
    people, total = table.findings
    assert people.cells == (
        "表三 [二、上年结转政府信息公开申请数量] × [自然人]",
        "表三 [四、结转下年度继续办理] × [自然人]",
    )
    assert total.cells == (
        "表三 [二、上年结转政府信息公开申请数量] × [总计]",
        "表三 [四、结转下年度继续办理] × [总计]",
    )
    assert "of 2023 (a2023.json) is 4" in total.message
    assert "of 2022 (a2022.json) is 3" in total.message
    assert "(off by 1)" in total.message
    assert total.is_violation
    assert not table.ok


def test_one_column_off_is_one_finding() -> None:
    table = check_series(
        {
            "a.json": report("局", 2022, new=10, carried_forward=3),
            # the 总计 column carries 3 over; 自然人 says 2 (the report's own identity 3 breaks too,
            # but that is the per-report audit's finding, not the series')
            "b.json": report("局", 2023, new=12, carried_over=3, people={"carried_over": 2}),
        }
    )
    assert [(f.check, f.cells[0]) for f in table.findings] == [
        ("series_carry_over", "表三 [二、上年结转政府信息公开申请数量] × [自然人]")
    ]
    assert "(off by -1)" in table.findings[0].message


def test_table2_in_force_continuity() -> None:
    before = {"regulations.in_force": 10, "normative_documents.in_force": 40}
    # 规章: 10 + 2 − 1 = 11, reported 12 (off by 1); 规范性文件: 40 + 5 − 3 = 42, reported 42
    now = {
        "regulations.issued": 2,
        "regulations.repealed": 1,
        "regulations.in_force": 12,
        "normative_documents.issued": 5,
        "normative_documents.repealed": 3,
        "normative_documents.in_force": 42,
    }
    table = check_series(
        {"y22.json": report("局", 2022, table2=before), "y23.json": report("局", 2023, table2=now)}
    )
    assert _checks(table) == [("series_in_force", "y23.json", 2023, "y22.json", 2022)]
    (finding,) = table.findings
    assert finding.cells == ("表二 [第二十条第（一）项 规章] × [现行有效件数]",)
    assert (
        "10 (y22.json) + 2 issued [本年制发件数] − 1 repealed [本年废止件数] = 11 (off by 1)"
        in finding.message
    )


def test_table2_only_when_both_reports_have_it() -> None:
    table = check_series(
        {
            "y22.json": report("局", 2022),
            "y23.json": report("局", 2023, table2={"regulations.in_force": 99}),
        }
    )
    assert table.findings == ()
    assert len(table.notes) == 1
    assert "no table 2 in 2022 (y22.json)" in table.notes[0]
    # neither has table 2: nothing to say
    assert check_series({"a": report("局", 2022), "b": report("局", 2023)}).notes == ()


def test_the_trial_format_has_no_in_force_identity() -> None:
    # 2020 (trial format: 本年新制作数量 / 本年新公开数量 / 对外公开总数量) against 2021
    table = check_series(
        {
            "y20.json": report("局", 2020, table2={"regulations.in_force": 5}),
            "y21.json": report("局", 2021, table2={"regulations.in_force": 9}),
        }
    )
    assert table.findings == ()
    assert "table 2 of format 2019-trial in 2020 (y20.json) has no [本年制发件数]" in table.notes[0]


@pytest.mark.parametrize(
    ("before", "now", "jump"),
    [
        (10, 40, True),  # ×4 and +30
        (10, 30, True),  # exactly ×3 and +20
        (10, 25, False),  # ×2.5
        (2, 8, False),  # ×4 but only +6
        (0, 20, True),  # from nothing to 20
        (0, 19, False),
        (30, 5, True),  # a sixth, −25
        (30, 11, False),  # more than a third
    ],
)
def test_jumps_worth_a_look(before: int, now: int, jump: bool) -> None:
    table = check_series({"p.json": report("局", 2022, new=before), "q.json": report("局", 2023, new=now)})
    jumps = [f for f in table.findings if f.check == "series_jump"]
    assert [f.cells for f in jumps] == (
        [("表三 [一、本年新收政府信息公开申请数量] × [总计]",)] if jump else []
    )
    assert all(not f.is_violation for f in jumps)
    assert table.ok  # looks are not violations
    assert table.looks == tuple(jumps)


def test_gaps_duplicates_and_unknown_years_are_notes() -> None:
    table = check_series(
        {
            "a21.json": report("局", 2021, carried_forward=2),
            "a23.json": report("局", 2023),  # 2022 missing: nothing compared across the gap
            "b24.json": report("局", 2024, carried_over=7),  # would break against 2023 …
            "c24.json": report("局", 2024),  # … but 2024 has two reports: left out
            "x.json": report("局", None),
        }
    )
    assert table.findings == ()
    assert len(table.notes) == 3
    notes = " | ".join(table.notes)
    assert "x.json: the year reported on is unknown" in notes
    assert "no report for 2022 between 2021 (a21.json) and 2023 (a23.json)" in notes
    assert "2 reports for 2024 (b24.json, c24.json)" in notes


def test_agencies_are_grouped_by_folded_name_or_mapping() -> None:
    reports = {
        "a.json": report("某區 司法局", 2022, carried_forward=3),  # traditional 區, a space
        "b.json": report("某区司法局", 2023, carried_over=2),
        "c.json": report("某市某区司法局", 2024, carried_over=5),
    }
    folded = check_series(reports)
    assert [(f.file, f.other_file) for f in folded.findings] == [("b.json", "a.json")] * 2
    mapped = check_series(reports, agencies={"c.json": "某区司法局"})
    assert [(f.file, f.other_file) for f in mapped.findings] == [("b.json", "a.json")] * 2 + [
        ("c.json", "b.json")
    ] * 2
    assert {f.agency for f in mapped.findings} == {"某区司法局"}


def test_reports_without_file_names_are_numbered() -> None:
    table = check_series([report("局", 2022, carried_forward=1), report("局", 2023)])
    assert {(f.file, f.other_file) for f in table.findings} == {("report #2", "report #1")}


def test_default_thresholds_come_from_the_data_file() -> None:
    text = resources.files("zwgk.audit").joinpath("data/series.toml").read_text("utf-8")
    data = tomllib.loads(text)["jump"]
    assert "HEURISTICS, not rules" in text
    assert series_thresholds() == SeriesThresholds(data["factor"], data["min_change"], data["table3_rows"])
    assert series_thresholds().factor == Decimal(data["factor"])


def test_thresholds_are_validated_and_can_be_changed() -> None:
    with pytest.raises(InvalidInputError, match="factor"):
        SeriesThresholds(1, 5, ("new",))
    with pytest.raises(InvalidInputError, match="min_change"):
        SeriesThresholds(2, 0, ("new",))
    gentle = SeriesThresholds(Decimal("1.5"), 3, ("new",))
    table = check_series({"p": report("局", 2022, new=4), "q": report("局", 2023, new=8)}, thresholds=gentle)
    assert [f.cells[0] for f in table.findings] == ["表三 [一、本年新收政府信息公开申请数量] × [总计]"]


@given(
    forwards=st.lists(st.integers(0, 50), min_size=2, max_size=6),
    bad=st.data(),
)
def test_a_consistent_chain_passes_and_one_change_is_caught(forwards: list[int], bad: st.DataObject) -> None:
    """Chain year N's 上年结转 to year N−1's 结转下年度继续办理: no carry-over finding; move one
    report's carry-over by d ≠ 0 and exactly that pair is reported, in both columns, off by d."""
    quiet = SeriesThresholds(1000, 10_000, ())
    chain = {}
    for i, forward in enumerate(forwards):
        over = forwards[i - 1] if i else 0
        chain[f"r{i}"] = report("局", 2021 + i, new=forward + 5, carried_over=over, carried_forward=forward)
    assert check_series(chain, thresholds=quiet).findings == ()
    i = bad.draw(st.integers(1, len(forwards) - 1))
    d = bad.draw(st.integers(-5, 5).filter(lambda x: x != 0 and forwards[i - 1] + x >= 0))
    over = forwards[i - 1] + d
    chain[f"r{i}"] = report(
        "局", 2021 + i, new=forwards[i] + 5, carried_over=over, carried_forward=forwards[i]
    )
    found = check_series(chain, thresholds=quiet).findings
    assert [(f.file, f.other_file) for f in found] == [(f"r{i}", f"r{i - 1}")] * 2
    assert all(f"(off by {d})" in f.message for f in found)


def test_a_bad_thresholds_file_is_a_data_file_error() -> None:
    from zwgk.audit._series import _thresholds
    from zwgk.errors import DataFileError

    with pytest.raises(DataFileError, match=r"series\.toml"):
        _thresholds({"jump": {"factor": 3}})
    with pytest.raises(DataFileError, match="factor"):
        _thresholds({"jump": {"factor": 1, "min_change": 20, "table3_rows": ["new"]}})


def test_a_report_without_table_3_is_a_note() -> None:
    """The 2008-条例 format has no table 3 (issue 12 contract §1): nothing to carry over."""
    import attrs

    from zwgk.audit._series import series_point, series_table

    @attrs.frozen
    class Old:  # the fields the series checks read, table3 None as the 2008 format will have
        agency: str
        year: int
        table3: None = None
        table2: None = None

    points = [series_point(Old("局", 2018), "old.txt"), series_point(report("局", 2019), "new.json")]  # type: ignore[arg-type]
    table = series_table(points)
    assert table.findings == ()
    assert table.notes == (
        "局: table 3 not compared between 2018 (old.txt) and 2019 (new.json): one of them has no table 3",
    )
