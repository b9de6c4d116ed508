"""``st.from_type`` works for every public value type (through the plugin entry point), lazily."""

from __future__ import annotations

import inspect
import subprocess
import sys
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zwgk.testing
from zwgk.calendar import ChinaCalendar, HolidayPeriod, Notice, default_calendar
from zwgk.catalog import Catalog, DisclosureItem, LegalBasis, TimeLimit
from zwgk.deadlines import (
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Deadline,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
    reply_deadline,
)
from zwgk.requests import DisclosureRequest, Ledger
from zwgk.scoring import Card
from zwgk.testing import InvalidRequestCase, RequestCase, TimeLimitCase

EVENTS = [
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
]
REGISTERED = [
    Deadline,
    Notice,
    HolidayPeriod,
    ChinaCalendar,
    *EVENTS,
    RequestCase,
    InvalidRequestCase,
    Card,
    DisclosureRequest,
    Ledger,
    TimeLimit,
    TimeLimitCase,
    LegalBasis,
    DisclosureItem,
    Catalog,
]


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda t: t.__name__)
def test_from_type_draws_the_type(kind: type) -> None:
    @settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
    @given(st.from_type(kind))
    def draws(value: object) -> None:
        assert type(value) is kind

    draws()


@settings(max_examples=10)
@given(st.from_type(ChinaCalendar))
def test_calendars_are_built_from_the_real_notices(cal: ChinaCalendar) -> None:
    assert len(cal.notices) >= 26
    assert cal.coverage().first.year == 2004


@settings(max_examples=200)
@given(st.from_type(DisclosureRequest))
def test_requests_stay_inside_the_settled_calendar(request: DisclosureRequest) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a ProvisionalCalendarWarning fails the test
        request.deadline()
        if request.closed is not None:
            assert not default_calendar().is_provisional(request.closed)
            default_calendar().is_working_day(request.closed)


@settings(max_examples=30)
@given(st.from_type(Ledger))
def test_ledgers_stay_inside_the_settled_calendar(ledger: Ledger) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for request in ledger.requests:
            request.deadline()


@settings(max_examples=50)
@given(zwgk.testing.disclosure_requests(allow_provisional=True))
def test_allow_provisional_reaches_the_end_of_2026(request: DisclosureRequest) -> None:
    assert request.received.year <= 2026


@settings(max_examples=50)
@given(zwgk.testing.events())
def test_events_are_dated_inside_the_settled_calendar(event: Replied) -> None:
    assert zwgk.testing.FIRST_RECEIVED <= event.on <= zwgk.testing.LAST_RECEIVED
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reply_deadline(zwgk.testing.FIRST_RECEIVED, ())


def test_every_strategy_is_a_function() -> None:
    for name in zwgk.testing.__all__:
        value = getattr(zwgk.testing, name)
        assert not isinstance(value, st.SearchStrategy), name
    assert inspect.isfunction(zwgk.testing.received_dates)
    assert zwgk.testing.REGULATIONS_START.isoformat() == "2008-05-01"


def _fresh(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_importing_hypothesis_imports_nothing_of_zwgk() -> None:
    code = "import sys, hypothesis; print(sorted(m for m in sys.modules if m.startswith('zwgk')))"
    assert _fresh(code) == "['zwgk', 'zwgk._hypothesis_plugin']"


def test_types_imported_after_hypothesis_are_registered_on_import() -> None:
    code = (
        "import sys, hypothesis\n"
        "from hypothesis import strategies as st\n"
        "import zwgk.deadlines\n"
        "print(any(m.startswith('zwgk.testing') for m in sys.modules))\n"
        "e = st.from_type(zwgk.deadlines.ExtensionGranted).example()\n"
        "print(type(e).__name__, 1 <= e.working_days <= 20)"
    )
    assert _fresh(code).splitlines() == ["False", "ExtensionGranted True"]


def test_types_imported_before_hypothesis_are_registered_by_the_hook() -> None:
    code = (
        "import zwgk.calendar, hypothesis\n"
        "from hypothesis import strategies as st\n"
        "print(len(st.from_type(zwgk.calendar.ChinaCalendar).example().notices) >= 26)"
    )
    assert _fresh(code) == "True"
