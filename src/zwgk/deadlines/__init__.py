"""Deadlines on China's official working-day calendar.

The calendar is built from every State Council holiday notice (国办发明电, with 调休);
the statutory periods of the 《政府信息公开条例》 are counted on it.  Everything here is a
pure function over immutable values; importing this package does not import pydantic,
numpy, pandas or workalendar.

Counting semantics, in one place: the start day is never counted; working days are
Monday–Friday minus notice rest days plus notice working weekends; ``add_working_days`` is
strict; ``working_days_between`` counts ``(a, b]``; day and month periods whose last day is
a rest day end on the next working day.
"""

from zwgk.deadlines._calendar import (
    ChinaCalendar,
    Coverage,
    DayInfo,
    DayKind,
    Holiday,
    default_calendar,
)
from zwgk.deadlines._clock import (
    ClockPolicy,
    ClockState,
    Deadline,
    DeadlineKind,
    Status,
    Step,
    Violation,
    ViolationKind,
    reply_deadline,
)
from zwgk.deadlines._display import plot_calendar_year, plot_deadline, romanise_document
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
from zwgk.deadlines._outcomes import Outcome, OutcomeGroup, parse_outcome
from zwgk.deadlines._periods import Period, PeriodUnit, period_end
from zwgk.deadlines._receipt import Channel, Receipt, receipt_date
from zwgk.deadlines._regimes import ConsultationParty, Regime, regime_for, regimes
from zwgk.deadlines._rules import StatutoryRegime, statutory_regimes
from zwgk.deadlines._statutory import (
    BodyLevel,
    annual_report_due,
    fee_payment_deadline,
    litigation_after_review_deadline,
    litigation_deadline,
    proactive_deadline,
    review_deadline,
)

__all__ = [
    "BodyLevel",
    "Channel",
    "ChinaCalendar",
    "ClockPolicy",
    "ClockState",
    "ConsultationEnded",
    "ConsultationParty",
    "ConsultationStarted",
    "CorrectionReceived",
    "CorrectionRequested",
    "Coverage",
    "DayInfo",
    "DayKind",
    "Deadline",
    "DeadlineKind",
    "Event",
    "ExtensionGranted",
    "FeeNoticeIssued",
    "FeePaid",
    "Festival",
    "Holiday",
    "HolidayPeriod",
    "Notice",
    "NoticeKind",
    "Outcome",
    "OutcomeGroup",
    "Period",
    "PeriodUnit",
    "ReasonableDelaySet",
    "Receipt",
    "Regime",
    "Replied",
    "Status",
    "StatutoryRegime",
    "Step",
    "Violation",
    "ViolationKind",
    "Withdrawn",
    "annual_report_due",
    "bundled_notices",
    "default_calendar",
    "fee_payment_deadline",
    "litigation_after_review_deadline",
    "litigation_deadline",
    "load_notices",
    "notice_from_mapping",
    "notice_json_schema",
    "parse_outcome",
    "period_end",
    "plot_calendar_year",
    "plot_deadline",
    "proactive_deadline",
    "receipt_date",
    "regime_for",
    "regimes",
    "reply_deadline",
    "review_deadline",
    "romanise_document",
    "statutory_regimes",
]
