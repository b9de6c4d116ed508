"""The 通报 (bulletin) and results-sheet contents, shared by the Markdown presentation and the
DOCX/XLSX writers: plain data, no drawing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from zwgk.rounds._designation import Decision
from zwgk.rounds._rounds import Rounds, points_text
from zwgk.scoring import ScoreResult

__all__ = [
    "RESULT_HEADERS",
    "Bulletin",
    "bulletin_parts",
    "change_since_previous",
    "period_text",
    "result_rows",
    "signed",
    "verdict",
]

RESULT_HEADERS = ("考核期", "名次", "单位", "得分", "满分", "等次", "结论", "较上期")


_QUARTER = re.compile(r"^(\d{4})\s*-?Q([1-4])$")
_HALF = re.compile(r"^(\d{4})\s*-?H([12])$")


def period_text(period: str) -> str:
    """A period label as written in a 通报: ``2026`` → 2026年, ``2026Q2`` → 2026年第二季度,
    ``2026H1`` → 2026年上半年; other labels as they are."""
    if re.fullmatch(r"\d{4}", period):
        return f"{period}年"
    quarter = _QUARTER.match(period)
    if quarter:
        return f"{quarter.group(1)}年第{'一二三四'[int(quarter.group(2)) - 1]}季度"
    half = _HALF.match(period)
    if half:
        return f"{half.group(1)}年{'上下'[int(half.group(2)) - 1]}半年"
    return period


def verdict(result: ScoreResult) -> str:
    """否决（不合格）, 通过, 未通过 — or 无及格线 when the card states no pass mark."""
    if result.vetoes:
        return "否决（不合格）"
    if not result.passed:
        return "未通过"
    return "通过" if result.pass_mark is not None else "无及格线"


def change_since_previous(rounds: Rounds, period: str, unit: str) -> Decimal | None:
    trend = rounds.trend(unit, until=period)
    return trend.change if trend.latest == period else None


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = points_text(value)
    return text if value <= 0 else f"+{text}"


def result_rows(rounds: Rounds, periods: Sequence[str] | None = None) -> list[tuple[object, ...]]:
    """Rows of the results sheet (headers `RESULT_HEADERS`), period by period in rank
    order: period, rank, unit, total and maximum (``Decimal``), grade, verdict, change."""
    rows: list[tuple[object, ...]] = []
    for rnd in rounds.rounds:
        if periods is not None and rnd.period not in periods:
            continue
        for place in rnd.ranking:
            r = place.result
            assert isinstance(r, ScoreResult)
            rows.append(
                (
                    rnd.period,
                    place.rank,
                    r.unit,
                    r.total,
                    r.maximum,
                    r.grade or "",
                    verdict(r),
                    signed(change_since_previous(rounds, rnd.period, r.unit)),
                )
            )
    return rows


@attrs.frozen
class Bulletin:
    """The parts of a 通报: ``title``, ``intro`` paragraph, the ranking ``table`` (headers,
    rows), per-unit ``lost`` lines (items that lost points since the previous round) and
    the ``decisions`` lines."""

    title: str
    intro: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lost: tuple[str, ...]
    decisions: tuple[str, ...]


def bulletin_parts(rounds: Rounds, period: str | None = None, decisions: Sequence[Decision] = ()) -> Bulletin:
    """The 通报 of ``period`` (default: the last round)."""
    rnd = rounds.round(period) if period is not None else rounds.rounds[-1]
    headers = ("名次", "单位", "得分", "等次", "结论", "较上期")
    rows = tuple(
        (str(row[1]), str(row[2]), points_text(row[3]), str(row[5]) or "—", str(row[6]), str(row[7]))  # type: ignore[arg-type]
        for row in result_rows(rounds, [rnd.period])
    )
    lost: list[str] = []
    for place in rnd.ranking:
        trend = rounds.trend(place.result.unit, until=rnd.period)
        if trend.latest == rnd.period and trend.lost:
            items = "；".join(
                f"第{c.item}项 {points_text(c.before)}→{points_text(c.after)}（{signed(c.delta)}）"
                for c in trend.lost
            )
            lost.append(f"{trend.unit}（与{period_text(trend.previous or '')}相比）：{items}")
    intro = (
        f"依据《{rounds.card_title}》，对{len(rnd.results)}个单位{period_text(rnd.period)}政务公开工作进行了考核，"
        "现将结果通报如下。"
    )
    return Bulletin(
        title=f"{period_text(rnd.period)}政务公开考核结果通报",
        intro=intro,
        headers=headers,
        rows=rows,
        lost=tuple(lost),
        decisions=tuple(d.explanation for d in decisions if d.at == rnd.period),
    )
