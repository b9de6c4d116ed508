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
from zwgk._optional import import_extra
from zwgk.scoring._result import CombinedResult, ScoreResult
from zwgk.scoring._result_json import points_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "has_pass_mark",
    "points_text",
    "render_markdown",
    "render_text",
    "result_to_dict",
    "results_to_frame",
    "signed_text",
    "verdict_text",
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


def verdict_text(result: ScoreResult | CombinedResult) -> str:
    """The verdict in Chinese: 否决（不合格）, 通过, 未通过, or 无及格线 when the card states no pass mark.

    A card without a pass mark (all three 开福区 2013 tables) has no threshold to pass, so a
    unit without vetoes is reported as 无及格线, never as 通过.
    """
    if result.vetoes:
        return "否决（不合格）"
    if not result.passed:
        return "未通过"
    return "通过" if has_pass_mark(result) else "无及格线"


def _header(result: ScoreResult) -> list[str]:
    unit = f"{result.unit} — " if result.unit else ""
    lines = [
        f"{unit}{result.card_title}",
        f"总分 {points_text(result.total)} / {points_text(result.maximum)}"
        + (
            f"（其中加分 {points_text(result.bonus)}{'' if result.bonus_counted else '，不计入'}）"
            if result.bonus
            else ""
        ),
        f"结论 {verdict_text(result)}" + (f"；等次 {result.grade}" if result.grade else ""),
    ]
    lines.extend(f"否决 {v}" for v in result.vetoes)
    lines.extend(f"总分调整 {signed_text(a.points)} {a.reason}" for a in result.adjustments)
    if result.missing:
        lines.append(f"缺少证据（按0分计）：{'、'.join(result.missing)}")
    return lines


def _combined_header(result: CombinedResult) -> list[str]:
    unit = f"{result.unit} — " if result.unit else ""
    terms = " + ".join(f"{points_text(p.result.total)}×{points_text(p.weight)}" for p in result.parts)
    lines = [
        f"{unit}{result.title}",
        f"加权总分 {points_text(result.total)} = {terms}",
        f"结论 {verdict_text(result)}",
    ]
    lines.extend(f"否决 {v}" for v in result.vetoes)
    return lines


def render_text(result: ScoreResult | CombinedResult) -> str:
    """A plain-text report: header, then one line per item followed by its adjustments.

    For a [`CombinedResult`][zwgk.scoring.CombinedResult]: the weighted total and each part's contribution,
    then the report of every part.
    """
    if isinstance(result, CombinedResult):
        head = "\n".join(
            [
                *_combined_header(result),
                *(
                    f"{p.result.card_title}：{points_text(p.result.total)} × {points_text(p.weight)} "
                    f"= {points_text(p.contribution)}（{verdict_text(p.result)}）"
                    for p in result.parts
                ),
            ]
        )
        parts = "\n".join(
            f"== {p.result.card}（权重 {points_text(p.weight)}，计 {points_text(p.contribution)} 分）\n"
            + render_text(p.result)
            for p in result.parts
        )
        return f"{head}\n\n{parts}"
    lines = _header(result)
    lines.append("")
    for item in result.items:
        shown = "不适用" if not item.applicable else f"{points_text(item.points)}/{points_text(item.maximum)}"
        lines.append(f"{item.item:>4}  {shown:>9}  {item.title}")
        lines.extend(
            f"{'':>4}  {signed_text(a.points):>9}  {a.reason}" for a in item.adjustments if a.kind != "start"
        )
    return "\n".join(lines) + "\n"


_cell = md_cell  # pipes, line breaks and the backslashes before pipes escaped (zwgk._display)


def render_markdown(result: ScoreResult | CombinedResult) -> str:
    """A Markdown report: a header list and a table of items with their adjustments.

    For a [`CombinedResult`][zwgk.scoring.CombinedResult]: the weighted total, a table of the parts, then the
    report of every part.
    """
    if isinstance(result, CombinedResult):
        head = _combined_header(result)
        lines = [f"## {_cell(head[0])}", "", *(f"- {_cell(h)}" for h in head[1:]), ""]
        lines.append("| 考核表 | 得分 | 权重 | 折算得分 | 结论 |")
        lines.append("|---|---|---|---|---|")
        lines.extend(
            f"| {_cell(p.result.card_title)} | {points_text(p.result.total)} | {points_text(p.weight)} "
            f"| {points_text(p.contribution)} | {verdict_text(p.result)} |"
            for p in result.parts
        )
        lines.append(f"| 合计 | | | {points_text(result.total)} | |")
        return "\n".join(lines) + "\n\n" + "\n".join(render_markdown(p.result) for p in result.parts)
    head = _header(result)
    lines = [f"### {_cell(head[0])}", "", *(f"- {_cell(h)}" for h in head[1:]), ""]
    lines.append("| 序号 | 考核内容 | 分值 | 得分 | 扣分/加分 |")
    lines.append("|---|---|---|---|---|")
    for item in result.items:
        adjustments = "<br>".join(
            f"{signed_text(a.points)} {_cell(a.reason)}" for a in item.adjustments if a.kind != "start"
        )
        points = "不适用" if not item.applicable else points_text(item.points)
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
    pd_module = import_extra("pandas", "pandas", "results_to_frame")
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
