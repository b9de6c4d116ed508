"""Domain assertion helpers for the calendar tests (read like the notice text).

Expected answers are always written by the caller from a notice or a golden file; these
helpers only phrase the check and its failure message.
"""

from __future__ import annotations

import csv
import datetime as dt
import tomllib
from collections.abc import Iterator
from pathlib import Path

import attrs

from zwgk.calendar import ChinaCalendar, DayKind

__all__ = [
    "FIRST_YEAR",
    "GOLDEN",
    "LAST_YEAR",
    "NOTICE_2027_TOML",
    "GoldenDay",
    "assert_deadline",
    "assert_kind",
    "assert_rest_day",
    "assert_working_day",
    "d",
    "days",
    "golden_year",
    "read_toml",
]

GOLDEN = Path(__file__).resolve().parent / "golden"
FIRST_YEAR = 2004
LAST_YEAR = 2026


NOTICE_2027_TOML = """\
document = "国办发明电〔2026〕99号"
title = "国务院办公厅关于2027年部分节假日安排的通知（测试用，虚构）"
year = 2027
kind = "annual"
issued = 2026-11-10

[[periods]]
festivals = ["元旦"]
rest = [2027-01-01, 2027-01-03]

[[periods]]
festivals = ["春节"]
rest = [2027-02-05, 2027-02-12]
working = [2027-01-31, 2027-02-20]
"""
"""A made-up notice for 2027 in the bundled schema (tests only; not a real document)."""


def d(text: str) -> dt.date:
    """``d("2026-09-28")`` — a date from its ISO text, to keep expectations readable."""
    return dt.date.fromisoformat(text)


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every date from ``first`` to ``last``, both included."""
    for i in range((last - first).days + 1):
        yield first + dt.timedelta(days=i)


def assert_working_day(cal: ChinaCalendar, day: dt.date | str, why: str = "") -> None:
    """Assert ``day`` is a working day (工作日)."""
    day = d(day) if isinstance(day, str) else day
    assert cal.is_working_day(day), f"{day} ({day:%a}) should be a working day {why}".rstrip()


def assert_rest_day(cal: ChinaCalendar, day: dt.date | str, why: str = "") -> None:
    """Assert ``day`` is a rest day (休息日)."""
    day = d(day) if isinstance(day, str) else day
    assert not cal.is_working_day(day), f"{day} ({day:%a}) should be a rest day {why}".rstrip()


def assert_kind(cal: ChinaCalendar, day: dt.date | str, kind: DayKind) -> None:
    """Assert ``day_kind(day).kind`` is ``kind``."""
    day = d(day) if isinstance(day, str) else day
    got = cal.day_kind(day).kind
    assert got is kind, f"{day} ({day:%a}): expected {kind.name} ({kind.value}), got {got.name}"


def assert_deadline(cal: ChinaCalendar, start: dt.date | str, n: int, expected: dt.date | str) -> None:
    """Assert the ``n``-th working day after ``start`` is ``expected``, and that it counts back.

    Checks ``add_working_days`` and the documented inverse ``working_days_between`` at once:
    ``n`` for ``n >= 0`` or a working-day start; ``n + 1`` going back from a rest day (the
    ``|n|`` working days lie in ``[expected, start)``, of which ``(expected, start]`` holds one fewer).
    """
    start = d(start) if isinstance(start, str) else start
    expected = d(expected) if isinstance(expected, str) else expected
    got = cal.add_working_days(start, n)
    assert got == expected, f"add_working_days({start}, {n}) = {got}, expected {expected}"
    inverse = n + 1 if n < 0 and not cal.is_working_day(start) else n
    assert cal.working_days_between(start, expected) == inverse, (
        f"working_days_between({start}, {expected}) = {cal.working_days_between(start, expected)}, "
        f"expected {inverse}"
    )


@attrs.frozen
class GoldenDay:
    """One row of a golden file: a weekday rest day or a weekend working day."""

    date: dt.date
    working: bool
    festivals: frozenset[str]
    notice: str


def golden_year(year: int) -> dict[dt.date, GoldenDay]:
    """Read ``golden/YYYY.csv`` (header ``date,kind,festival,notice``)."""
    path = GOLDEN / f"{year}.csv"
    out: dict[dt.date, GoldenDay] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["date", "kind", "festival", "notice"], f"{path}: bad header"
        for line, row in enumerate(reader, start=2):
            day = d(row["date"])
            assert row["kind"] in ("rest", "working"), f"{path}:{line}: kind {row['kind']!r}"
            assert day not in out, f"{path}:{line}: {day} listed twice"
            out[day] = GoldenDay(
                day, row["kind"] == "working", frozenset(row["festival"].split("、")), row["notice"]
            )
    return out


def read_toml(name: str) -> dict[str, object]:
    """Read a TOML file of the golden folder."""
    return tomllib.loads((GOLDEN / name).read_text(encoding="utf-8"))
