"""The disclosure-request clock: when a reply is due, and why.

:func:`reply_deadline` counts the reply period of 《政府信息公开条例》 on the official
calendar and applies the request's events in date order:

=========================  ==============================================================
event                      effect on the clock
=========================  ==============================================================
CorrectionRequested        stops the clock; the period restarts when the corrected request
                           arrives (条例第三十条).  A notice later than 7 working days after
                           receipt is a violation (2019 regime).
CorrectionReceived         restart: a full reply period from that day.
ConsultationStarted/Ended  pause: working days in ``(start, end]`` do not count (第三十三条第三款;
                           under the 2008 regime only third-party consultations pause).  With
                           no end recorded, the pause ends when the 15-working-day answer
                           window ends (第三十二条, policy ``consultation_open_end``).
FeeNoticeIssued/FeePaid    pause by default (policy ``fee_pauses_clock``); unpaid 20 working
                           days after the notice → abandoned (国办函〔2020〕109号).
ExtensionGranted           adds its working days if granted on or before the current due
                           date and within the limit; otherwise a violation, not applied.
ReasonableDelaySet         moves the due date to the date set (第三十五条, 2019 regime only).
Replied / Withdrawn        close the request; a reply after the due date is a violation.
=========================  ==============================================================

Every step records the date, what happened, its effect and the article it rests on.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import attrs

from zwgk.deadlines._calendar import ChinaCalendar, as_date, default_calendar
from zwgk.deadlines._events import (
    EVENT_TYPES,
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
from zwgk.deadlines._periods import Period, PeriodUnit, _end, raw_end
from zwgk.deadlines._regimes import RECEIPT_ARTICLE, Regime, get_regime, other_period
from zwgk.errors import InvalidEventSequence, InvalidInputError, InvalidTypeError

__all__ = [
    "ClockPolicy",
    "ClockState",
    "Deadline",
    "DeadlineKind",
    "Status",
    "Step",
    "Violation",
    "ViolationKind",
    "reply_deadline",
]


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


@attrs.frozen
class ClockPolicy:
    """Choices the Regulations leave open, each with its default (see the explanation docs).

    Attributes:
        fee_pauses_clock: the reply period pauses from the fee notice until payment
            (FACTS §2 [U]: believed to pause; default ``True``).
        late_correction_restarts: a correction notice sent after the 7-working-day limit
            still restarts the period when the corrected request arrives (the text of
            第三十条 attaches the restart to receipt of the correction; default ``True``;
            the violation is recorded either way).
        consultation_open_end: for a consultation with no recorded end, ``"answer_window"``
            ends the pause when the consulted party's 15-working-day answer window ends
            (第三十二条、第三十四条); ``"open"`` leaves the due date undetermined.
        consultation_answer_window: that window in working days (default 15).
        fee_payment_window: working days to pay, counted from the day after the notice
            (国办函〔2020〕109号; default 20).
    """

    fee_pauses_clock: bool = True
    late_correction_restarts: bool = True
    consultation_open_end: Literal["answer_window", "open"] = "answer_window"
    consultation_answer_window: int = 15
    fee_payment_window: int = 20


DEFAULT_POLICY = ClockPolicy()


@attrs.frozen
class Step:
    """One line of a deadline's explanation."""

    on: dt.date
    event: str
    effect: str
    article: str
    due: dt.date | None


StepRow = tuple[dt.date, str, str, str, "dt.date | None"]
"""A step as a plain tuple: ``(on, event, effect, article, due)``."""


@attrs.frozen
class Violation:
    """A breach of the time rules, with the article it breaks."""

    on: dt.date
    kind: ViolationKind
    detail: str
    article: str


@attrs.frozen
class Status:
    """Where a deadline stands on a given day.

    ``working_days_remaining`` counts working days in ``(on, due]`` (0 on the due day;
    negative once overdue, e.g. -3 = three working days late).  For a closed request
    ``working_days_late`` says how late the reply was (0 = on time).
    """

    on: dt.date
    state: ClockState
    due: dt.date | None
    working_days_remaining: int | None
    overdue: bool
    working_days_late: int | None
    summary: str


