"""Requests for government information (依申请公开): the register, outcomes and fees.

- Labels: [`ApplicantKind`][zwgk.requests.ApplicantKind] (the columns of table 3); re-exported from
  [`zwgk.deadlines`][]: ``Channel`` (receipt rules of 《政府信息公开条例》第三十一条),
  ``Outcome`` / ``OutcomeGroup`` (the outcome rows of table 3, 国办公开办函〔2021〕30号);
  [`outcome_basis`][zwgk.requests.outcome_basis] (the articles behind each row),
  [`parse_outcome`][zwgk.deadlines.io.parse_outcome] (lenient).
- Core values: [`DisclosureRequest`][zwgk.requests.DisclosureRequest] (with
  [`DisclosureRequest.deadline`][zwgk.requests.DisclosureRequest.deadline], which uses
  [`zwgk.deadlines.reply_deadline`][]) and [`Ledger`][zwgk.requests.Ledger].
- Fees (国办函〔2020〕109号): [`per_request_fee`][zwgk.requests.per_request_fee],
  [`monthly_request_fees`][zwgk.requests.monthly_request_fees],
  [`per_volume_fee`][zwgk.requests.per_volume_fee], [`fee_schedule`][zwgk.requests.fee_schedule],
  [`fees_effective`][zwgk.requests.fees_effective], [`fee_payment_due`][zwgk.requests.fee_payment_due],
  [`request_fees_to_frame`][zwgk.requests.request_fees_to_frame].
- Notebooks: [`Ledger`][zwgk.requests.Ledger] and [`VolumeFee`][zwgk.requests.VolumeFee] have a one-line
  ``repr``, an HTML table (``_repr_html_``) and ``to_frame()``.
- Files: [`read_ledger`][zwgk.requests.io.read_ledger] / [`write_ledger`][zwgk.requests.io.write_ledger] (CSV,
  JSON, XLSX), imported from [`zwgk.requests.io`][] on first use; rows, DataFrames and the pydantic boundary
  models ([`LedgerRow`][zwgk.requests.io.LedgerRow]) are in [`zwgk.requests.io`][].
- Sample data: [`sample_ledger_path`][zwgk.requests.sample_ledger_path],
  [`sample_ledger_csv`][zwgk.requests.sample_ledger_csv] — a realistic 2025 ledger of 31 requests (``zwgk
  report sample``).

Importing this package does not import pydantic (only [`zwgk.requests.io`][] does).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zwgk.deadlines import Channel, Outcome, OutcomeGroup
from zwgk.requests._display import lateness_xlsx, request_fees_to_frame
from zwgk.requests._fees import (
    FeeSchedule,
    FeeStep,
    FeeTier,
    RequestFee,
    VolumeFee,
    fee_schedule,
    fees_effective,
    monthly_request_fees,
    per_request_fee,
    per_volume_fee,
)
from zwgk.requests._kinds import ApplicantKind, OutcomeBasis, outcome_basis, outcome_number, parse_outcome
from zwgk.requests._request import DisclosureRequest, Ledger, fee_payment_due
from zwgk.requests._sample import sample_ledger_csv, sample_ledger_path

if TYPE_CHECKING:
    from zwgk.requests.io import read_ledger, write_ledger

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # labels
    "ApplicantKind",
    "Channel",
    "Outcome",
    "OutcomeBasis",
    "OutcomeGroup",
    "outcome_basis",
    "outcome_number",
    "parse_outcome",
    # core values
    "DisclosureRequest",
    "Ledger",
    # fees
    "FeeSchedule",
    "FeeStep",
    "FeeTier",
    "RequestFee",
    "VolumeFee",
    "fee_payment_due",
    "fee_schedule",
    "fees_effective",
    "monthly_request_fees",
    "per_request_fee",
    "per_volume_fee",
    "request_fees_to_frame",
    # official files
    "lateness_xlsx",
    # files (from zwgk.requests.io, imported on first use)
    "read_ledger",
    "write_ledger",
    # sample data
    "sample_ledger_csv",
    "sample_ledger_path",
]

_LAZY = frozenset({"read_ledger", "write_ledger"})


def __getattr__(name: str) -> Any:
    """``read_ledger``, ``write_ledger`` and the [`zwgk.requests.io`][] module, imported on first use."""
    if name == "io" or name in _LAZY:
        io = importlib.import_module(f"{__name__}.io")
        return io if name == "io" else getattr(io, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
