"""Strategies for disclosure requests: valid and invalid event sequences, deadlines, ledgers.

Valid requests are received between 2019-05-15 (the 2019 regime) and 2026-03-01 and every
event falls on or before 2026-06-30, so every due date stays inside the recorded holiday
notices (no [`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning]).  Events of one request
fall on strictly increasing dates, so no result depends on the order of same-day events.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

import attrs
from hypothesis import strategies as st

from zwgk.deadlines import (
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Deadline,
    Event,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    Outcome,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
    reply_deadline,
)

if TYPE_CHECKING:
    from zwgk.requests import DisclosureRequest, Ledger

__all__ = [
    "FIRST_RECEIVED",
    "LAST_EVENT",
    "LAST_RECEIVED",
    "REGULATIONS_START",
    "InvalidReason",
    "InvalidRequestCase",
    "RequestCase",
    "consultations",
    "deadlines",
    "disclosure_requests",
    "event_gaps",
    "events",
    "extension_days",
    "invalid_request_cases",
    "ledgers",
    "received_dates",
    "request_cases",
]

FIRST_RECEIVED = dt.date(2019, 5, 15)
LAST_RECEIVED = dt.date(2026, 3, 1)
LAST_EVENT = dt.date(2026, 6, 30)

#: The first day of the 2008 条例 (《中华人民共和国政府信息公开条例》, in force 2008-05-01).
REGULATIONS_START = dt.date(2008, 5, 1)


def received_dates() -> st.SearchStrategy[dt.date]:
    """A receipt date under the 2019 regime, early enough that every result stays recorded."""
    return st.dates(min_value=FIRST_RECEIVED, max_value=LAST_RECEIVED)


def event_gaps() -> st.SearchStrategy[int]:
    """Calendar days between two consecutive events (strictly positive: no same-day ties)."""
    return st.integers(min_value=1, max_value=10)


def extension_days() -> st.SearchStrategy[int]:
    """A valid-sized extension under the 2019 regime (条例第三十三条第二款: ≤ 20 working days)."""
    return st.integers(min_value=1, max_value=20)


_EVENT_KINDS: tuple[type[Event], ...] = (
    CorrectionRequested,
    CorrectionReceived,
    ConsultationStarted,
    ConsultationEnded,
    FeeNoticeIssued,
    FeePaid,
    ExtensionGranted,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
)


def events(kind: type[Event] | None = None) -> st.SearchStrategy[Event]:
    """One request event of ``kind`` (default: any kind), dated inside the settled calendar.

    Each event is valid on its own (an extension of 1–20 working days, a delay that ends after
    it starts); whether a *sequence* is valid is `request_cases`' business.
    ``st.from_type(ExtensionGranted)`` and every other event class use this.
    """
    from decimal import Decimal

    from zwgk.deadlines import ConsultationParty

    on = received_dates()
    later = st.integers(min_value=1, max_value=60)
    builders: dict[type[Event], st.SearchStrategy[Event]] = {
        CorrectionRequested: st.builds(
            lambda d, n: CorrectionRequested(d, None if n is None else d + dt.timedelta(days=n)),
            on,
            st.none() | later,
        ),
        CorrectionReceived: st.builds(CorrectionReceived, on),
        ConsultationStarted: st.builds(ConsultationStarted, on, st.sampled_from(list(ConsultationParty))),
        ConsultationEnded: st.builds(ConsultationEnded, on),
        FeeNoticeIssued: st.builds(FeeNoticeIssued, on, st.none() | st.integers(1, 10_000).map(Decimal)),
        FeePaid: st.builds(FeePaid, on),
        ExtensionGranted: st.builds(ExtensionGranted, on, extension_days()),
        ReasonableDelaySet: st.builds(
            lambda d, n: ReasonableDelaySet(d, d + dt.timedelta(days=n)), on, later
        ),
        Replied: st.builds(Replied, on, st.none() | st.sampled_from(list(Outcome))),
        Withdrawn: st.builds(Withdrawn, on),
    }
    if kind is None:
        return st.one_of(*builders.values())
    return builders[kind]


@attrs.frozen
class RequestCase:
    """A request's receipt day and its events, in date order."""

    received: dt.date
    events: tuple[Event, ...]

    @property
    def last_day(self) -> dt.date:
        """The date of the last event (the receipt day if there is none)."""
        return max((e.on for e in self.events), default=self.received)

    def deadline(self) -> Deadline:
        """``reply_deadline(self.received, self.events)``."""
        return reply_deadline(self.received, self.events)


