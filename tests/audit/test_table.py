"""The findings table: values, rows, CSV, JSON, XLSX, frames, HTML, plots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import zwgk
from zwgk.audit import CHECKS, LOOK_ONLY, AuditedFile, AuditFinding, AuditTable
from zwgk.errors import InvalidInputError, UnknownNameError

ROWS = (
    AuditFinding(
        '=HYPERLINK("http://x")',  # an agency name typed by someone: must stay text in a spreadsheet
        2023,
        "a/甲.html",
        "identity_1",
        ("表三 [（七）总计] × [总计]", "表三 [四、结转下年度继续办理] × [总计]"),
        None,
        "column 总计: off by 1",
    ),
    AuditFinding(
        "乙局",
        2024,
        "b.json",
        "series_jump",
        ("表三 [一、本年新收政府信息公开申请数量] × [总计]",),
        None,
        "worth a look",
        other_file="a.json",
        other_year=2023,
    ),
)
FILES = (
    AuditedFile("a/甲.html", "findings", "甲局", 2023, "2021", 1, ("表三 [x] × [y]",)),
    AuditedFile("b.json", "ok", "乙局", 2024, "2021"),
    AuditedFile("c.pdf", "unreadable", findings=1, error="cannot be read"),
)
TABLE = AuditTable(ROWS, FILES, ("a note",))


def test_checks_are_the_contract_names() -> None:
    # issue 12's shared contract §4, in its order
    assert CHECKS[:5] == ("identity_1", "identity_2", "identity_3", "identity_4", "identity_5")
    assert {"series_carry_over", "series_in_force", "series_jump", "unreadable", "total_blank"} <= set(CHECKS)
    assert "culprit" not in CHECKS  # a column of the identity rows, not a row of its own
    assert frozenset({"series_jump", "total_blank"}) == LOOK_ONLY
    with pytest.raises(UnknownNameError, match="audit check"):
        AuditFinding("a", 2023, "f", "identity_9", (), None, "m")
    with pytest.raises(UnknownNameError, match="status"):
        AuditedFile("f", "broken")


def test_violations_looks_unreadable_ok() -> None:
    assert TABLE.violations == ROWS[:1]
    assert TABLE.looks == ROWS[1:]
    assert [f.file for f in TABLE.unreadable] == ["c.pdf"]
    assert not TABLE.ok
    assert AuditTable(ROWS[1:], FILES[1:2]).ok
    both = AuditTable(ROWS[:1], FILES[:1], ("n1",)) + AuditTable(ROWS[1:], FILES[1:], ("n2",))
    assert both == TABLE.__class__(ROWS, FILES, ("n1", "n2"))
    assert repr(TABLE) == "<AuditTable: 3 files, 1 findings, 1 to look at, 1 unreadable>"


def test_rows() -> None:
    rows = TABLE.to_rows()
    assert list(rows[0]) == [
        "agency",
        "year",
        "file",
        "check",
        "cells",
        "culprit",
        "message",
        "other_file",
        "other_year",
    ]
    assert rows[0]["cells"] == "表三 [（七）总计] × [总计]; 表三 [四、结转下年度继续办理] × [总计]"
    assert (rows[1]["other_file"], rows[1]["other_year"]) == ("a.json", 2023)


def test_csv_is_formula_safe_and_excel_readable(tmp_path: Path) -> None:
    text = TABLE.to_csv()
    assert text.splitlines()[0] == "agency,year,file,check,cells,culprit,message,other_file,other_year"
    assert text.splitlines()[1].startswith('"\'=HYPERLINK(""http://x"")",2023,a/甲.html,identity_1,')
    path = TABLE.to_csv(tmp_path / "f.csv")
    assert path.read_bytes().startswith("\ufeff".encode())  # BOM: Excel reads UTF-8
    assert path.read_text(encoding="utf-8-sig") == text


def test_json() -> None:
    data = json.loads(TABLE.to_json())
    assert data["notes"] == ["a note"]
    assert data["files"][0] == {
        "file": "a/甲.html",
        "status": "findings",
        "agency": "甲局",
        "year": 2023,
        "format": "2021",
        "findings": 1,
        "blanks": ["表三 [x] × [y]"],
        "error": None,
    }
    assert data["findings"][0]["cells"] == list(ROWS[0].cells)
    assert data["findings"][1]["check"] == "series_jump"


def test_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(TABLE.to_xlsx(tmp_path / "f.xlsx", lang="zh"))
    assert wb.sheetnames == ["审计发现", "文件", "说明"]
    ws = wb["审计发现"]
    assert [c.value for c in ws[1]] == [
        "机关",
        "年度",
        "文件",
        "检查项",
        "单元格",
        "可能的错误单元格",
        "说明",
        "对照文件",
        "对照年度",
    ]
    assert ws.freeze_panes == "A2"
    assert ws["A2"].data_type == "s"
    assert ws["A2"].value == '=HYPERLINK("http://x")'  # stored as text (quote prefix), never a formula
    assert ws["A2"].quotePrefix
    assert ws["B2"].value == 2023
    assert ws.column_dimensions["E"].width > 10
    assert [c.value for c in wb["文件"]["B"]][1:] == ["有问题", "通过", "无法读取"]
    english = openpyxl.load_workbook(TABLE.to_xlsx(tmp_path / "e.xlsx", lang="en"))
    assert english.sheetnames == ["findings", "files", "notes"]
    assert [c.value for c in english["findings"][1]] == [
        "agency",
        "year",
        "file",
        "check",
        "cells",
        "likely wrong cell",
        "message",
        "compared with file",
        "compared with year",
    ]
    assert [c.value for c in english["files"]["B"]][1:] == ["with findings", "ok", "unreadable"]


def test_frame_and_html() -> None:
    pytest.importorskip("pandas")
    frame = TABLE.to_frame()
    assert list(frame.columns)[:4] == ["agency", "year", "file", "check"]
    assert list(frame["check"]) == ["identity_1", "series_jump"]
    html = TABLE._repr_html_()
    assert "<th>check</th>" in html
    assert "<p>3 files, 1 findings, 1 to look at, 1 unreadable</p>" in html
    with zwgk.language("zh"):
        chinese = TABLE._repr_html_()
    assert "<th>检查项</th>" in chinese
    assert "<p>3个文件，1项审计发现，1项值得一看，1个无法读取</p>" in chinese
    assert "=HYPERLINK(&quot;" in html  # escaped


def test_plot_by_agency_and_check() -> None:
    pytest.importorskip("matplotlib")
    fig = TABLE.plot(labels="en")
    ax = fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches)
    # two agencies: one violation (甲局's row is named by its agency) and one look
    assert widths == [0, 0, 1, 1]
    assert ax.get_xlabel() == "findings"
    by_check = TABLE.plot(by="check", labels="en")
    assert [t.get_text() for t in by_check.axes[0].get_yticklabels()] == ["identity_1", "series_jump"]
    with pytest.raises(InvalidInputError, match="by"):
        TABLE.plot(by="colour")


def test_only_tables_add_up() -> None:
    with pytest.raises(TypeError):
        TABLE + 1  # type: ignore[operator]
