"""Importing catalogs from CSV and XLSX in the de-facto layout, and every import error."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.catalog import (
    Anchor,
    Audience,
    DisclosureMode,
    FiveOpen,
    LegalForce,
    Level,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    read_catalog,
    read_publication_log,
)
from zwgk.catalog.io import catalog_from_rows, read_catalog_csv, read_catalog_xlsx, split_cell
from zwgk.deadlines import PeriodUnit
from zwgk.errors import DataFileError, InvalidInputError, InvalidRecordsError, UnknownNameError

TITLE = "某县就业领域基层政务公开标准目录"
TOP = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
       "公开对象", "", "公开方式", "", "公开层级", ""]  # fmt: skip
SUB = [
    "",
    "一级事项",
    "二级事项",
    "",
    "",
    "",
    "",
    "",
    "全社会",
    "特定群体",
    "主动",
    "依申请",
    "县级",
    "乡、村级",
]
ROWS = [
    [TITLE],
    TOP,
    SUB,
    ["1", "就业政策", "政策文件", "1.文件名称\n2.文号\n3.正文",
     "《中华人民共和国就业促进法》\n《就业服务与就业管理规定》（劳动和社会保障部令第28号）",
     "自信息形成或者变更之日起\n20个工作日内", "县人社局", "政府网站\n两微一端", "√", "", "√", "", "√", "√"],
    [""] * 14,
    ["2", "", "政策解读", "解读材料", "同上", "同上", "同上", "■政府网站 □政府公报 ■公开查阅点",
     "■", "□", "✓", "", "√", "口"],
    [],
    ["3", "就业服务", "招聘信息", "岗位、人数", "《人力资源市场暂行条例》", "實時公開", "县就业服务中心",
     "精准推送", "", "√", "", "√", "√", ""],
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[str]], merges: list[str]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    ws = workbook.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value != "":
                ws.cell(row=r, column=c, value=value)
    for span in merges:
        ws.merge_cells(span)
    workbook.save(path)
    return path


def test_csv_two_row_header_marks_same_as_above_blank_rows(tmp_path: Path) -> None:
    catalog = read_catalog_csv(write_csv(tmp_path / "c.csv", ROWS))
    assert catalog.title == TITLE
    assert [i.row for i in catalog] == [4, 6, 8]
    first, second, third = catalog.items
    assert first.first_level == "就业政策"
    assert first.second_level == "政策文件"
    assert first.content == ("文件名称", "文号", "正文")
    assert [b.kind for b in first.legal_bases] == [LegalForce.LAW, LegalForce.DEPARTMENTAL_RULE]
    assert first.legal_bases[1].number == "劳动和社会保障部令第28号"
    assert first.time_limit.parts == (PeriodLimit(20, PeriodUnit.WORKING_DAYS, Anchor.FORMED_OR_CHANGED),)
    assert first.channels == ("政府网站", "两微一端")
    assert first.audiences == (Audience.PUBLIC,)
    assert first.modes == (DisclosureMode.PROACTIVE,)
    assert first.levels == (Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE)
    # blank 一级事项 under a named one is filled down; 同上 copies the row above
    assert second.first_level == "就业政策"
    assert second.legal_bases == first.legal_bases
    assert second.time_limit == first.time_limit
    assert second.body == "县人社局"
    assert second.channels == ("政府网站", "公开查阅点")
    assert second.audiences == (Audience.PUBLIC,)
    assert second.modes == (DisclosureMode.PROACTIVE,)
    assert second.levels == (Level.COUNTY,)
    assert third.time_limit.parts == (QualitativeLimit(Qualitative.REAL_TIME),)
    assert third.audiences == (Audience.SPECIFIC,)
    assert third.modes == (DisclosureMode.ON_REQUEST,)


def test_gb18030_csv_is_read(tmp_path: Path) -> None:
    catalog = read_catalog_csv(write_csv(tmp_path / "gbk.csv", ROWS, encoding="gb18030"))
    assert catalog.items[0].first_level == "就业政策"


def test_wrong_explicit_encoding(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", ROWS)
    with pytest.raises(DataFileError, match="not ASCII text"):
        read_catalog_csv(path, encoding="ascii")


def test_xlsx_with_merged_headers_and_cells(tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS]
    rows[5][1] = ""  # 一级事项 merged B4:B6 instead of filled down
    merges = ["A1:N1", "A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2",
              "M2:N2", "B4:B6"]  # fmt: skip
    catalog = read_catalog_xlsx(write_xlsx(tmp_path / "c.xlsx", rows, merges))
    assert catalog.title == TITLE
    assert [i.name for i in catalog] == ["就业政策 / 政策文件", "就业政策 / 政策解读", "就业服务 / 招聘信息"]
    assert catalog.items[0].levels == (Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE)
    assert catalog.items[1].time_limit == catalog.items[0].time_limit
    assert read_catalog(tmp_path / "c.xlsx", sheet=0) == catalog


def test_xlsx_numbers_and_sheet_by_name(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "封面"
    ws = workbook.create_sheet("目录")
    ws.append(["序号", "一级事项", "公开时限", "公开方式", "公开层级"])
    ws.append([1, "资金", "每季度", "主动", "县级"])
    ws.append([2.0, "名单", "实时公开", "依申请", "乡镇"])
    workbook.save(tmp_path / "n.xlsx")
    catalog = read_catalog_xlsx(tmp_path / "n.xlsx", sheet="目录")
    assert [i.sequence for i in catalog] == ["1", "2"]
    assert catalog.items[1].levels == (Level.TOWNSHIP,)
    assert catalog.title is None
    with pytest.raises(UnknownNameError, match="sheet"):
        read_catalog_xlsx(tmp_path / "n.xlsx", sheet="附件")
    with pytest.raises(UnknownNameError, match="sheet"):
        read_catalog_xlsx(tmp_path / "n.xlsx", sheet=5)


def test_single_row_header_with_text_columns() -> None:
    rows = [
        [
            "序号",
            "事项名称",
            "公开依据",
            "公开时限",
            "公开对象",
            "公开方式",
            "公开层级",
            "五公开",
            "所属领域",
            "备注",
        ],
        ["1", "招聘公告", "", "及时公开", "社会公众", "主动公开", "区级", "执行公开、结果", "就业", "x"],
        ["2", "补贴名单", "", "", "特定群众、特定主体", "依申请", "镇街级", "", "", ""],
    ]
    catalog = catalog_from_rows(rows, source="flat")
    one, two = catalog.items
    assert one.first_level == "招聘公告"
    assert one.audiences == (Audience.PUBLIC,)
    assert one.levels == (Level.COUNTY,)
    assert one.five_open == (FiveOpen.EXECUTION, FiveOpen.RESULT)
    assert one.field == "就业"
    assert two.audiences == (Audience.SPECIFIC,)
    assert two.levels == (Level.TOWNSHIP,)
    assert two.legal_bases == ()


def test_banner_rows_are_skipped() -> None:
    rows = [
        ["序号", "一级事项", "二级事项", "公开时限", "公开方式"],
        ["一、就业创业", "", "", "", ""],
        ["就业创业", "就业创业", "就业创业", "就业创业", "就业创业"],
        ["1", "政策", "文件", "实时公开", "主动"],
    ]
    catalog = catalog_from_rows(rows)
    assert [i.row for i in catalog] == [4]


def test_formula_apostrophe_is_removed_on_import() -> None:
    rows = [["序号", "一级事项", "公开主体", "公开时限"], ["1", "'=事项", "'-主体", "实时公开"]]
    item = catalog_from_rows(rows).items[0]
    assert item.first_level == "=事项"
    assert item.body == "-主体"


def test_split_cell() -> None:
    assert split_cell("1.政府网站\n2、两微一端；（3）公开查阅点、①现场") == (
        "政府网站",
        "两微一端",
        "公开查阅点",
        "现场",
    )
    assert split_cell("  \n") == ()


# --- errors --------------------------------------------------------------------------------


def test_every_bad_row_and_column_is_listed() -> None:
    rows = [
        TOP,
        SUB,
        ["1", "同上", "", "", "《未闭合", "", "", "", "x", "", "√", "", "√", ""],
        ["2", "事项", "子项", "", "", "", "", "■网站 □公报", "", "", "", "?", "", ""],
        ["3", "事项", "", "", "", "", "", "前缀■网站", "", "", "", "", "", ""],
    ]
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_rows(rows, source="bad.csv")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.source == "bad.csv"
    where = [(p.location, p.field) for p in err.problems]
    assert where == [
        ("row 3, column B", "公开事项/一级事项"),
        ("row 3, column E", "公开依据"),
        ("row 3, column I", "公开对象/全社会"),
        ("row 3", "公开事项"),
        ("row 4, column L", "公开方式/依申请"),
        ("row 5, column H", "公开渠道和载体"),
    ]
    assert "同上 in the first row" in str(err)
    assert "'x'" in str(err)


def test_unknown_label_in_text_column() -> None:
    rows = [
        ["序号", "一级事项", "公开方式", "公开对象", "公开层级", "五公开"],
        ["1", "a", "随便", "游客", "省级", "宣传"],
    ]
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_rows(rows)
    assert [p.location for p in info.value.problems] == [
        "row 2, column C",
        "row 2, column D",
        "row 2, column E",
        "row 2, column F",
    ]
    assert "主动公开" in str(info.value)


def test_no_header() -> None:
    with pytest.raises(InvalidRecordsError, match="no header row"):
        catalog_from_rows([["a", "b"], ["1", "2"]])


def test_header_without_name_column() -> None:
    with pytest.raises(InvalidRecordsError, match="no item-name column"):
        catalog_from_rows([["序号", "公开时限", "公开方式"], ["1", "实时公开", "主动"]])


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match=r"\.csv, \.xlsx or \.json"):
        read_catalog(tmp_path / "c.docx")


def test_cells_right_of_the_header_are_reported_not_dropped() -> None:
    ticks = ["√", "", "√", "", "√", ""]
    rows = [
        TOP,
        SUB,
        ["1", "就业政策", "政策文件", "文件", "《就业促进法》", "实时公开", "人社局", "政府网站", *ticks],
        ["8", "a", "b", "c", "d", "实时公开", "f", "g", *ticks, "extra", "", "extra2"],
        ["9", "同上", "同上", "同上", "同上", "同上", "同上", "同上", *ticks, " "],
    ]
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_rows(rows, source="wide.csv")
    found = [(p.location, p.field, p.value, p.message) for p in info.value.problems]
    assert found == [
        ("row 4, column O", "column 15", "extra", "cell beyond the last header column"),
        ("row 4, column Q", "column 17", "extra2", "cell beyond the last header column"),
    ]
    assert "nothing right of the last header column N" in str(info.value)


def test_extra_cells_are_listed_with_the_other_problems() -> None:
    rows = [
        ["序号", "一级事项", "", "公开方式"],
        ["1", "事项", "lost", "随便"],
        ["一", "事项", "", "主动", "x"],
    ]
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_rows(rows)
    found = [(p.location, p.message) for p in info.value.problems]
    assert found == [
        ("row 2, column D", "unknown disclosure mode"),
        ("row 2, column C", "cell under no header"),
        ("row 3, column E", "cell beyond the last header column"),
    ]


@pytest.mark.parametrize("sequence", ["一", "（一）", "1.1", "1-2", "abc"])
def test_sequence_is_free_text(sequence: str) -> None:
    header = ["序号", "一级事项", "公开时限", "公开方式"]
    catalog = catalog_from_rows([header, [sequence, "就业政策", "实时公开", "主动"]])
    assert catalog.items[0].sequence == sequence


@pytest.mark.parametrize("name", ["none.csv", "none.xlsx", "none.json"])
def test_missing_file_is_a_zwgk_error(tmp_path: Path, name: str) -> None:
    from zwgk.errors import DataFileError, MissingFileError, ZwgkError

    with pytest.raises(MissingFileError) as info:
        read_catalog(tmp_path / name)
    err = info.value
    assert isinstance(err, ZwgkError)
    assert isinstance(err, DataFileError)
    assert isinstance(err, FileNotFoundError)  # code catching the builtin keeps working
    assert err.path == str(tmp_path / name)
    assert "no such file" in str(err)
    assert "expected an existing catalog" in str(err)
    with pytest.raises(MissingFileError):
        read_catalog_csv(tmp_path / "none.csv")


def test_an_unreadable_file_is_a_data_file_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from zwgk.errors import DataFileError, MissingFileError

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    for name in ("locked.csv", "locked.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    for name in ("locked.csv", "locked.json"):
        with pytest.raises(DataFileError, match=r"cannot be read \(Permission denied\)") as info:
            read_catalog(tmp_path / name)
        assert not isinstance(info.value, MissingFileError)
    with pytest.raises(DataFileError, match="expected a readable publication log"):
        read_publication_log(tmp_path / "locked.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(MissingFileError, match="not a regular file"):
        read_catalog(tmp_path / "folder.csv")


def test_a_csv_renamed_xlsx_is_a_data_file_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from zwgk.errors import DataFileError

    fake = tmp_path / "fake.xlsx"
    fake.write_text("序号,公开事项\n1,就业政策\n", encoding="utf-8")
    for read in (read_catalog, read_catalog_xlsx):
        with pytest.raises(DataFileError) as info:
            read(fake)
        (problem,) = info.value.problems
        assert info.value.source == "fake.xlsx"
        assert problem.location == str(fake)
        assert problem.expected == "an .xlsx workbook (Office Open XML)"
        assert "BadZipFile" in str(problem.value)


def test_a_zip_without_a_workbook_is_a_data_file_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    import zipfile

    from zwgk.errors import DataFileError

    fake = tmp_path / "empty.xlsx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(DataFileError, match=r"an \.xlsx workbook \(Office Open XML\)"):
        read_catalog_xlsx(fake)


def test_missing_openpyxl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from zwgk.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"zwgk\[xlsx\]"):
        read_catalog_xlsx(tmp_path / "c.xlsx")


_CELLS = st.one_of(
    st.sampled_from(["", "√", "■", "□", "口", "同上", "主动", "全社会", "县级", "x", "《未闭合", "一、标题"]),
    st.sampled_from([*TOP, *SUB]),
    st.text(max_size=6),
)


@given(st.lists(st.lists(_CELLS, max_size=16), max_size=8))
def test_any_rows_give_a_catalog_or_one_listing_error(rows: list[list[str]]) -> None:
    try:
        catalog = catalog_from_rows(rows)
    except InvalidRecordsError as error:
        problems = error.problems
        catalog = None
    if catalog is None:
        assert problems
    else:
        assert all(item.first_level or item.second_level for item in catalog)


@given(st.lists(st.lists(_CELLS, min_size=14, max_size=14), max_size=6))
def test_any_body_under_the_de_facto_header(rows: list[list[str]]) -> None:
    try:
        catalog = catalog_from_rows([TOP, SUB, *rows])
    except InvalidRecordsError as error:
        problems = error.problems
        catalog = None
    if catalog is None:
        assert problems
        assert all(p.location.startswith("row ") for p in problems)
    else:
        assert all(item.row is not None and item.row > 2 for item in catalog)


def test_channels_as_ticked_sub_columns() -> None:
    top = ["序号", "一级事项", "公开时限", "公开渠道和载体", "", "", "", "公开方式", ""]
    sub = ["", "", "", "政府网站", "政府公报", "两微一端", "12345政务服务热线", "主动", "依申请"]
    rows = [top, sub, ["1", "招聘信息", "实时公开", "√", "", "■", "", "√", ""]]
    (item,) = catalog_from_rows(rows).items
    assert item.channels == ("政府网站", "两微一端")
    assert item.modes == (DisclosureMode.PROACTIVE,)


def test_repeated_bad_cells_are_reported_on_every_row_in_column_order() -> None:
    """The read memoises cell values: a cell with a problem is still reported on each row."""
    text = ["就业政策", "政策文件", "文件"]
    good = ["1", *text, "《就业促进法》", "实时公开", "人社局", "政府网站", "√", "", "√", "", "√", ""]
    bad = ["2", *text, "《就业促进法", "实时公开", "人社局", "政府网站", "x", "", "√", "", "√", ""]
    rows = [TOP, SUB, good, bad, list(bad), list(good)]  # 全社会 of the bad rows holds a bad mark
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_rows(rows, source="bad.csv")
    found = [(p.location, p.message) for p in info.value.problems]
    assert found == [
        ("row 4, column E", "unbalanced 《》"),
        ("row 4, column I", "not a tick mark"),
        ("row 5, column E", "unbalanced 《》"),
        ("row 5, column I", "not a tick mark"),
    ]


def test_two_columns_of_one_field_the_last_one_wins() -> None:
    rows = [
        ["序号", "事项名称", "公开时限", "公开时限", "公开方式"],
        ["1", "政策", "实时公开", "", "主动"],
        ["2", "文件", "", "及时公开", "主动"],
    ]
    one, two = catalog_from_rows(rows).items
    assert one.time_limit.text == ""
    assert two.time_limit.text == "及时公开"
