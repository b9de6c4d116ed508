"""The API of the ``chinesecalendar`` package (``import chinese_calendar``), backed by zwgk's notices.

Replace ``import chinese_calendar`` by ``from zwgk.compat import chinese_calendar`` and the
calls keep their meaning:

* ``is_workday(d)`` / ``is_holiday(d)``: whether ``d`` is a working day / a rest day (any
  rest day, weekends included).
* ``is_in_lieu(d)``: a weekday rest day paid for by a weekend working day (调休): of a
  holiday period's [`ADJUSTED_REST`][zwgk.calendar.DayKind.ADJUSTED_REST] days, the last as many as
  the period has weekend working days (chinese-calendar's reading; 补休 for a statutory day
  that falls on a weekend is not "in lieu").
* ``get_holiday_detail(d)`` → ``(is_holiday, name)``: ``name`` is the English
  `Holiday` value of the festival for every day of a holiday period and every
  weekend working day worked for one, else ``None``.
* ``get_holidays(a, b, include_weekends=True)`` / ``get_workdays(...)``: the days in the
  *closed* interval ``[a, b]``; with ``include_weekends=False``, only holiday-period rest days
  / only Monday–Friday working days.
* ``find_workday(delta_days=0, date=None)``: ``0`` is ``date`` itself if it is a working day,
  else the next one (it rolls forward); ``n > 0`` is the n-th working day after that;
  ``n < 0`` counts back strictly before ``date``.

Range: like chinese-calendar, every function raises `NotImplementedError` for a
date outside the years the notices cover (2004 … the last recorded notice year) — here a
`ChineseCalendarRangeError`, which is also a
[`CalendarCoverageError`][zwgk.errors.CalendarCoverageError] — and never estimates.  A value that is not a
date raises [`InvalidTypeError`][zwgk.errors.InvalidTypeError] (a `TypeError`), not
``NotImplementedError``.

Documented differences (the notice text decides; see ``tests/calendar/golden/oracle_disagreements.toml``):

* 2005-12-31 (Saturday) is a working day: the 2006 notice (国办发明电〔2005〕35号) moves it
  to 2 January; chinese-calendar 1.11 has it as a rest day.
* ``get_holiday_detail`` names: chinese-calendar names some weekend days adjoining a
  holiday (2019's "与周末连休" 清明、端午、中秋, 2023-12-30/31) that the records do not name,
  and misses a few the records do (2011-06-05, 2012-06-23, 2015-06-21, 2015-09-05);
  2009-10-03 (中秋 on a 国庆 statutory day) is "National Day" here.
* ``is_in_lieu``: in three periods chinese-calendar marks a different day of the same
  period or year (zwgk 2006-01-03, 2020-01-31, 2022-01-31; chinese-calendar 2018-02-19,
  2020-01-29, 2022-02-03).
* No [`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] for the last week of the final
  year (chinese-calendar does not warn either).
* ``get_solar_terms`` is not provided (it is astronomy, not a notice).
"""

from __future__ import annotations

import datetime as _dt
import enum
import warnings
from collections.abc import Callable
from functools import cache
from types import MappingProxyType
from typing import TypeVar

from zwgk.calendar import ChinaCalendar, DayKind, Festival, statutory_days
from zwgk.calendar._days import as_date
from zwgk.errors import CalendarCoverageError, ProvisionalCalendarWarning

__all__ = [  # noqa: RUF022 - chinese_calendar's own order
    "Holiday",
    "ChineseCalendarRangeError",
    "is_holiday",
    "is_in_lieu",
    "is_workday",
    "get_holiday_detail",
    "get_dates",
    "get_holidays",
    "get_workdays",
    "find_workday",
]

_T = TypeVar("_T")


class Holiday(enum.Enum):
    """chinese-calendar's holiday names: the value is its English name, ``chinese`` the Chinese one."""

    chinese: str

    def __new__(cls, english: str, chinese: str) -> Holiday:
        obj = object.__new__(cls)
        obj._value_ = english
        obj.chinese = chinese
        return obj

    new_years_day = "New Year's Day", "元旦"
    spring_festival = "Spring Festival", "春节"
    tomb_sweeping_day = "Tomb-sweeping Day", "清明"
    labour_day = "Labour Day", "劳动节"
    dragon_boat_festival = "Dragon Boat Festival", "端午"
    national_day = "National Day", "国庆节"
    mid_autumn_festival = "Mid-autumn Festival", "中秋"
    anti_fascist_70th_day = "Anti-Fascist 70th Day", "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"

    @classmethod
    def from_festival(cls, festival: Festival) -> Holiday:
        """The chinese-calendar name of a zwgk [`Festival`][zwgk.calendar.Festival]."""
        return _BY_FESTIVAL[festival]


_BY_FESTIVAL = MappingProxyType(
    {
        Festival.NEW_YEAR: Holiday.new_years_day,
        Festival.SPRING_FESTIVAL: Holiday.spring_festival,
        Festival.QINGMING: Holiday.tomb_sweeping_day,
        Festival.LABOUR_DAY: Holiday.labour_day,
        Festival.DRAGON_BOAT: Holiday.dragon_boat_festival,
        Festival.MID_AUTUMN: Holiday.mid_autumn_festival,
        Festival.NATIONAL_DAY: Holiday.national_day,
        Festival.VICTORY_DAY: Holiday.anti_fascist_70th_day,
    }
)