class InvalidReason(enum.StrEnum):
    """How an invalid sequence was broken."""

    BEFORE_RECEIPT = "event before receipt"
    END_WITHOUT_START = "consultation ended without a start"
    PAID_WITHOUT_NOTICE = "fee paid without a notice"
    CORRECTION_WITHOUT_REQUEST = "corrected request without a correction notice"
    TWO_OPEN_PAUSES = "two open pauses"
    AFTER_CLOSE = "event after the request was closed"
    UNKNOWN_OUTCOME = "unknown outcome"


@attrs.frozen
class InvalidRequestCase:
    """An event sequence that cannot have happened; ``reply_deadline`` must raise
    [`InvalidEventSequence`][zwgk.errors.InvalidEventSequence] for it."""

    received: dt.date
    events: tuple[Event, ...]
    reason: InvalidReason


def _day(after: dt.date, days: int) -> dt.date:
    return min(after + dt.timedelta(days=days), LAST_EVENT)


@st.composite
def consultations(draw: st.DrawFn, after: dt.date, *, open_end: bool = True) -> tuple[Event, ...]:
    """A consultation starting after ``after``: started and ended, or (if allowed) still open."""
    start = _day(after, draw(event_gaps()))
    party = draw(st.sampled_from(["third_party", "other_agency"]))
    if open_end and draw(st.booleans()):
        return (ConsultationStarted(start, party),)
    end = _day(start, draw(st.integers(min_value=1, max_value=25)))
    if end <= start:
        return (ConsultationStarted(start, party),)
    return (ConsultationStarted(start, party), ConsultationEnded(end))


@st.composite
def request_cases(
    draw: st.DrawFn,
    *,
    correction: bool = True,
    pause: bool = True,
    extension: bool = True,
    delay: bool = True,
    close: bool = True,
) -> RequestCase:
    """A valid request: optional correction, pause, extensions, reasonable delay and closing event.

    Keyword flags switch each phase off.  Dates strictly increase from one event to the next.
    """
    received = draw(received_dates())
    events: list[Event] = []

    def cursor() -> dt.date:
        return events[-1].on if events else received

    def next_day() -> dt.date:
        return _day(cursor(), draw(event_gaps()))

    if correction and draw(st.booleans()):
        events.append(CorrectionRequested(next_day()))
        events.append(CorrectionReceived(next_day()))
    open_pause = False
    if pause and draw(st.booleans()):
        if draw(st.sampled_from(["consultation", "fee"])) == "consultation":
            found = draw(consultations(cursor()))
        else:
            notice = next_day()
            found = (FeeNoticeIssued(notice), FeePaid(_day(notice, draw(st.integers(1, 25)))))
        events.extend(found)
        open_pause = len(found) == 1
    if extension:
        count = draw(st.integers(min_value=0, max_value=2))
        events.extend(ExtensionGranted(next_day(), draw(extension_days())) for _ in range(count))
    if delay and not open_pause and draw(st.booleans()):
        on = next_day()
        events.append(ReasonableDelaySet(on, on + dt.timedelta(days=draw(st.integers(1, 45)))))
    if close and draw(st.booleans()):
        closing = draw(st.sampled_from([Replied, Withdrawn]))
        events.append(closing(next_day()))
    # Drop events clipped onto the same day as their predecessor (only near LAST_EVENT).
    kept: list[Event] = []
    for ev in events:
        if kept and ev.on <= kept[-1].on:
            break
        kept.append(ev)
    if kept and isinstance(kept[-1], CorrectionRequested | FeeNoticeIssued):
        kept.pop()
    return RequestCase(received, tuple(kept))


