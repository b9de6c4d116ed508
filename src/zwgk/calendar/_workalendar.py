"""A workalendar :class:`~workalendar.core.Calendar` backed by zwgk's data.

workalendar's own ``China`` calendar stops at 2023 and warns on every call; this adapter
answers from a :class:`~zwgk.calendar.ChinaCalendar` for every date it covers.  The class
is created on first use so that importing zwgk never imports workalendar.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any

from zwgk.calendar._days import DayKind, as_date

if TYPE_CHECKING:
    from workalendar.core import Calendar

    from zwgk.calendar._calendar import ChinaCalendar

__all__ = ["make_workalendar"]


@cache
def _adapter_class() -> type[Calendar]:
    from workalendar.core import SAT, SUN, Calendar

    class ZwgkChina(Calendar):  # type: ignore[misc]
        """China's official working-day calendar (zwgk data), with workalendar's API."""

        name = "China (zwgk)"
        WEEKEND_DAYS = (SAT, SUN)

        def __init__(self, calendar: ChinaCalendar) -> None:
            super().__init__()
            self._zwgk = calendar

        def get_calendar_holidays(self, year: int) -> list[tuple[dt.date, str]]:
            """Every rest day of the year's holiday periods, labelled with the festival."""
            out: list[tuple[dt.date, str]] = []
            for holiday in self._zwgk.holidays(year):
                out.extend((day, holiday.label) for day in holiday.rest_days)
            return sorted(out)

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
            return self._zwgk.is_working_day(d)

        def is_holiday(self, day: Any, extra_holidays: Any = None) -> bool:
            d = as_date(day, "day")
            if extra_holidays and d in {as_date(x) for x in extra_holidays}:
                return True
            info = self._zwgk.day_kind(d)
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
            return self._zwgk.add_working_days(as_date(day, "day"), delta)

        # sub_working_days is inherited: workalendar implements it as add_working_days(day, -|delta|).

    return ZwgkChina


def make_workalendar(calendar: ChinaCalendar) -> Calendar:
    """Return a workalendar ``Calendar`` instance answering from ``calendar``."""
    return _adapter_class()(calendar)
