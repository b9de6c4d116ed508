"""The vector path: numpy ``datetime64`` arrays and pandas Series in and out.

Same tables, semantics and coverage rules as the scalar methods of
:class:`~zwgk.calendar.ChinaCalendar`, read from its :class:`~zwgk.calendar.CalendarKernel`;
numpy is imported only when a vector method is called (extra ``zwgk[numpy]``).  The numpy
copies of a kernel's tables are built by a cached pure function of the kernel (read-only
arrays).  ``NaT`` propagates.
"""

from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache
from typing import Any

import attrs

from zwgk._dates import CHINA_STANDARD_TIME, parse_date
from zwgk._optional import import_extra
from zwgk.calendar._kernel import CalendarKernel
from zwgk.errors import CalendarCoverageError, InvalidInputError, InvalidTypeError

__all__ = ["Tables", "add_working_days", "is_working_day", "tables", "working_days_between"]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _np() -> Any:
    return import_extra("numpy", "numpy", "the vector path of the calendar")


@attrs.frozen
class Tables:
    """numpy copies of the calendar's tables (days since 1970-01-01 as the index base)."""

    base: int  # days since epoch of index 0
    size: int
    settled: int  # days since epoch of the last settled date (later days are provisional)
    working: Any  # bool[size]
    cum: Any  # int64[size], working days in [first, day]
    before: Any  # int64[size], working days in [first, day)
    workdays: Any  # int64[k], days since epoch of each working day


def _read_only(np: Any, values: Any) -> Any:
    arr = np.asarray(values, dtype=np.int64)
    arr.flags.writeable = False
    return arr


@lru_cache(maxsize=16)
def tables(kernel: CalendarKernel) -> Tables:
    """numpy copies of ``kernel``'s tables (read-only; built once per kernel)."""
    np = _np()
    cum = _read_only(np, kernel.cum)
    before = _read_only(np, kernel.before)
    workdays = _read_only(np, np.asarray(kernel.workdays, dtype=np.int64) - _EPOCH_ORDINAL)
    working = (cum - before) == 1
    working.flags.writeable = False
    return Tables(
        base=kernel.base - _EPOCH_ORDINAL,
        size=kernel.size,
        settled=kernel.settled_ordinal - _EPOCH_ORDINAL,
        working=working,
        cum=cum,
        before=before,
        workdays=workdays,
    )


def _days(values: Any, field: str) -> tuple[Any, Any, Any]:
    """Return (int64 days since epoch, NaT mask, pandas index or None).

    Timezone-aware values are converted to China Standard Time before their date is taken,
    as in the scalar path; naive values are taken as China time.
    """
    np = _np()
    index = None
    pd = _pandas_if_loaded()
    if pd is not None and isinstance(values, pd.Series | pd.DatetimeIndex):
        if isinstance(values, pd.Series):
            index = values.index
            if getattr(values.dtype, "tz", None) is not None:
                values = values.dt.tz_convert(CHINA_STANDARD_TIME).dt.tz_localize(None)
        elif values.tz is not None:
            values = values.tz_convert(CHINA_STANDARD_TIME).tz_localize(None)
        values = values.to_numpy()
    arr = np.asarray(values)
    if arr.dtype.kind == "O":
        arr = _from_objects(np, arr, values, field)
    if arr.dtype.kind != "M":
        raise InvalidTypeError(field, arr.dtype, "numpy datetime64 values or a pandas datetime Series")
    nat = np.isnat(arr)
    days = arr.astype("datetime64[D]").astype(np.int64)
    return days, nat, index


def _is_missing(item: object) -> bool:
    """NaN and NaT are the values not equal to themselves."""
    try:
        return bool(item != item)  # noqa: PLR0124 - the IEEE/NaT test
    except (TypeError, ValueError):
        return False


def _from_objects(np: Any, arr: Any, original: Any, field: str) -> Any:
    """Convert an object array of dates/datetimes (aware ones to China time), None/NaT → NaT."""
    out = np.empty(arr.shape, dtype="datetime64[D]")
    flat = out.reshape(-1)
    for i, item in enumerate(arr.reshape(-1)):
        if item is None or _is_missing(item):
            flat[i] = np.datetime64("NaT")
        elif isinstance(item, dt.date):
            flat[i] = np.datetime64(parse_date(item, field, text=False), "D")
        elif isinstance(item, np.datetime64):
            flat[i] = item.astype("datetime64[D]")
        else:
            raise InvalidTypeError(field, original, "an array of dates (numpy datetime64 or datetime.date)")
    return out


