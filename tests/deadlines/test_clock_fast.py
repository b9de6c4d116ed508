"""The clock's fast paths agree with the full clock (issue 17 §2).

``reply_due`` and the lean path behind ``reply_deadline`` must give exactly what the full
clock (``zwgk.deadlines._clock._run``, the code that words every step) gives: on every
hand-worked golden case, on Hypothesis-drawn requests (valid ones, events shuffled, invalid
ones, policies switched) and on days past the settled calendar (where both warn).
"""

from __future__ import annotations

import datetime as dt
import types
import warnings
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import zwgk.errors
from zwgk.calendar import default_calendar
from zwgk.deadlines import (
    ClockPolicy,
    ConsultationEnded,
    ConsultationStarted,
    Deadline,
    ExtensionGranted,
    Replied,
    Withdrawn,
    reply_deadline,
    reply_due,
)
from zwgk.deadlines._clock import _run as full_clock
from zwgk.deadlines._regimes import get_regime
from zwgk.deadlines._results import default_policy
from zwgk.testing import RequestCase, invalid_request_cases, request_cases

from .test_clock_golden import CASES, make_event

CAL = default_calendar()

policies = st.builds(
    ClockPolicy,
    fee_pauses_clock=st.booleans(),
    late_correction_restarts=st.booleans(),
    consultation_open_end=st.sampled_from(["answer_window", "open"]),
)


def _full(received: dt.date, events: Any, regime: Any = None, policy: ClockPolicy | None = None) -> Deadline:
    pol = policy or default_policy()
    return full_clock(received, tuple(events), get_regime(regime, received), CAL, pol)


def _results(d: Deadline) -> tuple[object, ...]:
    return (
        d.kind,
        d.start,
        d.due,
        d.regime,
        d.step_rows,
        d.paused_working_days,
        d.extension_working_days,
        d.violations,
        d.provisional,
        d.state,
        d.closed_on,
        d.outcome,
        d.abandon_after,
        d.abandon_reason,
        d.data_version,
        d.working_days_late,
        d.explain(),
    )


def assert_agree(
    received: dt.date,
    events: Any,
    regime: Any = None,
    policy: ClockPolicy | None = None,
    calendar: Any = None,
) -> None:
    """reply_due, reply_deadline and the full clock give the same results, errors and warnings."""
    outcomes = []
    for run in (
        lambda: _results(_full(received, events, regime, policy)),
        lambda: _results(reply_deadline(received, events, regime=regime, policy=policy, calendar=calendar)),
        lambda: reply_due(received, events, regime=regime, policy=policy, calendar=calendar),
    ):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                value: object = run()
            except zwgk.errors.ZwgkError as e:
                value = (type(e), str(e))
        outcomes.append((value, [str(w.message) for w in caught]))
    (full, full_warned), (fast, fast_warned), (due, due_warned) = outcomes
    assert fast == full
    assert fast_warned == full_warned
    assert due_warned == full_warned
    raised = isinstance(full[0], type)  # (error type, message)
    assert due == (full if raised else full[2])


@pytest.mark.parametrize("case", CASES["reply"], ids=[c["id"] for c in CASES["reply"]])
def test_golden_case_agrees(case: dict[str, Any]) -> None:
    events = [make_event(e) for e in case.get("events", [])]
    policy = ClockPolicy(**case["policy"]) if "policy" in case else None
    assert_agree(case["received"], events, case.get("regime"), policy)


@given(request_cases(), policies, st.randoms(use_true_random=False))
def test_drawn_requests_agree(request: RequestCase, policy: ClockPolicy, rnd: Any) -> None:
    events = list(request.events)
    assert_agree(request.received, events, policy=policy)
    rnd.shuffle(events)  # the same day order, any given order (ties keep theirs)
    assert_agree(request.received, events, policy=policy)


@given(invalid_request_cases())
def test_invalid_requests_raise_the_same_error(case: Any) -> None:
    assert_agree(case.received, case.events)


