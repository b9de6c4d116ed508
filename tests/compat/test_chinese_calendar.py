"""zwgk.compat.chinese_calendar against the real chinesecalendar package, every day 2004–2026.

Every difference is listed in ``golden/chinese_calendar_differences.toml``; a new one fails.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from zwgk.compat import chinese_calendar as zc
from zwgk.errors import CalendarCoverageError

cc = pytest.importorskip("chinese_calendar")

GOLDEN = tomllib.loads((Path(__file__).parent / "golden" / "chinese_calendar_differences.toml").read_text())
FIRST = dt.date(2004, 1, 1)
LAST = dt.date(2026, 12, 31)
DAYS = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return "" if value is None else value


@pytest.mark.parametrize("function", ["is_workday", "is_holiday", "is_in_lieu", "get_holiday_detail"])
def test_every_day_agrees_except_the_documented_differences(function: str) -> None:
    documented = GOLDEN.get("is_workday" if function == "is_holiday" else function, {})
    found = {}
    for day in DAYS:
        ours, theirs = getattr(zc, function)(day), getattr(cc, function)(day)
        if ours != theirs:
            found[day.isoformat()] = (ours, theirs)
    assert sorted(found) == sorted(documented)
    if function in ("is_holiday",):
        return
    for key, (ours, theirs) in found.items():
        assert _plain(ours) == documented[key]["zwgk"], key
        assert _plain(theirs) == documented[key]["chinese_calendar"], key


def test_agreement_figures() -> None:
    """8 401 days: is_workday differs on 1, get_holiday_detail on 14, is_in_lieu on 6."""
    assert len(DAYS) == 8401
    figures = {k: len(v) for k, v in GOLDEN.items()}
    assert figures == {"is_workday": 1, "get_holiday_detail": 14, "is_in_lieu": 6}


@pytest.mark.parametrize("delta", [-3, -1, 0, 1, 2, 10])
@pytest.mark.parametrize(
    "start", [dt.date(2024, 2, 9), dt.date(2024, 2, 10), dt.date(2024, 2, 18), dt.date(2025, 9, 30)]
)
def test_find_workday_matches(delta: int, start: dt.date) -> None:
    assert zc.find_workday(delta, start) == cc.find_workday(delta, start)


@pytest.mark.parametrize("include_weekends", [True, False])
def test_ranges_match(include_weekends: bool) -> None:
    a, b = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    assert zc.get_holidays(a, b, include_weekends) == cc.get_holidays(a, b, include_weekends)
    assert zc.get_workdays(a, b, include_weekends) == cc.get_workdays(a, b, include_weekends)
    assert zc.get_dates(a, b) == cc.get_dates(a, b)


def test_datetimes_are_their_date() -> None:
    assert zc.is_workday(dt.datetime(2024, 2, 18, 9)) == cc.is_workday(dt.datetime(2024, 2, 18, 9))


@pytest.mark.parametrize("day", [dt.date(2003, 12, 31), dt.date(2027, 1, 1)])
def test_outside_the_notices_raises_not_implemented_like_chinese_calendar(day: dt.date) -> None:
    with pytest.raises(NotImplementedError):
        cc.is_workday(day)
    for call in (zc.is_workday, zc.is_holiday, zc.is_in_lieu, zc.get_holiday_detail):
        with pytest.raises(NotImplementedError) as info:
            call(day)
        assert isinstance(info.value, CalendarCoverageError)
        assert isinstance(info.value, zc.ChineseCalendarRangeError)
    with pytest.raises(zc.ChineseCalendarRangeError):
        zc.get_workdays(day, day)
    with pytest.raises(zc.ChineseCalendarRangeError):
        zc.get_holidays(day, day)


def test_find_workday_past_the_end_raises_like_chinese_calendar() -> None:
    with pytest.raises(NotImplementedError):
        cc.find_workday(5, dt.date(2026, 12, 31))
    with pytest.raises(zc.ChineseCalendarRangeError):
        zc.find_workday(5, dt.date(2026, 12, 31))


def test_find_workday_defaults_to_today() -> None:
    today = dt.date.today()
    if dt.date(2004, 1, 1) <= today <= dt.date(2026, 12, 20):
        assert zc.find_workday() == cc.find_workday()
    else:
        with pytest.raises(NotImplementedError):
            zc.find_workday()


def test_holiday_names_are_chinese_calendars() -> None:
    assert {h.name: (h.value, h.chinese) for h in zc.Holiday} == {
        h.name: (h.value, h.chinese) for h in cc.Holiday
    }
    from zwgk.calendar import Festival

    assert zc.Holiday.from_festival(Festival.QINGMING) is zc.Holiday.tomb_sweeping_day


def test_not_a_date_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        zc.is_workday("2024-01-01")  # type: ignore[arg-type]
