"""Service statistics on the seed 002 figures; expectations worked by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zwgk.errors import InvalidInputError, InvalidTypeError
from zwgk.services import (
    ServiceCounts,
    check_rate,
    check_service_counts,
    check_shares,
    check_total,
    rounding_gap,
)

# 11211 = 8803 即办件 + 2408 承办件; 2408 = 2353 done + 55 in progress; 按时办结率 100%.
CENTRE = ServiceCounts(
    received=11211, immediate=8803, immediate_done=8803, commitment=2408, commitment_done=2353, in_progress=55
)


def test_centre_statement_is_consistent() -> None:
    assert check_service_counts(CENTRE) == ()


def test_on_time_rate_is_a_ratio_to_what_was_done() -> None:
    # all 2353 done on time → 2353/2353 = 100%, not 2353/2408 = 97.72%
    counts = ServiceCounts(commitment=2408, commitment_done=2353, in_progress=55, on_time=2353)
    assert counts.on_time_rate() == 100
    assert check_service_counts(counts, on_time_rate="100﹪") == ()
    # reporting the share of the partition (97.72%) as the on-time rate is flagged
    (finding,) = check_service_counts(counts, on_time_rate="97.72%")
    assert (finding.kind, finding.expected) == ("rate", Decimal("100.00"))


def test_broken_partition_named() -> None:
    (finding,) = check_service_counts(ServiceCounts(received=11211, immediate=8803, commitment=2400))
    assert finding.kind == "partition"
    assert (
        finding.message
        == "matters received: 11211, but immediate matters 8803 + commitment matters 2400 = 11203"
    )


def test_fund_transfers() -> None:
    # 931 + 126 + 161 = 1218; 931/1218 = 76.437 → 76.44 ✓; 126/1218 = 10.345 → 10.34 ✓;
    # 161/1218 = 13.218 → 13.22, reported 12.22 ✗; reported sum 99.00 ≠ 100 ✗
    findings = check_shares([931, 126, 161], 1218, ["76.44%", "10.34%", "12.22%"])
    assert [(f.kind, f.label, f.expected, f.reported) for f in findings] == [
        ("share", "part 3", Decimal("13.22"), Decimal("12.22")),
        ("shares", "sum of shares", Decimal(100), Decimal("99.00")),
    ]


def test_enquiries() -> None:
    # 62 = 31 direct + 25 referred + 1 discipline commission + 5 other; 回复处理率 62/62 = 100%
    assert (
        check_shares(
            {"直接答复": 31, "转部门": 25, "转纪委": 1, "其他": 5}, 62, ["50", "40.32", "1.61", "8.06"]
        )
        == ()
    )
    assert check_rate("回复处理率", 62, 62, "100%") == ()


def test_early_rate_change() -> None:
    # 提前办结率 71.1% → 98.7%: with 1000 done, 711 and 987 early reproduce both one-decimal rates
    assert check_rate("提前办结率", 711, 1000, "71.1") == ()
    assert check_rate("提前办结率", 987, 1000, "98.7%") == ()
    (finding,) = check_rate("提前办结率", 986, 1000, "98.7")
    assert finding.expected == Decimal("98.6")


def test_amounts_exact_in_wan_yuan() -> None:
    # 43174.79 + 4981.89 + 138.15 = 48294.83 万元 (exact), reported 48294.84: off by 0.01,
    # within the ±0.02 that rounding four published amounts to 0.01 can explain → no finding
    parts = {"到人(户)": "43174.79", "到项目": "4981.89", "超范围": "138.15"}
    assert rounding_gap(parts, "48294.84") == Decimal("0.01")
    assert check_total(parts, "48294.84") == ()
    (finding,) = check_total(parts, "48295.00")
    assert finding.kind == "total"
    assert finding.off_by == Decimal("0.17")


def test_amount_shares_are_decimal() -> None:
    # 43174.79 + 5120.04 = 48294.83; 43174.79/48294.83 = 89.398…% → 89.40; 5120.04/48294.83 = 10.601…% → 10.60
    parts = [Decimal("43174.79"), Decimal("5120.04")]
    assert check_shares(parts, Decimal("48294.83"), ["89.40", "10.60"]) == ()
    # 11.60 reported for 10.60: that share is wrong and the shares add up to 101.00
    findings = check_shares(parts, Decimal("48294.83"), ["89.40", "11.60"])
    assert [f.kind for f in findings] == ["share", "shares"]


def test_floats_refused() -> None:
    with pytest.raises(InvalidTypeError):
        check_total({"a": 0.1}, "0.1")  # type: ignore[dict-item]
    with pytest.raises(InvalidTypeError):
        check_shares([0.5], 1, ["50"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError):
        ServiceCounts(received=-1)
