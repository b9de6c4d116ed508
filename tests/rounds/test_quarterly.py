"""Quarterly rounds of 表一 (季度动态考评) for two departments, and what the rounds produce:
the 通报 in Markdown and DOCX, the XLSX results sheet, frames and plots, bad tables.

2026 Q1 evidence is the golden "perfect" base of tests/scoring/golden/kaifu-2013-departments.toml
(100 each).  Q2 (2026-04-01..06-30, notice 国办发明电〔2025〕7号: 清明 4/4–4/6, 劳动节 5/1–5/5 with
Sat 5/9 working, 端午 6/19–6/21), updates 4/20, 5/15, 6/10, 6/30 → gaps in working days:
(4/1, 4/20] = 12; (4/20, 5/15] = 4/21–24 (4), 4/27–30 (8), 5/6–8 (11), Sat 5/9 (12), 5/11–15 (17) = 17;
(5/15, 6/10] = 5/18–22, 5/25–29, 6/1–5 (15), 6/8–10 (18) = 18; (6/10, 6/30] = 6/11–12 (2),
6/15–18 (6), 6/22–26 (11), 6/29–30 (13) = 13 — all ≤ 20: 区民政局 keeps 100.
区财政局 skips the 5/15 update: (4/20, 6/10] = 17 + 18 = 35 > 20 → item 6: 20 − 5 = 15; and
replies late → item 12: 5 − 5 = 0; total 90.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from zwgk.errors import InvalidRecordsError, UnknownNameError
from zwgk.rounds import score_rounds
from zwgk.rounds._table import cell_value
from zwgk.rounds.io import rows_from_frame, write_bulletin_docx, write_results_xlsx
from zwgk.scoring import load_card

BASE: dict[str, Any] = tomllib.loads(
    (Path(__file__).parents[1] / "scoring" / "golden" / "kaifu-2013-departments.toml").read_text(
        encoding="utf-8"
    )
)["base"]

Q2 = {"period_start": "2026-04-01", "period_end": "2026-06-30"}


def _rows() -> list[dict[str, object]]:
    q1 = [{"单位": u, "考核期": "2026Q1", **BASE} for u in ("区财政局", "区民政局")]
    q2_ok = {**BASE, **Q2, "update_dates": "2026-04-20、2026-05-15、2026-06-10、2026-06-30"}
    q2_bad = {**q2_ok, "update_dates": "2026-04-20, 2026-06-10, 2026-06-30", "replies_late": "是"}
    return [
        *q1,
        {"单位": "区民政局", "考核期": "2026Q2", **q2_ok},
        {"单位": "区财政局", "考核期": "2026Q2", **q2_bad},
    ]


@pytest.fixture(scope="module")
def rounds():  # type: ignore[no-untyped-def]
    return score_rounds(load_card("kaifu-2013-departments"), _rows())


def test_quarters_ranked_and_trend(rounds) -> None:  # type: ignore[no-untyped-def]
    q1 = [(p.rank, p.result.unit, p.result.total) for p in rounds.round("2026Q1").ranking]
    assert q1 == [(1, "区民政局", 100), (1, "区财政局", 100)]  # tie: by label, 民 < 财
    q2 = [(p.rank, p.result.unit, p.result.total) for p in rounds.round("2026Q2").ranking]
    assert q2 == [(1, "区民政局", 100), (2, "区财政局", 90)]
    trend = rounds.trend("区财政局")
    assert trend.change == -10
    assert [(c.item, c.before, c.after) for c in trend.lost] == [("6", 20, 15), ("12", 5, 0)]
    assert rounds.trend("区民政局").lost == ()


def test_bulletin_markdown(rounds) -> None:  # type: ignore[no-untyped-def]
    text = rounds.bulletin_markdown(lang="zh")
    assert text.startswith("# 2026年第二季度政务公开考核结果通报\n")
    assert "对2个单位2026年第二季度政务公开工作进行了考核" in text
    assert "| 1 | 区民政局 | 100 | — | 无及格线 | 0 |" in text
    assert "| 2 | 区财政局 | 90 | — | 无及格线 | -10 |" in text
    assert "- 区财政局（与2026年第一季度相比）：第6项 20→15（-5）；第12项 5→0（-5）" in text
    assert "通过" not in text  # 表一 states no pass mark
    first = rounds.bulletin_markdown("2026Q1", lang="zh")
    assert "| 1 | 区财政局 | 100 | — | 无及格线 | — |" in first  # no previous round


def test_bulletin_docx(rounds, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docx = pytest.importorskip("docx")
    path = write_bulletin_docx(rounds, tmp_path / "通报.docx", issuer="开福区政务公开办", lang="zh")
    doc = docx.Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "2026年第二季度政务公开考核结果通报"
    assert "开福区政务公开办" in texts
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["名次", "单位", "得分", "等次", "结论", "较上期"]
    assert [c.text for c in table.rows[2].cells] == ["2", "区财政局", "90", "—", "无及格线", "-10"]


def test_results_xlsx_is_frozen_chinese_and_formula_safe(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    rows = _rows()
    rows[0] = {**rows[0], "单位": '=HYPERLINK("http://x")'}
    rounds = score_rounds(load_card("kaifu-2013-departments"), rows)
    path = write_results_xlsx(rounds, tmp_path / "结果.xlsx", lang="zh")
    ws = openpyxl.load_workbook(path).active
    assert [c.value for c in ws[1]] == ["考核期", "名次", "单位", "得分", "满分", "等次", "结论", "较上期"]
    assert ws.freeze_panes == "A2"
    cells = {ws.cell(r, 3).value: ws.cell(r, 3) for r in range(2, ws.max_row + 1)}
    evil = cells['=HYPERLINK("http://x")']
    assert evil.data_type == "s"
    assert ws.cell(2, 4).value == 100  # points are numbers


def test_frame_plot_and_html(rounds) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    frame = rounds.to_frame()
    assert list(frame.columns) == ["period", "rank", "unit", "total", "maximum", "grade", "verdict", "change"]
    assert frame["change"].iloc[-1] == Decimal(-10)
    assert "<table>" in rounds._repr_html_()
    pytest.importorskip("matplotlib")
    fig = rounds.plot(labels="en")
    assert len(fig.axes[0].lines) == 2


def test_dataframe_input(rounds) -> None:  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(_rows())
    again = score_rounds(load_card("kaifu-2013-departments"), rows_from_frame(frame))
    assert [r.total for r in again.round("2026Q2").results] == [100, 90]


def test_cells() -> None:
    import datetime as dt

    assert cell_value(float("nan")) is None
    assert cell_value(3.0) == 3
    assert cell_value(7.5) == Decimal("7.5")
    assert cell_value(dt.datetime(2026, 1, 2, 0, 0)) == dt.date(2026, 1, 2)
    assert cell_value("  ") is None


def test_bad_tables() -> None:
    card = load_card("kaifu-2013-departments")
    rows = _rows()
    with pytest.raises(InvalidRecordsError) as info:
        score_rounds(
            card,
            [
                *rows,
                rows[0],
                {"单位": "", "考核期": "2026Q1"},
                {**rows[1], "单位": "区教育局", "replies_late": "也许"},
            ],
        )
    messages = "\n".join(str(p) for p in info.value.problems)
    assert "second row for 区财政局 in 2026Q1 (first: row 1)" in messages
    assert "no unit or period" in messages
    assert "row 7 (区教育局, 2026Q1)" in messages
    with pytest.raises(UnknownNameError, match="unit column"):
        score_rounds(card, [{"who": "x"}])
    with pytest.raises(UnknownNameError, match="period column"):
        score_rounds(card, rows, period_column="quarter")
    with pytest.raises(InvalidRecordsError, match="period not in the order given"):
        score_rounds(card, rows, periods=["2026Q1"])
    rounds = score_rounds(card, rows)
    with pytest.raises(UnknownNameError):
        rounds.round("2027Q1")
    with pytest.raises(UnknownNameError):
        rounds.trend("区教育局")


def test_period_labels_in_bulletins() -> None:
    from zwgk.rounds._bulletin import period_text

    assert [period_text(p, "zh") for p in ("2026", "2026Q3", "2026-Q4", "2026H2", "第一轮")] == [
        "2026年",
        "2026年第三季度",
        "2026年第四季度",
        "2026年下半年",
        "第一轮",
    ]
