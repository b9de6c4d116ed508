"""A workalendar `Calendar` backed by zwgk's data.

workalendar's own ``China`` calendar stops at 2023 and warns on every call; this adapter
answers from a [`ChinaCalendar`][zwgk.calendar.ChinaCalendar] for every date it covers, with
workalendar's whole contract:

* ``holidays(year)`` is every rest day of a holiday period *in the calendar year* ``year``
  (a period's days in the previous December, such as 2018-12-30/31 of the 2019 元旦 set by
  国办发明电〔2018〕15号, belong to that December's year), sorted, labelled with the festivals
  as the notice writes them (``国庆节、中秋节``); ``holidays_set``, ``get_holiday_label`` and
  ``export_to_ical`` are workalendar's, built on it.
* ``is_working_day``, ``is_holiday``, ``add_working_days``, ``sub_working_days`` and
  ``get_working_days_delta`` answer from the notices, weekend working days (调休上班) included.
* Outside the calendar's range every method raises ``WorkalendarCoverageError``, which is
  both a [`CalendarCoverageError`][zwgk.errors.CalendarCoverageError] and workalendar's ``CalendarError``.

The classes are created on first use so that importing zwgk never imports workalendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from zwgk.calendar._days import DayKind, as_date
from zwgk.errors import CalendarCoverageError

if TYPE_CHECKING:
    from workalendar.core import Calendar

    from zwgk.calendar._calendar import ChinaCalendar

__all__ = ["make_workalendar", "workalendar_coverage_error"]

_T = TypeVar("_T")


@cache
def workalendar_coverage_error() -> type[CalendarCoverageError]:
    """``WorkalendarCoverageError``: a [`CalendarCoverageError`][zwgk.errors.CalendarCoverageError] that is
    also workalendar's ``CalendarError`` (created on first use; imports workalendar)."""
    from workalendar.exceptions import CalendarError

    class WorkalendarCoverageError(CalendarCoverageError, CalendarError):  # type: ignore[misc]
        """A date outside the calendar's range, catchable as workalendar's ``CalendarError``."""

        @classmethod
        def from_coverage(cls, exc: CalendarCoverageError) -> WorkalendarCoverageError:
            """The same error (day, bounds, message) as workalendar's ``CalendarError``."""
            return cls(exc.day, exc.first, exc.last, exc.reason)

    WorkalendarCoverageError.__module__ = "zwgk.calendar"
    return WorkalendarCoverageError


def _answer(fn: Callable[[], _T]) -> _T:
    error = workalendar_coverage_error()
    try:
        return fn()
    except error:
        raise
    except CalendarCoverageError as exc:
        raise error.from_coverage(exc) from None  # type: ignore[attr-defined]


@cache
def _adapter_class() -> type[Calendar]:
    from workalendar.core import SAT, SUN, Calendar

    class ZwgkChina(Calendar):  # type: ignore[misc]
        """China's official working-day calendar (zwgk data), with workalendar's API."""

        name = "China (zwgk)"
        WEEKEND_DAYS = (SAT, SUN)
        CoverageError = workalendar_coverage_error()

        def __init__(self, calendar: ChinaCalendar) -> None:
            super().__init__()
            self._zwgk = calendar

        def get_calendar_holidays(self, year: int) -> list[tuple[dt.date, str]]:
            """Every rest day of a holiday period within the calendar year ``year``, labelled."""
            return _answer(lambda: self._holidays_of(year))

        def _holidays_of(self, year: int) -> list[tuple[dt.date, str]]:
            cal = self._zwgk
            k = cal.kernel
            if not isinstance(year, int) or not k.first.year <= year <= k.estimated_until.year:
                # the calendar's own error for a year out of range (or not a year)
                cal.holidays(year)
            if dt.date(year, 12, 31).toordinal() > k.settled_ordinal:
                k.warn_provisional(f"holidays({year})")
            lo, hi = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
            return sorted(
                (dt.date.fromordinal(o), "、".join(f.value for f in e.festivals))
                for o, e in k.days.items()
                if lo <= o <= hi and not e.kind.is_working and e.festivals
            )

        def is_working_day(
            self,
            day: Any,
            extra_working_days: Any = None,
            extra_holidays: Any = None,
        ) -> bool:
            d = as_date(day, "day")
            if extra_working_days and d in {as_date(x) for x in extra_working_days}:
                return True
            if extra_holidays and d in {as_date(x) for x in extra_holidays}:
                return False
            return _answer(lambda: self._zwgk.is_working_day(d))

        def is_holiday(self, day: Any, extra_holidays: Any = None) -> bool:
            d = as_date(day, "day")
            if extra_holidays and d in {as_date(x) for x in extra_holidays}:
                return True
            info = _answer(lambda: self._zwgk.day_kind(d))
            return info.kind in (DayKind.STATUTORY_HOLIDAY, DayKind.ADJUSTED_REST) or (
                info.festivals != () and not info.is_working_day
            )

        def add_working_days(
            self,
            day: Any,
            delta: int,
            extra_working_days: Any = None,
            extra_holidays: Any = None,
            keep_datetime: bool = False,
        ) -> Any:
            if extra_working_days or extra_holidays or keep_datetime:
                return super().add_working_days(
                    day, delta, extra_working_days, extra_holidays, keep_datetime=keep_datetime
                )
            return _answer(lambda: self._zwgk.add_working_days(as_date(day, "day"), delta))

        # sub_working_days is inherited: workalendar implements it as add_working_days(day, -|delta|).

    return ZwgkChina


def make_workalendar(calendar: ChinaCalendar) -> Calendar:
    """Return a workalendar ``Calendar`` instance answering from ``calendar``."""
    return _adapter_class()(calendar)
