"""China's official working-day calendar, built from the State Council holiday notices.

Every State Council holiday notice (国办发明电, with 调休) since 2004 is bundled as data; the
statutory holiday rules (《全国年节及纪念日放假办法》, each version a
[`HolidayRules`][zwgk.calendar.HolidayRules]) tell statutory holidays from other rest days and estimate years
no notice covers yet. Everything here is a pure function over immutable values; importing this package does
not import pydantic, numpy, pandas, matplotlib or workalendar.

Counting semantics, in one place: the start day is never counted; working days are
Monday–Friday minus notice rest days plus notice working weekends; ``add_working_days`` is
strict; ``working_days_between`` counts ``(a, b]``.

Reading notice files and their JSON Schema is the boundary, in [`zwgk.calendar.io`][].
"""

import importlib
import sys as _sys
from types import MappingProxyType as _MappingProxyType
from typing import TYPE_CHECKING

from zwgk.calendar._calendar import ChinaCalendar, default_calendar
from zwgk.calendar._days import Coverage, DayInfo, DayKind, Holiday
from zwgk.calendar._kernel import UNCOVERED, CalendarKernel, build_kernel
from zwgk.calendar._notices import Festival, HolidayPeriod, Notice, NoticeKind

if TYPE_CHECKING:
    from zwgk.calendar._display import plot_calendar_year
    from zwgk.calendar._holiday_map import HolidayMap
    from zwgk.calendar._rules import FestivalRule, HolidayRules, holiday_rules, statutory_days
    from zwgk.calendar.io import load_notices

__all__ = [  # noqa: RUF022 - grouped by concern (STYLE §2), not alphabetically
    # the calendar
    "ChinaCalendar",
    "default_calendar",
    "Coverage",
    "DayInfo",
    "DayKind",
    "Holiday",
    "HolidayMap",
    # holiday notices (reading files: zwgk.calendar.io)
    "Notice",
    "NoticeKind",
    "HolidayPeriod",
    "Festival",
    "load_notices",
    # statutory holiday rules (《全国年节及纪念日放假办法》)
    "HolidayRules",
    "FestivalRule",
    "holiday_rules",
    "statutory_days",
    # the kernel API (tables and quiet counting, for code that builds on the calendar)
    "CalendarKernel",
    "build_kernel",
    "UNCOVERED",
    # figures
    "plot_calendar_year",
]

# Names whose modules load on first use (issue 17: ``import zwgk.calendar`` stays cheap; the
# statutory rules, notice files and figures are not needed to count working days).
_LAZY = _MappingProxyType(
    {
        "plot_calendar_year": "zwgk.calendar._display",
        "HolidayRules": "zwgk.calendar._rules",
        "FestivalRule": "zwgk.calendar._rules",
        "holiday_rules": "zwgk.calendar._rules",
        "statutory_days": "zwgk.calendar._rules",
        "load_notices": "zwgk.calendar.io",
        "HolidayMap": "zwgk.calendar._holiday_map",
    }
)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'zwgk.calendar' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# The Series.zwgk accessor, only if pandas is already loaded (zwgk never imports it for you;
# `import zwgk.pandas` registers it explicitly).
if _sys.modules.get("pandas") is not None:
    from zwgk.calendar._pandas import register_accessor as _register_accessor

    _register_accessor()
