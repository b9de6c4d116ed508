"""The vector clock: due dates, states and lateness for a whole ledger at once.

A ledger is columnar: one row per request, one column per recorded event date (missing
where the request has no such event).  The columns [`reply_due_array`][zwgk.deadlines.reply_due_array] reads:

======================== ============================================================
column                   meaning (an event of [`zwgk.deadlines`][])
======================== ============================================================
``received``             receipt date (条例第三十一条); required
``consultation_started`` [`ConsultationStarted`][zwgk.deadlines.ConsultationStarted] (a third party)
``consultation_ended``   [`ConsultationEnded`][zwgk.deadlines.ConsultationEnded]
``extension_on``         [`ExtensionGranted`][zwgk.deadlines.ExtensionGranted] date, with ``extension_days``
``extension_days``       its working days (integer; missing where no extension)
``replied``              [`Replied`][zwgk.deadlines.Replied] date
``withdrawn``            [`Withdrawn`][zwgk.deadlines.Withdrawn] date
======================== ============================================================

Events of one row are applied in date order, same-day events in the order of this table
(the order `ledger_events` builds them in).  Rows the vector arithmetic covers exactly
— received, then an optional closed consultation, then an optional extension, then an
optional reply, every day settled — are computed with numpy over the calendar's tables;
every other row (an open consultation, an extension during a consultation, a withdrawal,
days past the settled calendar, event sequences that raise) runs through the scalar clock
[`reply_deadline`][zwgk.deadlines.reply_deadline], so every row agrees with it by construction and by
test.  Columns may be numpy ``datetime64`` arrays, object arrays of dates, pandas Series
(any date-like dtype) or pyarrow arrays, as for the calendar's vector functions.
"""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from collections.abc import Mapping
from typing import Any, Literal

from zwgk._lang import N_, gettext_
from zwgk._optional import import_extra
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.calendar._vector import day_numbers, tables
from zwgk.deadlines._clock import reply_deadline
from zwgk.deadlines._events import (
    ConsultationEnded,
    ConsultationStarted,
    Event,
    ExtensionGranted,
    Replied,
    Withdrawn,
)
from zwgk.deadlines._kinds import ClockState
from zwgk.deadlines._regimes import ConsultationParty, Regime, get_regime, regimes
from zwgk.deadlines._results import ClockPolicy
from zwgk.errors import InvalidInputError, InvalidTypeError, ProvisionalCalendarWarning, ZwgkError

__all__ = ["COLUMNS", "ledger_events", "reply_due_array"]

#: The event columns, in the order same-day events are applied.
COLUMNS = (
    "consultation_started",
    "consultation_ended",
    "extension_on",
    "extension_days",
    "replied",
    "withdrawn",
)
_DATE_COLUMNS = tuple(c for c in COLUMNS if c != "extension_days")
_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _np() -> Any:
    return import_extra("numpy", "numpy", N_("the vector clock"))


def ledger_events(row: Mapping[str, Any]) -> tuple[Event, ...]:
    """The events of one ledger row (a mapping of the columns above; missing → no event)."""

    def day(name: str) -> dt.date | None:
        value = row.get(name)
        return None if value is None else value

    events: list[Event] = []
    start, end = day("consultation_started"), day("consultation_ended")
    if start is not None:
        events.append(ConsultationStarted(start))
    if end is not None:
        events.append(ConsultationEnded(end))
    on, extension = day("extension_on"), row.get("extension_days")
    if on is not None:
        events.append(ExtensionGranted(on, extension))  # type: ignore[arg-type]  # None: its error names the field
    elif extension is not None:
        raise InvalidInputError("extension_days", extension, N_("an extension_on date beside it"))
    replied, withdrawn = day("replied"), day("withdrawn")
    if replied is not None:
        events.append(Replied(replied))
    if withdrawn is not None:
        events.append(Withdrawn(withdrawn))
    return tuple(events)


def _columns(received: Any, events: Any) -> tuple[Any, dict[str, Any], Any]:
    """(received column, event columns by name, pandas index or None)."""
    pd = sys.modules.get("pandas")
    index = None
    if pd is not None and isinstance(received, pd.DataFrame):
        if events is not None:
            raise InvalidInputError("events", type(events).__name__, N_("None when received is a DataFrame"))
        frame = received
        if "received" not in frame.columns:
            raise InvalidInputError(
                "received", list(frame.columns), N_("a DataFrame with a 'received' column")
            )
        index = frame.index
        return frame["received"], {c: frame[c] for c in COLUMNS if c in frame.columns}, index
    if events is None:
        events = {}
    if pd is not None and isinstance(events, pd.DataFrame):
        index = events.index
        cols = {c: events[c] for c in COLUMNS if c in events.columns}
        unknown = [c for c in events.columns if c not in COLUMNS]
    elif isinstance(events, Mapping):
        cols = dict(events)
        unknown = [c for c in cols if c not in COLUMNS]
    else:
        raise InvalidTypeError("events", events, N_("a mapping or DataFrame of event columns, or None"))
    if unknown:
        raise InvalidInputError(
            "events", unknown, gettext_(N_("event columns among {columns}")).format(columns=list(COLUMNS))
        )
    if pd is not None and isinstance(received, pd.Series):
        index = received.index
    return received, cols, index