def _pandas_if_loaded() -> Any:
    return sys.modules.get("pandas")


def _index(kernel: CalendarKernel, t: Tables, days: Any, nat: Any, field: str) -> Any:
    np = _np()
    idx = days - t.base
    bad = ((idx < 0) | (idx >= t.size)) & ~nat
    if bad.any():
        first_bad = int(days[np.argmax(bad)])
        day = dt.date.fromordinal(first_bad + _EPOCH_ORDINAL)
        raise kernel.coverage_error(day, field)
    return np.where(nat, 0, idx)


def _warn_if(kernel: CalendarKernel, t: Tables, latest: Any, what: str) -> None:
    if latest.size and int(latest.max()) > t.settled:
        kernel.warn_provisional(what, stacklevel=4)


def _wrap(result: Any, index: Any, name: str | None = None) -> Any:
    if index is None:
        return result
    pd = _pandas_if_loaded()
    return pd.Series(result, index=index, name=name)


def is_working_day(kernel: CalendarKernel, dates: Any) -> Any:
    """Boolean array (or Series): whether each date is a working day; ``NaT`` → False."""
    np = _np()
    t = tables(kernel)
    days, nat, index = _days(dates, "dates")
    idx = _index(kernel, t, days, nat, "dates")
    _warn_if(kernel, t, days[~nat], "is_working_day_array")
    return _wrap(np.where(nat, False, t.working[idx]), index)


def add_working_days(kernel: CalendarKernel, dates: Any, n: Any) -> Any:
    """``datetime64[D]`` array (or Series): the n-th working day after each date (strict)."""
    np = _np()
    t = tables(kernel)
    days, nat, index = _days(dates, "dates")
    steps = np.asarray(n.to_numpy() if hasattr(n, "to_numpy") else n)
    if steps.dtype.kind not in "iu":
        raise InvalidTypeError("n", n, "an integer or an array of integers")
    try:
        steps = np.broadcast_to(steps.astype(np.int64), days.shape)
    except ValueError:
        raise InvalidInputError(
            "n", f"shape {steps.shape}", f"one integer or one per date (shape {days.shape})"
        ) from None
    idx = _index(kernel, t, days, nat, "dates")
    rank = np.where(steps > 0, t.cum[idx] + steps - 1, t.before[idx] + steps)
    moving = (steps != 0) & ~nat
    out_of_range = moving & ((rank < 0) | (rank >= t.workdays.size))
    if out_of_range.any():
        k = int(np.argmax(out_of_range))
        day = dt.date.fromordinal(int(days[k]) + _EPOCH_ORDINAL)
        raise CalendarCoverageError.count_beyond_edge(
            day, int(steps[k]), kernel.first, kernel.estimated_until
        )
    result = np.where(moving, t.workdays[np.clip(rank, 0, t.workdays.size - 1)], days)
    used = np.where(steps > 0, result, days - 1)
    _warn_if(kernel, t, used[moving], "add_working_days_array")
    out = result.astype("datetime64[D]")
    out[nat] = np.datetime64("NaT")
    if index is not None:
        out = out.astype("datetime64[ns]")
    return _wrap(out, index)


def working_days_between(kernel: CalendarKernel, start: Any, end: Any) -> Any:
    """int64 array (float with NaN where an input is NaT): working days in ``(start, end]``."""
    np = _np()
    t = tables(kernel)
    a, nat_a, index = _days(start, "start")
    b, nat_b, index_b = _days(end, "end")
    index = index if index is not None else index_b
    try:
        a, b = np.broadcast_arrays(a, b)
    except ValueError:
        raise InvalidInputError(
            "end", f"shape {b.shape}", f"one date or one per start date (shape {a.shape})"
        ) from None
    nat_a, nat_b = np.broadcast_arrays(nat_a, nat_b)
    nat = nat_a | nat_b
    ia = _index(kernel, t, a, nat, "start")
    ib = _index(kernel, t, b, nat, "end")
    _warn_if(kernel, t, np.maximum(a, b)[~nat & (a != b)], "working_days_between_array")
    count = t.cum[ib] - t.cum[ia]
    if nat.any():
        count = np.where(nat, np.nan, count.astype(np.float64))
    return _wrap(count, index)
