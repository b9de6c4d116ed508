"""Keeping exported cells from running as formulas (private; issue 11, CSV injection).

A ledger or catalog cell typed by the public — ``=HYPERLINK("http://…", "点击")`` or
``+cmd|' /C calc'!A0`` — must reach the spreadsheet of the official who opens the export as
text, never as a formula.  Every CSV and spreadsheet writer passes text through
`neutralise_cell` (or `neutralise_row`); ``openpyxl`` writers use
`write_xlsx_cell`:

```python
from zwgk._neutralise import neutralise_row, write_xlsx_cell

writer.writerow(neutralise_row(row))                  # csv
for c, value in enumerate(row, start=1):              # openpyxl
    write_xlsx_cell(ws, r, c, value)
```

The rule (OWASP "CSV Injection"; ASVS 5.0 V1.2.10): a text cell that starts with ``=``,
``+``, ``-``, ``@``, tab, carriage return — or NUL, which ASVS adds — gets a leading
apostrophe, which spreadsheets show as "this is text" and do not display.  The full-width
forms ``＝ ＋ － ＠`` (U+FF1D, U+FF0B, U+FF0D, U+FF20) are treated the same: Excel in East
Asian locales is reported to read a full-width ``＝`` typed at the start of a cell as ``=``,
and whether its CSV import does the same could not be verified here (no Excel), so zwgk
errs on the side of the apostrophe — on a rare text cell it costs little.

Numbers: the literal OWASP reading is applied to *text* — ``"-5"`` as a string becomes
``"'-5"``.  Write numeric cells as ``int``/``float``/``Decimal`` values, not strings;
`neutralise_row` leaves non-strings alone, so a number stays a number (``-5`` is
written as ``-5``, which no spreadsheet runs).

`neutralise_cell` is idempotent (an apostrophe-led text is left alone), so cells
neutralised twice do not grow.  Readers undo it with `restore_cell`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = [
    "DANGEROUS_PREFIXES",
    "XLSX_ERROR_CODES",
    "neutralise_cell",
    "neutralise_row",
    "restore_cell",
    "safe_xlsx_value",
    "write_xlsx_cell",
]

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\x00", "＝", "＋", "－", "＠")
"""First characters that make a spreadsheet read a cell as a formula (or hide a prefix)."""

XLSX_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
"""Texts openpyxl stores as *error* cells when given as ``str`` (as ``openpyxl.cell.cell.ERROR_CODES``)."""


def neutralise_cell(value: str) -> str:
    """``value`` with a leading apostrophe if a spreadsheet could read it as a formula.

    >>> neutralise_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> neutralise_cell("2026-01-01"), neutralise_cell("张三"), neutralise_cell("")
    ('2026-01-01', '张三', '')

    Returns:
        ``"'" + value`` when ``value`` starts with one of `DANGEROUS_PREFIXES`;
        otherwise ``value`` unchanged (including a value already starting with ``'``).
    """
    return "'" + value if value.startswith(DANGEROUS_PREFIXES) else value


def neutralise_row(values: Iterable[object]) -> list[object]:
    """Each text of ``values`` through `neutralise_cell`; other values unchanged."""
    return [neutralise_cell(v) if isinstance(v, str) else v for v in values]


def restore_cell(value: str) -> str:
    """Undo `neutralise_cell`: drop an apostrophe that precedes a dangerous prefix.

    ``restore_cell(neutralise_cell(v)) == v`` for every ``v`` except a text that itself
    starts with an apostrophe and a dangerous prefix (``"'=x"`` reads back as ``"=x"``).
    """
    return value[1:] if value.startswith("'") and value[1:].startswith(DANGEROUS_PREFIXES) else value


def safe_xlsx_value(value: object) -> object:
    """A value that openpyxl's ``ws.append`` or ``cell.value =`` stores as text, not as a formula.

    openpyxl turns any ``str`` longer than one character that starts with ``=`` into a
    formula cell, and the texts in `XLSX_ERROR_CODES` into error cells
    (``openpyxl.cell.cell.Cell._bind_value``).  Texts are passed through
    `neutralise_cell`, and error-code texts get the same apostrophe; other values are
    returned unchanged.  Use it where cells cannot be addressed one by one (write-only
    workbooks, ``ws.append``); `write_xlsx_cell` keeps the text exact instead.
    """
    if not isinstance(value, str):
        return value
    return "'" + value if value in XLSX_ERROR_CODES else neutralise_cell(value)


def write_xlsx_cell(ws: Any, row: int, column: int, value: object) -> Any:
    """Write ``value`` to ``ws`` at 1-based ``(row, column)``; text is always stored as text.

    A ``str`` is stored exactly as given as a string cell (``data_type`` ``s``; openpyxl
    writes it inline), never ``f`` (formula) or ``e`` (error).  A text with a dangerous
    first character also gets Excel's own "quote prefix" style (``quotePrefix``: what Excel
    records when someone types ``'=1+1``), so editing the cell in Excel keeps it text.
    Nothing is added to the text, so openpyxl and pandas read back exactly what was
    written.  Other values (numbers, dates, ``None``) are assigned as usual.

    Returns:
        The cell.
    """
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(DANGEROUS_PREFIXES) or value in XLSX_ERROR_CODES:
            cell.quotePrefix = True
    return cell
