"""How plan statuses look: one line, text and Markdown tables, HTML and DataFrames.

Reached only through `zwgk._present.present` (value modules never import this one).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from zwgk._display import Presenters, html_table, present_by_type, records_frame
from zwgk._i18n import N_, Language, gettext, msg, resolve
from zwgk.plans._status import PlanStatus, Summary, TaskStatus

__all__ = ["present", "status_headers", "status_rows", "status_to_frame"]

_HEADERS = (
    N_("No."),
    N_("Task"),
    N_("Responsible units"),
    N_("Due"),
    N_("Done on"),
    N_("State"),
    N_("Working days"),
)
_COLUMNS = (
    "id",
    "occurrence",
    "title",
    "owners",
    "phase",
    "period_start",
    "due",
    "done",
    "state",
    "working_days_late",
    "working_days_left",
    "basis",
)


def status_headers(lang: Language | None = None) -> tuple[str, ...]:
    """The status table's headers in ``lang``: 序号, 工作任务, 责任单位, 完成时限, 完成日期, 状态,
    工作日 / No., Task, Responsible units, Due, Done on, State, Working days."""
    return tuple(gettext(h, lang) for h in _HEADERS)


def _days(r: TaskStatus, lang: Language) -> str:
    if r.working_days_late:
        return msg("{n} late", n=r.working_days_late).render(lang)
    if r.working_days_left:
        return msg("{n} left", n=r.working_days_left).render(lang)
    return ""


def status_rows(status: PlanStatus, lang: Language | None = None) -> list[tuple[str, ...]]:
    """The status table's rows as text cells in ``lang`` (headers: `status_headers`); the
    task titles and the 责任单位 are the plan's own text."""
    lang = resolve(lang)
    return [
        (
            r.id if r.occurrence is None else f"{r.id} {r.occurrence}",
            r.title,
            "、".join(r.owners),
            r.due.isoformat(),
            "" if r.done is None else r.done.isoformat(),
            r.state.label_in(lang),
            _days(r, lang),
        )
        for r in status.rows
    ]


def _summary_line(s: Summary, lang: Language) -> str:
    counts = msg(
        "{total} in all: {done} done on time, {late} done late, {overdue} overdue, {open} not yet due",
        total=s.total,
        done=s.done,
        late=s.done_late,
        overdue=s.overdue,
        open=s.open,
    )
    if s.start or s.end:
        line = msg(
            "{title} ({start}–{end}): {counts}",
            title=s.title,
            start=s.start.isoformat() if s.start else "",
            end=s.end.isoformat() if s.end else "",
            counts=counts,
        )
    else:
        line = msg("{title}: {counts}", title=s.title, counts=counts)
    return line.render(lang)


def _tail(status: PlanStatus, lang: Language) -> list[str]:
    lines = ["", gettext("By responsible unit:", lang)]
    lines += [f"  {_summary_line(s, lang)}" for s in status.by_owner]
    if status.by_phase:
        lines += [gettext("By phase:", lang)] + [f"  {_summary_line(s, lang)}" for s in status.by_phase]
    if status.critical_path:
        due = status.critical_path_due.isoformat() if status.critical_path_due else ""
        line = msg("Critical path: {path} (last due {due})", path=" → ".join(status.critical_path), due=due)
        lines.append(line.render(lang))
    return lines


def _heading(status: PlanStatus, lang: Language) -> str:
    return msg("{title} — as of {day}", title=status.title, day=status.as_of).render(lang)


def status_text(status: PlanStatus, lang: Language | None = None) -> str:
    """A plain-text report in ``lang``: a heading, one line per row, then the summaries."""
    lang = resolve(lang)
    lines = [_heading(status, lang)]
    for cells in status_rows(status, lang):
        ident, title, owners, due, done, state, days = cells
        extra = " " + msg("done {day}", day=done).render(lang) if done else ""
        owned = msg("{title} ({owners})", title=title, owners=owners).render(lang)
        lines.append(f"{ident:<12} {due} {state}{(' ' + days) if days else ''}{extra}  {owned}")
    return "\n".join(lines + _tail(status, lang))


def status_markdown(status: PlanStatus, lang: Language | None = None) -> str:
    """A Markdown report in ``lang``: the status table, then the summaries as a list."""
    lang = resolve(lang)
    headers = status_headers(lang)
    lines = [f"## {_heading(status, lang)}", ""]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "---|" * len(headers))
    lines += [
        "| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in status_rows(status, lang)
    ]
    return "\n".join(lines + _tail(status, lang))


def status_repr(status: PlanStatus) -> str:
    """One line: plan, day and counts by state."""
    states = [r.state.value for r in status.rows]
    counts = ", ".join(
        f"{s} {states.count(s)}" for s in ("done", "done-late", "overdue", "open") if s in states
    )
    return f"<PlanStatus {status.plan} as of {status.as_of.isoformat()}: {len(states)} rows ({counts})>"


def status_html(status: PlanStatus, lang: Language | None = None) -> str:
    """An HTML table in ``lang`` (first rows, then "… and N more")."""
    lang = resolve(lang)
    return html_table(
        status_headers(lang),
        status_rows(status, lang),
        css_class="zwgk-plan-status",
        heading=_heading(status, lang),
        noun=gettext("tasks", lang),
    )


def status_to_frame(status: PlanStatus) -> Any:
    """One row per task or occurrence; columns ``id``, ``occurrence``, ``title``, ``owners``
    (joined with 、), ``phase``, ``period_start``, ``due``, ``done``, ``state``,
    ``working_days_late``, ``working_days_left``, ``basis``."""
    records: list[Mapping[str, Any]] = [
        {
            **{c: getattr(r, c) for c in _COLUMNS if c not in ("owners", "state")},
            "owners": "、".join(r.owners),
            "state": r.state.value,
        }
        for r in status.rows
    ]
    return records_frame(records, _COLUMNS)


_PRESENTERS: Presenters = MappingProxyType(
    {
        (PlanStatus, "repr"): status_repr,
        (PlanStatus, "html"): status_html,
        (PlanStatus, "text"): status_text,
        (PlanStatus, "markdown"): status_markdown,
        (PlanStatus, "frame"): status_to_frame,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a plan value as ``what`` (see `zwgk._present`).

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
