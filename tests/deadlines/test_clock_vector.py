"""The vector clock agrees with the scalar clock on every row (issue 17 §2).

Each row's expectation is ``reply_deadline`` on the row's events (``ledger_events``): its
due date, state and working days late; errors with ``errors="coerce"`` become missing.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.deadlines import reply_deadline, reply_due_array
from zwgk.deadlines._vector import COLUMNS, ledger_events
from zwgk.errors import ProvisionalCalendarWarning, ZwgkError

NAT = np.datetime64("NaT")


def _scalar(row: dict[str, Any]) -> tuple[object, object, object]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ProvisionalCalendarWarning)
            d = reply_deadline(row["received"], ledger_events(row))
    except ZwgkError:
        return None, None, None
    return d.due, d.state.value, d.working_days_late


def _rows(out: Any, n: int) -> list[tuple[object, object, object]]:
    got = []
    for i in range(n):
        due = out["due"][i]
        late = out["working_days_late"][i]
        got.append(
            (
                None if np.isnat(np.datetime64(due)) else np.datetime64(due, "D").astype(dt.date),
                out["state"][i],
                None if np.isnan(late) else int(late),
            )
        )
    return got


def _columns(rows: list[dict[str, Any]]) -> tuple[Any, dict[str, Any]]:
    def col(name: str) -> Any:
        return np.array([NAT if r.get(name) is None else np.datetime64(r[name], "D") for r in rows])

    received = col("received")
    events = {c: col(c) for c in COLUMNS if c != "extension_days"}
    events["extension_days"] = np.array(
        [np.nan if r.get("extension_days") is None else float(r["extension_days"]) for r in rows]
    )
    return received, events


def assert_rows_agree(rows: list[dict[str, Any]]) -> None:
    received, events = _columns(rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        out = reply_due_array(received, events, errors="coerce")
    assert _rows(out, len(rows)) == [_scalar(r) for r in rows]


_day = st.integers(min_value=0, max_value=40)


@st.composite
def ledger_rows(draw: st.DrawFn) -> dict[str, Any]:
    """One request: mostly valid orders, sometimes shuffled, open, refused or uncovered."""
    received = draw(st.dates(min_value=dt.date(2008, 4, 20), max_value=dt.date(2026, 12, 31)))
    row: dict[str, Any] = {"received": received}
    cursor = received

    def later() -> dt.date:
        nonlocal cursor
        cursor = cursor + dt.timedelta(days=draw(_day))
        return cursor

    if draw(st.booleans()):
        row["consultation_started"] = later()
        if draw(st.integers(0, 9)):
            row["consultation_ended"] = later()
    if draw(st.booleans()):
        row["extension_on"] = later()
        row["extension_days"] = draw(st.integers(1, 25))
    closing = draw(st.sampled_from(["replied", "replied", "withdrawn", None]))
    if closing:
        row[closing] = later()
    if draw(st.integers(0, 9)) == 0:  # an out-of-order date
        name = draw(
            st.sampled_from([c for c in row if c not in ("received", "extension_days")] or ["received"])
        )
        row[name] = row[name] - dt.timedelta(days=draw(st.integers(1, 30)))
    return row


@given(st.lists(ledger_rows(), min_size=1, max_size=25))
def test_drawn_ledgers_agree_with_the_scalar_clock(rows: list[dict[str, Any]]) -> None:
    assert_rows_agree(rows)


def test_a_random_sample_of_2000_requests_agrees() -> None:
    rng = np.random.default_rng(17)
    n = 20_000
    received = np.datetime64("2019-06-01") + rng.integers(0, 2_500, n)
    has_c, open_c, has_x, has_r = (rng.random(n) < p for p in (0.3, 0.03, 0.2, 0.8))
    cs = received + rng.integers(0, 10, n)
    ce = cs + rng.integers(0, 20, n)
    xo = np.where(has_c, ce, received) + rng.integers(0, 25, n)
    rp = np.maximum(xo, ce) + rng.integers(0, 30, n)
    events = {
        "consultation_started": np.where(has_c, cs, NAT).astype("datetime64[D]"),
        "consultation_ended": np.where(has_c & ~open_c, ce, NAT).astype("datetime64[D]"),
        "extension_on": np.where(has_x, xo, NAT).astype("datetime64[D]"),
        "extension_days": np.where(has_x, rng.integers(1, 25, n), np.nan),
        "replied": np.where(has_r, rp, NAT).astype("datetime64[D]"),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        out = reply_due_array(received.astype("datetime64[D]"), events, errors="coerce")
    sample = rng.choice(n, size=2_000, replace=False)
    for i in sample.tolist():
        row: dict[str, Any] = {"received": received[i].astype(dt.date)}
        for name, column in events.items():
            value = column[i]
            if name == "extension_days":
                row[name] = None if np.isnan(value) else int(value)
            elif not np.isnat(value):
                row[name] = value.astype(dt.date)
        assert _rows({k: v[i : i + 1] for k, v in out.items()}, 1) == [_scalar(row)], row


def test_a_dataframe_in_gives_a_dataframe_out_with_its_index() -> None:
    frame = pd.DataFrame(
        {
            "received": pd.to_datetime(["2025-03-03", "2025-03-04"]),
            "replied": pd.to_datetime(["2025-05-30", None]),
        },
        index=["a", "b"],
    )
    out = reply_due_array(frame)
    assert list(out.index) == ["a", "b"]
    assert list(out.columns) == ["due", "state", "working_days_late"]
    for key, i in (("a", 0), ("b", 1)):
        d = reply_deadline(
            frame["received"].iloc[i].date(), ledger_events({"replied": None if i else dt.date(2025, 5, 30)})
        )
        assert out.loc[key, "due"].date() == d.due
        assert out.loc[key, "state"] == d.state.value


def test_errors_raise_by_default_and_coerce_on_request() -> None:
    received = np.array(["2025-03-03", "2025-03-03"], dtype="datetime64[D]")
    events = {"consultation_ended": np.array(["NaT", "2025-03-10"], dtype="datetime64[D]")}
    with pytest.raises(ZwgkError):
        reply_due_array(received, events)
    out = reply_due_array(received, events, errors="coerce")
    assert out["state"][1] is None
    assert np.isnat(out["due"][1])
    with pytest.raises(ZwgkError):
        reply_due_array(received, {"unknown": received})