@given(
    st.dates(min_value=dt.date(2008, 5, 1), max_value=dt.date(2027, 12, 31)),
    st.lists(st.integers(min_value=0, max_value=40), min_size=0, max_size=4),
    st.integers(min_value=1, max_value=20),
    st.sampled_from([None, "third_party", "other_agency"]),
)
def test_consultations_extensions_and_replies_agree_everywhere(
    received: dt.date, gaps: list[int], extension: int, party: str | None
) -> None:
    """The lean path's own events, on any day (2008 regime, provisional and uncovered days too)."""
    days = [received]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    events: list[Any] = []
    if party is not None and len(days) > 1:
        events.append(ConsultationStarted(days[1], party))
        if len(days) > 2:
            events.append(ConsultationEnded(days[2]))
    if len(days) > 3:
        events.append(ExtensionGranted(days[3], extension))
    if len(days) > 4:
        events.append(Replied(days[4]))
    assert_agree(received, events)
    assert_agree(received, events[:1])


_LEAN_EVENT = st.tuples(
    st.integers(min_value=0, max_value=5),  # which event
    st.integers(min_value=-2, max_value=30),  # its day, from receipt
    st.sampled_from(["third_party", "other_agency"]),
    st.integers(min_value=1, max_value=25),  # an extension's working days
)


def _lean_event(received: dt.date, kind: int, offset: int, party: str, days: int) -> Any:
    on = received + dt.timedelta(days=offset)
    if kind == 0:
        return ConsultationStarted(on, party)
    if kind == 1:
        return ConsultationEnded(on)
    if kind == 2:
        return ExtensionGranted(on, days)
    if kind == 3:
        return Replied(on)
    if kind == 4:
        return Withdrawn(on)
    return ConsultationStarted(on)


@given(
    st.dates(min_value=dt.date(2019, 5, 15), max_value=dt.date(2026, 6, 30)),
    st.lists(_LEAN_EVENT, max_size=6),
    st.booleans(),
)
def test_lean_events_in_any_order_and_number_agree(
    received: dt.date, drawn: list[Any], explicit: bool
) -> None:
    """The fast path's own events in any order and number: out of order (applied again,
    sorted), an event after a reply or a withdrawal, a consultation left open (with or
    without an end later), two starts, an end without a start, events before receipt; with
    the default calendar and with one passed explicitly."""
    events = [_lean_event(received, *e) for e in drawn]
    assert_agree(received, events, calendar=CAL if explicit else None)
    assert_agree(received, tuple(events), calendar=CAL if explicit else None)


def test_steps_are_worded_on_first_read_and_equal_values_stay_equal() -> None:
    events = [
        ConsultationStarted(dt.date(2025, 3, 3)),
        ConsultationEnded(dt.date(2025, 3, 10)),
        ExtensionGranted(dt.date(2025, 3, 12), 5),
    ]
    a = reply_deadline(dt.date(2025, 3, 1), events)
    b = reply_deadline(dt.date(2025, 3, 1), events)
    assert a == b
    assert hash(a) == hash(b)
    assert a.step_rows == _full(dt.date(2025, 3, 1), events).step_rows
    assert a == b  # reading the steps changes nothing


_JUNK = st.sampled_from(
    [None, 5, "2025-03-04", (dt.date(2025, 3, 4),), types.SimpleNamespace(on=dt.date(2025, 3, 4))]
)


