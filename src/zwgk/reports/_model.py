"""The annual report as frozen values: tables 2, 3 and 4, the text sections, and cell references.

Cells hold ``int`` (or ``Decimal`` for money in table 2) or ``None`` for a cell left blank in
a published report.  A blank is kept as blank (``None``), distinct from 0: a blank *part* means
"none" (0), a blank *total* stands for the sum of its parts
([`Table3.effective`][zwgk.reports.Table3.effective]).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from zwgk._i18n import gettext
from zwgk._json_out import fields_dict
from zwgk._present import present
from zwgk.errors import InvalidInputError, InvalidTypeError, UnknownNameError
from zwgk.reports._formats import (
    TABLE3_COLUMNS,
    ReportFormat,
    Table3Column,
    get_format,
    table4_layout,
)

__all__ = ["AnnualReport", "CellRef", "Table2", "Table3", "Table4"]

Count = int | None


def _check_count(where: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(where, value, gettext("a whole number (int) or None for a blank cell"))


@attrs.frozen
class CellRef:
    """Where a cell is: ``table`` (2, 3 or 4), ``row`` key and ``column`` key, plus printed labels."""

    table: int
    row: str
    column: str
    row_label: str
    column_label: str

    def __str__(self) -> str:
        names = {2: "表二", 3: "表三", 4: "表四"}
        return f"{names[self.table]} [{self.row_label}] × [{self.column_label}]"

    def to_dict(self) -> dict[str, Any]:
        """The cell as JSON data: ``name`` (its official name, ``表三 [予以公开] × [自然人]``),
        then ``table``, ``row``, ``column``, ``row_label``, ``column_label``."""
        return fields_dict(self, first={"name": str(self)})


def _counts(value: Iterable[Count]) -> tuple[Count, ...]:
    return tuple(value)


def _values2(value: Iterable[int | Decimal | None]) -> tuple[int | Decimal | None, ...]:
    return tuple(value)


def _sections(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(h), str(t)) for h, t in value)


def _statistics(
    value: Mapping[str, int | Decimal | None] | Iterable[tuple[str, int | Decimal | None]],
) -> tuple[tuple[str, int | Decimal | None], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), v) for k, v in items)


def _cells3(value: object) -> tuple[tuple[Count, ...], ...]:
    if not isinstance(value, tuple | list):
        raise InvalidTypeError("cells", value, gettext("rows of table 3 cells"))
    return tuple(tuple(row) for row in value)


@attrs.frozen(repr=False)
class Table3:
    """Table 3 (收到和处理政府信息公开申请情况): one tuple of 7 cells per row, official order."""

    format: ReportFormat
    cells: tuple[tuple[Count, ...], ...] = attrs.field(converter=_cells3)

    def __attrs_post_init__(self) -> None:
        if len(self.cells) != len(self.format.table3_rows):
            raise InvalidInputError(
                "table3.cells",
                gettext("{n} rows").format(n=len(self.cells)),
                gettext("{n} rows of format {format}").format(
                    n=len(self.format.table3_rows), format=self.format.id
                ),
            )
        for row, values in zip(self.format.table3_rows, self.cells, strict=True):
            if len(values) != len(TABLE3_COLUMNS):
                raise InvalidInputError(
                    f"table3[{row.key}]", gettext("{n} cells").format(n=len(values)), gettext("7 cells")
                )
            for column, value in zip(TABLE3_COLUMNS, values, strict=True):
                _check_count(f"table3[{row.key}][{column.key}]", value)

    @classmethod
    def from_mapping(cls, format: str | ReportFormat, values: Mapping[str, Mapping[str, Count]]) -> Table3:
        """Build from ``{row key: {column key or label: value}}``; absent cells are blank.

        Raises:
            UnknownNameError: an unknown row or column.
        """
        fmt = get_format(format)
        rows = {k: dict(v) for k, v in values.items()}
        for key in rows:
            fmt.row(key)
        cells = []
        for row in fmt.table3_rows:
            given = {Table3Column.parse(k): v for k, v in rows.get(row.key, {}).items()}
            cells.append(tuple(given.get(c) for c in TABLE3_COLUMNS))
        return cls(fmt, tuple(cells))

    def raw(self, row: str, column: str | Table3Column) -> Count:
        """The cell as published (``None`` if blank)."""
        return self.cells[self.format.row_index(row)][TABLE3_COLUMNS.index(Table3Column.parse(column))]

    def value(self, row: str, column: str | Table3Column = Table3Column.TOTAL) -> int:
        """The cell as published, as a number (blank = 0); aggregates use
        [`effective`][zwgk.reports.Table3.effective]."""
        return self.raw(row, column) or 0

    def parts(self, row: str, column: str | Table3Column) -> tuple[tuple[str, Table3Column], ...]:
        """The cells a total cell sums: a 总计-column cell's six applicant cells of its row, a
        （七）总计-row cell's outcome rows of its column (the corner: its row's six); ``()`` for a
        cell that is not a total."""
        col = Table3Column.parse(column)
        key = self.format.row(row).key
        if col is Table3Column.TOTAL:
            return tuple((key, c) for c in TABLE3_COLUMNS[:-1])
        if key == "total":
            return tuple((r.key, col) for r in self.format.table3_rows if r.is_outcome)
        return ()

    def effective(self, row: str, column: str | Table3Column = Table3Column.TOTAL) -> Count:
        """The cell as published; a blank *total* cell (the 总计 column or the （七）总计 row)
        stands for the sum of its parts.

        A blank part counts as none (0) in that sum; when every part is blank too, the total
        is ``None`` (nothing is stated).  The corner cell (（七）总计 × 总计), when blank, is the
        sum of the （七）总计 row's six applicant cells (each itself effective), else — all of
        them blank — of the outcome rows' totals.  A blank cell that is not a total is ``None``.
        """
        value = self.raw(row, column)
        if value is not None:
            return value
        col = Table3Column.parse(column)
        key = self.format.row(row).key
        if key == "total" and col is Table3Column.TOTAL:
            by_row = [self.effective(key, c) for c in TABLE3_COLUMNS[:-1]]
            by_column = [self.effective(r.key) for r in self.format.table3_rows if r.is_outcome]
            for values in (by_row, by_column):
                given = [v for v in values if v is not None]
                if given:
                    return sum(given)
            return None
        parts = [self.raw(r, c) for r, c in self.parts(key, col)]
        given = [v for v in parts if v is not None]
        return sum(given) if given else None

    def ref(self, row: str, column: str | Table3Column) -> CellRef:
        """The reference of one cell."""
        col = Table3Column.parse(column)
        return CellRef(3, row, col.key, self.format.row(row).short, col.value)

    def to_mapping(self) -> dict[str, dict[str, Count]]:
        """``{row key: {column key: value}}`` in official order."""
        return {
            row.key: {c.key: v for c, v in zip(TABLE3_COLUMNS, values, strict=True)}
            for row, values in zip(self.format.table3_rows, self.cells, strict=True)
        }

    def iter_cells(self) -> Iterator[tuple[str, Table3Column, Count]]:
        """Every ``(row key, column, raw value)``."""
        for row, values in zip(self.format.table3_rows, self.cells, strict=True):
            for column, value in zip(TABLE3_COLUMNS, values, strict=True):
                yield row.key, column, value

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The table in the official layout ([`table3_html`][zwgk.reports.table3_html])."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """Rows by key, columns by label (extra ``zwgk[pandas]``); see
        [`table3_frame`][zwgk.reports.table3_frame]."""
        return present(self, "frame")


@attrs.frozen
class Table4:
    """Table 4 (行政复议、行政诉讼情况): 3 blocks × 5 columns, 15 cells in official order."""

    cells: tuple[Count, ...] = attrs.field(converter=_counts)

    def __attrs_post_init__(self) -> None:
        if len(self.cells) != 15:
            raise InvalidInputError(
                "table4.cells",
                gettext("{n} cells").format(n=len(self.cells)),
                gettext("15 cells (3 blocks × 5 columns)"),
            )
        for key, value in zip(self.keys(), self.cells, strict=True):
            _check_count(f"table4[{key}]", value)

    @staticmethod
    def keys() -> tuple[str, ...]:
        """Cell keys ``block.column`` in official order."""
        blocks, columns = table4_layout()
        return tuple(f"{b}.{c}" for b, _ in blocks for c, _ in columns)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Count], *, fill_totals: bool = False) -> Table4:
        """Build from ``{"review.upheld": 3, …}``; absent cells are blank.

        With ``fill_totals``, a missing block total is computed from its four cells.

        Raises:
            UnknownNameError: an unknown key.
        """
        keys = cls.keys()
        for key in values:
            if key not in keys:
                raise UnknownNameError(gettext("table 4 cell"), key, keys)
        cells = [values.get(k) for k in keys]
        if fill_totals:
            for b in range(3):
                if cells[b * 5 + 4] is None:
                    parts = cells[b * 5 : b * 5 + 4]
                    cells[b * 5 + 4] = sum(p or 0 for p in parts)
        return cls(tuple(cells))

    def raw(self, key: str) -> Count:
        """The cell as published (``None`` if blank)."""
        keys = self.keys()
        if key not in keys:
            raise UnknownNameError(gettext("table 4 cell"), key, keys)
        return self.cells[keys.index(key)]

    def effective(self, key: str) -> Count:
        """The cell as published; a blank block 总计 stands for the sum of its four cells
        (blank = none), ``None`` when they are all blank too."""
        value = self.raw(key)
        if value is not None or not key.endswith(".total"):
            return value
        block = key.partition(".")[0]
        given = [
            v
            for k, v in self.to_mapping().items()
            if k.startswith(f"{block}.") and k != key and v is not None
        ]
        return sum(given) if given else None

    def ref(self, key: str) -> CellRef:
        """The reference of one cell."""
        blocks, columns = table4_layout()
        block, column = key.split(".")
        return CellRef(4, block, column, dict(blocks)[block], dict(columns)[column])

    def to_mapping(self) -> dict[str, Count]:
        """``{block.column: value}`` in official order."""
        return dict(zip(self.keys(), self.cells, strict=True))


def _check_table2_value(key: str, value: object, money: bool) -> None:
    if value is None:
        return
    if money:
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise InvalidTypeError(f"table2[{key}]", value, gettext("a Decimal amount (or int) or None"))
    else:
        _check_count(f"table2[{key}]", value)


@attrs.frozen
class Table2:
    """Table 2 (主动公开政府信息情况): cells keyed ``row.column`` as laid out by the format."""

    format: ReportFormat
    cells: tuple[int | Decimal | None, ...] = attrs.field(converter=_values2)

    def __attrs_post_init__(self) -> None:
        keys = self.format.table2_keys()
        if len(self.cells) != len(keys):
            raise InvalidInputError(
                "table2.cells",
                gettext("{n} cells").format(n=len(self.cells)),
                gettext("{n} cells").format(n=len(keys)),
            )
        for key, value in zip(keys, self.cells, strict=True):
            _check_table2_value(key, value, key.split(".")[1] in self._money())

    def _money(self) -> frozenset[str]:
        return frozenset(c for b in self.format.table2_blocks for c in b.money_columns)

    @classmethod
    def from_mapping(cls, format: str | ReportFormat, values: Mapping[str, Any]) -> Table2:
        """Build from ``{"regulations.issued": 2, "fees.amount": Decimal("1.5"), …}``.

        Raises:
            UnknownNameError: an unknown key.
        """
        fmt = get_format(format)
        keys = fmt.table2_keys()
        for key in values:
            if key not in keys:
                raise UnknownNameError(
                    gettext("table 2 cell of format {format}").format(format=fmt.id), key, keys
                )
        return cls(fmt, tuple(values.get(k) for k in keys))

    def raw(self, key: str) -> int | Decimal | None:
        """The cell as given (``None`` if blank)."""
        keys = self.format.table2_keys()
        if key not in keys:
            raise UnknownNameError(
                gettext("table 2 cell of format {format}").format(format=self.format.id), key, keys
            )
        return self.cells[keys.index(key)]

    def to_mapping(self) -> dict[str, int | Decimal | None]:
        """``{row.column: value}`` in reading order."""
        return dict(zip(self.format.table2_keys(), self.cells, strict=True))

    def ref(self, key: str) -> CellRef:
        """The reference of one cell."""
        row, column = key.split(".")
        for block in self.format.table2_blocks:
            rows, columns = dict(block.rows), dict(block.columns)
            if row in rows and column in columns:
                return CellRef(2, row, column, f"{block.block} {rows[row]}", columns[column])
        raise UnknownNameError(gettext("table 2 cell"), key, self.format.table2_keys())  # pragma: no cover


@attrs.frozen(repr=False)
class AnnualReport:
    """An annual report on government-information disclosure (政府信息公开工作年度报告).

    ``year`` is the year reported on; ``table2`` and ``table4`` may be absent (``None``);
    ``table3`` is ``None`` for a format without table 3 (the 2008 format) and may be ``None``
    for a report whose table 3 was not found ([`check_report`][zwgk.reports.check_report] then reports
    the section missing); ``sections`` holds ``(heading, text)`` pairs of the text parts
    (一 … 六); ``statistics`` the figures a 2008-format report states in its text, as
    ``(key, value)`` pairs keyed by the format's statistics (``ReportFormat.statistics``;
    ``None``: not stated) — see [`statistic`][zwgk.reports.AnnualReport.statistic].
    """

    agency: str
    year: int | None
    format: ReportFormat
    table3: Table3 | None
    table4: Table4 | None = None
    table2: Table2 | None = None
    sections: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_sections)
    statistics: tuple[tuple[str, int | Decimal | None], ...] = attrs.field(default=(), converter=_statistics)

    def statistic(self, key: str) -> int | Decimal | None:
        """A statistic the report states (``None`` when it does not).

        Raises:
            UnknownNameError: the report's format gives no such statistic.
        """
        self.format.statistic(key)
        return dict(self.statistics).get(key)

    def __attrs_post_init__(self) -> None:
        if self.table3 is not None and not self.format.has_table3:
            raise InvalidInputError(
                "table3",
                gettext("a table 3"),
                gettext("no table 3: format {format} ({citation}) has none").format(
                    format=self.format.id, citation=self.format.citation
                ),
            )
        for key, value in self.statistics:
            stat = self.format.statistic(key)
            if stat.money:
                if value is not None and (isinstance(value, bool) or not isinstance(value, int | Decimal)):
                    raise InvalidTypeError(
                        f"statistics[{key}]", value, gettext("a Decimal amount (or int) or None")
                    )
            else:
                _check_count(f"statistics[{key}]", value)
        if self.table3 is not None and self.table3.format != self.format:
            raise InvalidInputError(
                "table3.format",
                self.table3.format.id,
                gettext("the report's format {format}").format(format=self.format.id),
            )
        if self.table2 is not None and self.table2.format != self.format:
            raise InvalidInputError(
                "table2.format",
                self.table2.format.id,
                gettext("the report's format {format}").format(format=self.format.id),
            )

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """Title and tables 3 and 4 in the official layout; see [`render_html`][zwgk.reports.render_html]."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """Table 3 as a DataFrame (extra ``zwgk[pandas]``); see
        [`table3_frame`][zwgk.reports.table3_frame]."""
        return present(self, "frame")
