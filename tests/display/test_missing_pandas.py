"""Without pandas every new ``to_frame`` says which extra to install (MissingExtraError)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.support import hide_package

from zwgk.catalog import CheckReport
from zwgk.errors import MissingExtraError
from zwgk.reports import ReportCheck
from zwgk.requests import per_volume_fee, request_fees_to_frame
from zwgk.scoring import rankings_to_frame

CASES: dict[str, Callable[[], object]] = {
    "catalog findings": lambda: CheckReport((), 0).to_frame(),
    "report violations": lambda: ReportCheck((), ()).to_frame(),
    "volume fee": lambda: per_volume_fee(40).to_frame(),
    "request fees": lambda: request_fees_to_frame(()),
    "ranking": lambda: rankings_to_frame(()),
}


@pytest.mark.parametrize("make", CASES.values(), ids=CASES.keys())
def test_to_frame_without_pandas(make: Callable[[], object], monkeypatch: pytest.MonkeyPatch) -> None:
    hide_package(monkeypatch, "pandas")
    with pytest.raises(MissingExtraError) as info:
        make()
    assert (info.value.extra, info.value.package) == ("pandas", "pandas")