@attrs.frozen(eq=False, repr=False)
class Deadline:
    """A statutory deadline with its explanation.

    Attributes:
        kind: which deadline this is.
        start: the day counting starts from (receipt, formation of the information, ...).
        due: the last day, or ``None`` while the clock is stopped (awaiting a correction or
            a fee payment) or after the request was abandoned.
        regime: the version of the Regulations applied (``None`` for remedies).
        steps: the explanation, in date order (built on first access from ``step_rows``).
        step_rows: the same steps as plain ``(on, event, effect, article, due)`` tuples.
        paused_working_days: working days not counted because of pauses.
        extension_working_days: working days added by valid extensions.
        violations: breaches of the time rules found in the events.
        provisional: whether any day used lies beyond the recorded holiday notices.
        state: where the request stands after all events.
        closed_on: the reply or withdrawal date, if any.
        outcome: the reply's outcome, if recorded.
        data_version: the calendar data version used.
    """

    kind: DeadlineKind
    start: dt.date
    due: dt.date | None
    regime: Regime | None
    step_rows: tuple[StepRow, ...] = attrs.field(repr=False)
    calendar: ChinaCalendar = attrs.field(repr=False)
    paused_working_days: int = 0
    extension_working_days: int = 0
    violations: tuple[Violation, ...] = ()
    provisional: bool = False
    state: ClockState = ClockState.RUNNING
    closed_on: dt.date | None = None
    outcome: object = None
    abandon_after: dt.date | None = None
    abandon_reason: str = ""
    data_version: str = ""

    # Step objects are built when first read: most batch uses never look at them.
    _steps: tuple[Step, ...] | None = attrs.field(default=None, init=False, repr=False)

    @property
    def steps(self) -> tuple[Step, ...]:
        """The explanation, in date order: what happened, its effect and the article."""
        steps = self._steps
        if steps is None:
            steps = tuple(Step(*row) for row in self.step_rows)
            object.__setattr__(self, "_steps", steps)
        return steps

    @property
    def working_days_late(self) -> int | None:
        """For a replied request: working days after the due date (0 if on time)."""
        if self.state is not ClockState.REPLIED or self.closed_on is None or self.due is None:
            return None
        return max(0, self.calendar._between(self.due, self.closed_on))

    @property
    def on_time(self) -> bool | None:
        """For a replied request: whether the reply came on or before the due date."""
        late = self.working_days_late
        return None if late is None else late == 0

    def status(self, on: dt.date) -> Status:
        """Where this deadline stands at the end of day ``on``.

        Events dated after ``on`` are ignored for a request clock (the status is what could
        be known that day).  Remaining working days count ``(on, due]``.

        Raises:
            InvalidInputError: ``on`` is before the start.
        """
        on = as_date(on, "on")
        if on < self.start:
            raise InvalidInputError("on", on, f"a date on or after {self.start.isoformat()}")
        self.calendar._index(on, "on")  # a day the calendar answers for
        view = self
        if self.kind is DeadlineKind.REPLY and any(e.on > on for e in self._events):
            view = _evaluate_as_of(self, on)
        return view._status(on)

    def _status(self, on: dt.date) -> Status:
        cal = self.calendar
        state = self.state
        if state in (ClockState.REPLIED, ClockState.WITHDRAWN):
            late = self.working_days_late
            if state is ClockState.WITHDRAWN:
                text = "withdrawn by the applicant"
            elif self.due is None:
                text = "replied; no due date applied (the clock was stopped or the request abandoned)"
            else:
                text = "replied on time" if not late else f"replied {late} working day(s) late"
            return Status(on, state, self.due, None, bool(late), late, text)
        if self.abandon_after is not None and on > self.abandon_after:
            return Status(
                on,
                ClockState.ABANDONED,
                None,
                None,
                False,
                None,
                f"abandoned: {self.abandon_reason} by {self.abandon_after.isoformat()} (视为放弃申请)",
            )
        if self.due is None:
            waiting = {
                ClockState.AWAITING_CORRECTION: "clock stopped, awaiting a corrected request",
                ClockState.AWAITING_PAYMENT: "clock stopped, awaiting payment of the fee",
            }.get(state, "due date undetermined until the consultation ends")
            return Status(on, state, None, None, False, None, waiting)
        remaining = cal._between(on, self.due)
        if remaining >= 0:
            text = f"due {self.due.isoformat()}: {remaining} working day(s) left"
        else:
            text = f"overdue since {self.due.isoformat()}: {-remaining} working day(s) late"
        return Status(on, state, self.due, remaining, remaining < 0, None, text)

    def __repr__(self) -> str:
        due = self.due.isoformat() if self.due else "undetermined"
        regime = f", regime {self.regime.id}" if self.regime else ""
        extra = f", {len(self.violations)} violation(s)" if self.violations else ""
        prov = ", provisional" if self.provisional else ""
        head = f"<Deadline {self.kind.value} from {self.start.isoformat()}: due {due}, {self.state.value}"
        return f"{head}{regime}{extra}{prov}>"

    def _repr_html_(self) -> str:
        from zwgk.deadlines._display import deadline_html

        return deadline_html(self)

    def to_frame(self) -> Any:
        """The steps as a pandas DataFrame (extra ``zwgk[pandas]``)."""
        from zwgk.deadlines._display import deadline_frame

        return deadline_frame(self)

    def plot(self, *, labels: Literal["auto", "zh", "en"] = "auto") -> Any:
        """A timeline figure with pauses shaded and the due date marked (extra ``zwgk[plot]``)."""
        from zwgk.deadlines._display import plot_deadline

        return plot_deadline(self, labels=labels)

    def explain(self) -> str:
        """The steps as plain text, one per line."""
        lines = []
        for s in self.steps:
            due = f"  → due {s.due.isoformat()}" if s.due else ""
            lines.append(f"{s.on.isoformat()}  {s.event}: {s.effect} [{s.article}]{due}")
        lines.extend(
            f"VIOLATION {v.on.isoformat()}  {v.kind.value}: {v.detail} [{v.article}]" for v in self.violations
        )
        if self.provisional:
            lines.append("NOTE: uses days beyond the recorded holiday notices (provisional)")
        return "\n".join(lines)

    # Inputs kept so that status(on) can re-evaluate as of an earlier day.
    _received: dt.date | None = attrs.field(default=None, repr=False, alias="_received")
    _events: tuple[Event, ...] = attrs.field(default=(), repr=False, alias="_events")
    _policy: ClockPolicy = attrs.field(default=DEFAULT_POLICY, repr=False, alias="_policy")


