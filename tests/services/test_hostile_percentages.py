"""Percentages with absurd precision or size get a clear error or an exact answer, never a traceback."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zwgk.errors import InvalidInputError
from zwgk.reports import check_shares
from zwgk.services import check_rate

LONG = "33." + "3" * 29  # 29 decimals: beyond Decimal's 28 digits of the exact share


def test_a_percentage_with_too_many_decimals_is_refused_by_name() -> None:
    with pytest.raises(InvalidInputError, match=r"at most 12 decimals") as err:
        check_rate("办结率", 1, 3, LONG)
    assert isinstance(err.value, ValueError)
    with pytest.raises(InvalidInputError, match=r"reported_percentages\[part 1\].*at most 12 decimals"):
        check_shares([1, 2], 3, [LONG, "66.7"])
    with pytest.raises(InvalidInputError, match="decimals"):
        check_shares([1, 2], 3, ["33.3", "66.7"], decimals=40)


def test_twelve_decimals_are_checked_exactly() -> None:
    assert check_rate("办结率", 1, 3, "33.333333333333") == ()
    (finding,) = check_rate("办结率", 1, 3, "33.333333333334")
    assert finding.expected == Decimal("33.333333333333")
    assert check_shares([1, 2], 3, ["33.333333333333", "66.666666666667"]) == ()


def test_huge_counts_round_without_error() -> None:
    # a count far above its denominator: the rate is out of range, and its message still renders
    findings = check_rate("办结率", 10**30, 1, "100.000000000000")
    assert [f.kind for f in findings] == ["rate_range", "rate"]
    assert "10000000000000000000000000000000" in findings[1].message
    shares = check_shares([10**30, 1], 10**30 + 1, ["100.000000000000", "0.000000000000"])
    assert shares == ()
