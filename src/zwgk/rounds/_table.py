"""Evidence tables: one row per unit and period, cells read for the card's evidence types.

Pure: rows are mappings (from CSV, XLSX or a DataFrame, read in [`zwgk.rounds.io`][]).
A cell is missing when it is ``None``, empty text or NaN.  Spreadsheet numbers arrive as
floats; a whole float becomes an ``int`` and any other float the decimal of its shortest
repr (``7.5`` → ``Decimal("7.5")``, what the cell shows) — the scoring engine itself still
refuses floats.  Datetimes (XLSX, pandas) give their date.  For list evidence (elements,
dates, amounts) a text cell is split on ``、，,;；`` and whitespace.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from decimal import Decimal

from zwgk.scoring import Card, FieldType

__all__ = ["PERIOD_COLUMNS", "UNIT_COLUMNS", "cell_value", "row_evidence"]

UNIT_COLUMNS = ("unit", "单位", "被考核单位")
"""Column names accepted for the unit (first found wins)."""
PERIOD_COLUMNS = ("period", "考核期", "期次")
"""Column names accepted for the period."""

_LIST_TYPES = frozenset({FieldType.ELEMENTS, FieldType.DATES, FieldType.AMOUNTS})
_SPLIT = re.compile(r"[、，,;；\s]+")


def cell_value(value: object) -> object:
    """A table cell as evidence: ``None`` when blank; numbers and dates as described above."""
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalars
        value = value.item()
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else Decimal(repr(value))
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        return text or None
    return value


def row_evidence(card: Card, row: Mapping[str, object], skip: tuple[str, ...]) -> dict[str, object]:
    """The evidence of one row: columns in ``skip`` (unit, period) left out, blanks dropped."""
    fields = card.fields
    out: dict[str, object] = {}
    for key, raw in row.items():
        if key in skip:
            continue
        value = cell_value(raw)
        if value is None:
            continue
        field = fields.get(key)
        if field is not None and field.type in _LIST_TYPES and isinstance(value, str):
            value = [v for v in _SPLIT.split(value) if v]
        elif field is not None and field.type in _LIST_TYPES and not isinstance(value, list | tuple):
            value = [value]
        out[key] = value
    return out
