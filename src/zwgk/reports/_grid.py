"""Finding tables 2, 3 and 4 among the tables of a published report, whatever it was published as.

Every reader (HTML, PDF, DOCX, XLSX, XLS) turns its file into one `Document`: the
tables as *grids* of cell texts (a merged cell's text repeated over the positions it covers,
or ``None`` where the reader cannot tell — PDF), the text outside the tables, and the title.
This module alone decides which grid is which table, by content:

- **table 3** is made of the grids whose rows carry table 3's row labels (本年新收, 上年结转 …,
  matched by the format's ``match`` phrases on the label cells, the cells before the last
  seven).  A long narrative cell is never a label, so a layout table whose text mentions
  本年新收 is not table 3; grids that continue one another (a page break) are joined when
  they carry different rows, with or without a repeated header;
- **table 4** is the grid holding 行政复议 and 尚未审结 (joined with the next grid when the
  numbers were pushed there), its one row of 15 numbers;
- **table 2** is the grid holding the 第二十条 blocks, laid out as the format says
  (``reports/data/formats.toml``): each block's header row places its columns.

Spacer rows (every cell empty) are skipped everywhere.  A table that cannot be read is
reported ([`TableProblem`][zwgk.reports.io.TableProblem], kind ``table_unreadable``) and the others are still
read; `read_document` is the single place that decides a report without table 3 cannot be
read.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

import attrs

from zwgk._i18n import N_, Language, Message, gettext, msg, msg_n
from zwgk._i18n import text as worded
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._text import compact, fold_width, normalize_label
from zwgk.errors import InvalidCellError, Problem, ReportParseError, TablesSkippedWarning
from zwgk.reports._formats import (
    TABLE3_COLUMNS,
    ReportFormat,
    Table2Block,
    format_for_year,
    get_format,
    report_formats,
    table4_layout,
)
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4

__all__ = [
    "TABLE_UNREADABLE",
    "Document",
    "Grid",
    "ReadResult",
    "TableProblem",
    "parse_amount",
    "parse_cell",
    "read_document",
    "report_of",
]

Text = str | Message
"""A text of a reader: a `Message` worded when read, or plain text."""

Grid = tuple[tuple[str | None, ...], ...]
"""A table as rows of cell texts (``None``: a position no cell text covers)."""

TABLE_UNREADABLE = "table_unreadable"
"""The kind of a [`TableProblem`][zwgk.reports.io.TableProblem] (the findings name issue 12 fixed)."""

_BLANKS = frozenset({"", "-", "—", "——", "－", "/", "／", "无", "空", "–"})
# Digits alone, or grouped by thousands with commas in their proper places ("1,234", "12,345,678").
# A leading minus is kept so that check_report can flag the negative cell (identity 5).
_INT_RE = re.compile(r"^[-−]?(?:\d+|\d{1,3}(?:,\d{3})+)$", re.ASCII)
_AMOUNT_RE = re.compile(r"^[-−]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$", re.ASCII)
_NO_TABLE3 = N_("no table 3 in the file")
_TABLE4_HEADS = frozenset({"行政复议", "尚未审结"})
_LABEL_CHARS = 80  # longer text in a label cell is narrative, never a row label of table 3
_TABLE_NAMES = MappingProxyType({2: N_("table 2"), 3: N_("table 3"), 4: N_("table 4")})


def _folded(text: str) -> str:
    return fold_width(text).strip().replace("，", ",")


def parse_cell(text: str) -> int | None:
    """Read one numeric cell of a published table.

    Accepted: digits (half- or full-width, ``１２３``); thousands separators ``,`` / ``，`` only
    in their proper places (``1,234``, ``1，234``); a leading minus (``-3``, kept so that
    [`check_report`][zwgk.reports.check_report] reports the negative cell); surrounding white space.
    A blank cell or a dash (``-``, ``—``, ``/``, ``无`` …) is ``None``.  Anything else — inner
    spaces (``1 234``), misplaced commas (``12,34``), decimals, Chinese numerals — is refused,
    never guessed.

    Raises:
        InvalidCellError: the text is not a whole number or a blank marker (a ``ValueError``;
            the caller turns it into a located problem).
    """
    folded = _folded(text)
    if folded in _BLANKS:
        return None
    if _INT_RE.match(folded):
        return int(folded.replace(",", "").replace("−", "-"))
    raise InvalidCellError(
        repr(text),
        gettext("a whole number or a blank marker"),
        gettext("digits, thousands commas as in 1,234, or a dash for blank"),
    )


def parse_amount(text: str) -> Decimal | None:
    """Read a money cell of table 2 (万元) as a `Decimal`: ``1.5``, ``1,234.50``.

    Blanks and dashes are ``None``, as in [`parse_cell`][zwgk.reports.io.parse_cell]; anything else is
    refused.

    Raises:
        InvalidCellError: the text is not a decimal amount or a blank marker.
    """
    folded = _folded(text)
    if folded in _BLANKS:
        return None
    if _AMOUNT_RE.match(folded):
        try:
            return Decimal(folded.replace(",", "").replace("−", "-"))
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            pass
    raise InvalidCellError(
        repr(text), gettext("an amount in 万元"), gettext("digits with an optional decimal part, e.g. 1.5")
    )


def _signed(text: str) -> int | None:
    """A 本年增/减 cell of the trial format's table 2: a count with an optional ``+``."""
    folded = _folded(text)
    return parse_cell(folded[1:] if folded.startswith("+") else text)


