"""Notebook displays and DataFrames of annual reports, table 3, report checks, ledgers and fees."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from zwgk.reports import (
    AnnualReport,
    Table3,
    Table4,
    check_report,
    get_format,
    table3_frame,
    table3_html,
    table4_html,
    violations_to_frame,
)
from zwgk.requests import (
    DisclosureRequest,
    Ledger,
    monthly_request_fees,
    per_volume_fee,
    request_fees_to_frame,
)
from zwgk.requests.io import ledger_to_frame

FMT = get_format("2021")
D = Decimal


def _body_rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]


def _table3(carried_forward: int = 3) -> Table3:
    """10 new + 2 carried over = 9 closed (6 disclosed, 3 not held) + 3 carried forward."""
    return Table3.from_mapping(
        FMT,
        {
            "new": {"natural_person": 8, "business": 2, "total": 10},
            "carried_over": {"natural_person": 2, "total": 2},
            "disclosed": {"natural_person": 6, "total": 6},
            "unavailable_1": {"natural_person": 1, "business": 2, "total": 3},
            "total": {"natural_person": 7, "business": 2, "total": 9},
            "carried_forward": {"natural_person": 3, "total": carried_forward},
        },
    )


@pytest.fixture
def report() -> AnnualReport:
    table4 = Table4.from_mapping({}, fill_totals=False)
    return AnnualReport("A&B<局>", 2025, FMT, _table3(), table4=table4)


# ----------------------------------------------------------------------------- reports


def test_report_repr_shows_the_flow_of_requests(report: AnnualReport) -> None:
    assert repr(report) == (
        "<AnnualReport A&B<局> 2025 (format 2021; table 3, table 4): new 10, carried over 2, total 9, carried forward 3>"
    )
    assert repr(report.table3) == "<Table3 format 2021: new 10, carried over 2, total 9, carried forward 3>"


def test_report_html_is_the_official_tables(report: AnnualReport) -> None:
    page = report._repr_html_()
    assert table3_html(report.table3) in page
    assert report.table4 is not None
    assert table4_html(report.table4) in page
    assert "<b>A&amp;B&lt;局&gt;2025年度政府信息公开工作年度报告</b>" in page
    assert "<局>" not in page
    assert report.table3._repr_html_() == table3_html(report.table3)
    # one <tr> per official row plus the three header rows
    assert report.table3._repr_html_().count("<tr>") == len(FMT.table3_rows) + 3


def test_report_to_frame_is_table3_frame(report: AnnualReport) -> None:
    frame = report.to_frame()
    assert frame.equals(table3_frame(report))
    assert frame.loc["new", "总计"] == 10
    assert frame.loc["unavailable_1", "商业企业"] == 2
    assert report.table3.to_frame().equals(frame)


def test_report_check_displays_each_violation() -> None:
    bad = AnnualReport("乙局", 2025, FMT, _table3(carried_forward=4))  # 10 + 2 ≠ 9 + 4 in 总计
    check = check_report(bad)
    assert not check.ok
    frame = check.to_frame()
    assert list(frame.columns) == ["identity", "cell", "expected", "actual", "off_by", "message"]
    assert frame.equals(violations_to_frame(check))
    assert len(frame) == len(check.violations)
    first = frame.iloc[0]
    assert (first["identity"], first["off_by"]) == (1, 1)
    rows = _body_rows(check._repr_html_())
    assert len(rows) == len(check.violations)
    assert rows[0][0] == "1"
    assert repr(check).startswith(f"<ReportCheck {len(check.violations)} violation(s) of identities 1")
    assert f"{len(check.blanks)} blank cell(s)" in repr(check)


def test_clean_report_check_display(report: AnnualReport) -> None:
    check = check_report(report)
    assert check.ok
    assert repr(check) == f"<ReportCheck ok, {len(check.blanks)} blank cell(s)>"
    page = check._repr_html_()
    assert "All identities hold." in page
    assert "<table>" not in page
    assert check.to_frame().empty


# ----------------------------------------------------------------------------- requests


def _ledger(n: int) -> Ledger:
    return Ledger(
        DisclosureRequest(
            f"R{k}",
            "张三" if k % 2 else "<b>李四</b>",
            "自然人",
            dt.date(2025, 3, 3) + dt.timedelta(days=k),
            outcome="予以公开" if k < n - 1 else None,
            closed=dt.date(2025, 4, 30) if k < n - 1 else None,
        )
        for k in range(n)
    )


def test_ledger_repr_and_html_rows() -> None:
    ledger = _ledger(25)
    assert repr(ledger) == "<Ledger: 25 requests received 2025-03-03 … 2025-03-27, 1 pending>"
    page = ledger._repr_html_()
    rows = _body_rows(page)
    assert len(rows) == 20
    assert rows[0] == [
        "R0",
        "&lt;b&gt;李四&lt;/b&gt;",
        "自然人",
        "2025-03-03",
        "其他",
        "予以公开",
        "2025-04-30",
    ]
    assert "… and 5 more requests" in page
    small = _ledger(2)
    assert _body_rows(small._repr_html_())[1][5:] == ["", ""]  # the pending request
    assert repr(Ledger(())) == "<Ledger: 0 requests>"


def test_ledger_to_frame_is_ledger_to_frame() -> None:
    ledger = _ledger(3)
    frame = ledger.to_frame()
    assert frame.equals(ledger_to_frame(ledger))
    assert list(frame["id"]) == ["R0", "R1", "R2"]


def test_volume_fee_displays_the_arithmetic() -> None:
    fee = per_volume_fee(250)  # 30 × 0 + 70 × 10 + 100 × 20 + 50 × 40 = ¥4700 (国办函〔2020〕109号)
    assert repr(fee).startswith("<VolumeFee 250 pages: ¥4700 (")
    assert _body_rows(fee._repr_html_()) == [
        ["1–30", "30", "¥0", "¥0"],
        ["31–100", "70", "¥10", "¥700"],
        ["101–200", "100", "¥20", "¥2000"],
        ["201+", "50", "¥40", "¥2000"],
    ]
    frame = fee.to_frame()
    assert list(frame.columns) == ["tier", "quantity", "price", "amount"]
    assert list(frame["amount"]) == [D(0), D(700), D(2000), D(2000)]
    assert sum(frame["amount"]) == fee.total


def test_request_fees_to_frame_shows_the_running_total() -> None:
    ledger = _ledger(3)
    same = [r for r in ledger if r.applicant == "<b>李四</b>"]  # R0, R2
    fees = monthly_request_fees(same, already_counted=9)  # the 10th is free, the 11th costs ¥100
    frame = request_fees_to_frame(fees)
    assert list(frame.columns) == [
        "request_id",
        "received",
        "ordinal",
        "tier",
        "price",
        "amount",
        "cumulative",
    ]
    assert list(frame["ordinal"]) == [10, 11]
    assert list(frame["amount"]) == [D(0), D(100)]
    assert list(frame["cumulative"]) == [D(0), D(100)]
