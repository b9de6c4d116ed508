"""Statutory deadlines of 《政府信息公开条例》 on China's official working-day calendar.

The periods of the Regulations (both regimes, 2008 and 2019), receipt by channel, the
request clock with its events and explanations, and the remedies' periods — counted on the
calendar of [`zwgk.calendar`][] (``zwgk.calendar.default_calendar()``).
Everything here is a pure function over immutable values; importing this package does not
import pydantic, numpy, pandas or workalendar.

Counting semantics, in one place: the start day is never counted; working days are
Monday–Friday minus notice rest days plus notice working weekends; working-day periods end on
the n-th working day after the start; day and month periods whose last day is a rest day end
on the next working day.  Every statutory number comes from ``data/regimes.toml`` for the
regime in force ([`regime_for`][zwgk.deadlines.regime_for]).
"""

import importlib
from types import MappingProxyType as _MappingProxyType
from typing import TYPE_CHECKING

from zwgk.deadlines._clock import reply_deadline, reply_due
from zwgk.deadlines._events import (
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Event,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
)
from zwgk.deadlines._kinds import ClockState, DeadlineKind, ViolationKind
from zwgk.deadlines._periods import Period, PeriodUnit, period_end
from zwgk.deadlines._regimes import ConsultationParty, Regime, regime_for, regimes
from zwgk.deadlines._results import ClockPolicy, Deadline, Status, Step

if TYPE_CHECKING:
    from zwgk.deadlines._outcomes import (
        Outcome,
        OutcomeGroup,
    )
    from zwgk.deadlines._receipt import Channel, Receipt, receipt_date
    from zwgk.deadlines._statutory import (
        BodyLevel,
        annual_report_due,
        fee_payment_deadline,
        litigation_after_review_deadline,
        litigation_deadline,
        proactive_deadline,
        review_deadline,
    )
    from zwgk.deadlines._vector import reply_due_array

# Names whose modules load on first use (issue 17: ``import zwgk.deadlines`` stays cheap).
_LAZY = _MappingProxyType(
    {
        "Outcome": "zwgk.deadlines._outcomes",
        "OutcomeGroup": "zwgk.deadlines._outcomes",
        "Channel": "zwgk.deadlines._receipt",
        "Receipt": "zwgk.deadlines._receipt",
        "receipt_date": "zwgk.deadlines._receipt",
        "BodyLevel": "zwgk.deadlines._statutory",
        "annual_report_due": "zwgk.deadlines._statutory",
        "fee_payment_deadline": "zwgk.deadlines._statutory",
        "litigation_after_review_deadline": "zwgk.deadlines._statutory",
        "litigation_deadline": "zwgk.deadlines._statutory",
        "proactive_deadline": "zwgk.deadlines._statutory",
        "review_deadline": "zwgk.deadlines._statutory",
        "reply_due_array": "zwgk.deadlines._vector",
    }
)

__all__ = [  # noqa: RUF022 - grouped by concern (STYLE §2), not alphabetically
    # the regimes of 《政府信息公开条例》 and their periods
    "Regime",
    "regime_for",
    "regimes",
    "Period",
    "PeriodUnit",
    "period_end",
    # receipt (第三十一条)
    "Channel",
    "Receipt",
    "receipt_date",
    # the request clock and its events
    "reply_deadline",
    "reply_due",
    "reply_due_array",
    "ClockPolicy",
    "ConsultationParty",
    "Event",
    "CorrectionRequested",
    "CorrectionReceived",
    "ConsultationStarted",
    "ConsultationEnded",
    "FeeNoticeIssued",
    "FeePaid",
    "ExtensionGranted",
    "ReasonableDelaySet",
    "Replied",
    "Withdrawn",
    "Outcome",
    "OutcomeGroup",
    # results (Deadline.violations holds Violation values: on, kind, detail, article)
    "Deadline",
    "DeadlineKind",
    "Step",
    "Status",
    "ClockState",
    "ViolationKind",
    # single-period deadlines
    "BodyLevel",
    "proactive_deadline",
    "annual_report_due",
    "fee_payment_deadline",
    "review_deadline",
    "litigation_deadline",
    "litigation_after_review_deadline",
    # the calendar they are counted on (documented in zwgk.calendar)
]

_MOVED = frozenset(
    {
        "ChinaCalendar",
        "Coverage",
        "DayInfo",
        "DayKind",
        "Festival",
        "Holiday",
        "HolidayPeriod",
        "Notice",
        "NoticeKind",
        "bundled_notices",
        "load_notices",
        "notice_from_mapping",
        "notice_json_schema",
        "plot_calendar_year",
    }
)


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is not None:
        return getattr(importlib.import_module(module), name)
    if name in _MOVED:
        raise AttributeError(f"zwgk.deadlines.{name} has moved to zwgk.calendar (files: zwgk.calendar.io)")
    if name in ("StatutoryRegime", "statutory_regimes"):
        raise AttributeError(f"zwgk.deadlines.{name} is now zwgk.calendar.HolidayRules / holiday_rules")
    raise AttributeError(f"module 'zwgk.deadlines' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
