"""Publication compliance against hand-computed due dates, gaps, rates and error paths."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tests.catalog.helpers import load_golden

from zwgk import deadlines
from zwgk.catalog import (
    Catalog,
    DisclosureItem,
    LimitSource,
    Publication,
    PublicationStatus,
    check_compliance,
    due_date,
    parse_time_limit,
    read_publication_log,
    sample_catalog,
    sample_publication_log,
)
from zwgk.catalog._display import compliance_to_dataframe
from zwgk.catalog.io import parse_log_date, publications_from_rows
from zwgk.errors import InvalidInputError, InvalidRecordsError, MissingExtraError

CASES: list[dict[str, Any]] = load_golden("compliance.toml")["case"]


def item(limit: str, sequence: str = "1", name: str = "事项") -> DisclosureItem:
    return DisclosureItem(sequence, name, time_limit=parse_time_limit(limit, warn=False))


def assert_due(limit: str, formed_on: dt.date, expected: dt.date) -> None:
    due, _, _ = due_date(item(limit), formed_on)
    assert due == expected, f"{limit} formed {formed_on}: due {due}, expected {expected}"


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_golden_publication(case: dict[str, Any]) -> None:
    catalog = Catalog((item(case["limit"]),))
    pub = Publication("1", case["formed_on"], case.get("published_on"))
    report = check_compliance(catalog, [pub], as_of=case.get("as_of"), max_gap=None)
    (result,) = report.results
    assert result.due == case["due"]
    assert result.status is PublicationStatus[case["status"]]
    assert result.source is LimitSource[case["source"]]
    assert result.working_days_late == case.get("working_days_late", 0)
    assert result.days_late == case.get("days_late", 0)
    assert_due(case["limit"], case["formed_on"], case["due"])


def test_default_cites_article_26() -> None:
    _, source, text = due_date(item("实时公开"), dt.date(2026, 3, 2))
    assert source is LimitSource.STATUTORY_DEFAULT
    assert text == "20个工作日内(《政府信息公开条例》第二十六条)"


def test_scoped_period_alone_does_not_apply() -> None:
    limit = "其中行政许可事项自作出行政决定之日起7个工作日内"
    _, source, _ = due_date(item(limit), dt.date(2026, 3, 2))
    assert source is LimitSource.STATUTORY_DEFAULT


def test_rates_and_gaps() -> None:
    catalog = Catalog((item("自信息形成或者变更之日起20个工作日内", "1", "甲"), item("及时公开", "2", "乙")))
    log = [
        Publication("1", dt.date(2026, 3, 2), dt.date(2026, 3, 10)),  # due 3/30, on time
        Publication(
            "甲", dt.date(2026, 3, 2), dt.date(2026, 4, 13)
        ),  # late: 3/31, 4/1–4/3, 4/7–4/10, 4/13 = 9
        Publication("2", dt.date(2026, 6, 15), None),  # due 7/14, overdue on 7/31
        Publication("乙", dt.date(2026, 7, 20), None),  # due 8/17, pending on 7/31
    ]
    report = check_compliance(catalog, log, as_of=dt.date(2026, 7, 31))
    first, second = report.items
    assert (first.on_time, first.late, first.overdue, first.pending) == (1, 1, 0, 0)
    assert first.results[1].working_days_late == 9
    assert first.on_time_rate == Decimal("0.5000")
    # 3/10 → 4/13: working days in (3/10, 4/13]: March 11–31 = 15, April 1–3 = 3, 7–10 = 4, 13 = 1 → 23
    assert first.longest_gap == 23
    assert first.gap_exceeded
    assert (second.overdue, second.pending) == (1, 1)
    assert second.on_time_rate == Decimal("0.0000")
    assert second.longest_gap is None
    assert (report.on_time, report.late, report.overdue, report.pending) == (1, 1, 1, 1)
    assert report.on_time_rate == Decimal("0.3333")
    # catalog-wide: 3/10 → 4/13 (23) and 4/13 → as_of 7/31, the longest: April 14–30 13,
    # May 19 (5/9 a working Saturday), June 21 (6/19 端午), July 23 → 76
    assert report.longest_gap == 76
    assert report.gap_exceeded
    assert not report.ok
    assert len(report.results) == 4


def test_gap_within_limit_and_turned_off() -> None:
    catalog = Catalog((item("实时公开"),))
    log = [
        Publication("1", dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
        Publication("1", dt.date(2026, 3, 27), dt.date(2026, 3, 30)),  # 20 working days after 3/2
    ]
    report = check_compliance(catalog, log, max_gap=20)
    assert report.longest_gap == 20
    assert not report.gap_exceeded
    assert report.ok
    assert check_compliance(catalog, log, max_gap=19).gap_exceeded
    off = check_compliance(catalog, log, max_gap=None)
    assert not off.gap_exceeded


def test_no_due_publications_gives_no_rate() -> None:
    catalog = Catalog((item("实时公开"),))
    report = check_compliance(catalog, [Publication("1", dt.date(2026, 7, 20))], as_of=dt.date(2026, 7, 21))
    assert report.on_time_rate is None
    assert report.items[0].on_time_rate is None


def test_unknown_items_and_impossible_dates_are_all_listed() -> None:
    catalog = Catalog((item("实时公开"),))
    log = [
        Publication("9", dt.date(2026, 3, 2), dt.date(2026, 3, 3), row=2),
        Publication("1", dt.date(2026, 3, 2), dt.date(2026, 3, 1), row=3),
    ]
    with pytest.raises(InvalidRecordsError) as info:
        check_compliance(catalog, log)
    assert [p.location for p in info.value.problems] == ["log row 2", "log row 3"]
    assert "no such catalog item" in str(info.value)
    assert "published before it was formed" in str(info.value)


def test_unpublished_needs_as_of() -> None:
    with pytest.raises(InvalidInputError, match="as_of"):
        check_compliance(Catalog((item("实时公开"),)), [Publication("1", dt.date(2026, 3, 2))])


def test_sample_log_against_sample_catalog() -> None:
    report = check_compliance(sample_catalog(), sample_publication_log(), as_of=dt.date(2026, 10, 30))
    assert (report.on_time, report.late, report.overdue, report.pending) == (7, 2, 1, 0)
    assert report.on_time_rate == Decimal("0.7000")


def test_dataframe() -> None:
    pytest.importorskip("pandas")
    report = check_compliance(sample_catalog(), sample_publication_log(), as_of=dt.date(2026, 10, 30))
    frame = compliance_to_dataframe(report)
    assert len(frame) == 10
    late = frame[frame["status"] == "逾期公开"]
    assert sorted(late["working_days_late"]) == [2, 4]


def test_dataframe_needs_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    report = check_compliance(sample_catalog(), sample_publication_log(), as_of=dt.date(2026, 10, 30))
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match="pandas"):
        compliance_to_dataframe(report)


# --- the log reader ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05", dt.date(2026, 3, 5)),
        ("2026/3/5", dt.date(2026, 3, 5)),
        ("2026.3.5", dt.date(2026, 3, 5)),
        ("2026年3月5日", dt.date(2026, 3, 5)),
        (" ", None),
        ("2026-03-05T00:00:00", dt.date(2026, 3, 5)),
    ],
)
def test_log_dates(text: str, expected: dt.date | None) -> None:
    assert parse_log_date(text) == expected


@pytest.mark.parametrize("text", ["3月5日", "2026-02-30", "tomorrow"])
def test_bad_log_dates(text: str) -> None:
    with pytest.raises(InvalidInputError, match="date"):
        parse_log_date(text)


def test_log_rows_in_english_and_errors_listed() -> None:
    good = publications_from_rows([["item", "formed_on", "published_on"], ["1", "2026-03-02", ""], []])
    assert good == (Publication("1", dt.date(2026, 3, 2), None),)
    rows = [["序号", "形成日期", "公开日期"], ["", "2026-03-02", "x"], ["1", "", "2026-03-02"]]
    with pytest.raises(InvalidRecordsError) as info:
        publications_from_rows(rows)
    # every problem names its row and column (the item is column A, formed-on column B)
    assert [p.location for p in info.value.problems] == [
        "row 2, column C",
        "row 2, column A",
        "row 3, column B",
    ]


def test_reading_with_the_catalog_lists_every_problem_of_every_row(tmp_path: Path) -> None:
    path = tmp_path / "badlog.csv"
    path.write_text(
        "事项,形成日期,公开日期\n"
        "1,2026-02-30,2026-03-05\n"  # impossible date
        "999,2026-01-05,2026-01-10\n"  # unknown item
        "1,2026-03-10,2026-03-01\n"  # published before formed
        "1,1999-01-01,2026-01-10\n",  # before the calendar (2004-01-01)
        encoding="utf-8",
    )
    with pytest.raises(InvalidRecordsError) as info:
        read_publication_log(path, catalog=sample_catalog())
    err = info.value
    assert err.source == "badlog.csv"
    found = [(p.location, p.field, p.value, p.message) for p in err.problems]
    assert found == [
        ("row 2, column B", "formed_on", "2026-02-30", "not a date"),
        ("row 3, column A", "item", "999", "no such catalog item"),
        ("row 4, column C", "published_on", "2026-03-01", "published before it was formed"),
        ("row 5, column B", "formed_on", "1999-01-01", "date outside the calendar"),
    ]
    # without the catalog the same reading still lists the three other problems at once
    with pytest.raises(InvalidRecordsError) as info:
        read_publication_log(path)
    assert [p.location for p in info.value.problems] == [
        "row 2, column B",
        "row 4, column C",
        "row 5, column B",
    ]


def test_every_problem_of_one_row_is_listed() -> None:
    rows = [["事项", "形成日期", "公开日期"], ["999", "1999-01-01", "1998-12-31"], ["", "", "x"]]
    with pytest.raises(InvalidRecordsError) as info:
        publications_from_rows(rows, catalog=sample_catalog())
    found = [(p.location, p.message) for p in info.value.problems]
    assert found == [
        ("row 2, column A", "no such catalog item"),
        ("row 2, column B", "date outside the calendar"),
        ("row 2, column C", "date outside the calendar"),
        ("row 2, column C", "published before it was formed"),
        ("row 3, column C", "not a date"),
        ("row 3, column A", "no item"),
        ("row 3, column B", "no formed-on date"),
    ]


def test_log_file_errors(tmp_path: Path) -> None:
    from zwgk.errors import DataFileError, MissingFileError

    for name in ("none.csv", "none.xlsx"):
        with pytest.raises(MissingFileError, match="expected an existing publication log"):
            read_publication_log(tmp_path / name)
    pytest.importorskip("openpyxl")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("事项,形成日期,公开日期\n1,2026-03-02,2026-03-10\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"expected an \.xlsx workbook \(Office Open XML\)"):
        read_publication_log(fake)


def test_log_header_errors() -> None:
    with pytest.raises(InvalidRecordsError, match="empty log"):
        publications_from_rows([])
    with pytest.raises(InvalidRecordsError) as info:
        publications_from_rows([["事项", "日期"]])
    assert {p.field for p in info.value.problems} == {"formed_on", "published_on"}


def test_log_files(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "log.csv").write_bytes("事项,形成日期,公开日期\n1,2026/3/2,2026/3/10\n".encode("gb18030"))
    assert read_publication_log(tmp_path / "log.csv")[0].published_on == dt.date(2026, 3, 10)
    workbook = openpyxl.Workbook()
    workbook.active.append(["事项", "形成日期", "公开日期"])
    workbook.active.append(["1", dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 10)])
    workbook.save(tmp_path / "log.xlsx")
    assert read_publication_log(tmp_path / "log.xlsx")[0].formed_on == dt.date(2026, 3, 2)
    with pytest.raises(InvalidInputError, match="publication log"):
        read_publication_log(tmp_path / "log.txt")


def test_ambiguous_names_are_refused() -> None:
    catalog = Catalog((item("实时公开", "1", "就业"), item("实时公开", "2", "就业")))
    with pytest.raises(InvalidRecordsError) as info:
        check_compliance(catalog, [Publication("就业", dt.date(2026, 3, 2), dt.date(2026, 3, 3), row=2)])
    assert "ambiguous catalog item: item 1, item 2" in str(info.value)
    # a 序号 is preferred over names, so "1" names exactly one item
    assert check_compliance(catalog, [Publication("1", dt.date(2026, 3, 2), dt.date(2026, 3, 3))]).ok


def test_dates_outside_the_calendar_are_listed_with_the_other_problems() -> None:
    catalog = Catalog((item("实时公开"),))
    log = [
        Publication("1", dt.date(2001, 1, 5), dt.date(2001, 1, 8), row=2),
        Publication("9", dt.date(2026, 3, 2), dt.date(2051, 1, 3), row=3),
    ]
    with pytest.raises(InvalidRecordsError) as info:
        check_compliance(catalog, log)
    found = [(p.location, p.field, p.value, p.message) for p in info.value.problems]
    assert found == [
        ("log row 2", "formed_on", "2001-01-05", "date outside the calendar"),
        ("log row 2", "published_on", "2001-01-08", "date outside the calendar"),
        ("log row 3", "item", "9", "no such catalog item"),
        ("log row 3", "published_on", "2051-01-03", "date outside the calendar"),
    ]
    assert "expected a date from 2004-01-01 to 2050-12-31" in str(info.value)


def test_a_due_date_past_the_calendar_is_a_problem_of_its_row() -> None:
    catalog = Catalog((item("自信息形成之日起3个月内"),))
    log = [Publication("1", dt.date(2050, 12, 1), dt.date(2050, 12, 2), row=7)]
    with pytest.raises(InvalidRecordsError) as info:
        check_compliance(catalog, log)
    (problem,) = info.value.problems
    assert (problem.location, problem.field, problem.value) == ("log row 7", "formed_on", "2050-12-01")
    assert "due date falls outside the calendar" in problem.message


def test_dates_after_the_notices_are_provisional() -> None:
    from zwgk.errors import ProvisionalCalendarWarning

    catalog = Catalog((item("实时公开"),))
    with pytest.warns(ProvisionalCalendarWarning):
        report = check_compliance(catalog, [Publication("1", dt.date(2026, 12, 20), dt.date(2027, 1, 5))])
    assert report.results[0].provisional
    settled = check_compliance(catalog, [Publication("1", dt.date(2026, 3, 2), dt.date(2026, 3, 3))])
    assert not settled.results[0].provisional


def test_xlsx_log_needs_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"zwgk\[xlsx\]"):
        read_publication_log(tmp_path / "log.xlsx")


# --- the statutory default follows the regime in force ---------------------------------------


@pytest.mark.parametrize(
    ("formed_on", "regime", "article"),
    [
        (dt.date(2019, 5, 14), "2008", "《政府信息公开条例》（2008年）第十八条"),
        (dt.date(2019, 5, 15), "2019", "《政府信息公开条例》第二十六条"),
    ],
)
def test_statutory_default_follows_the_regime_in_force(formed_on: dt.date, regime: str, article: str) -> None:
    due, source, text = due_date(item("实时公开"), formed_on)
    assert source is LimitSource.STATUTORY_DEFAULT
    assert text == f"20个工作日内({article})"
    assert due == deadlines.proactive_deadline(formed_on, regime=regime).due


def test_formed_before_the_regulations_is_a_row_problem() -> None:
    with pytest.raises(InvalidRecordsError, match="formed before the Regulations") as info:
        check_compliance(
            Catalog((item("实时公开"),)), [Publication("1", dt.date(2008, 4, 30), dt.date(2008, 5, 5))]
        )
    assert [p.field for p in info.value.problems] == ["formed_on"]
