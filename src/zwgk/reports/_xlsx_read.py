"""Reading a report's tables from a workbook: ``.xlsx`` (extra ``xlsx``) or ``.xls`` (extra ``xls``: xlrd).

Each worksheet is cut at its blank rows into blocks, each block a grid (merged cells
filled with their top-left value); `zwgk.reports._grid` finds tables 2–4 among the
blocks and joins those a blank row split.  An ``.xlsx`` file is checked by
`zwgk._xlsx_guard.inspect_xlsx` (zip bombs, XML bombs, far cells) before openpyxl
loads it; an ``.xls`` file's rows and columns are bounded before its cells are read.
Workbooks have no running text: the year and agency come from title cells.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk._files import BROKEN_WORKBOOK, broken_workbook, merged_sheet_rows, sheet_shape
from zwgk._i18n import gettext, msg
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk._optional import import_extra
from zwgk.errors import LimitExceededError
from zwgk.reports._grid import Document, Grid, Text
from zwgk.reports._sniff import refuse

__all__ = ["xls_document", "xlsx_document"]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return " ".join(str(value).split())


def _blocks(name: str, rows: list[list[object]], limits: Limits, source: str) -> list[tuple[Text, Grid]]:
    """The sheet cut at blank rows: ``(place, grid)`` for each block of non-blank rows."""
    out: list[tuple[Text, Grid]] = []
    current: list[tuple[str | None, ...]] = []
    start = 0
    for number, row in enumerate([*rows, []], start=1):
        texts = tuple(_text(v) for v in row)
        if len(texts) > limits.max_columns:
            raise LimitExceededError.too_many(
                source,
                "max_columns",
                limits.max_columns,
                len(texts),
                where=gettext("sheet {name}").format(name=repr(name)),
                unit=gettext("columns"),
            )
        if any(texts):
            if not current:
                start = number
            current.append(texts)
        elif current:
            # the block's own width: a wider table elsewhere on the sheet pads its rows
            width = max(max((i + 1 for i, c in enumerate(r) if c), default=0) for r in current)
            place = msg("sheet {name} rows {first}–{last}", name=repr(name), first=start, last=number - 1)
            out.append((place, tuple(r[:width] for r in current)))
            current = []
    return out


def _document(
    kind: str, sheets: list[tuple[str, list[list[object]]]], limits: Limits, source: str
) -> Document:
    grids: list[Grid] = []
    where: list[Text] = []
    chunks: list[tuple[int | None, str]] = []
    for name, rows in sheets:
        for place, grid in _blocks(name, rows, limits, source):
            if len(grids) >= limits.max_tables:
                raise LimitExceededError.too_many(
                    source,
                    "max_tables",
                    limits.max_tables,
                    len(grids) + 1,
                    where=str(place),
                    unit=gettext("tables"),
                )
            if len(grid) == 1 and sum(1 for c in grid[0] if c) == 1:  # a title line, not a table
                chunks.append((None, next(c for c in grid[0] if c) + "\n"))
                continue
            chunks.extend((len(grids), " ".join(c for c in dict.fromkeys(r) if c) + "\n") for r in grid)
            grids.append(grid)
            where.append(place)
    return Document(kind, tuple(grids), tuple(chunks), "", tuple(where))


def xlsx_document(data: bytes, *, source: str = "<xlsx>", limits: Limits = DEFAULT_LIMITS) -> Document:
    """The tables of an ``.xlsx`` workbook, sheet by sheet, as grids.

    Raises:
        MissingExtraError: openpyxl is not installed (extra ``xlsx``).
        LimitExceededError: a bound of ``limits`` is exceeded (checked before loading).
        UnsafeFileError: an XML part has a DTD, entities or external references.
        DataFileError: not a readable workbook.
    """
    openpyxl = import_extra("openpyxl", "xlsx", gettext("reading reports published as Excel workbooks"))
    from openpyxl.utils.exceptions import InvalidFileException

    from zwgk._xlsx_guard import inspect_xlsx

    shape = inspect_xlsx(data, limits, source)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, *BROKEN_WORKBOOK) as exc:
        raise broken_workbook(Path(source), exc) from exc
    sheets = [(ws.title, merged_sheet_rows(ws, sheet_shape(shape, ws.title))) for ws in workbook.worksheets]
    return _document("xlsx", sheets, limits, source)


def _xls_rows(sheet: Any, limits: Limits, source: str) -> list[list[object]]:
    where = gettext("sheet {name}").format(name=repr(sheet.name))
    for limit, value in (("max_rows", sheet.nrows), ("max_columns", sheet.ncols)):
        bound = getattr(limits, limit)
        if value > bound:
            raise LimitExceededError.too_many(
                source, limit, bound, value, where=where, unit=gettext("or more")
            )
    if sheet.nrows * sheet.ncols > limits.max_cells:
        raise LimitExceededError.too_many(
            source,
            "max_cells",
            limits.max_cells,
            sheet.nrows * sheet.ncols,
            where=where,
            unit=gettext("cells"),
        )
    rows: list[list[object]] = [list(sheet.row_values(r)) for r in range(sheet.nrows)]
    for r0, r1, c0, c1 in sheet.merged_cells:
        top = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else None
        for r in range(r0, min(r1, len(rows))):
            for c in range(c0, min(c1, len(rows[r]))):
                rows[r][c] = top
    return rows


def xls_document(data: bytes, *, source: str = "<xls>", limits: Limits = DEFAULT_LIMITS) -> Document:
    """The tables of a legacy ``.xls`` workbook (Excel 97–2003), sheet by sheet, as grids.

    Raises:
        MissingExtraError: xlrd is not installed (extra ``xls``).
        LimitExceededError: a bound of ``limits`` is exceeded.
        DataFileError: not a readable ``.xls`` workbook.
    """
    xlrd = import_extra("xlrd", "xls", gettext("reading reports published as .xls workbooks"))
    check_file_size(len(data), limits, source)
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, *BROKEN_WORKBOOK) as exc:
        problem = gettext("not a readable .xls workbook ({error})").format(
            error=f"{type(exc).__name__}: {exc}"
        )
        raise refuse(source, problem) from None
    try:
        sheets = [
            (s.name, _xls_rows(s, limits, source))
            for s in (book.sheet_by_index(i) for i in range(book.nsheets))
        ]
    finally:
        book.release_resources()
    return _document("xls", sheets, limits, source)
