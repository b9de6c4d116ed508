"""Regression tests for the findings of the issue 2–3 review (each cites its finding)."""

from __future__ import annotations

import datetime as dt

import pytest

from zwgk._cli import main
from zwgk.deadlines import (
    ClockState,
    ConsultationStarted,
    CorrectionRequested,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    default_calendar,
    proactive_deadline,
    reply_deadline,
)
from zwgk.errors import CalendarCoverageError, InvalidInputError, ProvisionalCalendarWarning

d = dt.date
CAL = default_calendar()


def test_cli_prints_provisional_notes_not_python_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    # B4: zwgk deadline with a provisional result.
    assert main(["deadline", "--received", "2026-12-10"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("zwgk: provisional: ")
    assert "ProvisionalCalendarWarning" not in err
    assert ".py:" not in err


def test_cli_missing_file_is_a_clean_error(capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    assert main(["workdays", "add", "2026-09-28", "20", "--notices", "/no/such/notice.toml"]) == 2
    assert capsys.readouterr().err.startswith("zwgk: error: ")


def test_cli_accepts_received_with_a_channel(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 3 §9 syntax: arrived 9/28, signed for 9/29 → received 9/29 (第三十一条第（二）项).
    assert main(["deadline", "--received", "2026-09-28", "--channel", "post", "--signed", "2026-09-29"]) == 0
    out = capsys.readouterr().out
    assert "Request received 2026-09-29" in out
    assert "arrived 2026-09-28" in out


def test_cli_event_range_end_before_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--received", "2026-09-28", "--event", "consult:2026-10-20..2026-10-09"]) == 2
    assert "end on or after the start (2026-10-20)" in capsys.readouterr().err


def test_error_names_formed_on_and_shows_iso_dates() -> None:
    # B6
    with pytest.raises(InvalidInputError, match=r"^formed_on: got 2008-04-30; expected a date on or after"):
        proactive_deadline(d(2008, 4, 30))


def test_huge_n_names_the_start_and_the_edge() -> None:
    with pytest.raises(
        CalendarCoverageError, match=r"\+1000000000 working days from 2026-01-01 go beyond 2050-12-31"
    ):
        CAL.add_working_days(d(2026, 1, 1), 10**9)


def test_holidays_of_an_absurd_year_names_the_year() -> None:
    with pytest.raises(CalendarCoverageError, match="year 1000000 is outside the calendar"):
        CAL.holidays(10**6)


def test_status_out_of_range_names_on() -> None:
    with pytest.raises(CalendarCoverageError, match=r"^on 2051-01-01 is outside the calendar"):
        reply_deadline(d(2026, 9, 28)).status(d(2051, 1, 1))


def test_vector_shape_mismatch_is_a_zwgk_error() -> None:
    np = pytest.importorskip("numpy")
    starts = np.array(["2026-09-28", "2026-09-29"], dtype="datetime64[D]")
    with pytest.raises(InvalidInputError, match="one integer or one per date"):
        CAL.add_working_days_array(starts, np.array([1, 2, 3]))
    with pytest.raises(InvalidInputError, match="one date or one per start date"):
        CAL.working_days_between_array(starts, np.array(["2026-10-01"] * 3, dtype="datetime64[D]"))


def test_reasonable_delay_on_a_saturday_rolls_forward() -> None:
    # B7: 2026-12-26 is a Saturday (no 调休 then) → Monday 2026-12-28.
    with pytest.warns(ProvisionalCalendarWarning):  # the last week of 2026 is not settled yet
        dl = reply_deadline(d(2026, 9, 28), [ReasonableDelaySet(d(2026, 10, 20), d(2026, 12, 26))])
    assert dl.due == d(2026, 12, 28)
    assert "rest day: rolls forward" in dl.steps[-1].effect


def test_fee_paid_after_the_window_leaves_the_request_abandoned() -> None:
    # B7: notice 10/9; window 20 wd: 10/10 Sat (1), 10/12–16 (6), 10/19–23 (11), 10/26–30 (16), 11/2–5 (20).
    dl = reply_deadline(d(2026, 9, 28), [FeeNoticeIssued(d(2026, 10, 9)), FeePaid(d(2026, 12, 10))])
    assert dl.abandon_after == d(2026, 11, 5)
    assert dl.state is ClockState.ABANDONED
    assert dl.due is None
    assert dl.status(d(2026, 12, 15)).summary.startswith("abandoned: the fee was not paid by 2026-11-05")


def test_reply_without_a_due_date_is_not_called_on_time() -> None:
    # B3: the clock was stopped awaiting a correction when the reply came.
    dl = reply_deadline(d(2026, 9, 28), [CorrectionRequested(d(2026, 9, 30)), Replied(d(2026, 12, 12))])
    status = dl.status(d(2026, 12, 15))
    assert "on time" not in status.summary
    assert "no due date" in status.summary


def test_2008_answer_window_is_cited_as_policy() -> None:
    # B5: the 2008 Regulations set no period for a third party's answer.
    dl = reply_deadline(d(2010, 9, 28), [ConsultationStarted(d(2010, 10, 11))])
    assert "policy ClockPolicy.consultation_answer_window" in dl.steps[-1].article
