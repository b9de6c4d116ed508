"""Catalog benchmarks (issue 5): XLSX import + check of 5,000 rows, and 100,000 phrase parses.

Targets: importing and checking a 5,000-row catalog XLSX in ≤ 5 s; parsing 100,000 time-limit
phrases in ≤ 2 s.  Run ``python benchmarks/bench_catalog.py``; it prints each figure and its
ratio to the target (below 1.00 meets it) and exits 1 if a target is missed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from zwgk.catalog import Catalog, CheckReport, check_catalog, parse_time_limit, sample_catalog
from zwgk.catalog.io import read_catalog_xlsx, write_catalog_xlsx

ROWS = 5_000
PHRASES = 100_000
TARGET_XLSX = 5.0
TARGET_PHRASES = 2.0

# Real phrases (FACTS.md §4) and variants, with the numbers varied so nothing is repeated verbatim.
_TEMPLATES = [
    "信息形成或者变更之日起{n}个工作日内",
    "自信息形成或者变更之日起{n}个工作日内予以公开",
    "信息形成或變更之日起{n}個工作日內",
    "信息形成(变更){n}个工作日内",
    "每年1月{d}日前公开上一年度公开年度报告",
    "自制作或获取该信息之日起{n}个工作日内公开",
    "{n}工作日",
    "实时公开",
    "及时公开,公告期限为{n}个工作日",
    "信息形成{n}个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示",
    "条目化展示、信息形成(变更){n}个工作日内",
    "业务办结后公开",
]


def _phrases() -> list[str]:
    return [_TEMPLATES[i % len(_TEMPLATES)].format(n=1 + i % 60, d=1 + i % 31) for i in range(PHRASES)]


def _big_catalog() -> Catalog:
    base = sample_catalog().items
    items = tuple(
        attrs.evolve(
            base[i % len(base)],
            sequence=str(i + 1),
            second_level=f"{base[i % len(base)].second_level}{i // len(base)}",
        )
        for i in range(ROWS)
    )
    return Catalog(items, title="基准目录")


def _report(label: str, seconds: float, target: float) -> bool:
    ratio = seconds / target
    verdict = "ok" if ratio <= 1 else "MISSED"
    print(f"{label:<44} {seconds:7.3f} s   target {target:4.1f} s   ratio {ratio:4.2f}   {verdict}")
    return ratio <= 1


def _best(run: Callable[[], object], repeats: int) -> float:
    """Best wall time of ``repeats`` runs (as ``timeit`` reports: the least disturbed run)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    phrases = _phrases()

    def parse_all() -> None:
        for text in phrases:
            parse_time_limit(text, warn=False)

    parse_seconds = _best(parse_all, repeats=3)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_catalog_xlsx(_big_catalog(), Path(tmp) / "big.xlsx")
        results: list[tuple[Catalog, CheckReport]] = []

        def import_and_check() -> None:
            catalog = read_catalog_xlsx(path)
            results.append((catalog, check_catalog(catalog)))

        xlsx_seconds = _best(import_and_check, repeats=2)
    catalog, report = results[-1]
    assert len(catalog) == ROWS, len(catalog)

    print(f"zwgk.catalog benchmarks, best of 3 / 2 runs ({len(report.findings):,} findings in the XLSX)")
    ok = _report(f"parse {PHRASES:,} time-limit phrases", parse_seconds, TARGET_PHRASES)
    ok &= _report(f"import + check {ROWS:,}-row XLSX", xlsx_seconds, TARGET_XLSX)
    print(
        f"  per phrase: {parse_seconds / PHRASES * 1e6:.1f} µs; per row: {xlsx_seconds / ROWS * 1e3:.3f} ms"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
