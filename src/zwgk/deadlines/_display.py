"""How calendar and deadline results show themselves: text, HTML for notebooks, DataFrames, plots.

pandas and matplotlib are imported only inside the functions that need them (extras
``zwgk[pandas]`` and ``zwgk[plot]``).  Plots return a :class:`matplotlib.figure.Figure`
built without pyplot (no global state); show it in a notebook or call ``savefig``.

Chinese labels need a CJK font.  ``labels="auto"`` uses Chinese when matplotlib finds one
(Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei, PingFang) and English
otherwise, with notice numbers romanised (国办发明电〔2025〕7号 → ``Guobanfamingdian [2025] 7``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

from zwgk._display import Labels, cjk_fonts, figure_class, pandas_module, records_frame, use_chinese
from zwgk.deadlines._calendar import ChinaCalendar, DayKind, as_date, default_calendar
from zwgk.errors import InvalidInputError

if TYPE_CHECKING:
    from zwgk.deadlines._clock import Deadline

__all__ = [
    "calendar_frame",
    "deadline_frame",
    "deadline_html",
    "plot_calendar_year",
    "plot_deadline",
    "romanise_document",
]

_KIND_EN = {
    DayKind.WORKING_WEEKDAY: "working weekday",
    DayKind.WEEKEND_REST: "weekend rest",
    DayKind.STATUTORY_HOLIDAY: "statutory holiday",
    DayKind.ADJUSTED_REST: "other holiday rest day",
    DayKind.ADJUSTED_WORKING: "weekend working day",
}
_KIND_COLOURS = {
    DayKind.WORKING_WEEKDAY: "#ffffff",
    DayKind.WEEKEND_REST: "#d9d9d9",
    DayKind.STATUTORY_HOLIDAY: "#d62728",
    DayKind.ADJUSTED_REST: "#ff9896",
    DayKind.ADJUSTED_WORKING: "#1f77b4",
}
_DOC_PREFIX = {"国办发明电": "Guobanfamingdian", "国发明电": "Guofamingdian"}
_DOC = re.compile(r"^(?P<prefix>\D+?)〔(?P<year>\d{4})〕(?P<num>\d+)号$")


def romanise_document(number: str) -> str:
    """``国办发明电〔2025〕7号`` → ``Guobanfamingdian [2025] 7`` (for fonts without CJK glyphs)."""
    m = _DOC.match(number)
    if m is None or m["prefix"] not in _DOC_PREFIX:
        return number.encode("ascii", "replace").decode()
    return f"{_DOC_PREFIX[m['prefix']]} [{m['year']}] {m['num']}"


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
    due = deadline.due.isoformat() if deadline.due else "—"
    title = f"{deadline.kind.value}: {deadline.start.isoformat()} → {due}"
    ax.set_title(title + (" (provisional)" if deadline.provisional else ""))
    if chinese:
        for t in ax.texts:
            t.set_fontfamily(cjk_fonts())
    handles, names = ax.get_legend_handles_labels()
    if handles:
        ax.legend(
            handles, names, loc="lower right", fontsize=8, prop={"family": cjk_fonts()} if chinese else None
        )
    fig.autofmt_xdate()
    return fig


# ----------------------------------------------------------------------------- calendar


def calendar_frame(start: dt.date, end: dt.date, *, calendar: ChinaCalendar | None = None) -> Any:
    """One row per day in ``[start, end]``: kind, working, festivals, notice, provisional."""
    pd = pandas_module()
    cal = calendar or default_calendar()
    start, end = as_date(start, "start"), as_date(end, "end")
    if end < start:
        raise InvalidInputError("end", end, f"a date on or after start ({start.isoformat()})")
    rows = []
    day = start
    while day <= end:
        info = cal.day_kind(day)
        rows.append(
            {
                "date": day,
                "kind": info.kind.value,
                "working": info.is_working_day,
                "festivals": "、".join(f.value for f in info.festivals),
                "notice": info.notice or "",
                "provisional": info.provisional,
            }
        )
        day += dt.timedelta(days=1)
    return pd.DataFrame(rows)


def plot_calendar_year(year: int, *, calendar: ChinaCalendar | None = None, labels: Labels = "auto") -> Any:
    """A year's working-day calendar: 12 month rows × 31 day columns, coloured by day kind.

    Statutory holidays, other rest days of holiday periods and weekend working days are
    coloured; each holiday period is labelled with its festival and notice number.

    Returns:
        A matplotlib ``Figure``.
    """
    figure_cls = figure_class()
    from matplotlib.patches import Patch, Rectangle

    cal = calendar or default_calendar()
    chinese = use_chinese(labels)
    family = cjk_fonts() if chinese else ["DejaVu Sans"]
    fig = figure_cls(figsize=(12, 5.5), layout="constrained")
    ax = fig.add_subplot()
    for month in range(1, 13):
        day = dt.date(year, month, 1)
        while day.month == month:
            kind = cal.day_kind(day).kind
            ax.add_patch(
                Rectangle(
                    (day.day - 1, 12 - month), 0.95, 0.9, facecolor=_KIND_COLOURS[kind], edgecolor="#999999"
                )
            )
            day += dt.timedelta(days=1)
    holidays = cal.holidays(year) if year <= cal.last_covered.year else ()
    for h in holidays:
        first = h.first if h.first.year == year else dt.date(year, 1, 1)
        notice = h.notices[-1] if h.notices else ""
        text = f"{h.label} {notice}" if chinese else f"{_festival_en(h.label)} — {romanise_document(notice)}"
        ax.annotate(
            text,
            (first.day - 1, 12 - first.month + 0.45),
            xytext=(2, 0),
            textcoords="offset points",
            fontsize=7,
            va="center",
            family=family,
        )
    ax.set_xlim(0, 31)
    ax.set_ylim(0, 12)
    ax.set_xticks([i + 0.5 for i in range(31)], [str(i + 1) for i in range(31)], fontsize=7)
    months = (
        [f"{m}月" for m in range(12, 0, -1)]
        if chinese
        else [dt.date(2000, m, 1).strftime("%b") for m in range(12, 0, -1)]
    )
    ax.set_yticks([i + 0.45 for i in range(12)], months, family=family)
    provisional = year > cal.last_covered.year
    ax.set_title(
        f"{year}" + (" (provisional estimate)" if provisional else "") + f" — data {cal.data_version}"
    )
    legend = [
        Patch(facecolor=_KIND_COLOURS[k], edgecolor="#999999", label=k.value if chinese else _KIND_EN[k])
        for k in DayKind
    ]
    ax.legend(
        handles=legend,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=5,
        fontsize=8,
        prop={"family": family},
    )
    return fig


_FESTIVAL_EN = {
    "元旦": "New Year",
    "春节": "Spring Festival",
    "清明节": "Qingming",
    "劳动节": "Labour Day",
    "端午节": "Dragon Boat",
    "中秋节": "Mid-Autumn",
    "国庆节": "National Day",
    "中国人民抗日战争暨世界反法西斯战争胜利纪念日": "Victory Day",
}


def _festival_en(label: str) -> str:
    return " & ".join(_FESTIVAL_EN.get(part, part) for part in label.split("、"))