@given(
    st.lists(st.integers(min_value=0, max_value=3), min_size=0, max_size=4),
    _JUNK,
    st.integers(min_value=0, max_value=5),
    st.booleans(),
)
def test_a_non_event_among_the_fast_paths_events_is_refused_first(
    kinds: list[int], junk: object, at: int, bad_outcome: bool
) -> None:
    """The fast path checks each event as it applies it; whatever else is wrong with the
    others (out of order, an unknown outcome, a reply before the end), a non-event is
    refused first, as the full clock's check does."""
    day = dt.date(2025, 3, 3)
    make: list[Any] = [
        ConsultationStarted,
        ConsultationEnded,
        lambda d: ExtensionGranted(d, 3),
        lambda d: Replied(d, "no such outcome" if bad_outcome else None),
    ]
    events: list[Any] = [make[k](day + dt.timedelta(days=7 - 2 * i)) for i, k in enumerate(kinds)]
    events.insert(min(at, len(events)), junk)
    expected = str(zwgk.errors.InvalidEventSequence.not_an_event(junk))
    for clock in (reply_due, reply_deadline):
        with pytest.raises(zwgk.errors.InvalidEventSequence) as raised:
            clock(dt.date(2025, 3, 1), events)
        assert str(raised.value) == expected
        with pytest.raises(zwgk.errors.InvalidEventSequence) as raised:
            clock(dt.date(2025, 3, 1), iter(events))  # any iterable, read once
        assert str(raised.value) == expected


def test_an_event_subclass_takes_the_full_clock() -> None:
    @attrs.frozen
    class Started(ConsultationStarted):
        pass

    events = [Started(dt.date(2025, 3, 3)), ConsultationEnded(dt.date(2025, 3, 10))]
    assert_agree(dt.date(2025, 3, 1), events)
    assert reply_due(dt.date(2025, 3, 1), events) == reply_due(
        dt.date(2025, 3, 1),
        [
            ConsultationStarted(dt.date(2025, 3, 3)),
            ConsultationEnded(dt.date(2025, 3, 10)),
        ],
    )


class _Incomparable:
    """A day that cannot be compared."""

    def __lt__(self, other: object) -> bool:
        raise ValueError("not comparable")

    __gt__ = __le__ = __ge__ = __lt__


@pytest.mark.parametrize(
    "junk",
    [
        types.SimpleNamespace(on=_Incomparable()),
        types.SimpleNamespace(on="2025-03-04"),
        types.SimpleNamespace(on=dt.date(2025, 2, 1)),
    ],
)
def test_a_non_event_whose_day_cannot_be_read_is_refused_as_a_non_event(junk: object) -> None:
    """The fast path reads an event's day before its type is dispatched: whatever reading or
    comparing it raises, the full clock runs and refuses the non-event first."""
    expected = str(zwgk.errors.InvalidEventSequence.not_an_event(junk))
    for clock in (reply_due, reply_deadline):
        for events in ([junk], [ConsultationStarted(dt.date(2025, 3, 5)), junk]):
            with pytest.raises(zwgk.errors.InvalidEventSequence) as raised:
                clock(dt.date(2025, 3, 3), events)
            assert str(raised.value) == expected


@pytest.mark.parametrize(
    "events",
    [
        (),
        (ConsultationStarted(dt.date(2025, 3, 3)), ConsultationEnded(dt.date(2025, 3, 10))),
        (ExtensionGranted(dt.date(2025, 3, 12), 5), Replied(dt.date(2025, 4, 30))),
        (Withdrawn(dt.date(2025, 3, 5)),),
    ],
)
@pytest.mark.parametrize("calendar", [None, CAL])
def test_a_fast_path_deadline_is_what_its_init_builds(events: tuple[Any, ...], calendar: Any) -> None:
    """The fast path fills a copy of a template instead of calling ``Deadline(...)``: the object
    must be the same — same fields in the same order, equal, same hash and repr, still frozen."""
    fast = reply_deadline(dt.date(2025, 3, 1), events, calendar=calendar)
    rebuilt = Deadline(**{a.alias: getattr(fast, a.name) for a in attrs.fields(Deadline)})
    assert list(vars(fast)) == list(vars(rebuilt))
    assert vars(fast) == vars(rebuilt)
    assert fast == rebuilt
    assert hash(fast) == hash(rebuilt)
    assert repr(fast) == repr(rebuilt)
    assert attrs.evolve(fast) == fast
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.due = None  # type: ignore[misc]
    assert fast.step_rows == _full(dt.date(2025, 3, 1), events).step_rows
