"""Reading CSV from the public within `Limits` (private; issue 11).

`read_csv_rows` replaces ``list(csv.reader(io.StringIO(text, newline="")))`` in every
reader (`iter_csv_rows` gives the same records one at a time):

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
a longer text is the limit raised to the text's length while each batch of records is
parsed (under a lock, restored after the batch).  No field can be longer than the text, which is
already in memory, so the raised limit costs nothing.  While it is raised, another thread
parsing CSV sees the larger limit — more permissive, never a failure.

NUL characters are refused: a CSV file with NUL is a binary file or UTF-16 text read as
UTF-8, and no spreadsheet cell can hold one.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from itertools import islice

from zwgk._i18n import gettext
from zwgk._limits import Limits, check_text_size
from zwgk.errors import DataFileError, LimitExceededError, Problem

__all__ = ["column_name", "iter_csv_rows", "read_csv_rows"]

_FIELD_LIMIT_LOCK = threading.Lock()
_BATCH = 1024  # records parsed per hold of the lock when the field size limit is raised


def column_name(index: int) -> str:
    """The spreadsheet letters of a 1-based column: ``1 → "A"``, ``27 → "AA"``."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _checked(text: str, limits: Limits, source: str) -> Iterator[list[str]]:
    """The records of ``text``, each checked against the bounds of ``limits`` as it is read.

    No cell is longer than the text of its record (quotes only remove characters), so the
    cells of a record whose text fits ``max_cell_chars`` are not measured one by one.
    """
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream)
    tell = stream.tell
    max_rows, max_columns, max_cell_chars = limits.max_rows, limits.max_columns, limits.max_cell_chars
    end = 0  # where the record read last ends in the text
    try:
        for count, record in enumerate(reader):
            start, end = end, tell()
            if not (  # every row but a bad one passes the three bounds in one test
                count < max_rows and len(record) <= max_columns and end - start <= max_cell_chars
            ):
                _check(record, count + 1, limits, source)
            yield record
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


def _under_raised_limit(records: Iterator[list[str]], limit: int) -> Iterator[list[str]]:
    """``records``, parsed `_BATCH` at a time with the field size limit raised to ``limit``.

    The lock is held, and the limit raised, only while a batch is parsed, never while the
    caller holds a record: a caller reading two such texts at once (or leaving one unread)
    cannot deadlock, and every field is parsed under the raised limit.
    """
    while True:
        with _FIELD_LIMIT_LOCK:
            previous = csv.field_size_limit(limit)
            try:
                batch = list(islice(records, _BATCH))
            finally:
                csv.field_size_limit(previous)
        if not batch:
            return
        yield from batch


def _check(record: list[str], number: int, limits: Limits, source: str) -> None:
    """Raise for the first bound of ``limits`` that row ``number`` exceeds (if any)."""
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


def iter_csv_rows(text: str, *, limits: Limits, source: str) -> Iterator[list[str]]:
    """`read_csv_rows` one record at a time: the same records, checks and errors.

    The size of the text and NUL characters are checked at once; every other error is raised
    when the iteration reaches its record (the records before it have been given), so a reader
    that consumes every record raises what `read_csv_rows` raises.  Reading the records as
    they come keeps no list of all of them alive (less for the garbage collector to traverse).
    """
    check_text_size(text, limits, source)
    _refuse_nul(text, source)
    records = _checked(text, limits, source)
    if len(text) <= csv.field_size_limit():
        return records
    return _under_raised_limit(records, len(text) + 1)


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
    return list(iter_csv_rows(text, limits=limits, source=source))
