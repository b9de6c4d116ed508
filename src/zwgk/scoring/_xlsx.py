"""Score results and rankings as official XLSX files (the package's output module).

Through the shared writer `zwgk._xlsx_out` (Chinese headers, frozen header row, widths,
formula-safe text); openpyxl is imported only when a workbook is made (extra ``zwgk[xlsx]``).
"""

from __future__ import annotations

from collections.abc import Iterable

from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.scoring._render import reason_lines
from zwgk.scoring._result import CombinedResult, ItemResult, Ranking, ScoreResult

__all__ = ["RANKING_HEADERS", "SCORE_HEADERS", "rankings_xlsx", "score_xlsx"]


def adjustment_reasons(item: ItemResult) -> str:
    """``+1 reason`` lines of the item's adjustments except the starting points, one per line,
    in Chinese: the workbook is the official form (Chinese headers), whatever the language set."""
    return "\n".join(reason_lines(item.adjustments, "zh"))


def result_title(result: ScoreResult | CombinedResult) -> str:
    """The card's title, or the combination's."""
    return result.card_title if isinstance(result, ScoreResult) else result.title


#: Chinese headers of `score_xlsx` (得分明细) and `rankings_xlsx` (排名).
SCORE_HEADERS = ("部分", "编号", "考核内容", "分值", "得分", "加分项", "扣分和加分说明")
RANKING_HEADERS = ("名次", "单位", "评分表", "得分", "结论", "否决事项")


def _pass_text(result: ScoreResult | CombinedResult) -> str:
    return "合格" if result.passed else "不合格"


def score_xlsx(result: ScoreResult) -> bytes:
    """A score result as an XLSX workbook (the ``xlsx`` extra): sheet 得分明细, one row per item
    (points as exact numbers, 不适用 for items that do not apply), then a 合计 row."""
    rows: list[tuple[object, ...]] = [
        (
            i.section,
            i.item,
            i.title,
            i.maximum,
            i.points if i.applicable else "不适用",
            "是" if i.bonus else "",
            adjustment_reasons(i),
        )
        for i in result.items
    ]
    rows.append(
        (
            "合计",
            "",
            f"{result.unit} {result_title(result)}".strip(),
            result.maximum,
            result.total,
            "",
            result.grade or _pass_text(result),
        )
    )
    return workbook_bytes([Sheet("得分明细", SCORE_HEADERS, rows)])


def rankings_xlsx(rankings: Iterable[Ranking]) -> bytes:
    """A ranking (the tuple [`zwgk.scoring.rank`][] returns) as an XLSX workbook (sheet 排名)."""
    rows = [
        (
            r.rank,
            r.result.unit,
            result_title(r.result),
            r.result.total,
            _pass_text(r.result),
            "；".join(r.result.vetoes),
        )
        for r in rankings
    ]
    return workbook_bytes([Sheet("排名", RANKING_HEADERS, rows)])
