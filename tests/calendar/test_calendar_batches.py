"""The vector path takes every common column type, and works in Dask and Spark shapes (issue 17 §5).

Expectations come from the scalar path, itself checked against the golden files.
"""

from __future__ import annotations

import datetime as dt
import math
import warnings
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk.calendar import _vector, default_calendar
from zwgk.errors import CalendarCoverageError, InvalidInputError, InvalidTypeError, ProvisionalCalendarWarning

CAL = default_calendar()
DAYS = [dt.date(2024, 1, 5), dt.date(2024, 2, 9), dt.date(2025, 9, 30), dt.date(2026, 10, 1)]
EXPECTED = [CAL.add_working_days(d, 20) for d in DAYS]

dates = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 11, 30))


def _out(values: object) -> list[dt.date | None]:
    arr = np.asarray(values, dtype="datetime64[D]")
    return [None if np.isnat(v) else v.astype(dt.date) for v in arr]


def test_object_dates_with_every_missing_value() -> None:
    column = np.array([DAYS[0], None, DAYS[1], float("nan"), pd.NaT, pd.NA, DAYS[2]], dtype=object)
    got = _out(CAL.add_working_days_array(column, 20))
    assert got == [EXPECTED[0], None, EXPECTED[1], None, None, None, EXPECTED[2]]


@given(st.lists(st.one_of(dates, st.none()), min_size=1, max_size=30))
def test_object_columns_agree_with_the_scalar_path(days: list[dt.date | None]) -> None:
    column = np.array(days, dtype=object)
    expected = [None if d is None else CAL.add_working_days(d, 3) for d in days]
    assert _out(CAL.add_working_days_array(column, 3)) == expected


# ---------------------------------------------------------------- missing values of every kind
# (the fast object path: one C-level conversion, the missing ones masked; issue 17 §5)

MISSING: list[object] = [None, float("nan"), pd.NaT, pd.NA]
settled_dates = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 10, 31))
cells = st.one_of(settled_dates, st.sampled_from(MISSING))
counts = st.integers(min_value=-25, max_value=25)


def _missing(cell: object) -> bool:
    return cell is None or cell is pd.NaT or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell))


def _objects(column: list[object]) -> np.ndarray:
    out = np.empty(len(column), dtype=object)
    out[:] = column  # item by item: np.array(list) would read a list of NaN/None as floats
    return out


@given(st.lists(cells, min_size=1, max_size=40), counts)
def test_every_missing_kind_among_dates_agrees_with_the_scalar_path(column: list[object], n: int) -> None:
    present = [c for c in column if not _missing(c)]
    added = [None if _missing(c) else CAL.add_working_days(c, n) for c in column]  # type: ignore[arg-type]
    working = [False if _missing(c) else CAL.is_working_day(c) for c in column]  # type: ignore[arg-type]
    objects = _objects(column)
    index = pd.RangeIndex(100, 100 + len(column))
    for values in (objects, pd.Series(objects, index=index)):
        got = CAL.add_working_days_array(values, n)
        assert _out(got) == added
        assert np.asarray(CAL.is_working_day_array(values)).tolist() == working
        if isinstance(values, pd.Series):
            assert list(got.index) == list(index)
    per_row = CAL.add_working_days_array(objects, np.full(len(column), n))  # the general path
    assert _out(per_row) == added
    ends = objects[::-1]
    between = CAL.working_days_between_array(objects, ends)
    for a, b, got_count in zip(column, ends, between, strict=True):
        if _missing(a) or _missing(b):
            assert math.isnan(got_count)
        else:
            assert got_count == CAL.working_days_between(a, b)  # type: ignore[arg-type]
    assert len(present) == int((~np.isnat(np.asarray(CAL.add_working_days_array(objects, n)))).sum())


@given(st.lists(cells, min_size=1, max_size=40))
def test_arrow_columns_with_nulls_agree_with_the_scalar_path(column: list[object]) -> None:
    pa = pytest.importorskip("pyarrow")
    days = [None if _missing(c) else c for c in column]
    added = [None if d is None else CAL.add_working_days(d, 20) for d in days]  # type: ignore[arg-type]
    date32 = pa.array(days, type=pa.date32())
    stamps = pa.array(
        [None if d is None else dt.datetime(d.year, d.month, d.day, 23, 59) for d in days],  # type: ignore[union-attr]
        type=pa.timestamp("us"),
    )
    for values in (date32, stamps, pd.Series(date32, dtype=pd.ArrowDtype(pa.date32()))):
        assert _out(CAL.add_working_days_array(values, 20)) == added


@given(st.lists(st.one_of(settled_dates, st.sampled_from([None, float("nan")])), min_size=1, max_size=40))
def test_object_columns_without_pandas_loaded(column: list[object]) -> None:
    """Without pandas, the missing values are found among the items that are not dates."""
    added = [None if _missing(c) else CAL.add_working_days(c, 5) for c in column]  # type: ignore[arg-type]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_vector, "_pandas_if_loaded", lambda: None)
        assert _out(CAL.add_working_days_array(_objects(column), 5)) == added
        with pytest.raises(InvalidTypeError):
            CAL.add_working_days_array(_objects([*column, 2.5]), 5)  # a float that is not NaN


