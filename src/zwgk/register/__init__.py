"""A persistent request register (依申请公开登记) on a real database (extra ``zwgk[db]``).

SQLite by default (a file, WAL mode, busy timeout, foreign keys ON), any SQLAlchemy URL
otherwise (PostgreSQL with ``zwgk[postgresql]``).  The events are an append-only legal
record; due dates, states and violations are always computed by the request clock
([`zwgk.deadlines.reply_deadline`][]) from the effective events, never stored.

- [`Register`][zwgk.register.Register] — ``init``, ``add``, ``record`` (events and corrections), ``purge``,
  ``import_ledger``, ``history``, ``deadline``, ``due``, ``table3``, ``ledger``, ``export``;
- values: [`DueItem`][zwgk.register.DueItem], [`HistoryEntry`][zwgk.register.HistoryEntry],
  [`RequestRecord`][zwgk.register.RequestRecord];
- official files: [`due_xlsx`][zwgk.register.due_xlsx] (the due list as XLSX);
- schema: [`head_revision`][zwgk.register.head_revision], [`register_url`][zwgk.register.register_url]
  (``--db``, ``$ZWGK_DB``, the default file).

The command line is ``zwgk register …``; see the tutorial "Keep your office's register
with zwgk" and the explanation of the data model.
"""

from __future__ import annotations

from zwgk.register._display import due_xlsx
from zwgk.register._register import DueItem, HistoryEntry, Register, RequestRecord
from zwgk.register._schema import DEFAULT_FILE, head_revision, register_url

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # the register
    "Register",
    # values
    "DueItem",
    "HistoryEntry",
    "RequestRecord",
    # official files
    "due_xlsx",
    # schema and location
    "DEFAULT_FILE",
    "head_revision",
    "register_url",
]
