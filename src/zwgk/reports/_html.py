"""Reading the tables and text of a published report's HTML page (stdlib ``html.parser``).

Handles the common gov-site markup: nested layout tables, merged cells (``rowspan`` /
``colspan``), spacer rows, blanks or dashes for zero, full-width digits and thousands
separators.  The page becomes a `Document` (each ``<table>`` a
grid, each piece of text with the table it sits in); `zwgk.reports._grid` finds
tables 2, 3 and 4 in it by content.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from zwgk._i18n import gettext, msg
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._text import fold_width
from zwgk.errors import LimitExceededError
from zwgk.reports._formats import ReportFormat
from zwgk.reports._grid import Document, Grid, parse_cell, read_document, report_of
from zwgk.reports._model import AnnualReport

__all__ = ["html_document", "parse_cell", "parse_report_html"]

_BREAKS = frozenset({"br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "td", "th"})
_HIDDEN = frozenset({"script", "style", "template"})


@attrs.define
class _Cell:
    text: list[str]
    rowspan: int
    colspan: int
    length: int = 0


@attrs.define
class _Table:
    rows: list[list[_Cell]] = attrs.Factory(list)
    width: int = 0  # columns of the current row, colspans included
    number: int = 0  # 1-based, in document order


class _Collector(HTMLParser):
    """Collects tables and text; every bound of ``limits`` is checked as the page is fed.

    Bounded: tables on the page (``max_tables``), rows of one table (``max_rows``), columns of
    one row counting colspans (``max_columns``), cells covered by all cells' spans on the
    page (``max_cells``) and the text of one cell (``max_cell_chars``).
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS, source: str = "<html>") -> None:
        super().__init__(convert_charrefs=True)
        self.limits = limits
        self.source = source
        self.covered = 0
        self.tables: list[_Table] = []
        self._stack: list[_Table] = []
        self._cells: list[_Cell | None] = []
        self.chunks: list[tuple[int | None, str]] = []
        self.title: list[str] = []
        self._in_title = False
        self._hidden = 0

    @staticmethod
    def _span(attrs_: list[tuple[str, str | None]], name: str) -> int:
        for key, value in attrs_:
            if key == name and value:
                digits = re.sub(r"\D", "", fold_width(value))
                return max(1, min(int(digits), 1000)) if digits else 1
        return 1

    def _too_many(self, limit: str, value: int, where: str, unit: str) -> LimitExceededError:
        bound = getattr(self.limits, limit)
        return LimitExceededError.too_many(self.source, limit, bound, value, where=where, unit=unit)

    def _new_row(self, table: _Table) -> None:
        table.rows.append([])
        table.width = 0
        if len(table.rows) > self.limits.max_rows:
            raise self._too_many(
                "max_rows",
                len(table.rows),
                gettext("table {n}").format(n=table.number),
                gettext("rows or more"),
            )

    def _here(self) -> int | None:
        return self._stack[-1].number - 1 if self._stack else None

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        if tag in _BREAKS:
            self.chunks.append((self._here(), "\n"))
        if tag == "table":
            if len(self.tables) >= self.limits.max_tables:
                raise self._too_many(
                    "max_tables", len(self.tables) + 1, gettext("the page"), gettext("tables or more")
                )
            table = _Table(number=len(self.tables) + 1)
            self.tables.append(table)
            self._stack.append(table)
            self._cells.append(None)
        elif tag == "tr" and self._stack:
            self._new_row(self._stack[-1])
            self._cells[-1] = None
        elif tag in {"td", "th"} and self._stack:
            table = self._stack[-1]
            if not table.rows:
                self._new_row(table)
            cell = _Cell([], self._span(attrs_, "rowspan"), self._span(attrs_, "colspan"))
            table.width += cell.colspan
            if table.width > self.limits.max_columns:
                where = gettext("table {n}, row {row}").format(n=table.number, row=len(table.rows))
                raise self._too_many("max_columns", table.width, where, gettext("columns or more"))
            self.covered += cell.rowspan * cell.colspan
            if self.covered > self.limits.max_cells:
                raise self._too_many(
                    "max_cells", self.covered, gettext("the page's tables"), gettext("cells or more")
                )
            table.rows[-1].append(cell)
            self._cells[-1] = cell
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self._hidden:
            self._hidden -= 1
        if tag in _BREAKS:
            self.chunks.append((self._here(), "\n"))
        if tag == "table" and self._stack:
            self._stack.pop()
            self._cells.pop()
        elif tag in {"td", "th"} and self._cells:
            self._cells[-1] = None
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._in_title:
            self.title.append(data)
            return
        self.chunks.append((self._here(), data))
        if self._cells and self._cells[-1] is not None:
            cell = self._cells[-1]
            cell.length += len(data)
            if cell.length > self.limits.max_cell_chars:
                table = self._stack[-1]
                where = gettext("table {n}, row {row}, a cell").format(n=table.number, row=len(table.rows))
                raise self._too_many("max_cell_chars", cell.length, where, gettext("characters or more"))
            cell.text.append(data)


