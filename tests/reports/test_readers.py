"""Reading published reports of every kind: HTML page shapes, PDF, DOCX, XLSX, XLS, any suffix.

The expected cells are the hand-written values of ``layouts.py`` (a consistent 2021-format
report); each file is generated in the published layout (merged label cells, the 申请人情况
header, table 2's 第二十条 blocks) by the library that real offices' tools resemble.
"""

from __future__ import annotations

import io
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))

from layouts import (
    VALUES2,
    VALUES3,
    VALUES4,
    Layout,
    docx_bytes,
    html_table,
    pdf_bytes,
    table2_layout,
    table3_layout,
    table4_layout_blocks,
    xls_bytes,
    xlsx_bytes,
)
from tests.support import hide_package

from zwgk._limits import Limits
from zwgk.errors import (
    DataFileError,
    LimitExceededError,
    MissingExtraError,
    ReportParseError,
    TablesSkippedWarning,
)
from zwgk.reports import (
    TABLE3_COLUMNS,
    AnnualReport,
    Table2,
    Table3,
    Table4,
    check_report,
    get_format,
    load_report,
    render_docx,
    render_html,
    render_xlsx,
)
from zwgk.reports.io import ReadResult, parse_report_html, read_report

TITLE = "某市某区司法局2023年度政府信息公开工作年度报告"
PARAGRAPHS = [
    TITLE,
    "一、总体情况",
    "2023年，本局本年新收政府信息公开申请12件，上年结转1件。",
    "二、主动公开政府信息情况",
]
T2, T3, T4 = table2_layout(), table3_layout(), table4_layout_blocks()


def _expected3() -> Table3:
    mapping = {
        row: dict(zip((c.key for c in TABLE3_COLUMNS), cells, strict=True)) for row, cells in VALUES3.items()
    }
    return Table3.from_mapping("2021", mapping)


def assert_read(result: ReadResult, kind: str) -> None:
    """Every table read as written, nothing skipped, the identities hold."""
    report = result.report
    assert result.kind == kind
    assert result.problems == ()
    assert (report.year, report.agency, report.format.id) == (2023, "某市某区司法局", "2021")
    assert report.table3 == _expected3()
    assert report.table4 is not None
    assert report.table4.cells == VALUES4
    assert report.table2 == Table2.from_mapping("2021", VALUES2)
    assert check_report(report).violations == ()


def _site_page(*tables: str, charset: str = "utf-8") -> str:
    """A gov-site page: everything inside a layout table whose narrative mentions 本年新收."""
    narrative = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{TITLE}</title></head><body>"
        f'<table width="100%"><tr><td>{narrative}</td></tr><tr><td>'
        + "<p>三、收到和处理政府信息公开申请情况</p>".join(tables)
        + "<p>五、存在的主要问题及改进情况</p><p>……</p></td></tr></table></body></html>"
    )


# ----------------------------------------------------------------------------- HTML page shapes


@pytest.mark.parametrize("name", ["report.shtml", "index.jsp", "view.aspx", "page.htm", "noext", "wrong.pdf"])
def test_html_any_suffix_gbk_layout_table_spacer_rows(tmp_path: Path, name: str) -> None:
    page = _site_page(
        html_table(T2), html_table(T3, spacer_at=3) + html_table(T4, spacer_at=3), charset="gb2312"
    )
    path = tmp_path / name
    path.write_bytes(page.encode("gb18030"))
    result = read_report(path)
    assert_read(result, "html")
    sections = dict(result.report.sections)
    assert sections["一、总体情况"] == "2023年，本局本年新收政府信息公开申请12件，上年结转1件。"
    assert sections["五、存在的主要问题及改进情况"] == "……"
    assert load_report(path) == result.report


@pytest.mark.parametrize("repeat_header", [True, False])
def test_html_table3_split_at_a_page_break(repeat_header: bool) -> None:
    first, rest = T3.slice(0, 15), T3.slice(15, T3.rows)
    if repeat_header:
        header = T3.slice(0, 3)
        rest = Layout(
            header.rows + rest.rows,
            10,
            header.blocks + tuple((r0 + 3, c0, r1 + 3, c1, t) for r0, c0, r1, c1, t in rest.blocks),
        )
    page = _site_page(html_table(T2), html_table(first) + html_table(rest) + html_table(T4))
    assert_read(read_report(page.encode()), "html")


