"""How each request event changes the clock: one handler per event class.

Each handler reads and updates the `Clock` of one run, records
a step (what happened, its effect, the article) or a violation, and raises
[`InvalidEventSequence`][zwgk.errors.InvalidEventSequence] for events that cannot have happened.  Every
number comes from the regime (``regimes.toml``) or the policy, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from zwgk._i18n import msg, msg_n
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
from zwgk.deadlines._explain import period_text, regime_name, working_days
from zwgk.deadlines._kinds import ViolationKind
from zwgk.deadlines._regimes import RECEIPT_ARTICLE
from zwgk.deadlines._results import Text, late_reply
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
        effect = msg("pause begins: working days after {day} are not counted until it ends", day=ev.on)
    else:
        effect = msg(
            "no pause: under {regime} only consultations of a third party pause the period",
            regime=regime_name(r),
        )
    if ev.party.value == "third_party":
        event = msg("consultation of a third party started")
    else:
        event = msg("consultation of another agency started")
    c.step(ev.on, event, effect, r.consultation_article)


def _consultation_ended(c: Clock, ev: ConsultationEnded) -> None:
    if c.pause is None or not isinstance(c.pause.event, ConsultationStarted):
        raise InvalidEventSequence.end_without_start(ev)
    c.close_pause(ev.on, msg("consultation ended"), c.regime.consultation_article)


def _fee_notice(c: Clock, ev: FeeNoticeIssued) -> None:
    _open_pause_check(c, ev)
    c.fee_due = c.add(ev.on, c.policy.fee_payment_window)
    c.pause = Pause(ev, c.policy.fee_pauses_clock, c.fee_due)
    if c.policy.fee_pauses_clock:
        effect = msg("pause begins until payment; pay by {day} or the request is abandoned", day=c.fee_due)
    else:
        effect = msg("no pause (policy); pay by {day} or the request is abandoned", day=c.fee_due)
    c.step(ev.on, msg("fee notice issued"), effect, c.regime.fee_payment.article)


def _fee_paid(c: Clock, ev: FeePaid) -> None:
    fee = c.regime.fee_payment
    if c.fee_lapsed:
        c.step(
            ev.on,
            msg("fee paid"),
            msg("paid after the payment window: the request had already been treated as abandoned"),
            fee.article,
        )
        return
    if c.pause is None or not isinstance(c.pause.event, FeeNoticeIssued):
        raise InvalidEventSequence.paid_without_notice(ev)
    c.fee_due = None
    c.close_pause(ev.on, msg("fee paid"), fee.article)


def _replied(c: Clock, ev: Replied) -> None:
    r = c.regime
    check_outcome(ev, r.id)
    _close(c, ev)
    if c.due is not None and ev.on > c.due:
        c.violations.append(late_reply(ev.on, c.due, c.between(c.due, ev.on), r.reply.article))
    c.step(ev.on, msg("replied"), msg("the request is closed"), r.reply.article)


def _withdrawn(c: Clock, ev: Withdrawn) -> None:
    _close(c, ev)
    c.step(ev.on, msg("withdrawn by the applicant"), msg("the request is closed"), RECEIPT_ARTICLE)


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
            msg("a second correction notice; the applicant must be told everything at once; not applied"),
            r.correction_article,
        )
        return
    if c.due is not None and ev.on > c.due:
        c.violate(
            ev.on,
            ViolationKind.LATE_CORRECTION_NOTICE,
            msg(
                "correction notice sent after the reply period ended on {day}; not applied "
                "(a period that has run out cannot restart)",
                day=c.due,
            ),
            r.correction_notice.article if r.correction_notice is not None else r.correction_article,
        )
        c.correction, c.corrections, c.correction_stops = ev, c.corrections + 1, False
        c.step(
            ev.on,
            msg("correction requested"),
            msg("too late: the clock is not stopped"),
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
                msg_n(
                    "correction notice {n} working day after receipt; the limit is {limit}",
                    "correction notice {n} working days after receipt; the limit is {limit}",
                    "n",
                    n=used,
                    limit=limit,
                ),
                r.correction_notice.article,
            )
    c.correction = ev
    c.corrections += 1
    c.correction_stops = not (late and not c.policy.late_correction_restarts)
    if not c.correction_stops:
        c.step(
            ev.on,
            msg("correction requested"),
            msg("late notice: the clock keeps running and will not restart (policy)"),
            r.correction_article,
        )
        return
    c.due = None
    until: Text = msg("; the applicant was given until {day}", day=ev.until) if ev.until else ""
    policy: Text = ""
    if r.correction_notice is None:
        policy = msg(
            " (policy: {regime} fixes no restart rule; zwgk applies that of the current Regulations)",
            regime=regime_name(r),
        )
    c.step(
        ev.on,
        msg("correction requested"),
        msg(
            "clock stops; the reply period will run from receipt of the corrected request{until}{policy}",
            until=until,
            policy=policy,
        ),
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
            msg("corrected request received"),
            msg("no restart: the late correction notice did not stop the clock (policy)"),
            r.correction_article,
        )
        return
    late_note: object = ""
    if c.correction.until is not None and ev.on > c.correction.until:
        late_note = msg(" (after the period given, {day}; accepted by the agency)", day=c.correction.until)
    c.correction = None
    c.start = ev.on
    c.paused = 0
    c.extended = 0
    c.due = c.add(ev.on, r.reply.amount)
    c.step(
        ev.on,
        msg("corrected request received"),
        msg("restart: a full {period} from this day{late}", period=period_text(r.reply), late=late_note),
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
            msg("extension granted while the clock is stopped; not applied"),
            art,
        )
        return
    if ev.on > current:
        c.violate(
            ev.on,
            ViolationKind.LATE_EXTENSION,
            msg("extension granted after the due date {day}; not applied", day=current),
            art,
        )
        return
    limit = r.extension.amount
    if c.extended + ev.working_days > limit:
        c.violate(
            ev.on,
            ViolationKind.OVERSIZED_EXTENSION,
            msg_n(
                "extension of {n} working day (already {already}) exceeds the limit of {limit}; not applied",
                "extension of {n} working days (already {already}) exceeds the limit of {limit}; not applied",
                "n",
                n=ev.working_days,
                already=c.extended,
                limit=limit,
            ),
            art,
        )
        return
    c.extended += ev.working_days
    assert c.due is not None
    c.due = c.add(c.due, ev.working_days)
    c.step(
        ev.on,
        msg("extension granted"),
        msg("extended by {period}", period=working_days(ev.working_days)),
        art,
    )


def _reasonable_delay(c: Clock, ev: ReasonableDelaySet) -> None:
    r = c.regime
    art = r.reasonable_delay_article
    if art is None:
        c.violate(
            ev.on,
            ViolationKind.DELAY_WITHOUT_BASIS,
            msg("{regime} has no reasonable-delay rule; not applied", regime=regime_name(r)),
            r.reply.article,
        )
        return
    current = c.current_due(ev.on)
    if current is None or ev.on > current:
        c.violate(
            ev.on,
            ViolationKind.LATE_DELAY,
            msg("delay set after the due date or while the clock is stopped; not applied"),
            art,
        )
        return
    if ev.until <= current:
        c.step(
            ev.on,
            msg("reasonable delay set"),
            msg("no effect: not later than the current due date"),
            art,
        )
        return
    if c.pause is not None and c.pause.pausing:
        raise InvalidEventSequence.delay_during_pause(c.pause.event, ev)
    due = ev.until if c.is_working(ev.until) else c.add(ev.until, 1)
    c.due = due
    c.latest = max(c.latest, ev.until, due)
    rolled = "" if due == ev.until else msg(" ({day} is a rest day: rolls forward)", day=ev.until)
    c.step(
        ev.on,
        msg("reasonable delay set"),
        msg("due date set to {day}{rolled}", day=due, rolled=rolled),
        art,
    )


def _close(c: Clock, ev: Replied | Withdrawn) -> None:
    if c.pause is not None:
        fee = isinstance(c.pause.event, FeeNoticeIssued)
        article = c.regime.fee_payment.article if fee else c.regime.consultation_article
        c.close_pause(ev.on, msg("pause ends with the request"), article)
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
                msg("consultation still open"),
                msg("due date undetermined until the consultation ends (policy)"),
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
