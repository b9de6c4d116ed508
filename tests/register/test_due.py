"""The due list's set-based path agrees with the scalar clock, and honours its "as of" day.

The reference for every request is the explained scalar clock over the effective events the
register's own history shows: ``reply_deadline(received, effective).status(as_of)`` for each
request received by ``as_of`` with no effective reply or withdrawal dated by it.  Nothing in
the reference goes through :meth:`Register.due`'s query or the vector clock.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest

from zwgk import deadlines
from zwgk.deadlines import ConsultationParty, Event, reply_deadline
from zwgk.errors import ZwgkError
from zwgk.register import DueItem, Register
from zwgk.requests import DisclosureRequest, Ledger

D = dt.date
FIRST, SPAN = D(2025, 6, 2), 480  # receipt days 2025-06-02 … about 2026-09-24 (settled calendar)
AS_OF_DAYS = (D(2025, 9, 30), D(2026, 1, 5), D(2026, 6, 15), D(2026, 10, 9))


@pytest.fixture
def reg(db_url: str) -> Iterator[Register]:
    with Register(db_url) as r:
        r.init()
        yield r


def _random_events(rng: random.Random, received: dt.date) -> list[Event]:
    """A plausible event list (the clock may still refuse it: then the caller drops it)."""
    day = received

    def later(most: int) -> dt.date:
        nonlocal day
        day = day + dt.timedelta(days=rng.randint(0, most))
        return day

    evs: list[Event] = []
    kind = rng.random()
    if kind < 0.25:
        party = ConsultationParty.THIRD_PARTY if rng.random() < 0.8 else ConsultationParty.OTHER_AGENCY
        evs.append(deadlines.ConsultationStarted(later(15), party=party))
        if rng.random() < 0.85:
            evs.append(deadlines.ConsultationEnded(later(20)))
    elif kind < 0.32:
        evs.append(deadlines.CorrectionRequested(later(5)))
        if rng.random() < 0.7:
            evs.append(deadlines.CorrectionReceived(later(15)))
    elif kind < 0.37:
        evs.append(deadlines.FeeNoticeIssued(later(10)))
        if rng.random() < 0.7:
            evs.append(deadlines.FeePaid(later(10)))
    if rng.random() < 0.2:
        evs.append(deadlines.ExtensionGranted(later(30), rng.choice((5, 10, 15, 20, 25))))
    fate = rng.random()
    if fate < 0.55:
        evs.append(deadlines.Replied(later(40), outcome="予以公开"))
    elif fate < 0.6:
        evs.append(deadlines.Withdrawn(later(30)))
    return evs


def _random_ledger(seed: int, n: int) -> Ledger:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        received = FIRST + dt.timedelta(days=rng.randrange(SPAN))
        evs = [] if rng.random() < 0.3 else _random_events(rng, received)
        try:
            reply_deadline(received, evs)
        except ZwgkError:
            continue
        out.append(DisclosureRequest(f"A{len(out):05d}", "x", "自然人", received, events=evs))
    return Ledger(tuple(out))


def _reference(reg: Register, as_of: dt.date) -> dict[str, DueItem]:
    """The scalar clock's due list: one request at a time, from the register's ledger."""
    out = {}
    for r in reg.ledger():
        if r.received > as_of:
            continue
        effective = list(r.events)
        if any(type(e).__name__ in ("Replied", "Withdrawn") and e.on <= as_of for e in effective):
            continue
        s = reply_deadline(r.received, effective).status(as_of)
        out[r.id] = DueItem(r.id, r.received, s.due, s.state.value, s.working_days_remaining, s.overdue)
    return out


def test_due_list_equals_the_scalar_clock_on_random_requests(reg: Register) -> None:
    ledger = _random_ledger(seed=16, n=2500)
    reg.import_ledger(ledger)
    ids = [r.id for r in ledger]
    # Corrections: void some replies (the request reopens) and some consultations.
    rng = random.Random(7)
    voided = 0
    for rid in rng.sample(ids, 150):
        history = reg.history(rid)
        target = [h.seq for h in history if h.kind in ("Replied", "ConsultationEnded")]
        if target:
            try:
                reg.record(rid, supersedes=target[-1:], reason="test", on=D(2026, 1, 1))
            except ZwgkError:
                continue
            voided += 1
    assert voided > 50
    for as_of in AS_OF_DAYS:
        got = {i.id: i for i in reg.due(as_of)}
        want = _reference(reg, as_of)
        assert got == want, as_of
        assert list(got) == [i.id for i in sorted(want.values(), key=lambda i: (i.due or D.max, i.id))]


def test_as_of_ignores_later_events_and_later_replies(reg: Register) -> None:
    # README example: received 2026-09-28, due 2026-10-30; consultation 10-09..10-20: due 11-11.
    reg.add("LATE-REPLY", applicant_kind="自然人", received=D(2026, 9, 28))
    reg.record("LATE-REPLY", ["reply:2026-10-29=予以公开"])
    reg.add("LATE-CONSULT", applicant_kind="自然人", received=D(2026, 9, 28))
    reg.record("LATE-CONSULT", ["consult:2026-10-09..2026-10-20"])
    before = {i.id: i for i in reg.due(D(2026, 10, 8))}
    assert before["LATE-REPLY"].due == D(2026, 10, 30)  # replied after the day: still open
    assert before["LATE-CONSULT"].due == D(2026, 10, 30)  # the consultation is not known yet
    during = {i.id: i for i in reg.due(D(2026, 10, 15))}
    started = reply_deadline(D(2026, 9, 28), [deadlines.ConsultationStarted(D(2026, 10, 9))])
    assert during["LATE-CONSULT"].due == started.status(D(2026, 10, 15)).due  # the end is not known yet
    after = {i.id: i for i in reg.due(D(2026, 10, 29))}
    assert "LATE-REPLY" not in after
    assert after["LATE-CONSULT"].due == D(2026, 11, 11)


def test_a_superseded_reply_reopens_the_request(reg: Register) -> None:
    reg.add("R1", applicant_kind="自然人", received=D(2026, 9, 28))
    [seq] = reg.record("R1", ["reply:2026-10-20=予以公开"])
    assert reg.due(D(2026, 10, 21)) == ()
    reg.record("R1", supersedes=[seq], reason="sent to the wrong address", on=D(2026, 10, 22))
    [item] = reg.due(D(2026, 10, 21))
    assert (item.id, item.due, item.state) == ("R1", D(2026, 10, 30), "running")