class ChineseCalendarRangeError(CalendarCoverageError, NotImplementedError):
    """A date outside the recorded notice years: chinese-calendar raises ``NotImplementedError`` there.

    Both a [`CalendarCoverageError`][zwgk.errors.CalendarCoverageError] and a `NotImplementedError`, so
    code written for chinese-calendar (``except NotImplementedError``) keeps working.
    """

    @classmethod
    def from_coverage(cls, exc: CalendarCoverageError) -> ChineseCalendarRangeError:
        """The same error (day, bounds, message), catchable as ``NotImplementedError``."""
        return cls(exc.day, exc.first, exc.last, exc.reason)


@cache
def _calendar() -> ChinaCalendar:
    # The notices only: no estimates, as chinese-calendar has no data beyond its table.
    return ChinaCalendar(beyond="raise")


@cache
def _in_lieu() -> frozenset[_dt.date]:
    cal = _calendar()
    out: set[_dt.date] = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        for year in range(cal.kernel.first.year, cal.kernel.last.year + 1):
            for holiday in cal.holidays(year):
                n = len(holiday.working_days)
                adjusted = [d for d in holiday.rest_days if cal.day_kind(d).kind is DayKind.ADJUSTED_REST]
                out.update(adjusted[len(adjusted) - n :] if n else ())
    return frozenset(out)


def _answer(fn: Callable[[], _T]) -> _T:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            return fn()
    except ChineseCalendarRangeError:
        raise
    except CalendarCoverageError as exc:
        raise ChineseCalendarRangeError.from_coverage(exc) from None


def _name(day: _dt.date, festivals: tuple[Festival, ...]) -> str:
    if len(festivals) > 1:
        statutory = statutory_days(day.year).get(day)
        if statutory in festivals and statutory is not Festival.NATIONAL_DAY:
            festivals = (statutory,)
        elif Festival.NATIONAL_DAY in festivals:
            festivals = (Festival.NATIONAL_DAY,)
    name: str = _BY_FESTIVAL[festivals[0]].value
    return name


def is_workday(date: _dt.date) -> bool:
    """Whether ``date`` is a working day (上班).

    Raises:
        ChineseCalendarRangeError: outside the recorded notice years (a ``NotImplementedError``).
    """
    return _answer(lambda: _calendar().is_working_day(as_date(date, "date")))


def is_holiday(date: _dt.date) -> bool:
    """Whether ``date`` is a rest day: ``not is_workday(date)`` (weekends included)."""
    return not is_workday(date)


def is_in_lieu(date: _dt.date) -> bool:
    """Whether ``date`` is a weekday rest day paid for by a weekend working day (调休)."""
    day = as_date(date, "date")
    is_workday(day)  # the range check
    return day in _in_lieu()


def get_holiday_detail(date: _dt.date) -> tuple[bool, str | None]:
    """``(is_holiday, name)``: ``name`` is the `Holiday` value of a day a notice names, or ``None``."""
    info = _answer(lambda: _calendar().day_kind(as_date(date, "date")))
    if not info.festivals:
        return not info.is_working_day, None
    return not info.is_working_day, _name(info.date, info.festivals)


def get_dates(start: _dt.date, end: _dt.date) -> list[_dt.date]:
    """Every date of the closed interval ``[start, end]`` (no range check, as chinese-calendar)."""
    a = as_date(start, "start")
    b = as_date(end, "end")
    return [a + _dt.timedelta(days=i) for i in range((b - a).days + 1)]


def _check_range(start: _dt.date, end: _dt.date) -> None:
    for day in (start, end):
        is_workday(day)


def get_holidays(start: _dt.date, end: _dt.date, include_weekends: bool = True) -> list[_dt.date]:
    """Rest days in ``[start, end]``; ``include_weekends=False``: only the rest days of holiday periods."""
    _check_range(start, end)
    days = get_dates(start, end)
    if include_weekends:
        return [d for d in days if is_holiday(d)]
    cal = _calendar()
    infos = _answer(lambda: [cal.day_kind(d) for d in days])
    return [i.date for i in infos if i.festivals and not i.is_working_day]


def get_workdays(start: _dt.date, end: _dt.date, include_weekends: bool = True) -> list[_dt.date]:
    """Working days in ``[start, end]``; ``include_weekends=False``: only Monday–Friday ones."""
    _check_range(start, end)
    days = _answer(lambda: list(_calendar().working_days(as_date(start, "start"), as_date(end, "end"))))
    if include_weekends:
        return days
    return [d for d in days if d.weekday() < 5]  # Monday–Friday


def find_workday(delta_days: int = 0, date: _dt.date | None = None) -> _dt.date:
    """The working day ``delta_days`` working days from ``date`` (default today, in local time).

    ``0`` rolls forward (``date`` itself if it is a working day); ``n > 0`` counts from that
    day; ``n < 0`` counts back, strictly before ``date``.  Unlike
    [`add_working_days`][zwgk.calendar.ChinaCalendar.add_working_days], where ``0`` returns ``date``.
    """
    day = as_date(date if date is not None else _dt.date.today(), "date")
    cal = _calendar()
    if delta_days >= 0:
        return _answer(lambda: cal.add_working_days(cal.roll_forward(day), delta_days))
    return _answer(lambda: cal.add_working_days(day, delta_days))
