"""The clock's texts: every word the request clock shows, as messages of the gettext catalog.

The handlers record `Message` values (a msgid and its arguments), never
worded text; this module words them, in the language asked for or current when they are read
(`zwgk._i18n`): a deadline's steps as lines, status summaries, and the names of kinds,
states, violations, channels and regimes.  English is the msgid; Chinese is in
``zwgk/locale/zh_CN/LC_MESSAGES/zwgk.po``.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING

from zwgk._i18n import N_, Language, Message, format_date, gettext, msg, msg_n, resolve
from zwgk.deadlines._kinds import ClockState, DeadlineKind, ViolationKind

if TYPE_CHECKING:
    from zwgk.deadlines._periods import Period
    from zwgk.deadlines._receipt import Channel
    from zwgk.deadlines._regimes import Regime
    from zwgk.deadlines._results import Deadline

__all__ = [
    "channel_text",
    "explanation",
    "kind_text",
    "period_text",
    "regime_name",
    "regime_text",
    "state_text",
    "summary",
    "violation_text",
    "working_days",
]

_WAITING = MappingProxyType(
    {
        ClockState.AWAITING_CORRECTION: N_("clock stopped, awaiting a corrected request"),
        ClockState.AWAITING_PAYMENT: N_("clock stopped, awaiting payment of the fee"),
    }
)
_UNDETERMINED = N_("due date undetermined until the consultation ends")
_KINDS = MappingProxyType(
    {
        DeadlineKind.REPLY: N_("reply deadline"),
        DeadlineKind.PROACTIVE: N_("proactive disclosure deadline"),
        DeadlineKind.ANNUAL_REPORT: N_("annual report deadline"),
        DeadlineKind.REVIEW: N_("administrative review deadline"),
        DeadlineKind.LITIGATION: N_("litigation deadline"),
        DeadlineKind.LITIGATION_AFTER_REVIEW: N_("litigation deadline after review"),
        DeadlineKind.FEE_PAYMENT: N_("fee payment deadline"),
    }
)
_STATES = MappingProxyType(
    {
        ClockState.RUNNING: N_("running"),
        ClockState.AWAITING_CORRECTION: N_("awaiting correction"),
        ClockState.AWAITING_PAYMENT: N_("awaiting payment"),
        ClockState.ABANDONED: N_("abandoned"),
        ClockState.REPLIED: N_("replied"),
        ClockState.WITHDRAWN: N_("withdrawn"),
    }
)
_VIOLATIONS = MappingProxyType(
    {
        ViolationKind.LATE_CORRECTION_NOTICE: N_("late correction notice"),
        ViolationKind.REPEATED_CORRECTION_NOTICE: N_("repeated correction notice"),
        ViolationKind.LATE_EXTENSION: N_("late extension"),
        ViolationKind.OVERSIZED_EXTENSION: N_("oversized extension"),
        ViolationKind.EXTENSION_WHILE_STOPPED: N_("extension while the clock is stopped"),
        ViolationKind.LATE_DELAY: N_("late delay"),
        ViolationKind.DELAY_WITHOUT_BASIS: N_("delay without basis"),
        ViolationKind.LATE_REPLY: N_("late reply"),
    }
)


def kind_text(kind: DeadlineKind, lang: Language | None = None) -> str:
    """Which deadline, worded: ``答复期限`` / ``reply deadline``."""
    return gettext(_KINDS[kind], lang)


def state_text(state: ClockState, lang: Language | None = None) -> str:
    """Where a request stands, worded: ``计时中`` / ``running``."""
    return gettext(_STATES[state], lang)


def violation_text(kind: ViolationKind, lang: Language | None = None) -> str:
    """A violation's kind, worded: ``逾期答复`` / ``late reply``."""
    return gettext(_VIOLATIONS[kind], lang)


def working_days(n: int) -> Message:
    """``n`` working days: ``20个工作日`` / ``20 working days``."""
    return msg_n("{n} working day", "{n} working days", "n", n=n)


