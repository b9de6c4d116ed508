"""``st.from_type`` works for every public value type (through the plugin entry point), lazily."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
import warnings

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zwgk
import zwgk.testing
from zwgk import _hypothesis_plugin
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
from zwgk.errors import UnknownNameError
from zwgk.requests import DisclosureRequest, Ledger
from zwgk.scoring import Card
from zwgk.testing import InvalidRequestCase, RequestCase, TimeLimitCase
from zwgk.testing._values import registered_types, value_strategy

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


# --- every public value type of every façade ------------------------------------------------

# Every public module: the package façades, zwgk.errors and zwgk.pandas, and the public modules
# inside the packages (io boundaries, zwgk.reports.narrative, compat views); not the register's
# alembic migration scripts, which run only inside alembic.
_FACADES = sorted(
    {
        m.name
        for m in pkgutil.walk_packages(zwgk.__path__, "zwgk.")
        if not any(part.startswith("_") for part in m.name.split(".")[1:]) and ".migrations" not in m.name
    }
)
# Public classes that are not values, so st.from_type has nothing meaningful to draw: the
# error and warning classes (raised, not passed around), a live database handle, a mapping
# view over a calendar and a pandas accessor (both made from the values they wrap).
NOT_VALUES = {
    "zwgk.register.Register": "a handle on a database connection, not a value",
    "zwgk.calendar.HolidayMap": "a read-only mapping view made by ChinaCalendar.holiday_map()",
    "zwgk.pandas.ZwgkSeriesAccessor": "the Series.zwgk accessor pandas instantiates itself",
}


def _public_classes() -> list[tuple[str, type]]:
    found = []
    for facade in _FACADES:
        module = importlib.import_module(facade)
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value):
                found.append((f"{facade}.{name}", value))
    return found


PUBLIC = _public_classes()
VALUES = [
    (name, kind)
    for name, kind in PUBLIC
    if attrs.has(kind) or (issubclass(kind, enum.Enum) and not name.startswith("zwgk.testing."))
]


def test_the_walk_covers_every_facade() -> None:
    assert {
        "zwgk.calendar",
        "zwgk.deadlines",
        "zwgk.register",
        "zwgk.errors",
        "zwgk.reports.narrative",
    } <= set(_FACADES)
    assert len({k for _, k in VALUES if attrs.has(k)}) >= 115


def test_every_public_class_is_a_value_or_a_reasoned_exclusion() -> None:
    import pydantic

    # pydantic models are the io modules' file shapes: they validate files and JSON and convert
    # to the core values, which are drawn
    others = {
        name
        for name, kind in PUBLIC
        if not attrs.has(kind) and not issubclass(kind, enum.Enum | BaseException | pydantic.BaseModel)
    }
    assert others == set(NOT_VALUES)


def test_every_public_attrs_class_has_a_registered_strategy() -> None:
    registered = {
        kind
        for package in _hypothesis_plugin._PACKAGES
        for _, kind in _hypothesis_plugin._value_types(importlib.import_module(package))
    } | {RequestCase, InvalidRequestCase, TimeLimitCase}
    missing = sorted(name for name, kind in VALUES if attrs.has(kind) and kind not in registered)
    assert missing == [], f"the plugin registers no strategy for {missing}"
    for package in _hypothesis_plugin._PACKAGES:
        names = {n for n, _ in _hypothesis_plugin._value_types(importlib.import_module(package))}
        assert names == set(registered_types(package)), package  # a strategy for each, no stale one


@pytest.mark.parametrize(("name", "kind"), VALUES, ids=[n for n, _ in VALUES])
def test_from_type_draws_every_public_value_type(name: str, kind: type) -> None:
    @settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow], deadline=None, database=None)
    @given(st.from_type(kind))
    def draws(value: object) -> None:
        assert type(value) is kind

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a ProvisionalCalendarWarning (or any other) fails
        draws()


def test_unknown_type_names_are_refused() -> None:
    with pytest.raises(UnknownNameError, match="Step"):
        value_strategy("zwgk.calendar", "Step")


def test_the_reference_lists_every_registered_type() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "testing.md").read_text("utf-8")
    listed = set(re.findall(r"`([A-Z]\w+)`", page))
    for package in _hypothesis_plugin._PACKAGES:
        missing = sorted(set(registered_types(package)) - listed)
        assert not missing, f"docs/reference/testing.md does not list {package} {missing}"
