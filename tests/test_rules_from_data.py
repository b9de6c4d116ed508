"""Statutory numbers live in data files, never in code.

The periods of the 《政府信息公开条例》 (15 and 20 working days, 60-day review, six-month
litigation …), the holiday rules and the scorecards' thresholds are read from TOML files
beside the code that interprets them.  This test scans ``src/`` for integer literals with
the values statutory periods take and fails on any that is not on the list below, each
entry saying why that number is not a rule.  A new period written in code (``20`` working
days in a compliance check, ``15`` in a fee window) therefore fails here and must move to
``regimes.toml`` (or the package's data file) instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "zwgk"

#: The values statutory periods take in the 条例 (2008 and 2019) and the fee rules: 15 and
#: 20 working days (reply, extension, consultation, proactive, fee payment), 60 days
#: (review), 10, 30, 90 and 180 days.  Smaller numbers (3, 5, 6 months) are too common in
#: ordinary code to scan for; the clock's golden cases pin those down instead.
STATUTORY_VALUES = frozenset({10, 15, 20, 30, 60, 90, 180})

#: (file relative to src/zwgk, line text fragment) → why the number is not a rule.
NOT_RULES: dict[tuple[str, str], str] = {
    ("_text.py", "* 10 +"): "decimal place value of a Chinese numeral",
    ("_display.py", "HTML_ROWS = 20"): "how many rows an HTML display shows",
    ("_xlsx_out.py", "MAX_WIDTH = 60"): "widest automatic XLSX column, in Excel's character units",
    ("_xlsx_out.py", "return 10"): "display width of a date written yyyy-mm-dd",
    ("calendar/_notices.py", ".days > 30"): "sanity bound on one holiday period's length in a notice file",
    ("catalog/_import.py", "rows[:15]"): "how many top rows are searched for a header",
    ("catalog/_timelimit.py", "_MAX_SCOPE = 60"): "longest phrase scope the parser reads, in characters",
    ("deadlines/_display.py", "rotation=30"): "label angle in the timeline plot",
    ("reports/_model.py", "!= 15"): "table 3 has 15 columns (the published format)",
}


def _literals(root: Path = SRC) -> list[tuple[str, int, str, int]]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("testing/", "_cli/")):  # strategies and the CLI state no rules
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        found.extend(
            (rel, node.lineno, lines[node.lineno - 1].strip(), node.value)
            for node in ast.walk(ast.parse("\n".join(lines)))
            if isinstance(node, ast.Constant) and type(node.value) is int and node.value in STATUTORY_VALUES
        )
    return found


def _explained(rel: str, line: str) -> bool:
    return any(rel == f and fragment in line for (f, fragment) in NOT_RULES)


def test_no_statutory_literal_in_code() -> None:
    unexplained = [
        f"{rel}:{n}: {value} in {line!r}" for rel, n, line, value in _literals() if not _explained(rel, line)
    ]
    assert unexplained == [], (
        "numbers that look like statutory periods are written in code; read them from data "
        "(e.g. zwgk/deadlines/data/regimes.toml) or explain them in NOT_RULES:\n" + "\n".join(unexplained)
    )


def test_every_exemption_is_still_needed() -> None:
    found = {
        (rel, fragment)
        for rel, _, line, _ in _literals()
        for (f, fragment) in NOT_RULES
        if rel == f and fragment in line
    }
    assert set(NOT_RULES) - found == set(), "stale NOT_RULES entries"


def test_the_scan_catches_a_period_written_in_code(tmp_path: Path) -> None:
    (tmp_path / "catalog").mkdir()
    (tmp_path / "catalog" / "_due.py").write_text(
        "def due(cal, day):\n    return cal.add_working_days(day, 20)\n", encoding="utf-8"
    )
    (tmp_path / "_cli").mkdir()
    (tmp_path / "_cli" / "_x.py").write_text("WIDTH = 20\n", encoding="utf-8")  # the CLI is exempt
    assert _literals(tmp_path) == [("catalog/_due.py", 2, "return cal.add_working_days(day, 20)", 20)]
