"""The request register's boundary: ledger files, rows, DataFrames and JSON (pydantic lives here).

[`read_ledger`][zwgk.requests.read_ledger] / [`write_ledger`][zwgk.requests.write_ledger] read and write CSV,
JSON and XLSX registers (also at the top of [`zwgk.requests`][], imported on first use);
[`LedgerRow`][zwgk.requests.io.LedgerRow] and [`EventRecord`][zwgk.requests.io.EventRecord] are the pydantic
models of one row and one clock event, and [`ledger_json_schema`][zwgk.requests.io.ledger_json_schema] their
JSON Schema.
"""

from __future__ import annotations

from zwgk.requests._ledger_io import (
    LEDGER_COLUMNS,
    EventRecord,
    LedgerRow,
    ledger_from_frame,
    ledger_from_rows,
    ledger_json_schema,
    ledger_to_csv,
    ledger_to_frame,
    ledger_to_json,
    ledger_to_rows,
    read_ledger,
    write_ledger,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # files
    "read_ledger",
    "write_ledger",
    # rows and text
    "LEDGER_COLUMNS",
    "ledger_from_rows",
    "ledger_to_rows",
    "ledger_to_csv",
    "ledger_to_json",
    # DataFrames
    "ledger_from_frame",
    "ledger_to_frame",
    # boundary models
    "EventRecord",
    "LedgerRow",
    "ledger_json_schema",
]
