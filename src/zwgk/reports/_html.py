"""Reading table 3 and table 4 from the HTML of a published report (stdlib ``html.parser``).

Handles the common gov-site markup: nested layout tables, merged cells (``rowspan`` /
``colspan``), blanks or dashes for zero, full-width digits and thousands separators.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._text import fold_width, normalize_label
from zwgk.errors import InvalidCellError, LimitExceededError, Problem, ReportParseError
from zwgk.reports._formats import TABLE3_COLUMNS, ReportFormat, format_for_year, get_format, report_formats
from zwgk.reports._model import AnnualReport, Table3, Table4

__all__ = ["parse_cell", "parse_report_html"]


_BLANKS = frozenset({"", "-", "—", "——", "－", "/", "／", "无", "空", "–"})
# Digits alone, or grouped by thousands with commas in their proper places ("1,234", "12,345,678").
# A leading minus is kept so that check_report can flag the negative cell (identity 5).
_INT_RE = re.compile(r"^[-−]?(?:\d+|\d{1,3}(?:,\d{3})+)$", re.ASCII)


def parse_cell(text: str) -> int | None:
    """Read one numeric cell of a published table.

    Accepted: digits (half- or full-width, ``１２３``); thousands separators ``,`` / ``，`` only
    in their proper places (``1,234``, ``1，234``); a leading minus (``-3``, kept so that
    :func:`~zwgk.reports.check_report` reports the negative cell); surrounding white space.
    A blank cell or a dash (``-``, ``—``, ``/``, ``无`` …) is ``None``.  Anything else — inner
    spaces (``1 234``), misplaced commas (``12,34``), decimals, Chinese numerals — is refused,
    never guessed.

    Raises:
        InvalidCellError: the text is not a whole number or a blank marker (a ``ValueError``;
            the caller turns it into a located problem).
    """
    folded = fold_width(text).strip()
    if folded in _BLANKS:
        return None
    if _INT_RE.match(folded):
        return int(folded.replace(",", "").replace("−", "-"))
    raise InvalidCellError(
        repr(text),
        "a whole number or a blank marker",
        "digits, thousands commas as in 1,234, or a dash for blank",
    )


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
        self.text: list[str] = []
        self.outside: list[str] = []
        self.title: list[str] = []
        self._in_title = False

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
            where = f"table {self.tables.index(table) + 1}"
            raise self._too_many("max_rows", len(table.rows), where, "rows or more")

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            if len(self.tables) >= self.limits.max_tables:
                raise self._too_many("max_tables", len(self.tables) + 1, "the page", "tables or more")
            table = _Table()
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
                where = f"table {self.tables.index(table) + 1}, row {len(table.rows)}"
                raise self._too_many("max_columns", table.width, where, "columns or more")
            self.covered += cell.rowspan * cell.colspan
            if self.covered > self.limits.max_cells:
                raise self._too_many("max_cells", self.covered, "the page's tables", "cells or more")
            table.rows[-1].append(cell)
            self._cells[-1] = cell
        elif tag == "title":
            self._in_title = True
        elif tag in {"br", "p", "div", "h1", "h2", "h3", "h4", "li"}:
            self.text.append("\n")
            self.outside.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.handle_endtag_newline(tag)
        if tag == "table" and self._stack:
            self._stack.pop()
            self._cells.pop()
        elif tag in {"td", "th"} and self._cells:
            self._cells[-1] = None
        elif tag == "title":
            self._in_title = False

    def handle_endtag_newline(self, tag: str) -> None:
        if tag in {"p", "div", "h1", "h2", "h3", "h4", "li", "table"}:
            self.outside.append("\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if not self._stack and not self._in_title:
            self.outside.append(data)
        if self._in_title:
            self.title.append(data)
        if self._cells and self._cells[-1] is not None:
            cell = self._cells[-1]
            cell.length += len(data)
            if cell.length > self.limits.max_cell_chars:
                table = self._stack[-1]
                where = f"table {self.tables.index(table) + 1}, row {len(table.rows)}, a cell"
                raise self._too_many("max_cell_chars", cell.length, where, "characters or more")
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
            where=f"table {number}",
            unit=f"cells ({height} rows × {width} columns)",
        )
    return [[grid.get((r, c)) for c in range(width)] for r in range(height)]


def _label(cells: list[str | None]) -> str:
    parts: list[str] = []
    for cell in cells:
        if cell and (not parts or parts[-1] != cell):
            parts.append(cell)
    return normalize_label("".join(parts))


def _detect_format(labels: list[str], year: int | None) -> ReportFormat | None:
    joined = "".join(labels)
    if "逾期不补正" in joined or "缴纳" in joined:
        return get_format("2021")
    if "其他处理" in joined:
        return get_format("2019-trial")
    if year is not None and year >= min(f.first_year for f in report_formats()):
        return format_for_year(year)
    return None


def _parse_table3(
    grid: list[list[str | None]], fmt: ReportFormat | None, year: int | None, problems: list[Problem]
) -> Table3 | None:
    width = max((len(r) for r in grid), default=0)
    if width < 8:
        problems.append(
            Problem("table 3", "too few columns", "columns", width, "at least 8 (labels + 7 numbers)")
        )
        return None
    expected_header = [normalize_label(c.value) for c in TABLE3_COLUMNS]
    header_ok = False
    for row in grid:
        header = [normalize_label(c or "") for c in row[-7:]]
        if "商业企业" in header:
            if header != expected_header:
                problems.append(
                    Problem(
                        "table 3 header",
                        "columns not in the official order",
                        "columns",
                        header,
                        str(expected_header),
                    )
                )
            header_ok = True
            break
    if not header_ok:
        problems.append(
            Problem("table 3 header", "applicant columns not found", "columns", None, "自然人 … 总计")
        )
    labels = [_label(row[:-7]) for row in grid]
    fmt = fmt or _detect_format(labels, year)
    if fmt is None:
        problems.append(
            Problem("table 3", "cannot tell the format", "format", None, "'2021' or '2019-trial'")
        )
        return None
    found: dict[str, tuple[int | None, ...]] = {}
    for index, (grid_row, label) in enumerate(zip(grid, labels, strict=True)):
        where = f"table 3 row {index + 1}"
        tail = grid_row[-7:]
        key = next(
            (r.key for r in fmt.table3_rows if all(normalize_label(m) in label for m in r.match)), None
        )
        values: list[int | None] = []
        bad: list[Problem] = []
        for column, text in zip(TABLE3_COLUMNS, tail, strict=True):
            try:
                values.append(parse_cell(text or ""))
            except ValueError as exc:
                bad.append(Problem(where, str(exc), column.value, text, "a whole number or blank"))
                values.append(None)
        if key is None:
            if not bad and any(t is not None for t in tail) and any(v is not None for v in values):
                problems.append(
                    Problem(where, "numbers in a row whose label is not in table 3", "label", label)
                )
            continue
        if key in found:
            problems.append(
                Problem(where, "row appears twice", "label", label, f"one row {fmt.row(key).short}")
            )
            continue
        problems.extend(bad)
        found[key] = tuple(values)
    missing = [r.short for r in fmt.table3_rows if r.key not in found]
    if missing:
        problems.append(
            Problem("table 3", "rows not found", "rows", missing, f"every row of format {fmt.id}")
        )
        return None
    return Table3(fmt, tuple(found[r.key] for r in fmt.table3_rows))


def _parse_table4(grid: list[list[str | None]], problems: list[Problem]) -> Table4 | None:
    data_rows: list[tuple[int, list[int | None]]] = []
    for index, row in enumerate(grid):
        real = [c for c in row if c is not None]
        if len(real) < 15:
            continue
        try:
            values = [parse_cell(c) for c in real[-15:]]
        except ValueError:
            continue
        data_rows.append((index, values))
    if not data_rows:
        problems.append(
            Problem("table 4", "no row of 15 numbers found", "cells", None, "15 numbers or blanks")
        )
        return None
    if len(data_rows) > 1:
        where = ", ".join(str(i + 1) for i, _ in data_rows)
        problems.append(Problem("table 4", "more than one row of numbers", "rows", where, "exactly one"))
        return None
    return Table4(tuple(data_rows[0][1]))


def _sections(text: str, fmt: ReportFormat) -> tuple[tuple[str, str], ...]:
    """Split the text outside tables at the format's section headings (一、总体情况 …)."""
    folded = text.replace("\xa0", " ")
    marks: list[tuple[int, int, str]] = []
    for heading in fmt.sections:
        numeral, _, title = heading.partition("、")
        pattern = re.escape(numeral) + r"\s*[、,.．，]\s*" + re.escape(title[:4])
        match = re.search(r"(?m)^\s*" + pattern + r"[^\n]*", folded)
        if match:
            marks.append((match.start(), match.end(), heading))
    marks.sort()
    out = []
    for i, (_, end, heading) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(folded)
        lines = [" ".join(line.split()) for line in folded[end:stop].splitlines()]
        out.append((heading, "\n".join(line for line in lines if line)))
    return tuple(out)


