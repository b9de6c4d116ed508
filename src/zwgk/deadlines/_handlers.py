"""How each request event changes the clock: one handler per event class.

Each handler reads and updates the `Clock` of one run, records
a step (what happened, its effect, the article) or a violation, and raises
[`InvalidEventSequence`][zwgk.errors.InvalidEventSequence] for events that cannot have happened.  Every
number comes from the regime (``regimes.toml``) or the policy, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
    check_outcome,
)
from zwgk.deadlines._kinds import ViolationKind
from zwgk.deadlines._regimes import RECEIPT_ARTICLE
from zwgk.deadlines._state import Clock, Pause, close_open_consultation
from zwgk.errors import InvalidEventSequence

__all__ = ["HANDLERS", "consultations_with_an_end", "finish", "handler_for"]


def _consultation_started(c: Clock, ev: ConsultationStarted) -> None:
    r = c.regime
    _open_pause_check(c, ev)
    pausing = ev.party in r.consultation_pauses
    limit = None
    if pausing and id(ev) not in c.explicit_ends and c.policy.consultation_open_end == "answer_window":
        limit = c.add(ev.on, c.policy.consultation_answer_window)
    c.pause = Pause(ev, pausing, limit)
    if pausing:
        effect = f"pause begins: working days after {ev.on.isoformat()} are not counted until it ends"
    else:
        effect = f"no pause: under {r.short} only consultations of a third party pause the period"
    c.step(ev.on, f"征求{ev.party.label}意见 (consultation started)", effect, r.consultation_article)


def _consultation_ended(c: Clock, ev: ConsultationEnded) -> None:
    if c.pause is None or not isinstance(c.pause.event, ConsultationStarted):
        raise InvalidEventSequence.end_without_start(ev)
    c.close_pause(ev.on, "征求意见结束 (consultation ended)", c.regime.consultation_article)


def _fee_notice(c: Clock, ev: FeeNoticeIssued) -> None:
    _open_pause_check(c, ev)
    c.fee_due = c.add(ev.on, c.policy.fee_payment_window)
    c.pause = Pause(ev, c.policy.fee_pauses_clock, c.fee_due)
    if c.policy.fee_pauses_clock:
        effect = f"pause begins until payment; pay by {c.fee_due.isoformat()} or the request is abandoned"
    else:
        effect = f"no pause (policy); pay by {c.fee_due.isoformat()} or the request is abandoned"
    c.step(ev.on, "发出收费通知 (fee notice)", effect, c.regime.fee_payment.article)


def _fee_paid(c: Clock, ev: FeePaid) -> None:
    fee = c.regime.fee_payment
    if c.fee_lapsed:
        c.step(
            ev.on,
            "缴纳信息处理费 (fee paid)",
            "paid after the payment window: the request had already been treated as abandoned",
            fee.article,
        )
        return
    if c.pause is None or not isinstance(c.pause.event, FeeNoticeIssued):
        raise InvalidEventSequence.paid_without_notice(ev)
    c.fee_due = None
    c.close_pause(ev.on, "缴纳信息处理费 (fee paid)", fee.article)


def _replied(c: Clock, ev: Replied) -> None:
    r = c.regime
    check_outcome(ev, r.id)
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


def _withdrawn(c: Clock, ev: Withdrawn) -> None:
    _close(c, ev)
    c.step(ev.on, "申请人撤回申请 (withdrawn)", "the request is closed", RECEIPT_ARTICLE)


def _open_pause_check(c: Clock, ev: Event) -> None:
    if c.pause is not None:
        raise InvalidEventSequence.two_open_pauses(c.pause.event, ev)
    if c.correction is not None and c.correction_stops:
        raise InvalidEventSequence.pause_while_stopped(c.correction, ev)


def _correction_requested(c: Clock, ev: CorrectionRequested) -> None:
    r = c.regime
    if c.pause is not None:
        raise InvalidEventSequence.correction_during_pause(c.pause.event, ev)
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


def _correction_received(c: Clock, ev: CorrectionReceived) -> None:
    r = c.regime
    if c.correction is None:
        raise InvalidEventSequence.correction_not_requested(ev)
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


def _extension(c: Clock, ev: ExtensionGranted) -> None:
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


def _reasonable_delay(c: Clock, ev: ReasonableDelaySet) -> None:
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
        raise InvalidEventSequence.delay_during_pause(c.pause.event, ev)
    due = ev.until if c.is_working(ev.until) else c.add(ev.until, 1)
    c.due = due
    c.latest = max(c.latest, ev.until, due)
    rolled = "" if due == ev.until else f" ({ev.until.isoformat()} is a rest day: rolls forward)"
    c.step(ev.on, "确定延迟答复期限 (reasonable delay)", f"due date set to {due.isoformat()}{rolled}", art)


def _close(c: Clock, ev: Replied | Withdrawn) -> None:
    if c.pause is not None:
        fee = isinstance(c.pause.event, FeeNoticeIssued)
        article = c.regime.fee_payment.article if fee else c.regime.consultation_article
        c.close_pause(ev.on, "pause ends with the request", article)
    c.correction = None
    c.fee_due = None
    c.closed = ev


def finish(c: Clock) -> None:
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
        close_open_consultation(c, pause)
    elif isinstance(pause.event, FeeNoticeIssued) and pause.pausing:
        c.pause = None
        c.due = None


def consultations_with_an_end(ordered: Sequence[Event]) -> set[int]:
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


def handler_for(ev: Event) -> Callable[[Clock, Any], None]:
    """The handler of a subclass of an event class (the dict lookup covers the classes themselves)."""
    for kind in type(ev).__mro__:
        if kind in HANDLERS:
            return HANDLERS[kind]
    raise InvalidEventSequence.not_an_event(ev)  # pragma: no cover - checked on entry


# How each event changes the clock, by event class.
HANDLERS: dict[type, Callable[[Clock, Any], None]] = {
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
