"""How plan statuses look: one line, text and Markdown tables, HTML and DataFrames.

Reached only through `zwgk._present.present` (value modules never import this one).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from zwgk._display import Presenters, html_table, present_by_type, records_frame
from zwgk.plans._status import PlanStatus, Summary, TaskStatus

__all__ = ["present", "status_rows", "status_to_frame"]

_HEADERS = ("序号", "工作任务", "责任单位", "完成时限", "完成日期", "状态", "工作日")
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


def _days(r: TaskStatus) -> str:
    if r.working_days_late:
        return f"逾期{r.working_days_late}"
    if r.working_days_left:
        return f"剩余{r.working_days_left}"
    return ""


def status_rows(status: PlanStatus) -> list[tuple[str, ...]]:
    """The status table's rows as text cells (the headers are 序号, 工作任务, 责任单位, 完成时限,
    完成日期, 状态, 工作日)."""
    return [
        (
            r.id if r.occurrence is None else f"{r.id} {r.occurrence}",
            r.title,
            "、".join(r.owners),
            r.due.isoformat(),
            "" if r.done is None else r.done.isoformat(),
            r.state.label,
            _days(r),
        )
        for r in status.rows
    ]


def _summary_line(s: Summary) -> str:
    window = ""
    if s.start or s.end:
        window = f"（{s.start.isoformat() if s.start else ''}—{s.end.isoformat() if s.end else ''}）"
    return (
        f"{s.title}{window}：共{s.total}项，按时完成{s.done}，逾期完成{s.done_late}，"
        f"逾期未完成{s.overdue}，未到期{s.open}"
    )


def _tail(status: PlanStatus) -> list[str]:
    lines = ["", "按责任单位："]
    lines += [f"  {_summary_line(s)}" for s in status.by_owner]
    if status.by_phase:
        lines += ["按阶段："] + [f"  {_summary_line(s)}" for s in status.by_phase]
    if status.critical_path:
        due = status.critical_path_due.isoformat() if status.critical_path_due else ""
        lines.append(f"关键路径：{' → '.join(status.critical_path)}（最后完成时限 {due}）")
    return lines


def status_text(status: PlanStatus) -> str:
    """A plain-text report: a heading, one line per row, then the summaries."""
    lines = [f"{status.title} — 截至 {status.as_of.isoformat()}"]
    for cells in status_rows(status):
        ident, title, owners, due, done, state, days = cells
        extra = f" 完成{done}" if done else ""
        lines.append(f"{ident:<12} {due} {state}{(' ' + days) if days else ''}{extra}  {title}（{owners}）")
    return "\n".join(lines + _tail(status))


def status_markdown(status: PlanStatus) -> str:
    """A Markdown report: the status table, then the summaries as a list."""
    lines = [f"## {status.title} — 截至 {status.as_of.isoformat()}", ""]
    lines.append("| " + " | ".join(_HEADERS) + " |")
    lines.append("|" + "---|" * len(_HEADERS))
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in status_rows(status)]
    return "\n".join(lines + _tail(status))


def status_repr(status: PlanStatus) -> str:
    """One line: plan, day and counts by state."""
    states = [r.state.value for r in status.rows]
    counts = ", ".join(
        f"{s} {states.count(s)}" for s in ("done", "done-late", "overdue", "open") if s in states
    )
    return f"<PlanStatus {status.plan} as of {status.as_of.isoformat()}: {len(states)} rows ({counts})>"


def status_html(status: PlanStatus) -> str:
    """An HTML table (first rows, then "… and N more")."""
    return html_table(
        _HEADERS,
        status_rows(status),
        css_class="zwgk-plan-status",
        heading=f"{status.title} — 截至 {status.as_of.isoformat()}",
        noun="tasks",
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
