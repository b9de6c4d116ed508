"""Hypothesis strategies for request ledgers and reports."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from zwgk.requests import ApplicantKind, DisclosureRequest, Ledger, Outcome

FIRST = dt.date(2019, 1, 1)
LAST = dt.date(2026, 12, 31)


@st.composite
def requests(draw: st.DrawFn, index: int = 0) -> DisclosureRequest:
    received = draw(st.dates(FIRST, LAST))
    kind = draw(st.sampled_from(list(ApplicantKind)))
    closed_after = draw(st.none() | st.integers(0, 500))
    if closed_after is None:
        return DisclosureRequest(f"R{index}", f"applicant {index % 5}", kind, received)
    closed = received + dt.timedelta(days=closed_after)
    outcome = draw(st.sampled_from(list(Outcome)))
    return DisclosureRequest(
        f"R{index}", f"applicant {index % 5}", kind, received, outcome=outcome, closed=closed
    )


@st.composite
def ledgers(draw: st.DrawFn, max_size: int = 40) -> Ledger:
    n = draw(st.integers(0, max_size))
    return Ledger(tuple(draw(requests(i)) for i in range(n)))


counts = st.none() | st.integers(-3, 50)