def _evaluate_as_of(deadline: Deadline, on: dt.date) -> Deadline:
    assert deadline._received is not None
    assert deadline.regime is not None
    events = tuple(e for e in deadline._events if e.on <= on)
    return _run(deadline._received, events, deadline.regime, deadline.calendar, deadline._policy)


def reply_deadline(
    received: dt.date,
    events: Iterable[Event] = (),
    *,
    regime: Regime | str | None = None,
    calendar: ChinaCalendar | None = None,
    policy: ClockPolicy | None = None,
) -> Deadline:
    """The reply deadline of a disclosure request, with every step explained.

    Args:
        received: the receipt date under 条例第三十一条 (see :func:`receipt_date`).
        events: the request's events, in any order (applied by date; same-day events in
            the order given).
        regime: override the regime chosen by ``received`` (``"2008"``, ``"2019"`` or a
            :class:`Regime`).
        calendar: the working-day calendar (default :func:`default_calendar`).
        policy: choices the law leaves open (default :class:`ClockPolicy`).

    Returns:
        The :class:`Deadline`; its ``due`` is the last day to reply (the start day is never
        counted; every period is counted in working days).

    Raises:
        InvalidEventSequence: events that cannot have happened (an event before receipt, an
            end without a start, two open pauses, an event after the request was closed, an
            unknown outcome).
        InvalidInputError: ``received`` is before 2008-05-01.
        CalendarCoverageError: the deadline falls outside the calendar.
    """
    received = as_date(received, "received")
    cal = calendar if calendar is not None else default_calendar()
    if not isinstance(cal, ChinaCalendar):
        raise InvalidTypeError("calendar", cal, "a zwgk.deadlines.ChinaCalendar or None")
    pol = policy if policy is not None else DEFAULT_POLICY
    if not isinstance(pol, ClockPolicy):
        raise InvalidTypeError("policy", pol, "a zwgk.deadlines.ClockPolicy or None")
    evs = tuple(events)
    for ev in evs:
        if not isinstance(ev, EVENT_TYPES):
            raise InvalidEventSequence(
                "not a request event (expected CorrectionRequested, ConsultationStarted, ...)", [ev]
            )
    return _run(received, evs, get_regime(regime, received), cal, pol)