@attrs.frozen
class Document:
    """What a reader found in a file: tables as grids, the running text, the title.

    ``kind`` names the reader (``"html"``, ``"pdf"``, ``"docx"``, ``"xlsx"``, ``"xls"``).
    ``chunks`` is the text in reading order, each piece with the index of the table it sits
    in (``None`` outside tables): the year and the agency are read from all of it, the
    sections from everything but tables 2, 3 and 4 (a site's layout table holds the whole
    page).  ``where`` names each table for messages (``"page 3 table 1"``, ``"sheet 表三"``).
    """

    kind: str
    tables: tuple[Grid, ...]
    chunks: tuple[tuple[int | None, str], ...] = ()
    title: str = ""
    where: tuple[Text, ...] = ()

    def text(self, skip: frozenset[int] = frozenset()) -> str:
        """The running text, without the text of the tables in ``skip``."""
        return "".join(t for i, t in self.chunks if i is None or i not in skip)

    def place(self, index: int) -> Text:
        """How messages name table ``index`` (0-based) of the file (worded when read)."""
        return self.where[index] if index < len(self.where) else msg("table {n}", n=index + 1)


@attrs.frozen
class TableProblem:
    """A table of the report that was found but could not be read, and was skipped.

    ``kind`` is ``"table_unreadable"``; ``table`` is 2, 3 or 4; ``location`` names the file
    and the table's place in it; ``problems`` says what is wrong, cell by cell (worded where
    they were found).  ``location`` and ``message`` are worded in the current language when
    read (`message_in` chooses).
    """

    kind: str
    table: int
    _location: Text = attrs.field(alias="location")
    problems: tuple[Problem, ...]

    @property
    def location(self) -> str:
        """The file and the table's place in it, in the current language."""
        return worded(self._location)

    @property
    def _message(self) -> Message:
        return _unreadable_message(self.table, self.problems)

    @property
    def message(self) -> str:
        """One sentence naming the table (table 2 … / 表二 …) and its first problem, in the
        current language."""
        return self._message.render()

    def message_in(self, lang: Language | None = None) -> str:
        """`message` in ``lang`` (default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
        """
        return self._message.render(lang)

    def __str__(self) -> str:
        return msg("{location}: {problem}", location=self._location, problem=self._message).render()


