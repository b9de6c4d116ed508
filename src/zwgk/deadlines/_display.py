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

from zwgk._display import Labels, cjk_fonts, figure_class, labels_chinese, legend_outside, records_frame
from zwgk._i18n import N_, Language, Message, gettext, msg, resolve, text
from zwgk.deadlines._explain import kind_text, regime_text, state_text, violation_text, working_days
from zwgk.deadlines._results import Deadline
from zwgk.errors import InvalidInputError

__all__ = ["deadline_frame", "deadline_html", "deadline_title", "plot_deadline", "present"]


# ----------------------------------------------------------------------------- deadlines


def deadline_html(deadline: Deadline, lang: Language | None = None) -> str:
    """An HTML timeline of a deadline (used by ``Deadline._repr_html_`` in notebooks), in ``lang``."""
    lang = resolve(lang)
    esc = html.escape

    def _(msgid: str) -> str:
        return esc(gettext(msgid, lang))

    due = deadline.due.isoformat() if deadline.due else "—"
    regime = esc(regime_text(deadline.regime, lang)) if deadline.regime else ""
    rows = "".join(
        f"<tr><td>{s.on.isoformat()}</td><td>{esc(s.event)}</td><td>{esc(s.effect)}</td>"
        f"<td>{esc(s.article)}</td><td>{s.due.isoformat() if s.due else ''}</td></tr>"
        for s in deadline.steps_in(lang)
    )
    violations = "".join(
        f"<li><b>{v.on.isoformat()}</b> {esc(violation_text(v.kind, lang))}: {esc(v.detail_in(lang))} "
        f"({esc(v.article)})</li>"
        for v in deadline.violations
    )
    notes = []
    if deadline.paused_working_days:
        notes.append(esc(msg("paused {n}", n=working_days(deadline.paused_working_days)).render(lang)))
    if deadline.extension_working_days:
        notes.append(esc(msg("extended {n}", n=working_days(deadline.extension_working_days)).render(lang)))
    if deadline.provisional:
        notes.append(_("provisional: uses days beyond the recorded holiday notices"))
    head = msg(
        "{kind} from {start} — due {due} — {state}",
        kind=kind_text(deadline.kind, lang),
        start=deadline.start,
        due=due,
        state=state_text(deadline.state, lang),
    ).render(lang)
    data = msg("calendar data {version}", version=deadline.data_version).render(lang)
    said_violations = _("Violations:")
    separator = _("; ")
    columns = "".join(f"<th>{_(c)}</th>" for c in _COLUMNS)
    return (
        f"<div class='zwgk-deadline'><p><b>{esc(head)}</b> {regime}</p>"
        f"<table><thead><tr>{columns}</tr>"
        f"</thead><tbody>{rows}</tbody></table>"
        + (f"<p>{said_violations}</p><ul>{violations}</ul>" if violations else "")
        + (f"<p>{separator.join(notes)}</p>" if notes else "")
        + f"<p><small>{esc(data)}</small></p></div>"
    )


_COLUMNS = (N_("date"), N_("event"), N_("effect"), N_("article"), N_("due"))


def deadline_frame(deadline: Deadline) -> Any:
    """The steps of a deadline as a pandas DataFrame (columns on, event, effect, article, due),
    the texts in the current language."""
    return records_frame(
        [
            {"on": s.on, "event": s.event, "effect": s.effect, "article": s.article, "due": s.due}
            for s in deadline.steps
        ],
        ["on", "event", "effect", "article", "due"],
    )


def deadline_title(deadline: Deadline, *, chinese: bool) -> str:
    """The timeline's title: ``答复期限：2026-09-28 → 2026-11-11`` (``（暂定）`` when provisional),
    or ``reply deadline: 2026-09-28 → 2026-11-11`` (`` (provisional)``) in English."""
    lang: Language = "zh" if chinese else "en"
    due = deadline.due.isoformat() if deadline.due else "—"
    title = msg("{kind}: {start} → {due}", kind=kind_text(deadline.kind, lang), start=deadline.start, due=due)
    if deadline.provisional:
        title = msg("{title} (provisional)", title=title)
    return title.render(lang)


def _pause_begins(effect: object) -> bool:
    return isinstance(effect, Message) and effect.msgid.startswith("pause begins")


def _pause_ends(effect: object) -> bool:
    return isinstance(effect, Message) and effect.msgid.endswith("] not counted")


def plot_deadline(deadline: Deadline, *, labels: Labels = "auto") -> Any:
    """A timeline of a deadline: the running clock, pauses shaded, the due date and the reply.

    ``labels="auto"`` follows the language set (``zwgk.language``, ``zwgk.set_language``,
    ``ZWGK_LANG``; with none set, Chinese, as the other plots), Chinese only when a CJK font is
    installed; ``"zh"`` or ``"en"`` choose.

    Returns:
        A matplotlib ``Figure``.
    """
    figure_cls = figure_class()
    chinese = labels_chinese(labels)
    lang: Language = "zh" if chinese else "en"
    fig = figure_cls(figsize=(9, 2.6), layout="constrained")
    ax = fig.add_subplot()
    end = max(
        [
            deadline.due or deadline.start,
            deadline.closed_on or deadline.start,
            *(row[0] for row in deadline.step_rows),
        ]
    )
    ax.hlines(0, deadline.start, end, color="#555555", linewidth=2)
    opened: dt.date | None = None
    for on, event, effect, _article, _due in deadline.step_rows:
        if _pause_begins(effect):
            opened = on
        elif _pause_ends(effect) and opened is not None:
            ax.axvspan(opened, on, color="#ffbf80", alpha=0.5, label=gettext("pause", lang))
            opened = None
        ax.plot([on], [0], marker="o", color="#1f77b4")
        ax.annotate(
            text(event, lang), (on, 0), xytext=(0, 12), textcoords="offset points", rotation=30, fontsize=8
        )
    if deadline.due is not None:
        ax.axvline(deadline.due, color="#d62728", linestyle="--", label=gettext("due date", lang))
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