def reply_due_array(
    received: Any,
    events: Any = None,
    *,
    regime: Regime | str | None = None,
    calendar: ChinaCalendar | None = None,
    policy: ClockPolicy | None = None,
    errors: Literal["raise", "coerce"] = "raise",
) -> Any:
    """Due dates, states and working days late for a ledger (one row per request).

    Args:
        received: the receipt dates (a column), or a pandas DataFrame holding ``received``
            and any of the event columns (see the module docs) — then ``events`` is None.
        events: the event columns, as a mapping of name → column or a DataFrame.
        regime: as for [`reply_deadline`][zwgk.deadlines.reply_deadline] (default: by each receipt date).
        calendar: as for [`reply_deadline`][zwgk.deadlines.reply_deadline].
        policy: as for [`reply_deadline`][zwgk.deadlines.reply_deadline].
        errors: ``"raise"`` (default) raises the scalar clock's error for the first bad row;
            ``"coerce"`` gives that row a missing due date and state.

    Returns:
        A dict of numpy arrays — ``due`` (``datetime64[D]``, NaT while undetermined),
        ``state`` (object: the [`ClockState`][zwgk.deadlines.ClockState] value, ``None`` for a coerced row)
        and ``working_days_late`` (float: NaN unless replied) — or a pandas DataFrame with those
        columns and the input's index when the input was pandas.  Warns once with
        [`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] when any row uses provisional
        days.
    """
    np = _np()
    if errors not in ("raise", "coerce"):
        raise InvalidInputError("errors", errors, N_("'raise' or 'coerce'"))
    cal = calendar if calendar is not None else default_calendar()
    if not isinstance(cal, ChinaCalendar):
        raise InvalidTypeError("calendar", cal, N_("a zwgk.calendar.ChinaCalendar or None"))
    kernel = cal.kernel
    t = tables(kernel)
    recv_col, cols, index = _columns(received, events)
    recv, recv_missing, idx = day_numbers(recv_col, "received")
    index = index if index is not None else idx
    n = recv.shape[0]
    days: dict[str, Any] = {}
    present: dict[str, Any] = {}
    for name in _DATE_COLUMNS:
        if name in cols:
            values, missing, _ = day_numbers(cols[name], name)
            if values.shape != recv.shape:
                raise InvalidInputError(
                    name, f"length {values.shape[0]}", gettext_(N_("one value per request ({n})")).format(n=n)
                )
            days[name], present[name] = values, ~missing
        else:
            days[name], present[name] = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    ext_days, has_ext_days = _extension_days(np, cols.get("extension_days"), n)

    # ---- regime per row (by receipt, or the one given)
    all_regimes = regimes()
    reply_n = np.zeros(n, dtype=np.int64)
    ext_limit = np.zeros(n, dtype=np.int64)
    pauses = np.zeros(n, dtype=bool)
    known = np.zeros(n, dtype=bool)
    if regime is not None:
        fixed = get_regime(regime, all_regimes[-1].in_force)  # the date is not used for a given regime
        reply_n[:], ext_limit[:] = fixed.reply.amount, fixed.extension.amount
        pauses[:] = ConsultationParty.THIRD_PARTY in fixed.consultation_pauses
        known[:] = True
    else:
        starts = np.array([r.in_force.toordinal() - _EPOCH_ORDINAL for r in all_regimes], dtype=np.int64)
        which = np.searchsorted(starts, recv, side="right") - 1
        known = which >= 0
        for k, r in enumerate(all_regimes):
            mask = which == k
            reply_n[mask] = r.reply.amount
            ext_limit[mask] = r.extension.amount
            pauses[mask] = ConsultationParty.THIRD_PARTY in r.consultation_pauses

    # ---- which rows the arithmetic covers exactly
    settled = t.settled
    first = t.base
    cs, ce, xo, rp = (
        days[c] for c in ("consultation_started", "consultation_ended", "extension_on", "replied")
    )
    p_cs, p_ce, p_xo, p_rp, p_wd = (
        present[c]
        for c in ("consultation_started", "consultation_ended", "extension_on", "replied", "withdrawn")
    )
    simple = (
        ~recv_missing & known & ~p_wd & (p_cs == p_ce) & (p_xo == has_ext_days) & (~p_xo | (ext_days > 0))
    )
    in_table = (recv >= first) & (recv <= settled)
    for col, p in ((cs, p_cs), (ce, p_ce), (xo, p_xo), (rp, p_rp)):
        in_table &= ~p | ((col >= first) & (col <= settled))
    simple &= in_table
    last = recv.copy()  # the latest event so far: events must come in this order
    for col, p in ((cs, p_cs), (ce, p_ce), (xo, p_xo), (rp, p_rp)):
        simple &= ~p | (col >= last)
        last = np.where(p, col, last)
    cum = t.cum
    workdays = t.workdays
    size = workdays.size

    def at(day: Any) -> Any:
        return np.clip(day - first, 0, t.size - 1)

    def add(day: Any, count: Any) -> tuple[Any, Any]:
        """(n-th working day after day for count > 0, day for 0; whether it stays settled)."""
        rank = cum[at(day)] + count - 1
        ok = (rank >= 0) & (rank < size)
        moved = workdays[np.clip(rank, 0, size - 1)]
        out = np.where(count > 0, moved, day)
        return out, ok | (count == 0)

    due, ok = add(recv, reply_n)
    simple &= ok
    pause_n = np.where(p_cs & pauses & (cs < due), cum[at(ce)] - cum[at(cs)], 0)
    due, ok = add(due, pause_n)
    simple &= ok
    grant = p_xo & (xo <= due) & (ext_days <= ext_limit)
    # A refused extension (late or too long) is a violation that leaves the due date as it is.
    due, ok = add(due, np.where(grant, ext_days, 0))
    simple &= ok & (due <= settled)
    late = np.where(p_rp, np.maximum(0, cum[at(rp)] - cum[at(due)]), np.nan)

    due_out = (due + 0).astype("datetime64[D]")
    state = np.array([ClockState.RUNNING.value, ClockState.REPLIED.value], dtype=object)[p_rp.astype(np.intp)]
    late_out = late.astype(np.float64)

    # ---- every other row through the scalar clock
    rest = np.flatnonzero(~simple)
    if rest.size:
        warned = False
        for i in rest.tolist():
            row: dict[str, Any] = {c: _date(days[c], present[c], i) for c in _DATE_COLUMNS}
            row["extension_days"] = int(ext_days[i]) if has_ext_days[i] else None
            try:
                if recv_missing[i]:
                    raise InvalidInputError("received", None, N_("a receipt date on every row"))
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", ProvisionalCalendarWarning)
                    d = reply_deadline(
                        _date(recv, ~recv_missing, i),
                        ledger_events(row),
                        regime=regime,
                        calendar=cal,
                        policy=policy,
                    )
                warned = warned or any(issubclass(w.category, ProvisionalCalendarWarning) for w in caught)
            except ZwgkError:
                if errors == "raise":
                    raise
                due_out[i] = np.datetime64("NaT")
                state[i] = None
                late_out[i] = np.nan
                continue
            due_out[i] = np.datetime64("NaT") if d.due is None else np.datetime64(d.due, "D")
            state[i] = d.state.value
            wl = d.working_days_late
            late_out[i] = np.nan if wl is None else wl
        if warned:
            kernel.warn_provisional("reply_due_array", stacklevel=2)
    result = {"due": due_out, "state": state, "working_days_late": late_out}
    if index is not None:
        pd = sys.modules["pandas"]
        return pd.DataFrame(
            {"due": due_out.astype("datetime64[ns]"), "state": state, "working_days_late": late_out},
            index=index,
        )
    return result


