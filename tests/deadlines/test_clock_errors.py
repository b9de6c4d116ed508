"""Bad event sequences and bad inputs of the request clock (issue 3 §7).

Each impossible sequence raises :class:`InvalidEventSequence` whose ``.events`` are the
offending events themselves; each bad input raises the matching error of ``zwgk.errors``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.calendar.helpers import d

from zwgk.deadlines import (
    ClockPolicy,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    Outcome,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
    reply_deadline,
)
from zwgk.errors import (
    InvalidEventSequence,
    InvalidInputError,
    InvalidTypeError,
    UnknownNameError,
    ZwgkError,
)

RECEIVED = d("2026-09-28")


def _raises_naming(events: list[object], *offending: object) -> InvalidEventSequence:
    with pytest.raises(InvalidEventSequence) as info:
        reply_deadline(RECEIVED, events)  # type: ignore[arg-type]
    assert info.value.events == offending
    for ev in offending:
        on = getattr(ev, "on", None)
        if on is not None:  # an event is shown as "kind on ISO-date", never as its repr
            assert f"{type(ev).__name__} on {on.isoformat()}" in str(info.value)
            assert repr(ev) not in str(info.value)
        else:
            assert type(ev).__name__ in str(info.value)
    assert isinstance(info.value, ZwgkError)
    assert isinstance(info.value, ValueError)
    return info.value


# ------------------------------------------------------------------ impossible sequences


def test_event_before_receipt() -> None:
    early = ConsultationStarted(d("2026-09-25"))
    err = _raises_naming([early], early)
    assert "before" in err.reason


def test_reply_before_receipt() -> None:
    early = Replied(d("2026-09-27"))
    _raises_naming([early], early)


def test_consultation_ended_without_start() -> None:
    end = ConsultationEnded(d("2026-10-12"))
    _raises_naming([end], end)


def test_consultation_ended_while_only_a_fee_notice_is_open() -> None:
    notice, end = FeeNoticeIssued(d("2026-10-08")), ConsultationEnded(d("2026-10-12"))
    _raises_naming([notice, end], end)


def test_fee_paid_without_notice() -> None:
    paid = FeePaid(d("2026-10-12"))
    _raises_naming([paid], paid)


def test_fee_paid_while_only_a_consultation_is_open() -> None:
    start, paid = ConsultationStarted(d("2026-10-08")), FeePaid(d("2026-10-12"))
    _raises_naming([start, paid], paid)


def test_correction_received_without_request() -> None:
    got = CorrectionReceived(d("2026-10-12"))
    _raises_naming([got], got)


def test_two_open_pauses_consultation_then_fee() -> None:
    start, notice = ConsultationStarted(d("2026-10-08")), FeeNoticeIssued(d("2026-10-12"))
    err = _raises_naming([start, notice], start, notice)
    assert "two open pauses" in err.reason


def test_two_open_pauses_two_consultations() -> None:
    first, second = ConsultationStarted(d("2026-10-08")), ConsultationStarted(d("2026-10-09"), "other_agency")
    _raises_naming([second, first], first, second)


def test_pause_while_awaiting_a_correction() -> None:
    notice, start = CorrectionRequested(d("2026-09-29")), ConsultationStarted(d("2026-10-08"))
    _raises_naming([notice, start], notice, start)


def test_correction_requested_during_an_open_pause() -> None:
    start, notice = ConsultationStarted(d("2026-09-29")), CorrectionRequested(d("2026-09-30"))
    _raises_naming([start, notice], start, notice)


@pytest.mark.parametrize(
    "later",
    [
        Replied(d("2026-10-20")),
        Withdrawn(d("2026-10-20")),
        ExtensionGranted(d("2026-10-20"), 5),
        ConsultationStarted(d("2026-10-20")),
        CorrectionRequested(d("2026-10-20")),
    ],
    ids=repr,
)
@pytest.mark.parametrize("closing", [Replied(d("2026-10-12")), Withdrawn(d("2026-10-12"))], ids=repr)
def test_event_after_the_request_was_closed(closing: object, later: object) -> None:
    err = _raises_naming([later, closing], closing, later)
    assert "closed" in err.reason


@pytest.mark.parametrize("outcome", ["not an outcome", "予以 不公开", "", "   ", 42])
def test_unknown_outcome(outcome: object) -> None:
    reply = Replied(d("2026-10-12"), outcome)  # type: ignore[arg-type]
    err = _raises_naming([reply], reply)
    assert "outcome" in err.reason


@pytest.mark.parametrize("outcome", ["予以公开", "部分公开", "重复申请", Outcome.WITHHELD_STATE_SECRET, None])
def test_known_outcomes_are_accepted(outcome: object) -> None:
    dl = reply_deadline(RECEIVED, [Replied(d("2026-10-12"), outcome)])  # type: ignore[arg-type]
    assert dl.outcome == outcome


@pytest.mark.parametrize("thing", [d("2026-10-12"), "replied 2026-10-12", ("consult", d("2026-10-12")), None])
def test_non_event_objects(thing: object) -> None:
    _raises_naming([thing], thing)


def test_a_reasonable_delay_during_an_open_pause_is_rejected() -> None:
    start = ConsultationStarted(d("2026-10-09"))
    delay = ReasonableDelaySet(d("2026-10-12"), d("2026-12-18"))
    _raises_naming([start, delay], start, delay)


# ------------------------------------------------------------------ bad inputs


def test_received_before_the_regulations_took_effect() -> None:
    with pytest.raises(InvalidInputError, match="2008-05-01") as info:
        reply_deadline(d("2008-04-30"))
    assert "received" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_received_as_a_string_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="received") as info:
        reply_deadline("2026-09-28")  # type: ignore[arg-type]
    assert "fromisoformat" in str(info.value)
    assert isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    "build",
    [
        lambda: CorrectionRequested("2026-10-12"),
        lambda: CorrectionRequested(d("2026-10-12"), "2026-10-30"),
        lambda: ConsultationStarted("2026-10-12"),
        lambda: FeePaid(20261012),
        lambda: Replied("2026-10-12"),
        lambda: ReasonableDelaySet(d("2026-10-12"), "2026-12-01"),
    ],
)
def test_event_dates_as_strings_are_type_errors(build: object) -> None:
    with pytest.raises(InvalidTypeError):
        build()  # type: ignore[operator]


def test_a_datetime_is_read_as_its_date() -> None:
    dl = reply_deadline(dt.datetime(2026, 9, 28, 16, 30))
    assert dl.start == RECEIVED
    assert dl.due == d("2026-10-30")


@pytest.mark.parametrize("days", [0, -1, -20])
def test_extension_of_zero_or_negative_working_days(days: int) -> None:
    with pytest.raises(InvalidInputError, match="working_days"):
        ExtensionGranted(d("2026-10-12"), days)


@pytest.mark.parametrize("days", [2.5, 5.0, "5", True, Decimal(5), None])
def test_extension_of_a_non_integer(days: object) -> None:
    with pytest.raises(InvalidTypeError, match="working_days"):
        ExtensionGranted(d("2026-10-12"), days)  # type: ignore[arg-type]


@pytest.mark.parametrize("until", [d("2026-10-12"), d("2026-10-09")])
def test_reasonable_delay_until_not_after_it_was_set(until: dt.date) -> None:
    with pytest.raises(InvalidInputError, match="until"):
        ReasonableDelaySet(d("2026-10-12"), until)


def test_unknown_consultation_party() -> None:
    with pytest.raises(InvalidInputError, match="party"):
        ConsultationStarted(d("2026-10-12"), "the press")


@pytest.mark.parametrize("party", ["第三方", "其他机关", "其他行政机关", "third party", "OTHER_AGENCY"])
def test_consultation_party_aliases(party: str) -> None:
    assert ConsultationStarted(d("2026-10-12"), party).party.value in ("third_party", "other_agency")


def test_fee_amount_as_float_is_a_type_error_and_bad_text_an_input_error() -> None:
    with pytest.raises(InvalidTypeError, match="amount"):
        FeeNoticeIssued(d("2026-10-12"), 100.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="amount"):
        FeeNoticeIssued(d("2026-10-12"), "a hundred")  # type: ignore[arg-type]
    assert FeeNoticeIssued(d("2026-10-12"), "100").amount == Decimal("100")


@pytest.mark.parametrize("regime", ["2010", "国务院令第999号", ""])
def test_unknown_regime_string(regime: str) -> None:
    with pytest.raises(UnknownNameError, match="regime") as info:
        reply_deadline(RECEIVED, regime=regime)
    assert "2008" in str(info.value)
    assert "2019" in str(info.value)


@pytest.mark.parametrize("regime", [2019, 2008.0, object()])
def test_regime_of_the_wrong_type(regime: object) -> None:
    with pytest.raises(InvalidTypeError, match="regime"):
        reply_deadline(RECEIVED, regime=regime)  # type: ignore[arg-type]


def test_regime_by_instrument_number() -> None:
    assert reply_deadline(RECEIVED, regime="国务院令第492号").due == d("2026-10-23")
    # 15 wd from Mon 9/28: 9/29,30 (2); 10/8,9 (4); Sat* 10/10 (5); 10/12–16 (10); 10/19–23 (15).


def test_policy_and_calendar_of_the_wrong_type() -> None:
    with pytest.raises(InvalidTypeError, match="policy"):
        reply_deadline(RECEIVED, policy={"fee_pauses_clock": False})  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="calendar"):
        reply_deadline(RECEIVED, calendar="china")  # type: ignore[arg-type]


def test_policy_defaults_are_the_documented_ones() -> None:
    p = ClockPolicy()
    assert p.fee_pauses_clock is True
    assert p.late_correction_restarts is True
    assert p.consultation_open_end == "answer_window"
    assert p.consultation_answer_window == 15
    assert p.fee_payment_window == 20


def test_status_before_the_start_is_an_input_error() -> None:
    dl = reply_deadline(RECEIVED)
    with pytest.raises(InvalidInputError, match="on"):
        dl.status(d("2026-09-27"))
    with pytest.raises(InvalidTypeError):
        dl.status("2026-10-01")  # type: ignore[arg-type]


def test_same_day_events_apply_in_the_order_given() -> None:
    extension, reply = ExtensionGranted(d("2026-10-30"), 5), Replied(d("2026-10-30"))
    dl = reply_deadline(RECEIVED, [extension, reply])
    assert dl.due == d("2026-11-06")  # 10/30 + 5 wd = 11/2–6
    assert dl.on_time is True
    _raises_naming([reply, extension], reply, extension)