@attrs.define
class _Pause:
    event: ConsultationStarted | FeeNoticeIssued
    pausing: bool
    # The last day the pause can last when no end is recorded: the consultation's answer
    # window (policy "answer_window") or the fee's payment window; None when an end is recorded.
    limit: dt.date | None = None


class _Clock:
    """Mutable state of one evaluation (local to :func:`_run`; never shared)."""

    def __init__(self, received: dt.date, regime: Regime, cal: ChinaCalendar, policy: ClockPolicy) -> None:
        self.received = received
        self.regime = regime
        self.cal = cal
        self.policy = policy
        self.start = received
        self.latest = received
        self.due: dt.date | None = self.add(received, regime.reply.amount)
        self.steps: list[StepRow] = []
        self.violations: list[Violation] = []
        self.paused = 0
        self.extended = 0
        self.pause: _Pause | None = None
        self.correction: CorrectionRequested | None = None
        self.correction_stops = True
        self.corrections = 0
        self.fee_due: dt.date | None = None
        self.fee_lapsed = False
        self.closed: Replied | Withdrawn | None = None
        self.explicit_ends: set[int] = set()  # id() of consultations whose end is recorded

    def add(self, day: dt.date, n: int) -> dt.date:
        out = dt.date.fromordinal(self.cal._add(day, day.toordinal(), n))
        self.latest = max(self.latest, out, day)
        return out

    def between(self, a: dt.date, b: dt.date) -> int:
        self.latest = max(self.latest, a, b)
        return self.cal._between(a, b)

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
            _close_open_consultation(self, pause)
        else:
            _fee_lapses(self, pause)

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


def _ordered(events: Sequence[Event]) -> list[Event]:
    # sorted() is stable: events of the same day keep the order given.
    return sorted(events, key=_on)


def _on(event: Event) -> dt.date:
    return event.on


# Enum members as plain module constants: attribute access on an Enum class is slow on 3.11.
_RUNNING, _REPLIED, _WITHDRAWN = ClockState.RUNNING, ClockState.REPLIED, ClockState.WITHDRAWN
_AWAITING_CORRECTION, _AWAITING_PAYMENT = ClockState.AWAITING_CORRECTION, ClockState.AWAITING_PAYMENT
_ABANDONED = ClockState.ABANDONED
_REPLY = DeadlineKind.REPLY


