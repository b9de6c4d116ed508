"""Shared Hypothesis strategies for the calendar tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from zwgk.deadlines import Festival, HolidayPeriod, Notice, NoticeKind

__all__ = [
    "COVERED_FIRST",
    "COVERED_LAST",
    "added_notices",
    "covered_dates",
    "inner_dates",
    "working_day_counts",
]

COVERED_FIRST = dt.date(2004, 1, 1)
COVERED_LAST = dt.date(2026, 12, 31)

covered_dates = st.dates(min_value=COVERED_FIRST, max_value=COVERED_LAST)
"""Any date backed by a recorded notice."""

inner_dates = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2025, 12, 31))
"""Dates at least a year inside the coverage, so that ±250 working days stay covered."""

working_day_counts = st.integers(min_value=-250, max_value=250)
"""A number of working days (about a year either way)."""


@st.composite
def added_notices(draw: st.DrawFn) -> Notice:
    """A made-up special notice inside the coverage: a short rest range and some make-up weekend days.

    It is issued after every bundled notice, so it overrides them on the dates it names.
    """
    first = draw(st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2025, 12, 1)))
    length = draw(st.integers(min_value=0, max_value=8))
    last = first + dt.timedelta(days=length)
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
        issued=dt.date(2099, 1, 1),
        periods=(HolidayPeriod((festival,), first, last, tuple(working)),),
    )
