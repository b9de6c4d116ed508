"""The state of one run of the request clock, and how a pause opens, runs out and closes.

A `Clock` lives only while [`reply_deadline`][zwgk.deadlines.reply_deadline] applies the events
of one request; it is the only mutable object of the package and never escapes.  Counting
goes through the calendar's kernel API ([`CalendarKernel`][zwgk.calendar.CalendarKernel]).
"""

from __future__ import annotations

import datetime as dt

import attrs

from zwgk._i18n import msg, msg_n
from zwgk.calendar import ChinaCalendar
from zwgk.deadlines._events import (
    ConsultationStarted,
    CorrectionRequested,
    FeeNoticeIssued,
    Replied,
    Withdrawn,
)
from zwgk.deadlines._explain import regime_name, working_days
from zwgk.deadlines._kinds import ViolationKind
from zwgk.deadlines._regimes import Regime
from zwgk.deadlines._results import ClockPolicy, StepRow, Text, Violation

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

    def step(self, on: dt.date, event: Text, effect: Text, article: Text) -> None:
        self.steps.append((on, event, effect, article, self.due))

    def violate(self, on: dt.date, kind: ViolationKind, detail: Text, article: str) -> None:
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

    def close_pause(self, end: dt.date, why: Text, article: Text) -> None:
        pause = self.pause
        assert pause is not None
        self.pause = None
        if not pause.pausing or self.due is None:
            return
        s = pause.event.on
        if s >= self.due:
            self.step(end, why, msg("no effect: the pause began on or after the due date"), article)
            return
        n = self.between(s, end)
        self.paused += n
        self.due = self.add(self.due, n)
        not_counted = msg_n(
            "{n} working day in ({start}, {end}] not counted",
            "{n} working days in ({start}, {end}] not counted",
            "n",
            n=n,
            start=s,
            end=end,
        )
        self.step(end, why, not_counted, article)


def answer_window_article(c: Clock) -> Text:
    if c.regime.consultation_answer is not None:
        return c.regime.consultation_answer.article
    return msg(
        "policy ClockPolicy.consultation_answer_window ({regime} sets no period for answers)",
        regime=regime_name(c.regime),
    )


def close_open_consultation(c: Clock, pause: Pause) -> None:
    """A consultation with no recorded end: the pause ends when the answer window ends."""
    assert pause.limit is not None  # callers check
    window = c.policy.consultation_answer_window
    c.close_pause(
        pause.limit,
        msg(
            "consultation period over (no end recorded; the answer window of {period} ends)",
            period=working_days(window),
        ),
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
        msg("payment window ended unpaid"),
        msg("the request is treated as abandoned; no reply is due"),
        c.regime.fee_payment.article,
    )