_YEAR_RE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开|信息公开)")


def parse_report_html(
    html: str,
    *,
    format: str | ReportFormat | None = None,
    year: int | None = None,
    source: str = "<html>",
    limits: Limits = DEFAULT_LIMITS,
) -> AnnualReport:
    """Parse table 3 (and table 4 when present) of a published report into an :class:`AnnualReport`.

    Table 3 is the ``<table>`` with a cell containing 本年新收; table 4 the one with 行政复议
    and 尚未审结.  Rows are recognised by their labels (merged label cells are expanded),
    so reordered or re-worded rows still land in the right place; the seven numeric columns
    must be in the official order (checked against the header).  Blank cells, ``-`` and
    ``—`` stay blank (``None``).

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
            (default :data:`~zwgk._limits.DEFAULT_LIMITS`).

    Returns:
        The report: agency and year from the title when found; ``sections`` holds the text
        (outside tables) under each of the format's headings found in the page.

    Raises:
        ReportParseError: no table 3, missing rows, unreadable cells … (all listed).
        LimitExceededError: the page exceeds a bound of ``limits`` (named in the message).
    """
    if len(html) > limits.max_file_bytes:
        raise LimitExceededError.too_many(
            source, "max_file_bytes", limits.max_file_bytes, len(html), where="the page", unit="characters"
        )
    collector = _Collector(limits, source)
    collector.feed(html)
    collector.close()
    text = fold_width("".join(collector.title) + "\n" + "".join(collector.text))
    title = " ".join(fold_width("".join(collector.title)).split())
    match = _YEAR_RE.search(text)
    if year is None and match:
        year = int(match.group(1))
    agency = ""
    if match:
        line = text[: match.start()].splitlines()[-1] if text[: match.start()].strip() else ""
        agency = " ".join(line.split())
    if not agency and title:
        agency = title
    problems: list[Problem] = []
    fmt = None if format is None else get_format(format)
    grids = [_grid(t, limits, source, n) for n, t in enumerate(collector.tables, start=1)]
    t3_grid = next(
        (g for g in grids if any("本年新收" in normalize_label(c or "") for row in g for c in row)), None
    )
    t4_grid = next(
        (
            g
            for g in grids
            if any("行政复议" in normalize_label(c or "") for row in g for c in row)
            and any("尚未审结" in normalize_label(c or "") for row in g for c in row)
            and g is not t3_grid
        ),
        None,
    )
    table3 = None
    if t3_grid is None:
        problems.append(Problem(source, "no table 3 (a table with 本年新收) in the page", "table", None))
    else:
        table3 = _parse_table3(t3_grid, fmt, year, problems)
    table4 = _parse_table4(t4_grid, problems) if t4_grid is not None else None
    if problems or table3 is None:
        raise ReportParseError(source, problems)
    sections = _sections("".join(collector.outside), table3.format)
    return AnnualReport(
        agency=agency, year=year, format=table3.format, table3=table3, table4=table4, sections=sections
    )