@st.composite
def invalid_request_cases(draw: st.DrawFn) -> InvalidRequestCase:
    """A request whose events break the clock's rules in one drawn way (see `InvalidReason`)."""
    base = draw(request_cases(close=False, pause=False, correction=False, delay=False))
    received, events = base.received, list(base.events)
    reason = draw(st.sampled_from(list(InvalidReason)))
    later = _day(base.last_day, draw(event_gaps()))
    if later <= base.last_day:  # clipped at LAST_EVENT: move the receipt back instead
        received -= dt.timedelta(days=60)
    if reason is InvalidReason.BEFORE_RECEIPT:
        events.append(Replied(received - dt.timedelta(days=draw(st.integers(1, 30)))))
    elif reason is InvalidReason.END_WITHOUT_START:
        events.append(ConsultationEnded(later))
    elif reason is InvalidReason.PAID_WITHOUT_NOTICE:
        events.append(FeePaid(later))
    elif reason is InvalidReason.CORRECTION_WITHOUT_REQUEST:
        events.append(CorrectionReceived(later))
    elif reason is InvalidReason.TWO_OPEN_PAUSES:
        events += [ConsultationStarted(later), FeeNoticeIssued(later + dt.timedelta(days=1))]
    elif reason is InvalidReason.AFTER_CLOSE:
        events += [Withdrawn(later), ExtensionGranted(later + dt.timedelta(days=1), 5)]
    else:
        events.append(Replied(later, draw(st.sampled_from(["已办结", "ok", "不予受理了", "其它结果"]))))
    return InvalidRequestCase(received, tuple(events), reason)


def deadlines() -> st.SearchStrategy[Deadline]:
    """Reply deadlines of valid requests (``st.from_type(Deadline)`` uses this)."""
    return request_cases().map(RequestCase.deadline)


def disclosure_requests(
    index: int = 0, *, allow_provisional: bool = False
) -> st.SearchStrategy[DisclosureRequest]:
    """Ledger records ([`zwgk.requests.DisclosureRequest`][]) received from 2019-01-01.

    By default they are received by `LAST_RECEIVED` and closed by `LAST_EVENT`, so
    their deadlines and closing days stay inside the settled calendar (no
    [`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning]); ``allow_provisional=True`` draws
    receipts through 2026-12-31 and closings up to 500 days later.  (The 条例 itself applies from
    2008-05-01, `REGULATIONS_START`.)
    """
    from zwgk.requests import ApplicantKind, DisclosureRequest

    last_received = dt.date(2026, 12, 31) if allow_provisional else LAST_RECEIVED

    @st.composite
    def build(draw: st.DrawFn) -> DisclosureRequest:
        received = draw(st.dates(dt.date(2019, 1, 1), last_received))
        kind = draw(st.sampled_from(list(ApplicantKind)))
        closed_after = draw(st.none() | st.integers(0, 500))
        ident, applicant = f"R{index}", f"applicant {index % 5}"
        if closed_after is None:
            return DisclosureRequest(ident, applicant, kind, received)
        outcome = draw(st.sampled_from(list(Outcome)))
        closed = received + dt.timedelta(days=closed_after)
        if not allow_provisional:
            closed = min(closed, LAST_EVENT)
        return DisclosureRequest(ident, applicant, kind, received, outcome=outcome, closed=closed)

    return build()


def ledgers(max_size: int = 40, *, allow_provisional: bool = False) -> st.SearchStrategy[Ledger]:
    """Request ledgers ([`zwgk.requests.Ledger`][]) of up to ``max_size`` records with unique ids.

    Inside the settled calendar unless ``allow_provisional=True`` (see `disclosure_requests`).
    """
    from zwgk.requests import Ledger

    @st.composite
    def build(draw: st.DrawFn) -> Ledger:
        n = draw(st.integers(0, max_size))
        return Ledger(
            tuple(draw(disclosure_requests(i, allow_provisional=allow_provisional)) for i in range(n))
        )

    return build()
