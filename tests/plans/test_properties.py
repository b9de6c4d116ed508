"""Properties of the counting: on the real calendar, for any start day in 2025–2026."""

from __future__ import annotations

import datetime as dt
import itertools
import warnings

from hypothesis import given
from hypothesis import strategies as st

from zwgk.calendar import default_calendar
from zwgk.errors import ProvisionalCalendarWarning
from zwgk.plans import FixedDue, Plan, Recurrence, Task, occurrences, parse_every, plan_status

CAL = default_calendar()
PHRASES = [
    "每周",
    "每月",
    "每季度",
    "每半年",
    "每年",
    "每月10日前",
    "每月31日前",
    "每年1月31日前",
    "每年2月底前",
    "每20个工作日",
    "每5个工作日",
]
days = st.dates(dt.date(2025, 1, 1), dt.date(2026, 6, 30))


@given(st.sampled_from(PHRASES), days, st.booleans())
def test_an_occurrence_is_never_due_before_its_period_starts(phrase: str, start: dt.date, roll: bool) -> None:
    with warnings.catch_warnings():  # late-2026 days are provisional; the property holds all the same
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        _check_occurrences(phrase, start, roll)


def _check_occurrences(phrase: str, start: dt.date, roll: bool) -> None:
    rec = parse_every(phrase, start)
    found = occurrences(rec, start + dt.timedelta(days=400), CAL, roll_forward=roll)
    assert found, phrase
    assert found[0].period_start == start
    for o in found:
        assert o.due >= o.period_start >= start
        assert o.due >= o.nominal
        if roll:
            assert CAL.is_working_day(o.due)
        elif rec.cadence.name != "WORKING_DAYS":
            assert o.due == o.nominal
    for a, b in itertools.pairwise(found):
        assert a.due <= b.due  # two rest-day ends may roll to the same working day (weeks over 春节)
        assert b.period_start > a.period_start
    assert len({o.label for o in found}) == len(found)


@given(days, days)
def test_a_task_done_on_its_due_day_is_done_and_a_day_late_is_done_late(due: dt.date, as_of: dt.date) -> None:
    on_time = Plan("p", "P", (Task("a", "A", due=FixedDue(due), done=due),))
    status = plan_status(on_time, max(due, as_of))
    assert status.rows[0].state.value == "done"
    assert status.rows[0].working_days_late == 0
    late_day = CAL.next_working_day(due)
    late = Plan("p", "P", (Task("a", "A", due=FixedDue(due), done=late_day),))
    row = plan_status(late, late_day).rows[0]
    assert (row.state.value, row.working_days_late) == ("done-late", 1)


@given(days, days)
def test_open_and_overdue_split_at_the_due_day(due: dt.date, as_of: dt.date) -> None:
    row = plan_status(Plan("p", "P", (Task("a", "A", due=FixedDue(due)),)), as_of).rows[0]
    if as_of <= due:
        assert row.state.value == "open"
        assert row.working_days_left == CAL.working_days_between(as_of, due)
    else:
        assert row.state.value == "overdue"
        assert row.working_days_late == CAL.working_days_between(due, as_of)


@given(st.sampled_from(PHRASES), days)
def test_status_lists_exactly_the_occurrences_started_by_the_day(phrase: str, start: dt.date) -> None:
    rec = parse_every(phrase, start)
    as_of = start + dt.timedelta(days=100)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        status = plan_status(Plan("p", "P", (Task("r", "R", due=rec),)), as_of)
        listed = occurrences(rec, as_of, CAL)
    assert all(r.period_start is not None and r.period_start <= as_of for r in status.rows)
    assert isinstance(rec, Recurrence)
    assert len(status.rows) == len(listed)
