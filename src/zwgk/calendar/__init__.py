"""China's official working-day calendar, built from the State Council holiday notices.

Every State Council holiday notice (国办发明电, with 调休) since 2004 is bundled as data; the
statutory holiday rules (《全国年节及纪念日放假办法》, each version a :class:`HolidayRules`)
tell statutory holidays from other rest days and estimate years no notice covers yet.
Everything here is a pure function over immutable values; importing this package does not
import pydantic, numpy, pandas, matplotlib or workalendar.

Counting semantics, in one place: the start day is never counted; working days are
Monday–Friday minus notice rest days plus notice working weekends; ``add_working_days`` is
strict; ``working_days_between`` counts ``(a, b]``.

Reading notice files and their JSON Schema is the boundary, in :mod:`zwgk.calendar.io`.
"""

from zwgk.calendar._calendar import ChinaCalendar, default_calendar
from zwgk.calendar._days import Coverage, DayInfo, DayKind, Holiday
from zwgk.calendar._display import plot_calendar_year, romanise_document
from zwgk.calendar._kernel import UNCOVERED, CalendarKernel, build_kernel
from zwgk.calendar._notices import Festival, HolidayPeriod, Notice, NoticeKind
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
    "romanise_document",
]
