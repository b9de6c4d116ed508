"""The vector path: numpy ``datetime64`` arrays and pandas Series in and out.

Same tables, semantics and coverage rules as the scalar methods of
[`ChinaCalendar`][zwgk.calendar.ChinaCalendar], read from its
[`CalendarKernel`][zwgk.calendar.CalendarKernel]; numpy is imported only when a vector method is called (extra
``zwgk[numpy]``).  The numpy copies of a kernel's tables are built by a cached pure function of the kernel
(read-only arrays).  ``NaT`` propagates.
"""

from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache
from itertools import repeat
from typing import Any, Literal

import attrs

from zwgk._dates import CHINA_STANDARD_TIME, parse_date
from zwgk._lang import N_, gettext_
from zwgk._optional import import_extra
from zwgk.calendar._kernel import CalendarKernel
from zwgk.errors import CalendarCoverageError, InvalidInputError, InvalidTypeError

__all__ = [
    "Errors",
    "Tables",
    "add_working_days",
    "day_numbers",
    "is_working_day",
    "tables",
    "working_days_between",
]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _np() -> Any:
    return import_extra("numpy", "numpy", N_("the vector path of the calendar"))


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
    """Return (int64 days since epoch, missing mask, pandas index or None).

    Takes numpy ``datetime64`` arrays, object arrays of dates/datetimes, pandas Series and
    indexes (datetime64, tz-aware, object, nullable and Arrow-backed dtypes), and pyarrow
    arrays (``date32``/``date64``/``timestamp``, chunked or not).  Missing values (``None``,
    ``NaN``, ``NaT``, ``pd.NA``, Arrow nulls) are missing.  Timezone-aware values are
    converted to China Standard Time before their date is taken, as in the scalar path;
    naive values are taken as China time.
    """
    np = _np()
    index = None
    pd = _pandas_if_loaded()
    pa = sys.modules.get("pyarrow")
    if pa is not None and isinstance(values, pa.Array | pa.ChunkedArray):
        values = _from_arrow(np, pa, values, field)
    elif pd is not None and isinstance(values, pd.Series | pd.Index):
        if isinstance(values, pd.Series):
            index = values.index
        dtype = values.dtype
        if pa is not None and isinstance(dtype, pd.ArrowDtype):
            values = _from_arrow(np, pa, pa.array(values), field)
        elif getattr(dtype, "tz", None) is not None:
            values = (
                values.tz_convert(CHINA_STANDARD_TIME)
                if isinstance(values, pd.Index)
                else (values.dt.tz_convert(CHINA_STANDARD_TIME))
            )
            values = values.tz_localize(None) if isinstance(values, pd.Index) else values.dt.tz_localize(None)
            values = values.to_numpy()
        elif dtype.kind in "MO":
            values = values.to_numpy()
        else:  # a nullable extension dtype: every missing value becomes None
            values = values.to_numpy(dtype=object, na_value=None)
    arr = np.asarray(values)
    if arr.dtype.kind == "O":
        arr = _from_objects(np, arr, values, field)
    if arr.dtype.kind != "M":
        raise InvalidTypeError(field, arr.dtype, N_("numpy datetime64 values or a pandas datetime Series"))
    nat = np.asarray(np.isnat(arr))  # an array even for one date: the lookups write into it
    if arr.dtype != _DAY:
        arr = arr.astype(_DAY)
    days = arr.view(np.int64)  # NaT is the smallest int64, masked by ``nat`` from here on
    days.flags.writeable = False  # may be a view of the caller's array
    return days, nat, index


def _from_arrow(np: Any, pa: Any, values: Any, field: str) -> Any:
    """A pyarrow date or timestamp array as ``datetime64`` (nulls → NaT; aware → China time)."""
    kind = values.type
    types = pa.types
    if types.is_date(kind):
        return values.to_numpy(zero_copy_only=False)
    if types.is_timestamp(kind):
        out = values.to_numpy(zero_copy_only=False)  # UTC wall time when tz-aware
        if kind.tz is not None:
            out = out + np.timedelta64(_CST_HOURS, "h")
        return out
    raise InvalidTypeError(field, kind, N_("an Arrow date32/date64 or timestamp array"))


