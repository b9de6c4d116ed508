"""The counting algorithm on a tiny made-up calendar (apart from the real data).

Three invented notices, 2030–2031 (every expectation below is checked by hand on a printed
calendar; March 2030 starts on a Friday):

- annual 2030 (issued 2029-11-01): rest Wed 03-13 … Tue 03-19; Sat 03-09 and Sat 03-23 worked;
- amendment (issued 2030-03-01): rest extended Wed 03-20 … Sun 03-24, which cancels the
  03-23 working Saturday (a later notice overrides the dates it names);
- annual 2031 (issued 2030-11-01): rest Wed 2031-01-01 … Fri 01-03; Sat 2030-12-28 worked
  (a day set in the previous December).

So in March 2030 the working days are … Fri 08, Sat 09, Mon 11, Tue 12, then Mon 25 …
"""

from __future__ import annotations

import datetime as dt

import pytest
from tests.calendar.helpers import assert_deadline, assert_kind, assert_rest_day, assert_working_day, d

from zwgk.calendar import ChinaCalendar, DayKind, Festival, HolidayPeriod, Notice, NoticeKind
from zwgk.errors import CalendarCoverageError

ANNUAL_2030 = Notice(
    document="虚构〔2029〕1号",
    title="a made-up 2030 arrangement",
    year=2030,
    kind=NoticeKind.ANNUAL,
    issued=d("2029-11-01"),
    periods=(
        HolidayPeriod(
            (Festival.LABOUR_DAY,), d("2030-03-13"), d("2030-03-19"), (d("2030-03-09"), d("2030-03-23"))
        ),
    ),
)
AMENDMENT_2030 = Notice(
    document="虚构〔2030〕2号",
    title="a made-up extension",
    year=2030,
    kind=NoticeKind.AMENDMENT,
    issued=d("2030-03-01"),
    effective=d("2030-03-01"),
    amends="虚构〔2029〕1号",
    periods=(HolidayPeriod((Festival.LABOUR_DAY,), d("2030-03-20"), d("2030-03-24")),),
)
ANNUAL_2031 = Notice(
    document="虚构〔2030〕3号",
    title="a made-up 2031 arrangement",
    year=2031,
    kind=NoticeKind.ANNUAL,
    issued=d("2030-11-01"),
    periods=(HolidayPeriod((Festival.NEW_YEAR,), d("2031-01-01"), d("2031-01-03"), (d("2030-12-28"),)),),
)


@pytest.fixture(scope="module")
def cal() -> ChinaCalendar:
    return ChinaCalendar([ANNUAL_2030, AMENDMENT_2030, ANNUAL_2031], beyond="raise")


def test_coverage_comes_from_the_notices(cal: ChinaCalendar) -> None:
    cov = cal.coverage()
    assert (cov.first, cov.last, cov.estimated_until) == (d("2030-01-01"), d("2031-12-31"), d("2031-12-31"))
    assert cov.notices == ("虚构〔2029〕1号", "虚构〔2030〕2号", "虚构〔2030〕3号")


@pytest.mark.parametrize(
    "day", ["2030-03-08", "2030-03-09", "2030-03-11", "2030-03-12", "2030-03-25", "2030-12-28"]
)
def test_working_days(cal: ChinaCalendar, day: str) -> None:
    assert_working_day(cal, day)


@pytest.mark.parametrize(
    "day", ["2030-03-10", "2030-03-13", "2030-03-19", "2030-03-20", "2030-03-23", "2031-01-03"]
)
def test_rest_days(cal: ChinaCalendar, day: str) -> None:
    assert_rest_day(cal, day)


@pytest.mark.parametrize(
    ("day", "kind", "notice"),
    [
        ("2030-03-09", DayKind.ADJUSTED_WORKING, "虚构〔2029〕1号"),
        ("2030-03-13", DayKind.ADJUSTED_REST, "虚构〔2029〕1号"),
        ("2030-03-16", DayKind.WEEKEND_REST, "虚构〔2029〕1号"),
        ("2030-03-20", DayKind.ADJUSTED_REST, "虚构〔2030〕2号"),
        ("2030-03-23", DayKind.WEEKEND_REST, "虚构〔2030〕2号"),  # amendment cancels the working Saturday
        ("2030-03-26", DayKind.WORKING_WEEKDAY, None),
        ("2030-03-30", DayKind.WEEKEND_REST, None),
        ("2030-12-28", DayKind.ADJUSTED_WORKING, "虚构〔2030〕3号"),
        (
            "2031-01-01",
            DayKind.STATUTORY_HOLIDAY,
            "虚构〔2030〕3号",
        ),  # 元旦 is statutory under the 2025 measures
        ("2031-01-02", DayKind.ADJUSTED_REST, "虚构〔2030〕3号"),
    ],
)
def test_day_kinds(cal: ChinaCalendar, day: str, kind: DayKind, notice: str | None) -> None:
    assert_kind(cal, day, kind)
    assert cal.day_kind(d(day)).notice == notice


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2030-03-12", 1, "2030-03-25"),  # crossing the long holiday
        ("2030-03-15", 1, "2030-03-25"),  # start on a rest day: it never counts
        ("2030-03-16", 1, "2030-03-25"),  # start on a rest Saturday
        ("2030-03-08", 1, "2030-03-09"),  # the next working day is a working Saturday
        ("2030-03-09", 1, "2030-03-11"),  # start on a working Saturday
        ("2030-03-09", 3, "2030-03-25"),
        ("2030-03-25", -1, "2030-03-12"),  # backwards across the holiday
        ("2030-03-20", -1, "2030-03-12"),  # backwards from a rest day (inverse is n + 1 there)
        ("2030-03-12", -3, "2030-03-08"),  # backwards through the working Saturday
        ("2030-12-27", 1, "2030-12-28"),
        ("2030-12-31", 1, "2031-01-06"),  # across the made-up 元旦 and its weekend
        ("2030-12-31", -2, "2030-12-28"),
    ],
)
def test_add_working_days_hand_checked(cal: ChinaCalendar, start: str, n: int, expected: str) -> None:
    assert_deadline(cal, start, n, expected)