edge_dates = st.dates(min_value=dt.date(2050, 10, 1), max_value=dt.date(2050, 12, 31))


@settings(max_examples=50)
@given(st.lists(st.one_of(edge_dates, st.sampled_from(MISSING)), min_size=1, max_size=30), st.integers(1, 80))
def test_missing_values_at_the_edge_of_the_data(column: list[object], n: int) -> None:
    """Past the last estimated day: an error naming a present date, or NaT with ``coerce``."""
    expected: list[dt.date | None] = []
    beyond = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)  # every day here is estimated
        for c in column:
            try:
                expected.append(None if _missing(c) else CAL.add_working_days(c, n))  # type: ignore[arg-type]
            except CalendarCoverageError:
                expected.append(None)
                beyond = True
        assert _out(CAL.add_working_days_array(_objects(column), n, errors="coerce")) == expected
        if beyond:
            with pytest.raises(CalendarCoverageError):
                CAL.add_working_days_array(_objects(column), n)


def test_missing_values_never_make_a_provisional_warning() -> None:
    settled = [DAYS[0], None, pd.NA, DAYS[2], float("nan"), pd.NaT]  # a warning would fail the test
    CAL.add_working_days_array(_objects(settled), 20)
    CAL.add_working_days_array(_objects([None, pd.NA, pd.NaT]), 20)
    coerced = np.array(["2024-01-05", "2050-12-30"], dtype="datetime64[D]")  # the second passes 2050
    assert _out(CAL.add_working_days_array(coerced, 20, errors="coerce")) == [EXPECTED[0], None]
    late = dt.date(2026, 12, 20)  # its 20th working day is after 2026-12-24, the last settled day
    with pytest.warns(ProvisionalCalendarWarning):
        CAL.add_working_days_array(_objects([None, late, pd.NA]), 20)


def test_the_callers_column_is_left_as_it_was() -> None:
    column = np.array(["2024-01-05", "NaT", "1970-01-01"], dtype="datetime64[D]")
    before = column.copy()
    got = CAL.add_working_days_array(column, 20, errors="coerce")
    assert _out(got) == [EXPECTED[0], None, None]
    assert _out(column) == _out(before)
    assert column.flags.writeable


def test_one_date_alone_follows_the_column_rules() -> None:
    """A zero-dimensional array: missing stays missing, ``coerce`` voids a date past 2050."""
    assert _out(CAL.add_working_days_array(np.datetime64(DAYS[0]), 20).reshape(1)) == [EXPECTED[0]]
    assert np.isnat(CAL.add_working_days_array(np.datetime64("NaT", "D"), 20))
    outside = np.datetime64("2051-01-21")
    assert np.isnat(CAL.add_working_days_array(outside, 0, errors="coerce"))
    assert np.isnat(CAL.add_working_days_array(outside, 20, errors="coerce"))
    assert not CAL.is_working_day_array(outside, errors="coerce")  # and no provisional warning
    assert math.isnan(CAL.working_days_between_array(outside, np.datetime64(DAYS[0]), errors="coerce"))


def test_datetimes_in_object_columns_are_china_time() -> None:
    late_utc = dt.datetime(2024, 1, 4, 20, 0, tzinfo=dt.UTC)  # 2024-01-05 04:00 in Beijing
    column = np.array([late_utc, dt.datetime(2024, 1, 5, 23, 0)], dtype=object)
    assert _out(CAL.add_working_days_array(column, 20)) == [EXPECTED[0], EXPECTED[0]]


def test_text_and_numbers_are_refused() -> None:
    with pytest.raises(InvalidTypeError):
        CAL.add_working_days_array(np.array(["2024-01-05"], dtype=object), 20)
    with pytest.raises(InvalidTypeError):
        CAL.add_working_days_array(np.array([DAYS[0], 1.5], dtype=object), 20)


def test_pandas_object_and_arrow_backed_series_keep_their_index() -> None:
    pa = pytest.importorskip("pyarrow")
    index = pd.Index(["a", "b", "c", "d", "e"])
    values = [*DAYS, None]
    for series in (
        pd.Series(values, index=index, dtype=object),
        pd.Series(pa.array(values, type=pa.date32()), index=index, dtype=pd.ArrowDtype(pa.date32())),
    ):
        got = CAL.add_working_days_array(series, 20)
        assert list(got.index) == list(index)
        assert _out(got.to_numpy()) == [*EXPECTED, None]


