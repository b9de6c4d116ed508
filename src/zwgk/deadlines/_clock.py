"""The disclosure-request clock: when a reply is due, and why.

[`reply_deadline`][zwgk.deadlines.reply_deadline] counts the reply period of 《政府信息公开条例》 on the
official calendar and applies the request's events in date order:

=========================  ==============================================================
event                      effect on the clock
=========================  ==============================================================
CorrectionRequested        stops the clock; the period restarts when the corrected request
                           arrives (条例第三十条).  A notice later than 7 working days after
                           receipt is a violation (2019 regime).
CorrectionReceived         restart: a full reply period from that day.
ConsultationStarted/Ended  pause: working days in ``(start, end]`` do not count (第三十三条第三款;
                           under the 2008 regime only third-party consultations pause).  With
                           no end recorded, the pause ends when the answer window ends
                           (第三十二条, policy ``consultation_open_end``).
FeeNoticeIssued/FeePaid    pause by default (policy ``fee_pauses_clock``); unpaid when the
                           payment window ends → abandoned (国办函〔2020〕109号).
ExtensionGranted           adds its working days if granted on or before the current due
                           date and within the limit; otherwise a violation, not applied.
ReasonableDelaySet         moves the due date to the date set (第三十五条, 2019 regime only).
Replied / Withdrawn        close the request; a reply after the due date is a violation.
=========================  ==============================================================

Every step records the date, what happened, its effect and the article it rests on.

The numbers (reply, extension, correction-notice and answer periods, the payment window)
are those of ``regimes.toml`` for the regime in force.  This module runs the clock; result
types are in `._results`, the state of a run in `._state`, the event handlers in
`._handlers` and texts in `._explain`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from typing import Any, cast

from zwgk._dates import parse_date
from zwgk._i18n import gettext, msg
from zwgk._lang import N_
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.deadlines._events import EVENT_TYPES, Event, Replied, Withdrawn
from zwgk.deadlines._kinds import ClockState, DeadlineKind
from zwgk.deadlines._lean import SLOW, FastTables, LeanResult, Rules, lean_run, rules
from zwgk.deadlines._regimes import Regime, get_regime, regimes
from zwgk.deadlines._results import (
    ClockPolicy,
    Deadline,
    StepRow,
    Text,
    deadline_from,
    deadline_template,
    default_policy,
)
from zwgk.errors import InvalidEventSequence, InvalidTypeError

__all__ = ["reply_deadline", "reply_due"]

_DATE = dt.date


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
        received: the receipt date under 条例第三十一条 (see [`receipt_date`][zwgk.deadlines.receipt_date]).
        events: the request's events, in any order (applied by date; same-day events in
            the order given).
        regime: override the regime chosen by ``received`` (``"2008"``, ``"2019"`` or a
            [`Regime`][zwgk.deadlines.Regime]).
        calendar: the working-day calendar (default [`default_calendar`][zwgk.calendar.default_calendar]).
        policy: choices the law leaves open (default [`ClockPolicy`][zwgk.deadlines.ClockPolicy]).

    Returns:
        The [`Deadline`][zwgk.deadlines.Deadline]; its ``due`` is the last day to reply (the start day is
        never counted; every period is counted in working days).

    Raises:
        InvalidEventSequence: events that cannot have happened (an event before receipt, an
            end without a start, two open pauses, an event after the request was closed, an
            unknown outcome).
        InvalidInputError: ``received`` is before 2008-05-01.
        CalendarCoverageError: the deadline falls outside the calendar.
    """
    if (
        regime is None
        and policy is None
        and type(received) is _DATE
        and (calendar is None or type(calendar) is ChinaCalendar)
        and received >= (common := (_COMMON or _common()) if calendar is None else _common_on(calendar))[0]
    ):
        # The common call (the newest regime, the default policy): only the events need checking,
        # which the fast path does as it applies them (the full clock checks them first).
        _, reg, pol, known, cal, fast, template = common
        evs = events if type(events) is tuple else tuple(events)
        lean = lean_run(received, evs, known, fast)
    else:
        received, evs, reg, cal, pol, lean = _other_call(received, events, regime, calendar, policy)
        template = _template(reg, cal)
    if lean is SLOW:
        return _run(received, _events(evs), reg, cal, pol)
    due, paused, extended, closed, violations = lean
    # A copy of the template filled with what differs (kind, regime, calendar, data version and
    # the defaults are in it; the steps are worded on first read, by _explained).
    fields = template.copy()
    fields["start"] = received
    fields["due"] = due
    fields["paused_working_days"] = paused
    fields["extension_working_days"] = extended
    if violations:
        fields["violations"] = violations
    if closed is not None:
        fields["closed_on"] = closed.on
        if type(closed) is Replied:
            fields["state"] = _REPLIED
            fields["outcome"] = closed.outcome
        else:
            fields["state"] = _WITHDRAWN
    fields["_clock"] = (received, evs, pol, _run, _explained)
    return deadline_from(fields)


