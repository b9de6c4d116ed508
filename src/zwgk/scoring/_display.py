"""How scoring results show themselves: text, HTML for notebooks, DataFrames, a plot.

The one presentation module of [`zwgk.scoring`][] that value types reach, only through
`zwgk._present.present`, which calls `present` here (so no value module imports
this one).  It builds on the text helpers of `zwgk.scoring._render`; the reprs and HTML
views are in `zwgk.scoring._views`.

The same conventions as [`zwgk.deadlines`][], whose helpers are reused (imported on first
use, so ``import zwgk.scoring`` stays light): HTML is a
plain string with every text value escaped; pandas and matplotlib are imported only inside
the functions that need them (extras ``zwgk[pandas]`` and ``zwgk[plot]``); plots return a
`matplotlib.figure.Figure` built without pyplot.  Points stay exact
`Decimal` values in DataFrames (``object`` dtype).
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from zwgk import _lang
from zwgk._display import cjk_fonts, figure_class, legend_outside, records_frame, use_chinese
from zwgk._i18n import Language, gettext, resolve
from zwgk.errors import UnknownNameError
from zwgk.scoring._render import points_text as _pts
from zwgk.scoring._render import results_to_frame
from zwgk.scoring._result import CombinedResult, Ranking, ScoreResult, WhatIf
from zwgk.scoring._views import (
    combined_html,
    combined_repr,
    ranking_repr,
    rankings_html,
    reasons,
    result_title,
    score_html,
    score_repr,
    what_if_html,
    what_if_repr,
)
from zwgk.scoring._xlsx import score_xlsx

if TYPE_CHECKING:
    from zwgk._display import Labels

__all__ = [
    "combined_frame",
    "combined_html",
    "combined_repr",
    "plot_score_breakdown",
    "present",
    "ranking_repr",
    "rankings_html",
    "rankings_to_frame",
    "score_frame",
    "score_html",
    "score_repr",
    "section_breakdown",
    "what_if_frame",
    "what_if_html",
    "what_if_repr",
]

_ITEM_COLUMNS = ("section", "item", "title", "maximum", "points", "applicable", "bonus", "adjustments")
_PART_COLUMNS = ("card", "card_title", "unit", "total", "weight", "contribution", "grade", "passed")
_RANK_COLUMNS = ("rank", "unit", "title", "total", "passed", "vetoes")
_DELTA_COLUMNS = ("item", "title", "before", "after", "delta")


# ----------------------------------------------------------------------------- DataFrames


def score_frame(result: ScoreResult) -> Any:
    """One row per item of a result (needs the ``pandas`` extra).

    Columns: ``section``, ``item``, ``title``, ``maximum``, ``points``, ``applicable``,
    ``bonus`` (as in [`zwgk.scoring.results_to_frame`][], which builds them) and
    ``adjustments``: the adjustments other than the starting points, one ``+1 reason`` line
    each, joined with line breaks.

    Raises:
        zwgk.errors.MissingExtraError: pandas is not installed.
    """
    frame = results_to_frame([result])
    frame["adjustments"] = ["\n".join(reasons(i.adjustments)) for i in result.items]
    return frame[list(_ITEM_COLUMNS)]


def combined_frame(result: CombinedResult) -> Any:
    """One row per part of a combined result (needs the ``pandas`` extra).

    Columns: ``card``, ``card_title``, ``unit``, ``total`` (the part's own total),
    ``weight``, ``contribution`` (= total × weight), ``grade``, ``passed``.

    Raises:
        zwgk.errors.MissingExtraError: pandas is not installed.
    """
    rows = [
        {
            "card": p.result.card,
            "card_title": p.result.card_title,
            "unit": p.result.unit,
            "total": p.result.total,
            "weight": p.weight,
            "contribution": p.contribution,
            "grade": p.result.grade,
            "passed": p.result.passed,
        }
        for p in result.parts
    ]
    return records_frame(rows, _PART_COLUMNS)


def rankings_to_frame(rankings: Iterable[Ranking]) -> Any:
    """One row per unit of a ranking (the tuple [`zwgk.scoring.rank`][] returns).

    Columns: ``rank``, ``unit``, ``title`` (card or combination title), ``total``,
    ``passed``, ``vetoes`` (joined with ``；``).

    Args:
        rankings: the places, in the order to show them.

    Returns:
        The DataFrame; totals stay exact `Decimal` values.

    Raises:
        zwgk.errors.MissingExtraError: pandas is not installed.
    """
    rows = [
        {
            "rank": r.rank,
            "unit": r.result.unit,
            "title": result_title(r.result),
            "total": r.result.total,
            "passed": r.result.passed,
            "vetoes": "；".join(r.result.vetoes),
        }
        for r in rankings
    ]
    return records_frame(rows, _RANK_COLUMNS)


def what_if_frame(change: WhatIf) -> Any:
    """One row per changed item of a what-if: ``item``, ``title``, ``before``, ``after``, ``delta``.

    Raises:
        zwgk.errors.MissingExtraError: pandas is not installed.
    """
    titles = {i.item: i.title for i in change.before.items}
    rows = [
        {
            "item": d.item,
            "title": titles.get(d.item, ""),
            "before": d.before,
            "after": d.after,
            "delta": d.delta,
        }
        for d in change.items
    ]
    return records_frame(rows, _DELTA_COLUMNS)


# ----------------------------------------------------------------------------- plot


def section_breakdown(result: ScoreResult) -> tuple[tuple[str, str, Decimal, Decimal | None, bool], ...]:
    """``(section id, title, points, maximum, bonus)`` per section, in card order.

    ``points`` is the section's points after its cap; ``maximum`` is the sum of the maxima
    of its applicable items (``None`` when none of them has one, as in open bonus sections).

    Args:
        result: the score result.

    Returns:
        One tuple per section, in card order (what `plot_score_breakdown` draws).
    """
    out = []
    for s in result.sections:
        maxima = [
            i.maximum for i in result.items if i.section == s.id and i.applicable and i.maximum is not None
        ]
        out.append((s.id, s.title, s.points, sum(maxima, Decimal(0)) if maxima else None, s.bonus))
    return tuple(out)


def _ascii(text: str, fallback: str) -> str:
    return text if text.isascii() else fallback


def _auto_chinese() -> bool:
    """``labels="auto"``: English when English is set (``zwgk.language``, ``set_language``,
    ``ZWGK_LANG``); otherwise Chinese when a CJK font is installed (as the other plots)."""
    if _lang.requested()[1] != "default" and resolve(None) == "en":
        return False
    return use_chinese("auto")


def plot_score_breakdown(result: ScoreResult, *, labels: Labels = "auto") -> Any:
    """A score breakdown by section: the points gained against the maximum, one bar pair each.

    Grey bars are the section maxima (see `section_breakdown`), coloured bars the
    points (bonus sections in orange); each bar is labelled ``points/maximum``.  With
    ``labels="auto"`` the labels follow the language set (``zwgk.language``,
    ``set_language``, ``ZWGK_LANG``): English (the sections' ids) when it is English,
    otherwise Chinese (the section titles) when a CJK font is installed, else English.

    Args:
        result: the score result.
        labels: ``"auto"``, ``"zh"`` (section titles, needs a CJK font) or ``"en"`` (ids).

    Returns:
        A matplotlib ``Figure`` (not shown; call ``savefig``).

    Raises:
        zwgk.errors.InvalidInputError: ``labels`` is not one of the three values.
        zwgk.errors.MissingExtraError: matplotlib is not installed.
    """

    figure_cls = figure_class()
    chinese = _auto_chinese() if labels == "auto" else use_chinese(labels)
    lang: Language = "zh" if chinese else "en"
    family = cjk_fonts() if chinese else ["DejaVu Sans"]
    sections = section_breakdown(result)
    fig = figure_cls(figsize=(max(5.0, 1.3 * len(sections) + 2), 4), layout="constrained")
    ax = fig.add_subplot()
    xs = list(range(len(sections)))
    names = [
        title if chinese else _ascii(sid, f"S{n + 1}") for n, (sid, title, *_rest) in enumerate(sections)
    ]
    maxima = [float(m) if m is not None else 0.0 for _, _, _, m, _ in sections]
    points = [float(p) for _, _, p, _, _ in sections]
    colours = ["#ff7f0e" if bonus else "#1f77b4" for *_rest, bonus in sections]
    ax.bar(xs, maxima, width=0.7, color="#d9d9d9", label=gettext("maximum", lang))
    ax.bar(xs, points, width=0.45, color=colours, label=gettext("points", lang))
    for x, (_, _, p, m, _) in zip(xs, sections, strict=True):
        ax.annotate(
            f"{_pts(p)}/{_pts(m)}",
            (x, max(float(p), float(m or 0))),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            fontsize=8,
        )
    top = max([*maxima, *points, 1.0])
    ax.set_ylim(0, top * 1.25)
    ax.set_xticks(xs, names, family=family)
    ax.set_ylabel(gettext("points scored", lang), family=family)
    card = result.card_title if chinese else _ascii(result.card, "score")
    unit = result.unit if chinese else _ascii(result.unit, "")
    ax.set_title(
        f"{unit + ' — ' if unit else ''}{card}: {_pts(result.total)}/{_pts(result.maximum)}",
        family=family,
    )
    legend_outside(ax, family=family)
    return fig


# ----------------------------------------------------------------------------- the hook

_PRESENTERS: Mapping[tuple[type, str], Callable[..., Any]] = types.MappingProxyType(
    {
        (ScoreResult, "repr"): score_repr,
        (ScoreResult, "html"): score_html,
        (ScoreResult, "frame"): score_frame,
        (ScoreResult, "plot"): plot_score_breakdown,
        (ScoreResult, "xlsx"): score_xlsx,
        (CombinedResult, "repr"): combined_repr,
        (CombinedResult, "html"): combined_html,
        (CombinedResult, "frame"): combined_frame,
        (Ranking, "repr"): ranking_repr,
        (Ranking, "html"): lambda r: rankings_html((r,)),
        (Ranking, "frame"): lambda r: rankings_to_frame((r,)),
        (WhatIf, "repr"): what_if_repr,
        (WhatIf, "html"): what_if_html,
        (WhatIf, "frame"): what_if_frame,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a scoring value as ``what`` (``"repr"``, ``"html"``, ``"frame"`` or ``"plot"``).

    Called by `zwgk._present.present` for the value types' ``__repr__``,
    ``_repr_html_``, ``to_frame()`` and ``plot()``; ``options`` go to the renderer
    (``labels=`` for plots).

    Raises:
        zwgk.errors.UnknownNameError: The value's type has no such presentation.
    """
    render = _PRESENTERS.get((type(value), what))
    if render is None:
        known = sorted(w for t, w in _PRESENTERS if t is type(value))
        raise UnknownNameError(f"presentation of {type(value).__name__}", what, known)
    return render(value, **options)