def _unreadable_message(table: int, problems: Sequence[Problem]) -> Message:
    name = Message(_TABLE_NAMES[table])
    if not problems:
        return msg("{table} could not be read and was skipped.", table=name)
    if len(problems) == 1:
        return msg("{table} could not be read and was skipped: {problem}.", table=name, problem=problems[0])
    return msg_n(
        "{table} could not be read and was skipped: {problem} (and {n} more problem).",
        "{table} could not be read and was skipped: {problem} (and {n} more problems).",
        "n",
        table=name,
        problem=problems[0],
        n=len(problems) - 1,
    )


@attrs.frozen
class ReadResult:
    """What [`read_report`][zwgk.reports.io.read_report] read: the report, the tables it skipped, the file
    kind.

    ``problems`` lists the tables found but unreadable ([`TableProblem`][zwgk.reports.io.TableProblem], kind
    ``table_unreadable``); the report then has ``None`` for them.  ``kind`` is what the
    content turned out to be (``"html"``, ``"json"``, ``"pdf"``, ``"docx"``, ``"xlsx"``,
    ``"xls"``), whatever the file's name says.
    """

    report: AnnualReport
    problems: tuple[TableProblem, ...] = ()
    kind: str = "html"


# ----------------------------------------------------------------------------- helpers


def _norm(cell: str | None) -> str:
    return normalize_label(cell or "")


def _trim(row: tuple[str | None, ...]) -> tuple[str | None, ...]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row[:end]


def _is_spacer(row: Sequence[str | None]) -> bool:
    return all(not (c or "").strip() for c in row)


def _label(cells: Sequence[str | None]) -> str:
    parts: list[str] = []
    for cell in cells:
        if cell and (not parts or parts[-1] != cell):
            parts.append(cell)
    return normalize_label("".join(parts))


def _row_label(row: Sequence[str | None]) -> str | None:
    """The label of a table 3 row (cells before the last seven), or None if it cannot be one."""
    if len(row) < 8:
        return None
    cells = row[:-7]
    if any(len(c or "") > _LABEL_CHARS for c in cells):
        return None
    return _label(cells)


def _match_key(fmt: ReportFormat, label: str) -> str | None:
    return next((r.key for r in fmt.table3_rows if all(normalize_label(m) in label for m in r.match)), None)


def _table3_keys(grid: Grid) -> frozenset[str]:
    """The table 3 rows (of any format) whose labels the grid carries."""
    keys: set[str] = set()
    for row in grid:
        label = _row_label(row)
        if not label:
            continue
        for fmt in report_formats():
            key = _match_key(fmt, label)
            if key is not None:
                keys.add(key)
    return frozenset(keys)


def _has(grid: Grid, phrase: str) -> bool:
    return any(phrase in _norm(c) for row in grid for c in row)


def _is_table4(grid: Grid) -> bool:
    return _has(grid, "行政复议") and _has(grid, "尚未审结")


def _is_table2(grid: Grid) -> bool:
    return _has(grid, "第二十条第") and any(_norm(c) == "规章" for row in grid for c in row)


# ----------------------------------------------------------------------------- table 3


def _table3_group(document: Document) -> list[int]:
    """Indices of the grids that make table 3: the best run of fragments carrying its rows.

    A fragment continues the previous one when it comes right after it and brings rows the
    previous ones lack (a page break, with or without a repeated header; a repeated copy
    of table 3 brings none); a grid of header cells only
    (商业企业 …) right before a fragment belongs to it.
    """
    groups: list[tuple[list[int], set[str]]] = []
    header: int | None = None
    for index, grid in enumerate(document.tables):
        keys = _table3_keys(grid)  # table 4's 总计 header is no row of table 3
        if not keys - {"total"}:
            header = index if _has(grid, "商业企业") else None
            continue
        if groups and groups[-1][0][-1] == index - 1 and keys - groups[-1][1]:
            groups[-1][0].append(index)  # the next grid continues table 3 (a page break)
            groups[-1][1].update(keys)
        else:
            groups.append(([header, index] if header == index - 1 else [index], set(keys)))
        header = None
    if not groups:
        return []
    best = max(groups, key=lambda g: len(g[1]))  # the first of the largest
    return [i for i in best[0] if i is not None]