def _template(regime: Regime, cal: ChinaCalendar) -> dict[str, Any]:
    """What a fast-path reply deadline under ``regime`` on ``cal`` starts from (`deadline_template`):
    running, not provisional (the fast path uses settled days only), no steps yet."""
    return deadline_template(_REPLY, regime, cal, cal.kernel.data_version)


_EVENT_CLASSES = frozenset(EVENT_TYPES)


def _other_call(
    received: object,
    events: Iterable[Event],
    regime: Regime | str | None,
    calendar: object,
    policy: object,
) -> tuple[dt.date, tuple[Event, ...], Regime, ChinaCalendar, ClockPolicy, LeanResult | None]:
    """Any call but the common one (an older regime, a regime or policy given, a date to parse):
    its inputs checked (`_resolve`) and the lean run on them, or `SLOW`."""
    day, evs, reg, cal, pol = _resolve(received, events, regime, calendar, policy)
    return day, evs, reg, cal, pol, lean_run(day, evs, rules(reg, pol), cal.kernel.fast)


def _resolve(
    received: object,
    events: Iterable[Event],
    regime: Regime | str | None,
    calendar: object,
    policy: object,
) -> tuple[dt.date, tuple[Event, ...], Regime, ChinaCalendar, ClockPolicy]:
    """The clock's inputs checked (in this order: the date, calendar, policy, events, regime)."""
    day = received if type(received) is _DATE else parse_date(received, "received", text=False)
    cal = calendar if calendar is not None else default_calendar()
    if not isinstance(cal, ChinaCalendar):
        raise InvalidTypeError("calendar", cal, N_("a zwgk.calendar.ChinaCalendar or None"))
    pol = policy if policy is not None else default_policy()
    if not isinstance(pol, ClockPolicy):
        raise InvalidTypeError("policy", pol, N_("a zwgk.deadlines.ClockPolicy or None"))
    evs = _events(events)
    reg = _newest()[1] if regime is None and day >= _newest()[0] else get_regime(regime, day)
    return day, evs, reg, cal, pol


def _events(events: Iterable[Event]) -> tuple[Event, ...]:
    """``events`` as a tuple, each checked to be an event."""
    evs = tuple(events)
    for ev in evs:
        if type(ev) not in _EVENT_CLASSES and not isinstance(ev, EVENT_TYPES):
            raise InvalidEventSequence.not_an_event(ev)
    return evs


def reply_due(
    received: dt.date,
    events: Iterable[Event] = (),
    *,
    regime: Regime | str | None = None,
    calendar: ChinaCalendar | None = None,
    policy: ClockPolicy | None = None,
) -> dt.date | None:
    """The due date alone: ``reply_deadline(...).due``, with the same semantics, policy,
    warnings and errors, without building the explanation.

    For a batch that needs only due dates (a ledger's lateness).  ``None`` while the clock is
    stopped or after the request was abandoned, as `Deadline.due`.  Whole columns:
    [`reply_due_array`][zwgk.deadlines.reply_due_array].

    Returns:
        The last day of the reply period, or ``None`` while it cannot be known.

    Raises:
        InvalidEventSequence: events that cannot have happened (as for
            [`reply_deadline`][zwgk.deadlines.reply_deadline]).
        InvalidInputError: ``received`` is before 2008-05-01.
        CalendarCoverageError: the deadline falls outside the calendar.
    """
    if (
        regime is None
        and policy is None
        and type(received) is _DATE
        and (calendar is None or type(calendar) is ChinaCalendar)
        and received >= (common := (_COMMON or _common()) if calendar is None else _common_on(calendar))[0]
    ):
        # The common call (the newest regime, the default policy): only the events need checking.
        _, reg, pol, known, cal, fast, _ = common
        if not events:  # the most common request: one table lookup
            try:
                r = fast[0][received.toordinal()] + known[0]
            except IndexError:  # after the settled day: the full clock warns or raises
                pass
            else:
                if r <= fast[2]:
                    return fast[1][r]
        evs = events if type(events) is tuple else tuple(events)
        lean = lean_run(received, evs, known, fast)  # checks every event it applies
    else:
        received, evs, reg, cal, pol, lean = _other_call(received, events, regime, calendar, policy)
    if lean is SLOW:
        return _run(received, _events(evs), reg, cal, pol).due
    return lean[0]