def test_html_table4_numbers_on_the_next_page_and_utf16() -> None:
    head, numbers = T4.slice(0, 3), T4.slice(3, 4)
    page = _site_page(html_table(T2), html_table(T3) + html_table(head) + html_table(numbers))
    assert_read(read_report(page.encode("utf-16")), "html")


def test_a_bad_table_is_skipped_and_reported() -> None:
    broken4 = html_table(T4).replace(">2<", ">两<", 1)
    broken2 = html_table(T2).replace(">120<", ">一百二十<", 1)
    page = _site_page(broken2, html_table(T3) + broken4).encode()
    result = read_report(page, source="city/justice.shtml")
    assert result.report.table3 == _expected3()
    assert (result.report.table2, result.report.table4) == (None, None)
    assert [(p.kind, p.table) for p in result.problems] == [("table_unreadable", 4), ("table_unreadable", 2)]
    four, two = result.problems
    assert four.location == "city/justice.shtml: <table> 4 of the page"
    assert "table 4 could not be read and was skipped" in four.message
    assert two.problems[0].field == "本年处理决定数量"
    assert two.problems[0].value == "一百二十"
    with pytest.warns(TablesSkippedWarning, match="2 table") as caught:
        parse_report_html(page.decode(), source="city/justice.shtml")
    assert caught[0].message.problems == result.problems  # type: ignore[union-attr]


def test_a_narrative_mentioning_the_rows_is_not_table3() -> None:
    # a wide layout table whose cells hold narrative text with every row label: not table 3
    text = "本年新收政府信息公开申请12件，上年结转1件，予以公开6件，" * 5
    layout = f"<table><tr>{'<td>' + text + '</td>' * 1}{'<td>x</td>' * 9}</tr></table>"
    with pytest.raises(ReportParseError, match="no table 3 in the file"):
        read_report(("<html><body>" + layout + "</body></html>").encode())


def test_trial_table2_signed_changes_and_amounts() -> None:
    values2: dict[str, int | Decimal] = {
        "regulations.made": 1, "regulations.published": 1, "regulations.in_force": 10,
        "normative_documents.made": 3, "normative_documents.published": 3, "normative_documents.in_force": 30,
        "licensing.items_last_year": 50, "licensing.change": -2, "licensing.decisions": 400,
        "other_services.items_last_year": 8, "other_services.change": 0, "other_services.decisions": 20,
        "penalties.items_last_year": 60, "penalties.change": 7, "penalties.decisions": 90,
        "enforcement_measures.items_last_year": 5, "enforcement_measures.change": 0,
        "enforcement_measures.decisions": 1, "fees.items_last_year": 2, "fees.change": -1,
        "procurement.projects": 4, "procurement.amount": Decimal("36.5"),
    }  # fmt: skip
    t2 = table2_layout(values2, "2019-trial")
    t2 = Layout(
        t2.rows,
        t2.columns,
        tuple((*b[:4], "+7") if b[4] == "7" else b for b in t2.blocks),  # 本年增/减 written +7
    )
    values3 = {"new": (1, None, None, None, None, None, 1), "disclosed": (1, None, None, None, None, None, 1)}
    values3["total"] = values3["disclosed"]
    t3 = table3_layout(values3, "2019-trial")
    page = _site_page(html_table(t2), html_table(t3)).replace("2023年度", "2020年度")
    result = read_report(page.encode())
    assert result.problems == ()
    assert result.report.format.id == "2019-trial"
    assert result.report.table2 == Table2.from_mapping("2019-trial", values2)
    assert result.report.table4 is None


# ----------------------------------------------------------------------------- other kinds


