"""Work plans (工作方案), recurring obligations and their status, on the official calendar.

A [`Plan`][zwgk.plans.Plan] is data: tasks with 责任单位 and a due rule — a stated date, a period after
another task (``after`` + ``within = "10个工作日"``), or a recurrence (``every = "每季度"``,
``"每月10日前"``, ``"每年1月31日前"``, ``"每20个工作日"`` from a ``start``) — grouped in phases.
[`plan_status`][zwgk.plans.plan_status] says, as of a day, which tasks (and which occurrences of recurring
ones) are ``done``, ``done-late``, ``overdue`` or ``open``, how many working days late or left,
per owner and per phase, and the critical path of dependent tasks.  Phrases are read by the
catalog's time-limit parser and counted on [`zwgk.calendar.default_calendar`][]; the
counting rules are in `zwgk.plans._rules` and ``docs/explanation/plans-counting.md``.

Files (TOML, JSON, XLSX) are read by [`zwgk.plans.io`][]; [`to_ical`][zwgk.plans.to_ical] exports the due
dates (extra ``zwgk[ical]``).
"""

from __future__ import annotations

from zwgk.plans._ical import to_ical
from zwgk.plans._model import Cadence, FixedDue, Phase, Plan, Recurrence, RelativeDue, Task, split_owners
from zwgk.plans._rules import Occurrence, occurrences, parse_every, parse_within
from zwgk.plans._status import DueDate, PlanStatus, State, Summary, TaskStatus, due_dates, plan_status
from zwgk.plans.io import load_plan, sample_plan

__all__ = [  # noqa: RUF022 - grouped by concern
    # plans
    "Plan",
    "Phase",
    "Task",
    "FixedDue",
    "RelativeDue",
    "Recurrence",
    "Cadence",
    "split_owners",
    # rules and counting
    "parse_every",
    "parse_within",
    "occurrences",
    "Occurrence",
    # status
    "plan_status",
    "due_dates",
    "PlanStatus",
    "TaskStatus",
    "DueDate",
    "State",
    "Summary",
    # files and export
    "load_plan",
    "sample_plan",
    "to_ical",
]
