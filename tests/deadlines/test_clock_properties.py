"""Hypothesis properties of the request clock (issue 3 §8)."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, event, given
from hypothesis import strategies as st

from zwgk.calendar import default_calendar
from zwgk.deadlines import (
    ClockState,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionGranted,
    ReasonableDelaySet,
    ViolationKind,
    reply_deadline,
)
from zwgk.testing import LAST_EVENT, consultations, extension_days, received_dates
from zwgk.testing import RequestCase as Request
from zwgk.testing import event_gaps as gaps
from zwgk.testing import request_cases as requests

CAL = default_calendar()


def _summary(request: Request, events: tuple[object, ...] | list[object]) -> tuple[object, ...]:
    dl = reply_deadline(request.received, events)  # type: ignore[arg-type]
    return (
        dl.due,
        dl.state,
        dl.paused_working_days,
        dl.extension_working_days,
        tuple(sorted((v.on, v.kind) for v in dl.violations)),
        dl.abandon_after,
        dl.working_days_late,
    )


@given(requests(pause=False, close=False), st.data())
def test_a_pause_never_shortens(request: Request, data: st.DataObject) -> None:
    # Insert a consultation anywhere after receipt (no other pause is open then).
    after = data.draw(st.dates(min_value=request.received, max_value=max(request.received, request.last_day)))
    consultation = data.draw(consultations(after, open_end=False))
    # A correction restart wipes what happened before it; keep the consultation out of a stop.
    stops = [e.on for e in request.events if isinstance(e, CorrectionRequested | CorrectionReceived)]
    assume(not stops or consultation[0].on > max(stops))
    delays = [e.on for e in request.events if isinstance(e, ReasonableDelaySet)]
    assume(not delays or not consultation[0].on < min(delays) <= consultation[-1].on)
    without = reply_deadline(request.received, request.events)
    with_pause = reply_deadline(request.received, (*request.events, *consultation))
    assert without.due is not None
    assert with_pause.due is not None
    assert with_pause.due >= without.due
    event("the pause moved the due date" if with_pause.due > without.due else "the pause changed nothing")
    assert with_pause.paused_working_days >= 0


@given(requests(extension=False, delay=False, close=False), st.data(), extension_days())
def test_an_extension_adds_exactly_its_working_days(request: Request, data: st.DataObject, n: int) -> None:
    before = reply_deadline(request.received, request.events)
    assume(before.due is not None and before.state is ClockState.RUNNING)
    assert before.due is not None
    first = max(request.received, request.last_day)
    assume(first <= before.due)
    on = data.draw(st.dates(min_value=first, max_value=before.due))
    after = reply_deadline(request.received, (*request.events, ExtensionGranted(on, n)))
    assert after.violations == before.violations
    assert after.due is not None
    assert CAL.working_days_between(before.due, after.due) == n
    assert after.extension_working_days == before.extension_working_days + n


@given(received_dates(), gaps(), gaps(), requests(correction=False, pause=False, close=False))
def test_a_restart_equals_a_fresh_request(received: dt.date, g1: int, g2: int, later: Request) -> None:
    notice = received + dt.timedelta(days=g1)
    corrected = notice + dt.timedelta(days=g2)
    # Later events (extensions, a delay) happen after the corrected request, shifted to follow it.
    shift = corrected - later.received + dt.timedelta(days=1)
    tail = tuple(_shifted(e, shift) for e in later.events)
    assume(all(e.on <= LAST_EVENT for e in tail))
    restarted = reply_deadline(received, (CorrectionRequested(notice), CorrectionReceived(corrected), *tail))
    fresh = reply_deadline(corrected, tail)
    assert restarted.due == fresh.due
    assert restarted.extension_working_days == fresh.extension_working_days
    assert restarted.paused_working_days == fresh.paused_working_days == 0
    late_notice = CAL.working_days_between(received, notice) > 7
    kinds = [v.kind for v in restarted.violations]
    assert (ViolationKind.LATE_CORRECTION_NOTICE in kinds) is late_notice


def _shifted(event: object, shift: dt.timedelta) -> object:
    if isinstance(event, ReasonableDelaySet):
        return ReasonableDelaySet(event.on + shift, event.until + shift)
    if isinstance(event, ExtensionGranted):
        return ExtensionGranted(event.on + shift, event.working_days)
    return type(event)(event.on + shift)  # type: ignore[attr-defined]


@given(requests(delay=False))
def test_the_due_date_is_a_working_day(request: Request) -> None:
    dl = reply_deadline(request.received, request.events)
    if dl.due is not None:
        assert CAL.is_working_day(dl.due), (dl.due, dl.explain())
    for step in dl.steps:
        if step.due is not None:
            assert CAL.is_working_day(step.due)


@given(requests(close=False), st.integers(min_value=0, max_value=60))
def test_status_agrees_with_working_days_between(request: Request, offset: int) -> None:
    dl = reply_deadline(request.received, request.events)
    assume(dl.due is not None and dl.state is ClockState.RUNNING)
    assert dl.due is not None
    on = max(request.received, request.last_day) + dt.timedelta(days=offset)
    assume(on <= CAL.last_covered and (dl.abandon_after is None or on <= dl.abandon_after))
    status = dl.status(on)
    assert status.working_days_remaining == CAL.working_days_between(on, dl.due)
    assert status.overdue is (on > dl.due and CAL.working_days_between(dl.due, on) > 0)
    assert status.due == dl.due


@given(requests(), st.randoms(use_true_random=False))
def test_events_in_any_order_give_the_same_result(request: Request, rnd: object) -> None:
    shuffled = list(request.events)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _summary(request, shuffled) == _summary(request, request.events)
    assert _summary(request, list(reversed(request.events))) == _summary(request, request.events)


@given(requests())
def test_steps_are_dated_and_violations_only_for_recorded_kinds(request: Request) -> None:
    dl = reply_deadline(request.received, request.events)
    assert dl.steps[0].on == request.received
    days = [s.on for s in dl.steps]
    assert days == sorted(days)
    assert dl.paused_working_days >= 0
    assert 0 <= dl.extension_working_days <= 20
    if dl.state is ClockState.REPLIED:
        late = dl.working_days_late
        assert late is not None
        assert late >= 0
        assert (late > 0) is any(v.kind is ViolationKind.LATE_REPLY for v in dl.violations)
