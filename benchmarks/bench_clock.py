"""Benchmark the request clock (run by hand: ``python benchmarks/bench_clock.py``).

Targets (issue 3): ``reply_deadline`` for a request with three events, median ≤ 20 µs per
call; 100,000 requests in ≤ 3 s on the project's 2-core machine.  Anchor: the same
computation written naively with ``chinese_calendar`` day by day (what offices do today), on
a smaller sample.  Prints ratios against the targets and the anchor, measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from zwgk.calendar import default_calendar
from zwgk.deadlines import ConsultationEnded, ConsultationStarted, ExtensionGranted, reply_deadline


def requests(n: int, seed: int = 7) -> list[tuple[dt.date, list[object]]]:
    rng = random.Random(seed)
    start = dt.date(2019, 6, 1).toordinal()
    span = dt.date(2026, 6, 30).toordinal() - start
    out = []
    for _ in range(n):
        received = dt.date.fromordinal(start + rng.randrange(span))
        c0 = received + dt.timedelta(days=rng.randrange(1, 10))
        c1 = c0 + dt.timedelta(days=rng.randrange(1, 15))
        out.append(
            (
                received,
                [ConsultationStarted(c0), ConsultationEnded(c1), ExtensionGranted(c1, rng.randrange(1, 21))],
            )
        )
    return out


def naive_chinese_calendar(received: dt.date, pause: tuple[dt.date, dt.date], extra: int) -> dt.date:
    """Day-by-day counting with chinese_calendar.is_workday (the anchor)."""
    import chinese_calendar

    need = 20 + extra
    day = received
    while need:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day) and not (pause[0] < day <= pause[1]):
            need -= 1
    return day


def main() -> None:
    default_calendar()  # build once
    sample = requests(100_000)
    per_call = []
    for received, events in sample[:20_000]:
        t0 = time.perf_counter_ns()
        reply_deadline(received, events)
        per_call.append(time.perf_counter_ns() - t0)
    median_us = statistics.median(per_call) / 1000
    t0 = time.perf_counter()
    for received, events in sample:
        reply_deadline(received, events)
    total = time.perf_counter() - t0

    anchor_sample = sample[:2_000]
    t0 = time.perf_counter()
    wrong = 0
    for received, events in anchor_sample:
        c0, c1, ext = events[0].on, events[1].on, events[2].working_days  # type: ignore[attr-defined]
        naive = naive_chinese_calendar(received, (c0, c1), ext)
        if naive != reply_deadline(received, events).due:
            wrong += 1
    anchor_us = (time.perf_counter() - t0) / len(anchor_sample) * 1e6

    print("reply_deadline, three events (consultation start/end + extension)")
    print(f"  median per call      {median_us:8.2f} µs   target ≤ 20 µs   ratio {median_us / 20:.2f}")
    print(f"  100,000 requests     {total:8.2f} s    target ≤ 3 s     ratio {total / 3:.2f}")
    print(
        f"  naive chinese_calendar loop  {anchor_us:8.1f} µs per request "
        f"(zwgk is {anchor_us / median_us:.0f}× faster; {wrong} of {len(anchor_sample)} differ)"
    )


if __name__ == "__main__":
    main()
