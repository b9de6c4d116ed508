"""A real published report: 2019年上海市人民政府办公厅政府信息公开工作年度报告 (trial format).

Every expected value below was read off the published page by hand (fixtures/README.md has
the source); none was copied from zwgk's output.  The page is the shape the issue describes:
blank 总计 cells in the outcome rows, percentages written to one or two decimals, and a
narrative whose counts are partly those of the table.
"""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path

from zwgk.audit import audit_paths
from zwgk.reports import check_report, outcomes_by_group
from zwgk.reports.io import read_report
from zwgk.reports.narrative import check_narrative
from zwgk.requests import OutcomeGroup

PAGE = Path(__file__).parent / "fixtures" / "real" / "shanghai-office-2019.html"


def _read():  # type: ignore[no-untyped-def]
    return read_report(PAGE)


def test_the_page_is_read_as_published() -> None:
    result = _read()
    report = result.report
    assert (report.agency, report.year, report.format.id) == ("上海市人民政府办公厅", 2019, "2019-trial")
    t3 = report.table3
    assert t3 is not None
    # 一、本年新收: 821 + 35 + 2 + 1 = 859; 二、上年结转 18; （七）总计 805; 四、结转 72
    assert [
        t3.raw("new", c) for c in ("natural_person", "business", "legal_service_organization", "total")
    ] == [
        821,
        35,
        2,
        859,
    ]
    assert (t3.value("carried_over"), t3.value("total"), t3.value("carried_forward")) == (18, 805, 72)
    # （一）予以公开: 总计 left blank on the page; its parts 258 + 12 + 1 + 1
    assert t3.raw("disclosed", "total") is None
    assert t3.effective("disclosed") == 272
    # 表四: 行政复议 5 维持, 2 尚未审结, 7 总计; 未经复议直接起诉 8 + 1 = 9
    assert report.table4 is not None
    assert report.table4.raw("review.total") == 7
    assert report.table4.raw("litigation_direct.total") == 9
    # all six sections found, although 五's heading reads 五、政府信息公开工作存在的主要问题及改进情况
    assert [h[:2] for h, _ in report.sections] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_table_2_is_skipped_and_said_so() -> None:
    # 第二十条第（九）项 采购总金额 is printed "251000元": not read as a number, reported, never guessed
    (problem,) = _read().problems
    assert (problem.kind, problem.table) == ("table_unreadable", 2)
    assert "251000元" in problem.message


def test_blank_totals_are_not_violations() -> None:
    report = _read().report
    result = check_report(report)
    # column 自然人: 821 + 18 = 767 + 72; 总计: 859 + 18 = 805 + 72; the outcome rows add to
    # 767 (自然人) and, from their parts, to 805 (总计): the page is consistent
    assert result.violations == ()
    assert result.format_findings == ()
    # 11 outcome rows have figures but a blank 总计 (予以公开, 部分公开, 不予公开 1/5/6/8,
    # 无法提供 1/2/3, 不予处理 1/2): one note, not eleven violations
    assert [(f.check, f.message) for f in result.notes] == [
        ("total_blank", "11 total cell(s) left blank; identities checked from the parts")
    ]
    assert outcomes_by_group(report) == {
        OutcomeGroup.DISCLOSED: 272,
        OutcomeGroup.PARTIALLY_DISCLOSED: 3,
        OutcomeGroup.WITHHELD: 14 + 5 + 4 + 12,
        OutcomeGroup.UNAVAILABLE: 265 + 47 + 25,
        OutcomeGroup.NOT_PROCESSED: 149 + 9,
        OutcomeGroup.OTHER: 0,
    }


def test_the_narrative_against_the_tables() -> None:
    # "答复政府信息公开申请805件 … 予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；
    #  因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%"
    findings = [(f.kind, f.expected, f.reported) for f in check_narrative(_read().report)]
    assert findings == [
        ("narrative_count", 272 + 3, 258),  # the table's 予以公开 + 部分公开 is 275
        ("share", Decimal("32.0"), Decimal("33.9")),  # 258/805 = 32.05 %
        ("share_truncated", Decimal("4.35"), Decimal("4.34")),  # 35/805 = 4.3478 %: cut, not rounded
        ("narrative_count", 265 + 47 + 25, 265),  # 无法提供 is 337 in the table (265 is 不掌握 alone)
    ]
    # 265/805 = 32.92 % → 32.9 and 158/805 = 19.63 % → 19.6 at the one decimal they are written
    # with: no finding; 859 (本年新收), 805 (（七）总计), 18, 72 and 7 复议 restate the table


def test_the_audit_of_the_page(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = audit_paths([PAGE])
    checks = [f.check for f in table.findings]
    assert checks == [
        "table_unreadable",
        "total_blank",
        "narrative_count",
        "share",
        "share_truncated",
        "narrative_count",
    ]
    assert [f.file for f in table.files] == [str(PAGE)]
    assert table.files[0].status == "findings"
