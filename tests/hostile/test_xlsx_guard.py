"""inspect_xlsx on hand-built hostile workbooks: refused with the bound broken, or accepted as they are."""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from tests.hostile.workbooks import (
    BILLION_LAUGHS,
    BOMB_STRINGS,
    MAIN,
    XXE,
    row_xml,
    sheet_xml,
    workbook_bytes,
)
from tests.support import hide_package

from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._xlsx_guard import SheetShape, a1_to_row_col, inspect_xlsx
from zwgk.errors import (
    DataFileError,
    InvalidInputError,
    LimitExceededError,
    MissingExtraError,
    MissingFileError,
    UnsafeFileError,
)


class Refused(NamedTuple):
    id: str
    build: Callable[[], bytes]
    error: type[Exception]
    message: str  # a substring of str(error): the limit's name or the part at fault
    limits: Limits = DEFAULT_LIMITS


_row = row_xml


def _truncated() -> bytes:
    whole = workbook_bytes(sheet_xml(_row(1, '<c r="A1"><v>1</v></c>')))
    return whole[: len(whole) // 2]


def _forged_size() -> bytes:
    """The sheet's central-directory entry claims 10 bytes: zipfile stops there, mid-XML."""
    data = bytearray(workbook_bytes(sheet_xml(_row(1, '<c r="A1"><v>1</v></c>' * 50))))
    name = b"xl/worksheets/sheet1.xml"
    for header, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (start := data.find(header, start)) >= 0:
            name_at = start + (46 if header == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 10)
            start += 4
    return bytes(data)


_BILLION_LAUGHS = BILLION_LAUGHS
_XXE = XXE
_BOMB_STRINGS = BOMB_STRINGS


def _shared(*strings: str) -> str:
    return f'<sst xmlns="{MAIN}">' + "".join(strings) + "</sst>"


REFUSED = [
    Refused(
        "far-cell-XFD1048576",
        lambda: workbook_bytes(sheet_xml(_row(1048576, '<c r="XFD1048576"><v>1</v></c>'))),
        LimitExceededError,
        "has 1048576 rows; the limit max_rows is 200000",
    ),
    Refused(
        "far-column-XFD1",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c>'))),
        LimitExceededError,
        "has 16384 columns; the limit max_columns is 512",
    ),
    Refused(
        "far-row-A1048576",
        lambda: workbook_bytes(sheet_xml(_row(1048576, '<c r="A1048576"><v>1</v></c>'))),
        LimitExceededError,
        "max_rows",
    ),
    Refused(
        "far-empty-row",
        lambda: workbook_bytes(sheet_xml('<row r="1048576"/>')),
        LimitExceededError,
        "max_rows",
    ),
    Refused(
        "cell-beyond-its-row-element",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A900000"><v>1</v></c>'))),
        LimitExceededError,
        "has 900000 rows",
    ),
    Refused(
        "merged-A1:XFD1048576",
        lambda: workbook_bytes(sheet_xml(merged=("A1:XFD1048576",))),
        LimitExceededError,
        "has 17179869184 merged cells; the limit max_merged_cells is 1000000",
    ),
    Refused(
        "merged-reversed-range",
        lambda: workbook_bytes(sheet_xml(merged=("XFD1048576:A1",))),
        LimitExceededError,
        "max_merged_cells",
    ),
    Refused(
        "merged-tall-column",
        lambda: workbook_bytes(sheet_xml(merged=("A1:A300000",))),
        LimitExceededError,
        "has 300000 rows; the limit max_rows",
    ),
    Refused(
        "merged-wide-row",
        lambda: workbook_bytes(sheet_xml(merged=("A1:ZZ1",))),
        LimitExceededError,
        "max_columns",
    ),
    Refused(
        "merged-too-many-ranges",
        lambda: workbook_bytes(sheet_xml(merged=tuple(f"A{i}:B{i}" for i in range(1, 6)))),
        LimitExceededError,
        "has 5 merged ranges; the limit max_merged_ranges is 4",
        Limits(max_merged_ranges=4),
    ),
    Refused(
        "merged-overlapping-sum",
        lambda: workbook_bytes(sheet_xml(merged=("A1:J10", "A1:J10"))),
        LimitExceededError,
        "has 200 merged cells",
        Limits(max_merged_cells=150),
    ),
    Refused(
        "grid-rows-times-columns",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"/>') + _row(10000, '<c r="SR10000"/>'))),
        LimitExceededError,
        "has 5120000 cells (10000 rows × 512 columns); the limit max_cells is 5000000",
    ),
    Refused(
        "stored-cells",
        lambda: workbook_bytes(sheet_xml(_row(1, "".join(f'<c r="{c}1"/>' for c in "ABCDEF")))),
        LimitExceededError,
        "has 6 stored cells; the limit max_cells is 5",
        Limits(max_cells=5),
    ),
    Refused(
        "cells-without-references",
        lambda: workbook_bytes(sheet_xml(_row(1, "<c><v>1</v></c>" * 513))),
        LimitExceededError,
        "has 513 columns",
    ),
    Refused(
        "rows-without-references",
        lambda: workbook_bytes(sheet_xml("<row><c><v>1</v></c></row>" * 11)),
        LimitExceededError,
        "has 11 rows; the limit max_rows is 10",
        Limits(max_rows=10),
    ),
    Refused(
        "zip-bomb-ratio",
        lambda: workbook_bytes(shared_strings=_BOMB_STRINGS),
        LimitExceededError,
        "zip entry 'xl/sharedStrings.xml' expands",
    ),
    Refused(
        "uncompressed-total",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"><v>1</v></c>' * 1000))),
        LimitExceededError,
        "max_uncompressed_bytes",
        Limits(max_uncompressed_bytes=10_000),
    ),
    Refused(
        "file-size",
        workbook_bytes,
        LimitExceededError,
        "the file has",
        Limits(max_file_bytes=100),
    ),
    Refused(
        "inline-string-too-long",
        lambda: workbook_bytes(
            sheet_xml(_row(2, f'<c r="C2" t="inlineStr"><is><t>{"长" * 40_000}</t></is></c>'))
        ),
        LimitExceededError,
        "cell at row 2, column 3 has 40000 characters; the limit max_cell_chars is 32767",
    ),
    Refused(
        "cached-value-too-long",
        lambda: workbook_bytes(sheet_xml(_row(1, f'<c r="A1" t="str"><f>A2</f><v>{"x" * 33_000}</v></c>'))),
        LimitExceededError,
        "max_cell_chars",
    ),
    Refused(
        "shared-string-too-long",
        lambda: workbook_bytes(
            shared_strings=_shared("<si><t>a</t></si>", f"<si><t>{'x' * 32_768}</t></si>")
        ),
        LimitExceededError,
        "string 2 has 32768 characters",
    ),
    Refused(
        "shared-rich-text-runs-add-up",
        lambda: workbook_bytes(
            shared_strings=_shared(f"<si><r><t>{'x' * 20_000}</t></r><r><t>{'y' * 20_000}</t></r></si>")
        ),
        LimitExceededError,
        "has 40000 characters",
    ),
    Refused(
        "billion-laughs",
        lambda: workbook_bytes(shared_strings=_BILLION_LAUGHS),
        UnsafeFileError,
        "xl/sharedStrings.xml: refused",
    ),
    Refused(
        "external-entity",
        lambda: workbook_bytes(_XXE),
        UnsafeFileError,
        "xl/worksheets/sheet1.xml: refused",
    ),
    Refused("not-a-zip-csv", "事项,依据\n1,2\n".encode, DataFileError, "not a readable workbook"),
    Refused("empty-file", lambda: b"", DataFileError, "not a readable workbook"),
    Refused("truncated-zip", _truncated, DataFileError, "not a readable workbook"),
    Refused("forged-entry-size", _forged_size, DataFileError, "xl/worksheets/sheet1.xml"),
    Refused(
        "malformed-sheet-xml",
        lambda: workbook_bytes(f'<worksheet xmlns="{MAIN}"><sheetData><row>'),
        DataFileError,
        "malformed XML",
    ),
    Refused(
        "sheet-part-missing",
        lambda: _without("xl/worksheets/sheet1.xml"),
        DataFileError,
        "xl/worksheets/sheet1.xml: missing from the workbook",
    ),
    Refused(
        "workbook-part-missing",
        lambda: _without("xl/workbook.xml"),
        DataFileError,
        "xl/workbook.xml: missing",
    ),
    Refused(
        "bad-cell-reference",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="1A"/>'))),
        DataFileError,
        "cell '1A': not a cell reference",
    ),
    Refused(
        "cell-reference-beyond-XFD",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="XFE1"/>'))),
        DataFileError,
        "not a cell reference",
    ),
    Refused(
        "bad-merged-range",
        lambda: workbook_bytes(sheet_xml(merged=("A1:ZZZZ9",))),
        DataFileError,
        "merged range 'A1:ZZZZ9': not a cell range",
    ),
    Refused(
        "row-number-not-a-number",
        lambda: workbook_bytes(sheet_xml('<row r="x"/>')),
        DataFileError,
        "row 'x': not a row number",
    ),
    Refused(
        "row-number-with-5000-digits",
        lambda: workbook_bytes(sheet_xml(f'<row r="{"9" * 5000}"/>')),
        DataFileError,
        "not a row number",
    ),
    Refused(
        "sheet-without-relationship",
        lambda: workbook_bytes(extra={"xl/_rels/workbook.xml.rels": b"<Relationships/>"}, sheet=sheet_xml()),
        DataFileError,
        "no worksheet relationship",
    ),
]


def _without(part: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
    return buffer.getvalue()


@pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")
@pytest.mark.parametrize("case", REFUSED, ids=[c.id for c in REFUSED])
def test_hostile_workbook_is_refused(case: Refused) -> None:
    with pytest.raises(case.error) as caught:
        inspect_xlsx(case.build(), case.limits, "hostile.xlsx")
    assert case.message in str(caught.value)
    assert str(caught.value).startswith(("hostile.xlsx", "invalid data file hostile.xlsx"))
    assert len(str(caught.value)) < 400  # never the whole file in the message


def test_the_far_cell_file_is_tiny() -> None:
    assert len(REFUSED[0].build()) < 1600  # the 1.5 KB file of the issue


class Accepted(NamedTuple):
    id: str
    build: Callable[[], bytes]
    shape: SheetShape


ACCEPTED = [
    Accepted(
        "lying-dimension-over-three-cells",
        lambda: workbook_bytes(
            sheet_xml(
                _row(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>') + _row(2, '<c r="A2"><v>3</v></c>'),
                dimension="A1:XFD1048576",
            )
        ),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 2, 2, 3, 0, 0, "A1:XFD1048576"),
    ),
    Accepted(
        "dimension-smaller-than-the-cells",
        lambda: workbook_bytes(sheet_xml(_row(5, '<c r="E5"><v>1</v></c>'), dimension="A1")),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 5, 5, 1, 0, 0, "A1"),
    ),
    Accepted(
        "dimension-malformed",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"/>'), dimension="nonsense")),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 1, 1, 1, 0, 0, "nonsense"),
    ),
    Accepted(
        "empty-sheet",
        workbook_bytes,
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 0, 0, 0, 0, 0, None),
    ),
    Accepted(
        "merged-range-extends-the-extent",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"><v>1</v></c>'), merged=("A1:C4",))),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 4, 3, 1, 1, 12, None),
    ),
    Accepted(
        "cells-without-references-follow-on",
        lambda: workbook_bytes(sheet_xml("<row><c/><c/></row><row><c/><c/><c/></row>")),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 2, 3, 5, 0, 0, None),
    ),
    Accepted(
        "exactly-at-the-bounds",
        lambda: workbook_bytes(sheet_xml(_row(1, '<c r="A1"/>') + _row(200000, '<c r="Y200000"/>'))),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 200000, 25, 2, 0, 0, None),
    ),
    Accepted(
        "phonetic-runs-do-not-count",
        lambda: workbook_bytes(
            sheet_xml(_row(1, '<c r="A1" t="s"><v>0</v></c>')),
            shared_strings=_shared(
                f"<si><t>{'x' * 32_767}</t><rPh sb='0' eb='1'><t>{'y' * 100}</t></rPh></si>"
            ),
        ),
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 1, 1, 1, 0, 0, None),
    ),
    Accepted(
        "small-entry-with-high-ratio",
        lambda: workbook_bytes(sheet_xml("<row/>" * 50_000)),  # 300 KB deflating ~500×, below the 1 MiB floor
        SheetShape("Sheet1", "xl/worksheets/sheet1.xml", 50_000, 0, 0, 0, 0, None),
    ),
]