_DAY = "datetime64[D]"
_CST_HOURS = 8  # China Standard Time is UTC+8 (what Asia/Shanghai has been since 1991)
_MISSING_FILL = dt.date(1970, 1, 1)


def day_numbers(values: Any, field: str) -> tuple[Any, Any, Any]:
    """Public name of the conversion every vector function uses (see `_days`)."""
    return _days(values, field)


def _is_missing(item: object) -> bool:
    """None, NaN, NaT and ``pd.NA`` (NaN and NaT are the values not equal to themselves)."""
    if item is None:
        return True
    try:
        return bool(item != item)  # noqa: PLR0124 - the IEEE/NaT test
    except (TypeError, ValueError):  # pd.NA: its comparisons are NA, whose truth is ambiguous
        return type(item).__name__ == "NAType"


def _from_objects(np: Any, arr: Any, original: Any, field: str) -> Any:
    """Convert an object array of dates/datetimes (aware ones to China time); missing → NaT.

    Plain `datetime.date` values, with missing values among them, take a fast path at
    C speed (``toordinal`` mapped over the array); anything else goes item by item.
    """
    flat = arr.reshape(-1)
    pd = _pandas_if_loaded()
    if pd is not None and flat.size:
        converted = _via_pandas(pd, flat)
        if converted is not None:
            return converted.reshape(arr.shape)
    items = flat.tolist()
    kinds = set(map(type, items))
    if kinds <= _fast_kinds():
        try:
            if kinds == _DATE_ONLY:
                ordinals = np.fromiter(map(_DATE_TOORDINAL, items), dtype=np.int64, count=len(items))
                missing = None
            else:
                missing = _missing_mask(np, flat, items)
                filled = flat.copy()
                filled[missing] = _MISSING_FILL
                filled_items = filled.tolist()
                ordinals = np.fromiter(map(_DATE_TOORDINAL, filled_items), dtype=np.int64, count=len(items))
        except TypeError:  # a float that is not NaN: the item-by-item path names it
            pass
        else:
            out = (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]")
            if missing is not None:
                out[missing] = np.datetime64("NaT")
            return out.reshape(arr.shape)
    out = np.empty(arr.shape, dtype="datetime64[D]")
    result = out.reshape(-1)
    for i, item in enumerate(items):
        if _is_missing(item):
            result[i] = np.datetime64("NaT")
        elif isinstance(item, dt.date):
            result[i] = np.datetime64(parse_date(item, field, text=False), "D")
        elif isinstance(item, np.datetime64):
            result[i] = item.astype("datetime64[D]")
        else:
            raise InvalidTypeError(
                field, original, N_("an array of dates (numpy datetime64 or datetime.date)")
            )
    return out


def _via_pandas(pd: Any, flat: Any) -> Any:
    """``flat`` converted by pandas at C speed when every item is a date or missing, else None.

    ``infer_dtype(..., skipna=True) == "date"`` means every present item is a ``datetime.date``
    (datetimes included) and every other item is None/NaN/NaT/``pd.NA``; naive datetimes then
    floor to their own date, as in the item path.  An aware datetime among them makes pandas
    raise (mixed with naive ones) or answer a tz-aware dtype: both go to the item path, which
    converts to China time.
    """
    if pd.api.types.infer_dtype(flat, skipna=True) != "date":
        return None
    try:
        converted = pd.to_datetime(flat, cache=False)  # the cache's uniqueness test costs more than it saves
    except (ValueError, TypeError, OverflowError):
        return None
    if getattr(converted.dtype, "tz", None) is not None:
        return None
    return converted.to_numpy()


