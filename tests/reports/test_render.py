"""Rendering: Markdown, HTML layout, DataFrame, plot (Agg backend)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from zwgk.errors import InvalidInputError, MissingExtraError
from zwgk.reports import (
    AnnualReport,
    build_report,
    get_format,
    load_report,
    outcomes_by_group,
    plot_outcomes,
    render_html,
    render_markdown,
    table3_frame,
)
from zwgk.requests import OutcomeGroup, read_ledger

HERE = Path(__file__).parent


@pytest.fixture
def report() -> AnnualReport:
    return build_report(
        read_ledger(HERE / "golden" / "ledger_2025.csv"),
        2025,
        agency="某局",
        table2={"regulations.issued": 1},
        table4={"review.upheld": 1},
        sections=[("一、总体情况", "第一段\n第二段")],
    )


def test_markdown(report: AnnualReport) -> None:
    text = render_markdown(report)
    assert text.startswith("# 某局2025年度政府信息公开工作年度报告")
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 1 | 1 | 1 | 1 | 8 |" in text
    assert "| 四、结转下年度继续办理 | 1 | 2 | 0 | 0 | 0 | 0 | 3 |" in text
    assert "| 行政复议 | 1 |  |  |  | 1 |" in text
    assert "| 第二十条第（一）项 规章 | 本年制发件数 | 1 |" in text


def test_html_layout(report: AnnualReport) -> None:
    html = render_html(report)
    assert '<td rowspan="22">三、本年度办理结果</td>' in html
    assert '<td rowspan="8">（三）不予公开</td>' in html
    assert '<td colspan="3">一、本年新收政府信息公开申请数量</td>' in html
    assert html.index("<h2>二、主动公开政府信息情况</h2>") < html.index("zwgk-table2")
    assert html.index("zwgk-table2") < html.index("zwgk-table3") < html.index("zwgk-table4")
    assert "<p>第二段</p>" in html
    trial = AnnualReport("a", 2020, get_format("2019-trial"), build_report([], 2020).table3)
    assert '<td rowspan="20">三、本年度办理结果</td>' in render_html(trial)


def test_frame(report: AnnualReport) -> None:
    frame = table3_frame(report)
    assert frame.loc["new", "总计"] == 8
    assert frame.loc["carried_forward", "商业企业"] == 2
    assert frame.loc["withheld_4", "title"].endswith("4．保护第三方合法权益")
    parsed = load_report(HERE / "fixtures" / "report_trial.html")
    # the fixture writes 0 in row 二 and leaves the other 22 科研机构 cells blank
    assert table3_frame(parsed)["科研机构"].isna().sum() == 22


def test_outcome_groups_and_plot(report: AnnualReport) -> None:
    groups = outcomes_by_group(report)
    assert groups[OutcomeGroup.DISCLOSED] == 1
    assert groups[OutcomeGroup.OTHER] == 2
    assert sum(groups.values()) == 7
    import matplotlib

    matplotlib.use("Agg")
    parsed = load_report(HERE / "fixtures" / "report_2021.html")
    fig = plot_outcomes([report, parsed, parsed])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2023", "2025"]
    # 2023 bar height: two copies of the fixture, 8 + 2 + 1 + 3 + 1 = 15 closed each
    heights_2023 = sum(p.get_height() for p in ax.patches if abs(p.get_x() + p.get_width() / 2) < 0.01)
    assert heights_2023 == 30


def test_errors(report: AnnualReport, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(InvalidInputError, match="at least one report"):
        plot_outcomes([])
    no_year = AnnualReport("a", None, report.format, report.table3)
    with pytest.raises(InvalidInputError, match="year"):
        plot_outcomes([no_year])
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(MissingExtraError, match="zwgk\\[plot\\]"):
        plot_outcomes([report])
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match="zwgk\\[pandas\\]"):
        table3_frame(report)
