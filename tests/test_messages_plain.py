"""No Python reprs in messages; dates as ISO dates (issue 13, part 5)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given

from zwgk import deadlines as d
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem, ZwgkError, cut
from zwgk.testing import InvalidRequestCase, invalid_request_cases

REPR = re.compile(r"datetime\.|Decimal\(|<\w+\.\w+: |\w+\(on=datetime")


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (d.ConsultationEnded(dt.date(2026, 3, 2)), "ConsultationEnded(on=2026-03-02)"),
        (d.ExtensionGranted(dt.date(2026, 3, 2), 15), "ExtensionGranted(on=2026-03-02, working_days=15)"),
        ((dt.date(2026, 1, 1),), "(2026-01-01,)"),
        ([dt.date(2026, 1, 1), dt.date(2026, 1, 2)], "[2026-01-01, 2026-01-02]"),
        ({"on": dt.date(2026, 1, 1)}, "{'on': 2026-01-01}"),
        (Decimal("1.50"), "1.50"),
        (d.ClockState.RUNNING, "'running'"),
        (dt.datetime(2026, 1, 1, 9, 30), "2026-01-01T09:30:00"),
    ],
)
def test_values_in_messages_have_no_python_reprs(value: object, shown: str) -> None:
    assert cut(value) == shown
    message = str(InvalidInputError("field", value, "something else"))
    assert message == f"field: got {shown}; expected something else"
    assert not REPR.search(message)


def test_problems_show_values_plainly() -> None:
    problem = Problem("row 3", "bad event", "events", d.FeePaid(dt.date(2026, 1, 9)))
    error = InvalidRecordsError("ledger.csv", [problem])
    assert "got FeePaid(on=2026-01-09)" in str(error)


@given(invalid_request_cases())
def test_clock_errors_name_events_by_iso_date(case: InvalidRequestCase) -> None:
    with pytest.raises(ZwgkError) as caught:
        d.reply_deadline(case.received, case.events)
    message = str(caught.value)
    assert not REPR.search(message), message
    for event in getattr(caught.value, "events", ()):
        if isinstance(getattr(event, "on", None), dt.date):
            assert event.on.isoformat() in message