def test_arrow_arrays_dates_and_timestamps_with_nulls() -> None:
    pa = pytest.importorskip("pyarrow")
    values = [*DAYS, None]
    for array in (
        pa.array(values, type=pa.date32()),
        pa.chunked_array([pa.array(values[:2], type=pa.date32()), pa.array(values[2:], type=pa.date32())]),
        pa.array(
            [None if d is None else dt.datetime(d.year, d.month, d.day, 9) for d in values],
            pa.timestamp("ms"),
        ),
    ):
        assert _out(CAL.add_working_days_array(array, 20)) == [*EXPECTED, None]
    evening_utc = pa.array([dt.datetime(2024, 1, 4, 20, 0)], type=pa.timestamp("us", tz="UTC"))
    assert _out(CAL.add_working_days_array(evening_utc, 20)) == [EXPECTED[0]]
    with pytest.raises(InvalidTypeError):
        CAL.add_working_days_array(pa.array(["2024-01-05"]), 20)


def test_errors_coerce_answers_missing_outside_the_calendar() -> None:
    column = np.array(["1970-01-01", "2024-01-05", "2099-01-01"], dtype="datetime64[D]")
    with pytest.raises(CalendarCoverageError):
        CAL.add_working_days_array(column, 20)
    assert _out(CAL.add_working_days_array(column, 20, errors="coerce")) == [None, EXPECTED[0], None]
    counts = CAL.working_days_between_array(column, np.datetime64("2024-02-01"), errors="coerce")
    assert np.isnan(counts[0])
    assert np.isnan(counts[2])
    assert counts[1] == CAL.working_days_between(DAYS[0], dt.date(2024, 2, 1))
    assert list(CAL.is_working_day_array(column, errors="coerce")) == [
        False,
        CAL.is_working_day(DAYS[0]),
        False,
    ]
    with pytest.raises(InvalidInputError):
        CAL.add_working_days_array(column, 20, errors="ignore")  # type: ignore[arg-type]


def _due_dates(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """What Spark's ``mapInPandas`` calls: a function over an iterator of pandas DataFrames."""
    for frame in frames:
        yield frame.assign(due=CAL.add_working_days_array(frame["received"], 20))


def test_spark_map_in_pandas_shape() -> None:
    frames = [
        pd.DataFrame({"received": pd.to_datetime(DAYS[:2])}),
        pd.DataFrame({"received": pd.to_datetime(DAYS[2:])}),
        # a DateType column with nulls, as Spark hands it: datetime.date objects and None
        pd.DataFrame({"received": pd.Series([DAYS[0], None, DAYS[3]], dtype=object)}),
    ]
    out = pd.concat(list(_due_dates(iter(frames))), ignore_index=True)
    assert _out(out["due"].to_numpy()) == [*EXPECTED, EXPECTED[0], None, EXPECTED[3]]


def test_dask_map_partitions_without_meta() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"received": pd.to_datetime([*DAYS, None] * 5)})
    ddf = dd.from_pandas(frame, npartitions=3)
    due = ddf["received"].map_partitions(CAL.add_working_days_array, 20, errors="coerce")
    assert _out(due.compute().to_numpy()) == [*EXPECTED, None] * 5


# ---------------------------------------------------------------- the object routes agree
# (issue 17 §5: the pandas route and the mask route against the item-by-item one)


class _Day(dt.date):
    """A date subclass: not one of the fast kinds, so the item path takes it."""


_CST = dt.timezone(dt.timedelta(hours=8))
mixed_cells = st.one_of(
    settled_dates,
    st.sampled_from(MISSING),
    settled_dates.map(lambda d: dt.datetime(d.year, d.month, d.day, 23, 30)),  # naive: its own date
    settled_dates.map(lambda d: dt.datetime(d.year, d.month, d.day, 20, tzinfo=dt.UTC)),  # next day in China
    settled_dates.map(lambda d: dt.datetime(d.year, d.month, d.day, 1, tzinfo=_CST)),
    settled_dates.map(lambda d: pd.Timestamp(d.year, d.month, d.day, 12)),
    settled_dates.map(lambda d: np.datetime64(d, "D")),
    settled_dates.map(lambda d: _Day(d.year, d.month, d.day)),
    st.sampled_from([2.5, 0.0, 19_000.0, 1, "2024-01-05"]),  # not dates: refused by every route
)


def _convert(column: list[object]) -> object:
    objects = _objects(column)
    try:
        return _vector._from_objects(np, objects, objects, "dates").astype("datetime64[D]").tolist()
    except InvalidTypeError as exc:
        return type(exc)


@settings(max_examples=300)
@given(st.lists(st.one_of(settled_dates, st.sampled_from(MISSING), mixed_cells), min_size=1, max_size=30))
def test_fast_object_routes_equal_the_item_by_item_route(column: list[object]) -> None:
    fast = _convert(column)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_vector, "_pandas_if_loaded", lambda: None)
        without_pandas = _convert(column)
        mp.setattr(_vector, "_fast_kinds", frozenset)  # nothing is fast: item by item
        item_by_item = _convert(column)
    assert fast == without_pandas == item_by_item
    if not isinstance(item_by_item, type):
        assert isinstance(fast, list)
        assert all(v is None for v, c in zip(fast, column, strict=True) if _missing(c))
