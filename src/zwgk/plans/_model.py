"""The values of a work plan (工作方案): phases, tasks, their owners and due rules.

Everything here is a frozen attrs value.  A [`Plan`][zwgk.plans.Plan] checks its own references when it
is built (``after`` and ``phase`` name tasks and phases of the plan; ``after`` links form no
cycle), so every [`Plan`][zwgk.plans.Plan] in hand is well formed.  Due dates are computed by
[`zwgk.plans.plan_status`][] and [`zwgk.plans.due_dates`][], never stored.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable

import attrs

from zwgk._i18n import N_, Language, gettext, msg
from zwgk.deadlines import Period
from zwgk.errors import PlanCycleError, PlanReferenceError, PlanRuleError

__all__ = [
    "Cadence",
    "FixedDue",
    "Phase",
    "Plan",
    "Recurrence",
    "RelativeDue",
    "Task",
    "split_owners",
]

_OWNER_SEPARATORS = re.compile(r"[、，,/／;；]+")


def split_owners(text: str | Iterable[str]) -> tuple[str, ...]:
    """责任单位 as a tuple: text is split on ``、``, ``，``, ``,``, ``/`` (and ``；``), blanks dropped.

    A list is taken item by item (each item split the same way); order is kept, repeats dropped.
    """
    parts = [text] if isinstance(text, str) else list(text)
    out: list[str] = []
    for part in parts:
        for piece in _OWNER_SEPARATORS.split(part):
            owner = piece.strip()
            if owner and owner not in out:
                out.append(owner)
    return tuple(out)


class Cadence(enum.Enum):
    """How a recurring task repeats; the value is the canonical wording."""

    WEEKLY = "每周"
    MONTHLY = "每月"
    QUARTERLY = "每季度"
    HALF_YEARLY = "每半年"
    YEARLY = "每年"
    ANNUAL_DATE = "每年某日前"
    WORKING_DAYS = "每N个工作日"


@attrs.frozen
class FixedDue:
    """Due on a stated date (完成时限：2018年4月30日前), taken as written: never rolled."""

    date: dt.date

    def render(self) -> str:
        """``2018-04-30``."""
        return self.date.isoformat()


@attrs.frozen
class RelativeDue:
    """Due ``within`` a period after task ``after`` (counted from its completion day if it
    is done, else from its due date; the start day is not counted)."""

    after: str
    within: Period

    def render(self, lang: Language | None = None) -> str:
        """The rule in ``lang`` (default: the current language): ``t1 完成后10个工作日内`` /
        ``within 10个工作日 after t1 is done`` (the period as the plan writes it)."""
        return msg(
            "within {period} after {task} is done", period=self.within.render(), task=self.after
        ).render(lang)


@attrs.frozen
class Recurrence:
    """A recurring obligation: ``text`` as written (每季度, 每月10日前, 每年1月31日前,
    每20个工作日), its parsed ``cadence`` and parts, from ``start`` to ``end`` (inclusive;
    ``None``: open-ended).

    ``day`` is the day of the month for 每月N日前 and, with ``month``, the date for
    每年M月D日前 (``day=None``: the month's last day, 每年M月底前); ``amount`` is N for
    每N个工作日.
    """

    text: str
    cadence: Cadence
    start: dt.date
    end: dt.date | None = None
    day: int | None = None
    month: int | None = None
    amount: int | None = None

    def render(self, lang: Language | None = None) -> str:
        """The phrase as written, with its span in ``lang`` (default: the current language):
        ``每季度（2025-01-01起）`` / ``每季度 (from 2025-01-01)``."""
        if self.end is None:
            return msg("{every} (from {start})", every=self.text, start=self.start).render(lang)
        return msg("{every} (from {start} to {end})", every=self.text, start=self.start, end=self.end).render(
            lang
        )


DueRule = FixedDue | RelativeDue | Recurrence


@attrs.frozen
class Phase:
    """A phase (阶段) of the plan, e.g. 动员部署, 组织实施, 总结验收, with its window.

    ``start``/``end`` are inclusive and optional (plans often state only 3月31日前).  A task
    of the phase without a due rule of its own is due on the phase's ``end``.
    """

    id: str
    title: str
    start: dt.date | None = None
    end: dt.date | None = None


@attrs.frozen
class Task:
    """One task (工作任务) of a plan.

    Attributes:
        id: Unique within the plan (序号 or 编号).
        title: 工作任务 as written.
        owners: 责任单位 (several possible, see [`split_owners`][zwgk.plans.split_owners]).
        due: The due rule; ``None``: due at the end of its phase.
        after: For a [`RelativeDue`][zwgk.plans.RelativeDue], the task counted from; otherwise an optional
            dependency (this task builds on ``after``) used for the critical path.
        phase: Id of the phase the task belongs to, if any.
        done: The completion day of a one-off task.
        done_occurrences: For a recurring task, ``(occurrence label, completion day)``
            pairs, e.g. ``("2025Q1", 2025-03-28)``.
        notes: 备注.
        source: Where the task is stated (a citation).
    """

    id: str
    title: str
    owners: tuple[str, ...] = ()
    due: DueRule | None = None
    after: str | None = None
    phase: str | None = None
    done: dt.date | None = None
    done_occurrences: tuple[tuple[str, dt.date], ...] = ()
    notes: str = ""
    source: str = ""

    @property
    def recurring(self) -> bool:
        """True for a recurring obligation."""
        return isinstance(self.due, Recurrence)


@attrs.frozen
class Plan:
    """A work plan: tasks grouped in phases.

    Attributes:
        name: Short name (file stem).
        title: The plan's title.
        tasks: The tasks, in plan order.
        phases: The phases, in plan order.
        source: The document the plan comes from.
        roll_forward: Whether a recurring calendar date (每月, 每季度, 每半年, 每年, 每周,
            每年M月D日前) that falls on a rest day moves to the next working day, as
            [`zwgk.deadlines.period_end`][] does for day and month periods.  Default
            ``True``.  Stated dates (``due = 2018-04-30``) and phase ends are never moved.
        notes: Free text.

    Raises:
        PlanReferenceError: an ``after`` or ``phase`` names nothing in the plan, or a
            relative due counts from a recurring task.
        PlanCycleError: ``after`` links form a cycle.
        PlanRuleError: duplicate task ids, or a task with neither a due rule nor a phase
            with an end.
    """

    name: str
    title: str
    tasks: tuple[Task, ...]
    phases: tuple[Phase, ...] = ()
    source: str = ""
    roll_forward: bool = True
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        check_plan(self)

    def task(self, task_id: str) -> Task:
        """The task with this id.

        Raises:
            zwgk.errors.UnknownNameError: no such task.
        """
        from zwgk.errors import UnknownNameError

        for t in self.tasks:
            if t.id == task_id:
                return t
        raise UnknownNameError(N_("task"), task_id, [t.id for t in self.tasks])


def check_plan(plan: Plan) -> None:
    """Validate references, ids and cycles (see [`Plan`][zwgk.plans.Plan]); pure, raises on the first fault
    kind."""
    ids = [t.id for t in plan.tasks]
    seen: set[str] = set()
    for t in plan.tasks:
        if t.id in seen:
            raise PlanRuleError(plan.name, t.id, "id", t.id, gettext("task ids unique within the plan"))
        seen.add(t.id)
    phases = {p.id: p for p in plan.phases}
    by_id = {t.id: t for t in plan.tasks}
    for t in plan.tasks:
        if t.phase is not None and t.phase not in phases:
            raise PlanReferenceError(plan.name, t.id, "phase", t.phase, list(phases))
        after = t.due.after if isinstance(t.due, RelativeDue) else t.after
        if after is not None:
            if after not in by_id:
                raise PlanReferenceError(plan.name, t.id, "after", after, ids)
            if isinstance(t.due, RelativeDue) and by_id[after].recurring:
                raise PlanReferenceError(
                    plan.name,
                    t.id,
                    "after",
                    after,
                    ids,
                    reason=gettext("a recurring task has no single completion day to count from"),
                )
        if t.due is None and (t.phase is None or phases[t.phase].end is None):
            raise PlanRuleError(
                plan.name,
                t.id,
                "due",
                None,
                gettext("a due rule (date, after + within, or every) or a phase with an end"),
            )
    _check_cycles(plan, by_id)


def predecessor(task: Task) -> str | None:
    """The task ``task`` depends on (its ``after``), if any."""
    return task.due.after if isinstance(task.due, RelativeDue) else task.after


def _check_cycles(plan: Plan, by_id: dict[str, Task]) -> None:
    done: set[str] = set()
    for start in plan.tasks:
        path: list[str] = []
        current: str | None = start.id
        while current is not None and current not in done:
            if current in path:
                cycle = [*path[path.index(current) :], current]
                raise PlanCycleError(plan.name, cycle)
            path.append(current)
            current = predecessor(by_id[current])
        done.update(path)
