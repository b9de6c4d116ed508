"""Reading power lists from the spreadsheets offices publish (CSV, XLSX with the ``xlsx`` extra).

The layout (seed 000; the 权力清单 published since 2014–2015):

- a title row or two above the header (the first text becomes `PowerList.title`);
- a header with Chinese words: 序号, 职权名称/事项名称/权力名称, 职权类别/权力类型/类别,
  实施依据/设定依据/法律依据, 实施主体/责任单位/承办机构, 办理时限/承诺时限/法定时限,
  收费标准/收费依据, 备注; possibly over two rows (a merged 办理时限 over 法定时限 and
  承诺时限: the 承诺时限 sub-column is read, it is the limit the office commits to);
- merged cells (expanded in XLSX; in CSV a blank 职权类别 under a named one is filled down);
- blank rows and banner rows (one text across the row, or 一、行政许可) skipped.

Cells are split with the catalog importer's [`split_cell`][zwgk.catalog.io.split_cell], legal bases
read with [`zwgk.catalog.parse_legal_bases`][] and time limits with
[`zwgk.catalog.parse_time_limit`][].  Every bad cell is collected; one
[`InvalidRecordsError`][zwgk.errors.InvalidRecordsError] lists them all with row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

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
from zwgk._i18n import N_, gettext
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._optional import import_extra
from zwgk._text import compact
from zwgk.catalog import LegalBasis, parse_legal_bases, parse_time_limit
from zwgk.catalog._import import cell_location, split_cell
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem, UnknownNameError
from zwgk.powers._model import PowerCategory, PowerItem, PowerList, order_by_force

__all__ = ["power_list_from_rows", "read_power_list", "read_power_list_csv", "read_power_list_xlsx"]

_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["序号", "编号", "序"], "sequence"),
        **dict.fromkeys(
            ["职权名称", "事项名称", "权力名称", "权力事项名称", "职权事项", "权力事项", "项目名称"], "name"
        ),
        **dict.fromkeys(
            ["职权类别", "权力类型", "权力类别", "职权类型", "类别", "事项类型", "事项类别"], "category"
        ),
        **dict.fromkeys(["实施依据", "设定依据", "法律依据", "职权依据", "依据", "设定和实施依据"], "bases"),
        **dict.fromkeys(
            ["实施主体", "责任单位", "承办机构", "承办单位", "责任科室", "实施机构", "责任主体", "办理机构"],
            "unit",
        ),
        **dict.fromkeys(["办理时限", "承诺时限", "时限", "承诺办理时限", "承诺期限"], "time_limit"),
        **dict.fromkeys(["法定时限", "法定办理时限"], "statutory_limit"),
        **dict.fromkeys(
            ["收费标准", "收费依据", "收费标准及依据", "收费依据及标准", "是否收费", "收费"], "fees"
        ),
        **dict.fromkeys(["备注", "说明"], "remarks"),
    }
)
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
_HEADING = re.compile(r"^[一二三四五六七八九十]+[、.．]")
_EXPECTED_HEADER = N_(
    "a row with at least three of 序号, 职权名称, 职权类别, 实施依据, 实施主体, 办理时限, 收费标准, 备注"
)


def _header_key(text: str) -> str | None:
    key = compact(text)
    return _HEADERS.get(key) or _HEADERS.get(_PAREN.sub("", key))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _columns(top: Sequence[str], sub: Sequence[str] | None) -> dict[str, tuple[int, str]]:
    """field → (column index, header as shown); a sub-header wins over the group above it."""
    out: dict[str, tuple[int, str]] = {}
    for i in range(max(len(top), len(sub or ()))):
        head = top[i].strip() if i < len(top) else ""
        below = sub[i].strip() if sub is not None and i < len(sub) else ""
        for label in (below, head):
            field = _header_key(label) if label else None
            if field is not None:
                if field == "statutory_limit":
                    out.setdefault("time_limit_fallback", (i, label))
                elif field not in out:
                    out[field] = (i, label)
                break
    if "time_limit" not in out and "time_limit_fallback" in out:
        out["time_limit"] = out["time_limit_fallback"]
    out.pop("time_limit_fallback", None)
    return out


def _is_sub_header(row: Sequence[str]) -> bool:
    values = [c.strip() for c in row if c.strip()]
    return bool(values) and all(_header_key(v) is not None for v in values)


def _is_banner(row: Sequence[str]) -> bool:
    values = [c.strip() for c in row if c.strip()]
    if not values:
        return True
    return bool(len(set(values)) == 1 and (len(values) >= 2 or _HEADING.match(values[0]) is not None))


def power_list_from_rows(
    rows: Sequence[Sequence[object]], *, source: str = "<rows>", title: str | None = None
) -> PowerList:
    """Build a [`PowerList`][zwgk.powers.PowerList] from spreadsheet rows (what both readers share).

    Args:
        rows: the sheet's rows, top to bottom; cells may be ``None``, numbers or dates.
        source: the name used in messages.
        title: the list title; by default the first text above the header.

    Raises:
        InvalidRecordsError: no header row, no 职权名称 or 职权类别 column,
            an unknown category, an unbalanced 《》 or a row without a name; every one listed.
    """
    table = [[_text(c) for c in row] for row in rows]
    head = next(
        (i for i, row in enumerate(table) if sum(_header_key(c) is not None for c in row if c.strip()) >= 3),
        None,
    )
    if head is None:
        raise InvalidRecordsError(
            source,
            [Problem(gettext("header"), gettext("no header row"), "header", None, gettext(_EXPECTED_HEADER))],
        )
    sub = table[head + 1] if head + 1 < len(table) and _is_sub_header(table[head + 1]) else None
    columns = _columns(table[head], sub)
    missing = [
        Problem(
            gettext("header"),
            gettext("no {label} column").format(label=label),
            label,
            [c for c in table[head] if c.strip()],
            gettext(expected),
        )
        for field, label, expected in (
            ("name", "职权名称", N_("a column 职权名称 (or 事项名称, 权力名称)")),
            ("category", "职权类别", N_("a column 职权类别 (or 权力类型, 类别)")),
        )
        if field not in columns
    ]
    if missing:
        raise InvalidRecordsError(source, missing)
    if title is None:
        above = [c.strip() for row in table[:head] for c in row if c.strip()]
        title = above[0] if above else None
    first = head + (2 if sub is not None else 1)
    problems: list[Problem] = []
    items: list[PowerItem] = []
    category_above = ""
    for offset, raw in enumerate(table[first:]):
        row_number = first + offset + 1
        if _is_banner(raw):
            continue

        def cell(field: str, raw: Sequence[str] = raw) -> str:
            index = columns.get(field, (-1, ""))[0]
            return raw[index].strip() if 0 <= index < len(raw) else ""

        def problem(
            field: str, message: str, value: str, expected: str, row_number: int = row_number
        ) -> None:
            index, label = columns[field]
            problems.append(Problem(cell_location(row_number, index), message, label, value, expected))

        name = " ".join(cell("name").split())
        if not name:
            problems.append(
                Problem(
                    gettext("row {row}").format(row=row_number),
                    gettext("item has no name"),
                    "职权名称",
                    None,
                    gettext("a 职权名称"),
                )
            )
            continue
        category_text = cell("category") or category_above
        category_above = category_text
        try:
            category = PowerCategory.parse(category_text)
        except UnknownNameError:
            problem(
                "category",
                gettext("unknown power category"),
                category_text,
                ", ".join(c.value for c in PowerCategory),
            )
            continue
        bases: tuple[LegalBasis, ...] = ()
        if "bases" in columns:
            try:
                bases = parse_legal_bases(cell("bases"))
            except InvalidInputError as exc:
                problem("bases", gettext("unbalanced 《》"), cell("bases"), exc.expected)
        ordered = order_by_force(bases)
        items.append(
            PowerItem(
                name=name,
                category=category,
                legal_bases=ordered,
                unit="、".join(split_cell(cell("unit"))),
                time_limit=parse_time_limit(cell("time_limit"), warn=False),
                fees=" ".join(cell("fees").split()),
                remarks=" ".join(cell("remarks").split()),
                sequence=cell("sequence"),
                row=row_number,
                bases_in_order=ordered == bases,
            )
        )
    if problems:
        raise InvalidRecordsError(source, problems)
    return PowerList(tuple(items), title=title, source=source)


def read_power_list_csv(
    path: str | Path,
    *,
    encoding: str | None = None,
    title: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> PowerList:
    """Read a power list saved as CSV (UTF-8 with or without BOM, then GB18030, unless ``encoding``).

    ``limits`` bounds the file size, rows, columns and cell length (default
    `DEFAULT_LIMITS`); exceeding one raises ``LimitExceededError``.

    Raises:
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file cannot be read or decoded, or exceeds the reading limits.
    """
    encodings = [encoding] if encoding else TEXT_ENCODINGS
    _, text = read_input_text(path, gettext("power list (.csv)"), encodings=encodings, limits=limits)
    rows = read_csv_rows(text, limits=limits, source=Path(path).name)
    return power_list_from_rows(rows, source=Path(path).name, title=title)


def read_power_list_xlsx(
    path: str | Path, *, sheet: str | None = None, title: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> PowerList:
    """Read a power list from an Excel workbook (extra ``xlsx``); merged cells give every cell their value.

    The workbook is pre-scanned within ``limits`` (default `DEFAULT_LIMITS`)
    before openpyxl loads it: far cells, huge merged ranges and zip or XML bombs are refused.

    Raises:
        MissingExtraError: openpyxl is not installed.
        UnknownNameError: ``sheet`` is not in the workbook.
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        MissingFileError: the file does not exist.
        DataFileError: not a readable ``.xlsx`` workbook, or beyond the reading limits.
    """
    openpyxl = import_extra("openpyxl", "xlsx", gettext("reading XLSX power lists"))
    target = existing_file(path, gettext("power list workbook (.xlsx)"))
    workbook, shape = load_workbook(openpyxl, target, limits=limits)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise UnknownNameError(N_("sheet"), sheet, workbook.sheetnames)
        ws = default_sheet(workbook, target) if sheet is None else workbook[sheet]
        rows = merged_sheet_rows(ws, sheet_shape(shape, ws.title))
    finally:
        workbook.close()
    return power_list_from_rows(rows, source=Path(path).name, title=title)


def read_power_list(path: str | Path, **options: object) -> PowerList:
    """Read a power list from ``.csv`` or ``.xlsx`` by the file's suffix.

    ``options`` go to [`read_power_list_csv`][zwgk.powers.io.read_power_list_csv] or
    [`read_power_list_xlsx`][zwgk.powers.io.read_power_list_xlsx], whose errors it raises too.

    Raises:
        InvalidInputError: another suffix.
        InvalidRecordsError: the header or any cell is bad (every one is listed).
        MissingFileError: the file does not exist.
        DataFileError: the file cannot be read, or exceeds the reading limits.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        return read_power_list_csv(path, **options)  # type: ignore[arg-type]
    if suffix in (".xlsx", ".xlsm"):
        return read_power_list_xlsx(path, **options)  # type: ignore[arg-type]
    raise InvalidInputError("path", str(path), gettext("a .csv or .xlsx file"))
