"""Reading catalogs from spreadsheets: CSV (stdlib), XLSX (openpyxl, extra ``xlsx``).

Both readers turn the sheet into rows of strings and hand them to
[`catalog_from_rows`][zwgk.catalog.io.catalog_from_rows], which understands the de-facto layout
(``../shared/domain/FACTS.md`` §4):

- a title row or two above the header (the first text becomes `Catalog.title`);
- a one- or two-row header: a group (公开对象) over sub-columns (全社会, 特定群体), written
  once over merged cells or repeated;
- tick marks in sub-columns (√ ✓ ✔ ☑ ■ ● ticked; empty, □ ☐ 口 ○ not ticked) or inline in
  a text cell (■政府网站 □政府公报);
- 同上 (同上栏, 同前) cells, resolved from the same column of the row above;
- blank 一级事项 cells under a named one (merged cells saved as CSV), filled down;
- line breaks inside cells, blank rows and banner rows (one text across merged cells).

Every bad cell is collected; one [`InvalidRecordsError`][zwgk.errors.InvalidRecordsError] lists them all.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import chain, islice, repeat
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from zwgk._csv_guard import iter_csv_rows
from zwgk._files import (
    TEXT_ENCODINGS,
    default_sheet,
    existing_file,
    load_workbook,
    merged_sheet_rows,
    read_input_text,
    sheet_shape,
)
from zwgk._i18n import N_, gettext
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
from zwgk.catalog._texts import value_kind_text
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
_MARK_EXPECTED = N_("a tick (√ ✓ ✔ ☑ ■ ● v t 是) or nothing (empty, □ ☐ 口 ○ 否)")
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


def cell_location(row: int, index: int) -> str:
    """``row 5, column C`` (第5行第C列 in Chinese) for a 1-based row and a 0-based column, in the
    current language."""
    return gettext("row {row}, column {column}").format(row=row, column=column_letter(index))


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
                gettext("header"),
                gettext("no item-name column"),
                field="公开事项",
                value=[c for c in top if c.strip()],
                expected=gettext("a column 公开事项 (or 一级事项/二级事项, 事项名称)"),
            )
        )
    return [attrs.evolve(c, field="first_level") if c.field == "name" else c for c in columns], problems


def _is_banner(row: Sequence[str], width: int) -> bool:
    """A row that only carries a section title: one text across merged cells, or 一、…"""
    return _is_banner_values([v for c in row if (v := c.strip())], width)


def _two_texts(row: Sequence[str]) -> bool:
    """Whether the first two cells hold two different texts (most data rows: 序号 and a name),
    so that the row is neither empty nor a banner (`_is_banner_values`, whose values all
    read the same), without stripping every cell."""
    if len(row) < 2:
        return False
    a, b = row[0].strip(), row[1].strip()
    return bool(a) and bool(b) and a != b


def _is_banner_values(values: list[str], width: int) -> bool:
    """`_is_banner` on a row's stripped non-empty cells (the shape first, then the marks)."""
    if not values:
        return False
    if len(values) >= max(2, width // 2) and values[0] == values[-1] and len(set(values)) == 1:
        shaped = True
    else:
        shaped = len(values) == 1 and _HEADING.match(values[0]) is not None
    return shaped and not any(compact(v) in TICKED for v in values)


@attrs.define
class _RowReader:
    """Turns the cells of one data row into item fields, collecting problems."""

    row_number: int
    problems: list[Problem]

    def problem(self, column: _Column, message: str, value: str, expected: str) -> None:
        self.problems.append(
            Problem(
                cell_location(self.row_number, column.index),
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
        self.problem(column, gettext("not a tick mark"), cell, gettext(_MARK_EXPECTED))
        return False

    def labels(self, column: _Column, cell: str) -> tuple[str, ...]:
        """Values of a text cell, honouring inline marks (■政府网站 □政府公报)."""
        if _INLINE_MARK.search(cell):
            chosen: list[str] = []
            pieces = _INLINE_MARK.split(cell)
            marks = _INLINE_MARK.findall(cell)
            if pieces[0].strip():
                self.problem(
                    column, gettext("text before the first box"), cell, gettext("■/□ before every option")
                )
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
            reader.problem(
                column,
                gettext("unknown {kind}").format(kind=value_kind_text(cls.__name__)),
                value,
                exc.expected,
            )
    return out


def _levels(reader: _RowReader, column: _Column, values: Iterable[str]) -> list[Level]:
    out: list[Level] = []
    for value in values:
        try:
            out.extend(_level_members(value))
        except InvalidInputError as exc:
            reader.problem(
                column, gettext("unknown {kind}").format(kind=value_kind_text("Level")), value, exc.expected
            )
    return out


def _ordered(values: Iterable[_T], order: type[enum.Enum]) -> tuple[_T, ...]:
    values = tuple(values)
    if not values:
        return ()
    return _ordered_memo(values, order)


@lru_cache(maxsize=1 << 12)
def _ordered_memo(values: tuple[Any, ...], order: type[enum.Enum]) -> tuple[Any, ...]:
    seen = set(values)
    return tuple(v for v in _members(order) if v in seen)


@lru_cache(maxsize=16)
def _members(order: type[enum.Enum]) -> tuple[Any, ...]:
    """The members of an enum class, in order (iterating an Enum class is slow; done once)."""
    return tuple(order)


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def catalog_from_rows(
    rows: Sequence[Sequence[object]], *, source: str = "<rows>", title: str | None = None
) -> Catalog:
    """Build a [`Catalog`][zwgk.catalog.Catalog] from spreadsheet rows (the part both readers share).

    Args:
        rows: the sheet's rows, top to bottom; cells may be ``None``, numbers or dates.
        source: the name used in messages (a file name).
        title: the catalog title; by default the first text above the header.

    Returns:
        The catalog, items in sheet order, each with its 1-based ``row``.

    Raises:
        InvalidRecordsError: no header, or any cell is bad; lists every bad row and column.
    """
    return _from_table([_row_texts(row) for row in rows], source, title)


def _from_table(table: Iterable[list[str]], source: str, title: str | None) -> Catalog:
    """`catalog_from_rows` on rows already as text (`_row_texts`), read as they come.

    An error found before the last row (no header, a bad header) is raised only after the
    rest of ``table`` has been read, so that an error of the CSV further on (a row too wide, a
    malformed record) is raised first, as when every row was read before the catalog.
    """
    rows = iter(table)
    try:
        return _read_table(rows, source, title)
    except Exception as exc:  # re-raised below, once the rows are read
        error = exc
    deque(rows, maxlen=0)
    raise error


def _read_table(rows: Iterator[list[str]], source: str, title: str | None) -> Catalog:
    first = list(islice(rows, 16))  # the header is in the first 15 rows, its sub-header below
    head = _find_header(first)
    if head is None:
        raise InvalidRecordsError(
            source,
            [
                Problem(
                    gettext("header"),
                    gettext("no header row in the first 15 rows"),
                    field="header",
                    expected=gettext(
                        "a row with at least three of 序号, 公开事项, 公开内容, 公开依据, "
                        "公开时限, 公开主体, 公开渠道和载体, 公开对象, 公开方式, 公开层级"
                    ),
                )
            ],
        )
    sub = first[head + 1] if head + 1 < len(first) else None
    two_rows = sub is not None and _is_sub_header(first[head], sub)
    columns, problems = _columns(first[head], sub if two_rows else None)
    if problems:
        raise InvalidRecordsError(source, problems)
    if title is None:
        above = [c.strip() for row in first[:head] for c in row if c.strip()]
        title = above[0] if above else None
    headed = _headed_columns(first[head], sub if two_rows else None)
    items: list[DisclosureItem] = []
    first_level = ""
    width = len(columns)
    indices = [c.index for c in columns]
    reach = max(indices, default=-1) + 1
    pick = itemgetter(*indices) if width > 1 else None
    headed_prefix = _headed_prefix(headed)
    parse_row = _RowParser(columns)
    start = head + (2 if two_rows else 1)
    for row_number, raw in enumerate(chain(first[start:], rows), start + 1):
        if not _two_texts(raw):  # an empty row or a banner has no two different texts
            present = list(filter(None, map(str.strip, raw)))
            if not present or _is_banner_values(present, width):
                continue
        if pick is not None and len(raw) >= reach:
            item = parse_row(pick(raw), row_number, problems, first_level)
        else:
            item = parse_row(
                [raw[i] if i < len(raw) else "" for i in indices], row_number, problems, first_level
            )
        first_level = item.first_level
        if not first_level and not item.second_level:
            problems.append(
                Problem(
                    gettext("row {row}").format(row=row_number),
                    gettext("item has no name"),
                    field="公开事项",
                    expected="一级事项",
                )
            )
        if len(raw) > headed_prefix:  # a cell beyond the headed columns may be lost
            problems.extend(_unheaded_cells(row_number, raw, headed))
        items.append(item)
    if problems:
        raise InvalidRecordsError(source, problems)
    return Catalog(tuple(items), title=title, source=source)


def _is_same_as_above(cell: str) -> bool:
    """Whether ``cell`` folds to 同上 (or 同上栏, 同前), folding only the cells short enough to.

    `compact` removes whitespace and folds each other character to one or more characters
    (no NFKC mapping and no traditional → simplified pair is empty or only whitespace, and
    a composition makes a character that is not 同, 上, 栏 or 前): so a cell with more than
    three characters that are not whitespace never folds to one of them.
    """
    if not cell or cell.isascii():  # most are empty or plain: never 同上
        return False
    if len(cell) > _SAME_AS_ABOVE_LONGEST and len("".join(cell.split())) > _SAME_AS_ABOVE_LONGEST:
        return False
    return compact(cell) in _SAME_AS_ABOVE


_SAME_AS_ABOVE_LONGEST = max(map(len, _SAME_AS_ABOVE))


def _headed_columns(top: Sequence[str], sub: Sequence[str] | None) -> frozenset[int]:
    """Indices of the columns that have a header (in the header row or the sub-header row)."""
    rows = [top] if sub is None else [top, sub]
    return frozenset(i for row in rows for i, cell in enumerate(row) if cell.strip())


def _unheaded_cells(row_number: int, raw: Sequence[str], headed: frozenset[int]) -> list[Problem]:
    """A problem for every non-empty cell with no header above it (it would be lost)."""
    if all(i in headed or not cell.strip() for i, cell in enumerate(raw)):  # every row but a bad one
        return []
    last = max(headed, default=-1)
    beyond = (
        gettext("nothing right of the last header column {column}").format(column=column_letter(last))
        if last >= 0
        else ""
    )
    fix = gettext("{expected} (add a header for the value or move it into its column)")
    return [
        Problem(
            cell_location(row_number, i),
            gettext("cell beyond the last header column") if i > last else gettext("cell under no header"),
            field=gettext("column {number}").format(number=i + 1),
            value=cell,
            expected=fix.format(
                expected=beyond if i > last else gettext("a header above every non-empty cell")
            ),
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


_LIST_FIELDS = frozenset({"audience", "mode", "five_open", "level", "channels"})
_MISS: Any = object()


def _headed_prefix(headed: frozenset[int]) -> int:
    """How many leading columns all have a header (a row no wider has no unheaded cell)."""
    n = 0
    while n in headed:
        n += 1
    return n


def _cell_value(reader: _RowReader, column: _Column, cell: str) -> Any:
    """What one cell gives its field: a tuple to extend a list field with, or the field's value."""
    field = column.field
    if column.option is not None:  # a mark sub-column
        chosen: tuple[str, ...] = (column.option,) if reader.ticked(column, cell) else ()
    elif field in _MARK_GROUPS:
        chosen = reader.labels(column, cell)
    else:
        chosen = ()
    if field == "audience":
        return tuple(_parse_enum(reader, column, Audience, chosen))
    if field == "mode":
        return tuple(_parse_enum(reader, column, DisclosureMode, chosen))
    if field == "five_open":
        return tuple(_parse_enum(reader, column, FiveOpen, chosen))
    if field == "level":
        return tuple(_levels(reader, column, chosen))
    if field == "channels":
        return chosen
    if field == "bases":
        try:
            return _bases(cell)
        except InvalidInputError as exc:
            reader.problem(column, "unbalanced 《》", cell, exc.expected)
            return _MISS
    if field == "content":
        return _split(cell)
    if field == "time_limit":
        return _time_limit(cell.strip())
    if field == "body":
        return "、".join(_split(cell))
    return " ".join(cell.split())


_FIELD_KEYS: Mapping[str, str] = MappingProxyType({"bases": "legal_bases"})
_PLAIN_TEXT = frozenset({"sequence", "first_level", "second_level", "field"})
# Where each field of DisclosureItem stands in its positional arguments (a keyword call costs
# more per row), and what a row without the field gives it.
_SLOT: Mapping[str, int] = MappingProxyType({f: i for i, f in enumerate(attrs.fields_dict(DisclosureItem))})
_NO_TIME_LIMIT = TimeLimit("")
_DEFAULTS: tuple[Any, ...] = ("", "", "", (), (), _NO_TIME_LIMIT, "", (), (), (), (), (), "", None)
_FIRST_LEVEL, _SECOND_LEVEL, _FIELD, _ROW = (
    _SLOT[f] for f in ("first_level", "second_level", "field", "row")
)
_MARKS = slice(_SLOT["channels"], _SLOT["five_open"] + 1)  # the order of `_mark_tuples`


def _slot(column: _Column) -> int:
    """The argument of DisclosureItem that a text column's values go to."""
    return _SLOT[_FIELD_KEYS.get(column.field, column.field)]


class _RowParser:
    """Turns the cells of each data row into an item, replacing each 同上 by the cell above.

    A cell's value depends on its column and its text only (and the problems it raises on the
    row's reader), so the value of every text that raises no problem is kept for the read:
    repeated cells (bases, time limits, bodies, names) are parsed once per column, and a row's
    mark cells (公开对象, 公开方式, 公开层级, 五公开, 渠道), taken together, once per combination.
    No kept text is 同上 (a 同上 is replaced before its row is parsed), so a row whose texts
    were all kept, or are found not to be 同上 as they are first parsed, is built at once
    (`_quick`).  Empty cells give their field nothing and are skipped.  Any other row is read
    in two steps: every 同上 replaced (`_same_as_above`), then parsed; a row whose cells raise a
    problem, and every row of a sheet with two text columns of one field (the last one read
    wins), take the ordered path, `ordered`, which reads the columns left to right as written.
    A row's `_RowReader` is made only when a text is first parsed.
    """

    __slots__ = (
        "_columns",
        "_fast",
        "_mark_pick",
        "_marks",
        "_memos",
        "_not_same",
        "_plain",
        "_previous",
        "_scalars",
        "_skip_empty",
    )

    def __init__(self, columns: list[_Column]) -> None:
        self._columns = columns
        self._memos: list[dict[str, Any]] = [{} for _ in columns]
        counts: dict[str, int] = {}
        for c in columns:
            counts[c.field] = counts.get(c.field, 0) + 1
        self._skip_empty = [c.field in _LIST_FIELDS or counts[c.field] == 1 for c in columns]
        self._fast = all(self._skip_empty)
        marks = [k for k, c in enumerate(columns) if c.field in _LIST_FIELDS]
        self._mark_pick = _picker(marks)
        self._marks: dict[tuple[str, ...], tuple[tuple[Any, ...], ...]] = {}
        self._plain = [(k, _slot(c), self._memos[k]) for k, c in enumerate(columns) if c.field in _PLAIN_TEXT]
        self._scalars = [
            (k, _slot(c), c, self._memos[k])
            for k, c in enumerate(columns)
            if c.field not in _LIST_FIELDS and c.field not in _PLAIN_TEXT
        ]
        self._not_same = {""}  # the texts seen in a 同上 scan that are not 同上
        self._previous: Sequence[str] | None = None  # the row above, its 同上 replaced

    def __call__(
        self, cells: Sequence[str], row: int, problems: list[Problem], first_level: str
    ) -> DisclosureItem:
        """The item of row ``row`` (``cells`` in the order of the columns); problems are added to
        ``problems``, and a blank 一级事项 is ``first_level`` (the one above)."""
        item = self._quick(cells, row, problems, first_level)
        if item is None:
            cells = self._same_as_above(cells, row, problems)
            item = self._quick(cells, row, problems, first_level)
            if item is None:
                item = self.ordered(_RowReader(row, problems), cells, first_level)
        self._previous = cells
        return item

    def _same_as_above(self, cells: Sequence[str], row: int, problems: list[Problem]) -> Sequence[str]:
        """``cells`` with each 同上 replaced by the cell above (a problem on the first row)."""
        not_same = self._not_same
        out: list[str] | None = None
        for k, cell in enumerate(cells):
            if cell in not_same or cell.isascii():  # most are empty, plain or seen before
                continue
            if not _is_same_as_above(cell):
                not_same.add(cell)
                continue
            if out is None:
                out = list(cells)
            if self._previous is None:
                _RowReader(row, problems).problem(
                    self._columns[k], gettext("同上 in the first row"), cell, gettext("a value")
                )
                out[k] = ""
            else:
                out[k] = self._previous[k]
        return cells if out is None else out

    def _quick(
        self, cells: Sequence[str], row: int, problems: list[Problem], first_level: str
    ) -> DisclosureItem | None:
        """The item of a row with no 同上 and no problem, or ``None`` (adding no problem)."""
        if not self._fast:
            return None
        start = len(problems)
        key = self._mark_pick(cells)
        marks = self._marks.get(key)
        if marks is None:
            if any(map(_is_same_as_above, key)):
                return None
            marks = self._mark_values(_RowReader(row, problems), key)
            if len(problems) != start:
                del problems[start:]
                return None
            self._marks[key] = marks
        args = [*_DEFAULTS]
        for k, slot, column, memo in self._scalars:
            cell = cells[k]
            if not cell:
                continue
            got = memo.get(cell, _MISS)
            if got is _MISS:
                if _is_same_as_above(cell):
                    return None
                got = _cell_value(_RowReader(row, problems), column, cell)
                if len(problems) != start:
                    del problems[start:]
                    return None
                memo[cell] = got
            args[slot] = got
        for k, slot, memo in self._plain:
            cell = cells[k]
            if not cell:
                continue
            if cell.isalnum() and (len(cell) > _SAME_AS_ABOVE_LONGEST or cell.isascii()):
                args[slot] = cell  # no whitespace, and too long or too plain for 同上: the text itself
                continue
            got = memo.get(cell)
            if got is None:
                if _is_same_as_above(cell):
                    return None
                got = memo[cell] = " ".join(cell.split())
            args[slot] = got
        return _item(args, marks, first_level, row)

    def _mark_values(self, reader: _RowReader, key: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
        lists: dict[str, list[Any]] = {}
        columns = [c for c in self._columns if c.field in _LIST_FIELDS]
        for column, cell in zip(columns, key, strict=True):
            if cell:
                got = _cell_value(reader, column, cell)
                if got:
                    lists.setdefault(column.field, []).extend(got)
        return _mark_tuples(lists)

    def ordered(self, reader: _RowReader, cells: Sequence[str], first_level: str) -> DisclosureItem:
        """The item of one row, its columns read left to right (every problem in order)."""
        args = [*_DEFAULTS]
        lists: dict[str, list[Any]] = {}
        problems = reader.problems
        for column, cell, memo, skip in zip(self._columns, cells, self._memos, self._skip_empty, strict=True):
            if not cell and skip:
                continue
            field = column.field
            if field in _PLAIN_TEXT:
                args[_slot(column)] = " ".join(cell.split())
                continue
            got = memo.get(cell, _MISS)
            if got is _MISS:
                before = len(problems)
                got = _cell_value(reader, column, cell)
                if len(problems) == before:
                    memo[cell] = got
                if got is _MISS:
                    continue
            if field in _LIST_FIELDS:
                if got:
                    lists.setdefault(field, []).extend(got)
            else:
                args[_slot(column)] = got
        return _item(args, _mark_tuples(lists), first_level, reader.row_number)


def _picker(indices: list[int]) -> Any:
    """A function taking the cells at ``indices`` of a row as a tuple (at C speed)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    if indices:
        (only,) = indices
        return lambda cells: (cells[only],)
    return lambda cells: ()


def _mark_tuples(lists: dict[str, list[Any]]) -> tuple[tuple[Any, ...], ...]:
    """(channels, audiences, modes, levels, five_open) of one row's mark cells."""
    return (
        _dedupe(lists.get("channels", ())),
        _ordered(lists.get("audience", ()), Audience),
        _ordered(lists.get("mode", ()), DisclosureMode),
        _ordered(lists.get("level", ()), Level),
        _ordered(lists.get("five_open", ()), FiveOpen),
    )


def _item(args: list[Any], marks: tuple[tuple[Any, ...], ...], first_level: str, row: int) -> DisclosureItem:
    """The item of one row from ``args`` (`_DEFAULTS` as a list, with the row's text values)."""
    args[_FIRST_LEVEL] = args[_FIRST_LEVEL] or first_level  # blank: the 一级事项 above
    args[_SECOND_LEVEL] = args[_SECOND_LEVEL] or None
    args[_FIELD] = args[_FIELD] or None
    args[_MARKS] = marks
    args[_ROW] = row
    return DisclosureItem(*args)


def _row_texts(row: Sequence[object]) -> list[str]:
    """The cells of a row as text; a CSV row (all text, none quoted by an export) as it is."""
    if (
        type(row) is list
        and set(map(type, row)) <= _TEXT_ONLY
        and not any(map(str.startswith, row, repeat("'")))
    ):
        return row
    return [_cell_text(c) for c in row]


_TEXT_ONLY = frozenset({str})


def _quotes(row: Sequence[object]) -> Iterable[str]:
    return repeat("'", len(row))


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
    """Undo the apostrophe our exports put before formula-like cells (`restore_cell`)."""
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
            columns and cell length (default `DEFAULT_LIMITS`).

    Returns:
        The catalog.

    Raises:
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        LimitExceededError: the file exceeds a bound of ``limits`` (named in the message).
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file exists but cannot be read or decoded with the encodings tried.
    """
    encodings = [encoding] if encoding else TEXT_ENCODINGS
    target, text = read_input_text(path, gettext("catalog file (.csv)"), encodings=encodings, limits=limits)
    rows = iter_csv_rows(text, limits=limits, source=target.name)
    if "'" not in text:  # no cell quoted by an export: every row is its texts as they are
        return _from_table(rows, target.name, title)
    return _from_table(map(_row_texts, rows), target.name, title)


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
            cells, merged ranges and cell length (default `DEFAULT_LIMITS`).

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
    openpyxl = import_extra("openpyxl", "xlsx", gettext("reading XLSX catalogs"))
    from zwgk.errors import UnknownNameError

    target = existing_file(path, gettext("catalog workbook (.xlsx)"))
    workbook, shape = load_workbook(openpyxl, target, limits=limits)
    try:
        if sheet is None:
            ws = default_sheet(workbook, target)
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(workbook.worksheets):
                raise UnknownNameError(N_("sheet"), sheet, workbook.sheetnames)
            ws = workbook.worksheets[sheet]
        else:
            if sheet not in workbook.sheetnames:
                raise UnknownNameError(N_("sheet"), sheet, workbook.sheetnames)
            ws = workbook[sheet]
        rows = merged_sheet_rows(ws, sheet_shape(shape, ws.title))
    finally:
        workbook.close()
    return catalog_from_rows(rows, source=Path(path).name, title=title)


def read_catalog(path: str | Path, *, limits: Limits = DEFAULT_LIMITS, **options: object) -> Catalog:
    """Read a catalog from ``.csv``, ``.xlsx`` or ``.json`` by the file's suffix.

    Args:
        path: the file.
        limits: the bounds every reader applies (default `DEFAULT_LIMITS`).
        **options: passed to [`read_catalog_csv`][zwgk.catalog.io.read_catalog_csv] or
            [`read_catalog_xlsx`][zwgk.catalog.io.read_catalog_xlsx].

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
    raise InvalidInputError("path", str(path), gettext("a .csv, .xlsx or .json file"))
