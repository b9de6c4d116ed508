"""Reading catalogs from spreadsheets: CSV (stdlib), XLSX (openpyxl, extra ``xlsx``).

Both readers turn the sheet into rows of strings and hand them to
:func:`catalog_from_rows`, which understands the de-facto layout
(``../shared/domain/FACTS.md`` §4):

- a title row or two above the header (the first text becomes :attr:`Catalog.title`);
- a one- or two-row header: a group (公开对象) over sub-columns (全社会, 特定群体), written
  once over merged cells or repeated;
- tick marks in sub-columns (√ ✓ ✔ ☑ ■ ● ticked; empty, □ ☐ 口 ○ not ticked) or inline in
  a text cell (■政府网站 □政府公报);
- 同上 (同上栏, 同前) cells, resolved from the same column of the row above;
- blank 一级事项 cells under a named one (merged cells saved as CSV), filled down;
- line breaks inside cells, blank rows and banner rows (one text across merged cells).

Every bad cell is collected; one :class:`~zwgk.errors.InvalidRecordsError` lists them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from zwgk._csv_guard import read_csv_rows
from zwgk._files import (
    TEXT_ENCODINGS,
    default_sheet,
    existing_file,
    load_workbook,
    merged_sheet_rows,
    read_input_text,
    sheet_shape,
)
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._neutralise import restore_cell
from zwgk._optional import import_extra
from zwgk._text import compact
from zwgk.catalog._basis import parse_legal_bases
from zwgk.catalog._model import (
    Audience,
    Catalog,
    DisclosureItem,
    DisclosureMode,
    FiveOpen,
    Level,
    _Labelled,
)
from zwgk.catalog._timelimit import TimeLimit, parse_time_limit
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem

__all__ = [
    "catalog_from_rows",
    "read_catalog",
    "read_catalog_csv",
    "read_catalog_xlsx",
    "split_cell",
]

TICKED = frozenset({"√", "✓", "✔", "☑", "■", "●", "v", "V", "t", "T", "是", "✅"})
UNTICKED = frozenset({"", "□", "☐", "口", "○", "否"})
_SAME_AS_ABOVE = frozenset({"同上", "同上栏", "同前"})
_MARK_EXPECTED = "a tick (√ ✓ ✔ ☑ ■ ● v t 是) or nothing (empty, □ ☐ 口 ○ 否)"
# Inline marks in a text cell: ■政府网站 □政府公报 (口 only where a box can stand).
_INLINE_MARK = re.compile(r"[■□☑☐√✓✔]|(?:^|(?<=[\s,、;；，]))口")
_LINE_SPLIT = re.compile(r"[\n\r;；]+")
_LIST_SPLIT = re.compile(r"[、,，]+")
_NUMBERING = re.compile(r"^(?:\d+[.、)．]|\(\d+\)|（\d+）|[①-⑳]|[一二三四五六七八九十]+、)")
_HEADING = re.compile(r"^[一二三四五六七八九十]+[、.．]")

# Header words (compacted, brackets removed) → field.  Groups whose sub-columns hold marks
# are "audience", "mode", "level", "five_open" and "channels".
_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["序号", "编号", "序"], "sequence"),
        **dict.fromkeys(["公开事项", "事项", "事项名称", "公开事项名称"], "name"),
        **dict.fromkeys(["一级事项", "一级"], "first_level"),
        **dict.fromkeys(["二级事项", "二级"], "second_level"),
        **dict.fromkeys(["公开内容", "公开要素", "内容", "公开内容要素"], "content"),
        **dict.fromkeys(["公开依据", "依据", "法律依据", "政策依据"], "bases"),
        **dict.fromkeys(["公开时限", "时限", "公开时间"], "time_limit"),
        **dict.fromkeys(["公开主体", "责任主体", "公开责任主体", "实施主体"], "body"),
        **dict.fromkeys(
            ["公开渠道和载体", "公开渠道", "公开载体", "渠道和载体", "公开渠道及载体", "公开渠道载体"],
            "channels",
        ),
        **dict.fromkeys(["公开对象", "对象"], "audience"),
        **dict.fromkeys(["公开方式", "方式"], "mode"),
        **dict.fromkeys(["公开层级", "层级"], "level"),
        **dict.fromkeys(["五公开", "五公开属性", "五公开类别", "五公开分类"], "five_open"),
        **dict.fromkeys(["领域", "所属领域", "公开领域"], "field"),
        **dict.fromkeys(["备注", "说明"], "remarks"),
    }
)
_MARK_GROUPS = frozenset({"audience", "mode", "level", "five_open", "channels"})
_PAREN = re.compile(r"\([^()]*\)")
_E = TypeVar("_E", bound=_Labelled)
_T = TypeVar("_T")


def _header_key(text: str) -> str | None:
    key = compact(text)
    return _HEADERS.get(key) or _HEADERS.get(_PAREN.sub("", key))


@attrs.frozen
class _Column:
    index: int
    field: str  # "sequence", "first_level", ..., or a mark group
    label: str  # the header as shown, for messages
    option: str | None = None  # for mark sub-columns: the sub-header (全社会, 县级, 政府网站)


def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 0-based index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def split_cell(text: str) -> tuple[str, ...]:
    """Split a list cell at line breaks, 、 and ；, dropping numbering (1. (1) ①) and blanks.

    Args:
        text: the cell text.

    Returns:
        The non-empty parts, stripped.
    """
    out: list[str] = []
    for line in _LINE_SPLIT.split(text):
        for piece in _LIST_SPLIT.split(_NUMBERING.sub("", line.strip())):
            part = _NUMBERING.sub("", piece.strip()).strip()
            if part:
                out.append(part)
    return tuple(out)


def _is_header_row(row: Sequence[str]) -> bool:
    return sum(_header_key(c) is not None for c in row if c.strip()) >= 3


def _find_header(rows: Sequence[Sequence[str]]) -> int | None:
    for i, row in enumerate(rows[:15]):
        if _is_header_row(row):
            return i
    return None


def _columns(top: Sequence[str], sub: Sequence[str] | None) -> tuple[list[_Column], list[Problem]]:
    """Resolve header cells into columns (filling a group header right over blank cells)."""
    columns: list[_Column] = []
    problems: list[Problem] = []
    group = ""
    width = max(len(top), len(sub or ()))
    for i in range(width):
        head = top[i].strip() if i < len(top) else ""
        below = sub[i].strip() if sub is not None and i < len(sub) else ""
        if head:
            group = head
        elif below:
            head = group  # merged group header saved as CSV: blank cells to its right
        if not head and not below:
            continue
        field = _header_key(head) if head else None
        sub_field = _header_key(below) if below else None
        if compact(below) == compact(head):
            below = ""
        if field == "name" and below:
            field = sub_field if sub_field in ("first_level", "second_level") else None
            head, below = f"{head}/{below}", ""
        elif field is None and sub_field is not None:
            field, head, below = sub_field, below, ""
        if field is None or field == "remarks":
            continue
        if field in _MARK_GROUPS and below:
            columns.append(_Column(i, field, f"{head}/{below}", below))
        else:
            columns.append(_Column(i, field, head))
    if not any(c.field in ("name", "first_level", "second_level") for c in columns):
        problems.append(
            Problem(
                "header",
                "no item-name column",
                field="公开事项",
                value=[c for c in top if c.strip()],
                expected="a column 公开事项 (or 一级事项/二级事项, 事项名称)",
            )
        )
    return [attrs.evolve(c, field="first_level") if c.field == "name" else c for c in columns], problems


def _is_banner(row: Sequence[str], width: int) -> bool:
    """A row that only carries a section title: one text across merged cells, or 一、…"""
    values = [c.strip() for c in row if c.strip()]
    if not values or any(compact(v) in TICKED for v in values):
        return False
    if len(values) >= max(2, width // 2) and len(set(values)) == 1:
        return True
    return len(values) == 1 and _HEADING.match(values[0]) is not None


@attrs.define
class _RowReader:
    """Turns the cells of one data row into item fields, collecting problems."""

    row_number: int
    problems: list[Problem]

    def problem(self, column: _Column, message: str, value: str, expected: str) -> None:
        self.problems.append(
            Problem(
                f"row {self.row_number}, column {column_letter(column.index)}",
                message,
                field=column.label,
                value=value,
                expected=expected,
            )
        )

    def ticked(self, column: _Column, cell: str) -> bool:
        mark = compact(cell)
        if mark in TICKED:
            return True
        if mark in UNTICKED:
            return False
        self.problem(column, "not a tick mark", cell, _MARK_EXPECTED)
        return False

    def labels(self, column: _Column, cell: str) -> tuple[str, ...]:
        """Values of a text cell, honouring inline marks (■政府网站 □政府公报)."""
        if _INLINE_MARK.search(cell):
            chosen: list[str] = []
            pieces = _INLINE_MARK.split(cell)
            marks = _INLINE_MARK.findall(cell)
            if pieces[0].strip():
                self.problem(column, "text before the first box", cell, "■/□ before every option")
            for mark, piece in zip(marks, pieces[1:], strict=True):
                if compact(mark) in TICKED:
                    chosen.extend(split_cell(piece))
            return tuple(chosen)
        return _split(cell)


# Cells repeat from row to row (the same bases, time limits, bodies, marks): the pure parsers
# of a cell are memoised, so a catalog reads in time linear in its rows and near the cost of
# splitting the CSV.  Each returns frozen values, so sharing a result between rows is safe.
_split = lru_cache(maxsize=1 << 14)(split_cell)
_bases = lru_cache(maxsize=1 << 12)(parse_legal_bases)


@lru_cache(maxsize=1 << 12)
def _time_limit(text: str) -> TimeLimit:
    return parse_time_limit(text, warn=False)


@lru_cache(maxsize=1 << 12)
def _enum_member(cls: type[_E], value: str) -> _E:
    return cls.parse(value)


@lru_cache(maxsize=1 << 12)
def _level_members(value: str) -> tuple[Level, ...]:
    return Level.parse_many(value)


def _parse_enum(reader: _RowReader, column: _Column, cls: type[_E], values: Iterable[str]) -> list[_E]:
    out: list[_E] = []
    for value in values:
        try:
            out.append(_enum_member(cls, value))
        except InvalidInputError as exc:
            reader.problem(column, f"unknown {cls.__name__}", value, exc.expected)
    return out


def _levels(reader: _RowReader, column: _Column, values: Iterable[str]) -> list[Level]:
    out: list[Level] = []
    for value in values:
        try:
            out.extend(_level_members(value))
        except InvalidInputError as exc:
            reader.problem(column, "unknown Level", value, exc.expected)
    return out


def _ordered(values: Iterable[_T], order: Iterable[_T]) -> tuple[_T, ...]:
    seen = set(values)
    if not seen:
        return ()
    return tuple(v for v in _members(order) if v in seen)  # type: ignore[arg-type]


@lru_cache(maxsize=16)
def _members(order: Iterable[Any]) -> tuple[Any, ...]:
    """The members of an enum class, in order (iterating an Enum class is slow; done once)."""
    return tuple(order)


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def catalog_from_rows(
    rows: Sequence[Sequence[object]], *, source: str = "<rows>", title: str | None = None
) -> Catalog:
    """Build a :class:`Catalog` from spreadsheet rows (the part both readers share).

    Args:
        rows: the sheet's rows, top to bottom; cells may be ``None``, numbers or dates.
        source: the name used in messages (a file name).
        title: the catalog title; by default the first text above the header.

    Returns:
        The catalog, items in sheet order, each with its 1-based ``row``.

    Raises:
        InvalidRecordsError: no header, or any cell is bad; lists every bad row and column.
    """
    table = [[_cell_text(c) for c in row] for row in rows]
    head = _find_header(table)
    if head is None:
        raise InvalidRecordsError(
            source,
            [
                Problem(
                    "header",
                    "no header row in the first 15 rows",
                    field="header",
                    expected="a row with at least three of 序号, 公开事项, 公开内容, 公开依据, "
                    "公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级",
                )
            ],
        )
    sub = table[head + 1] if head + 1 < len(table) else None
    two_rows = sub is not None and _is_sub_header(table[head], sub)
    columns, problems = _columns(table[head], sub if two_rows else None)
    if problems:
        raise InvalidRecordsError(source, problems)
    if title is None:
        above = [c.strip() for row in table[:head] for c in row if c.strip()]
        title = above[0] if above else None
    headed = _headed_columns(table[head], sub if two_rows else None)
    items: list[DisclosureItem] = []
    previous: list[str] | None = None
    first_level = ""
    for offset, raw in enumerate(table[head + (2 if two_rows else 1) :]):
        row_number = head + (3 if two_rows else 2) + offset
        if not any(c.strip() for c in raw) or _is_banner(raw, len(columns)):
            continue
        reader = _RowReader(row_number, problems)
        cells = [raw[c.index] if c.index < len(raw) else "" for c in columns]
        for k, column in enumerate(columns):
            if cells[k] and compact(cells[k]) in _SAME_AS_ABOVE:  # most cells are empty
                if previous is None:
                    reader.problem(column, "同上 in the first row", cells[k], "a value")
                    cells[k] = ""
                else:
                    cells[k] = previous[k]
        previous = cells
        item = _item(reader, columns, cells, first_level)
        first_level = item.first_level
        if not item.first_level and not item.second_level:
            problems.append(
                Problem(f"row {row_number}", "item has no name", field="公开事项", expected="一级事项")
            )
        problems.extend(_unheaded_cells(row_number, raw, headed))
        items.append(item)
    if problems:
        raise InvalidRecordsError(source, problems)
    return Catalog(tuple(items), title=title, source=source)


def _headed_columns(top: Sequence[str], sub: Sequence[str] | None) -> frozenset[int]:
    """Indices of the columns that have a header (in the header row or the sub-header row)."""
    rows = [top] if sub is None else [top, sub]
    return frozenset(i for row in rows for i, cell in enumerate(row) if cell.strip())


def _unheaded_cells(row_number: int, raw: Sequence[str], headed: frozenset[int]) -> list[Problem]:
    """A problem for every non-empty cell with no header above it (it would be lost)."""
    if all(i in headed or not cell.strip() for i, cell in enumerate(raw)):  # every row but a bad one
        return []
    last = max(headed, default=-1)
    beyond = f"nothing right of the last header column {column_letter(last)}" if last >= 0 else ""
    return [
        Problem(
            f"row {row_number}, column {column_letter(i)}",
            "cell beyond the last header column" if i > last else "cell under no header",
            field=f"column {i + 1}",
            value=cell,
            expected=(beyond if i > last else "a header above every non-empty cell")
            + " (add a header for the value or move it into its column)",
        )
        for i, cell in enumerate(raw)
        if cell.strip() and i not in headed
    ]


def _is_sub_header(top: Sequence[str], row: Sequence[str]) -> bool:
    """A second header row: sub-labels (一级事项, 全社会, 主动, 县级, channel names), no data.

    A label counts as known if it is a header word or an option of the enums, or if it sits
    under a 公开渠道和载体 heading (channel names are open-ended).
    """
    group = ""
    known = total = 0
    for i, cell in enumerate(row):
        if i < len(top) and top[i].strip():
            group = top[i].strip()
        label = cell.strip()
        if not label:
            continue
        total += 1
        if label in TICKED or label.isdigit():
            return False
        if _header_key(label) is not None or _header_key(group) == "channels" or _is_option(label):
            known += 1
    return total > 0 and known * 2 >= total


def _is_option(label: str) -> bool:
    for parse in (Audience.parse, DisclosureMode.parse, Level.parse_many, FiveOpen.parse):
        try:
            parse(label)
        except InvalidInputError:
            continue
        return True
    return False


def _item(reader: _RowReader, columns: list[_Column], cells: list[str], first_level: str) -> DisclosureItem:
    values: dict[str, object] = {}
    audiences: list[Audience] = []
    modes: list[DisclosureMode] = []
    levels: list[Level] = []
    five_open: list[FiveOpen] = []
    channels: list[str] = []
    for column, cell in zip(columns, cells, strict=True):
        field = column.field
        if column.option is not None:  # a mark sub-column
            if not reader.ticked(column, cell):
                continue
            chosen: tuple[str, ...] = (column.option,)
        elif field in _MARK_GROUPS:
            chosen = reader.labels(column, cell)
        else:
            chosen = ()
        if field == "audience":
            audiences += _parse_enum(reader, column, Audience, chosen)
        elif field == "mode":
            modes += _parse_enum(reader, column, DisclosureMode, chosen)
        elif field == "five_open":
            five_open += _parse_enum(reader, column, FiveOpen, chosen)
        elif field == "level":
            levels += _levels(reader, column, chosen)
        elif field == "channels":
            channels += chosen
        elif field == "bases":
            try:
                values["legal_bases"] = _bases(cell)
            except InvalidInputError as exc:
                reader.problem(column, "unbalanced 《》", cell, exc.expected)
        elif field == "content":
            values["content"] = _split(cell)
        elif field == "time_limit":
            values["time_limit"] = _time_limit(cell.strip())
        elif field == "body":
            values["body"] = "、".join(_split(cell))
        else:
            values[field] = " ".join(cell.split())
    name = str(values.get("first_level") or "") or first_level
    second = str(values.get("second_level") or "") or None
    return DisclosureItem(
        sequence=str(values.get("sequence") or ""),
        first_level=name,
        second_level=second,
        content=values.get("content", ()),  # type: ignore[arg-type]
        legal_bases=values.get("legal_bases", ()),  # type: ignore[arg-type]
        time_limit=values.get("time_limit", TimeLimit("")),  # type: ignore[arg-type]
        body=str(values.get("body") or ""),
        channels=_dedupe(channels),
        audiences=_ordered(audiences, Audience),
        modes=_ordered(modes, DisclosureMode),
        levels=_ordered(levels, Level),
        five_open=_ordered(five_open, FiveOpen),
        field=str(values.get("field") or "") or None,
        row=reader.row_number,
    )


def _cell_text(value: object) -> str:
    if type(value) is str:  # every CSV cell, most XLSX ones: the fast path
        return _unquote(value) if value[:1] == "'" else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return _unquote(str(value))


def _unquote(text: str) -> str:
    """Undo the apostrophe our exports put before formula-like cells (:func:`restore_cell`)."""
    if text.startswith("'\n"):  # an exported "'\r…" cell: XML turns the CR into LF on reading
        text = "'\r" + text[2:]
    return restore_cell(text)


def read_catalog_csv(
    path: str | Path,
    *,
    encoding: str | None = None,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Catalog:
    """Read a catalog saved as CSV.

    Args:
        path: the file.
        encoding: the text encoding; by default UTF-8 (with or without BOM), then GB18030
            (what Excel on a Chinese Windows writes).
        title: the catalog title; by default the first text above the header.
        limits: bounds on the file (``max_file_bytes``, checked before reading), its rows,
            columns and cell length (default :data:`~zwgk._limits.DEFAULT_LIMITS`).

    Returns:
        The catalog.

    Raises:
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        LimitExceededError: the file exceeds a bound of ``limits`` (named in the message).
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file exists but cannot be read or decoded with the encodings tried.
    """
    encodings = [encoding] if encoding else TEXT_ENCODINGS
    target, text = read_input_text(path, "catalog file (.csv)", encodings=encodings, limits=limits)
    rows = read_csv_rows(text, limits=limits, source=target.name)
    return catalog_from_rows(rows, source=target.name, title=title)


def read_catalog_xlsx(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Catalog:
    """Read a catalog from an Excel workbook (needs the ``xlsx`` extra: openpyxl).

    Merged cells are expanded: every cell of a merged range gets the range's value, so a
    group header spans its sub-columns and a merged 一级事项 or 公开依据 applies to each row.

    Args:
        path: the ``.xlsx`` file.
        sheet: a sheet name or 0-based index; by default the active sheet.
        title: the catalog title; by default the first text above the header.
        limits: bounds checked by a pre-scan before openpyxl opens the file: its size, the
            zip (uncompressed size, compression ratio), every sheet's real rows, columns and
            cells, merged ranges and cell length (default :data:`~zwgk._limits.DEFAULT_LIMITS`).

    Returns:
        The catalog.

    Raises:
        MissingExtraError: openpyxl (or defusedxml) is not installed.
        LimitExceededError: the workbook exceeds a bound of ``limits`` (named in the message).
        UnsafeFileError: an XML part has a DTD, entity declarations or external references.
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        UnknownNameError: ``sheet`` is not in the workbook.
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file is not a readable ``.xlsx`` workbook (e.g. a CSV renamed).
    """
    openpyxl = import_extra("openpyxl", "xlsx", "reading XLSX catalogs")
    from zwgk.errors import UnknownNameError

    target = existing_file(path, "catalog workbook (.xlsx)")
    workbook, shape = load_workbook(openpyxl, target, limits=limits)
    try:
        if sheet is None:
            ws = default_sheet(workbook, target)
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(workbook.worksheets):
                raise UnknownNameError("sheet", sheet, workbook.sheetnames)
            ws = workbook.worksheets[sheet]
        else:
            if sheet not in workbook.sheetnames:
                raise UnknownNameError("sheet", sheet, workbook.sheetnames)
            ws = workbook[sheet]
        rows = merged_sheet_rows(ws, sheet_shape(shape, ws.title))
    finally:
        workbook.close()
    return catalog_from_rows(rows, source=Path(path).name, title=title)


def read_catalog(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, **options: object) -> Catalog:
    """Read a catalog from ``.csv``, ``.xlsx`` or ``.json`` by the file's suffix.

    Args:
        path: the file.
        limits: the bounds every reader applies (default :data:`~zwgk._limits.DEFAULT_LIMITS`).
        **options: passed to :func:`read_catalog_csv` or :func:`read_catalog_xlsx`.

    Returns:
        The catalog.

    Raises:
        InvalidInputError: the suffix is not one of ``.csv``, ``.xlsx``, ``.json``.
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: an ``.xlsx`` file is not a readable workbook.
        InvalidRecordsError: the header or any cell is bad (every one is listed).
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return read_catalog_csv(path, limits=limits, **options)  # type: ignore[arg-type]
    if suffix in (".xlsx", ".xlsm"):
        return read_catalog_xlsx(path, limits=limits, **options)  # type: ignore[arg-type]
    if suffix == ".json":
        from zwgk.catalog._schema import read_catalog_json

        return read_catalog_json(path, limits=limits)
    raise InvalidInputError("path", str(path), "a .csv, .xlsx or .json file")