def test_docx(tmp_path: Path) -> None:
    pytest.importorskip("docx")
    data = docx_bytes(
        PARAGRAPHS,
        [T2, "三、收到和处理政府信息公开申请情况", T3, "四、政府信息公开行政复议、行政诉讼情况", T4],
    )
    path = tmp_path / "附件1.doc"  # a DOCX saved under the legacy suffix
    path.write_bytes(data)
    result = read_report(path)
    assert_read(result, "docx")
    assert dict(result.report.sections)["一、总体情况"].startswith("2023年，本局本年新收")


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_workbooks(kind: str) -> None:
    pytest.importorskip("openpyxl" if kind == "xlsx" else "xlrd")
    if kind == "xls":
        pytest.importorskip("xlwt")
    data = (xlsx_bytes if kind == "xlsx" else xls_bytes)(TITLE, [T2, T3, T4])
    assert_read(read_report(data), kind)


def test_pdf_with_table3_split_across_pages() -> None:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    data = pdf_bytes(PARAGRAPHS, [T3, T4, T2], break_before=15)
    result = read_report(data, source="report.pdf")
    assert_read(result, "pdf")
    assert dict(result.report.sections)["一、总体情况"].startswith("2023年，本局本年新收")


def test_scanned_pdf_is_refused() -> None:
    pytest.importorskip("pdfplumber")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 300, 300, fill=1)  # an image of a page: marks, no text
    page.showPage()
    page.save()
    with pytest.raises(DataFileError, match="scanned PDF: no text layer; OCR it first"):
        read_report(out.getvalue())


def test_broken_pdf_docx_and_xls() -> None:
    pytest.importorskip("pdfplumber")
    with pytest.raises(DataFileError, match="not a readable PDF"):
        read_report(b"%PDF-1.4\nnot really")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-docx/>")
    with pytest.raises(DataFileError, match="not a readable Word document"):
        read_report(buffer.getvalue())
    pytest.importorskip("xlrd")
    ole2 = bytes.fromhex("D0CF11E0A1B11AE1") + "Workbook".encode("utf-16-le") + b"\0" * 600
    with pytest.raises(DataFileError, match=r"not a readable \.xls workbook"):
        read_report(ole2)


