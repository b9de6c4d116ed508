"""How deadlines show themselves: HTML for notebooks, DataFrames, timeline plots.

Reached from [`Deadline`][zwgk.deadlines.Deadline] only through `zwgk._present.present`
(``"html"``, ``"frame"``, ``"plot"``); pandas and matplotlib are imported only inside the
functions that need them (extras ``zwgk[pandas]`` and ``zwgk[plot]``).  Plots return a
`matplotlib.figure.Figure` built without pyplot (no global state).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from zwgk._display import Labels, cjk_fonts, figure_class, legend_outside, records_frame, use_chinese
from zwgk.deadlines._results import Deadline
from zwgk.errors import InvalidInputError

__all__ = ["deadline_frame", "deadline_html", "deadline_title", "plot_deadline", "present"]


# ----------------------------------------------------------------------------- deadlines


def deadline_html(deadline: Deadline) -> str:
    """An HTML timeline of a deadline (used by ``Deadline._repr_html_`` in notebooks)."""
    esc = html.escape
    due = deadline.due.isoformat() if deadline.due else "—"
    regime = f"{esc(deadline.regime.short)}（{esc(deadline.regime.instrument)}）" if deadline.regime else ""
    rows = "".join(
        f"<tr><td>{s.on.isoformat()}</td><td>{esc(s.event)}</td><td>{esc(s.effect)}</td>"
        f"<td>{esc(s.article)}</td><td>{s.due.isoformat() if s.due else ''}</td></tr>"
        for s in deadline.steps
    )
    violations = "".join(
        f"<li><b>{v.on.isoformat()}</b> {esc(v.kind.value)}: {esc(v.detail)} ({esc(v.article)})</li>"
        for v in deadline.violations
    )
    notes = []
    if deadline.paused_working_days:
        notes.append(f"paused {deadline.paused_working_days} working days")
    if deadline.extension_working_days:
        notes.append(f"extended {deadline.extension_working_days} working days")
    if deadline.provisional:
        notes.append("<b>provisional</b>: uses days beyond the recorded holiday notices")
    return (
        f"<div class='zwgk-deadline'><p><b>{esc(deadline.kind.value)}</b> from "
        f"{deadline.start.isoformat()} — due <b>{due}</b> — {esc(deadline.state.value)} {regime}</p>"
        "<table><thead><tr><th>date</th><th>event</th><th>effect</th><th>article</th><th>due</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        + (f"<p>Violations:</p><ul>{violations}</ul>" if violations else "")
        + (f"<p>{'; '.join(notes)}</p>" if notes else "")
        + f"<p><small>calendar data {esc(deadline.data_version)}</small></p></div>"
    )


def deadline_frame(deadline: Deadline) -> Any:
    """The steps of a deadline as a pandas DataFrame (columns on, event, effect, article, due)."""
    return records_frame(
        [
            {"on": s.on, "event": s.event, "effect": s.effect, "article": s.article, "due": s.due}
            for s in deadline.steps
        ],
        ["on", "event", "effect", "article", "due"],
    )


def deadline_title(deadline: Deadline, *, chinese: bool) -> str:
    """The timeline's title: ``答复期限：2026-09-28 → 2026-11-11`` (``（暂定）`` when provisional),
    or ``reply: 2026-09-28 → 2026-11-11`` (`` (provisional)``) in English."""
    due = deadline.due.isoformat() if deadline.due else "—"
    span = f"{deadline.start.isoformat()} → {due}"
    if chinese:
        return f"{deadline.kind.label}：{span}" + ("（暂定）" if deadline.provisional else "")
    return f"{deadline.kind.value}: {span}" + (" (provisional)" if deadline.provisional else "")


def plot_deadline(deadline: Deadline, *, labels: Labels = "auto") -> Any:
    """A timeline of a deadline: the running clock, pauses shaded, the due date and the reply.

    Returns:
        A matplotlib ``Figure``.
    """
    figure_cls = figure_class()
    chinese = use_chinese(labels)
    fig = figure_cls(figsize=(9, 2.6), layout="constrained")
    ax = fig.add_subplot()
    end = max(
        [
            deadline.due or deadline.start,
            deadline.closed_on or deadline.start,
            *(s.on for s in deadline.steps),
        ]
    )
    ax.hlines(0, deadline.start, end, color="#555555", linewidth=2)
    opened: dt.date | None = None
    for s in deadline.steps:
        if "pause begins" in s.effect:
            opened = s.on
        elif "not counted" in s.effect and opened is not None:
            ax.axvspan(opened, s.on, color="#ffbf80", alpha=0.5, label="pause" if not chinese else "暂停计算")
            opened = None
        ax.plot([s.on], [0], marker="o", color="#1f77b4")
        text = s.event.split(" (")[0] if chinese else (s.event.split("(")[-1].rstrip(")") or s.event)
        ax.annotate(text, (s.on, 0), xytext=(0, 12), textcoords="offset points", rotation=30, fontsize=8)
    if deadline.due is not None:
        ax.axvline(deadline.due, color="#d62728", linestyle="--", label="due" if not chinese else "答复期限")
    ax.set_yticks([])
    ax.set_ylim(-1, 2)
    ax.set_title(deadline_title(deadline, chinese=chinese))
    if chinese:
        for t in [*ax.texts, ax.title]:
            t.set_fontfamily(cjk_fonts())
    legend_outside(ax, family=cjk_fonts() if chinese else None)
    fig.autofmt_xdate()
    return fig


def present(value: object, what: str, /, **options: Any) -> Any:
    """The presentation hook of [`zwgk.deadlines`][] (see `zwgk._present.present`)."""
    if isinstance(value, Deadline):
        if what == "html":
            return deadline_html(value)
        if what == "frame":
            return deadline_frame(value)
        if what == "plot":
            return plot_deadline(value, labels=options.get("labels", "auto"))
    raise InvalidInputError(
        "what", what, f"a presentation of {type(value).__name__}: 'html', 'frame' or 'plot'"
    )
