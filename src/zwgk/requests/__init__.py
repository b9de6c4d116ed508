"""Requests for government information (依申请公开): the register, outcomes and fees.

- Labels: :class:`ApplicantKind` (the columns of table 3); re-exported from
  :mod:`zwgk.deadlines`: ``Channel`` (receipt rules of 《政府信息公开条例》第三十一条),
  ``Outcome`` / ``OutcomeGroup`` (the outcome rows of table 3, 国办公开办函〔2021〕30号);
  :func:`outcome_basis` (the articles behind each row), :func:`parse_outcome` (lenient).
- Core values: :class:`DisclosureRequest` (with :meth:`DisclosureRequest.deadline`, which
  uses :func:`zwgk.deadlines.reply_deadline`) and :class:`Ledger`.
- Fees (国办函〔2020〕109号): :func:`per_request_fee`, :func:`monthly_request_fees`,
  :func:`per_volume_fee`, :func:`fee_schedule`, :func:`fees_effective`, :func:`fee_payment_due`,
  :func:`request_fees_to_frame`.
- Notebooks: :class:`Ledger` and :class:`VolumeFee` have a one-line ``repr``, an HTML table
  (``_repr_html_``) and ``to_frame()``.
- Files: :func:`read_ledger` / :func:`write_ledger` (CSV, JSON, XLSX), imported from
  :mod:`zwgk.requests.io` on first use; rows, DataFrames and the pydantic boundary models
  (:class:`~zwgk.requests.io.LedgerRow`) are in :mod:`zwgk.requests.io`.
- Sample data: :func:`sample_ledger_path`, :func:`sample_ledger_csv` — a realistic 2025
  ledger of 31 requests (``zwgk report sample``).

Importing this package does not import pydantic (only :mod:`zwgk.requests.io` does).
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
    """``read_ledger``, ``write_ledger`` and the :mod:`zwgk.requests.io` module, imported on first use."""
    if name == "io" or name in _LAZY:
        io = importlib.import_module(f"{__name__}.io")
        return io if name == "io" else getattr(io, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