def _table2_group(document: Document, taken: set[int]) -> list[int]:
    """Table 2's grid and the grids right after it that carry its further 第二十条 blocks."""
    grids = document.tables
    first = next((i for i, g in enumerate(grids) if i not in taken and _is_table2(g)), None)
    if first is None:
        return []
    group = [first]
    while (
        group[-1] + 1 < len(grids) and group[-1] + 1 not in taken and _continues_table2(grids[group[-1] + 1])
    ):
        group.append(group[-1] + 1)
    return group


def _continues_table2(grid: Grid) -> bool:
    """A grid carrying 第二十条 blocks or table 2's row labels (the rest of table 2 after a page break)."""
    labels = {normalize_label(t) for f in report_formats() for b in f.table2_blocks for _, t in b.rows}
    return _has(grid, "第二十条第") or any(_norm(c) in labels for row in grid for c in row)


def _detect_format(labels: list[str], year: int | None) -> ReportFormat | None:
    joined = "".join(labels)
    if "逾期不补正" in joined or "缴纳" in joined:
        return get_format("2021")
    if "其他处理" in joined:
        return get_format("2019-trial")
    tabled = [f for f in report_formats() if f.has_table3]
    if year is not None and year >= min(f.first_year for f in tabled):
        return format_for_year(year)
    return None


def _parse_table3(
    rows: list[tuple[str | None, ...]], fmt: ReportFormat | None, year: int | None, problems: list[Problem]
) -> Table3 | None:
    expected_header = [normalize_label(c.value) for c in TABLE3_COLUMNS]
    header_ok = False
    seen: list[str] = [""] * 7  # each column's lowest label so far (merged header cells)
    for row in rows:
        for i, cell in enumerate(row[-7:]):
            if _norm(cell):
                seen[i] = _norm(cell)
        if "商业企业" in seen and any(_norm(c) == "商业企业" for c in row[-7:]):
            header = seen
            if header != expected_header:
                problems.append(
                    Problem(
                        gettext("table 3 header"),
                        gettext("columns not in the official order"),
                        "columns",
                        header,
                        str(expected_header),
                    )
                )
            header_ok = True
            break
    if not header_ok:
        problems.append(
            Problem(
                gettext("table 3 header"),
                gettext("applicant columns not found"),
                "columns",
                None,
                "自然人 … 总计",
            )
        )
    labels = [_row_label(row) or "" for row in rows]
    fmt = fmt or _detect_format(labels, year)
    if fmt is None:
        problems.append(
            Problem(
                gettext("table 3"),
                gettext("cannot tell the format"),
                "format",
                None,
                gettext("'2021' or '2019-trial'"),
            )
        )
        return None
    found: dict[str, tuple[int | None, ...]] = {}
    for index, (grid_row, label) in enumerate(zip(rows, labels, strict=True)):
        if any(_norm(c) in _TABLE4_HEADS for c in grid_row):
            break  # table 4 printed in the same <table>, right after table 3
        if len(grid_row) < 8 or _is_spacer(grid_row):
            continue
        where = gettext("table 3 row {n}").format(n=index + 1)
        tail = grid_row[-7:]
        key = _match_key(fmt, label)
        values: list[int | None] = []
        bad: list[Problem] = []
        for column, text in zip(TABLE3_COLUMNS, tail, strict=True):
            try:
                values.append(parse_cell(text or ""))
            except ValueError as exc:
                bad.append(Problem(where, str(exc), column.value, text, gettext("a whole number or blank")))
                values.append(None)
        if key is None:
            if not bad and any(t is not None for t in tail) and any(v is not None for v in values):
                problems.append(
                    Problem(where, gettext("numbers in a row whose label is not in table 3"), "label", label)
                )
            continue
        if key in found:
            problems.append(
                Problem(
                    where,
                    gettext("row appears twice"),
                    "label",
                    label,
                    gettext("one row [{row}]").format(row=fmt.row(key).short),
                )
            )
            continue
        problems.extend(bad)
        found[key] = tuple(values)
    missing = [r.short for r in fmt.table3_rows if r.key not in found]
    if missing:
        problems.append(
            Problem(
                gettext("table 3"),
                gettext("rows not found"),
                "rows",
                missing,
                gettext("every row of format {format}").format(format=fmt.id),
            )
        )
        return None
    if problems:
        return None
    return Table3(fmt, tuple(found[r.key] for r in fmt.table3_rows))


