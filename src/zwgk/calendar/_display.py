"""How calendar results show themselves: DataFrames and year plots.

Reached from [`ChinaCalendar`][zwgk.calendar.ChinaCalendar] only through `zwgk._present.present`
(``"frame"``, ``"plot"``); pandas and matplotlib are imported only inside the functions that
need them (extras ``zwgk[pandas]`` and ``zwgk[plot]``).  Plots return a
`matplotlib.figure.Figure` built without pyplot (no global state).

Chinese labels need a CJK font.  ``labels="auto"`` uses Chinese when matplotlib finds one
(Noto Sans CJK, Source Han Sans, WenQuanYi, SimHei, Microsoft YaHei, PingFang) and English
otherwise (`zwgk._display.use_chinese`).  A notice number is never romanised: English
labels keep it as written (国办发明电〔2025〕7号) when a CJK font can draw it, and show only
the festival's English name when none can.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import Any

import zwgk._display as _shared
from zwgk._display import Labels, cjk_fonts, figure_class, has_cjk, labels_chinese, pandas_module
from zwgk._i18n import N_, Language, gettext
from zwgk._optional import import_extra
from zwgk.calendar._calendar import ChinaCalendar, default_calendar
from zwgk.calendar._days import DayKind, as_date
from zwgk.calendar._notices import Festival
from zwgk.calendar._texts import festival_text
from zwgk.errors import InvalidInputError

__all__ = ["calendar_frame", "holiday_label", "plot_calendar_year", "present"]

_KIND_COLOURS = MappingProxyType(
    {
        DayKind.WORKING_WEEKDAY: "#ffffff",
        DayKind.WEEKEND_REST: "#d9d9d9",
        DayKind.STATUTORY_HOLIDAY: "#d62728",
        DayKind.ADJUSTED_REST: "#ff9896",
        DayKind.ADJUSTED_WORKING: "#1f77b4",
    }
)


def holiday_label(festival: str, notice: str, *, chinese: bool, cjk_font: bool) -> str:
    """The label of a holiday period in a plot.

    Chinese: ``春节 国办发明电〔2025〕7号``.  English: ``Spring Festival — 国办发明电〔2025〕7号``
    when a CJK font can draw the notice number (``cjk_font``), else ``Spring Festival``.  The
    document number is always shown as written, never romanised.
    """
    if chinese:
        return f"{festival} {notice}".strip()
    name = _festival_en(festival)
    if notice and (cjk_font or not has_cjk(notice)):
        return f"{name} — {notice}"
    return name


# ----------------------------------------------------------------------------- calendar


def calendar_frame(start: dt.date, end: dt.date, *, calendar: ChinaCalendar | None = None) -> Any:
    """One row per day in ``[start, end]``: kind, working, festivals, notice, provisional."""
    pd = pandas_module()
    cal = calendar or default_calendar()
    start, end = as_date(start, "start"), as_date(end, "end")
    if end < start:
        raise InvalidInputError(
            "end", end, gettext("a date on or after start ({start})").format(start=start.isoformat())
        )
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
    ``labels="auto"`` follows the language set (``zwgk.language``, ``zwgk.set_language``,
    ``ZWGK_LANG``; with none set, Chinese), Chinese only when a CJK font is installed;
    ``"zh"`` or ``"en"`` choose.

    Returns:
        A matplotlib ``Figure``.
    """
    figure_cls = figure_class()
    patches = import_extra("matplotlib.patches", "plot", N_("plots"))

    cal = calendar or default_calendar()
    chinese = labels_chinese(labels)
    lang: Language = "zh" if chinese else "en"
    drawable = chinese or _shared.find_cjk_font() is not None  # looked up here: tests hide fonts
    family = cjk_fonts() if drawable else ["DejaVu Sans"]
    fig = figure_cls(figsize=(12, 5.5), layout="constrained")
    ax = fig.add_subplot()
    for month in range(1, 13):
        day = dt.date(year, month, 1)
        while day.month == month:
            kind = cal.day_kind(day).kind
            ax.add_patch(
                patches.Rectangle(
                    (day.day - 1, 12 - month), 0.95, 0.9, facecolor=_KIND_COLOURS[kind], edgecolor="#999999"
                )
            )
            day += dt.timedelta(days=1)
    holidays = cal.holidays(year) if year <= cal.last_covered.year else ()
    for h in holidays:
        first = h.first if h.first.year == year else dt.date(year, 1, 1)
        notice = h.notices[-1] if h.notices else ""
        text = holiday_label(h.label, notice, chinese=chinese, cjk_font=drawable)
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
    months = [gettext(_MONTHS[m - 1], lang) for m in range(12, 0, -1)]
    ax.set_yticks([i + 0.45 for i in range(12)], months, family=family)
    provisional = year > cal.last_covered.year
    title = (
        gettext("{year} working days and holidays (provisional estimate)", lang)
        if provisional
        else gettext("{year} working days and holidays", lang)
    ).format(year=year)
    ax.set_title(title, family=family)
    legend = [
        patches.Patch(facecolor=_KIND_COLOURS[k], edgecolor="#999999", label=k.name_in(lang)) for k in DayKind
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


_MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def _festival_en(label: str) -> str:
    names = []
    for part in label.split("、"):
        try:
            names.append(Festival(part).name)
        except ValueError:
            return label
    return festival_text(names, "en")


def present(value: object, what: str, /, **options: Any) -> Any:
    """The presentation hook of [`zwgk.calendar`][] (see `zwgk._present.present`)."""
    if isinstance(value, ChinaCalendar):
        if what == "frame":
            return calendar_frame(options["start"], options["end"], calendar=value)
        if what == "plot":
            return plot_calendar_year(options["year"], calendar=value, labels=options.get("labels", "auto"))
    raise InvalidInputError(
        "what", what, gettext("a presentation of {type}: 'frame' or 'plot'").format(type=type(value).__name__)
    )