@functools.cache
def _newest() -> tuple[dt.date, Regime, ClockPolicy, Rules]:
    """The newest regime's date, the regime, the default policy and what the fast path reads of
    the two (read once)."""
    newest = regimes()[-1]
    policy = default_policy()
    return newest.in_force, newest, policy, rules(newest, policy)


_Common = tuple[dt.date, Regime, ClockPolicy, Rules, ChinaCalendar, FastTables, dict[str, Any]]


_COMMON: _Common | tuple[()] = ()
"""What `_common` answers, once read (a global read and a truth test: cheaper than a cached call)."""


def _common() -> _Common:
    """`_newest` with the default calendar and its fast tables: what the common call reads, in
    one read kept in `_COMMON` (`default_calendar` answers one object, built once)."""
    global _COMMON  # written once, with the same value whichever thread writes it
    cal = default_calendar()
    newest = _newest()
    common = _COMMON = (*newest, cal, cal.kernel.fast, _template(newest[1], cal))
    return common


def _common_on(cal: ChinaCalendar) -> _Common:
    """`_common` with the calendar ``cal`` (the default one's read as it is; another's cached by
    the object, as the vector clock passes the same calendar on every row)."""
    common = _COMMON or _common()
    return common if cal is common[4] else _common_with(_Same(cal))


@functools.lru_cache(maxsize=16)
def _common_with(cal: _Same) -> _Common:
    newest = _newest()
    return (*newest, cal.cal, cal.cal.kernel.fast, _template(newest[1], cal.cal))


def _explained(
    received: dt.date, events: tuple[Event, ...], regime: Regime, cal: ChinaCalendar, policy: ClockPolicy
) -> tuple[StepRow, ...]:
    """The steps of a deadline the fast path built (a pure function of its frozen inputs; cached)."""
    return _explained_by(received, events, regime, _Same(cal), policy)


class _Same:
    """A cache key that stands for one calendar object: hashed and compared by identity.

    A `ChinaCalendar` hashes every notice it holds (about 30 µs); the steps of equal calendars
    are equal, so keying by the object (held by the key, so its id is never reused while
    cached) gives the same answers at the cost of one entry per calendar object.
    """

    __slots__ = ("cal",)

    def __init__(self, cal: ChinaCalendar) -> None:
        self.cal = cal

    def __hash__(self) -> int:
        return id(self.cal)

    def __eq__(self, other: object) -> bool:
        return type(other) is _Same and other.cal is self.cal


@functools.lru_cache(maxsize=1024)
def _explained_by(
    received: dt.date, events: tuple[Event, ...], regime: Regime, cal: _Same, policy: ClockPolicy
) -> tuple[StepRow, ...]:
    return _run(received, events, regime, cal.cal, policy).step_rows


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
    # The full clock (handlers, state) loads when a request first needs it: most take the lean path.
    from zwgk.deadlines._handlers import HANDLERS, consultations_with_an_end, finish, handler_for
    from zwgk.deadlines._state import Clock

    c = Clock(received, regime, cal, policy)
    ordered = _ordered(events)
    c.explicit_ends = consultations_with_an_end(ordered)
    c.step(received, msg("request received"), *regime.start_texts)
    for ev in ordered:
        if ev.on < received:
            raise InvalidEventSequence.before_receipt(received, ev)
        if c.closed is not None:
            raise InvalidEventSequence.after_close(c.closed, ev)
        c.expire(ev.on)
        (HANDLERS.get(type(ev)) or handler_for(ev))(c, ev)
    finish(c)
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
    abandon, reason = None, cast("Text", "")
    if state is _AWAITING_CORRECTION and c.correction is not None:
        abandon, reason = c.correction.until, msg("no corrected request received")
    elif c.fee_due is not None and state is not _REPLIED and state is not _WITHDRAWN:
        abandon, reason = c.fee_due, msg("the fee was not paid")
    provisional = c.latest > cal.settled_until
    if provisional:
        c.kernel.warn_provisional(
            gettext("the reply deadline of the request received {day}").format(day=received.isoformat())
        )
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
        _clock=(received, tuple(events), policy, _run, _explained),
    )