@pytest.mark.parametrize("case", ACCEPTED, ids=[c.id for c in ACCEPTED])
def test_real_world_workbook_is_accepted_with_its_real_shape(case: Accepted) -> None:
    shape = inspect_xlsx(case.build(), DEFAULT_LIMITS, "real.xlsx")
    assert shape.sheets == (case.shape,)
    assert shape["Sheet1"] == case.shape
    assert shape.names == ("Sheet1",)


def test_openpyxl_workbook_from_a_path(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "目录"
    for r in range(1, 21):
        ws.append([f"事项{r}", "国务院令第711号", r])
    ws.merge_cells("A22:C23")
    book.create_sheet("空")
    path = tmp_path / "catalog.xlsx"
    book.save(path)
    shape = inspect_xlsx(path, DEFAULT_LIMITS, path.name)
    assert shape.names == ("目录", "空")
    assert (shape["目录"].rows, shape["目录"].columns, shape["目录"].cells) == (23, 3, 60)
    assert (shape["目录"].merged_ranges, shape["目录"].merged_cells, shape["目录"].grid) == (1, 6, 69)
    assert shape["空"].cells == 0
    assert shape.shared_strings == 0  # openpyxl writes inline strings
    assert shape.file_bytes == path.stat().st_size
    with pytest.raises(KeyError):
        shape["nope"]


def test_missing_path_is_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        inspect_xlsx(tmp_path / "absent.xlsx", DEFAULT_LIMITS, "absent.xlsx")


def test_path_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"\0" * 2000)
    with pytest.raises(LimitExceededError, match="max_file_bytes is 1000") as caught:
        inspect_xlsx(path, Limits(max_file_bytes=1000), path.name)
    assert (caught.value.limit, caught.value.bound, caught.value.value) == ("max_file_bytes", 1000, 2000)


