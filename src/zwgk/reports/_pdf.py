"""Reading a report published as PDF (extra ``pdf``: pdfplumber).

Only PDFs with a text layer can be read: the tables come from pdfplumber's
``extract_tables`` (ruled tables, as the formats print them), page by page in reading order,
so a table that a page break split arrives as two grids that `zwgk.reports._grid`
joins (a merged cell's text is spread over the positions its box covers); the text for
the year, the agency and the sections is each page's text outside its tables.  A scanned
PDF (pages of images, no text) is refused with a clear message: OCR it first.
"""

from __future__ import annotations

import io
from typing import Any

from zwgk._i18n import gettext, msg
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk._optional import import_extra
from zwgk.errors import LimitExceededError
from zwgk.reports._grid import Document, Grid, Text
from zwgk.reports._sniff import refuse

__all__ = ["pdf_document"]


def _bounded_grid(table: list[list[str | None]], limits: Limits, source: str, where: str) -> Grid:
    if len(table) > limits.max_rows:
        raise LimitExceededError.too_many(
            source, "max_rows", limits.max_rows, len(table), where=where, unit=gettext("rows or more")
        )
    rows: list[tuple[str | None, ...]] = []
    for row in table:
        if len(row) > limits.max_columns:
            raise LimitExceededError.too_many(
                source,
                "max_columns",
                limits.max_columns,
                len(row),
                where=where,
                unit=gettext("columns or more"),
            )
        cells: list[str | None] = []
        for cell in row:
            if cell is not None and len(cell) > limits.max_cell_chars:
                raise LimitExceededError.too_many(
                    source,
                    "max_cell_chars",
                    limits.max_cell_chars,
                    len(cell),
                    where=where,
                    unit=gettext("characters"),
                )
            cells.append(None if cell is None else " ".join(cell.split()))
        rows.append(tuple(cells))
    return tuple(rows)


def _spread(table: Any) -> list[list[str | None]]:
    """``table.extract()`` with each merged cell's text over every position it covers.

    pdfplumber gives a merged cell's text at its top-left position and ``None`` elsewhere;
    the positions it covers are found from the cell's box and the rows' and columns' starts.
    """
    texts: list[list[str | None]] = table.extract()
    rows = table.rows
    tops = [row.bbox[1] for row in rows]
    width = max((len(r.cells) for r in rows), default=0)
    lefts: list[float | None] = [None] * width
    for row in rows:
        for j, box in enumerate(row.cells):
            if box is not None and lefts[j] is None:
                lefts[j] = box[0]
    out = [list(r) for r in texts]
    eps = 0.5
    for i, row in enumerate(rows):
        for j, box in enumerate(row.cells):
            if box is None or i >= len(out) or j >= len(out[i]):
                continue
            x0, top, x1, bottom = box
            text = out[i][j]
            for k, y in enumerate(tops):
                if not top - eps <= y < bottom - eps:
                    continue
                for m, x in enumerate(lefts):
                    if x is not None and x0 - eps <= x < x1 - eps and m < len(out[k]) and out[k][m] is None:
                        out[k][m] = text
    return out


def _page_text(page: Any, bboxes: list[Any]) -> str:
    outside = page
    for bbox in bboxes:
        outside = outside.outside_bbox(bbox)
    text: str = outside.extract_text() or ""
    return text


def pdf_document(data: bytes, *, source: str = "<pdf>", limits: Limits = DEFAULT_LIMITS) -> Document:
    """The tables (as grids) and the text of a PDF with a text layer.

    Bounded by ``limits``: the file's size (``max_file_bytes``), the tables (``max_tables``),
    rows and columns of each (``max_rows``, ``max_columns``), all cells (``max_cells``) and
    each cell's text (``max_cell_chars``).

    Raises:
        MissingExtraError: pdfplumber is not installed (extra ``pdf``).
        DataFileError: not a readable PDF, or a scanned one (no text layer: OCR it first).
        LimitExceededError: a bound of ``limits`` is exceeded.
    """
    pdfplumber = import_extra("pdfplumber", "pdf", gettext("reading reports published as PDF"))
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    check_file_size(len(data), limits, source)
    grids: list[Grid] = []
    where: list[Text] = []
    chunks: list[tuple[int | None, str]] = []
    cells = 0
    characters = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                characters += len(page.chars)
                found = page.find_tables()
                for t, table in enumerate(found, start=1):
                    place = msg("page {page} table {n}", page=number, n=t)
                    if len(grids) >= limits.max_tables:
                        raise LimitExceededError.too_many(
                            source,
                            "max_tables",
                            limits.max_tables,
                            len(grids) + 1,
                            where=str(place),
                            unit=gettext("tables"),
                        )
                    grid = _bounded_grid(_spread(table), limits, source, str(place))
                    cells += sum(len(r) for r in grid)
                    if cells > limits.max_cells:
                        raise LimitExceededError.too_many(
                            source,
                            "max_cells",
                            limits.max_cells,
                            cells,
                            where=gettext("the tables"),
                            unit=gettext("cells"),
                        )
                    grids.append(grid)
                    where.append(place)
                chunks.append((None, _page_text(page, [t.bbox for t in found]) + "\n"))
    except LimitExceededError:
        raise
    except (
        PdfminerException,  # pdfplumber wraps pdfminer's failures on a broken file
        MalformedPDFException,
        PDFSyntaxError,
        PSException,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        problem = gettext("not a readable PDF ({error})").format(error=f"{type(exc).__name__}: {exc}")
        raise refuse(source, problem) from None
    if characters == 0:
        raise refuse(
            source,
            gettext("scanned PDF: no text layer; OCR it first (e.g. ocrmypdf) and read the result"),
            expected=gettext("a PDF with a text layer"),
        )
    return Document("pdf", tuple(grids), tuple(chunks), "", tuple(where))
