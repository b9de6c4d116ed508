"""Benchmark: 20-working-day deadlines with zwgk and the libraries people use today.

The published figures come from ``benchmarks/run_all.py`` (every contender interleaved, ratios
with min/median/max); this older script prints per-library medians measured one after another.

Run by hand (not part of the test suite)::

    python benchmarks/bench_calendar.py            # 10,000 starts, 1,000,000 vector dates
    python benchmarks/bench_calendar.py --quick    # 1,000 starts, 100,000 vector dates
    python benchmarks/bench_calendar.py --missing  # only the columns with missing values (below)

What it measures (issue 2 §7):

- 10,000 random start dates in 2019-01-01 … 2026-11-30 (so that every 20th working day
  is still inside the recorded notices), ``add 20 working days``, median time per call for
  zwgk, ``chinese_calendar.find_workday``, python-holidays ``get_nth_working_day``,
  workalendar's ``China`` (starts 2019-01-01 … 2023-11-30 only: its data stops at 2023;
  its warnings are suppressed) and ``numpy.busday_offset`` (a 7-day weekmask with every rest
  day of the notices as a holiday, its best correct use);
- the vector path on 1,000,000 dates against ``numpy.busday_offset`` on the same array;
- the number of results of each that differ from zwgk's;
- columns of every type a caller hands the vector path, 5 % of them missing (``None``, NaN,
  ``NaT``, ``pd.NA``, Arrow nulls), through the house harness (``_harness.interleave``: every
  column and the floor, a plain table lookup on ``datetime64[D]``, interleaved in one process;
  ratios to the floor with min/median/max), each checked exact against the ``datetime64``
  path with ``NaT`` where missing (``--missing`` runs only this part).

Every library is called with zwgk's strict semantics (the start day never counts):
``find_workday(19, d + 1 day)`` (``find_workday(n, d)`` counts ``d`` itself when it is a
working day and rolls a rest-day start forward first, so the natural call
``find_workday(20, d)`` answers a different question on rest-day starts — reported
separately); ``busday_offset(d, 20, roll="backward")``.  Times are per call and include
the Python loop; each median is over batches of 100 calls.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Contender, fmt, interleave, markdown_rows

N = 20
SEED = 20261122


def _median_per_call(
    func: Callable[[dt.date], dt.date], starts: Sequence[dt.date], batch: int = 100
) -> float:
    """Median seconds per call over batches of ``batch`` calls."""
    per_call = []
    for i in range(0, len(starts), batch):
        chunk = starts[i : i + batch]
        t0 = time.perf_counter()
        for day in chunk:
            func(day)
        per_call.append((time.perf_counter() - t0) / len(chunk))
    return statistics.median(per_call)


def _fmt(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:,.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.2f} µs"
    return f"{seconds * 1e3:,.2f} ms"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="1,000 starts and 100,000 vector dates")
    parser.add_argument("--missing", action="store_true", help="only the columns with missing values")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds of the missing-value part")
    args = parser.parse_args(argv)
    n_starts = 1_000 if args.quick else 10_000
    n_vector = 100_000 if args.quick else 1_000_000
    if args.missing:
        missing_values(n_vector, args.rounds)
        return

    import numpy as np

    from zwgk.calendar import default_calendar

    cal = default_calendar()
    rng = random.Random(SEED)
    lo = dt.date(2019, 1, 1).toordinal()
    hi = dt.date(2026, 11, 30).toordinal()
    starts = [dt.date.fromordinal(rng.randint(lo, hi)) for _ in range(n_starts)]
    expected = {day: cal.add_working_days(day, N) for day in starts}

    # numpy's best correct use: a 7-day weekmask and every rest day of the notices as a holiday
    # (a Mon–Fri mask cannot express a working Saturday and overstates zwgk's lead; issue 17).
    first = dt.date(2004, 1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rest_days = [
            first + dt.timedelta(days=i)
            for i in range((dt.date(2026, 12, 31) - first).days + 1)
            if not cal.is_working_day(first + dt.timedelta(days=i))
        ]
    busdaycal = np.busdaycalendar(weekmask="1111111", holidays=np.array(rest_days, dtype="datetime64[D]"))

    rows: list[tuple[str, int, float, int, str]] = []

    def measure(
        name: str, func: Callable[[dt.date], dt.date], sample: Sequence[dt.date], note: str = ""
    ) -> None:
        wrong = sum(func(day) != expected[day] for day in sample)
        rows.append((name, len(sample), _median_per_call(func, sample), wrong, note))

    measure("zwgk add_working_days", lambda d: cal.add_working_days(d, N), starts)

    import chinese_calendar

    one = dt.timedelta(days=1)
    measure(
        "chinese_calendar find_workday",
        lambda d: chinese_calendar.find_workday(N - 1, d + one),
        starts,
        "called as find_workday(19, d+1)",
    )
    natural = sum(chinese_calendar.find_workday(N, d) != expected[d] for d in starts)

    import holidays

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        china = holidays.China(years=range(2018, 2028))
    measure("python-holidays get_nth_working_day", lambda d: china.get_nth_working_day(d, N), starts)

    from workalendar.asia import China

    wa = China()
    wa_starts = [d for d in starts if d <= dt.date(2023, 11, 30)]

    def workalendar_add(day: dt.date) -> dt.date:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result: dt.date = wa.add_working_days(day, N)
        return result

    measure("workalendar China", workalendar_add, wa_starts, "starts 2019–2023 only")

    def numpy_add(day: dt.date) -> dt.date:
        return np.busday_offset(day, N, roll="backward", busdaycal=busdaycal).astype(dt.date)  # type: ignore[no-any-return]

    measure("numpy.busday_offset (scalar)", numpy_add, starts, "7-day mask, rest days as holidays")

    zwgk_time = rows[0][2]
    print(
        f"Scalar: add {N} working days, median per call ({n_starts:,} random starts 2019–2026, seed {SEED})"
    )
    print()
    print("| library | calls | median per call | × zwgk | wrong results | note |")
    print("|---|---:|---:|---:|---:|---|")
    for name, calls, seconds, wrong, note in rows:
        ratio = seconds / zwgk_time
        print(f"| {name} | {calls:,} | {_fmt(seconds)} | {ratio:,.1f} | {wrong:,} | {note} |")
    print()
    print(
        f"chinese_calendar called naturally as find_workday({N}, d): {natural:,} of {n_starts:,} "
        "differ from the strict answer (rest-day starts count the first working day as day 0)."
    )

    # ------------------------------------------------------------------ vector path
    vrng = np.random.default_rng(SEED)
    dates = (np.datetime64("2019-01-01") + vrng.integers(0, hi - lo + 1, size=n_vector)).astype(
        "datetime64[D]"
    )

    def best_of(func: Callable[[], object], repeat: int = 5) -> float:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            func()
            times.append(time.perf_counter() - t0)
        return min(times)

    cal.add_working_days_array(dates[:10], N)  # build the numpy tables once
    ours = cal.add_working_days_array(dates, N)
    theirs = np.busday_offset(dates, N, roll="backward", busdaycal=busdaycal)
    t_ours = best_of(lambda: cal.add_working_days_array(dates, N))
    t_np = best_of(lambda: np.busday_offset(dates, N, roll="backward", busdaycal=busdaycal))
    sample = rng.sample(range(n_vector), 2_000)
    scalar_mismatch = sum(
        ours[i].astype(dt.date) != cal.add_working_days(dates[i].astype(dt.date), N) for i in sample
    )
    wrong_np = int((theirs != ours).sum())
    print()
    print(f"Vector: add {N} working days to {n_vector:,} dates (best of 5)")
    print()
    print("| path | total | per date | × zwgk | wrong results |")
    print("|---|---:|---:|---:|---:|")
    print(f"| zwgk add_working_days_array | {_fmt(t_ours)} | {_fmt(t_ours / n_vector)} | 1.0 | 0 |")
    print(
        f"| numpy.busday_offset | {_fmt(t_np)} | {_fmt(t_np / n_vector)} | {t_np / t_ours:,.1f} | "
        f"{wrong_np:,} ({wrong_np / n_vector:.1%}) |"
    )
    print()
    print(f"vector vs scalar zwgk on 2,000 sampled dates: {scalar_mismatch} mismatches")
    print()
    missing_values(n_vector, args.rounds)


SHARE_MISSING = 0.05


def _columns(n: int) -> tuple[Any, dict[str, Callable[[], Any]]]:
    """``datetime64[D]`` dates with 5 % NaT, and the same column in every type callers hand in."""
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    rng = np.random.default_rng(SEED)
    dates = (np.datetime64("2019-01-01") + rng.integers(0, 2_850, size=n)).astype("datetime64[D]")
    missing = rng.random(n) < SHARE_MISSING
    dates[missing] = np.datetime64("NaT")
    plain = dates.astype(object)  # datetime.date items, None where NaT
    where = np.flatnonzero(missing)
    kinds: list[object] = [None, float("nan"), pd.NaT, pd.NA]

    def objects(*fill: object) -> Any:
        column = plain.copy()
        for k, value in enumerate(fill):
            column[where[k :: len(fill)]] = value
        return column

    arrow = pa.array(plain, type=pa.date32())
    columns = {
        "object, None": objects(None),
        "object, NaN": objects(float("nan")),
        "object, NaT": objects(pd.NaT),
        "object, pd.NA": objects(pd.NA),
        "object, all four mixed": objects(*kinds),
        "pandas object Series, all four mixed": pd.Series(objects(*kinds)),
        "pandas Arrow-backed date32 Series, nulls": pd.Series(arrow, dtype=pd.ArrowDtype(pa.date32())),
        "pyarrow date32, nulls": arrow,
        "pyarrow timestamp[us], nulls": pa.array(dates.astype("datetime64[us]")),
        "pandas datetime64 Series, NaT": pd.Series(dates.astype("datetime64[ns]")),
    }
    return dates, {name: (lambda c=c: c) for name, c in columns.items()}


def missing_values(n: int, rounds: int = 9) -> None:
    """Vector ``add_working_days`` over columns with 5 % missing values, interleaved with the floor."""
    import numpy as np

    from zwgk.calendar import default_calendar
    from zwgk.calendar._vector import tables

    cal = default_calendar()
    dates, columns = _columns(n)
    expected = cal.add_working_days_array(dates, N)
    t = tables(cal.kernel)
    full = np.where(np.isnat(dates), np.datetime64("2020-01-01"), dates)

    def floor() -> object:  # a lookup on complete datetime64[D] dates, nothing checked
        idx = full.view(np.int64) - t.base
        return t.workdays[t.cum[idx] + N - 1].view("datetime64[D]")

    def wrong_np(got: Any) -> int:
        same = (got == expected) | (np.isnat(got) & np.isnat(expected))
        return int((~same).sum())

    def wrong(column: Any) -> int:
        return wrong_np(np.asarray(cal.add_working_days_array(column, N), dtype="datetime64[D]"))

    with warnings.catch_warnings():  # the last week of the final year is provisional
        warnings.simplefilter("ignore")
        first = dt.date(2004, 1, 1)
        rest_days = [
            first + dt.timedelta(days=i)
            for i in range((dt.date(2026, 12, 31) - first).days + 1)
            if not cal.is_working_day(first + dt.timedelta(days=i))
        ]
    busdaycal = np.busdaycalendar(weekmask="1111111", holidays=np.array(rest_days, dtype="datetime64[D]"))

    def anchor() -> object:  # numpy's best correct use, NaT in → NaT out
        return np.busday_offset(dates, N, roll="backward", busdaycal=busdaycal)

    contenders = [
        Contender("floor: numpy table lookup, no missing", floor, n, 0, "floor"),
        Contender(
            "numpy busday_offset (7-day mask, rest days as holidays)", anchor, n, wrong_np(anchor()), "anchor"
        ),
    ]
    contenders.append(
        Contender("zwgk, datetime64[D] with NaT", lambda: cal.add_working_days_array(dates, N), n, 0, "zwgk")
    )
    for name, get in columns.items():
        column = get()
        contenders.append(
            Contender(
                f"zwgk, {name}",
                lambda column=column: cal.add_working_days_array(column, N),
                n,
                wrong(column),
                "zwgk",
            )
        )
    results = interleave(contenders, rounds=rounds)
    print(
        f"Vector: add {N} working days to {n:,} dates, {SHARE_MISSING:.0%} missing "
        f"({rounds} interleaved rounds; wrong = differs from the datetime64 path, NaT where missing)"
    )
    print()
    print("| figure | implementation | median per date | × floor | × best anchor | wrong answers |")
    print("|---|---|---:|---:|---:|---:|")
    for row in markdown_rows("`add_working_days_array`, 5 % missing (per date)", results):
        print(row)
    print()
    worst = max((r for r in results if r.contender.kind == "zwgk"), key=lambda r: r.median)
    print(f"slowest column: {worst.contender.name}, {fmt(worst.median)} per date")


if __name__ == "__main__":
    main()
