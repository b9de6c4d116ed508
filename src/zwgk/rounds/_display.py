"""How rounds look: one line, HTML, DataFrames, trend plots and the 通报 (bulletin) text.

Reached only through `zwgk._present.present`.  The bulletin's structure (shared by the
Markdown here and the DOCX written by [`zwgk.rounds.io.write_bulletin_docx`][]) is
`bulletin_parts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zwgk import _lang
from zwgk._display import Presenters, figure_class, html_table, present_by_type, records_frame, use_chinese
from zwgk._i18n import Language, gettext, msg, resolve
from zwgk.rounds._bulletin import bulletin_parts, change_since_previous, result_headers, result_rows
from zwgk.rounds._designation import Decision
from zwgk.rounds._rounds import Rounds, points_text

__all__ = ["bulletin_markdown", "plot_trends", "present", "rounds_html", "rounds_repr", "rounds_to_frame"]


def bulletin_markdown(
    rounds: Rounds,
    *,
    period: str | None = None,
    decisions: Sequence[Decision] = (),
    lang: Language | None = None,
) -> str:
    """The 通报 as Markdown in ``lang``: title, intro, ranking table, lost items, decisions."""
    lang = resolve(lang)
    b = bulletin_parts(rounds, period, decisions, lang)
    results, lost, managed = (
        gettext(h, lang) for h in ("Results", "Items that lost points", "Dynamic management")
    )
    lines = [f"# {b.title}", "", b.intro, "", f"## {results}", ""]
    lines.append("| " + " | ".join(b.headers) + " |")
    lines.append("|" + "---|" * len(b.headers))
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in b.rows]
    if b.lost:
        lines += ["", f"## {lost}", ""] + [f"- {x}" for x in b.lost]
    if b.decisions:
        lines += ["", f"## {managed}", ""] + [f"- {x}" for x in b.decisions]
    return "\n".join(lines) + "\n"


def rounds_repr(rounds: Rounds) -> str:
    """One line: card, periods and units."""
    span = f"{rounds.periods[0]}..{rounds.periods[-1]}" if rounds.periods else "no periods"
    return f"<Rounds {rounds.card}: {len(rounds.periods)} rounds ({span}), {len(rounds.units)} units>"


def rounds_html(rounds: Rounds, lang: Language | None = None) -> str:
    """The results sheet as an HTML table, in ``lang``."""
    lang = resolve(lang)
    rows = [
        tuple(points_text(c) if isinstance(c, Decimal) else str(c) for c in row)
        for row in result_rows(rounds, lang=lang)
    ]
    return html_table(
        result_headers(lang),
        rows,
        css_class="zwgk-rounds",
        heading=f"《{rounds.card_title}》",
        noun=gettext("rows", lang),
    )


_FRAME_COLUMNS = ("period", "rank", "unit", "total", "maximum", "grade", "verdict", "change")


def rounds_to_frame(rounds: Rounds) -> Any:
    """One row per period and unit (columns ``period``, ``rank``, ``unit``, ``total``,
    ``maximum``, ``grade``, ``verdict`` (in the current language), ``change``; points stay
    ``Decimal``)."""
    records = []
    for row in result_rows(rounds):
        period, place, unit, total, maximum, grade, verdict_, _ = row
        change = change_since_previous(rounds, str(period), str(unit))
        records.append(
            dict(
                zip(
                    _FRAME_COLUMNS,
                    (period, place, unit, total, maximum, grade or None, verdict_, change),
                    strict=True,
                )
            )
        )
    return records_frame(records, _FRAME_COLUMNS)


def _auto_chinese() -> bool:
    """``labels="auto"``: the language set, or Chinese when none is set (as the other plots);
    Chinese only when a CJK font can draw it."""
    if _lang.requested()[1] != "default" and resolve(None) == "en":
        return False
    return use_chinese("auto")


def plot_trends(rounds: Rounds, *, labels: str = "auto") -> Any:
    """One line per unit: its total by period (gaps where it was not assessed).

    ``labels="auto"`` follows the language set (``zwgk.language``, ``zwgk.set_language``,
    ``ZWGK_LANG``; with none set, Chinese), Chinese only when a CJK font is installed;
    ``"zh"`` or ``"en"`` choose.  English labels name the units ``unit 1``, ``unit 2`` …
    (in the order of the table) and the card by its id.
    """
    zh = _auto_chinese() if labels == "auto" else use_chinese(labels)  # type: ignore[arg-type]
    lang: Language = "zh" if zh else "en"
    fig = figure_class()(figsize=(7, 4))
    ax = fig.add_subplot()
    xs = list(range(len(rounds.periods)))
    for trend in rounds.trends():
        ys = [float(t) if t is not None else float("nan") for _, t in trend.totals]
        name = trend.unit if zh else msg("unit {n}", n=rounds.units.index(trend.unit) + 1).render(lang)
        ax.plot(xs, ys, marker="o", label=name)
    ax.set_xticks(xs, list(rounds.periods))
    ax.set_ylabel(gettext("Total", lang))
    ax.set_xlabel(gettext("Period", lang))
    ax.set_title(rounds.card_title if zh else rounds.card)
    if rounds.units:
        ax.legend(fontsize="small")
    return fig


_PRESENTERS: Presenters = MappingProxyType(
    {
        (Rounds, "repr"): rounds_repr,
        (Rounds, "html"): rounds_html,
        (Rounds, "frame"): rounds_to_frame,
        (Rounds, "plot"): plot_trends,
        (Rounds, "bulletin"): bulletin_markdown,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a rounds value as ``what`` (see `zwgk._present`).

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
