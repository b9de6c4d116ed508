"""Issue 18 item 4: official outputs — XLSX read back with openpyxl, DOCX with python-docx.

Expectations come from the input files (golden ledgers and counts, the sample ledger's own
rows) and from the published layout (headers, section titles), never from the writers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from zwgk import catalog, reports, requests, scoring
from zwgk._cli import main
from zwgk._xlsx_out import Sheet, text_width, workbook_bytes
from zwgk.catalog._sample import sample_catalog_path
from zwgk.register import DueItem, due_xlsx

openpyxl = pytest.importorskip("openpyxl")
docx = pytest.importorskip("docx")

HERE = Path(__file__).parent
GOLDEN = HERE / "reports" / "golden"
SECTIONS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _book(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def _values(ws: Any) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def assert_official_sheet(ws: Any, headers: tuple[str, ...]) -> None:
    """Chinese headers in row 1, the header row frozen, no formula anywhere."""
    assert tuple(c.value for c in ws[1]) == headers
    assert ws.freeze_panes == "A2"
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate


def _report_2025() -> reports.AnnualReport:
    from zwgk.reports.io import read_counts

    fmt = reports.format_for_year(2025)
    counts = read_counts(GOLDEN / "counts_2025.json", fmt)
    return counts.build(requests.read_ledger(GOLDEN / "ledger_2025.csv"), 2025, agency="示例区人民政府")


# ----------------------------------------------------------------------------- the shared writer


def test_shared_writer_is_formula_safe_with_widths_and_names() -> None:
    hostile = '=HYPERLINK("http://x","点击")'
    data = workbook_bytes(
        [
            Sheet("名单/2025", ("编号", "说明"), [("A1", hostile), ("A2", "#REF!")]),
            Sheet("名单/2025", ("日期",), [(dt.date(2025, 1, 2),)], widths=(30,)),
        ]
    )
    wb = _book(data)
    assert wb.sheetnames == ["名单_2025", "名单_2025(2)"]
    first, second = wb.worksheets
    assert_official_sheet(first, ("编号", "说明"))
    assert _values(first)[1:] == [["A1", hostile], ["A2", "#REF!"]]
    assert first.column_dimensions["B"].width == text_width(hostile) + 2
    assert second.column_dimensions["A"].width == 30
    assert second["A2"].value == dt.datetime(2025, 1, 2)
    assert text_width("中文ab") == 6


# ----------------------------------------------------------------------------- annual report


def test_report_xlsx_has_tables_two_three_four_in_the_published_layout() -> None:
    report = _report_2025()
    wb = _book(reports.render_xlsx(report))
    assert wb.sheetnames == ["表二", "表三", "表四"]
    t3 = wb["表三"]
    assert_official_sheet(
        t3,
        (
            "栏目",
            "分项",
            "细项",
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ),
    )
    rows = _values(t3)[1:]
    # golden/ledger_2025.csv: B1–B8 received in 2025 — 3 自然人, 1 each of the other kinds
    assert rows[0] == ["一、本年新收政府信息公开申请数量", None, None, 3, 1, 1, 1, 1, 1, 8]
    assert rows[1][0] == "二、上年结转政府信息公开申请数量"
    assert all(isinstance(v, int) for v in rows[0][3:])
    t2 = wb["表二"]
    assert_official_sheet(t2, ("条目", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"))
    assert _values(t2)[1][:2] == ["第二十条第（一）项", "规章"]
    t4 = wb["表四"]
    assert_official_sheet(t4, ("类别", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
    assert [r[0] for r in _values(t4)[1:]] == ["行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉"]


def test_report_docx_is_a_draft_in_the_published_layout() -> None:
    report = _report_2025()
    document = docx.Document(io.BytesIO(reports.render_docx(report)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "示例区人民政府2025年政府信息公开工作年度报告"
    positions = [texts.index(s) for s in SECTIONS]
    assert positions == sorted(positions)
    assert "【待填写：二、主动公开政府信息情况】" in texts  # counts_2025.json has no text for it
    assert len(document.tables) == 3
    t3 = document.tables[1]
    assert [c.text for c in t3.rows[0].cells][3:] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert [c.text for c in t3.rows[1].cells] == [
        "一、本年新收政府信息公开申请数量",
        "",
        "",
        "3",
        "1",
        "1",
        "1",
        "1",
        "1",
        "8",
    ]


def test_report_docx_without_counts_draws_tables_two_and_four_blank() -> None:
    report = reports.build_report(requests.read_ledger(GOLDEN / "ledger_2025.csv"), 2025)
    document = docx.Document(io.BytesIO(report_docx := reports.render_docx(report)))
    assert report_docx.startswith(b"PK")
    assert document.paragraphs[0].text == "XX2025年政府信息公开工作年度报告"
    assert len(document.tables) == 3
    assert {c.text for c in document.tables[2].rows[1].cells[1:]} == {""}


# ----------------------------------------------------------------------------- sample ledger


def test_sample_ledger_is_read_and_builds_a_report() -> None:
    rows = list(csv.DictReader(io.StringIO(requests.sample_ledger_csv())))
    assert list(rows[0]) == [
        "编号",
        "申请人",
        "申请人类型",
        "申请方式",
        "收到日期",
        "办理结果",
        "办结日期",
        "页数",
    ]
    ledger = requests.read_ledger(requests.sample_ledger_path())
    assert len(ledger) == len(rows) >= 30
    report = reports.build_report(ledger, 2025)
    assert reports.check_report(report).ok
    received_2025 = sum(r["收到日期"].startswith("2025") for r in rows)
    carried = sum(r["收到日期"].startswith("2024") and r["办结日期"][:4] != "2024" for r in rows)
    still_open = sum(not r["办结日期"] for r in rows)
    assert report.table3.value("new") == received_2025
    assert report.table3.value("carried_over") == carried
    assert report.table3.value("carried_forward") == still_open


def test_cli_sample_then_build_as_xlsx_and_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "sample"]) == 0
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(capsys.readouterr().out, encoding="utf-8")
    assert ledger.read_text(encoding="utf-8") == requests.sample_ledger_csv()
    out = tmp_path / "report.xlsx"
    assert main(["report", "build", str(ledger), "--year", "2025", "--as", "xlsx", "--output", str(out)]) == 0
    assert _book(out.read_bytes()).sheetnames == ["表三"]
    draft = tmp_path / "report.docx"
    assert (
        main(["report", "build", str(ledger), "--year", "2025", "--as", "docx", "--output", str(draft)]) == 0
    )
    assert docx.Document(str(draft)).paragraphs[0].text == "XX2025年政府信息公开工作年度报告"
    assert (
        main(["report", "build", str(ledger), "--year", "2025", "--as", "docx", "--output", str(draft)]) == 2
    )
    assert (
        main(["report", "build", str(ledger), "--year", "2025", "--as", "xlsx", "--output", str(ledger)]) == 2
    )


# ----------------------------------------------------------------------------- the other results


def test_catalog_check_and_compliance_xlsx(tmp_path: Path) -> None:
    sample = catalog.sample_catalog()
    findings = catalog.check_catalog(sample)
    ws = _book(findings.to_xlsx())["检查问题"]
    assert_official_sheet(ws, ("位置", "序号", "公开事项", "问题类型", "说明"))
    assert len(_values(ws)) - 1 == len(findings.findings) > 0
    assert {r[3] for r in _values(ws)[1:]} <= {c.value for c in catalog.FindingCode}
    compliance = catalog.check_compliance(
        sample, catalog.sample_publication_log(), as_of=dt.date(2026, 6, 30)
    )
    wb = _book(compliance.to_xlsx())
    assert wb.sheetnames == ["事项汇总", "发布明细"]
    assert_official_sheet(
        wb["事项汇总"],
        (
            "序号",
            "公开事项",
            "发布次数",
            "按时",
            "逾期发布",
            "逾期未发布",
            "未到期",
            "按时率",
            "最长间隔（工作日）",
        ),
    )
    assert len(_values(wb["发布明细"])) - 1 == len(compliance.results)
    target = tmp_path / "c.xlsx"
    path = str(sample_catalog_path())
    assert main(["catalog", "check", path, "--as", "xlsx", "--output", str(target)]) == 1
    assert _book(target.read_bytes()).sheetnames == ["检查问题"]


def test_score_and_ranking_xlsx() -> None:
    from zwgk.scoring.io import rankings_xlsx

    card = scoring.load_card("kaifu-2013-departments")
    evidence = _tutorial_evidence()
    result = scoring.score(card, evidence, unit="区民政局", lenient=True)
    ws = _book(result.to_xlsx())["得分明细"]
    assert_official_sheet(ws, ("部分", "编号", "考核内容", "分值", "得分", "加分项", "扣分和加分说明"))
    rows = _values(ws)[1:]
    assert len(rows) == len(result.items) + 1
    assert rows[-1][0] == "合计"
    assert Decimal(str(rows[-1][4])) == result.total
    other = scoring.score(card, evidence, unit="区教育局", lenient=True)
    ranking = scoring.rank([result, other])
    ws = _book(rankings_xlsx(ranking))["排名"]
    assert_official_sheet(ws, ("名次", "单位", "评分表", "得分", "结论", "否决事项"))
    assert [r[1] for r in _values(ws)[1:]] == [r.result.unit for r in ranking]


def _tutorial_evidence() -> dict[str, object]:
    import runpy

    module = runpy.run_path(str(HERE.parent / "scripts" / "make_doc_figures.py"), run_name="figures")
    evidence: dict[str, object] = module["TUTORIAL_EVIDENCE"]
    return evidence


def test_due_list_and_lateness_xlsx() -> None:
    items = (
        DueItem("R1", dt.date(2026, 3, 2), dt.date(2026, 3, 30), "running", -2, True),
        DueItem("R2", dt.date(2026, 3, 9), None, "awaiting_correction", None, False),
    )
    ws = _book(due_xlsx(items, lang="zh"))["到期提醒"]
    assert_official_sheet(ws, ("编号", "收到日期", "答复期限", "办理状态", "剩余工作日", "是否逾期"))
    assert _values(ws)[1:] == [
        ["R1", dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 30), "计时中", -2, "是"],
        ["R2", dt.datetime(2026, 3, 9), None, "待补正", None, "否"],
    ]
    ledger = requests.read_ledger(requests.sample_ledger_path())
    ws = _book(requests.lateness_xlsx(ledger))["答复时限"]
    assert_official_sheet(
        ws, ("编号", "申请人类型", "收到日期", "答复期限", "办结日期", "办理结果", "逾期工作日", "状态")
    )
    rows = {r[0]: r for r in _values(ws)[1:]}
    assert len(rows) == len(ledger)
    assert rows["2025-028"][-1] == "办理中"  # received 2025-12-08, not yet closed in the sample
    assert rows["2025-001"][-1] == "按时"  # received 2025-01-06, replied 2025-01-20
