"""Reading published reports: the two hand-written fixtures, round trips and every error path."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.errors import InvalidRecordsError, MissingFileError, TablesSkippedWarning
from zwgk.reports import (
    TABLE3_COLUMNS,
    AnnualReport,
    Table3,
    Table4,
    check_report,
    get_format,
    load_report,
    render_html,
)
from zwgk.reports.io import (
    ReportParseError,
    parse_cell,
    parse_report_html,
    read_report,
    report_from_json,
    report_to_json,
)

counts = st.none() | st.integers(-3, 50)
"""A cell count as published: blank (None), a wrong negative, or a count."""

FIXTURES = Path(__file__).parent / "fixtures"
NP, BUS, RES, PUB, LEG, OTH, TOT = (c.key for c in TABLE3_COLUMNS)


def test_2021_fixture() -> None:
    report = load_report(FIXTURES / "report_2021.html")
    assert (report.agency, report.year, report.format.id) == ("某市某区司法局", 2023, "2021")
    t3 = report.table3
    # values read off the fixture by hand: blanks stay None, full-width digits are read
    assert [t3.raw("new", c) for c in TABLE3_COLUMNS] == [12, 3, None, None, 1, None, 16]
    assert [t3.raw("carried_over", c) for c in TABLE3_COLUMNS] == [1, None, None, None, None, None, 1]
    assert [t3.raw("disclosed", c) for c in TABLE3_COLUMNS] == [6, 1, None, None, 1, None, 8]
    assert t3.raw("withheld_4", NP) == 1
    assert t3.raw("withheld_3", NP) is None
    assert [t3.raw("unavailable_1", c) for c in TABLE3_COLUMNS] == [2, 1, None, None, None, None, 3]
    assert t3.raw("not_processed_2", TOT) == 1
    assert t3.raw("other_3", TOT) == 0
    assert [t3.raw("total", c) for c in TABLE3_COLUMNS] == [12, 2, 0, 0, 1, 0, 15]
    assert [t3.raw("carried_forward", c) for c in TABLE3_COLUMNS] == [1, 1, 0, 0, 0, 0, 3]
    assert report.table4 is not None
    assert report.table4.cells == (1, None, None, 1, 2, 0, 0, 0, 1, 1, None, None, None, None, 0)
    result = check_report(report)
    # the fixture's 四 总计 is 3 where its columns add to 2: identities 1 and 3 break by +1
    assert [(f.identity, f.cells[0].row, f.cells[0].column, f.off_by) for f in result.violations] == [
        (1, "total", TOT, 1),
        (3, "carried_forward", TOT, 1),
    ]
    assert len(result.blanks) == 127


def test_trial_fixture() -> None:
    report = load_report(FIXTURES / "report_trial.html")
    assert (report.agency, report.year, report.format.id) == ("某县教育局", 2020, "2019-trial")
    t3 = report.table3
    assert [t3.raw("new", c) for c in TABLE3_COLUMNS] == [5, 1, None, None, None, None, 6]
    assert t3.raw("partially_disclosed", BUS) is None  # "-" is a blank
    assert t3.raw("other", NP) is None
    assert [t3.raw("total", c) for c in TABLE3_COLUMNS] == [5, 1, None, None, None, None, 6]
    result = check_report(report)
    assert [(f.identity, str(f.cells[0]), f.off_by) for f in result.violations] == [
        (4, "表四 [行政复议] × [总计]", -1)
    ]


def test_gb18030_page(tmp_path: Path) -> None:
    page = (FIXTURES / "report_trial.html").read_text("utf-8")
    path = tmp_path / "gbk.htm"
    path.write_bytes(page.encode("gb18030"))
    assert load_report(path).table3.raw("new", TOT) == 6


def test_format_can_be_forced() -> None:
    html = (FIXTURES / "report_2021.html").read_text("utf-8")
    report = parse_report_html(html, format="2021", year=2024)
    assert report.year == 2024
    # the 2021 table has three 其他处理 rows where the trial format has one
    with pytest.raises(ReportParseError, match="row appears twice"):
        parse_report_html(html, format="2019-trial")


def test_parse_cell() -> None:
    assert parse_cell("１２３") == 123
    assert parse_cell(" 1,234 ") == 1234
    assert parse_cell("—") is None
    assert parse_cell("\xa0") is None
    assert parse_cell("-3") == -3
    with pytest.raises(ValueError, match="not a whole number"):
        parse_cell("十二")


def _page(rows: list[str], table4: str = "") -> str:
    header = (
        '<table><tr><td rowspan="3" colspan="3">说明</td><td colspan="7">申请人情况</td></tr>'
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
    )
    return "<html><body>" + header + "".join(rows) + "</table>" + table4 + "</body></html>"


def _row(label: str, cells: str = "<td></td>" * 7) -> str:
    return f'<tr><td colspan="3">{label}</td>{cells}</tr>'


def test_error_no_table3() -> None:
    with pytest.raises(ReportParseError, match="no table 3") as info:
        parse_report_html("<html><p>2013年度政府信息公开工作报告</p></html>", source="seed-003")
    assert isinstance(info.value, InvalidRecordsError)
    assert info.value.source == "seed-003"


def test_error_missing_rows_unknown_format_and_bad_cells() -> None:
    with pytest.raises(ReportParseError, match="cannot tell the format"):
        parse_report_html(_page([_row("一、本年新收政府信息公开申请数量")]))
    with pytest.raises(ReportParseError, match="rows not found"):
        parse_report_html(_page([_row("一、本年新收政府信息公开申请数量")]), format="2021")
    bad = _row("一、本年新收政府信息公开申请数量", "<td>十</td>" + "<td></td>" * 6)
    with pytest.raises(ReportParseError, match="not a whole number") as info:
        parse_report_html(_page([bad]), format="2021")
    assert any(p.field == "自然人" for p in info.value.problems)


def test_error_unrecognised_and_duplicate_rows() -> None:
    rows = [
        _row("一、本年新收政府信息公开申请数量"),
        _row("一、本年新收政府信息公开申请数量"),
        _row("合计", "<td>1</td>" * 7),
    ]
    with pytest.raises(ReportParseError) as info:
        parse_report_html(_page(rows), format="2021")
    text = str(info.value)
    assert "row appears twice" in text
    assert "numbers in a row whose label is not in table 3" in text


def test_error_columns_out_of_order_and_missing_header() -> None:
    html = _page([_row("一、本年新收政府信息公开申请数量")]).replace(
        "<td>商业企业</td><td>科研机构</td>", "<td>科研机构</td><td>商业企业</td>"
    )
    with pytest.raises(ReportParseError, match="not in the official order"):
        parse_report_html(html, format="2021")
    no_header = "<table><tr><td>一、本年新收</td>" + "<td>1</td>" * 7 + "</tr></table>"
    with pytest.raises(ReportParseError, match="applicant columns not found"):
        parse_report_html(no_header, format="2021")
    # a row too narrow for a label and seven numbers is no row of table 3
    narrow = "<table><tr><td>一、本年新收</td><td>1</td></tr></table>"
    with pytest.raises(ReportParseError, match="no table 3"):
        parse_report_html(narrow)


def test_error_table4_shapes() -> None:
    """A table 4 without its one row of numbers is skipped and reported; table 3 is still read."""
    good = render_html(AnnualReport("a", 2022, get_format("2021"), Table3.from_mapping("2021", {})))
    head = (
        '<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
        "<tr><td>尚未审结</td></tr>"
    )
    none = head + "<tr>" + "<td>x</td>" * 15 + "</tr></table>"
    result = read_report(good.replace("</body>", none + "</body>").encode())
    (problem,) = result.problems
    assert (problem.kind, problem.table) == ("table_unreadable", 4)
    assert "no row of 15 numbers" in str(problem)
    assert result.report.table4 is None
    assert result.report.table3 == Table3.from_mapping("2021", {})
    with pytest.warns(TablesSkippedWarning, match="table 4 could not be read"):
        parse_report_html(good.replace("</body>", none + "</body>"))
    two = head + ("<tr>" + "<td>1</td>" * 15 + "</tr>") * 2 + "</table>"
    with pytest.warns(TablesSkippedWarning, match="more than one row of numbers"):
        parse_report_html(good.replace("</body>", two + "</body>"))


def test_load_report_any_suffix(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        load_report(tmp_path / "report.pdf")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "2021", "table3": {"new": {"natural_person": "many"}}}', "utf-8")
    with pytest.raises(InvalidRecordsError, match=r"table3\.new\.natural_person"):
        load_report(bad)


tables3 = st.lists(st.tuples(*[counts] * 7), min_size=25, max_size=25)
tables4 = st.none() | st.lists(counts, min_size=15, max_size=15)


@given(tables3, tables4, st.sampled_from(["2021", "2019-trial"]))
def test_render_then_parse_round_trips(
    cells: list[tuple[int | None, ...]], t4: list[int | None] | None, fmt_id: str
) -> None:
    fmt = get_format(fmt_id)
    table3 = Table3(fmt, tuple(cells[: len(fmt.table3_rows)]))
    table4 = None if t4 is None else Table4(tuple(t4))
    report = AnnualReport("某局", 2021 if fmt_id == "2021" else 2020, fmt, table3, table4=table4)
    back = parse_report_html(render_html(report), format=fmt_id)
    assert back.table3 == report.table3
    assert back.table4 == report.table4
    assert back.year == report.year
    assert report_from_json(report_to_json(report)) == report


def test_text_sections() -> None:
    report = load_report(FIXTURES / "report_2021.html")
    sections = dict(report.sections)
    assert sections["一、总体情况"] == "2023年，我局认真贯彻落实……"
    assert sections["五、存在的主要问题及改进情况"] == "……"
    assert "二、主动公开政府信息情况" not in sections
    built = AnnualReport(
        "某局",
        2025,
        get_format("2021"),
        Table3.from_mapping("2021", {}),
        sections=[("一、总体情况", "第一段\n第二段"), ("六、其他需要报告的事项", "无")],
    )
    back = dict(parse_report_html(render_html(built)).sections)
    assert back["一、总体情况"] == "第一段\n第二段"
    assert back["六、其他需要报告的事项"] == "无"
    assert back["三、收到和处理政府信息公开申请情况"] == ""
