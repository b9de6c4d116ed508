"""Writing catalogs: CSV (stdlib), XLSX (openpyxl, extra ``xlsx``), pandas DataFrame.

CSV and XLSX use the de-facto two-row header with √ marks, so a written catalog reads back
with [`read_catalog`][zwgk.catalog.read_catalog] to an equal value.  Every cell a spreadsheet would
run as a formula (leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) is written with a
leading apostrophe; the importer removes it again.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from zwgk._i18n import gettext
from zwgk._neutralise import neutralise_cell, neutralise_row, safe_xlsx_value
from zwgk._optional import import_extra
from zwgk.catalog._basis import format_bases
from zwgk.catalog._model import Audience, Catalog, DisclosureItem, DisclosureMode, Level

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "catalog_rows",
    "catalog_to_dataframe",
    "neutralize_formula",
    "write_catalog_csv",
    "write_catalog_xlsx",
]

_TICK = "√"

neutralize_formula = neutralise_cell
"""``cell`` with a leading apostrophe if a spreadsheet would treat it as a formula.

The shared `zwgk._neutralise.neutralise_cell` under its earlier public name: ``"'" +
cell`` when ``cell`` starts with ``=``, ``+``, ``-``, ``@``, tab, CR, NUL or a full-width
``＝＋－＠``; otherwise ``cell`` unchanged.
"""


def _levels(catalog: Catalog) -> tuple[Level, ...]:
    used = {level for item in catalog.items for level in item.levels}
    return tuple(level for level in Level if level in used or level is not Level.VILLAGE)


def _header(catalog: Catalog) -> tuple[list[str], list[str]]:
    top = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体"]
    sub = ["", "一级事项", "二级事项", "", "", "", "", ""]
    for group, options in (
        ("公开对象", [a.value for a in Audience]),
        ("公开方式", ["主动", "依申请"]),
        ("公开层级", [level.value for level in _levels(catalog)]),
    ):
        top += [group] + [""] * (len(options) - 1)
        sub += options
    if any(item.five_open for item in catalog.items):
        top.append("五公开")
        sub.append("")
    if any(item.field for item in catalog.items):
        top.append("所属领域")
        sub.append("")
    return top, sub


def _item_row(item: DisclosureItem, levels: tuple[Level, ...], five_open: bool, field: bool) -> list[str]:
    """One item's row; ``levels``, ``five_open`` and ``field`` are the catalog's columns, found
    once per catalog (so writing is linear in the number of items)."""
    audiences, modes, item_levels = item.audiences, item.modes, item.levels
    row = [
        item.sequence,
        item.first_level,
        item.second_level or "",
        "\n".join(item.content),
        format_bases(item.legal_bases),
        item.time_limit.text,
        item.body,
        "\n".join(item.channels),
        *(_TICK if a in audiences else "" for a in _AUDIENCES),
        *(_TICK if m in modes else "" for m in _MODES),
        *(_TICK if level in item_levels else "" for level in levels),
    ]
    if five_open:
        row.append("、".join(f.value for f in item.five_open))
    if field:
        row.append(item.field or "")
    return row


_AUDIENCES = tuple(Audience)
_MODES = tuple(DisclosureMode)


def catalog_rows(catalog: Catalog) -> list[list[str]]:
    """The catalog as spreadsheet rows: title (if any), the two header rows, one row per item.

    Cells are plain text, **not** yet neutralised; the writers do that.

    Args:
        catalog: the catalog.

    Returns:
        The rows.
    """
    top, sub = _header(catalog)
    rows = [[catalog.title]] if catalog.title else []
    rows += [top, sub]
    levels = _levels(catalog)
    five_open = any(i.five_open for i in catalog.items)
    field = any(i.field for i in catalog.items)
    rows += [_item_row(item, levels, five_open, field) for item in catalog.items]
    return rows


def write_catalog_csv(catalog: Catalog, path: str | Path, *, encoding: str = "utf-8-sig") -> Path:
    """Write ``catalog`` as CSV in the de-facto layout.

    Args:
        catalog: the catalog.
        path: the file to write (overwritten).
        encoding: ``utf-8-sig`` by default (Excel then detects UTF-8); ``gb18030`` for old
            Excel versions.

    Returns:
        The path written.
    """
    target = Path(path)
    with target.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        for row in catalog_rows(catalog):
            writer.writerow(neutralise_row(row))
    return target


def write_catalog_xlsx(catalog: Catalog, path: str | Path, *, sheet: str = "公开目录") -> Path:
    """Write ``catalog`` as an Excel workbook (needs the ``xlsx`` extra: openpyxl).

    Group headers (公开事项, 公开对象, 公开方式, 公开层级) are merged over their sub-columns and
    single headers over both header rows, as in the published catalogs; every cell is text.

    Args:
        catalog: the catalog.
        path: the ``.xlsx`` file to write (overwritten).
        sheet: the sheet name.

    Returns:
        The path written.

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    openpyxl = import_extra("openpyxl", "xlsx", gettext("writing XLSX catalogs"))
    from openpyxl.styles import Alignment

    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    rows = catalog_rows(catalog)
    wrap = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = safe_xlsx_value(value)
            cell.data_type = "s"
            cell.alignment = wrap
    head = 2 if catalog.title else 1
    top, sub = rows[head - 1], rows[head]
    if catalog.title:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(top))
    c = 0
    while c < len(top):
        end = c
        while end + 1 < len(top) and top[end + 1] == "" and sub[end + 1] != "":
            end += 1
        if end > c:
            ws.merge_cells(start_row=head, start_column=c + 1, end_row=head, end_column=end + 1)
        elif sub[c] == "":
            ws.merge_cells(start_row=head, start_column=c + 1, end_row=head + 1, end_column=c + 1)
        c = end + 1
    workbook.save(path)
    return Path(path)


def catalog_to_dataframe(catalog: Catalog) -> pd.DataFrame:
    """One row per item (needs the ``pandas`` extra).

    Columns: ``row``, ``sequence``, ``first_level``, ``second_level``, ``content``,
    ``legal_bases``, ``time_limit`` (raw), ``time_limit_canonical``, ``time_limit_kinds``,
    ``body``, ``channels``, ``audiences``, ``modes``, ``levels``, ``five_open``, ``field``;
    list cells are joined with line breaks (labels with ``、``).

    Args:
        catalog: the catalog.

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pandas = import_extra("pandas", "pandas", gettext("catalog DataFrames"))
    records = [
        {
            "row": item.row,
            "sequence": item.sequence,
            "first_level": item.first_level,
            "second_level": item.second_level,
            "content": "\n".join(item.content),
            "legal_bases": "\n".join(b.render() for b in item.legal_bases),
            "time_limit": item.time_limit.text,
            "time_limit_canonical": item.time_limit.render(),
            "time_limit_kinds": "、".join(type(p).__name__ for p in item.time_limit.parts),
            "body": item.body,
            "channels": "\n".join(item.channels),
            "audiences": "、".join(a.value for a in item.audiences),
            "modes": "、".join(m.value for m in item.modes),
            "levels": "、".join(level.value for level in item.levels),
            "five_open": "、".join(f.value for f in item.five_open),
            "field": item.field,
        }
        for item in catalog.items
    ]
    frame: pd.DataFrame = pandas.DataFrame.from_records(records, columns=_DATAFRAME_COLUMNS)
    return frame


_DATAFRAME_COLUMNS = (
    "row", "sequence", "first_level", "second_level", "content", "legal_bases", "time_limit",
    "time_limit_canonical", "time_limit_kinds", "body", "channels", "audiences", "modes",
    "levels", "five_open", "field",
)  # fmt: skip
