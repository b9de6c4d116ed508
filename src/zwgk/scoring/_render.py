"""Reports of results for people (text, Markdown), systems (JSON) and analysts (pandas).

These are verbs over results, not presentation hooks: no value type reaches this module.
`zwgk.scoring._display` (the one module value types reach, through
`zwgk._present.present`) builds on its text helpers; this module never imports it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from zwgk._display import md_cell
from zwgk._i18n import Language, Message, gettext, msg, resolve
from zwgk._lang import N_
from zwgk._optional import import_extra
from zwgk.scoring._result import Adjustment, CombinedResult, ScoreResult
from zwgk.scoring._result_json import points_text
from zwgk.scoring._texts import heading, listing, not_applicable

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "adjustment_line",
    "has_pass_mark",
    "missing_line",
    "points_text",
    "reason_lines",
    "render_markdown",
    "render_text",
    "result_to_dict",
    "results_to_frame",
    "signed_text",
    "total_message",
    "verdict_line",
    "verdict_text",
    "veto_line",
]


def signed_text(value: Decimal) -> str:
    """Points with their sign (``"+2"``, ``"-1.5"``, ``"+0"``)."""
    text = points_text(value)
    return text if value < 0 else f"+{text}"


def result_to_dict(result: ScoreResult | CombinedResult) -> dict[str, Any]:
    """A JSON-ready dict of a result (``result.to_dict()``): points as decimal strings, dates as ISO text.

    Decimal strings keep the value exact for other systems (``"87.5"``, never ``87.49999``).
    """
    return result.to_dict()


def has_pass_mark(result: ScoreResult | CombinedResult) -> bool:
    """Whether the card (for a combination: any part's card) states a pass mark."""
    if isinstance(result, CombinedResult):
        return any(p.result.pass_mark is not None for p in result.parts)
    return result.pass_mark is not None


def verdict_text(result: ScoreResult | CombinedResult, lang: Language | None = None) -> str:
    """The verdict in ``lang``: vetoed (否决（不合格）), passed (通过), not passed (未通过), or
    no pass mark (无及格线) when the card states none.

    A card without a pass mark (all three 开福区 2013 tables) has no threshold to pass, so a
    unit without vetoes is reported as having no pass mark, never as passed.
    """
    if result.vetoes:
        return gettext("vetoed (failed)", lang)
    if not result.passed:
        return gettext("not passed", lang)
    return gettext("passed", lang) if has_pass_mark(result) else gettext("no pass mark", lang)


def total_message(result: ScoreResult, total: str) -> Message:
    """``total 80 / 100`` with the bonus note (``total``: the total as shown, e.g. marked up)."""
    maximum = points_text(result.maximum)
    if not result.bonus:
        return msg("total {total} / {maximum}", total=total, maximum=maximum)
    bonus = points_text(result.bonus)
    if result.bonus_counted:
        return msg(
            "total {total} / {maximum} (bonus {bonus} included)", total=total, maximum=maximum, bonus=bonus
        )
    return msg(
        "total {total} / {maximum} (bonus {bonus}, not counted)", total=total, maximum=maximum, bonus=bonus
    )


def verdict_line(result: ScoreResult | CombinedResult, lang: Language) -> str:
    """``verdict: passed; grade 优秀`` (the grade is the card's label)."""
    verdict = verdict_text(result, lang)
    grade = result.grade if isinstance(result, ScoreResult) else None
    if grade:
        return msg("verdict: {verdict}; grade {grade}", verdict=verdict, grade=grade).render(lang)
    return msg("verdict: {verdict}", verdict=verdict).render(lang)


def veto_line(reason: str, lang: Language) -> str:
    """One veto that holds, with the card's reason."""
    return msg("veto: {reason}", reason=reason).render(lang)


def adjustment_line(adjustment: Adjustment, lang: Language) -> str:
    """A card-level adjustment of the total (rescale, bonus gate)."""
    return msg(
        "total adjusted {points}: {reason}",
        points=signed_text(adjustment.points),
        reason=adjustment.reason_in(lang),
    ).render(lang)


def missing_line(keys: tuple[str, ...], lang: Language) -> str:
    """The evidence keys missing in lenient mode."""
    return msg("evidence missing (scored 0): {keys}", keys=listing(keys)).render(lang)


def reason_lines(adjustments: Iterable[Adjustment], lang: Language) -> list[str]:
    """``+1 reason`` lines of every adjustment except the starting points."""
    return [f"{signed_text(a.points)} {a.reason_in(lang)}" for a in adjustments if a.kind != "start"]


def _header(result: ScoreResult, lang: Language) -> list[str]:
    unit = f"{result.unit} — " if result.unit else ""
    lines = [
        f"{unit}{result.card_title}",
        total_message(result, points_text(result.total)).render(lang),
        verdict_line(result, lang),
    ]
    lines.extend(veto_line(v, lang) for v in result.vetoes)
    lines.extend(adjustment_line(a, lang) for a in result.adjustments)
    if result.missing:
        lines.append(missing_line(result.missing, lang))
    return lines


def _combined_header(result: CombinedResult, lang: Language) -> list[str]:
    unit = f"{result.unit} — " if result.unit else ""
    terms = " + ".join(f"{points_text(p.result.total)}×{points_text(p.weight)}" for p in result.parts)
    lines = [
        f"{unit}{result.title}",
        msg("weighted total {total} = {terms}", total=points_text(result.total), terms=terms).render(lang),
        verdict_line(result, lang),
    ]
    lines.extend(veto_line(v, lang) for v in result.vetoes)
    return lines


def render_text(result: ScoreResult | CombinedResult, lang: Language | None = None) -> str:
    """A plain-text report in ``lang`` (default: the current language): header, then one line
    per item followed by its adjustments.

    For a [`CombinedResult`][zwgk.scoring.CombinedResult]: the weighted total and each part's contribution,
    then the report of every part.  The card's own texts (titles, reasons) are quoted as
    the card words them.

    Raises:
        zwgk.errors.UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
    """
    lang = resolve(lang)
    if isinstance(result, CombinedResult):
        head = "\n".join(
            [
                *_combined_header(result, lang),
                *(
                    msg(
                        "{title}: {total} × {weight} = {contribution} ({verdict})",
                        title=p.result.card_title,
                        total=points_text(p.result.total),
                        weight=points_text(p.weight),
                        contribution=points_text(p.contribution),
                        verdict=verdict_text(p.result, lang),
                    ).render(lang)
                    for p in result.parts
                ),
            ]
        )
        parts = "\n".join(
            msg(
                "== {card} (weight {weight}: {contribution} points)",
                card=p.result.card,
                weight=points_text(p.weight),
                contribution=points_text(p.contribution),
            ).render(lang)
            + "\n"
            + render_text(p.result, lang)
            for p in result.parts
        )
        return f"{head}\n\n{parts}"
    lines = _header(result, lang)
    lines.append("")
    for item in result.items:
        shown = (
            not_applicable(lang)
            if not item.applicable
            else f"{points_text(item.points)}/{points_text(item.maximum)}"
        )
        lines.append(f"{item.item:>4}  {shown:>9}  {item.title}")
        lines.extend(
            f"{'':>4}  {signed_text(a.points):>9}  {a.reason_in(lang)}"
            for a in item.adjustments
            if a.kind != "start"
        )
    return "\n".join(lines) + "\n"


_cell = md_cell  # pipes, line breaks and the backslashes before pipes escaped (zwgk._display)


def _md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_markdown(result: ScoreResult | CombinedResult, lang: Language | None = None) -> str:
    """A Markdown report in ``lang`` (default: the current language): a header list and a
    table of items with their adjustments.

    For a [`CombinedResult`][zwgk.scoring.CombinedResult]: the weighted total, a table of the parts, then the
    report of every part.

    Raises:
        zwgk.errors.UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
    """
    lang = resolve(lang)
    if isinstance(result, CombinedResult):
        head = _combined_header(result, lang)
        lines = [f"## {_cell(head[0])}", "", *(f"- {_cell(h)}" for h in head[1:]), ""]
        lines.append(
            _md_row(heading(k, lang) for k in ("card", "points", "weight", "contribution", "verdict"))
        )
        lines.append("|---|---|---|---|---|")
        lines.extend(
            f"| {_cell(p.result.card_title)} | {points_text(p.result.total)} | {points_text(p.weight)} "
            f"| {points_text(p.contribution)} | {verdict_text(p.result, lang)} |"
            for p in result.parts
        )
        lines.append(f"| {heading('total', lang)} | | | {points_text(result.total)} | |")
        return "\n".join(lines) + "\n\n" + "\n".join(render_markdown(p.result, lang) for p in result.parts)
    head = _header(result, lang)
    lines = [f"### {_cell(head[0])}", "", *(f"- {_cell(h)}" for h in head[1:]), ""]
    lines.append(_md_row(heading(k, lang) for k in ("no", "item", "value", "points", "adjustments")))
    lines.append("|---|---|---|---|---|")
    for item in result.items:
        adjustments = "<br>".join(_cell(line) for line in reason_lines(item.adjustments, lang))
        points = not_applicable(lang) if not item.applicable else points_text(item.points)
        lines.append(
            f"| {item.item} | {_cell(item.title)} | {points_text(item.maximum)} | {points} | {adjustments} |"
        )
    return "\n".join(lines) + "\n"


def results_to_frame(results: Iterable[ScoreResult]) -> pd.DataFrame:
    """One row per result and item, for analysts (needs the ``pandas`` extra).

    Columns: ``unit``, ``card``, ``section``, ``item``, ``title``, ``maximum``, ``points``,
    ``applicable``, ``bonus``, ``total``, ``grade``, ``passed``.  Points stay exact
    `Decimal` values (``object`` dtype); convert them yourself if you
    want floats.

    Raises:
        zwgk.errors.MissingExtraError: pandas is not installed.
    """
    pd_module = import_extra("pandas", "pandas", N_("results_to_frame"))
    rows = [
        {
            "unit": r.unit,
            "card": r.card,
            "section": i.section,
            "item": i.item,
            "title": i.title,
            "maximum": i.maximum,
            "points": i.points,
            "applicable": i.applicable,
            "bonus": i.bonus,
            "total": r.total,
            "grade": r.grade,
            "passed": r.passed,
        }
        for r in results
        for i in r.items
    ]
    columns = [
        "unit",
        "card",
        "section",
        "item",
        "title",
        "maximum",
        "points",
        "applicable",
        "bonus",
        "total",
        "grade",
        "passed",
    ]
    frame: pd.DataFrame = pd_module.DataFrame(rows, columns=columns)
    return frame
