"""Benchmark: score 10,000 units against 表三 (kaifu-2013-streets); target ≤ 0.5 s.

Run by hand (not part of the test suite)::

    /work/venv/bin/python benchmarks/bench_scoring.py

The evidence sets are random but reproducible (seeded); the card is compiled
(``compile_card``) and the calendar built before the clock starts, as a long-running service
would.  Prints the wall time of the best of five runs
(and the process CPU time, less sensitive to other load) and its ratio to the 1 s target.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from zwgk.calendar import default_calendar
from zwgk.scoring import compile_card, load_card, score

UNITS = 10_000
TARGET_SECONDS = 0.5


def _evidence(rng: random.Random) -> dict[str, object]:
    start = dt.date(2026, 1, 1)
    updates = sorted({start + dt.timedelta(days=rng.randrange(90)) for _ in range(rng.randrange(0, 8))})

    def some(options: list[str]) -> list[str]:
        return [o for o in options if rng.random() < 0.8]

    return {
        "period_start": "2026-01-01",
        "period_end": "2026-03-31",
        "leading_group_sound": rng.random() < 0.9,
        "leading_group_adjusted_timely": rng.random() < 0.9,
        "work_documents": some(["plan", "half_year_summary", "annual_summary"]),
        "work_completed_timely": rng.random() < 0.9,
        "rules_status": rng.choice(["sound_and_published", "sound_unpublished", "not_sound"]),
        "catalog_and_guide_ok": rng.random() < 0.9,
        "update_dates": [d.isoformat() for d in updates],
        "service_information": some(["matters", "procedures", "legal_basis", "fees", "time_limits"]),
        "contact_elements": some(["name", "address", "hours", "phone", "fax", "email"]),
        "request_handling": rng.choice(["compliant", "no_ledger", "late_and_no_ledger"]),
        "missing_windows": rng.randrange(0, 4),
        "facilities": some(["desks_and_chairs", "computers", "display_screen", "counter_service"]),
        "service_guides_missing": rng.random() < 0.1,
        "ledger_missing": rng.random() < 0.1,
        "quarterly_report_late": rng.random() < 0.2,
        "management_systems": some(["first_inquiry", "time_limit", "accountability"]),
        "complaints_received": rng.random() < 0.3,
        "complaint_phone_missing": rng.random() < 0.1,
        "suggestion_box_missing": rng.random() < 0.1,
        "media_exposure": rng.random() < 0.05,
        "petitions": rng.random() < 0.05,
        "abuse_of_power": rng.random() < 0.02,
        "district_commendations": rng.randrange(0, 3),
        "city_commendations": rng.randrange(0, 2),
        "province_commendations": rng.randrange(0, 2),
        "city_media_reports": rng.randrange(0, 3),
        "province_media_reports": rng.randrange(0, 2),
    }


def main() -> None:
    card = compile_card(load_card("kaifu-2013-streets"))
    calendar = default_calendar()
    rng = random.Random(20130326)
    units = [_evidence(rng) for _ in range(UNITS)]
    score(card, units[0], calendar=calendar)  # warm up
    timings = []
    cpu = []
    for _ in range(5):
        t0, c0 = time.perf_counter(), time.process_time()
        results = [score(card, ev, calendar=calendar) for ev in units]
        timings.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    best = min(timings)
    mean_total = sum(r.total for r in results) / len(results)
    print(
        f"scored {UNITS} units against {card.name} in {best:.3f} s wall (best of 5: "
        f"{', '.join(f'{t:.3f}' for t in timings)}); CPU time best {min(cpu):.3f} s"
    )
    print(
        f"ratio to the {TARGET_SECONDS} s target: {best / TARGET_SECONDS:.2f}  "
        f"({'within' if best <= TARGET_SECONDS else 'OVER'} target); mean total {mean_total:.2f}"
    )


if __name__ == "__main__":
    main()
