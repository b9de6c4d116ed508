"""The one XLSX writer of every official output: Chinese headers, frozen header row, widths.

Private.  Each package turns its result into ``(sheet name, headers, rows)`` — a
`Sheet` — in its presentation module; this module lays every sheet out the same way:

- the header row in bold, frozen (``freeze_panes = "A2"``), with an auto-filter;
- column widths from the longest text of each column (a CJK character counts as two), or
  the ``widths`` given, capped at `MAX_WIDTH`;
- every cell through `zwgk._neutralise.write_xlsx_cell`: text stays text, never a
  formula, numbers stay numbers, dates stay dates.

openpyxl is imported only when a workbook is made (extra ``zwgk[xlsx]``):

```python
from zwgk._xlsx_out import Sheet, workbook_bytes

data = workbook_bytes([Sheet("表三", ("项目", "总计"), [("新收", 12)])])
```
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from zwgk._lang import N_
from zwgk._neutralise import write_xlsx_cell
from zwgk._optional import import_extra

__all__ = ["MAX_WIDTH", "Sheet", "text_width", "workbook_bytes", "write_table", "write_workbook"]

#: Widest column (in Excel's character units) the automatic widths give.
MAX_WIDTH = 60

#: Characters Excel cannot store in a sheet name, and its length limit.
_BAD_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))
_SHEET_NAME_MAX = 31


def _rows(rows: Iterable[Iterable[object]]) -> tuple[tuple[object, ...], ...]:
    return tuple(tuple(row) for row in rows)


def _texts(headers: Iterable[str]) -> tuple[str, ...]:
    return tuple(headers)


@attrs.frozen
class Sheet:
    """One worksheet: its (Chinese) name, header row, data rows and optional column widths."""

    name: str
    headers: tuple[str, ...] = attrs.field(converter=_texts)
    rows: tuple[tuple[object, ...], ...] = attrs.field(converter=_rows)
    widths: tuple[float, ...] | None = None


def text_width(value: object) -> int:
    """Display width of ``value`` as text: wide (CJK, full-width) characters count as two."""
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(value))


def write_table(
    ws: Any,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    widths: Sequence[float] | None = None,
) -> None:
    """Write ``headers`` and ``rows`` to the openpyxl worksheet ``ws`` from ``A1``.

    The header row is bold and frozen and carries an auto-filter; every cell goes through
    `write_xlsx_cell`; dates get the ``yyyy-mm-dd`` format.  Column
    widths are ``widths`` where given, else the widest text of the column plus two, at most
    `MAX_WIDTH`.
    """
    styles = import_extra("openpyxl.styles", "xlsx", N_("writing XLSX tables"))
    utils = import_extra("openpyxl.utils", "xlsx", N_("writing XLSX tables"))
    bold = styles.Font(bold=True)
    for c, header in enumerate(headers, start=1):
        write_xlsx_cell(ws, 1, c, header).font = bold
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = write_xlsx_cell(ws, r, c, value)
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    if headers:
        ws.auto_filter.ref = f"A1:{utils.get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    for c in range(1, len(headers) + 1):
        if widths is not None and c <= len(widths):
            width = float(widths[c - 1])
        else:
            longest = max(
                [text_width(headers[c - 1])] + [text_width(row[c - 1]) for row in rows if c <= len(row)]
            )
            width = float(min(MAX_WIDTH, longest + 2))
        ws.column_dimensions[utils.get_column_letter(c)].width = width


def _sheet_name(name: str, taken: set[str]) -> str:
    base = (name.translate(_BAD_SHEET_CHARS).strip("'") or "Sheet")[:_SHEET_NAME_MAX]
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"({n})"
        candidate, n = base[: _SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def _workbook(sheets: Sequence[Sheet]) -> Any:
    openpyxl = import_extra("openpyxl", "xlsx", N_("writing XLSX tables"))
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for sheet in sheets or (Sheet("Sheet", (), ()),):
        ws = wb.create_sheet(_sheet_name(sheet.name, taken))
        write_table(ws, sheet.headers, sheet.rows, widths=sheet.widths)
    return wb


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """An XLSX workbook with one worksheet per `Sheet`, in order, as bytes.

    Sheet names lose the characters Excel forbids (``[]:*?/\\``), are cut to 31 characters
    and made unique.

    Raises:
        MissingExtraError: openpyxl is not installed (``pip install 'zwgk[xlsx]'``).
    """
    buffer = io.BytesIO()
    _workbook(sheets).save(buffer)
    return buffer.getvalue()


def write_workbook(sheets: Sequence[Sheet], path: str | Path) -> Path:
    """Write `workbook_bytes` of ``sheets`` to ``path``; return the path."""
    target = Path(path)
    target.write_bytes(workbook_bytes(sheets))
    return target
