"""Table 3 from ledgers: golden ledgers (hand-built expectations), properties, vector path."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given

from zwgk.errors import InvalidInputError, InvalidRecordsError, UnknownNameError
from zwgk.reports import (
    TABLE3_COLUMNS,
    Table3,
    build_report,
    check_report,
    format_for_year,
    get_format,
    table3_from_frame,
    table3_from_ledger,
)
from zwgk.requests import DisclosureRequest, Ledger, Outcome, read_ledger
from zwgk.requests.io import ledger_to_frame
from zwgk.testing import ledgers

HERE = Path(__file__).parent
GOLDEN = tomllib.loads((HERE / "golden" / "expected_tables.toml").read_text("utf-8"))


def assert_table(table: Table3, expected: dict[str, object]) -> None:
    """Every cell equals the hand-written value (cells not written are 0)."""
    assert table.format.id == expected["format"]
    for row in table.format.table3_rows:
        given_row = expected.get(row.key, {})
        assert isinstance(given_row, dict)
        for column in TABLE3_COLUMNS:
            assert table.raw(row.key, column) == given_row.get(column.key, 0), (row.key, column.key)


@pytest.mark.parametrize(
    ("ledger_name", "year"),
    [("ledger_2025", 2025), ("ledger_2025", 2026), ("ledger_2020", 2020), ("ledger_2020", 2021)],
)
def test_golden_ledgers(ledger_name: str, year: int) -> None:
    ledger = read_ledger(HERE / "golden" / f"{ledger_name}.csv")
    expected = GOLDEN[ledger_name][str(year)]
    assert_table(table3_from_ledger(ledger, year), expected)
    assert_table(table3_from_frame(ledger_to_frame(ledger), year), expected)
    report = build_report(ledger, year, agency="某局")
    assert check_report(report).ok
    assert check_report(report).blanks == ()


def test_format_by_year() -> None:
    assert format_for_year(2019).id == "2019-trial"
    assert format_for_year(2020).id == "2019-trial"
    assert format_for_year(2021).id == "2021"
    assert format_for_year(2030).id == "2021"
    # reports on 2008-2018: the 2007 条例 (国务院令第492号, in force 2008-05-01) format, no tables
    assert format_for_year(2008).id == "2008"
    assert format_for_year(2013).id == "2008"
    assert format_for_year(2018).id == "2008"
    assert not format_for_year(2013).has_table3
    with pytest.raises(InvalidInputError, match="2008 or later"):
        format_for_year(2007)
    with pytest.raises(InvalidInputError, match="2019 or later"):
        table3_from_ledger([], 2013)
    assert get_format("trial").id == "2019-trial"
    assert get_format("2008-条例").id == "2008"
    with pytest.raises(UnknownNameError):
        get_format("2007")


def test_explicit_format_overrides_year() -> None:
    ledger = read_ledger(HERE / "golden" / "ledger_2020.csv")
    table = table3_from_ledger(ledger, 2020, format="2021")
    assert table.raw("other_1", "natural_person") == 1
    assert table.raw("other_3", "natural_person") == 1
    with pytest.raises(InvalidInputError):
        build_report(ledger, 2013)


def test_tables_2_and_4_from_counts() -> None:
    ledger = read_ledger(HERE / "golden" / "ledger_2025.csv")
    report = build_report(
        ledger,
        2025,
        table2={"regulations.issued": 2, "fees.amount": __import__("decimal").Decimal("1.25")},
        table4={"review.upheld": 2, "review.corrected": 1, "litigation_direct.pending": 1},
    )
    assert report.table4 is not None
    assert report.table4.raw("review.total") == 3
    assert report.table4.raw("litigation_direct.total") == 1
    assert report.table4.raw("litigation_after_review.total") == 0
    assert report.table4.raw("litigation_after_review.upheld") is None
    assert report.table2 is not None
    assert report.table2.raw("regulations.issued") == 2
    with pytest.raises(UnknownNameError):
        build_report(ledger, 2025, table4={"review.dismissed": 1})
    with pytest.raises(UnknownNameError):
        build_report(ledger, 2025, table2={"regulations.made": 1})  # a trial-format key


@given(ledgers())
def test_any_ledger_builds_a_report_passing_every_identity(ledger: Ledger) -> None:
    for year in range(2019, 2027):
        result = check_report(build_report(ledger, year))
        assert result.ok, result.violations
        assert result.blanks == ()


@given(ledgers())
def test_carry_over_chains_across_years(ledger: Ledger) -> None:
    previous = None
    for year in range(2019, 2027):
        table = table3_from_ledger(ledger, year)
        if previous is not None:
            for column in TABLE3_COLUMNS:
                assert table.raw("carried_over", column) == previous.raw("carried_forward", column)
        previous = table
    # every request is counted once as new, and closed at most once, over all years
    new = sum(table3_from_ledger(ledger, y).value("new") for y in range(2019, 2027))
    assert new == len(ledger)


@given(ledgers(max_size=25))
def test_vector_path_equals_python_path(ledger: Ledger) -> None:
    frame = ledger_to_frame(ledger)
    for year in (2020, 2021, 2024):
        assert table3_from_frame(frame, year) == table3_from_ledger(ledger, year)


def test_vector_path_reports_every_bad_row() -> None:
    import pandas as pd

    frame = pd.DataFrame(
        {
            "applicant_kind": ["自然人", "火星人", "自然人", "自然人"],
            "outcome": ["予以公开", None, "没有这个结果", None],
            "received": pd.to_datetime(["2025-01-02", "2025-01-03", "2025-01-04", None]),
            "closed": pd.to_datetime(["2025-02-01", "2025-02-01", None, None]),
        }
    )
    with pytest.raises(InvalidRecordsError) as info:
        table3_from_frame(frame, 2025)
    text = str(info.value)
    assert "row 3: unknown applicant kind" in text
    assert "row 4: unknown outcome" in text
    assert "row 3: closing date and outcome must be given together" in text
    assert "row 5: missing receipt date" in text


def test_vector_path_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from zwgk.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match="zwgk\\[pandas\\]"):
        table3_from_frame(object(), 2025)


def test_requests_received_after_the_year_are_ignored() -> None:
    later = DisclosureRequest(
        "x", "a", "自然人", dt.date(2026, 1, 1), outcome=Outcome.DISCLOSED, closed=dt.date(2026, 1, 2)
    )
    assert table3_from_ledger([later], 2025).value("new") == 0
    assert table3_from_ledger([later], 2025).value("carried_forward") == 0