# ----------------------------------------------------------------------------- table 4


def _block_rows4(rows: Sequence[Sequence[str | None]]) -> list[int | None] | None:
    """Table 4 laid out one row per block (行政复议, 未经复议直接起诉, 复议后起诉) × 5 columns, or None."""
    blocks, columns = table4_layout()
    out: list[int | None] = []
    for _, label in blocks:
        wanted = normalize_label(label.split("/")[-1])
        for row in rows:
            real = [c for c in row if c is not None]
            if len(real) <= len(columns) or wanted not in _label(real[: -len(columns)]):
                continue
            try:
                out.extend(parse_cell(c) for c in real[-len(columns) :])
            except ValueError:
                continue
            break
        else:
            return None
    return out


def _parse_table4(rows: Sequence[Sequence[str | None]], problems: list[Problem]) -> Table4 | None:
    width = len(Table4.keys())  # 3 blocks × 5 columns
    numbers: list[tuple[int, list[int | None]]] = []
    for index, row in enumerate(rows):
        real = [c for c in row if c is not None]
        if len(real) < width:
            continue
        try:
            values = [parse_cell(c) for c in real[-width:]]
        except ValueError:
            continue
        numbers.append((index, values))
    # A spacer row (every cell empty, as Word's <tr height=0>) is not a row of numbers; a row
    # of blanks is the table only when it is the one row there is (a table left blank).
    filled = [n for n in numbers if any(v is not None for v in n[1]) or not _is_spacer(rows[n[0]])]
    data_rows = filled or numbers[-1:]
    if not data_rows:
        by_block = _block_rows4(rows)
        if by_block is not None:
            return Table4(tuple(by_block))
        problems.append(
            Problem(
                gettext("table 4"),
                gettext("no row of 15 numbers found"),
                "cells",
                None,
                gettext("15 numbers or blanks"),
            )
        )
        return None
    if len(data_rows) > 1:
        where = ", ".join(str(i + 1) for i, _ in data_rows)
        problems.append(
            Problem(
                gettext("table 4"),
                gettext("more than one row of numbers"),
                "rows",
                where,
                gettext("exactly one"),
            )
        )
        return None
    return Table4(tuple(data_rows[0][1]))


def _continues_table4(grid: Grid) -> bool:
    """A grid of numbers only, right after table 4's header (the page broke between them)."""
    rows = [r for r in grid if not _is_spacer(r)]
    if len(rows) != 1 or len(rows[0]) < len(Table4.keys()):
        return False
    try:
        [parse_cell(c or "") for c in rows[0]]
    except ValueError:
        return False
    return True


# ----------------------------------------------------------------------------- table 2


def _column_positions(row: Sequence[str | None], block: Table2Block) -> list[int] | None:
    """Where each of ``block``'s columns sits in a header row, or None if this is not its header."""
    positions: list[int] = []
    for _, label in block.columns:
        wanted = normalize_label(label).split("单位")[0]
        at = next((i for i, c in enumerate(row) if wanted and wanted in _norm(c)), None)
        if at is None:
            return None
        positions.append(at)
    return positions if positions == sorted(set(positions)) else None


def _block_of(row: Sequence[str | None], fmt: ReportFormat) -> Table2Block | None:
    text = "".join(dict.fromkeys(_norm(c) for c in row if c))
    for block in fmt.table2_blocks:
        if normalize_label(block.block) in text:
            return block
    return None


