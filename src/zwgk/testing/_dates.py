"""Strategies for dates and working-day counts on the official calendar."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from zwgk.calendar import ChinaCalendar, Festival, HolidayPeriod, Notice, NoticeKind, default_calendar

__all__ = [
    "added_notices",
    "calendars",
    "covered_dates",
    "holiday_periods",
    "rest_days",
    "working_day_counts",
    "working_days",
]


def covered_dates(
    *,
    calendar: ChinaCalendar | None = None,
    margin_days: int = 0,
) -> st.SearchStrategy[dt.date]:
    """Dates backed by a recorded holiday notice (never provisional, never out of range).

    They end at ``coverage().settled_until``: the last week of the final covered year may still
    be changed by the next notice.

    ``margin_days`` keeps that many days away from both ends of the coverage, so that a test
    can move from the drawn date by up to about ``margin_days * 5 / 7`` working days and stay
    covered (e.g. ``margin_days=366`` for ±250 working days).
    """
    cov = (calendar or default_calendar()).coverage()
    return st.dates(
        min_value=cov.first + dt.timedelta(days=margin_days),
        max_value=cov.settled_until - dt.timedelta(days=margin_days),
    )


def working_days(
    *, calendar: ChinaCalendar | None = None, margin_days: int = 0
) -> st.SearchStrategy[dt.date]:
    """Covered dates that are working days (weekend working days 调休上班 included)."""
    cal = calendar or default_calendar()
    first = cal.coverage().first
    # The first covered day may be a rest day with nothing before it: use the first working day.
    first_working = first if cal.is_working_day(first) else cal.next_working_day(first)

    def nearest_working(day: dt.date) -> dt.date:
        if day <= first_working:
            return first_working
        return day if cal.is_working_day(day) else cal.previous_working_day(day)

    return covered_dates(calendar=cal, margin_days=margin_days).map(nearest_working)


def rest_days(*, calendar: ChinaCalendar | None = None, margin_days: int = 0) -> st.SearchStrategy[dt.date]:
    """Covered dates that are rest days (weekends, statutory holidays, 调休 rest days)."""
    cal = calendar or default_calendar()
    return covered_dates(calendar=cal, margin_days=margin_days).filter(lambda d: not cal.is_working_day(d))


def working_day_counts(max_abs: int = 250) -> st.SearchStrategy[int]:
    """A signed number of working days, ``-max_abs`` … ``max_abs`` (default about a year)."""
    return st.integers(min_value=-max_abs, max_value=max_abs)


@st.composite
def added_notices(draw: st.DrawFn, *, calendar: ChinaCalendar | None = None) -> Notice:
    """A made-up special notice inside the coverage: a short rest range and some working weekend days.

    It is issued after every real notice, so
    [`ChinaCalendar.with_notices`][zwgk.calendar.ChinaCalendar.with_notices] applies it over them on the dates
    it names — and changes nothing else.
    """
    cov = (calendar or default_calendar()).coverage()
    first = draw(
        st.dates(min_value=cov.first + dt.timedelta(days=40), max_value=cov.last - dt.timedelta(days=40))
    )
    last = first + dt.timedelta(days=draw(st.integers(min_value=0, max_value=8)))
    offsets = draw(st.lists(st.integers(min_value=-20, max_value=20), max_size=3, unique=True))
    working = sorted(
        {
            day
            for off in offsets
            if (day := (last if off > 0 else first) + dt.timedelta(days=off)).weekday() >= 5
            and not first <= day <= last
        }
    )
    festival = draw(st.sampled_from(list(Festival)))
    return Notice(
        document=f"synthetic-{first.isoformat()}",
        title="a made-up notice for property tests",
        year=first.year,
        kind=NoticeKind.SPECIAL,
        issued=dt.date(2999, 1, 1),
        periods=(HolidayPeriod((festival,), first, last, tuple(working)),),
    )


def holiday_periods(*, calendar: ChinaCalendar | None = None) -> st.SearchStrategy[HolidayPeriod]:
    """Holiday periods of the recorded notices (``st.from_type(HolidayPeriod)`` uses this)."""
    cal = calendar or default_calendar()
    return st.sampled_from([p for n in cal.notices for p in n.periods])


def calendars() -> st.SearchStrategy[ChinaCalendar]:
    """Calendars built from the real notices: the default one (estimating beyond them) and a
    ``beyond="raise"`` one (``st.from_type(ChinaCalendar)`` uses this)."""
    return st.sampled_from([default_calendar(), ChinaCalendar(beyond="raise")])
