"""Benchmark: audit 1,000 real-shaped HTML reports (target ≤ 30 s on a 2-core machine).

Run: ``python benchmarks/bench_audit.py [N] [--rounds R]``.

The reports are generated, not timed: the page of ``tests/reports/fixtures/report_2021.html``
(a published 2021-format layout: nested layout table, merged header cells, blanks and dashes,
full-width digits) with its table 3 cells replaced by the figures of 200 agencies × 5 years
(2021–2025).  Each report is consistent (FACTS §3 identities 1–3; year N's 上年结转 is year
N−1's 结转下年度继续办理) except one in ten, where one cell of table 3 is off by one — which
always breaks identity 3 for its row.  The audit must find exactly those reports ("wrong" is
the count of files whose status disagrees with what was seeded).

``audit_paths(folder, jobs=1)`` and ``jobs=2`` are timed in one process, interleaved over
rounds (the house harness, ``_harness.interleave``), with the series checks on; the figure to
quote is seconds per 1,000 reports and reports per second, and the ratio jobs=2 / jobs=1.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Contender, interleave, ratio

from zwgk.audit import audit_paths
from zwgk.reports import APPLICANT_COLUMNS, get_format

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "reports" / "fixtures" / "report_2021.html"
TARGET_SECONDS = 30.0
YEARS = range(2021, 2026)
SEED = 20261201
_TD = re.compile(r"(<td[^>]*>)(.*?)(</td>)", re.DOTALL)
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def template() -> tuple[list[str], int]:
    """The fixture page cut at its table 3 number cells: ``pieces[0] cell pieces[1] cell …``.

    Returns the pieces and the number of rows (the 2021 format's 25 rows of 7 cells).
    """
    page = FIXTURE.read_text(encoding="utf-8")
    start = page.index("一、本年新收")
    start = page.rindex("<tr", 0, start)
    end = page.index("</table>", start)
    pieces, last, rows = [], 0, 0
    for tr in re.finditer(r"<tr.*?</tr>", page[start:end], re.DOTALL):
        cells = list(_TD.finditer(tr.group(0)))[-7:]
        rows += 1
        for cell in cells:
            at = start + tr.start() + cell.start(2)
            pieces.append(page[last:at])
            last = start + tr.start() + cell.end(2)
    pieces.append(page[last:])
    return pieces, rows


def _shown(value: int, rng: random.Random) -> str:
    """How a published cell shows ``value``: zeros often blank or a dash, some full-width digits."""
    if value == 0:
        return rng.choice(("", "", "0", "—", "&nbsp;"))
    text = str(value)
    return text.translate(_FULL) if rng.random() < 0.05 else text


def table3(carried_over: list[int], rng: random.Random) -> list[list[int]]:
    """25 rows × 7 columns, consistent; ``carried_over`` per applicant column (from last year)."""
    fmt = get_format("2021")
    keys = fmt.row_keys
    outcome_keys = [r.key for r in fmt.table3_rows if r.is_outcome]
    grid = {k: [0] * 7 for k in keys}
    for c in range(len(APPLICANT_COLUMNS)):
        weight = 12 if c == 0 else 2  # most applicants are natural persons
        for k in outcome_keys:
            grid[k][c] = rng.randint(0, weight) if rng.random() < 0.35 else 0
        total = sum(grid[k][c] for k in outcome_keys)
        over = carried_over[c]  # exactly what last year carried forward
        forward = rng.randint(max(0, over - total), 3 + over)  # so that 一 = （七） + 四 − 二 ≥ 0
        grid["carried_over"][c] = over
        grid["total"][c] = total
        grid["carried_forward"][c] = forward
        grid["new"][c] = total + forward - over
    for k in keys:
        grid[k][6] = sum(grid[k][:6])
    return [grid[k] for k in keys]


_SECTION_TWO = "<p><strong>二、主动公开政府信息情况</strong></p>\n<p>……</p>\n"
_SECTION_SIX = "<p><strong>六、其他需要报告的事项</strong></p>\n<p>……</p>\n"


def _complete(page: str) -> str:
    """The fixture page with the two text sections it lacks (二 and 六), as real reports have them."""
    three = page.index("<p><strong>三、收到和处理")
    page = page[:three] + _SECTION_TWO + page[three:]
    five = page.index("<p><strong>五、存在的主要问题")
    after = page.index("</p>", page.index("<p>", five + 10)) + len("</p>\n")
    return page[:after] + _SECTION_SIX + page[after:]


def generate(folder: Path, n: int, seed: int = SEED) -> int:
    """Write ``n`` pages (agencies × years) into ``folder``; return how many have a misprint."""
    pieces, rows = template()
    assert rows == 25, rows
    page = FIXTURE.read_text(encoding="utf-8")
    assert pieces[0] in page
    rng = random.Random(seed)
    misprinted = 0
    agencies = max(1, n // len(YEARS))
    written = 0
    for a in range(agencies):
        agency = f"某市第{a + 1}局"
        sub = folder / f"dept{a:03d}"
        sub.mkdir(parents=True)
        over = [rng.randint(0, 2) for _ in range(6)]
        for year in YEARS:
            if written == n:
                break
            grid = table3(over, rng)
            over = grid[-1][:6]  # carried forward into next year
            if rng.random() < 0.1:
                r, c = rng.randrange(25), rng.randrange(7)
                grid[r][c] += 1
                misprinted += 1
            cells = [_shown(v, rng) for row in grid for v in row]
            body = "".join(p + cell for p, cell in zip(pieces, cells, strict=False)) + pieces[-1]
            body = _complete(body.replace("某市某区司法局2023年度", f"{agency}{year}年度"))
            (sub / f"{year}.html").write_text(body, encoding="utf-8")
            written += 1
    return misprinted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zwgk-bench-audit-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        seeded = generate(folder, options.n)
        print(
            f"{options.n:,} reports generated in {time.perf_counter() - t0:.1f} s (not timed), "
            f"{seeded} misprinted"
        )
        table = audit_paths([folder], series=True)
        flagged = sum(1 for f in table.files if f.status == "findings")
        wrong = abs(flagged - seeded) + len(table.unreadable)
        series = sum(1 for f in table.findings if f.check.startswith("series_"))
        print(
            f"audit: {flagged} files with findings (seeded {seeded}), {len(table.unreadable)} unreadable, "
            f"{series} series findings; wrong: {wrong}"
        )
        contenders = [
            Contender(
                f"jobs={j}", lambda j=j: audit_paths([folder], jobs=j, series=True), options.n, wrong, "zwgk"
            )
            for j in (1, 2)
        ]
        results = interleave(contenders, rounds=options.rounds)
        for r in results:
            per_1000 = r.median * 1000
            print(
                f"{r.contender.name}: {r.median * options.n:6.2f} s for {options.n:,} reports, "
                f"{1 / r.median:6.0f} reports/s ({per_1000:.2f} s per 1,000; "
                f"{'PASS' if per_1000 <= TARGET_SECONDS else 'FAIL'} vs {TARGET_SECONDS:.0f} s)"
            )
        lo, mid, hi = ratio(results[1], results[0])
        print(f"jobs=2 / jobs=1 time: {mid:.2f} ({lo:.2f}–{hi:.2f}) over {options.rounds} rounds")


if __name__ == "__main__":
    main()
