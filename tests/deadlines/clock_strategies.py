"""Hypothesis strategies for the request-clock tests: valid event sequences.

Requests are received between 2019-05-15 (the 2019 regime) and 2026-03-01, and every event
falls on or before 2026-06-30, so that every due date stays inside the recorded holiday
notices (pytest turns the ProvisionalCalendarWarning of later days into an error).
Events of one request fall on strictly increasing dates, so that no result depends on the
order of same-day events.
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from zwgk.deadlines import (
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
)

__all__ = [
    "FIRST_RECEIVED",
    "LAST_EVENT",
    "LAST_RECEIVED",
    "Request",
    "consultations",
    "extension_days",
    "gaps",
    "received_dates",
    "requests",
]

FIRST_RECEIVED = dt.date(2019, 5, 15)
LAST_RECEIVED = dt.date(2026, 3, 1)
LAST_EVENT = dt.date(2026, 6, 30)

received_dates = st.dates(min_value=FIRST_RECEIVED, max_value=LAST_RECEIVED)
"""A receipt date under the 2019 regime, early enough that every result stays recorded."""

gaps = st.integers(min_value=1, max_value=10)
"""Calendar days between two consecutive events (strictly positive: no same-day ties)."""

extension_days = st.integers(min_value=1, max_value=20)
"""A valid-sized extension under the 2019 regime (条例第三十三条第二款: ≤ 20 working days)."""


@attrs.frozen
class Request:
    """A request's receipt day and its events (in date order)."""

    received: dt.date
    events: tuple[Event, ...]

    @property
    def last_day(self) -> dt.date:
        """The date of the last event (the receipt day if there is none)."""
        return max((e.on for e in self.events), default=self.received)


def _day(after: dt.date, days: int) -> dt.date:
    return min(after + dt.timedelta(days=days), LAST_EVENT)


@st.composite
def consultations(draw: st.DrawFn, after: dt.date, *, open_end: bool = True) -> tuple[Event, ...]:
    """A consultation starting after ``after``: started and ended, or (if allowed) still open."""
    start = _day(after, draw(gaps))
    party = draw(st.sampled_from(["third_party", "other_agency"]))
    if open_end and draw(st.booleans()):
        return (ConsultationStarted(start, party),)
    end = _day(start, draw(st.integers(min_value=1, max_value=25)))
    if end <= start:
        return (ConsultationStarted(start, party),)
    return (ConsultationStarted(start, party), ConsultationEnded(end))


@st.composite
def requests(
    draw: st.DrawFn,
    *,
    correction: bool = True,
    pause: bool = True,
    extension: bool = True,
    delay: bool = True,
    close: bool = True,
) -> Request:
    """A valid request: optional correction, pause, extensions, reasonable delay and closing event.

    Keyword flags switch each phase off.  Dates strictly increase from one event to the next.
    """
    received = draw(received_dates)
    events: list[Event] = []

    def cursor() -> dt.date:
        return events[-1].on if events else received

    def next_day() -> dt.date:
        return _day(cursor(), draw(gaps))

    if correction and draw(st.booleans()):
        events.append(CorrectionRequested(next_day()))
        events.append(CorrectionReceived(next_day()))
    open_pause = False
    if pause and draw(st.booleans()):
        kind = draw(st.sampled_from(["consultation", "fee"]))
        if kind == "consultation":
            found = draw(consultations(cursor()))
        else:
            notice = next_day()
            found = (FeeNoticeIssued(notice), FeePaid(_day(notice, draw(st.integers(1, 25)))))
        events.extend(found)
        open_pause = len(found) == 1
    if extension:
        count = draw(st.integers(min_value=0, max_value=2))
        events.extend(ExtensionGranted(next_day(), draw(extension_days)) for _ in range(count))
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
    return Request(received, tuple(_complete(kept)))


def _complete(events: list[Event]) -> list[Event]:
    """Cut a sequence truncated by the date clip back to a valid prefix."""
    out = list(events)
    if out and isinstance(out[-1], CorrectionRequested):
        out.pop()
    if out and isinstance(out[-1], FeeNoticeIssued):
        out.pop()
    return out
