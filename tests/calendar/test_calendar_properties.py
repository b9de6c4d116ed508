"""Hypothesis properties of the counting maths on the real calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.calendar.helpers import days

from zwgk import testing as zt
from zwgk.calendar import ChinaCalendar, Notice, default_calendar

CAL = default_calendar()
COVERED_FIRST = CAL.coverage().first
COVERED_LAST = CAL.coverage().last

# The project's own tests use the public strategies of zwgk.testing.
covered_dates = zt.covered_dates()
inner_dates = zt.covered_dates(margin_days=366)  # ±250 working days stay covered
working_day_counts = zt.working_day_counts(250)
added_notices = zt.added_notices


@given(inner_dates, working_day_counts, working_day_counts)
def test_strictly_increasing_in_n(day: dt.date, n1: int, n2: int) -> None:
    if n1 < n2:
        assert CAL.add_working_days(day, n1) < CAL.add_working_days(day, n2)


@given(inner_dates, working_day_counts.filter(lambda n: n != 0))
def test_result_is_a_working_day_on_the_right_side(day: dt.date, n: int) -> None:
    result = CAL.add_working_days(day, n)
    assert CAL.is_working_day(result)
    assert (result > day) if n > 0 else (result < day)


@given(inner_dates, st.integers(min_value=0, max_value=250))
def test_between_inverts_add_forwards(day: dt.date, n: int) -> None:
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@given(inner_dates, st.integers(min_value=-250, max_value=-1))
def test_between_inverts_add_backwards(day: dt.date, n: int) -> None:
    # Documented: from a rest day going back, (r, d] holds |n| - 1 of the |n| working days in [r, d).
    expected = n if CAL.is_working_day(day) else n + 1
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == expected


@given(inner_dates, st.integers(min_value=-250, max_value=-1))
def test_between_inverts_add_backwards_from_working_days(day: dt.date, n: int) -> None:
    day = CAL.add_working_days(day, 1)  # a working day
    assert CAL.working_days_between(day, CAL.add_working_days(day, n)) == n


@given(covered_dates, covered_dates, covered_dates)
def test_between_is_additive_and_antisymmetric(a: dt.date, b: dt.date, c: dt.date) -> None:
    assert CAL.working_days_between(a, b) + CAL.working_days_between(b, c) == CAL.working_days_between(a, c)
    assert CAL.working_days_between(a, b) == -CAL.working_days_between(b, a)


@given(inner_dates, inner_dates)
def test_add_lands_on_a_later_working_end(a: dt.date, b: dt.date) -> None:
    b = CAL.add_working_days(max(a, b), 1)  # a working day after a
    assert CAL.add_working_days(a, CAL.working_days_between(a, b)) == b


@given(inner_dates)
def test_neighbours_and_iteration(day: dt.date) -> None:
    nxt = CAL.next_working_day(day)
    prev = CAL.previous_working_day(day)
    assert prev < day < nxt
    inside = list(CAL.working_days(prev, nxt))
    assert inside[0] == prev
    assert inside[-1] == nxt
    assert all(CAL.is_working_day(x) for x in inside)
    assert len(inside) == CAL.working_days_between(prev, nxt) + 1
    assert sum(CAL.is_working_day(x) for x in days(prev, nxt)) == len(inside)


@settings(max_examples=30)
@given(st.lists(st.tuples(inner_dates, working_day_counts), min_size=1, max_size=50))
def test_vector_equals_scalar_numpy(pairs: list[tuple[dt.date, int]]) -> None:
    np = pytest.importorskip("numpy")
    dates = np.array([p[0] for p in pairs], dtype="datetime64[D]")
    ns = np.array([p[1] for p in pairs], dtype=np.int64)
    got = CAL.add_working_days_array(dates, ns)
    assert got.dtype == np.dtype("datetime64[D]")
    assert [x.astype(dt.date) for x in got] == [CAL.add_working_days(d, n) for d, n in pairs]
    working = CAL.is_working_day_array(dates)
    assert working.tolist() == [CAL.is_working_day(d) for d, _ in pairs]
    ends = got[::-1]
    counts = CAL.working_days_between_array(dates, ends)
    assert counts.tolist() == [
        CAL.working_days_between(a.astype(dt.date), b.astype(dt.date))
        for a, b in zip(dates, ends, strict=True)
    ]


@settings(max_examples=30)
@given(st.lists(inner_dates, min_size=1, max_size=50), working_day_counts)
def test_vector_equals_scalar_pandas(dates: list[dt.date], n: int) -> None:
    pd = pytest.importorskip("pandas")
    index = [f"row{i}" for i in range(len(dates))]
    series = pd.Series(pd.to_datetime(dates), index=index)
    got = CAL.add_working_days_array(series, n)
    assert isinstance(got, pd.Series)
    assert list(got.index) == index
    assert [x.date() for x in got] == [CAL.add_working_days(d, n) for d in dates]
    working = CAL.is_working_day_array(series)
    assert isinstance(working, pd.Series)
    assert working.tolist() == [CAL.is_working_day(d) for d in dates]


@pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")  # the last week of 2026
@settings(max_examples=20)
@given(added_notices())
def test_with_notices_changes_only_the_named_dates(notice: Notice) -> None:
    np = pytest.importorskip("numpy")
    changed = CAL.with_notices([notice])
    assert isinstance(changed, ChinaCalendar)
    assert changed is not CAL
    everyday = np.arange(np.datetime64(COVERED_FIRST), np.datetime64(COVERED_LAST) + 1)
    named = np.isin(everyday, np.array(sorted(notice.dates), dtype="datetime64[D]"))
    before = CAL.is_working_day_array(everyday)
    after = changed.is_working_day_array(everyday)
    assert (before[~named] == after[~named]).all()
    for period in notice.periods:
        assert not any(changed.is_working_day(x) for x in period.rest_days)
        assert all(changed.is_working_day(x) for x in period.working_days)
        for x in period.rest_days:
            assert changed.day_kind(x).notice == notice.document
    lo = min(notice.dates) - dt.timedelta(days=40)
    hi = max(notice.dates) + dt.timedelta(days=40)
    for x in days(lo, hi):
        if x not in notice.dates:
            assert changed.day_kind(x) == CAL.day_kind(x), x
