"""Notebook displays, DataFrames and the breakdown plot of scoring results (issue 7 §2–3)."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from typing import Any

import pytest
from tests.support import hide_package

import zwgk
from zwgk.errors import CJKFontMissingWarning, InvalidInputError, MissingExtraError
from zwgk.scoring import (
    Card,
    ScoreResult,
    combine,
    rank,
    rankings_html,
    rankings_to_frame,
    results_to_frame,
    score,
    what_if,
)
from zwgk.scoring._display import plot_score_breakdown, section_breakdown

D = Decimal


def _body_rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body)


def _cells(row: str) -> list[str]:
    return re.findall(r"<td>(.*?)</td>", row)


def _hide(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    hide_package(monkeypatch, package)


# ----------------------------------------------------------------------------- ScoreResult


def test_score_repr_is_one_readable_line(result: ScoreResult) -> None:
    # 7 (10 − 3) + 0 (no guide) + bonus 2 × 2 = 11 of a base maximum of 20.
    assert repr(result) == "<ScoreResult display-test 甲局: 11/20, no pass mark, 3 items>"


def test_score_html_has_one_escaped_row_per_item_with_reasons(result: ScoreResult) -> None:
    with zwgk.language("zh"):
        page = result._repr_html_()
    rows = [_cells(r) for r in _body_rows(page)]
    assert rows == [
        ["公开内容", "1", "信息更新及时", "7", "10", "-3 更新不及时 &lt;扣3分&gt; &amp; 通报"],
        ["公开内容", "2", "办事指南齐全", "0", "10", "-10 无办事指南"],
        ["奖励加分", "3", "工作创新", "4", "—", "+4 每项创新加2分（2次）"],
    ]
    assert "<b>展示测试卡 &lt;测试&gt;</b>" in page
    assert "总分 <b>11</b> / 20（其中加分 4）" in page
    assert "<扣3分>" not in page
    assert "<测试>" not in page


def test_score_html_lists_missing_evidence_and_escapes_the_unit(card: Card) -> None:
    lenient = score(card, {"late": False}, lenient=True, unit="<乙>")
    with zwgk.language("zh"):
        page = lenient._repr_html_()
    assert page.startswith("<div class='zwgk-score'><p>&lt;乙&gt; — ")
    assert "<li>缺少证据（按0分计）：good、guide</li>" in page


def test_score_to_frame_has_one_row_per_item(result: ScoreResult) -> None:
    with zwgk.language("zh"):
        frame = result.to_frame()
    assert list(frame.columns) == [
        "section", "item", "title", "maximum", "points", "applicable", "bonus", "adjustments",
    ]  # fmt: skip
    assert list(frame["item"]) == ["1", "2", "3"]
    assert list(frame["points"]) == [D(7), D(0), D(4)]
    assert frame["maximum"].iloc[0] == D(10)
    assert frame["maximum"].iloc[2] is None
    assert list(frame["bonus"]) == [False, False, True]
    assert list(frame["adjustments"]) == [
        "-3 更新不及时 <扣3分> & 通报",
        "-10 无办事指南",
        "+4 每项创新加2分（2次）",
    ]


def test_score_to_frame_agrees_with_results_to_frame(result: ScoreResult) -> None:
    many = results_to_frame([result, result])
    assert list(many.columns) == [
        "unit", "card", "section", "item", "title", "maximum", "points", "applicable", "bonus",
        "total", "grade", "passed",
    ]  # fmt: skip
    assert len(many) == 6
    one = result.to_frame()
    shared = ["section", "item", "title", "maximum", "points", "applicable", "bonus"]
    assert one[shared].equals(many[shared].iloc[:3].reset_index(drop=True))


def test_score_to_frame_without_pandas(monkeypatch: pytest.MonkeyPatch, result: ScoreResult) -> None:
    _hide(monkeypatch, "pandas")
    with pytest.raises(MissingExtraError) as info:
        result.to_frame()
    assert info.value.extra == "pandas"


# ----------------------------------------------------------------------------- combined, ranking, what-if


def test_combined_result_displays(result: ScoreResult, card: Card) -> None:
    other = score(card, {"late": False, "guide": True, "good": 0}, unit="甲局")  # 20
    combined = combine([(result, "0.6"), (other, "0.4")], title="表一×60%+表二×40%")
    # 11 × 0.6 + 20 × 0.4 = 6.6 + 8 = 14.6
    assert repr(combined) == (
        "<CombinedResult 表一×60%+表二×40% 甲局: 14.6 = display-test×0.6 + display-test×0.4, no pass mark>"
    )
    rows = [_cells(r) for r in _body_rows(combined._repr_html_())]
    assert [r[1:4] for r in rows] == [["11", "0.6", "6.6"], ["20", "0.4", "8"]]
    frame = combined.to_frame()
    assert list(frame.columns) == [
        "card",
        "card_title",
        "unit",
        "total",
        "weight",
        "contribution",
        "grade",
        "passed",
    ]
    assert list(frame["contribution"]) == [D("6.6"), D("8.0")]
    assert sum(frame["contribution"]) == combined.total


def test_ranking_displays_one_row_per_unit(card: Card) -> None:
    evidence = {
        "A局": (False, True, 0),
        "B局": (True, True, 0),
        "C局": (True, True, 0),
        "D<局>": (True, False, 0),
    }
    results = [
        score(card, {"late": late, "guide": guide, "good": good}, unit=unit)
        for unit, (late, guide, good) in evidence.items()
    ]
    ranking = rank(results)
    frame = rankings_to_frame(ranking)
    # totals 20, 17, 17, 7: tied totals share rank 2, the next rank is 4.
    assert list(frame["rank"]) == [1, 2, 2, 4]
    assert list(frame["unit"]) == ["A局", "B局", "C局", "D<局>"]
    assert list(frame["total"]) == [D(20), D(17), D(17), D(7)]
    rows = [_cells(r) for r in _body_rows(rankings_html(ranking))]
    assert [r[:2] for r in rows] == [["1", "A局"], ["2", "B局"], ["2", "C局"], ["4", "D&lt;局&gt;"]]
    assert repr(ranking[1]) == "<Ranking 2: B局 17>"
    assert len(_body_rows(ranking[3]._repr_html_())) == 1
    assert ranking[3].to_frame().to_dict("records")[0]["total"] == D(7)


def test_what_if_displays_one_row_per_changed_item(card: Card) -> None:
    change = what_if(card, {"late": True, "guide": False, "good": 2}, "guide", True)
    assert repr(change) == "<WhatIf guide: False → True: 11 → 21 (+10), 1 item changed>"
    frame = change.to_frame()
    assert frame.to_dict("records") == [
        {"item": "2", "title": "办事指南齐全", "before": D(0), "after": D(10), "delta": D(10)}
    ]
    assert [_cells(r) for r in _body_rows(change._repr_html_())] == [["2", "办事指南齐全", "0", "10", "+10"]]


# ----------------------------------------------------------------------------- plot


def test_section_breakdown_sums_item_maxima(result: ScoreResult) -> None:
    assert section_breakdown(result) == (
        ("content", "公开内容", D(7), D(20), False),
        ("bonus", "奖励加分", D(4), None, True),
    )


EN_TITLE = "display-test: 11/20"
ZH_TITLE = "甲局 — 展示测试卡 <测试>: 11/20"


@pytest.mark.parametrize("labels", ["en", "auto"])
def test_plot_score_breakdown_draws_points_against_maxima(
    result: ScoreResult, labels: str, cjk_labels: str, tmp_path: Any
) -> None:
    fig = plot_score_breakdown(result, labels=labels)  # type: ignore[arg-type]
    ax = fig.axes[0]
    heights = [p.get_height() for p in ax.patches]
    assert heights == [20.0, 0.0, 7.0, 4.0]  # maxima bars, then points bars
    assert [t.get_text() for t in ax.texts] == ["7/20", "4/—"]
    chinese = labels == "auto" and cjk_labels == "zh"  # auto: Chinese exactly when a CJK font is found
    names = ["公开内容", "奖励加分"] if chinese else ["content", "bonus"]
    assert [t.get_text() for t in ax.get_xticklabels()] == names
    assert ax.get_title() == (ZH_TITLE if chinese else EN_TITLE)
    fig.savefig(tmp_path / "breakdown.png")  # draws without missing-glyph warnings (they are errors)
    assert (tmp_path / "breakdown.png").stat().st_size > 0
    assert result.plot(labels="en").axes[0].get_title() == EN_TITLE


def test_plot_in_chinese_uses_the_section_titles(result: ScoreResult, cjk_font: str, tmp_path: Any) -> None:
    fig = plot_score_breakdown(result, labels="zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["公开内容", "奖励加分"]
    assert ax.get_title() == ZH_TITLE
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["满分", "得分"]
    assert ax.get_ylabel() == "分"
    fig.savefig(tmp_path / "breakdown.png")  # every Chinese text is drawn in the CJK font: no warning


def test_plot_in_chinese_without_a_cjk_font_warns_and_uses_english(
    result: ScoreResult, no_cjk_font: None
) -> None:
    pytest.importorskip("matplotlib")
    with pytest.warns(CJKFontMissingWarning, match="fonts-noto-cjk"):
        fig = plot_score_breakdown(result, labels="zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["content", "bonus"]
    assert ax.get_title() == EN_TITLE


def test_plot_labels_choice_and_missing_matplotlib(
    result: ScoreResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(InvalidInputError, match="'auto', 'zh' or 'en'"):
        plot_score_breakdown(result, labels="fr")  # type: ignore[arg-type]
    _hide(monkeypatch, "matplotlib")
    with pytest.raises(MissingExtraError) as info:
        result.plot()
    assert info.value.extra == "plot"


def test_import_scoring_stays_light() -> None:
    code = (
        "import sys, zwgk.scoring\n"
        "print(','.join(m for m in ('pydantic', 'pandas', 'matplotlib', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