def _run(
    received: dt.date,
    events: Sequence[Event],
    regime: Regime,
    cal: ChinaCalendar,
    policy: ClockPolicy,
) -> Deadline:
    c = _Clock(received, regime, cal, policy)
    ordered = _ordered(events)
    c.explicit_ends = _consultations_with_an_end(ordered)
    c.step(received, "收到申请 (request received)", *regime.start_texts)
    for ev in ordered:
        if ev.on < received:
            raise InvalidEventSequence(f"event dated before the request was received ({received})", [ev])
        if c.closed is not None:
            raise InvalidEventSequence("event after the request was closed", [c.closed, ev])
        c.expire(ev.on)
        (_HANDLERS.get(type(ev)) or _handler_for(ev))(c, ev)
    _finish(c)
    state = _RUNNING
    if isinstance(c.closed, Replied):
        state = _REPLIED
    elif isinstance(c.closed, Withdrawn):
        state = _WITHDRAWN
    elif c.correction is not None and c.correction_stops:
        state = _AWAITING_CORRECTION
    elif c.fee_lapsed:
        state = _ABANDONED
    elif c.fee_due is not None and c.due is None:
        state = _AWAITING_PAYMENT
    abandon, reason = None, ""
    if state is _AWAITING_CORRECTION and c.correction is not None:
        abandon, reason = c.correction.until, "no corrected request received"
    elif c.fee_due is not None and state is not _REPLIED and state is not _WITHDRAWN:
        abandon, reason = c.fee_due, "the fee was not paid"
    provisional = c.latest > cal.settled_until
    if provisional:
        cal._provisional(f"the reply deadline of the request received {received.isoformat()}")
    return Deadline(
        kind=_REPLY,
        start=received,
        due=c.due,
        regime=regime,
        step_rows=tuple(c.steps),
        paused_working_days=c.paused,
        extension_working_days=c.extended,
        violations=tuple(c.violations),
        provisional=provisional,
        state=state,
        closed_on=c.closed.on if c.closed is not None else None,
        outcome=c.closed.outcome if isinstance(c.closed, Replied) else None,
        abandon_after=abandon,
        abandon_reason=reason,
        data_version=cal.data_version,
        calendar=cal,
        _received=received,
        _events=tuple(events),
        _policy=policy,
    )


def _consultation_started(c: _Clock, ev: ConsultationStarted) -> None:
    r = c.regime
    _open_pause_check(c, ev)
    pausing = ev.party in r.consultation_pauses
    limit = None
    if pausing and id(ev) not in c.explicit_ends and c.policy.consultation_open_end == "answer_window":
        limit = c.add(ev.on, c.policy.consultation_answer_window)
    c.pause = _Pause(ev, pausing, limit)
    if pausing:
        effect = f"pause begins: working days after {ev.on.isoformat()} are not counted until it ends"
    else:
        effect = f"no pause: under {r.short} only consultations of a third party pause the period"
    c.step(ev.on, f"征求{ev.party.label}意见 (consultation started)", effect, r.consultation_article)


def _consultation_ended(c: _Clock, ev: ConsultationEnded) -> None:
    if c.pause is None or not isinstance(c.pause.event, ConsultationStarted):
        raise InvalidEventSequence("consultation ended but none was started", [ev])
    c.close_pause(ev.on, "征求意见结束 (consultation ended)", c.regime.consultation_article)


def _fee_notice(c: _Clock, ev: FeeNoticeIssued) -> None:
    _open_pause_check(c, ev)
    c.fee_due = c.add(ev.on, c.policy.fee_payment_window)
    c.pause = _Pause(ev, c.policy.fee_pauses_clock, c.fee_due)
    if c.policy.fee_pauses_clock:
        effect = f"pause begins until payment; pay by {c.fee_due.isoformat()} or the request is abandoned"
    else:
        effect = f"no pause (policy); pay by {c.fee_due.isoformat()} or the request is abandoned"
    c.step(ev.on, "发出收费通知 (fee notice)", effect, other_period("fee_payment").article)


def _fee_paid(c: _Clock, ev: FeePaid) -> None:
    fee = other_period("fee_payment")
    if c.fee_lapsed:
        c.step(
            ev.on,
            "缴纳信息处理费 (fee paid)",
            "paid after the payment window: the request had already been treated as abandoned",
            fee.article,
        )
        return
    if c.pause is None or not isinstance(c.pause.event, FeeNoticeIssued):
        raise InvalidEventSequence("fee paid but no fee notice is open", [ev])
    c.fee_due = None
    c.close_pause(ev.on, "缴纳信息处理费 (fee paid)", fee.article)