def _row_key(row: Sequence[str | None], block: Table2Block) -> str | None:
    """The block row a data row holds: the first cell that is one of the block's row labels."""
    labels = {normalize_label(text): key for key, text in block.rows}
    return next((labels[_norm(c)] for c in row if _norm(c) in labels), None)


def _runs_after_label(row: Sequence[str | None], key: str, block: Table2Block) -> list[str | None]:
    """The cells after the row's label, a merged cell (repeated text) counted once."""
    label = normalize_label(dict(block.rows)[key])
    start = next(i for i, c in enumerate(row) if _norm(c) == label)
    while start < len(row) and _norm(row[start]) == label:
        start += 1
    cells = row[start:]
    return [c for i, c in enumerate(cells) if i == 0 or c != cells[i - 1]]


def _parse_table2(
    rows: Sequence[Sequence[str | None]], fmt: ReportFormat, problems: list[Problem]
) -> Table2 | None:
    """Table 2 as published (each block: a title row, a header row, its rows) or stacked with the
    block in the first column of every row (zwgk's own XLSX and DOCX), header rows placing columns."""
    values: dict[str, int | Decimal | None] = {}
    block: Table2Block | None = None
    positions: list[int] | None = None
    last_header: Sequence[str | None] | None = None
    for index, row in enumerate(rows):
        if _is_spacer(row):
            continue
        where = gettext("table 2 row {n}").format(n=index + 1)
        found = _block_of(row, fmt)
        if found is not None and found is not block:
            # a new block: a header printed before its first row may place its columns
            block = found
            positions = None if last_header is None else _column_positions(last_header, found)
        header = _column_positions(row, block or fmt.table2_blocks[0])
        if header is not None:
            positions, last_header = header, row
            continue
        if block is None:
            continue
        key = _row_key(row, block)
        if key is None:
            continue
        runs = _runs_after_label(row, key, block)
        if len(runs) == len(block.columns):
            # one distinct cell per column: read in order, even where the data cells' spans
            # do not line up with the header's (real pages merge them differently)
            texts = runs
        elif positions is not None:
            texts = [row[p] if p < len(row) else None for p in positions]
        else:
            # without the header a merged cell cannot be told from equal neighbours: never guess
            labels = " · ".join(label for _, label in block.columns)
            problems.append(
                Problem(where, gettext("no header row places the columns"), "header", None, labels)
            )
            continue
        for (column, column_label), text in zip(block.columns, texts, strict=True):
            cell = f"{key}.{column}"
            try:
                if column in block.money_columns:
                    values[cell] = parse_amount(text or "")
                elif column in block.signed_columns:
                    values[cell] = _signed(text or "")
                else:
                    values[cell] = parse_cell(text or "")
            except ValueError as exc:
                problems.append(Problem(where, str(exc), column_label, text))
    missing = [k for k in fmt.table2_keys() if k not in values]
    if missing:
        problems.append(
            Problem(
                gettext("table 2"),
                gettext("cells not found"),
                "cells",
                missing,
                gettext("every cell of table 2 ({format})").format(format=fmt.id),
            )
        )
    if problems:
        return None
    return Table2.from_mapping(fmt, values)


# ----------------------------------------------------------------------------- the report


#: A top-level heading line: a Chinese ordinal, a separator, a short title (not a sentence).
_HEADING_RE = re.compile(r"(?m)^[ \t]*([一二三四五六七八九十]+)\s*[、,.．，]\s*([^\n]{1,60})$")


