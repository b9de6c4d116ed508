"""Domain assertion helpers for plan tests: read like the plan and the notice."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

from zwgk.plans import PlanStatus, TaskStatus

GOLDEN = Path(__file__).parent / "golden"


def answers(name: str) -> dict[str, Any]:
    """The hand-worked answers file ``golden/<name>.answers.toml``."""
    return tomllib.loads((GOLDEN / f"{name}.answers.toml").read_text(encoding="utf-8"))


def row(status: PlanStatus, task: str, occurrence: str | None = None) -> TaskStatus:
    """The status row of ``task`` (and ``occurrence``), failing with what rows there are."""
    for r in status.rows:
        if r.id == task and r.occurrence == occurrence:
            return r
    shown = [(r.id, r.occurrence) for r in status.rows]
    raise AssertionError(f"no row {task} {occurrence}; rows: {shown}")


def assert_due(
    status: PlanStatus, task: str, due: dt.date, state: str, occurrence: str | None = None
) -> None:
    """Assert a row's due date and state, naming the task."""
    r = row(status, task, occurrence)
    assert (r.due, r.state.value) == (due, state), f"{task} {occurrence}: {r.basis}"
