"""One harness for every comparison: A and B interleaved in one process, ratios with min/median/max.

Each *round* times one batch of every contender, in an order that rotates from round to round,
so that load from other processes (the project's machines are shared) falls on all of them
alike; the ratio of two contenders is taken *within* each round and summarised over rounds.
Absolute times are printed too, but the ratios are the figures to quote.

A contender is a callable taking no arguments that runs one batch of ``calls`` calls; its
``wrong`` count (answers that differ from the notices, i.e. from zwgk's golden-checked
calendar) is measured once, outside the timing.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

import attrs

__all__ = [
    "Contender",
    "Result",
    "Target",
    "fmt",
    "import_costs",
    "interleave",
    "markdown_rows",
    "ratio",
    "targets_table",
]


@attrs.frozen
class Contender:
    name: str
    batch: Callable[[], object]
    calls: int
    wrong: int | None = None
    kind: str = "anchor"  # "zwgk", "floor" or "anchor"
    note: str = ""


@attrs.frozen
class Result:
    contender: Contender
    per_call: tuple[float, ...]  # seconds per call, one per round

    @property
    def median(self) -> float:
        return statistics.median(self.per_call)


def interleave(contenders: Sequence[Contender], rounds: int = 15, *, pause_gc: bool = False) -> list[Result]:
    """Time every contender once per round, rotating the order; seconds per call per round.

    With ``pause_gc`` the cyclic garbage collector runs before each timed batch and is paused
    during it, so a batch is not charged for collecting what earlier batches left behind (the
    collector's work grows with the number of live objects, which makes it noise in a scaling
    check).
    """
    times: list[list[float]] = [[] for _ in contenders]
    for c in contenders:  # warm up (tables built, caches filled)
        c.batch()
    n = len(contenders)
    for r in range(rounds):
        for k in range(n):
            i = (k + r) % n
            c = contenders[i]
            if pause_gc:
                gc.collect()
                gc.disable()
            try:
                t0 = time.perf_counter()
                c.batch()
                elapsed = time.perf_counter() - t0
            finally:
                if pause_gc:
                    gc.enable()
            times[i].append(elapsed / c.calls)
    return [Result(c, tuple(t)) for c, t in zip(contenders, times, strict=True)]


@attrs.frozen
class Target:
    """One figure of the issue against its limit: a time (``unit="s"``, seconds) or a same-run
    ratio (``unit="×"``), which no machine's speed changes."""

    figure: str
    measured: float
    limit: float
    unit: str = "s"

    def shown(self, value: float) -> str:
        return fmt(value) if self.unit == "s" else f"{value:.2f}×"


def targets_table(targets: Sequence[Target], speed: float) -> list[str]:
    """Markdown rows: every target, met or not as measured, and met or not at the speed of the
    machine the issue was measured on (``speed``: this run's floors ÷ the issue's; a time limit
    is multiplied by it, a ratio is not)."""
    rows = [
        f"| target (issue 17) | measured | limit | met | limit at this run's speed (×{speed:.2f}) | met |",
        "|---|---:|---:|:-:|---:|:-:|",
    ]
    for t in targets:
        scaled = t.limit * speed if t.unit == "s" else t.limit
        rows.append(
            f"| {t.figure} | {t.shown(t.measured)} | {t.shown(t.limit)} | {_yes(t.measured <= t.limit)} "
            f"| {t.shown(scaled)} | {_yes(t.measured <= scaled)} |"
        )
    return rows


def _yes(met: bool) -> str:
    return "yes" if met else "**no**"


def ratio(a: Result, b: Result) -> tuple[float, float, float]:
    """min, median, max over rounds of a's time / b's time in the same round."""
    rs = [x / y for x, y in zip(a.per_call, b.per_call, strict=True)]
    return min(rs), statistics.median(rs), max(rs)


def fmt(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:,.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.2f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:,.1f} ms"
    return f"{seconds:,.2f} s"


def _r(t: tuple[float, float, float]) -> str:
    return f"{t[1]:.2f} ({t[0]:.2f}–{t[2]:.2f})"


def markdown_rows(figure: str, results: Sequence[Result]) -> list[str]:
    """Table rows: figure, implementation, median, × floor, × best anchor, wrong answers."""
    floor = next((r for r in results if r.contender.kind == "floor"), None)
    anchors = [r for r in results if r.contender.kind == "anchor"]
    correct = [r for r in anchors if not r.contender.wrong] or anchors  # the fastest correct one
    best = min(correct, key=lambda r: r.median) if correct else None
    rows = []
    for r in results:
        c = r.contender
        to_floor = (
            _r(ratio(r, floor)) if floor is not None and r is not floor else ("1" if r is floor else "")
        )
        to_best = _r(ratio(r, best)) if best is not None and r is not best else ("1" if r is best else "")
        wrong = "" if c.wrong is None else f"{c.wrong:,}"
        note = f" {c.note}" if c.note else ""
        rows.append(f"| {figure} | {c.name}{note} | {fmt(r.median)} | {to_floor} | {to_best} | {wrong} |")
    return rows


def import_costs(modules: Sequence[str], runs: int = 7) -> dict[str, list[float]]:
    """``python -X importtime -c "import m"`` in fresh interpreters, interleaved; seconds per run.

    Every module is imported from bytecode, as an installed package is (pip compiles wheels on
    install): the runs write and use a bytecode cache under a temporary ``PYTHONPYCACHEPREFIX``
    even where the environment sets ``PYTHONDONTWRITEBYTECODE`` (which would otherwise make
    zwgk, an editable checkout, compile its sources on every import while site-packages keep
    their ``.pyc`` files).  One warm-up import per module fills the cache.
    """
    out: dict[str, list[float]] = {m: [] for m in modules}
    cache = tempfile.mkdtemp(prefix="zwgk-pycache-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    for m in modules:
        subprocess.run([sys.executable, "-c", f"import {m}"], env=env, check=True)
    for r in range(runs):
        for k in range(len(modules)):
            m = modules[(k + r) % len(modules)]
            err = subprocess.run(
                [sys.executable, "-X", "importtime", "-c", f"import {m}"],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stderr
            for line in reversed(err.splitlines()):
                parts = line.split("|")
                if len(parts) == 3 and parts[2].strip() == m and not parts[2].startswith("  "):
                    out[m].append(int(parts[1]) / 1e6)
                    break
    return out
