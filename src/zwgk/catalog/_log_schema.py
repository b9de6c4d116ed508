"""JSON Schema of one publication-log row, as
[`publications_from_rows`][zwgk.catalog.io.publications_from_rows] reads it.

A log has no JSON reader of its own: it is a table (CSV, XLSX, or rows in Python) whose
header names the columns.  One row is therefore described as an object keyed by the
header words the reader recognises, with the cell values it accepts.  The header words
come from the reader's own column table, so the schema cannot drift from it.  Written by
hand (no pydantic), because the rows are validated by hand-written code.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from zwgk.catalog._log import _COLUMNS

__all__ = ["publication_log_json_schema"]

# The date forms of parse_log_date: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, optionally
# followed by a time (an ISO datetime).  Spaces anywhere are ignored; full-width digits and
# separators are folded to ASCII first (NFKC), so they are accepted here too.
_D = "[0-9０-９]"
_S = r"\s*"
_DATE_PATTERN = (
    rf"^{_S}{_D}{{4}}{_S}[-/.年－／．]{_S}{_D}{{1,2}}{_S}[-/.月－／．]{_S}{_D}{{1,2}}{_S}日?{_S}(T.*)?$"
)
_FIELD_TEXT = MappingProxyType(
    {
        "item": "公开事项: the item's 序号, 二级事项 or 一级事项 (naming exactly one catalog item)",
        "formed_on": "信息形成或变更日期: the day the information was formed or changed",
        "published_on": "公开日期: the day it was published; empty or null while not yet published",
    }
)


def _aliases(field: str) -> list[str]:
    return [header for header, key in _COLUMNS.items() if key == field]


def _value(field: str) -> dict[str, Any]:
    date = {"type": "string", "pattern": _DATE_PATTERN}
    if field == "item":
        value: dict[str, Any] = {
            "anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "integer"}],
        }
    elif field == "formed_on":
        value = date
    else:
        value = {"anyOf": [date, {"type": "string", "pattern": r"^\s*$"}, {"type": "null"}]}
    return {"description": _FIELD_TEXT[field], **value}


def publication_log_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one publication-log row as a JSON object.

    A row maps the log's column headers to its cells, e.g.
    ``{"事项": "32", "形成日期": "2026-01-05", "公开日期": "2026-01-30"}``; a header row
    of these keys followed by the values is what
    [`publications_from_rows`][zwgk.catalog.io.publications_from_rows] reads (and what
    [`read_publication_log`][zwgk.catalog.read_publication_log] reads from CSV or XLSX).  The row needs one
    column each for the item (``item``, 事项, 序号, …), the formed-on date (``formed_on``, 形成日期, …) and
    the published-on date (``published_on``, 公开日期, …); other keys are ignored.  Dates are text such as
    ``2026-03-05``, ``2026/3/5`` or ``2026年3月5日``; ``published_on`` may be empty or ``null`` (not yet
    published); the item may be a 序号 given as an integer.

    The schema checks the shape.  The reader also accepts header words in other letter
    case or in traditional characters, and checks more: that each date exists and lies
    in the calendar's range, that publication is not before formation, and (given a
    catalog) that the item names exactly one catalog item.

    Returns:
        The schema as a new dict.
    """
    properties: dict[str, Any] = {}
    required: list[dict[str, Any]] = []
    for field in ("item", "formed_on", "published_on"):
        names = _aliases(field)
        properties |= {name: _value(field) for name in names}
        required.append({"anyOf": [{"required": [name]} for name in names]})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "PublicationLogRow",
        "description": "One row of a publication log (公开台账): column header → cell. "
        "Needs an item, a formed-on date and a published-on column; other columns are ignored.",
        "type": "object",
        "properties": properties,
        "allOf": required,
        "additionalProperties": True,
    }
