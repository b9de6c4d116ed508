"""The vector path takes every common column type, and works in Dask and Spark shapes (issue 17 §5).

Expectations come from the scalar path, itself checked against the golden files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.calendar import default_calendar
from zwgk.errors import CalendarCoverageError, InvalidInputError, InvalidTypeError

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
    ]
    out = pd.concat(list(_due_dates(iter(frames))), ignore_index=True)
    assert _out(out["due"].to_numpy()) == EXPECTED


def test_dask_map_partitions_without_meta() -> None:
    dd = pytest.importorskip("dask.dataframe")
    frame = pd.DataFrame({"received": pd.to_datetime(DAYS * 5)})
    ddf = dd.from_pandas(frame, npartitions=3)
    due = ddf["received"].map_partitions(CAL.add_working_days_array, 20, errors="coerce")
    assert _out(due.compute().to_numpy()) == EXPECTED * 5
