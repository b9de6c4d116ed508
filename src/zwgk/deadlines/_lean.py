"""The request clock's fast path: the same results without words, for the common requests.

`lean_run` applies the events a ledger records most — consultations (started, ended
or left open), extensions, a reply (on time or late) and a withdrawal — with exactly the
rules of `._handlers`, but records no steps and counts through the calendar's
settled fast table (`fast`).  Whenever the full clock
could do anything else — another kind of event, a violation other than a late reply, an
event sequence that raises, a day outside the settled table (which would warn or raise) —
it answers `SLOW` and the caller runs the full clock, which then raises, warns or
explains exactly as before.  An agreement test checks the two on every golden case and on
Hypothesis-drawn requests.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Sequence
from typing import Any, Final

from zwgk._i18n import msg_n
from zwgk.calendar import UNCOVERED, ChinaCalendar
from zwgk.deadlines._events import (
    ConsultationEnded,
    ConsultationStarted,
    Event,
    ExtensionGranted,
    Replied,
    Withdrawn,
    check_outcome,
)
from zwgk.deadlines._kinds import ViolationKind
from zwgk.deadlines._regimes import Regime
from zwgk.deadlines._results import ClockPolicy, Violation

__all__ = ["SLOW", "LeanResult", "lean_run"]


class _NeedsFullClockError(Exception):
    """Raised inside `lean_run` when the full clock must run instead."""


SLOW: Final = None
"""What `lean_run` answers when the full clock must run."""

LeanResult = tuple["dt.date | None", int, int, "Replied | Withdrawn | None", tuple[Violation, ...]]
"""``(due, paused working days, extension working days, closing event, violations)``."""

_FastTables = tuple[tuple[int, ...], tuple[dt.date, ...], int]


def _add(fast: _FastTables, day: dt.date, n: int) -> dt.date:
    """``kernel.add(day, n)`` for a settled result (else `_NeedsFullClockError`)."""
    r = fast[0][day.toordinal()]  # IndexError after the settled day
    if n > 0:
        r += n
        if r <= fast[2]:
            return fast[1][r]
    elif n == 0 and r < UNCOVERED:
        return day
    raise _NeedsFullClockError


def _between(fast: _FastTables, a: dt.date, b: dt.date) -> int:
    """``kernel.between(a, b)`` for two settled days (else `_NeedsFullClockError`)."""
    table = fast[0]
    i = table[a.toordinal()]
    j = table[b.toordinal()]
    if i >= UNCOVERED or j >= UNCOVERED:
        raise _NeedsFullClockError
    return j - i


def _has_end(ordered: Sequence[Event], k: int) -> bool:
    """Whether the consultation at ``k`` has its end recorded (as ``consultations_with_an_end``)."""
    for ev in ordered[k + 1 :]:
        if isinstance(ev, ConsultationEnded):
            return True
        if isinstance(ev, ConsultationStarted):
            return False
    return False


_ON = operator.attrgetter("on")


def lean_run(
    received: dt.date,
    events: Sequence[Event],
    regime: Regime,
    cal: ChinaCalendar,
    policy: ClockPolicy,
) -> LeanResult | None:
    """The results of the full clock for a common request, or `SLOW`."""
    fast = cal.kernel.fast
    try:
        r = fast[0][received.toordinal()] + regime.reply.amount  # _add, inlined (received > first)
        if r > fast[2]:
            return SLOW
        due: dt.date | None = fast[1][r]
        if not events:
            return due, 0, 0, None, ()
        try:  # in the order given while it is the order of their days (the usual case: no sort)
            return _apply(received, events, regime, policy, fast, due)
        except _OutOfOrderError:
            return _apply(received, sorted(events, key=_ON), regime, policy, fast, due)
    except (_NeedsFullClockError, IndexError):
        return SLOW


class _OutOfOrderError(Exception):
    """Raised inside `_apply` when an event is dated before the one before it."""


def _apply(  # noqa: PLR0917 - one pass over the events, inlined for speed
    received: dt.date,
    ordered: Sequence[Event],
    regime: Regime,
    policy: ClockPolicy,
    fast: _FastTables,
    due: dt.date | None,
) -> LeanResult:
    """The events applied in the order given; `_OutOfOrderError` at the first event dated
    before the one before it, `_NeedsFullClockError` when the full clock must run."""
    table, dates, settled_rank = fast
    last = received
    pause_on: dt.date | None = None  # the open consultation's start
    pausing = False
    limit: dt.date | None = None
    paused = extended = 0
    closed: Replied | Withdrawn | None = None
    violations: tuple[Violation, ...] = ()
    ev: Any  # dispatched on its exact type below (``kind is ...`` does not narrow)
    for k, ev in enumerate(ordered):
        on = ev.on
        if on < last:
            if on < received:
                raise _NeedsFullClockError
            raise _OutOfOrderError
        last = on
        if closed is not None:
            raise _NeedsFullClockError
        kind = type(ev)
        if pause_on is not None and limit is not None and limit < on:  # the answer window ran out
            if pausing and due is not None and pause_on < due:
                n = _between(fast, pause_on, limit)
                paused += n
                due = _add(fast, due, n)
            pause_on = None
        if kind is ConsultationStarted:
            if pause_on is not None:
                raise _NeedsFullClockError
            pausing = ev.party in regime.consultation_pauses
            limit = None
            ended = k + 1 < len(ordered) and type(ordered[k + 1]) is ConsultationEnded  # the usual case
            if (
                pausing
                and not ended
                and policy.consultation_open_end == "answer_window"
                and not _has_end(ordered, k)
            ):
                limit = _add(fast, on, policy.consultation_answer_window)
            pause_on = on
        elif kind is ConsultationEnded:
            if pause_on is None:
                raise _NeedsFullClockError
            if pausing and due is not None and pause_on < due:
                # _between and _add, inlined: the pause's working days, then the due date moved
                i, j = table[pause_on.toordinal()], table[on.toordinal()]
                if i >= UNCOVERED or j >= UNCOVERED:
                    raise _NeedsFullClockError
                n = j - i
                paused += n
                if n:
                    r = table[due.toordinal()] + n
                    if r > settled_rank:
                        raise _NeedsFullClockError
                    due = dates[r]
            pause_on = None
        elif kind is ExtensionGranted:
            if due is None:
                raise _NeedsFullClockError
            current = due
            if pause_on is not None and pausing and pause_on < due:
                end = min(on, limit) if limit is not None else on
                current = _add(fast, due, _between(fast, pause_on, end))
            days = ev.working_days
            if on > current or extended + days > regime.extension.amount:
                raise _NeedsFullClockError
            extended += days
            r = table[due.toordinal()] + days  # _add, inlined (days > 0, due is covered)
            if r > settled_rank:
                raise _NeedsFullClockError
            due = dates[r]
        elif kind is Replied or kind is Withdrawn:
            if kind is Replied:
                check_outcome(ev, regime.id)
            if pause_on is not None:
                if pausing and due is not None and pause_on < due:
                    n = _between(fast, pause_on, on)
                    paused += n
                    due = _add(fast, due, n)
                pause_on = None
            closed = ev
            if kind is Replied and due is not None and on > due:
                late = _between(fast, due, on)
                violations = (
                    Violation(
                        on,
                        ViolationKind.LATE_REPLY,
                        msg_n(
                            "replied {n} working day after the due date {day}",
                            "replied {n} working days after the due date {day}",
                            "n",
                            n=late,
                            day=due,
                        ),
                        regime.reply.article,
                    ),
                )
        else:
            raise _NeedsFullClockError
    if closed is None and pause_on is not None and pausing:  # finish(): an open consultation
        if limit is None:
            due = None
        elif due is not None and pause_on < due:
            n = _between(fast, pause_on, limit)
            paused += n
            due = _add(fast, due, n)
    return due, paused, extended, closed, violations
