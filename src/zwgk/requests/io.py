"""The request register's boundary: ledger files, rows, DataFrames and JSON (pydantic lives here).

:func:`read_ledger` / :func:`write_ledger` read and write CSV, JSON and XLSX registers
(also at the top of :mod:`zwgk.requests`, imported on first use); :class:`LedgerRow` and
:class:`EventRecord` are the pydantic models of one row and one clock event, and
:func:`ledger_json_schema` their JSON Schema.
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
