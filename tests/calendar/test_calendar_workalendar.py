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
        # by calendar year: a period's December days belong to that December's year
        expected = sorted(
            (day, h.label)
            for y in (year, year + 1)
            for h in cal.holidays(y)
            for day in h.rest_days
            if day.year == year
        )
        assert wcal.holidays(year) == expected, year  # type: ignore[attr-defined]


def test_holidays_are_grouped_by_calendar_year(wcal: object) -> None:
    # 国办发明电〔2018〕15号: “2018年12月30日至2019年1月1日放假调休，共3天。”
    holidays_2018 = wcal.holidays_set(2018)  # type: ignore[attr-defined]
    assert {d("2018-12-30"), d("2018-12-31")} <= holidays_2018
    assert wcal.holidays(2019)[0] == (d("2019-01-01"), "元旦")  # type: ignore[attr-defined]
    assert wcal.get_holiday_label(d("2018-12-31")) == "元旦"  # type: ignore[attr-defined]
    assert wcal.get_holiday_label(d("2018-12-28")) is None  # type: ignore[attr-defined]


def test_ical_export(wcal: object, tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "china.ics"
    wcal.export_to_ical(period=[2018, 2019], target_path=target)  # type: ignore[attr-defined]
    text = target.read_text()
    assert "DTSTART;VALUE=DATE:20181231" in text
    assert "SUMMARY:元旦" in text


def test_out_of_range_is_also_workalendars_calendar_error(wcal: object) -> None:
    from workalendar.exceptions import CalendarError

    for call in (
        lambda: wcal.is_working_day(d("2003-06-02")),  # type: ignore[attr-defined]
        lambda: wcal.is_holiday(d("2003-06-02")),  # type: ignore[attr-defined]
        lambda: wcal.add_working_days(d("2003-06-02"), 1),  # type: ignore[attr-defined]
        lambda: wcal.holidays(2003),  # type: ignore[attr-defined]
    ):
        with pytest.raises(CalendarError) as info:
            call()
        assert isinstance(info.value, CalendarCoverageError)
        assert type(info.value) is wcal.CoverageError  # type: ignore[attr-defined]


def test_national_day_2026_from_workalendar(wcal: object) -> None:
    # 国办发明电〔2025〕7号: 10/1–10/7 rest, 10/10 (Saturday) worked.
    assert not wcal.is_working_day(d("2026-10-07"))  # type: ignore[attr-defined]
    assert wcal.is_working_day(d("2026-10-10"))  # type: ignore[attr-defined]
    assert wcal.add_working_days(d("2026-09-30"), 1) == d("2026-10-08")  # type: ignore[attr-defined]


def test_out_of_range_raises_zwgk_error(wcal: object) -> None:
    with pytest.raises(CalendarCoverageError, match="2004-01-01"):
        wcal.is_working_day(d("2003-06-02"))  # type: ignore[attr-defined]
