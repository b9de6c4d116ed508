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

from zwgk._display import Presenters, figure_class, html_table, present_by_type, records_frame, use_chinese
from zwgk.rounds._bulletin import RESULT_HEADERS, bulletin_parts, change_since_previous, result_rows
from zwgk.rounds._designation import Decision
from zwgk.rounds._rounds import Rounds, points_text

__all__ = ["bulletin_markdown", "plot_trends", "present", "rounds_html", "rounds_repr", "rounds_to_frame"]


def bulletin_markdown(
    rounds: Rounds, *, period: str | None = None, decisions: Sequence[Decision] = ()
) -> str:
    """The 通报 as Markdown: title, intro, ranking table, lost items, decisions."""
    b = bulletin_parts(rounds, period, decisions)
    lines = [f"# {b.title}", "", b.intro, "", "## 考核结果", ""]
    lines.append("| " + " | ".join(b.headers) + " |")
    lines.append("|" + "---|" * len(b.headers))
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in b.rows]
    if b.lost:
        lines += ["", "## 失分项目", ""] + [f"- {x}" for x in b.lost]
    if b.decisions:
        lines += ["", "## 动态管理", ""] + [f"- {x}" for x in b.decisions]
    return "\n".join(lines) + "\n"


def rounds_repr(rounds: Rounds) -> str:
    """One line: card, periods and units."""
    span = f"{rounds.periods[0]}..{rounds.periods[-1]}" if rounds.periods else "no periods"
    return f"<Rounds {rounds.card}: {len(rounds.periods)} rounds ({span}), {len(rounds.units)} units>"


def rounds_html(rounds: Rounds) -> str:
    """The results sheet as an HTML table."""
    rows = [
        tuple(points_text(c) if isinstance(c, Decimal) else str(c) for c in row)
        for row in result_rows(rounds)
    ]
    return html_table(RESULT_HEADERS, rows, css_class="zwgk-rounds", heading=rounds.card_title, noun="rows")


_FRAME_COLUMNS = ("period", "rank", "unit", "total", "maximum", "grade", "verdict", "change")


def rounds_to_frame(rounds: Rounds) -> Any:
    """One row per period and unit (columns ``period``, ``rank``, ``unit``, ``total``,
    ``maximum``, ``grade``, ``verdict``, ``change``; points stay ``Decimal``)."""
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


def plot_trends(rounds: Rounds, *, labels: str = "auto") -> Any:
    """One line per unit: its total by period (gaps where it was not assessed)."""
    zh = use_chinese(labels)  # type: ignore[arg-type]
    fig = figure_class()(figsize=(7, 4))
    ax = fig.add_subplot()
    xs = list(range(len(rounds.periods)))
    for trend in rounds.trends():
        ys = [float(t) if t is not None else float("nan") for _, t in trend.totals]
        ax.plot(xs, ys, marker="o", label=trend.unit if zh else f"unit {rounds.units.index(trend.unit) + 1}")
    ax.set_xticks(xs, list(rounds.periods))
    ax.set_ylabel("得分" if zh else "total")
    ax.set_xlabel("考核期" if zh else "period")
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
