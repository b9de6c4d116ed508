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

from zwgk.calendar import UNCOVERED
from zwgk.deadlines._events import (
    ConsultationEnded,
    ConsultationStarted,
    Event,
    ExtensionGranted,
    Replied,
    Withdrawn,
    check_outcome,
)
from zwgk.deadlines._regimes import ConsultationParty, Regime
from zwgk.deadlines._results import ClockPolicy, Violation, late_reply
from zwgk.errors import ZwgkError

__all__ = ["SLOW", "FastTables", "LeanResult", "Rules", "lean_run", "rules"]


class _NeedsFullClockError(Exception):
    """Raised inside `lean_run` when the full clock must run instead."""


SLOW: Final = None
"""What `lean_run` answers when the full clock must run."""

LeanResult = tuple["dt.date | None", int, int, "Replied | Withdrawn | None", tuple[Violation, ...]]
"""``(due, paused working days, extension working days, closing event, violations)``."""

FastTables = tuple[tuple[int, ...], tuple[dt.date, ...], int]


def _add(fast: FastTables, day: dt.date, n: int) -> dt.date:
    """``kernel.add(day, n)`` for a settled result (else `_NeedsFullClockError`)."""
    r = fast[0][day.toordinal()]  # IndexError after the settled day
    if n > 0:
        r += n
        if r <= fast[2]:
            return fast[1][r]
    elif n == 0 and r < UNCOVERED:
        return day
    raise _NeedsFullClockError


def _between(fast: FastTables, a: dt.date, b: dt.date) -> int:
    """``kernel.between(a, b)`` for two covered days up to the settled one (both on or after
    the request's receipt; IndexError after the settled day)."""
    table = fast[0]
    return table[b.toordinal()] - table[a.toordinal()]


def _has_end(ordered: Sequence[Event], k: int) -> bool:
    """Whether the consultation at ``k`` has its end recorded (as ``consultations_with_an_end``)."""
    for ev in ordered[k + 1 :]:
        if isinstance(ev, ConsultationEnded):
            return True
        if isinstance(ev, ConsultationStarted):
            return False
    return False


_ON = operator.attrgetter("on")

# The event classes `lean_run` applies; any other type (a subclass too) takes the full clock.
_LEAN_KINDS: Final = frozenset({ConsultationStarted, ConsultationEnded, ExtensionGranted, Replied, Withdrawn})

Rules = tuple[int, frozenset[ConsultationParty], "int | None", int, str, str]
"""What `lean_run` reads of a regime and a policy, read once (`rules`): ``(reply period,
parties whose consultation pauses, answer window of an open consultation or None, extension
limit, regime id, reply article)``."""


def rules(regime: Regime, policy: ClockPolicy) -> Rules:
    """The regime's and the policy's numbers `lean_run` reads (the clock caches them for the
    newest regime and the default policy)."""
    window = policy.consultation_answer_window if policy.consultation_open_end == "answer_window" else None
    return (
        regime.reply.amount,
        regime.consultation_pauses,
        window,
        regime.extension.amount,
        regime.id,
        regime.reply.article,
    )