def test_without_defusedxml_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_package(monkeypatch, "defusedxml")
    with pytest.raises(MissingExtraError, match=r"zwgk\[xlsx\]"):
        inspect_xlsx(workbook_bytes(), DEFAULT_LIMITS, "x.xlsx")


class Reference(NamedTuple):
    ref: str
    row_col: tuple[int, int] | None  # None: refused


REFERENCES = [
    Reference("A1", (1, 1)),
    Reference("XFD1048576", (1048576, 16384)),
    Reference("Z9", (9, 26)),
    Reference("AA10", (10, 27)),
    Reference("az3", (3, 52)),
    Reference("XFD1", (1, 16384)),
    Reference("", None),
    Reference("A0", None),
    Reference("A01", None),
    Reference("XFE1", None),
    Reference("A1048577", None),
    Reference("$A$1", None),
    Reference("1A", None),
    Reference("A", None),
    Reference("AAAA1", None),
    Reference("A1:B2", None),
    Reference("Ａ1", None),
]


@pytest.mark.parametrize("case", REFERENCES, ids=[c.ref or "empty" for c in REFERENCES])
def test_a1_to_row_col(case: Reference) -> None:
    if case.row_col is None:
        with pytest.raises(InvalidInputError, match="cell reference"):
            a1_to_row_col(case.ref)
    else:
        assert a1_to_row_col(case.ref) == case.row_col
