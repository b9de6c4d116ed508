"""Statutory deadlines other than the reply: explanations, regimes, provisional days and bad input.

The dated expectations here are worked by hand like those of ``golden/clock_cases.toml``.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from tests.calendar.helpers import d

from zwgk.deadlines import (
    BodyLevel,
    DeadlineKind,
    Period,
    PeriodUnit,
    annual_report_due,
    fee_payment_deadline,
    litigation_after_review_deadline,
    litigation_deadline,
    period_end,
    proactive_deadline,
    review_deadline,
)
from zwgk.errors import InvalidInputError, InvalidTypeError, ProvisionalCalendarWarning, UnknownNameError

ROLL_ARTICLE = "《中华人民共和国民事诉讼法》第八十五条"


def test_review_rolled_forward_explains_the_roll() -> None:
    dl = review_deadline(d("2026-08-02"))
    assert dl.kind is DeadlineKind.REVIEW
    assert dl.regime is None
    assert dl.due == d("2026-10-08")
    assert [s.on for s in dl.steps] == [d("2026-08-02"), d("2026-10-01"), d("2026-10-08")]
    assert dl.steps[1].article == ROLL_ARTICLE
    assert "行政复议法" in dl.steps[0].article
    assert "第二十条" in dl.steps[0].article
    assert "60日" in dl.steps[0].effect


def test_review_not_rolled_has_no_roll_step() -> None:
    dl = review_deadline(d("2026-08-11"))  # nominal Sat* 10/10, a working day
    assert dl.due == d("2026-10-10")
    assert all(s.article != ROLL_ARTICLE for s in dl.steps)
    assert len(dl.steps) == 2


def test_litigation_cites_article_46_and_clamps() -> None:
    dl = litigation_deadline(d("2020-08-31"))
    assert dl.kind is DeadlineKind.LITIGATION
    assert "行政诉讼法》第四十六条" in dl.steps[0].article
    assert dl.steps[1].on == d("2021-02-28")
    assert dl.due == d("2021-03-01")


def test_litigation_after_review_cites_article_45() -> None:
    dl = litigation_after_review_deadline(d("2026-09-16"))
    assert dl.kind is DeadlineKind.LITIGATION_AFTER_REVIEW
    assert "第四十五条" in dl.steps[0].article
    assert dl.due == d("2026-10-08")


@pytest.mark.parametrize(
    ("formed", "regime", "due", "article"),
    [
        (d("2026-09-28"), None, d("2026-10-30"), "《政府信息公开条例》第二十六条"),
        (d("2018-09-25"), None, d("2018-10-26"), "《政府信息公开条例》（2008年）第十八条"),
        # Override: the 2019 text on a 2008-regime day; both are 20 working days.
        (d("2018-09-25"), "2019", d("2018-10-26"), "《政府信息公开条例》第二十六条"),
    ],
)
def test_proactive_deadline(formed: dt.date, regime: str | None, due: dt.date, article: str) -> None:
    dl = proactive_deadline(formed, regime=regime)
    assert dl.kind is DeadlineKind.PROACTIVE
    assert dl.due == due
    assert dl.steps[0].article == article


def test_proactive_before_the_regulations_is_an_error() -> None:
    with pytest.raises(InvalidInputError, match="2008-05-01"):
        proactive_deadline(d("2008-04-30"))


def test_annual_report_is_a_fixed_date_with_the_article() -> None:
    dl = annual_report_due(2025)  # default: a department
    assert dl.kind is DeadlineKind.ANNUAL_REPORT
    assert dl.due == d("2026-01-31")  # a Saturday: not rolled forward
    assert dl.start == d("2025-12-31")
    assert all(s.article == "《政府信息公开条例》第四十九条" for s in dl.steps)
    assert "not rolled forward" in dl.steps[-1].effect
    assert annual_report_due(2025, "government").due == d("2026-03-31")
    assert annual_report_due(2025, BodyLevel.GOVERNMENT).due == d("2026-03-31")


def test_annual_report_regime_override() -> None:
    # The 2008 text (31 March for all) applied by choice to the 2025 report of a department.
    dl = annual_report_due(2025, "department", regime="2008")
    assert dl.due == d("2026-03-31")
    assert "（2008年）第三十一条" in dl.steps[-1].article


def test_annual_report_bad_inputs() -> None:
    with pytest.raises(InvalidInputError, match="2008-05-01"):
        annual_report_due(2007)  # regime on 2008-01-01: none in force yet
    with pytest.raises(InvalidTypeError, match="year"):
        annual_report_due("2025")  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="year"):
        annual_report_due(True)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="body_level"):
        annual_report_due(2025, "county")  # type: ignore[arg-type]
    with pytest.raises(UnknownNameError, match="regime"):
        annual_report_due(2025, regime="2030")


@pytest.mark.parametrize(
    "call",
    [
        lambda: proactive_deadline("2026-09-28"),
        lambda: review_deadline("2026-09-28"),
        lambda: litigation_deadline(20260928),
        lambda: litigation_after_review_deadline(None),
        lambda: fee_payment_deadline("2026-09-28"),
    ],
)
def test_dates_as_strings_are_type_errors(call: object) -> None:
    with pytest.raises(InvalidTypeError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    "call",
    [
        lambda: proactive_deadline(d("2026-09-28"), calendar="china"),
        lambda: review_deadline(d("2026-09-28"), calendar=object()),
        lambda: litigation_deadline(d("2026-09-28"), calendar={}),
        lambda: litigation_after_review_deadline(d("2026-09-28"), calendar=1),
        lambda: fee_payment_deadline(d("2026-09-28"), calendar="x"),
        lambda: annual_report_due(2025, calendar="x"),
    ],
)
def test_a_calendar_of_the_wrong_type(call: object) -> None:
    with pytest.raises(InvalidTypeError, match="calendar"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "due"),
    [
        (lambda: review_deadline(d("2026-11-20")), d("2027-01-19")),
        (lambda: litigation_after_review_deadline(d("2026-12-25")), None),
        (lambda: proactive_deadline(d("2026-12-20")), None),
        (lambda: annual_report_due(2026), d("2027-01-31")),
    ],
)
def test_deadlines_beyond_the_notices_warn_once_and_are_provisional(
    call: object, due: dt.date | None
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dl = call()  # type: ignore[operator]
    assert [w.category for w in caught] == [ProvisionalCalendarWarning]
    assert dl.provisional is True
    if due is not None:
        # 11/20 + 60 days = 2027-01-19 (a Tuesday, estimated a working day); 31 January fixed.
        assert dl.due == due


def test_fee_payment_beyond_the_notices_warns() -> None:
    with pytest.warns(ProvisionalCalendarWarning):
        assert fee_payment_deadline(d("2026-12-20")) > d("2026-12-31")


# ------------------------------------------------------------------ the Period kinds behind them


@pytest.mark.parametrize(
    ("start", "period", "end"),
    [
        (d("2026-09-28"), Period(20, PeriodUnit.WORKING_DAYS), d("2026-10-30")),
        (d("2026-09-16"), Period(15, "days"), d("2026-10-08")),
        (d("2025-08-31"), Period(6, "months"), d("2026-02-28")),
        (d("2026-10-01"), Period(0, "days"), d("2026-10-01")),  # a 0 period ends on the start day
        (d("2026-10-01"), Period(0, "working_days"), d("2026-10-01")),
    ],
)
def test_period_end(start: dt.date, period: Period, end: dt.date) -> None:
    assert period_end(start, period) == end


def test_period_bad_inputs() -> None:
    with pytest.raises(InvalidInputError, match="amount"):
        Period(-1, "days")
    with pytest.raises(InvalidTypeError, match="amount"):
        Period(1.5, "days")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="unit"):
        Period(1, "weeks")
    with pytest.raises(InvalidTypeError, match="period"):
        period_end(d("2026-01-05"), (20, "working_days"))  # type: ignore[arg-type]
    assert Period(20, "working_days").render() == "20个工作日"
    assert Period(6, "months").render() == "6个月"


def test_error_names_formed_on_and_shows_iso_dates() -> None:
    # B6
    with pytest.raises(InvalidInputError, match=r"^formed_on: got 2008-04-30; expected a date on or after"):
        proactive_deadline(dt.date(2008, 4, 30))