# ----------------------------------------------------------------------------- refused content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le"), "save it as DOCX or PDF"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64, "neither an Excel workbook nor a Word document"),
        (b"   \n", "an empty file"),
        (b"PK\x03\x04 broken", "a damaged zip file"),
        (b'{"format": "\xff"}', "not UTF-8 text"),
        (b"<html>\xff\xfe\xff</html>", "no known encoding"),
    ],
    ids=["doc", "ole2-other", "empty", "bad-zip", "json-not-utf8", "undecodable"],
)
def test_refused_content(data: bytes, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        read_report(data)


def test_zip_of_another_kind() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(DataFileError, match="neither a Word"):
        read_report(buffer.getvalue())


def test_limits_apply_to_every_reader() -> None:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    one_table = Limits(max_tables=1)
    cases = [
        _site_page(html_table(T2), html_table(T3)).encode(),
        docx_bytes([], [T2, T3]),
        xlsx_bytes(TITLE, [T2, T3]),
        pdf_bytes([], [T3, T2]),
    ]
    for data in cases:
        with pytest.raises(LimitExceededError, match="max_tables"):
            read_report(data, limits=one_table)
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        read_report(cases[0], limits=Limits(max_file_bytes=100))
    with pytest.raises(LimitExceededError, match="max_cell_chars"):
        read_report(cases[3], limits=Limits(max_cell_chars=5))
    with pytest.raises(LimitExceededError, match="max_rows"):
        read_report(cases[1], limits=Limits(max_rows=10))
    pytest.importorskip("xlwt")
    with pytest.raises(LimitExceededError, match="max_rows"):
        read_report(xls_bytes(TITLE, [T2, T3]), limits=Limits(max_rows=10))


def test_each_reader_names_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    pdf, docx_data = b"%PDF-1.4\n", docx_bytes([], [T3])
    for package, extra, data in (("pdfplumber", "pdf", pdf), ("docx", "docx", docx_data)):
        with monkeypatch.context() as patch:
            hide_package(patch, package)
            with pytest.raises(MissingExtraError, match=f"zwgk\\[{extra}\\]"):
                read_report(data)
    ole2 = bytes.fromhex("D0CF11E0A1B11AE1") + "Workbook".encode("utf-16-le")
    hide_package(monkeypatch, "xlrd")
    with pytest.raises(MissingExtraError, match=r"zwgk\[xls\]"):
        read_report(ole2)


def test_table2_problems_are_located() -> None:
    # block （一） printed without its header row, values 0, 0, 3: the two 0 cells could be one
    # merged cell, so the block is refused, never guessed
    no_header = Layout(T2.rows, T2.columns, tuple(b for b in T2.blocks if b[0] != 1))
    result = read_report(_site_page(html_table(no_header), html_table(T3)).encode())
    (problem,) = result.problems
    assert problem.table == 2
    assert [(p.location, p.message) for p in problem.problems[:1]] == [
        ("table 2 row 3", "no header row places the columns")
    ]
    bad_amount = html_table(T2).replace(">1.25<", ">1.2.5<")
    result = read_report(_site_page(bad_amount, html_table(T3)).encode())
    (problem,) = result.problems
    assert problem.problems[0].field == "本年收费金额（单位：万元）"
    assert "not an amount in 万元" in problem.problems[0].message


def test_parse_amount() -> None:
    from zwgk.reports._grid import parse_amount

    assert parse_amount("1.25") == Decimal("1.25")
    assert parse_amount("１,２３４.５") == Decimal("1234.5")
    assert parse_amount("—") is None
    for text in ("1.2.5", "一万", "1 000.5", ".5"):
        with pytest.raises(ValueError, match="not an amount"):
            parse_amount(text)


tables3 = st.lists(st.tuples(*[st.none() | st.integers(0, 999)] * 7), min_size=25, max_size=25)
tables4 = st.lists(st.none() | st.integers(0, 99), min_size=15, max_size=15)
amounts = st.none() | st.decimals(0, 10_000, places=2)


@settings(max_examples=15, deadline=None)
@given(tables3, tables4, st.lists(st.none() | st.integers(0, 500), min_size=9, max_size=9), amounts)
def test_zwgk_outputs_read_back(
    cells: list[tuple[int | None, ...]],
    t4: list[int | None],
    counts2: list[int | None],
    amount: Decimal | None,
) -> None:
    """zwgk's own HTML, DOCX and XLSX (tables 2–4 as it writes them) read back cell for cell."""
    pytest.importorskip("docx")
    pytest.importorskip("openpyxl")
    fmt = get_format("2021")
    keys = fmt.table2_keys()
    table2 = Table2.from_mapping(fmt, {**dict(zip(keys[:-1], counts2, strict=True)), keys[-1]: amount})
    report = AnnualReport(
        TITLE.removesuffix("2023年度政府信息公开工作年度报告"),
        2023,
        fmt,
        Table3(fmt, tuple(cells)),
        table4=Table4(tuple(t4)),
        table2=table2,
    )
    for render, kind in ((render_html, "html"), (render_docx, "docx"), (render_xlsx, "xlsx")):
        output = render(report)
        result = read_report(output.encode() if isinstance(output, str) else output)
        assert (result.kind, result.problems) == (kind, ())
        assert (result.report.table3, result.report.table4, result.report.table2) == (
            report.table3,
            report.table4,
            report.table2,
        )


def test_docx_zip_bomb_is_refused_before_parsing() -> None:
    pytest.importorskip("docx")
    source = io.BytesIO(docx_bytes([], [T3]))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in original.infolist():
            bomb.writestr(item, original.read(item))
        bomb.writestr("word/media/padding.xml", "<a>" + " " * (8 * 1024 * 1024) + "</a>")
    with pytest.raises(LimitExceededError, match="max_compression_ratio"):
        read_report(out.getvalue())


@pytest.mark.parametrize(
    ("limit", "bound"),
    [("max_columns", 9), ("max_cells", 100), ("max_cell_chars", 10), ("max_rows", 20)],
)
def test_each_bound_of_each_reader(limit: str, bound: int) -> None:
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    limits = Limits(**{limit: bound})
    for data in (
        docx_bytes([], [T3]),
        pdf_bytes([], [T3]),
        xlsx_bytes(TITLE, [T3]),
        _site_page(html_table(T3)).encode(),
    ):
        with pytest.raises(LimitExceededError, match=limit):
            read_report(data, limits=limits)


def test_declared_charset_is_honoured() -> None:
    from zwgk.reports._sniff import decode_text

    page = '<html><head><meta charset="big5"></head><body>政府資訊公開</body></html>'
    assert decode_text(page.encode("big5"), "p") == page  # neither UTF-8 nor GB18030 would read it right
    gbk = '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">年度报告'
    assert decode_text(gbk.encode("gbk"), "p") == gbk
    assert decode_text("\ufeff<p>报告</p>".encode(), "p") == "<p>报告</p>"


@settings(max_examples=30, deadline=None)
@given(st.integers(4, T3.rows - 1), st.booleans(), st.sampled_from(["html", "docx"]))
def test_table3_split_anywhere_is_joined(at: int, repeat_header: bool, kind: str) -> None:
    """Wherever a page break splits table 3, with or without its header repeated, it reads whole."""
    first, rest = T3.slice(0, at), T3.slice(at, T3.rows)
    if repeat_header:
        head = T3.slice(0, 3)
        moved = tuple((r0 + 3, c0, r1 + 3, c1, t) for r0, c0, r1, c1, t in rest.blocks)
        rest = Layout(head.rows + rest.rows, 10, head.blocks + moved)
    if kind == "html":
        data = _site_page(html_table(T2), html_table(first) + html_table(rest) + html_table(T4)).encode()
    else:
        pytest.importorskip("docx")
        data = docx_bytes(PARAGRAPHS, [T2, first, rest, T4])
    assert_read(read_report(data), kind)


def test_a_repeated_copy_of_table3_is_not_joined() -> None:
    page = _site_page(html_table(T2), html_table(T3) + html_table(T3) + html_table(T4))
    assert_read(read_report(page.encode()), "html")


def test_all_tables_in_one_html_table() -> None:
    def rows(layout: Layout) -> str:
        return html_table(layout).removeprefix('<table border="1">').removesuffix("</table>")

    one = '<table border="1">' + rows(T2) + rows(T3) + rows(T4) + "</table>"
    assert_read(read_report(_site_page(one).encode()), "html")


def test_table2_cells_merged_unlike_the_header() -> None:
    """A real-page shape: the header merges 本年增/减 over columns 2–3, the data row merges
    上一年项目数量 over columns 1–2; each distinct cell is one column, in order."""
    header = (
        "<tr><td>信息内容</td><td>上一年项目数量</td><td colspan=2>本年增/减</td><td>处理决定数量</td></tr>"
    )

    def row(label: str, a: str, b: str, c: str) -> str:
        return f"<tr><td>{label}</td><td colspan=2>{a}</td><td>{b}</td><td>{c}</td></tr>"

    values2 = dict.fromkeys(get_format("2019-trial").table2_keys(), 0)
    values2 |= {"licensing.items_last_year": 50, "licensing.change": -2, "licensing.decisions": 400}
    t2 = html_table(table2_layout(values2, "2019-trial"))
    block5 = (
        "<tr><td colspan=5>第二十条第（五）项</td></tr>"
        + header
        + row("行政许可", "50", "-2", "400")
        + row("其他对外管理服务事项", "0", "0", "0")
    )
    start = t2.index('<tr><td rowspan="1" colspan="4">第二十条第（五）项')
    stop = t2.index('<tr><td rowspan="1" colspan="4">第二十条第（六）项')
    page = _site_page(t2[:start] + block5 + t2[stop:], html_table(table3_layout({}, "2019-trial")))
    result = read_report(page.replace("2023年度", "2020年度").encode())
    assert result.problems == ()
    assert result.report.table2 == Table2.from_mapping("2019-trial", values2)


PENGLAI = Path(__file__).parent / "fixtures" / "report_2013_penglai.txt"


@pytest.mark.parametrize("as_html", [False, True])
def test_a_2008_report_without_table3_is_read_from_its_text(tmp_path: Path, as_html: bool) -> None:
    """The 2013 蓬莱 report (a .txt copy, or the same text as a page) has no table 3: it is a
    2008-format report, read from its text (sections and statistics)."""
    text = PENGLAI.read_text("utf-8")
    data = (
        ("<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>")
        if as_html
        else text
    )
    path = tmp_path / "penglai"
    path.write_text(data, "gb18030")
    result = read_report(path)
    assert result.kind == ("html" if as_html else "text")
    report = result.report
    assert (report.agency, report.year, report.format.id, report.table3) == (
        "蓬莱市人力资源和社会保障局",
        2013,
        "2008",
        None,
    )
    assert "(二)政府信息公开相关费用情况" in dict(report.sections)
    assert report.statistic("review_cases") == 0


def test_text_that_is_no_report_is_refused() -> None:
    # a title alone: no table 3, and no section of the 2008 format
    with pytest.raises(ReportParseError, match="no section of a format without table 3"):
        read_report("<html><body>2013年度政府信息公开工作年度报告</body></html>".encode())
    with pytest.raises(ReportParseError, match="no table 3 in the file"):
        read_report("政府信息公开工作年度报告\n一、总体情况".encode())  # no year, no table
    with pytest.raises(ReportParseError, match="no table 3 in the file"):
        read_report("<html><body>2023年度政府信息公开工作年度报告</body></html>".encode())


def test_forcing_the_2008_format_reads_the_text_only() -> None:
    page = _site_page(html_table(T2), html_table(T3) + html_table(T4)).replace("一、总体情况", "一、概述")
    result = read_report(page.encode(), format="2008")
    assert (result.report.format.id, result.report.table3) == ("2008", None)


def test_an_audit_reports_the_skipped_table(tmp_path: Path) -> None:
    from zwgk.audit import audit_paths

    broken4 = html_table(T4).replace(">2<", ">两<", 1)
    (tmp_path / "a.shtml").write_text(_site_page(html_table(T2), html_table(T3) + broken4), "utf-8")
    table = audit_paths([tmp_path])
    (finding,) = [f for f in table.findings if f.check == "table_unreadable"]
    assert finding.file == str(tmp_path / "a.shtml")
    assert (finding.agency, finding.year) == ("某市某区司法局", 2023)
    assert "table 4 could not be read and was skipped" in finding.message


# ------------------------------------------------------------------ one language per output (issue 13)


def test_skipped_tables_worded_in_both_languages() -> None:
    from tests.support import assert_one_language

    import zwgk

    broken4 = html_table(T4).replace(">2<", ">两<", 1)
    result = read_report(
        _site_page(html_table(T2), html_table(T3) + broken4).encode(), source="justice.shtml"
    )
    (four,) = result.problems
    # 表四 (the 2021 format's name of the review and litigation table) 无法读取, 已跳过
    assert four.message_in("zh").startswith("表四无法读取，已跳过：")
    assert four.message_in("en").startswith("table 4 could not be read and was skipped: ")
    with zwgk.language("zh"):
        assert four.location == "justice.shtml：网页第4个表格"
        assert str(four).startswith("justice.shtml：网页第4个表格：表四无法读取")
    assert four.location == "justice.shtml: <table> 4 of the page"
    assert_one_language(four.message_in("en"), "en")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            bytes.fromhex("D0CF11E0A1B11AE1") + "WordDocument".encode("utf-16-le"),
            "请另存为 DOCX 或 PDF 后再读取",
        ),
        (b"   \n", "空文件"),
        (b"PK\x03\x04 broken", "压缩文件已损坏"),
    ],
    ids=["doc", "empty", "bad-zip"],
)
def test_refused_content_in_chinese(data: bytes, message: str) -> None:
    import zwgk

    with zwgk.language("zh"), pytest.raises(DataFileError) as caught:
        read_report(data)
    assert message in str(caught.value)
    (problem,) = caught.value.problems
    assert problem.expected in (
        "DOCX 或 PDF",
        "HTML、JSON、PDF（带文字层）、DOCX、XLSX 或 XLS 格式的年度报告",
    )
