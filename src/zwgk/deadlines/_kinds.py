"""The names the clock uses: which deadline, where a request stands, which rule was broken."""

from __future__ import annotations

import enum

__all__ = ["ClockState", "DeadlineKind", "ViolationKind"]


class DeadlineKind(enum.StrEnum):
    """Which statutory deadline a :class:`Deadline` is."""

    REPLY = "reply"
    PROACTIVE = "proactive"
    ANNUAL_REPORT = "annual_report"
    REVIEW = "review"
    LITIGATION = "litigation"
    LITIGATION_AFTER_REVIEW = "litigation_after_review"
    FEE_PAYMENT = "fee_payment"


class ClockState(enum.StrEnum):
    """Where a request stands."""

    RUNNING = "running"
    AWAITING_CORRECTION = "awaiting_correction"
    AWAITING_PAYMENT = "awaiting_payment"
    ABANDONED = "abandoned"
    REPLIED = "replied"
    WITHDRAWN = "withdrawn"


class ViolationKind(enum.StrEnum):
    """A way the agency broke the Regulations' time rules."""

    LATE_CORRECTION_NOTICE = "late_correction_notice"
    REPEATED_CORRECTION_NOTICE = "repeated_correction_notice"
    LATE_EXTENSION = "late_extension"
    OVERSIZED_EXTENSION = "oversized_extension"
    EXTENSION_WHILE_STOPPED = "extension_while_stopped"
    LATE_DELAY = "late_delay"
    DELAY_WITHOUT_BASIS = "delay_without_basis"
    LATE_REPLY = "late_reply"