def period_text(period: Period) -> Message:
    """A statutory period: ``20个工作日`` / ``20 working days``, ``六十日`` as ``60日`` / ``60 days``."""
    unit = period.unit.value
    if unit == "days":
        return msg_n("{n} day", "{n} days", "n", n=period.amount)
    if unit == "months":
        return msg_n("{n} month", "{n} months", "n", n=period.amount)
    return working_days(period.amount)


def regime_name(regime: Regime) -> Message:
    """A regime in a sentence: ``《政府信息公开条例》（2008年施行）`` / ``the Regulations
    (国务院令第492号)``."""
    return msg("the Regulations ({instrument})", instrument=regime.instrument, short=regime.short)


def regime_text(regime: Regime, lang: Language | None = None) -> str:
    """A regime on its own line, with its instrument and the day it took effect."""
    return msg(
        "the Regulations on Open Government Information ({instrument}, in force from {day})",
        instrument=regime.instrument,
        short=regime.short,
        day=regime.in_force,
    ).render(lang)


def explanation(deadline: Deadline, lang: Language | None = None) -> str:
    """The steps and violations of ``deadline`` as plain text, one per line, in ``lang``."""
    lang = resolve(lang)
    # Each template looked up once, the worded steps filled in as `Message.render` fills them
    # (a date in ISO form, a text as it is): two messages built and rendered per step cost
    # most of an explanation.
    line, due_at = gettext("{on}  {event}: {effect} [{article}]{due}", lang), gettext("  → due {day}", lang)
    lines = [
        line.format(
            on=format_date(s.on),
            event=s.event,
            effect=s.effect,
            article=s.article,
            due=due_at.format(day=format_date(s.due)) if s.due else "",
        )
        for s in deadline.steps_in(lang)
    ]
    lines.extend(
        msg(
            "VIOLATION {on}  {kind}: {detail} [{article}]",
            on=v.on,
            kind=violation_text(v.kind, lang),
            detail=v.detail_in(lang),
            article=v.article,
        ).render(lang)
        for v in deadline.violations
    )
    if deadline.provisional:
        lines.append(gettext("NOTE: uses days beyond the recorded holiday notices (provisional)", lang))
    return "\n".join(lines)


def summary(  # noqa: PLR0917 - one sentence from the six facts of a Status, called in one place
    state: ClockState,
    due: dt.date | None,
    remaining: int | None,
    late: int | None,
    abandoned_by: dt.date | None,
    abandon_reason: str | Message,
) -> Message:
    """One sentence on where a request stands (the ``summary`` of a [`Status`][zwgk.deadlines.Status]).

    ``abandoned_by`` is the last day the applicant could act, when that day has passed.
    """
    if state is ClockState.WITHDRAWN:
        return msg("withdrawn by the applicant")
    if state is ClockState.REPLIED:
        if due is None:
            return msg("replied; no due date applied (the clock was stopped or the request abandoned)")
        if not late:
            return msg("replied on time")
        return msg_n("replied {n} working day late", "replied {n} working days late", "n", n=late)
    if abandoned_by is not None:
        return msg("abandoned: {reason} by {day}", reason=abandon_reason, day=abandoned_by)
    if due is None or remaining is None:
        return msg(_WAITING.get(state, _UNDETERMINED))
    if remaining >= 0:
        return msg_n(
            "due {day}: {n} working day left", "due {day}: {n} working days left", "n", day=due, n=remaining
        )
    return msg_n(
        "overdue since {day}: {n} working day late",
        "overdue since {day}: {n} working days late",
        "n",
        day=due,
        n=-remaining,
    )


_CHANNELS = MappingProxyType(
    {
        "IN_PERSON": N_("in person"),
        "SIGNED_POST": N_("signed post"),
        "ORDINARY_LETTER": N_("ordinary letter"),
        "INTERNET": N_("internet"),
        "FAX": N_("fax"),
        "OTHER": N_("other channel"),
    }
)


def channel_text(channel: Channel, lang: Language | None = None) -> str:
    """How a request arrived, worded: ``邮寄`` / ``signed post``."""
    return gettext(_CHANNELS[channel.name], lang)