def _replied(c: _Clock, ev: Replied) -> None:
    r = c.regime
    _check_outcome(ev)
    _close(c, ev)
    if c.due is not None and ev.on > c.due:
        late = c.between(c.due, ev.on)
        c.violate(
            ev.on,
            ViolationKind.LATE_REPLY,
            f"replied {late} working day(s) after the due date {c.due.isoformat()}",
            r.reply.article,
        )
    c.step(ev.on, "作出答复 (replied)", "the request is closed", r.reply.article)


def _withdrawn(c: _Clock, ev: Withdrawn) -> None:
    _close(c, ev)
    c.step(ev.on, "申请人撤回申请 (withdrawn)", "the request is closed", RECEIPT_ARTICLE)


def _open_pause_check(c: _Clock, ev: Event) -> None:
    if c.pause is not None:
        raise InvalidEventSequence("two open pauses: the earlier one has no end", [c.pause.event, ev])
    if c.correction is not None and c.correction_stops:
        raise InvalidEventSequence(
            "a pause while the clock is stopped awaiting a correction", [c.correction, ev]
        )


def _correction_requested(c: _Clock, ev: CorrectionRequested) -> None:
    r = c.regime
    if c.pause is not None:
        raise InvalidEventSequence("correction requested during an open pause", [c.pause.event, ev])
    if c.correction is not None or c.corrections:
        c.violate(
            ev.on,
            ViolationKind.REPEATED_CORRECTION_NOTICE,
            "a second correction notice; the applicant must be told once (一次性告知); not applied",
            r.correction_article,
        )
        return
    if c.due is not None and ev.on > c.due:
        c.violate(
            ev.on,
            ViolationKind.LATE_CORRECTION_NOTICE,
            f"correction notice sent after the reply period ended on {c.due.isoformat()}; not applied "
            "(a period that has run out cannot restart)",
            r.correction_notice.article if r.correction_notice is not None else r.correction_article,
        )
        c.correction, c.corrections, c.correction_stops = ev, c.corrections + 1, False
        c.step(
            ev.on,
            "告知补正 (correction requested)",
            "too late: the clock is not stopped",
            r.correction_article,
        )
        return
    late = False
    if r.correction_notice is not None:
        used = c.between(c.start, ev.on)
        limit = r.correction_notice.amount
        if used > limit:
            late = True
            c.violate(
                ev.on,
                ViolationKind.LATE_CORRECTION_NOTICE,
                f"correction notice {used} working days after receipt; the limit is {limit}",
                r.correction_notice.article,
            )
    c.correction = ev
    c.corrections += 1
    c.correction_stops = not (late and not c.policy.late_correction_restarts)
    if not c.correction_stops:
        c.step(
            ev.on,
            "告知补正 (correction requested)",
            "late notice: the clock keeps running and will not restart (policy)",
            r.correction_article,
        )
        return
    c.due = None
    until = f"; the applicant was given until {ev.until.isoformat()}" if ev.until else ""
    if r.correction_notice is None:
        until += f" (policy: {r.short} fixes no restart rule; zwgk applies that of the 2019 revision)"
    c.step(
        ev.on,
        "告知补正 (correction requested)",
        f"clock stops; the reply period will run from receipt of the corrected request{until}",
        r.correction_article,
    )


def _correction_received(c: _Clock, ev: CorrectionReceived) -> None:
    r = c.regime
    if c.correction is None:
        raise InvalidEventSequence("corrected request received but no correction was requested", [ev])
    if not c.correction_stops:
        c.correction = None
        c.step(
            ev.on,
            "收到补正申请 (corrected request received)",
            "no restart: the late correction notice did not stop the clock (policy)",
            r.correction_article,
        )
        return
    late_note = ""
    if c.correction.until is not None and ev.on > c.correction.until:
        late_note = f" (after the period given, {c.correction.until.isoformat()}; accepted by the agency)"
    c.correction = None
    c.start = ev.on
    c.paused = 0
    c.extended = 0
    c.due = c.add(ev.on, r.reply.amount)
    c.step(
        ev.on,
        "收到补正申请 (corrected request received)",
        f"restart: a full {r.reply.render()} from this day{late_note}",
        f"{r.correction_article}；{r.reply.article}",
    )