def test_backwards_from_a_rest_day(cal: ChinaCalendar) -> None:
    # Strict, mirror image: going back from a rest day, the rest day itself never counts.
    assert cal.add_working_days(d("2030-03-20"), -1) == d("2030-03-12")
    assert cal.add_working_days(d("2030-03-24"), -2) == d("2030-03-11")


@pytest.mark.parametrize("start", ["2030-03-09", "2030-03-16", "2030-03-20", "2030-03-26"])
def test_n_zero_returns_the_start_even_on_a_rest_day(cal: ChinaCalendar, start: str) -> None:
    assert cal.add_working_days(d(start), 0) == d(start)
    assert cal.working_days_between(d(start), d(start)) == 0


@pytest.mark.parametrize(
    ("a", "b", "count"),
    [
        ("2030-03-12", "2030-03-25", 1),
        ("2030-03-25", "2030-03-12", -1),
        ("2030-03-13", "2030-03-24", 0),
        ("2030-03-08", "2030-03-11", 2),  # (08, 11] = {09, 11}
        ("2030-03-07", "2030-03-08", 1),  # end counts, start does not
        ("2030-03-08", "2030-03-08", 0),
    ],
)
def test_working_days_between_half_open(cal: ChinaCalendar, a: str, b: str, count: int) -> None:
    assert cal.working_days_between(d(a), d(b)) == count


def test_iteration_and_neighbours(cal: ChinaCalendar) -> None:
    got = list(cal.working_days(d("2030-03-08"), d("2030-03-26")))
    assert got == [
        d(x) for x in ("2030-03-08", "2030-03-09", "2030-03-11", "2030-03-12", "2030-03-25", "2030-03-26")
    ]
    assert list(cal.working_days(d("2030-03-26"), d("2030-03-08"))) == []
    assert cal.next_working_day(d("2030-03-12")) == d("2030-03-25")
    assert cal.previous_working_day(d("2030-03-25")) == d("2030-03-12")
    assert cal.roll_forward(d("2030-03-17")) == d("2030-03-25")
    assert cal.roll_forward(d("2030-03-09")) == d("2030-03-09")


def test_holidays_merge_the_amendment_into_the_period(cal: ChinaCalendar) -> None:
    (period,) = cal.holidays(2030)
    assert (period.first, period.last) == (d("2030-03-13"), d("2030-03-24"))
    assert len(period.rest_days) == 12
    assert period.working_days == (d("2030-03-09"),)
    assert period.notices == ("虚构〔2029〕1号", "虚构〔2030〕2号")
    (new_year,) = cal.holidays(2031)
    assert new_year.working_days == (d("2030-12-28"),)
    assert new_year.statutory_days == (d("2031-01-01"),)


def test_the_order_notices_are_given_in_does_not_matter(cal: ChinaCalendar) -> None:
    shuffled = ChinaCalendar([ANNUAL_2031, AMENDMENT_2030, ANNUAL_2030], beyond="raise")
    for day in (d("2030-03-23"), d("2030-03-20"), d("2030-03-09")):
        assert shuffled.day_kind(day) == cal.day_kind(day)


@pytest.mark.parametrize(
    ("start", "n", "bound"),
    [
        ("2031-12-30", 5, "2031-12-31"),
        ("2030-01-03", -5, "2030-01-01"),
        ("2030-06-03", 10**9, "2031-12-31"),
        ("2030-06-03", -(10**9), "2030-01-01"),
    ],
)
def test_counting_off_the_edge_raises(cal: ChinaCalendar, start: str, n: int, bound: str) -> None:
    with pytest.raises(CalendarCoverageError, match=bound):
        cal.add_working_days(d(start), n)


def test_dates_outside_raise_naming_the_bounds(cal: ChinaCalendar) -> None:
    with pytest.raises(CalendarCoverageError, match="recorded through 2031-12-31") as late:
        cal.is_working_day(d("2032-01-01"))
    assert late.value.last == d("2031-12-31")
    with pytest.raises(CalendarCoverageError, match="recorded from 2030-01-01"):
        cal.is_working_day(d("2029-12-31"))
    with pytest.raises(CalendarCoverageError):
        cal.working_days_between(d("2030-06-03"), d("2032-06-03"))
    with pytest.raises(CalendarCoverageError):
        cal.holidays(2032)
    with pytest.raises(LookupError):  # CalendarCoverageError is also a LookupError
        cal.day_kind(dt.date(2029, 1, 1))
