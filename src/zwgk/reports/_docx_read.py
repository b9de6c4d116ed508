"""Reading a report published as a Word document (``.docx``; extra ``docx``: python-docx).

Tables (nested ones too) become grids — a merged cell's text repeated over the positions it
covers, as python-docx reports them — and the body's paragraphs, in document order, the
text for the year, the agency and the sections.  The zip is checked first
(`zwgk._xlsx_guard.check_zip_entries`: declared sizes and compression ratios);
python-docx parses its XML without resolving entities.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from zwgk._i18n import gettext
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk._optional import import_extra
from zwgk._xlsx_guard import check_zip_entries
from zwgk.errors import LimitExceededError
from zwgk.reports._grid import Document, Grid
from zwgk.reports._sniff import refuse

__all__ = ["docx_document"]


class _Reader:
    def __init__(self, limits: Limits, source: str) -> None:
        self.limits = limits
        self.source = source
        self.grids: list[Grid] = []
        self.chunks: list[tuple[int | None, str]] = []
        self.cells = 0

    def _too_many(self, limit: str, value: int, where: str, unit: str) -> LimitExceededError:
        bound = getattr(self.limits, limit)
        return LimitExceededError.too_many(self.source, limit, bound, value, where=where, unit=unit)

    def table(self, table: Any) -> None:
        if len(self.grids) >= self.limits.max_tables:
            raise self._too_many(
                "max_tables", len(self.grids) + 1, gettext("the document"), gettext("tables or more")
            )
        index = len(self.grids)
        where = gettext("table {n}").format(n=index + 1)
        self.grids.append(())
        rows = table.rows
        if len(rows) > self.limits.max_rows:
            raise self._too_many("max_rows", len(rows), where, gettext("rows or more"))
        grid: list[tuple[str | None, ...]] = []
        inner: list[Any] = []
        for row in rows:
            cells = row.cells
            if len(cells) > self.limits.max_columns:
                raise self._too_many("max_columns", len(cells), where, gettext("columns or more"))
            self.cells += len(cells)
            if self.cells > self.limits.max_cells:
                raise self._too_many(
                    "max_cells", self.cells, gettext("the document's tables"), gettext("cells or more")
                )
            texts: list[str | None] = []
            for cell in cells:
                text = cell.text
                if len(text) > self.limits.max_cell_chars:
                    raise self._too_many("max_cell_chars", len(text), where, gettext("characters"))
                texts.append(" ".join(text.split()))
                inner.extend(t for t in cell.tables if t not in inner)
            grid.append(tuple(texts))
            self.chunks.append((index, " ".join(t or "" for t in dict.fromkeys(texts)) + "\n"))
        self.grids[index] = tuple(grid)
        for nested in inner:
            self.table(nested)


def docx_document(data: bytes, *, source: str = "<docx>", limits: Limits = DEFAULT_LIMITS) -> Document:
    """The tables (as grids) and the paragraphs of a ``.docx`` document.

    Raises:
        MissingExtraError: python-docx is not installed (extra ``docx``).
        DataFileError: not a readable Word document.
        LimitExceededError: a bound of ``limits`` is exceeded (file size, zip sizes and
            ratios, tables, rows, columns, cells, characters per cell).
    """
    docx = import_extra("docx", "docx", gettext("reading reports published as Word documents"))
    check_file_size(len(data), limits, source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_entries(archive, limits, source)
    except zipfile.BadZipFile as exc:
        raise refuse(source, gettext("not a readable Word document ({error})").format(error=exc)) from None
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        reader = _Reader(limits, source)
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                reader.table(block)
            else:
                reader.chunks.append((None, block.text + "\n"))
    except LimitExceededError:
        raise
    except (KeyError, ValueError, TypeError, AttributeError, zipfile.BadZipFile, SyntaxError) as exc:
        problem = gettext("not a readable Word document ({error})").format(
            error=f"{type(exc).__name__}: {exc}"
        )
        raise refuse(source, problem) from None
    return Document("docx", tuple(reader.grids), tuple(reader.chunks))
