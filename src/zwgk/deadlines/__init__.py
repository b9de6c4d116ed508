"""Deadlines on China's official working-day calendar.

The calendar is built from every State Council holiday notice (国办发明电, with 调休);
the statutory periods of the 《政府信息公开条例》 are counted on it.  Everything here is a
pure function over immutable values; importing this package does not import pydantic,
numpy, pandas or workalendar.

Counting semantics, in one place: the start day is never counted; working days are
Monday–Friday minus notice rest days plus notice working weekends; ``add_working_days`` is
strict; ``working_days_between`` counts ``(a, b]``.
"""

from zwgk.deadlines._calendar import (
    ChinaCalendar,
    Coverage,
    DayInfo,
    DayKind,
    Holiday,
    default_calendar,
)
from zwgk.deadlines._notices import (
    Festival,
    HolidayPeriod,
    Notice,
    NoticeKind,
    bundled_notices,
    load_notices,
    notice_from_mapping,
    notice_json_schema,
)
from zwgk.deadlines._rules import StatutoryRegime, statutory_regimes

__all__ = [
    # calendar
    "ChinaCalendar",
    "Coverage",
    "DayInfo",
    "DayKind",
    # notices and rules (data)
    "Festival",
    "Holiday",
    "HolidayPeriod",
    "Notice",
    "NoticeKind",
    "StatutoryRegime",
    "bundled_notices",
    "default_calendar",
    "load_notices",
    "notice_from_mapping",
    "notice_json_schema",
    "statutory_regimes",
]
