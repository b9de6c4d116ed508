"""Where a plan stands on a day: due dates, states, summaries and the critical path.

Pure functions over a [`Plan`][zwgk.plans.Plan] and a [`ChinaCalendar`][zwgk.calendar.ChinaCalendar].
Completion records dated after the day asked about are ignored (as of that day the task was
not yet done), so a status is what the office could have known that day.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import N_, Language, Message, gettext, msg, text
from zwgk._present import present
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.deadlines import period_end
from zwgk.plans._model import FixedDue, Plan, Recurrence, RelativeDue, Task, predecessor
from zwgk.plans._rules import occurrences

__all__ = ["DueDate", "PlanStatus", "State", "Summary", "TaskStatus", "due_dates", "plan_status"]


class State(enum.Enum):
    """The state of a task (or occurrence) on a day; the value is the JSON spelling."""

    DONE = "done"
    DONE_LATE = "done-late"
    OVERDUE = "overdue"
    OPEN = "open"

    @property
    def label(self) -> str:
        """The state worded in the current language: 按时完成, 逾期完成, 逾期未完成, 未到期 /
        done on time, done late, overdue, not yet due."""
        return self.label_in()

    def label_in(self, lang: Language | None = None) -> str:
        """The state worded in ``lang``."""
        return gettext(_STATE_LABELS[self], lang)


_STATE_LABELS = MappingProxyType(
    {
        State.DONE: N_("done on time"),
        State.DONE_LATE: N_("done late"),
        State.OVERDUE: N_("overdue"),
        State.OPEN: N_("not yet due"),
    }
)


@attrs.frozen
class DueDate:
    """One due date of a task: ``occurrence`` is ``None`` for a one-off task; ``basis`` says
    how the date was found, in the current language (``stated in the plan``, ``end of phase
    prepare``, ``10个工作日 after t1 (done 2018-05-02)``, ``每季度 2025Q1: due 2025-03-31``;
    the phrases of the plan are quoted as written); `basis_in` words it in another."""

    task: str
    occurrence: str | None
    period_start: dt.date | None
    due: dt.date
    _basis: str | Message = attrs.field(alias="basis")

    @property
    def basis(self) -> str:
        """How the date was found, in the current language."""
        return text(self._basis)

    def basis_in(self, lang: Language | None = None) -> str:
        """How the date was found, in ``lang``."""
        return text(self._basis, lang)


@attrs.frozen
class TaskStatus:
    """One row of a status: a task, or one occurrence of a recurring task.

    ``working_days_late`` counts working days in ``(due, done]`` (done late) or ``(due,
    as_of]`` (overdue); ``working_days_left`` counts ``(as_of, due]`` for an open task.  Both
    are 0 otherwise.
    """

    id: str
    title: str
    owners: tuple[str, ...]
    phase: str | None
    occurrence: str | None
    period_start: dt.date | None
    due: dt.date
    _basis: str | Message = attrs.field(alias="basis")
    done: dt.date | None
    state: State
    working_days_late: int
    working_days_left: int

    @property
    def basis(self) -> str:
        """How the due date was found, in the current language (see `DueDate`)."""
        return text(self._basis)

    def basis_in(self, lang: Language | None = None) -> str:
        """How the due date was found, in ``lang``."""
        return text(self._basis, lang)


@attrs.frozen
class Summary:
    """Counts of rows by state for one owner or phase (``start``/``end``: the phase window)."""

    key: str
    title: str
    total: int
    done: int
    done_late: int
    overdue: int
    open: int
    start: dt.date | None = None
    end: dt.date | None = None


@attrs.frozen(repr=False)
class PlanStatus:
    """A plan on a day ([`plan_status`][zwgk.plans.plan_status]).

    ``rows`` are in plan order, occurrences by date; ``critical_path`` is the longest
    ``after`` chain, ending at the dependent task with the latest due date (``()`` when no
    task depends on another); ``critical_path_due`` its last due date.
    """

    plan: str
    title: str
    as_of: dt.date
    rows: tuple[TaskStatus, ...]
    by_owner: tuple[Summary, ...]
    by_phase: tuple[Summary, ...]
    critical_path: tuple[str, ...]
    critical_path_due: dt.date | None
    data_version: str

    @property
    def overdue(self) -> tuple[TaskStatus, ...]:
        """Rows overdue on ``as_of``."""
        return tuple(r for r in self.rows if r.state is State.OVERDUE)

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    def render_text(self, *, lang: Language | None = None) -> str:
        """A plain-text table with the summaries and the critical path, in ``lang`` (default:
        the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return str(present(self, "text", lang=lang))

    def render_markdown(self, *, lang: Language | None = None) -> str:
        """The same as Markdown, in ``lang``.

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return str(present(self, "markdown", lang=lang))

    def to_frame(self) -> Any:
        """One row per task or occurrence (extra ``zwgk[pandas]``)."""
        return present(self, "frame")


def _done_for(task: Task, occurrence: str | None, as_of: dt.date | None) -> dt.date | None:
    done = task.done if occurrence is None else dict(task.done_occurrences).get(occurrence)
    if done is not None and as_of is not None and done > as_of:
        return None
    return done


def _resolve(
    plan: Plan, until: dt.date, as_of: dt.date | None, cal: ChinaCalendar
) -> dict[str, tuple[DueDate, ...]]:
    by_id = {t.id: t for t in plan.tasks}
    phases = {p.id: p for p in plan.phases}
    out: dict[str, tuple[DueDate, ...]] = {}

    def resolve(task: Task) -> tuple[DueDate, ...]:
        known = out.get(task.id)
        if known is not None:
            return known
        rule = task.due
        dues: tuple[DueDate, ...]
        if isinstance(rule, FixedDue):
            dues = (DueDate(task.id, None, None, rule.date, msg("stated in the plan")),)
        elif isinstance(rule, RelativeDue):
            other = by_id[rule.after]
            (base_due,) = resolve(other)
            done = _done_for(other, None, as_of)
            period, after = rule.within.render(), other.id
            if done is not None:
                end = period_end(done, rule.within, calendar=cal)
                basis = msg("{period} after {task} (done {day})", period=period, task=after, day=done)
            else:
                end = period_end(base_due.due, rule.within, calendar=cal)
                basis = msg("{period} after {task} (due {day})", period=period, task=after, day=base_due.due)
            dues = (DueDate(task.id, None, None, end, basis),)
        elif isinstance(rule, Recurrence):
            dues = tuple(
                DueDate(
                    task.id,
                    o.label,
                    o.period_start,
                    o.due,
                    msg("{every} {occurrence}: due {day}", every=rule.text, occurrence=o.label, day=o.nominal)
                    if o.due == o.nominal
                    else msg(
                        "{every} {occurrence}: due {day}, a rest day, moved to {moved}",
                        every=rule.text,
                        occurrence=o.label,
                        day=o.nominal,
                        moved=o.due,
                    ),
                )
                for o in occurrences(rule, until, cal, roll_forward=plan.roll_forward)
            )
        else:
            phase = phases[task.phase or ""]
            assert phase.end is not None  # checked by Plan
            dues = (
                DueDate(task.id, None, phase.start, phase.end, msg("end of phase {phase}", phase=phase.id)),
            )
        out[task.id] = dues
        return dues

    for task in plan.tasks:
        resolve(task)
    return out


def due_dates(
    plan: Plan, *, until: dt.date | None = None, calendar: ChinaCalendar | None = None
) -> tuple[DueDate, ...]:
    """Every due date of the plan, counting every completion record.

    Recurring tasks are listed up to ``until`` (default: their own ``end``, else the
    31 December of the latest year any date of the plan names).

    Raises:
        CalendarCoverageError: a due date lies beyond the calendar.
    """
    cal = calendar or default_calendar()
    horizon = until or _horizon(plan)
    dues = _resolve(plan, horizon, None, cal)
    return tuple(d for t in plan.tasks for d in dues[t.id])


def _horizon(plan: Plan) -> dt.date:
    days: list[dt.date] = []
    for t in plan.tasks:
        if isinstance(t.due, FixedDue):
            days.append(t.due.date)
        elif isinstance(t.due, Recurrence):
            days.append(t.due.end or t.due.start)
        if t.done is not None:
            days.append(t.done)
        days.extend(d for _, d in t.done_occurrences)
    days.extend(p.end for p in plan.phases if p.end is not None)
    # Never empty: a plan's dependency chains end at a task with a date, a recurrence or a phase end.
    return dt.date(max(days).year, 12, 31)


def plan_status(plan: Plan, as_of: dt.date, *, calendar: ChinaCalendar | None = None) -> PlanStatus:
    """The state of every task (and every occurrence of a recurring task up to ``as_of``).

    A task done on or before its due day is ``done``; after it, ``done-late``; not done and
    the due day passed (``due < as_of``), ``overdue``; otherwise ``open`` (a task due today
    is still open today).  Working days late or left are counted on the official calendar.

    Raises:
        CalendarCoverageError: a due date lies beyond the calendar.
    """
    cal = calendar or default_calendar()
    as_of = parse_date(as_of, "as_of")
    dues = _resolve(plan, as_of, as_of, cal)
    rows: list[TaskStatus] = []
    for task in plan.tasks:
        for d in dues[task.id]:
            done = _done_for(task, d.occurrence, as_of)
            rows.append(_row(task, d, done, as_of, cal))
    phases = {p.id: p for p in plan.phases}
    owners = sorted({o for r in rows for o in r.owners})
    by_owner = tuple(_summary(o, o, [r for r in rows if o in r.owners]) for o in owners)
    by_phase = tuple(
        _summary(p.id, p.title, [r for r in rows if r.phase == p.id], p.start, p.end) for p in phases.values()
    )
    path = critical_path(plan, {k: v[-1].due for k, v in dues.items() if v})
    return PlanStatus(
        plan=plan.name,
        title=plan.title,
        as_of=as_of,
        rows=tuple(rows),
        by_owner=by_owner,
        by_phase=by_phase,
        critical_path=path,
        critical_path_due=dues[path[-1]][-1].due if path else None,
        data_version=cal.data_version,
    )


def _row(task: Task, d: DueDate, done: dt.date | None, as_of: dt.date, cal: ChinaCalendar) -> TaskStatus:
    late = left = 0
    if done is not None:
        state = State.DONE if done <= d.due else State.DONE_LATE
        if state is State.DONE_LATE:
            late = cal.working_days_between(d.due, done)
    elif d.due < as_of:
        state, late = State.OVERDUE, cal.working_days_between(d.due, as_of)
    else:
        state, left = State.OPEN, cal.working_days_between(as_of, d.due)
    return TaskStatus(
        id=task.id,
        title=task.title,
        owners=task.owners,
        phase=task.phase,
        occurrence=d.occurrence,
        period_start=d.period_start,
        due=d.due,
        basis=d._basis,
        done=done,
        state=state,
        working_days_late=late,
        working_days_left=left,
    )


def _summary(
    key: str, title: str, rows: Iterable[TaskStatus], start: dt.date | None = None, end: dt.date | None = None
) -> Summary:
    states = [r.state for r in rows]
    return Summary(
        key=key,
        title=title,
        total=len(states),
        done=states.count(State.DONE),
        done_late=states.count(State.DONE_LATE),
        overdue=states.count(State.OVERDUE),
        open=states.count(State.OPEN),
        start=start,
        end=end,
    )


def critical_path(plan: Plan, last_due: dict[str, dt.date]) -> tuple[str, ...]:
    """The ``after`` chain ending at the dependent task with the latest due date.

    Ties go to the longer chain, then to the task first in the plan.  ``()`` when no task
    depends on another.
    """
    by_id = {t.id: t for t in plan.tasks}
    best: tuple[dt.date, int, int] | None = None
    best_chain: tuple[str, ...] = ()
    for index, task in enumerate(plan.tasks):
        chain = [task.id]
        current = predecessor(task)
        while current is not None:
            chain.append(current)
            current = predecessor(by_id[current])
        if len(chain) < 2 or task.id not in last_due:
            continue
        key = (last_due[task.id], len(chain), -index)
        if best is None or key > best:
            best, best_chain = key, tuple(reversed(chain))
    return best_chain
