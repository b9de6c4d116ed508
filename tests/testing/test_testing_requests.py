"""The date, request and scoring strategies of zwgk.testing: valid cases pass, invalid ones raise."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk.calendar import default_calendar
from zwgk.deadlines import Deadline, reply_deadline
from zwgk.errors import InvalidEventSequence
from zwgk.requests import Ledger
from zwgk.scoring import Card, list_cards, load_card, score
from zwgk.testing import (
    InvalidRequestCase,
    RequestCase,
    covered_dates,
    deadlines,
    evidence_for,
    invalid_request_cases,
    ledgers,
    request_cases,
    rest_days,
    working_day_counts,
    working_days,
)

CAL = default_calendar()


@given(covered_dates(margin_days=30))
def test_covered_dates_stay_inside_the_notices(day: dt.date) -> None:
    cov = CAL.coverage()
    assert cov.first + dt.timedelta(days=30) <= day <= cov.last - dt.timedelta(days=30)
    assert not CAL.day_kind(day).provisional


@given(working_days())
def test_working_days_are_working_days(day: dt.date) -> None:
    assert CAL.is_working_day(day)


@given(working_days(margin_days=0))
def test_working_days_near_the_first_covered_day(day: dt.date) -> None:
    # Hypothesis starts from 2004-01-01, a holiday with no working day before it in the calendar;
    # the strategy then gives the first working day, 2004-01-02.
    assert day >= dt.date(2004, 1, 2)


@given(rest_days())
def test_rest_days_are_rest_days(day: dt.date) -> None:
    assert not CAL.is_working_day(day)


@given(working_day_counts(max_abs=30))
def test_working_day_counts_are_bounded(n: int) -> None:
    assert -30 <= n <= 30


@settings(max_examples=60)
@given(request_cases())
def test_every_valid_request_has_a_deadline(case: RequestCase) -> None:
    deadline = reply_deadline(case.received, case.events)  # warnings are errors: none provisional
    assert deadline.due == case.deadline().due  # Deadline compares by identity (eq=False)
    assert deadline.due >= case.received
    assert [e.on for e in case.events] == sorted({e.on for e in case.events})


@settings(max_examples=60)
@given(invalid_request_cases())
def test_every_invalid_request_raises(case: InvalidRequestCase) -> None:
    with pytest.raises(InvalidEventSequence):
        reply_deadline(case.received, case.events)


@settings(max_examples=20)
@given(deadlines())
def test_deadlines_are_deadlines(deadline: Deadline) -> None:
    assert isinstance(deadline, Deadline)
    assert not deadline.provisional


@settings(max_examples=20)
@given(ledgers(max_size=5))
def test_ledger_ids_are_unique(ledger: Ledger) -> None:
    ids = [r.id for r in ledger]
    assert len(ids) == len(set(ids)) <= 5


@settings(max_examples=30)
@given(st.sampled_from(list_cards()).map(load_card).flatmap(lambda c: st.tuples(st.just(c), evidence_for(c))))
def test_evidence_for_a_card_always_scores(case: tuple[Card, dict[str, Any]]) -> None:
    card, evidence = case
    result = score(card, evidence)
    assert result is not None
