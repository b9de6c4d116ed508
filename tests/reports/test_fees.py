"""Information-processing fees (国办函〔2020〕109号): tiers written by hand from the notice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.errors import InvalidInputError, InvalidRecordsError, InvalidTypeError
from zwgk.requests import (
    DisclosureRequest,
    fee_payment_due,
    fee_schedule,
    fees_effective,
    monthly_request_fees,
    per_request_fee,
    per_volume_fee,
)

# 按件: 1–10 free; 11–30 ¥100; 31–40 ¥200; 41–50 ¥300; 51–60 ¥400 …
PER_REQUEST = [
    (1, 0),
    (10, 0),
    (11, 100),
    (30, 100),
    (31, 200),
    (40, 200),
    (41, 300),
    (50, 300),
    (51, 400),
    (101, 900),
]
# 按量: 1–30 free; 31–100 ¥10/页; 101–200 ¥20/页; 201+ ¥40/页 (marginal)
PER_VOLUME = [
    (0, 0),
    (30, 0),
    (31, 10),
    (100, 700),  # 70 × 10
    (101, 720),  # 700 + 20
    (200, 2700),  # 700 + 100 × 20
    (201, 2740),
    (250, 4700),  # 700 + 2000 + 50 × 40
]


@pytest.mark.parametrize(("ordinal", "fee"), PER_REQUEST)
def test_per_request_tiers(ordinal: int, fee: int) -> None:
    assert per_request_fee(ordinal).amount == Decimal(fee)


@pytest.mark.parametrize(("pages", "fee"), PER_VOLUME)
def test_per_volume_tiers(pages: int, fee: int) -> None:
    assert per_volume_fee(pages).total == Decimal(fee)


def test_per_volume_arithmetic_shown() -> None:
    fee = per_volume_fee(250)
    assert [str(s) for s in fee.steps] == [
        "1–30: 30 × ¥0 = ¥0",
        "31–100: 70 × ¥10 = ¥700",
        "101–200: 100 × ¥20 = ¥2000",
        "201+: 50 × ¥40 = ¥2000",
    ]
    assert fee.explain().endswith("→ ¥4700")
    assert per_volume_fee(0).explain() == "no pages → ¥0"


def _month(n: int, applicant: str = "甲", month: int = 3) -> list[DisclosureRequest]:
    return [
        DisclosureRequest(f"{applicant}-{month}-{i}", applicant, "自然人", dt.date(2025, month, 1 + i % 28))
        for i in range(n)
    ]


def test_monthly_fees_45_requests() -> None:
    # 10 × 0 + 20 × 100 + 10 × 200 + 5 × 300 = 5500
    fees = monthly_request_fees(_month(45))
    assert [f.ordinal for f in fees] == list(range(1, 46))
    assert fees[-1].cumulative == Decimal(5500)
    assert fees[10].amount == Decimal(100)
    assert fees[30].explain().startswith("request 31 ")
    assert "tier 31–40 at ¥200 per request" in fees[30].explain()


def test_monthly_fees_counted_in_receipt_order_and_continue_a_month() -> None:
    late = DisclosureRequest("late", "甲", "自然人", dt.date(2025, 3, 31))
    early = DisclosureRequest("early", "甲", "自然人", dt.date(2025, 3, 1))
    fees = monthly_request_fees([late, early], already_counted=10)
    assert [(f.request_id, f.ordinal, f.amount) for f in fees] == [("early", 11, 100), ("late", 12, 100)]
    assert monthly_request_fees([]) == ()


def test_monthly_fees_errors() -> None:
    mixed = [*_month(2), *_month(1, applicant="乙"), *_month(1, month=4)]
    with pytest.raises(InvalidRecordsError) as info:
        monthly_request_fees(mixed)
    assert len(info.value.problems) == 2
    assert {p.field for p in info.value.problems} == {"applicant", "received"}
    with pytest.raises(InvalidInputError, match="already_counted"):
        monthly_request_fees(_month(1), already_counted=-1)


def test_fees_effective_date() -> None:
    # 国办函〔2020〕109号: the measures apply from 2021-01-01 (FACTS §2)
    assert fees_effective() == dt.date(2021, 1, 1)


def test_monthly_fees_before_the_measures_came_into_force() -> None:
    december = [DisclosureRequest(f"D{i}", "甲", "自然人", dt.date(2020, 12, 1 + i)) for i in range(3)]
    with pytest.raises(InvalidRecordsError) as info:
        monthly_request_fees(december)
    assert [(p.location, p.field, p.value) for p in info.value.problems] == [
        ("request D0", "received", "2020-12-01"),
        ("request D1", "received", "2020-12-02"),
        ("request D2", "received", "2020-12-03"),
    ]
    assert info.value.problems[0].expected == "a day on or after 2021-01-01"
    assert "国办函〔2020〕109号" in info.value.problems[0].message
    first_day = DisclosureRequest("J1", "甲", "自然人", dt.date(2021, 1, 1))
    assert monthly_request_fees([first_day])[0].amount == Decimal(0)


def test_cli_fees_before_the_measures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk._cli import main

    ledger = tmp_path / "l.csv"
    ledger.write_text("id,applicant,applicant_kind,received\n1,甲,自然人,2020-12-31\n", "utf-8")
    args = ["fees", "per-request", "--ledger", str(ledger), "--applicant", "甲", "--month", "2020-12"]
    assert main(args) == 2
    assert "a day on or after 2021-01-01" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("value", "error"),
    [(0, InvalidInputError), (-3, InvalidInputError), (True, InvalidTypeError), ("3", InvalidTypeError)],
)
def test_per_request_fee_errors(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        per_request_fee(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error"), [(-1, InvalidInputError), (2.5, InvalidTypeError), (False, InvalidTypeError)]
)
def test_per_volume_fee_errors(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        per_volume_fee(value)  # type: ignore[arg-type]


def test_schedule_lookup() -> None:
    assert fee_schedule("按件").unit == "件"
    assert fee_schedule("per_volume").tier_of(500).label == "201+"
    with pytest.raises(InvalidInputError):
        fee_schedule("per_page")


@given(st.integers(0, 2000))
def test_volume_fee_is_sum_of_page_prices(pages: int) -> None:
    def price(page: int) -> int:
        return 0 if page <= 30 else 10 if page <= 100 else 20 if page <= 200 else 40

    assert per_volume_fee(pages).total == sum(price(p) for p in range(1, pages + 1))


@given(st.integers(1, 300))
def test_request_fee_rises_by_100_per_band(n: int) -> None:
    expected = 0 if n <= 10 else 100 if n <= 30 else 100 * (2 + (n - 31) // 10)
    assert per_request_fee(n).amount == expected


def test_fee_payment_window_from_deadlines() -> None:
    # notice received Mon 2025-09-29: 20 working days counted from the next day, across the
    # 2025 National Day holiday (10/1–10/8 rest; Sat 10/11 a working day) → Mon 2025-11-03
    assert fee_payment_due(dt.date(2025, 9, 29)) == dt.date(2025, 11, 3)