def _extension(c: _Clock, ev: ExtensionGranted) -> None:
    r = c.regime
    art = r.extension.article
    current = c.current_due(ev.on)
    if current is None:
        c.violate(
            ev.on,
            ViolationKind.EXTENSION_WHILE_STOPPED,
            "extension granted while the clock is stopped; not applied",
            art,
        )
        return
    if ev.on > current:
        c.violate(
            ev.on,
            ViolationKind.LATE_EXTENSION,
            f"extension granted after the due date {current.isoformat()}; not applied",
            art,
        )
        return
    limit = r.extension.amount
    if c.extended + ev.working_days > limit:
        c.violate(
            ev.on,
            ViolationKind.OVERSIZED_EXTENSION,
            f"extension of {ev.working_days} working days (already {c.extended}) exceeds the limit of "
            f"{limit}; not applied",
            art,
        )
        return
    c.extended += ev.working_days
    assert c.due is not None
    c.due = c.add(c.due, ev.working_days)
    c.step(ev.on, "延长答复期限 (extension granted)", f"+{ev.working_days} working days", art)


def _reasonable_delay(c: _Clock, ev: ReasonableDelaySet) -> None:
    r = c.regime
    art = r.reasonable_delay_article
    if art is None:
        c.violate(
            ev.on,
            ViolationKind.DELAY_WITHOUT_BASIS,
            f"{r.short} has no reasonable-delay rule; not applied",
            r.reply.article,
        )
        return
    current = c.current_due(ev.on)
    if current is None or ev.on > current:
        c.violate(
            ev.on,
            ViolationKind.LATE_DELAY,
            "delay set after the due date or while the clock is stopped; not applied",
            art,
        )
        return
    if ev.until <= current:
        c.step(
            ev.on,
            "确定延迟答复期限 (reasonable delay)",
            "no effect: not later than the current due date",
            art,
        )
        return
    if c.pause is not None and c.pause.pausing:
        raise InvalidEventSequence("a reasonable delay set during an open pause", [c.pause.event, ev])
    due = ev.until if c.cal._is_working(ev.until) else c.add(ev.until, 1)
    c.due = due
    c.latest = max(c.latest, ev.until, due)
    rolled = "" if due == ev.until else f" ({ev.until.isoformat()} is a rest day: rolls forward)"
    c.step(ev.on, "确定延迟答复期限 (reasonable delay)", f"due date set to {due.isoformat()}{rolled}", art)


def _close(c: _Clock, ev: Replied | Withdrawn) -> None:
    if c.pause is not None:
        fee = isinstance(c.pause.event, FeeNoticeIssued)
        article = other_period("fee_payment").article if fee else c.regime.consultation_article
        c.close_pause(ev.on, "pause ends with the request", article)
    c.correction = None
    c.fee_due = None
    c.closed = ev


def _finish(c: _Clock) -> None:
    if c.closed is not None or c.pause is None:
        return
    pause = c.pause
    if isinstance(pause.event, ConsultationStarted) and pause.pausing:
        if pause.limit is None:  # policy "open": the due date waits for the consultation's end
            c.pause = None
            c.due = None
            c.step(
                pause.event.on,
                "征求意见未结束 (consultation open)",
                "due date undetermined until the consultation ends (policy)",
                c.regime.consultation_article,
            )
            return
        _close_open_consultation(c, pause)
    elif isinstance(pause.event, FeeNoticeIssued) and pause.pausing:
        c.pause = None
        c.due = None


def _answer_window_article(c: _Clock) -> str:
    if c.regime.consultation_answer is not None:
        return c.regime.consultation_answer.article
    return f"policy ClockPolicy.consultation_answer_window ({c.regime.short} sets no period for answers)"


