"""``as_workalendar()``: workalendar's API answering from zwgk's data."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from tests.calendar.helpers import FIRST_YEAR, LAST_YEAR, d, days

from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.errors import CalendarCoverageError

# Every day through 2026-12-31 is checked; the last week of 2026 is provisional (the 2027 notice
# may still change it), which these data tests do not assert on.
pytestmark = pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")


pytest.importorskip("workalendar")


@pytest.fixture(scope="module")
def cal() -> ChinaCalendar:
    return default_calendar()


@pytest.fixture(scope="module")
def wcal(cal: ChinaCalendar) -> object:
    return cal.as_workalendar()


def test_is_a_workalendar_calendar(wcal: object) -> None:
    from workalendar.core import Calendar

    assert isinstance(wcal, Calendar)


def test_is_working_day_agrees_every_day(cal: ChinaCalendar, wcal: object) -> None:
    for day in days(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)):
        assert wcal.is_working_day(day) == cal.is_working_day(day), day  # type: ignore[attr-defined]


def test_add_sub_and_delta_agree_on_a_sample(cal: ChinaCalendar, wcal: object) -> None:
    rng = random.Random(2026)
    first = dt.date(2005, 1, 1).toordinal()
    last = dt.date(2025, 12, 31).toordinal()
    for _ in range(500):
        day = dt.date.fromordinal(rng.randint(first, last))
        n = rng.randint(1, 60)
        assert wcal.add_working_days(day, n) == cal.add_working_days(day, n), (day, n)  # type: ignore[attr-defined]
        assert wcal.sub_working_days(day, n) == cal.add_working_days(day, -n), (day, n)  # type: ignore[attr-defined]
        other = dt.date.fromordinal(rng.randint(first, last))
        lo, hi = min(day, other), max(day, other)
        # workalendar counts working days in (start, end] when include_start is False.
        assert wcal.get_working_days_delta(lo, hi) == cal.working_days_between(lo, hi), (lo, hi)  # type: ignore[attr-defined]


def test_holidays_of_a_year_are_the_rest_days_of_its_periods(cal: ChinaCalendar, wcal: object) -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        expected = sorted((day, h.label) for h in cal.holidays(year) for day in h.rest_days)
        assert sorted(wcal.holidays(year)) == expected, year  # type: ignore[attr-defined]


def test_national_day_2026_from_workalendar(wcal: object) -> None:
    # 国办发明电〔2025〕7号: 10/1–10/7 rest, 10/10 (Saturday) worked.
    assert not wcal.is_working_day(d("2026-10-07"))  # type: ignore[attr-defined]
    assert wcal.is_working_day(d("2026-10-10"))  # type: ignore[attr-defined]
    assert wcal.add_working_days(d("2026-09-30"), 1) == d("2026-10-08")  # type: ignore[attr-defined]


def test_out_of_range_raises_zwgk_error(wcal: object) -> None:
    with pytest.raises(CalendarCoverageError, match="2004-01-01"):
        wcal.is_working_day(d("2003-06-02"))  # type: ignore[attr-defined]
