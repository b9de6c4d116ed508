"""The state of one run of the request clock, and how a pause opens, runs out and closes.

A `Clock` lives only while [`reply_deadline`][zwgk.deadlines.reply_deadline] applies the events
of one request; it is the only mutable object of the package and never escapes.  Counting
goes through the calendar's kernel API ([`CalendarKernel`][zwgk.calendar.CalendarKernel]).
"""

from __future__ import annotations

import datetime as dt

import attrs

from zwgk.calendar import ChinaCalendar
from zwgk.deadlines._events import (
    ConsultationStarted,
    CorrectionRequested,
    FeeNoticeIssued,
    Replied,
    Withdrawn,
)
from zwgk.deadlines._kinds import ViolationKind
from zwgk.deadlines._regimes import Regime
from zwgk.deadlines._results import ClockPolicy, StepRow, Violation

__all__ = ["Clock", "Pause", "answer_window_article", "close_open_consultation", "fee_lapses"]


@attrs.define
class Pause:
    event: ConsultationStarted | FeeNoticeIssued
    pausing: bool
    # The last day the pause can last when no end is recorded: the consultation's answer
    # window (policy "answer_window") or the fee's payment window; None when an end is recorded.
    limit: dt.date | None = None


class Clock:
    """Mutable state of one evaluation (local to one ``reply_deadline`` run; never shared)."""

    def __init__(self, received: dt.date, regime: Regime, cal: ChinaCalendar, policy: ClockPolicy) -> None:
        self.received = received
        self.regime = regime
        self.cal = cal
        self.kernel = cal.kernel
        self.policy = policy
        self.start = received
        self.latest = received
        self.due: dt.date | None = self.add(received, regime.reply.amount)
        self.steps: list[StepRow] = []
        self.violations: list[Violation] = []
        self.paused = 0
        self.extended = 0
        self.pause: Pause | None = None
        self.correction: CorrectionRequested | None = None
        self.correction_stops = True
        self.corrections = 0
        self.fee_due: dt.date | None = None
        self.fee_lapsed = False
        self.closed: Replied | Withdrawn | None = None
        self.explicit_ends: set[int] = set()  # id() of consultations whose end is recorded

    def add(self, day: dt.date, n: int) -> dt.date:
        out = self.kernel.add(day, n)
        self.latest = max(self.latest, out, day)
        return out

    def between(self, a: dt.date, b: dt.date) -> int:
        self.latest = max(self.latest, a, b)
        return self.kernel.between(a, b)

    def is_working(self, day: dt.date) -> bool:
        return self.kernel.is_working(day)

    def step(self, on: dt.date, event: str, effect: str, article: str) -> None:
        self.steps.append((on, event, effect, article, self.due))

    def violate(self, on: dt.date, kind: ViolationKind, detail: str, article: str) -> None:
        self.violations.append(Violation(on, kind, detail, article))

    def current_due(self, on: dt.date) -> dt.date | None:
        """The due date if an open pause ended on ``on`` (or at its limit, if earlier)."""
        if self.due is None or self.pause is None or not self.pause.pausing:
            return self.due
        s = self.pause.event.on
        end = min(on, self.pause.limit) if self.pause.limit is not None else on
        return self.add(self.due, self.between(s, end)) if s < self.due else self.due

    def expire(self, before: dt.date) -> None:
        """Close a pause whose limit passed before ``before`` (the next event's date)."""
        pause = self.pause
        if pause is None or pause.limit is None or pause.limit >= before:
            return
        if isinstance(pause.event, ConsultationStarted):
            close_open_consultation(self, pause)
        else:
            fee_lapses(self, pause)

    def close_pause(self, end: dt.date, why: str, article: str) -> None:
        pause = self.pause
        assert pause is not None
        self.pause = None
        if not pause.pausing or self.due is None:
            return
        s = pause.event.on
        if s >= self.due:
            self.step(end, why, "no effect: the pause began on or after the due date", article)
            return
        n = self.between(s, end)
        self.paused += n
        self.due = self.add(self.due, n)
        self.step(
            end, why, f"{n} working day(s) in ({s.isoformat()}, {end.isoformat()}] not counted", article
        )


def answer_window_article(c: Clock) -> str:
    if c.regime.consultation_answer is not None:
        return c.regime.consultation_answer.article
    return f"policy ClockPolicy.consultation_answer_window ({c.regime.short} sets no period for answers)"


def close_open_consultation(c: Clock, pause: Pause) -> None:
    """A consultation with no recorded end: the pause ends when the answer window ends."""
    assert pause.limit is not None  # callers check
    window = c.policy.consultation_answer_window
    c.close_pause(
        pause.limit,
        f"征求意见期满 (no end recorded; the {window}-working-day answer window ends)",
        answer_window_article(c),
    )


def fee_lapses(c: Clock, pause: Pause) -> None:
    """The payment window ended unpaid: the request is treated as abandoned."""
    assert pause.limit is not None  # callers check
    c.pause = None
    c.due = None
    c.fee_lapsed = True
    c.step(
        pause.limit,
        "缴费期满未缴纳 (payment window ended unpaid)",
        "the request is treated as abandoned (视为放弃申请); no reply is due",
        c.regime.fee_payment.article,
    )