def _close_open_consultation(c: _Clock, pause: _Pause) -> None:
    """A consultation with no recorded end: the pause ends when the answer window ends."""
    assert pause.limit is not None  # callers check
    window = c.policy.consultation_answer_window
    c.close_pause(
        pause.limit,
        f"征求意见期满 (no end recorded; the {window}-working-day answer window ends)",
        _answer_window_article(c),
    )


def _fee_lapses(c: _Clock, pause: _Pause) -> None:
    """The payment window ended unpaid: the request is treated as abandoned."""
    assert pause.limit is not None  # callers check
    c.pause = None
    c.due = None
    c.fee_lapsed = True
    c.step(
        pause.limit,
        "缴费期满未缴纳 (payment window ended unpaid)",
        "the request is treated as abandoned (视为放弃申请); no reply is due",
        other_period("fee_payment").article,
    )


def _consultations_with_an_end(ordered: Sequence[Event]) -> set[int]:
    """id() of each ConsultationStarted whose ConsultationEnded follows it (events in date order)."""
    found: set[int] = set()
    current: ConsultationStarted | None = None
    for ev in ordered:
        if isinstance(ev, ConsultationStarted):
            current = ev
        elif isinstance(ev, ConsultationEnded) and current is not None:
            found.add(id(current))
            current = None
    return found


def _check_outcome(ev: Replied) -> None:
    outcome = ev.outcome
    if outcome is None or isinstance(outcome, enum.Enum):
        return
    if not isinstance(outcome, str) or not outcome.strip():
        raise InvalidEventSequence("unknown outcome (expected a table-3 row label or None)", [ev])
    from zwgk.deadlines._outcomes import parse_outcome

    try:
        parse_outcome(outcome)
    except LookupError:
        raise InvalidEventSequence(f"unknown outcome {outcome!r}", [ev]) from None


def _handler_for(ev: Event) -> Callable[[_Clock, Any], None]:
    """The handler of a subclass of an event class (the dict lookup covers the classes themselves)."""
    for kind in type(ev).__mro__:
        if kind in _HANDLERS:
            return _HANDLERS[kind]
    raise InvalidEventSequence("not a request event", [ev])  # pragma: no cover - checked on entry


# How each event changes the clock, by event class.
_HANDLERS: dict[type, Callable[[_Clock, Any], None]] = {
    CorrectionRequested: _correction_requested,
    CorrectionReceived: _correction_received,
    ConsultationStarted: _consultation_started,
    ConsultationEnded: _consultation_ended,
    FeeNoticeIssued: _fee_notice,
    FeePaid: _fee_paid,
    ExtensionGranted: _extension,
    ReasonableDelaySet: _reasonable_delay,
    Replied: _replied,
    Withdrawn: _withdrawn,
}


# ---------------------------------------------------------------- simple statutory deadlines


def explained_period(
    kind: DeadlineKind,
    start: dt.date,
    period: Period,
    *,
    event: str,
    cal: ChinaCalendar,
    regime: Regime | None = None,
) -> Deadline:
    """A :class:`Deadline` for one period from ``start``, with its explanation."""
    due = _end(start, period, cal)
    steps: list[StepRow] = [
        (start, event, f"{period.render()} counted from the next day", period.article, None)
    ]
    if period.unit is not PeriodUnit.WORKING_DAYS:
        nominal = raw_end(start, period)
        if nominal != due:
            steps.append(
                (
                    nominal,
                    "期间届满日为休息日 (last day is a rest day)",
                    f"rolls forward to the next working day {due.isoformat()}",
                    "《中华人民共和国民事诉讼法》第八十五条",
                    due,
                )
            )
    steps.append((due, "期限届满 (period ends)", f"last day: {due.isoformat()}", period.article, due))
    provisional = max(due, start) > cal.settled_until
    if provisional:
        cal._provisional(f"the {kind.value} deadline from {start.isoformat()}")
    return Deadline(
        kind=kind,
        start=start,
        due=due,
        regime=regime,
        step_rows=tuple(steps),
        provisional=provisional,
        data_version=cal.data_version,
        calendar=cal,
    )
