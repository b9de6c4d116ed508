"""Benchmark: table 3 of the annual report from a 1,000,000-request ledger (target ≤ 3 s).

Run: ``python benchmarks/bench_reports.py [N]``.  Two paths are timed:

- vector: :func:`zwgk.reports.table3_from_frame` on a pandas DataFrame ledger;
- python: :func:`zwgk.reports.table3_from_ledger` on a tuple of ``DisclosureRequest`` values.

Building the synthetic ledger is not timed.  Both paths must give the same table.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from zwgk.reports import AnnualReport, Table3, check_report, table3_from_frame, table3_from_ledger
from zwgk.requests import ApplicantKind, DisclosureRequest, Outcome

TARGET_SECONDS = 3.0
YEAR = 2025


def synthetic_frame(n: int, seed: int = 2025) -> pd.DataFrame:
    """``n`` requests received 2023–2025, 90 % closed within 0–120 days."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("2023-01-01")
    received = start + rng.integers(0, 3 * 365, n).astype("timedelta64[D]")
    closed = received + rng.integers(0, 120, n).astype("timedelta64[D]")
    pending = rng.random(n) < 0.1
    closed = np.where(pending, np.datetime64("NaT"), closed)
    kinds = np.array([k.value for k in ApplicantKind], dtype=object)
    outcomes = np.array([o.value for o in Outcome], dtype=object)
    outcome = outcomes[rng.integers(0, len(outcomes), n)]
    outcome = np.where(pending, np.array(None, dtype=object), outcome)
    return pd.DataFrame(
        {
            "applicant_kind": kinds[rng.integers(0, len(kinds), n)],
            "outcome": outcome,
            "received": pd.to_datetime(received),
            "closed": pd.to_datetime(closed),
        }
    )


def frame_to_requests(frame: pd.DataFrame) -> tuple[DisclosureRequest, ...]:
    kinds = {k.value: k for k in ApplicantKind}
    outcomes = {o.value: o for o in Outcome}
    received = frame["received"].dt.date.to_numpy()
    closed = frame["closed"].to_numpy()
    out = []
    for i, (kind, outcome) in enumerate(zip(frame["applicant_kind"], frame["outcome"], strict=True)):
        c = None if pd.isna(closed[i]) else pd.Timestamp(closed[i]).date()
        out.append(
            DisclosureRequest(
                str(i), f"a{i % 1000}", kinds[kind], received[i], outcome=outcomes.get(outcome), closed=c
            )
        )
    return tuple(out)


def best_of(runs: int, fn: Callable[[], Table3]) -> tuple[float, Table3]:
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    assert result is not None
    return best, result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0 = time.perf_counter()
    frame = synthetic_frame(n)
    print(f"ledger: {n:,} requests as a DataFrame (built in {time.perf_counter() - t0:.2f} s, not timed)")
    vec_s, vec_table = best_of(3, lambda: table3_from_frame(frame, YEAR))
    print(f"vector path  table3_from_frame : {vec_s:6.3f} s  ({vec_s / TARGET_SECONDS:.2f} × the 3 s target)")
    t0 = time.perf_counter()
    requests = frame_to_requests(frame)
    print(f"ledger: {n:,} DisclosureRequest values (built in {time.perf_counter() - t0:.2f} s, not timed)")
    py_s, py_table = best_of(1, lambda: table3_from_ledger(requests, YEAR))
    print(f"python path  table3_from_ledger: {py_s:6.3f} s  ({py_s / TARGET_SECONDS:.2f} × the 3 s target)")
    assert vec_table == py_table, "vector and python paths disagree"
    report = AnnualReport("bench", YEAR, vec_table.format, vec_table)
    assert check_report(report).ok
    new, forward = vec_table.value("new"), vec_table.value("carried_forward")
    print(f"identities hold; 一 本年新收 = {new:,}, 四 结转 = {forward:,}")
    status = "PASS" if min(vec_s, py_s) <= TARGET_SECONDS else "FAIL"
    print(f"{status}: fastest path {min(vec_s, py_s):.3f} s vs target {TARGET_SECONDS:.1f} s")


if __name__ == "__main__":
    main()