def _grid(table: _Table, limits: Limits, source: str, number: int) -> list[list[str | None]]:
    """Expand merged cells: every covered position repeats the cell's text; padding is None.

    The padded grid (height × width) is refused beyond ``limits.max_cells`` before it is built.
    """
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            text = " ".join("".join(cell.text).split())
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, c + dc)] = text
            c += cell.colspan
            width = max(width, c)
    height = max((r for r, _ in grid), default=-1) + 1
    if height * width > limits.max_cells:
        raise LimitExceededError.too_many(
            source,
            "max_cells",
            limits.max_cells,
            height * width,
            where=gettext("table {n}").format(n=number),
            unit=gettext("cells ({rows} rows × {columns} columns)").format(rows=height, columns=width),
        )
    return [[grid.get((r, c)) for c in range(width)] for r in range(height)]


def html_document(html: str, *, source: str = "<html>", limits: Limits = DEFAULT_LIMITS) -> Document:
    """The tables (as grids) and the text of an HTML page.

    Raises:
        LimitExceededError: the page exceeds a bound of ``limits`` (named in the message).
    """
    if len(html) > limits.max_file_bytes:
        raise LimitExceededError.too_many(
            source,
            "max_file_bytes",
            limits.max_file_bytes,
            len(html),
            where=gettext("the page"),
            unit=gettext("characters"),
        )
    collector = _Collector(limits, source)
    collector.feed(html)
    collector.close()
    grids: tuple[Grid, ...] = tuple(
        tuple(tuple(row) for row in _grid(t, limits, source, n))
        for n, t in enumerate(collector.tables, start=1)
    )
    where = tuple(msg("<table> {n} of the page", n=n) for n in range(1, len(grids) + 1))
    return Document("html", grids, tuple(collector.chunks), "".join(collector.title), where)


def parse_report_html(
    html: str,
    *,
    format: str | ReportFormat | None = None,
    year: int | None = None,
    source: str = "<html>",
    limits: Limits = DEFAULT_LIMITS,
) -> AnnualReport:
    """Parse tables 2, 3 and 4 of a published report page into an [`AnnualReport`][zwgk.reports.AnnualReport].

    Tables are told by content (`zwgk.reports._grid`): table 3 is the innermost table
    carrying table 3's row labels — joined with the next ``<table>`` when a page break split
    it — table 4 the one with 行政复议 and 尚未审结, table 2 the one with the 第二十条 blocks.
    Rows are recognised by their labels (merged label cells are expanded), so reordered or
    re-worded rows still land in the right place; the seven numeric columns of table 3 must
    be in the official order (checked against the header).  Blank cells, ``-`` and ``—``
    stay blank (``None``); spacer rows are skipped.  [`read_report`][zwgk.reports.io.read_report]
    reads any file the same way and returns the skipped tables instead of warning.

    Args:
        html: the page's HTML.
        format: force ``"2021"`` or ``"2019-trial"``; default: told from the rows (the 2021
            format splits （六）其他处理 into three) or from ``year``.
        year: the year reported on; default: read from the title (``2023年度政府信息公开…``).
        source: name used in error messages (e.g. the file path).
        limits: bounds checked while the page is read, before anything is built from it:
            its length (``max_file_bytes``), tables (``max_tables``), rows per table
            (``max_rows``), columns per row (``max_columns``), cells covered by spans and
            padded grid cells (``max_cells``), characters per cell (``max_cell_chars``)
            (default `DEFAULT_LIMITS`).

    Returns:
        The report: agency and year from the title when found; ``sections`` holds the text
        (outside tables 2–4) under each of the format's headings found in the page.

    Raises:
        ReportParseError: no table 3, missing rows, unreadable cells … (all listed).
        LimitExceededError: the page exceeds a bound of ``limits`` (named in the message).

    Warns:
        TablesSkippedWarning: table 2 or 4 was found but could not be read (it is ``None``).
    """
    document = html_document(html, source=source, limits=limits)
    return report_of(read_document(document, format=format, year=year, source=source, limits=limits))
