"""Import cost (run by hand: ``python benchmarks/bench_import.py``).

Target (issue 7): ``python -c "import zwgk"`` whole-process time within 1.5× of
``python -c "import pydantic"``, measured side by side; ``import zwgk.deadlines`` must not
import pydantic at all.  Also shows what each zwgk package costs to import.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 25
CASES = {
    "python (empty)": "pass",
    "import pydantic (anchor)": "import pydantic",
    "import zwgk": "import zwgk",
    "import zwgk.deadlines": "import zwgk.deadlines",
    "default_calendar() built": "import zwgk.deadlines as d; d.default_calendar()",
    "import zwgk.scoring": "import zwgk.scoring",
    "import zwgk.catalog": "import zwgk.catalog",
    "import zwgk.requests": "import zwgk.requests",
    "import zwgk.reports": "import zwgk.reports",
}


def median_seconds(code: str) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    results = {name: median_seconds(code) for name, code in CASES.items()}
    anchor = results["import pydantic (anchor)"]
    print(f"{'case':32} {'median':>9} {'× pydantic':>11}")
    for name, seconds in results.items():
        print(f"{name:32} {seconds * 1000:7.1f} ms {seconds / anchor:10.2f}")
    leaked = subprocess.run(
        [sys.executable, "-c", "import sys, zwgk.deadlines; print('pydantic' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"\nimport zwgk.deadlines imports pydantic: {leaked} (must be False)")
    ratio = results["import zwgk"] / anchor
    print(f"import zwgk / import pydantic = {ratio:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