def lean_run(
    received: dt.date,
    events: tuple[Event, ...] | list[Event],
    rule: Rules,
    fast: FastTables,
) -> LeanResult | None:
    """The results of the full clock for a common request, or `SLOW`.

    ``rule``: `rules` of the regime and policy; ``fast``: the calendar's ``kernel.fast``.
    It checks the type of every event it applies (an exact lean event class, else `SLOW`), so
    the caller checks ``events`` only when the full clock runs.  The events are applied in the
    order given while it is the order of their days (the usual case: no sort); at the first
    event dated before the one before it, every type is checked and the events are applied
    again, sorted (stable: same-day events keep the order given).
    """
    table, dates, settled_rank = fast
    try:
        r = table[received.toordinal()] + rule[0]  # IndexError after the settled day
        if r > settled_rank:
            return SLOW
        due: dt.date | None = dates[r]  # ``r``: the rank of ``due`` while it is a date
        if not events:
            return due, 0, 0, None, ()
        last = received
        pause_on: dt.date | None = None  # the open consultation's start
        pausing = False
        limit: dt.date | None = None
        paused = extended = 0
        violations: tuple[Violation, ...] = ()
        ev: Any  # dispatched on its exact type below (``kind is ...`` does not narrow)
        k = -1  # the index of ``ev`` (counted: cheaper than enumerate for a few events)
        for ev in events:
            k += 1
            kind = type(ev)  # an exact lean event class, else SLOW (at the end of the dispatch below)
            on = ev.on
            if on < last:
                if on < received:
                    return SLOW
                for other in events:  # every type checked before their days are read
                    if type(other) not in _LEAN_KINDS:
                        return SLOW
                return lean_run(received, sorted(events, key=_ON), rule, fast)
            last = on
            if limit is not None and pause_on is not None and limit < on:  # the answer window ran out
                if pausing and due is not None and pause_on < due:
                    n = _between(fast, pause_on, limit)
                    paused += n
                    due = _add(fast, due, n)
                    r = table[due.toordinal()]
                pause_on = None
            if kind is ConsultationStarted:
                if pause_on is not None:
                    return SLOW
                pausing = ev.party in rule[1]
                limit = None
                try:
                    after = type(events[k + 1])
                except IndexError:
                    after = None
                if (
                    pausing
                    and rule[2] is not None
                    and after is not ConsultationEnded  # the usual case: the next event ends it
                    and not _has_end(events, k)
                ):
                    limit = _add(fast, on, rule[2])
                pause_on = on
            elif kind is ConsultationEnded:
                if pause_on is None:
                    return SLOW
                if pausing and due is not None and pause_on < due:
                    # _between and _add, inlined: the pause's working days, then the due date moved
                    # (both days are covered: on or after ``received``, whose rank was read)
                    n = table[on.toordinal()] - table[pause_on.toordinal()]
                    paused += n
                    if n:
                        r += n
                        if r > settled_rank:
                            return SLOW
                        due = dates[r]
                pause_on = None
            elif kind is ExtensionGranted:
                if due is None:
                    return SLOW
                current = due
                if pause_on is not None and pausing and pause_on < due:
                    end = min(on, limit) if limit is not None else on
                    current = _add(fast, due, _between(fast, pause_on, end))
                days = ev.working_days
                if on > current or extended + days > rule[3]:
                    return SLOW
                extended += days
                r += days  # _add, inlined (days > 0)
                if r > settled_rank:
                    return SLOW
                due = dates[r]
            elif kind is Replied or kind is Withdrawn:  # the last event (one after it: the full clock)
                if k + 1 < len(events):
                    return SLOW
                if kind is Replied and ev.outcome is not None:
                    try:
                        check_outcome(ev, rule[4])
                    except ZwgkError:  # the full clock raises it, after checking every event
                        return SLOW
                if pause_on is not None:
                    if pausing and due is not None and pause_on < due:
                        n = _between(fast, pause_on, on)
                        paused += n
                        due = _add(fast, due, n)
                    pause_on = None
                if kind is Replied and due is not None and on > due:
                    violations = (late_reply(on, due, _between(fast, due, on), rule[5]),)
                return due, paused, extended, ev, violations
            else:  # another event type, or a subclass of one
                return SLOW
        if pause_on is not None and pausing:  # finish(): an open consultation
            if limit is None:
                due = None
            elif due is not None and pause_on < due:
                n = _between(fast, pause_on, limit)
                paused += n
                due = _add(fast, due, n)
        return due, paused, extended, None, violations
    except Exception:  # the full clock raises, warns or answers (see the module docstring)
        # _NeedsFullClockError, IndexError after the settled day, or what reading the ``on`` of
        # a non-event raised (its type is checked after its day is read): the full clock checks
        # every event first and raises its error.
        return SLOW
