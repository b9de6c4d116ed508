"""The sample request ledger shipped with zwgk (package data), for demos, docs and tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["sample_ledger_csv", "sample_ledger_path"]

_LEDGER = "sample-ledger.csv"


def sample_ledger_path() -> Path:
    """Path of the sample ledger CSV (示例区依申请公开登记台账, 2025).

    A made-up district office's register of 31 requests in the layout offices keep, with
    the Chinese headers [`read_ledger`][zwgk.requests.read_ledger] reads (编号, 申请人, 申请人类型,
    申请方式, 收到日期, 办理结果, 办结日期, 页数): two requests received in December 2024 and
    closed in 2025 (上年结转), 27 received and closed in 2025 with outcomes across table 3's
    rows （一）–（六）, and two received in December 2025 still open (结转下年度).  Names
    are invented.

    Returns:
        The path inside the installed package.
    """
    return Path(str(resources.files("zwgk.requests").joinpath("data", _LEDGER)))


def sample_ledger_csv() -> str:
    """The text of [`sample_ledger_path`][zwgk.requests.sample_ledger_path] (UTF-8 CSV, header row first,
    ``\\n`` line ends)."""
    return sample_ledger_path().read_text(encoding="utf-8")
