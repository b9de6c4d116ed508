"""Withdrawals (申请人撤回) in a register: accepted as an outcome, counted where each format says.

The row is a documented default (deadlines/data/withdrawals.toml, basis "P"): no text of the
formats read says how withdrawals are counted; （六）其他处理 3．其他 (2021) / （六）其他处理 (trial).
"""

from __future__ import annotations

import pytest

from zwgk.deadlines._outcomes import withdrawal_outcome
from zwgk.reports import AnnualReport, check_report, get_format, report_formats, table3_from_ledger
from zwgk.requests import Outcome, parse_outcome
from zwgk.requests.io import ledger_from_rows


@pytest.mark.parametrize("text", ["申请人撤回", "撤回申请", "申请人主动撤回", "申请人撤回申请", "撤回"])
def test_withdrawal_wordings_are_read_as_an_outcome(text: str) -> None:
    assert parse_outcome(text) is Outcome.OTHER


def test_every_format_counts_withdrawals_in_the_row_its_data_names() -> None:
    assert withdrawal_outcome() is Outcome.OTHER
    for fmt in report_formats():
        if not fmt.has_table3:
            assert fmt.withdrawal_row is None
            continue
        assert fmt.withdrawal_basis == "P"
        assert fmt.withdrawal_row is not None
        assert withdrawal_outcome() in fmt.row(fmt.withdrawal_row).outcomes
    assert get_format("2021").withdrawal_row == "other_3"
    assert get_format("2019-trial").withdrawal_row == "other"


@pytest.mark.parametrize(
    ("format_id", "year", "row"), [("2021", 2023, "other_3"), ("2019-trial", 2020, "other")]
)
def test_a_register_with_withdrawals_builds_table3(format_id: str, year: int, row: str) -> None:
    rows = [
        {
            "id": "1",
            "申请人": "甲",
            "申请人类型": "自然人",
            "收到日期": f"{year}-03-02",
            "办理结果": "申请人撤回",
            "办结日期": f"{year}-03-09",
        },
        {
            "id": "2",
            "申请人": "乙",
            "申请人类型": "商业企业",
            "收到日期": f"{year}-04-01",
            "办理结果": "撤回申请",
            "办结日期": f"{year}-04-03",
        },
        {
            "id": "3",
            "申请人": "丙",
            "申请人类型": "自然人",
            "收到日期": f"{year}-05-06",
            "办理结果": "予以公开",
            "办结日期": f"{year}-05-20",
        },
    ]
    ledger = ledger_from_rows(rows)
    table = table3_from_ledger(ledger, year, format=format_id)
    assert table.raw(row, "natural_person") == 1
    assert table.raw(row, "business") == 1
    assert table.raw(row, "total") == 2
    assert table.raw("disclosed", "total") == 1
    assert table.raw("total", "total") == 3
    assert check_report(AnnualReport("某局", year, get_format(format_id), table)).ok