def _date(values: Any, present: Any, i: int) -> Any:
    """Row ``i`` of a day-number column as a date (None where missing)."""
    return dt.date.fromordinal(int(values[i]) + _EPOCH_ORDINAL) if present[i] else None


def _extension_days(np: Any, raw: Any, n: int) -> tuple[Any, Any]:
    """(int64 working days, whether given) of the ``extension_days`` column."""
    if raw is None:
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    pd = sys.modules.get("pandas")
    if pd is not None and isinstance(raw, pd.Series):
        raw = raw.to_numpy(dtype=np.float64, na_value=np.nan)
    arr = np.asarray(raw)
    if arr.shape != (n,):
        raise InvalidInputError(
            "extension_days", f"shape {arr.shape}", gettext_(N_("one value per request ({n})")).format(n=n)
        )
    if arr.dtype.kind in "iu":
        return arr.astype(np.int64), np.ones(n, dtype=bool)
    if arr.dtype.kind != "f":
        raise InvalidTypeError("extension_days", raw, N_("an integer column of working days"))
    given = ~np.isnan(arr)
    whole = np.where(given, arr, 0)
    if (whole != np.round(whole)).any():
        raise InvalidTypeError("extension_days", raw, N_("whole numbers of working days"))
    return whole.astype(np.int64), given