def _sections(text: str, fmt: ReportFormat) -> tuple[tuple[str, str], ...]:
    """Split the text outside tables at the format's section headings (一、总体情况 …).

    A heading is a line opening with the section's ordinal (``五、``) whose title names the
    section by the format's key phrases (``ReportFormat.section_rules``), so the wording sites
    really use is found (``五、政府信息公开工作存在的主要问题及改进情况`` for ``五、存在的主要问题及
    改进情况``); each section is named by the format's heading.
    """
    folded = text.replace("\xa0", " ")
    rules = {rule.heading: rule for rule in fmt.section_rules}
    candidates = list(_HEADING_RE.finditer(folded))  # every heading-shaped line, found once
    marks: list[tuple[int, int, str]] = []
    for heading in fmt.sections:
        numeral, _, title = heading.partition("、")
        rule = rules.get(heading)
        for match in candidates:
            if match.group(1) != numeral:
                continue
            line = match.group(2)
            if rule.found_in(line) if rule is not None else compact(line).startswith(compact(title)[:4]):
                marks.append((match.start(), match.end(), heading))
                break
    marks.sort()
    out = []
    for i, (_, end, heading) in enumerate(marks):
        stop = marks[i + 1][0] if i + 1 < len(marks) else len(folded)
        lines = [" ".join(line.split()) for line in folded[end:stop].splitlines()]
        out.append((heading, "\n".join(line for line in lines if line)))
    return tuple(out)


_YEAR_RE = re.compile(r"(\d{4})\s*年\s*度?\s*(?:政府信息公开|政务公开|信息公开)")
#: "2019年上海市人民政府办公厅政府信息公开工作年度报告": the year before the agency.
_YEAR_FIRST_RE = re.compile(
    r"(\d{4})\s*年\s*度?\s*([^\d\s年]{2,40}?)\s*(?:政府信息公开|政务公开|信息公开)工作\s*年度报告"
)


def _year_and_agency(document: Document) -> tuple[int | None, str]:
    """The year reported on and the agency, from the title (else the text).

    Both orders sites use are read: ``<agency>2023年度政府信息公开工作年度报告`` and
    ``2019年<agency>政府信息公开工作年度报告``.
    """
    title = " ".join(fold_width(document.title).split())
    for text in (title, fold_width(document.title + "\n" + document.text())):
        match = _YEAR_RE.search(text)
        if match:
            before = text[: match.start()]
            line = before.splitlines()[-1] if before.strip() else ""
            agency = " ".join(line.split())
            if agency:
                return int(match.group(1)), agency
        first = _YEAR_FIRST_RE.search(text)
        if first:
            return int(first.group(1)), first.group(2).strip()
        if match:
            return int(match.group(1)), title
    return None, title


def _unreadable(
    document: Document, source: str, table: int, index: int, problems: list[Problem]
) -> TableProblem:
    location = msg("{source}: {place}", source=source, place=document.place(index))
    return TableProblem(TABLE_UNREADABLE, table, location, tuple(problems))


def _report_without_table3(
    document: Document,
    problems: list[Problem],
    *,
    fmt: ReportFormat | None,
    source: str,
    year: int | None,
    limits: Limits,
) -> ReadResult:
    """The one place a report without a readable table 3 is decided.

    A report in a format without table 3 — forced (``format="2008"``), or on a year before
    the first format with one (the 2008 条例's reports, 2008–2018) when no table 3 is found —
    is read from its text (`parse_legacy_report`: sections and
    the statistics it states) when the text has at least one of them.  Any other file
    without a readable table 3 cannot be read:
    [`ReportParseError`][zwgk.errors.ReportParseError] lists why.
    """
    from zwgk.reports._legacy import parse_legacy_report

    first = min(f.first_year for f in report_formats() if f.has_table3)
    untabled = fmt is not None and not fmt.has_table3
    before = fmt is None and year is not None and year < first and not _table3_found(problems)
    if untabled or before:
        legacy = fmt if fmt is not None else format_for_year(year or first)
        if not legacy.has_table3:
            text = document.title + "\n" + document.text()
            report = parse_legacy_report(text, year=year, format=legacy, source=source, limits=limits)
            if report.sections or any(v is not None for _, v in report.statistics):
                return ReadResult(report, (), document.kind)
            # neither a section nor a statistic of the format: nothing says this is a report
            what = gettext("a section of the {format} format ({citation})").format(
                format=legacy.id, citation=legacy.citation
            )
            problem = gettext("no section of a format without table 3")
            missing = Problem(source, problem, "text", None, what)
            problems = [*problems, missing]
    raise ReportParseError(source, problems)


