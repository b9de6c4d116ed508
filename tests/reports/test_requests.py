"""Request records, outcomes and the ledger at the boundary (CSV, JSON, XLSX, DataFrame)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given

from zwgk.errors import InvalidInputError, InvalidRecordsError, MissingExtraError, UnknownNameError
from zwgk.requests import (
    ApplicantKind,
    Channel,
    DisclosureRequest,
    Ledger,
    Outcome,
    OutcomeGroup,
    outcome_basis,
    outcome_number,
    parse_outcome,
    read_ledger,
    write_ledger,
)
from zwgk.requests.io import (
    ledger_from_frame,
    ledger_from_rows,
    ledger_json_schema,
    ledger_to_csv,
    ledger_to_frame,
    ledger_to_json,
)
from zwgk.testing import ledgers

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("予以公开", Outcome.DISCLOSED),
        ("不予公开-1", Outcome.WITHHELD_STATE_SECRET),
        ("不予公开１", Outcome.WITHHELD_STATE_SECRET),
        ("属于国家秘密", Outcome.WITHHELD_STATE_SECRET),
        ("危及“三安全一稳定”", Outcome.WITHHELD_SECURITY_STABILITY),
        ("无法提供/本机关不掌握相关政府信息", Outcome.UNAVAILABLE_NOT_HELD),
        ("逾期不补正", Outcome.OTHER_NO_CORRECTION),
        ("逾期未缴纳信息处理费", Outcome.OTHER_FEE_UNPAID),
        ("其他处理-3", Outcome.OTHER),
        ("not_processed_repeat", Outcome.NOT_PROCESSED_REPEAT),
    ],
)
def test_parse_outcome(text: str, outcome: Outcome) -> None:
    assert parse_outcome(text) is outcome


def test_outcome_basis_cites_articles() -> None:
    assert outcome_basis(Outcome.WITHHELD_STATE_SECRET).articles[0] == "第十四条"
    assert outcome_basis(Outcome.PARTIALLY_DISCLOSED).citation == "《政府信息公开条例》第三十七条"
    assert outcome_basis(Outcome.NOT_PROCESSED_EXCESSIVE).articles == ("第三十五条",)
    assert outcome_basis(Outcome.OTHER).basis == "U"
    assert "no article" in outcome_basis(Outcome.OTHER).citation
    assert outcome_number(Outcome.UNAVAILABLE_STILL_UNCLEAR) == 3
    assert outcome_number(Outcome.DISCLOSED) == 0
    # every group has its rows numbered 1..n (0 for the single-row groups)
    for group in OutcomeGroup:
        numbers = sorted(outcome_number(o) for o in Outcome if o.group is group)
        assert numbers in ([0], list(range(1, len(numbers) + 1)))


@pytest.mark.parametrize("bad", ["火星人", "", "法人"])
def test_unknown_labels(bad: str) -> None:
    with pytest.raises(UnknownNameError):
        ApplicantKind.parse(bad)
    with pytest.raises(UnknownNameError):
        parse_outcome(bad or "无")


def test_applicant_kind_variants() -> None:
    assert ApplicantKind.parse("法人或其他组织/其他") is ApplicantKind.OTHER_ORGANIZATION
    assert ApplicantKind.parse("律师事务所") is ApplicantKind.LEGAL_SERVICE_ORGANIZATION
    assert ApplicantKind.parse("business") is ApplicantKind.BUSINESS
    assert ApplicantKind.BUSINESS.is_organization
    assert not ApplicantKind.NATURAL_PERSON.is_organization


def test_request_validation() -> None:
    day = dt.date(2025, 3, 3)
    with pytest.raises(InvalidInputError, match="closed"):
        DisclosureRequest("1", "a", "自然人", day, outcome="予以公开")
    with pytest.raises(InvalidInputError, match="closed"):
        DisclosureRequest("1", "a", "自然人", day, closed=day)
    with pytest.raises(InvalidInputError, match="on or after the receipt day"):
        DisclosureRequest("1", "a", "自然人", day, outcome="予以公开", closed=dt.date(2025, 3, 2))
    with pytest.raises(InvalidInputError, match="id"):
        DisclosureRequest(" ", "a", "自然人", day)
    with pytest.raises(InvalidInputError, match="pages"):
        DisclosureRequest("1", "a", "自然人", day, pages=-1)
    with pytest.raises(InvalidRecordsError, match="duplicate id"):
        Ledger.of([DisclosureRequest("1", "a", "自然人", day), DisclosureRequest("1", "b", "自然人", day)])
    with pytest.raises(InvalidRecordsError, match="not a DisclosureRequest"):
        Ledger(("x",))  # type: ignore[arg-type]
    request = DisclosureRequest("1", "a", "自然人", day)
    assert request.pending
    assert request.is_open_on(day)
    assert not request.is_open_on(dt.date(2025, 3, 2))


def test_deadline_uses_the_reply_clock() -> None:
    from zwgk import deadlines

    # received Mon 2025-03-03: 20 working days (条例第三十三条) → Mon 2025-03-31
    request = DisclosureRequest("1", "a", "自然人", dt.date(2025, 3, 3), channel="网上")
    assert request.deadline().due == dt.date(2025, 3, 31)
    extended = DisclosureRequest(
        "2", "a", "自然人", dt.date(2025, 3, 3), events=[deadlines.ExtensionGranted(dt.date(2025, 3, 20), 20)]
    )
    # + 20 working days after 03-31 (清明 4/4–4/6 rest; Sun 4/27 a working day) → 2025-04-28
    assert extended.deadline().due == dt.date(2025, 4, 28)
    closed = DisclosureRequest(
        "3", "a", "自然人", dt.date(2025, 3, 3), outcome="予以公开", closed=dt.date(2025, 4, 2)
    )
    # replied 2025-04-02, two working days after the 03-31 due date
    deadline = closed.deadline()
    assert deadline.due == dt.date(2025, 3, 31)
    assert deadline.status(dt.date(2025, 5, 1)).working_days_late == 2


def test_golden_csv_reads_with_chinese_headers() -> None:
    ledger = read_ledger(GOLDEN / "ledger_2025.csv")
    assert len(ledger) == 12
    b2 = ledger.requests[4]
    assert (b2.id, b2.applicant_kind, b2.channel, b2.outcome) == (
        "B2",
        ApplicantKind.NATURAL_PERSON,
        Channel.INTERNET,
        Outcome.WITHHELD_THIRD_PARTY,
    )
    assert ledger.years() == (2024, 2025, 2026)
    assert [r.id for r in ledger.by_applicant_month("张三", 2024, 12)] == ["A2"]


def test_every_bad_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "id,applicant,applicant_kind,received,outcome,closed,备注\n"
        "1,a,自然人,2025-03-01,予以公开,2025-03-05,x\n"
        "2,b,火星人,2025-02-30,,,\n"
        "3,c,自然人,2025年3月1日,予以公开,,\n"
        "1,d,自然人,2025/3/1,,,\n",
        "utf-8",
    )
    with pytest.raises(InvalidRecordsError) as info:
        read_ledger(path)
    where = [(p.location, p.field) for p in info.value.problems]
    # the unknown column is located at the header row (row 1), like every other problem
    assert where == [
        ("row 1", "column"),
        ("row 3", "applicant_kind"),
        ("row 3", "received"),
        ("row 4", "closed"),
        ("row 5", "id"),  # the duplicate id is reported together with the bad rows
    ]


def test_duplicate_ids_after_rows_validate() -> None:
    rows = [{"id": "1", "applicant": "a", "applicant_kind": "自然人", "received": "2025-01-01"}] * 2
    with pytest.raises(InvalidRecordsError, match="duplicate id"):
        ledger_from_rows(rows)


def test_events_in_json_and_csv(tmp_path: Path) -> None:
    data = {
        "requests": [
            {
                "id": "1",
                "applicant": "a",
                "applicant_kind": "自然人",
                "received": "2025-03-03",
                "events": [{"kind": "ExtensionGranted", "on": "2025-03-20", "working_days": 20}],
            }
        ]
    }
    path = tmp_path / "l.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    ledger = read_ledger(path)
    assert ledger.requests[0].deadline().due == dt.date(2025, 4, 28)
    csv_path = write_ledger(ledger, tmp_path / "l.csv")
    assert read_ledger(csv_path) == ledger
    data["requests"][0]["events"] = [{"kind": "Teleported", "on": "2025-03-20"}]  # type: ignore[index]
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(InvalidRecordsError, match="unknown request event 'Teleported'"):
        read_ledger(path)
    path.write_text("{not json", "utf-8")
    with pytest.raises(InvalidInputError, match="valid JSON"):
        read_ledger(path)
    path.write_text('{"requests": 3}', "utf-8")
    with pytest.raises(InvalidInputError, match="list of row objects"):
        read_ledger(path)
    with pytest.raises(InvalidInputError, match=r"csv, \.json or \.xlsx"):
        read_ledger(tmp_path / "l.ods")
    with pytest.raises(InvalidInputError, match=r"csv, \.json or \.xlsx"):
        write_ledger(ledger, tmp_path / "l.ods")


@given(ledgers(max_size=15))
def test_round_trips(ledger: Ledger) -> None:
    import csv
    import io

    assert ledger_from_rows(csv.DictReader(io.StringIO(ledger_to_csv(ledger)))) == ledger
    assert ledger_from_rows(json.loads(ledger_to_json(ledger))["requests"], first_row=1) == ledger
    assert ledger_from_frame(ledger_to_frame(ledger)) == ledger


def test_xlsx_round_trip(tmp_path: Path) -> None:
    ledger = read_ledger(GOLDEN / "ledger_2025.csv")
    path = write_ledger(ledger, tmp_path / "ledger.xlsx")
    assert read_ledger(path) == ledger
    assert read_ledger(path, sheet="Sheet") == ledger
    with pytest.raises(UnknownNameError, match="worksheet"):
        read_ledger(path, sheet="2025年")


def test_missing_extras(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    ledger = read_ledger(GOLDEN / "ledger_2020.csv")
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match="zwgk\\[xlsx\\]"):
        write_ledger(ledger, tmp_path / "x.xlsx")
    with pytest.raises(MissingExtraError, match="zwgk\\[xlsx\\]"):
        read_ledger(tmp_path / "x.xlsx")
    with pytest.raises(MissingExtraError, match="zwgk\\[pandas\\]"):
        ledger_to_frame(ledger)
    with pytest.raises(MissingExtraError, match="zwgk\\[pandas\\]"):
        ledger_from_frame(object())


def test_json_schema() -> None:
    schema = ledger_json_schema()
    assert set(schema["required"]) == {"id", "applicant", "applicant_kind", "received"}


def test_bad_event_fields_and_dates_are_located() -> None:
    row = {
        "id": "1",
        "applicant": "a",
        "applicant_kind": "自然人",
        "received": "2025-03-03",
        "events": '[{"kind": "ExtensionGranted", "on": "2025-03-20", "days": 20}]',
    }
    with pytest.raises(InvalidRecordsError, match="ExtensionGranted") as info:
        ledger_from_rows([row])
    assert info.value.problems[0].location == "row 2"
    row["events"] = "[not json"
    with pytest.raises(InvalidRecordsError, match="JSON list of events"):
        ledger_from_rows([row])
    from zwgk.errors import InvalidTypeError

    with pytest.raises(InvalidTypeError, match="received"):
        DisclosureRequest("1", "a", "自然人", "2025-03-03")  # type: ignore[arg-type]