def _missing_mask(np: Any, flat: Any, items: list[Any]) -> Any:
    """Where ``items`` (plain dates and missing values, see `_fast_kinds`) are missing.

    With pandas, ``pd.isna``; without it the items are dates, None and floats, so the
    candidates are the items that are not dates (``isinstance`` mapped at C speed) and only
    they are tested one by one (a float that is not NaN is not missing).
    """
    pd = _pandas_if_loaded()
    if pd is not None:
        return pd.isna(flat)
    missing = ~np.fromiter(map(isinstance, items, repeat(dt.date)), dtype=bool, count=len(items))
    if all(map(_is_missing, flat[missing].tolist())):
        return missing
    return np.fromiter(map(_is_missing, items), dtype=bool, count=len(items))


def _fast_kinds() -> frozenset[object]:
    """Types the fast object path takes: plain dates and the missing values (pandas' too)."""
    pd = _pandas_if_loaded()
    if pd is None:
        return _PLAIN
    return _PLAIN | {type(pd.NA), type(pd.NaT)}


_DATE_ONLY: frozenset[object] = frozenset({dt.date})
_PLAIN: frozenset[object] = frozenset({dt.date, type(None), float})
_DATE_TOORDINAL = dt.date.toordinal


def _pandas_if_loaded() -> Any:
    return sys.modules.get("pandas")


Errors = Literal["raise", "coerce"]
"""What the vector functions do with a date outside the calendar: raise
[`CalendarCoverageError`][zwgk.errors.CalendarCoverageError] (``"raise"``, the default, as the scalar path) or
answer NaT/NaN/False for it (``"coerce"``: what a Dask ``meta`` probe with 1970-01-01 needs)."""


def _check_errors(errors: object) -> None:
    if errors not in ("raise", "coerce"):
        raise InvalidInputError("errors", errors, N_("'raise' or 'coerce'"))


def _index(  # noqa: PLR0917 - the tables, the days with their mask, and how to report
    kernel: CalendarKernel, t: Tables, days: Any, nat: Any, field: str, errors: Errors
) -> Any:
    """Table indexes of ``days`` (0 where missing); with ``errors="coerce"`` uncovered days join
    ``nat`` (in place).

    Two reductions check the bounds; the per-day test runs only when one fails.
    """
    np = _np()
    idx = np.asarray(days - t.base)
    if nat.any():
        idx[nat] = 0
    if idx.size and (int(idx.min()) < 0 or int(idx.max()) >= t.size):
        bad = (idx < 0) | (idx >= t.size)
        if errors == "coerce":
            nat |= bad
            idx[bad] = 0
        else:
            first_bad = int(days[np.argmax(bad)])
            day = dt.date.fromordinal(first_bad + _EPOCH_ORDINAL)
            raise kernel.coverage_error(day, field)
    return idx


def _warn_if(kernel: CalendarKernel, t: Tables, latest: Any, what: str, missing: Any = None) -> None:
    """Warn when a day of ``latest`` (those not ``missing``) is after the settled data.

    The maximum of all of ``latest`` is taken first (one reduction); only when it is
    provisional are the ``missing`` entries, whose values mean nothing, taken out.
    """
    if not latest.size or int(latest.max()) <= t.settled:
        return
    if missing is not None:
        latest = latest[~missing]
    if latest.size and int(latest.max()) > t.settled:
        kernel.warn_provisional(what, stacklevel=4)


def _wrap(result: Any, index: Any, name: str | None = None) -> Any:
    if index is None:
        return result
    pd = _pandas_if_loaded()
    return pd.Series(result, index=index, name=name, copy=False)  # ``result`` is always a new array


def is_working_day(kernel: CalendarKernel, dates: Any, errors: Errors = "raise") -> Any:
    """Boolean array (or Series): whether each date is a working day; ``NaT`` → False."""
    np = _np()
    _check_errors(errors)
    t = tables(kernel)
    days, nat, index = _days(dates, "dates")
    nat = nat.copy()
    idx = _index(kernel, t, days, nat, "dates", errors)
    _warn_if(kernel, t, days, "is_working_day_array", nat)
    return _wrap(np.where(nat, False, t.working[idx]), index)


