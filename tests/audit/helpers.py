"""Reports with figures chosen by the test, so every expected finding is known by construction."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from zwgk.reports import AnnualReport, Table2, Table3, format_for_year
from zwgk.reports.io import report_to_json

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "reports" / "fixtures"


def report(
    agency: str,
    year: int | None,
    *,
    new: int = 10,
    carried_over: int = 0,
    carried_forward: int = 0,
    people: Mapping[str, int] | None = None,
    table2: Mapping[str, int] | None = None,
    fmt_year: int | None = None,
) -> AnnualReport:
    """A consistent report: every request of 自然人, all disclosed except those carried forward.

    ``people`` overrides 自然人 cells of rows (``{"carried_over": 3}``) without touching the
    总计 column, to make a report whose columns disagree on purpose.
    """
    fmt = format_for_year(fmt_year or year or 2023)
    total = new + carried_over - carried_forward
    assert total >= 0
    cells = {
        "new": new,
        "carried_over": carried_over,
        "disclosed": total,
        "total": total,
        "carried_forward": carried_forward,
    }
    rows = {k: {"natural_person": v, "total": v} for k, v in cells.items()}
    for key, value in (people or {}).items():
        rows[key]["natural_person"] = value
    t2 = None if table2 is None else Table2.from_mapping(fmt, dict(table2))
    return AnnualReport(agency, year, fmt, Table3.from_mapping(fmt, rows), table2=t2)


def write_json(folder: Path, name: str, value: AnnualReport) -> Path:
    """``value`` as a JSON report file ``folder/name``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(report_to_json(value), encoding="utf-8")
    return path