def _table3_found(problems: list[Problem]) -> bool:
    """True when the problems are those of a table 3 that was found (not its absence)."""
    return not (len(problems) == 1 and problems[0].message == gettext(_NO_TABLE3))


def read_document(
    document: Document,
    *,
    format: str | ReportFormat | None = None,
    year: int | None = None,
    source: str = "<report>",
    limits: Limits = DEFAULT_LIMITS,
) -> ReadResult:
    """Tables 2, 3 and 4, the sections, the year and the agency of a read file.

    Args:
        document: what a reader found in the file.
        format: force ``"2021"`` or ``"2019-trial"``; default: told from table 3's rows (the
            2021 format splits （六）其他处理 into three) or from the year.
        year: the year reported on; default: read from the title or the text
            (``2023年度政府信息公开…``).
        source: how messages name the file.
        limits: the bounds for reading a report without table 3 from its text.

    Returns:
        The report, the tables found but unreadable (skipped), and ``document.kind``; a
        report in a format without table 3 (the 2008 format) is read from the text.

    Raises:
        ReportParseError: no table 3 or an unreadable one (every problem listed).
    """
    # positions past a row's last cell (padding) carry nothing: rows keep their own width
    document = attrs.evolve(document, tables=tuple(tuple(_trim(r) for r in g) for g in document.tables))
    found_year, agency = _year_and_agency(document)
    year = found_year if year is None else year
    fmt = None if format is None else get_format(format)
    grids = document.tables
    group = [] if fmt is not None and not fmt.has_table3 else _table3_group(document)
    if not group:
        what = gettext("a table with the rows of table 3 ([本年新收], [上年结转] …)")
        problem = Problem(source, gettext(_NO_TABLE3), "table", None, what)
        return _report_without_table3(document, [problem], fmt=fmt, source=source, year=year, limits=limits)
    t3_problems: list[Problem] = []
    rows = [row for index in group for row in grids[index]]
    table3 = _parse_table3(rows, fmt, year, t3_problems)
    if table3 is None:
        return _report_without_table3(document, t3_problems, fmt=fmt, source=source, year=year, limits=limits)
    skipped: list[TableProblem] = []
    table4 = None
    t4_parts: list[int] = []
    # a site may print tables 2, 3 and 4 in one <table>: each is then read from that grid
    t4_index = next((i for i, g in enumerate(grids) if _is_table4(g)), None)
    if t4_index is not None:
        t4_parts.append(t4_index)
        nxt = t4_index + 1
        if nxt < len(grids) and nxt not in group and _continues_table4(grids[nxt]):
            t4_parts.append(nxt)  # the numbers pushed to the next page
        t4_rows = [row for i in t4_parts for row in grids[i]]
        t4_problems: list[Problem] = []
        table4 = _parse_table4(t4_rows, t4_problems)
        if table4 is None:
            skipped.append(_unreadable(document, source, 4, t4_index, t4_problems))
    table2 = None
    t2_parts = _table2_group(document, set(t4_parts) - set(group))
    if t2_parts:
        t2_problems: list[Problem] = []
        t2_rows = [row for i in t2_parts for row in grids[i]]
        table2 = _parse_table2(t2_rows, table3.format, t2_problems)
        if table2 is None:
            skipped.append(_unreadable(document, source, 2, t2_parts[0], t2_problems))
    used = frozenset((*group, *t4_parts, *t2_parts))
    report = AnnualReport(
        agency=agency,
        year=year,
        format=table3.format,
        table3=table3,
        table4=table4,
        table2=table2,
        sections=_sections(document.text(used), table3.format),
    )
    return ReadResult(report, tuple(skipped), document.kind)


def report_of(result: ReadResult, stacklevel: int = 3) -> AnnualReport:
    """The report of ``result``, warning ([`TablesSkippedWarning`][zwgk.errors.TablesSkippedWarning]) of
    skipped tables."""
    if result.problems:
        warnings.warn(TablesSkippedWarning(result.problems), stacklevel=stacklevel)
    return result.report