def add_working_days(kernel: CalendarKernel, dates: Any, n: Any, errors: Errors = "raise") -> Any:
    """``datetime64[D]`` array (or Series): the n-th working day after each date (strict)."""
    np = _np()
    _check_errors(errors)
    t = tables(kernel)
    days, nat, index = _days(dates, "dates")
    nat = nat.copy()
    steps = np.asarray(n.to_numpy() if hasattr(n, "to_numpy") else n)
    if steps.dtype.kind not in "iu":
        raise InvalidTypeError("n", n, N_("an integer or an array of integers"))
    one_positive = steps.ndim == 0 and 0 < steps < t.workdays.size  # a larger count leaves the data
    if not one_positive:
        try:
            steps = np.broadcast_to(steps.astype(np.int64), days.shape)
        except ValueError:
            raise InvalidInputError(
                "n",
                f"shape {steps.shape}",
                gettext_(N_("one integer or one per date (shape {shape})")).format(shape=days.shape),
            ) from None
    idx = _index(kernel, t, days, nat, "dates", errors)
    if one_positive:
        out = _add_positive(kernel, t, days, int(steps), idx, nat, errors)
        return _wrap(out if index is None else out.astype("datetime64[ns]"), index)
    rank = np.where(steps > 0, t.cum[idx] + steps - 1, t.before[idx] + steps)
    moving = (steps != 0) & ~nat
    out_of_range = moving & ((rank < 0) | (rank >= t.workdays.size))
    if errors == "coerce" and out_of_range.any():
        nat |= out_of_range
        moving &= ~out_of_range
    elif out_of_range.any():
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


def _add_positive(  # noqa: PLR0917 - the tables, the days with their mask, one count, how to report
    kernel: CalendarKernel, t: Tables, days: Any, k: int, idx: Any, nat: Any, errors: Errors
) -> Any:
    """`add_working_days` for one count ``k`` > 0, the common call, in fewer passes.

    The k-th working day after a day is the working day of rank ``cum[day] + k - 1``; a
    missing day has index 0 and its rank is overwritten by NaT at the end.
    """
    np = _np()
    rank = np.asarray(t.cum[idx])
    rank += k - 1
    size = t.workdays.size
    if rank.size and int(rank.max()) >= size:
        out_of_range = (rank >= size) & ~nat
        if out_of_range.any():
            if errors != "coerce":
                i = int(np.argmax(out_of_range))
                day = dt.date.fromordinal(int(days[i]) + _EPOCH_ORDINAL)
                raise CalendarCoverageError.count_beyond_edge(day, k, kernel.first, kernel.estimated_until)
            nat |= out_of_range
        np.minimum(rank, size - 1, out=rank)
    result = np.asarray(t.workdays[rank])
    _warn_if(kernel, t, result, "add_working_days_array", nat)
    out = result.view(_DAY)
    if nat.any():
        out[nat] = np.datetime64("NaT")
    return out


def working_days_between(kernel: CalendarKernel, start: Any, end: Any, errors: Errors = "raise") -> Any:
    """int64 array (float with NaN where an input is NaT): working days in ``(start, end]``."""
    np = _np()
    _check_errors(errors)
    t = tables(kernel)
    a, nat_a, index = _days(start, "start")
    b, nat_b, index_b = _days(end, "end")
    index = index if index is not None else index_b
    try:
        a, b = np.broadcast_arrays(a, b)
    except ValueError:
        raise InvalidInputError(
            "end",
            f"shape {b.shape}",
            gettext_(N_("one date or one per start date (shape {shape})")).format(shape=a.shape),
        ) from None
    nat_a, nat_b = np.broadcast_arrays(nat_a, nat_b)
    nat = np.asarray(nat_a | nat_b)
    ia = _index(kernel, t, a, nat, "start", errors)
    ib = _index(kernel, t, b, nat, "end", errors)
    if errors == "coerce":  # a day coerced by the second lookup also voids the first
        ia = np.where(nat, 0, ia)
    _warn_if(kernel, t, np.maximum(a, b), "working_days_between_array", nat | (a == b))
    count = t.cum[ib] - t.cum[ia]
    if nat.any():
        count = np.where(nat, np.nan, count.astype(np.float64))
    return _wrap(count, index)
