"""Reading CSV from the public within `Limits` (private; issue 11).

`read_csv_rows` replaces ``list(csv.reader(io.StringIO(text, newline="")))`` in every
reader:

```python
from zwgk._csv_guard import read_csv_rows

_, text = read_input_text(path, "catalog file (.csv)")       # zwgk._files
rows = read_csv_rows(text, limits=limits, source=path.name)
```

It never lets ``_csv.Error: field larger than field limit (131072)`` or any other
``csv.Error`` escape, and refuses too many rows, columns or characters in a cell with
[`LimitExceededError`][zwgk.errors.LimitExceededError] naming the row and column as a spreadsheet numbers
them (row 1 is the first line, column A the first field).

The field size limit.  ``csv.field_size_limit`` is process-global.  zwgk does not lower it
to ``max_cell_chars``: it checks every cell's length itself, so the message can name the
row, the column and the length.  A text no longer than the current limit (131,072
characters by default) cannot hold a longer field, so nothing global is touched; only for
a longer text is the limit raised to the text's length for the duration of the parse
(under a lock, restored afterwards).  No field can be longer than the text, which is
already in memory, so the raised limit costs nothing.  While it is raised, another thread
parsing CSV sees the larger limit — more permissive, never a failure.

NUL characters are refused: a CSV file with NUL is a binary file or UTF-16 text read as
UTF-8, and no spreadsheet cell can hold one.
"""

from __future__ import annotations

import csv
import io
import threading

from zwgk._i18n import gettext
from zwgk._limits import Limits, check_text_size
from zwgk.errors import DataFileError, LimitExceededError, Problem

__all__ = ["column_name", "read_csv_rows"]

_FIELD_LIMIT_LOCK = threading.Lock()


def column_name(index: int) -> str:
    """The spreadsheet letters of a 1-based column: ``1 → "A"``, ``27 → "AA"``."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _parse(text: str, limits: Limits, source: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    try:
        for record in reader:
            if not (  # every row but a bad one passes the three bounds in one test
                len(rows) < limits.max_rows
                and len(record) <= limits.max_columns
                and (not record or max(map(len, record)) <= limits.max_cell_chars)
            ):
                _check(record, len(rows) + 1, limits, source)
            rows.append(record)
    except csv.Error as exc:
        raise DataFileError(
            source,
            [
                Problem(
                    f"line {reader.line_num}",
                    gettext("malformed CSV ({exc})").format(exc=exc),
                    None,
                    None,
                    gettext("comma-separated text"),
                )
            ],
        ) from None
    return rows


def _check(record: list[str], number: int, limits: Limits, source: str) -> None:
    """Raise for the first bound of ``limits`` that row ``number`` exceeds."""
    if number > limits.max_rows:
        raise LimitExceededError.too_many(
            source,
            "max_rows",
            limits.max_rows,
            number,
            where=gettext("the file"),
            unit=gettext("rows or more"),
        )
    if len(record) > limits.max_columns:
        raise LimitExceededError.too_many(
            source,
            "max_columns",
            limits.max_columns,
            len(record),
            where=gettext("row {number}").format(number=number),
            unit=gettext("columns"),
        )
    for index, cell in enumerate(record, start=1):
        if len(cell) > limits.max_cell_chars:
            raise LimitExceededError.too_many(
                source,
                "max_cell_chars",
                limits.max_cell_chars,
                len(cell),
                where=gettext("row {number}, column {column_name}").format(
                    number=number, column_name=column_name(index)
                ),
                unit=gettext("characters"),
            )


def _refuse_nul(text: str, source: str) -> None:
    position = text.find("\x00")
    if position < 0:
        return
    line = text.count("\n", 0, position) + 1
    raise DataFileError(
        source,
        [
            Problem(
                f"line {line}",
                gettext("contains a NUL character (a binary file, or UTF-16 text?)"),
                "content",
                None,
                gettext("UTF-8 or GB18030 comma-separated text"),
            )
        ],
    )


def read_csv_rows(text: str, *, limits: Limits, source: str) -> list[list[str]]:
    """The rows of CSV ``text`` (the default Excel dialect), checked against ``limits``.

    Args:
        text: the decoded file (``zwgk._files.read_input_text``).
        limits: ``max_rows`` (every record, header included), ``max_columns``,
            ``max_cell_chars`` and ``max_file_bytes`` (on the text's length) apply.
        source: how messages name the input (``"ledger.csv"``).

    Returns:
        Every record as a list of strings; a blank line is ``[]`` (as `csv.reader`).
        Row numbers in messages count records, so a quoted cell spanning two lines is one row.

    Raises:
        LimitExceededError: too many rows or columns, a cell too long, or a text too long.
        DataFileError: NUL characters, or malformed CSV (with the line number).
    """
    check_text_size(text, limits, source)
    _refuse_nul(text, source)
    if len(text) <= csv.field_size_limit():
        return _parse(text, limits, source)
    with _FIELD_LIMIT_LOCK:
        previous = csv.field_size_limit(len(text) + 1)
        try:
            return _parse(text, limits, source)
        finally:
            csv.field_size_limit(previous)
