"""Status, explanation, steps and provisional days of the request clock."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from tests.calendar.helpers import d

from zwgk.calendar import default_calendar
from zwgk.deadlines import (
    ClockPolicy,
    ClockState,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
    reply_deadline,
)
from zwgk.errors import CalendarCoverageError, ProvisionalCalendarWarning

RECEIVED = d("2026-09-28")  # due 2026-10-30 (golden case nd2026-plain)


def test_status_counts_remaining_working_days_to_the_due_day() -> None:
    dl = reply_deadline(RECEIVED)
    s = dl.status(d("2026-10-09"))
    assert (s.state, s.due, s.working_days_remaining, s.overdue) == (
        ClockState.RUNNING,
        d("2026-10-30"),
        16,
        False,
    )
    assert "16 working days left" in s.summary
    on_due = dl.status(d("2026-10-30"))
    assert on_due.working_days_remaining == 0
    assert not on_due.overdue
    # Sat 10/31 and Sun 11/1 are rest days: still not overdue by a working day.
    assert dl.status(d("2026-11-01")).working_days_remaining == 0
    late = dl.status(d("2026-11-03"))
    assert late.working_days_remaining == -2
    assert late.overdue
    assert "2 working days late" in late.summary
    assert late.working_days_late is None  # only a replied request has a lateness


def test_status_of_a_replied_request() -> None:
    dl = reply_deadline(RECEIVED, [Replied(d("2026-11-04"))])
    s = dl.status(d("2026-12-01"))
    assert s.state is ClockState.REPLIED
    assert s.working_days_late == 3
    assert s.overdue
    assert "3 working days late" in s.summary
    assert dl.on_time is False
    on_time = reply_deadline(RECEIVED, [Replied(d("2026-10-15"))])
    assert on_time.status(d("2026-10-15")).summary == "replied on time"
    assert on_time.on_time is True
    assert on_time.working_days_late == 0


def test_status_before_the_reply_ignores_the_reply() -> None:
    dl = reply_deadline(RECEIVED, [ExtensionGranted(d("2026-10-28"), 20), Replied(d("2026-11-27"))])
    assert dl.status(d("2026-10-20")).due == d("2026-10-30")  # the extension came later
    assert dl.status(d("2026-10-28")).due == d("2026-11-27")
    assert dl.status(d("2026-11-27")).state is ClockState.REPLIED


def test_status_of_an_open_request_ignores_later_events() -> None:
    dl = reply_deadline(RECEIVED, [ExtensionGranted(d("2026-10-28"), 20)])
    s = dl.status(d("2026-10-20"))
    # On 10/20 the extension of 10/28 was not yet granted: due 10/30; 10/21–23 (3), 10/26–30 (8).
    assert (s.due, s.working_days_remaining) == (d("2026-10-30"), 8)


def test_status_of_a_withdrawn_request() -> None:
    s = reply_deadline(RECEIVED, [Withdrawn(d("2026-10-12"))]).status(d("2026-10-20"))
    assert s.state is ClockState.WITHDRAWN
    assert s.working_days_remaining is None
    assert not s.overdue
    assert "withdrawn" in s.summary


def test_status_while_the_clock_is_stopped() -> None:
    waiting = reply_deadline(RECEIVED, [CorrectionRequested(d("2026-09-29"))])
    s = waiting.status(d("2026-10-12"))
    assert s.state is ClockState.AWAITING_CORRECTION
    assert s.due is None
    assert s.working_days_remaining is None
    assert "corrected request" in s.summary
    unpaid = reply_deadline(RECEIVED, [FeeNoticeIssued(d("2026-09-29"))])
    s = unpaid.status(d("2026-10-12"))
    assert s.state is ClockState.AWAITING_PAYMENT
    assert "payment" in s.summary


def test_status_of_an_open_consultation_does_not_mention_a_fee() -> None:
    dl = reply_deadline(
        RECEIVED, [ConsultationStarted(d("2026-10-09"))], policy=ClockPolicy(consultation_open_end="open")
    )
    assert dl.due is None
    assert "payment" not in dl.status(d("2026-10-12")).summary


def test_abandoned_after_an_unanswered_correction_notice() -> None:
    dl = reply_deadline(RECEIVED, [CorrectionRequested(d("2026-09-29"), until=d("2026-10-16"))])
    assert dl.abandon_after == d("2026-10-16")
    assert dl.status(d("2026-10-16")).state is ClockState.AWAITING_CORRECTION
    gone = dl.status(d("2026-10-17"))
    assert gone.state is ClockState.ABANDONED
    assert gone.summary == "abandoned: no corrected request received by 2026-10-16"
    assert gone.summary_in("zh") == "视为放弃申请：截至2026-10-16未收到补正的申请"


def test_a_corrected_request_after_the_period_given_is_still_accepted() -> None:
    dl = reply_deadline(
        RECEIVED,
        [CorrectionRequested(d("2026-09-29"), until=d("2026-10-16")), CorrectionReceived(d("2026-10-19"))],
    )
    # restart from Mon 10/19: 10/20–23 (4); 10/26–30 (9); 11/2–6 (14); 11/9–13 (19); 11/16 (20)
    assert dl.due == d("2026-11-16")
    assert dl.state is ClockState.RUNNING
    assert dl.abandon_after is None
    assert any("after the period given" in s.effect for s in dl.steps)


def test_a_second_correction_notice_is_a_violation() -> None:
    dl = reply_deadline(
        RECEIVED, [CorrectionRequested(d("2026-09-29")), CorrectionRequested(d("2026-09-30"))]
    )
    assert [v.kind.value for v in dl.violations] == ["repeated_correction_notice"]
    assert dl.state is ClockState.AWAITING_CORRECTION


def test_steps_cite_the_articles() -> None:
    dl = reply_deadline(
        RECEIVED,
        [
            CorrectionRequested(d("2026-09-29")),
            CorrectionReceived(d("2026-09-30")),
            ConsultationStarted(d("2026-10-09"), "其他机关"),
            ConsultationEnded(d("2026-10-12")),
            FeeNoticeIssued(d("2026-10-13")),
            FeePaid(d("2026-10-14")),
            ExtensionGranted(d("2026-10-15"), 5),
            ReasonableDelaySet(d("2026-10-16"), d("2026-12-18")),
            Replied(d("2026-12-18"), "予以公开"),
        ],
    )
    articles = [s.article for s in dl.steps]
    assert "第三十一条" in articles[0]
    assert "第三十三条第二款" in articles[0]
    text = "\n".join(articles)
    for cited in ("第三十条", "第三十三条第三款", "国办函〔2020〕109号", "第三十五条"):
        assert cited in text, cited
    assert dl.state is ClockState.REPLIED
    assert dl.working_days_late == 0
    assert dl.due == d("2026-12-18")
    explanation = dl.explain()
    assert explanation.count("\n") + 1 == len(dl.steps)
    assert "2026-12-18" in explanation


def test_explain_lists_violations() -> None:
    dl = reply_deadline(RECEIVED, [ExtensionGranted(d("2026-11-02"), 10), Replied(d("2026-11-04"))])
    text = dl.explain()
    assert "VIOLATION 2026-11-02  late extension" in text
    assert "VIOLATION 2026-11-04  late reply" in text
    assert "第三十三条第二款" in text


def test_the_2008_regime_steps_cite_the_2008_text() -> None:
    dl = reply_deadline(d("2018-09-25"))
    assert "（2008年）第二十四条第二款" in dl.steps[0].article
    assert dl.regime is not None
    assert dl.regime.instrument == "国务院令第492号"


def test_deadline_carries_the_calendar_data_version() -> None:
    dl = reply_deadline(RECEIVED)
    assert dl.data_version == default_calendar().coverage().data_version != ""


# ------------------------------------------------------------------ provisional days


def test_a_deadline_beyond_the_notices_warns_once_and_is_provisional() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dl = reply_deadline(d("2026-12-20"))
    provisional = [w for w in caught if issubclass(w.category, ProvisionalCalendarWarning)]
    assert len(provisional) == 1, [str(w.message) for w in caught]
    assert len(caught) == 1
    assert "2026-12-31" in str(provisional[0].message)
    assert dl.provisional is True
    assert dl.due is not None
    assert dl.due > d("2026-12-31")
    assert "provisional" in dl.explain()


def test_a_deadline_inside_the_notices_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dl = reply_deadline(d("2026-11-20"))
    # 11/23–27 (5); 11/30 (6); 12/1–4 (10); 12/7–11 (15); 12/14–18 (20)
    assert dl.due == d("2026-12-18")
    assert dl.provisional is False


def test_an_extension_into_the_next_year_is_provisional() -> None:
    with pytest.warns(ProvisionalCalendarWarning):
        dl = reply_deadline(d("2026-11-20"), [ExtensionGranted(d("2026-12-01"), 20)])
    assert dl.provisional is True


def test_status_out_of_range_names_on() -> None:
    with pytest.raises(CalendarCoverageError, match=r"^on 2051-01-01 is outside the calendar"):
        reply_deadline(dt.date(2026, 9, 28)).status(dt.date(2051, 1, 1))


def test_fee_paid_after_the_window_leaves_the_request_abandoned() -> None:
    # B7: notice 10/9; window 20 wd: 10/10 Sat (1), 10/12–16 (6), 10/19–23 (11), 10/26–30 (16), 11/2–5 (20).
    dl = reply_deadline(
        dt.date(2026, 9, 28), [FeeNoticeIssued(dt.date(2026, 10, 9)), FeePaid(dt.date(2026, 12, 10))]
    )
    assert dl.abandon_after == dt.date(2026, 11, 5)
    assert dl.state is ClockState.ABANDONED
    assert dl.due is None
    assert dl.status(dt.date(2026, 12, 15)).summary.startswith(
        "abandoned: the fee was not paid by 2026-11-05"
    )


def test_reply_without_a_due_date_is_not_called_on_time() -> None:
    # B3: the clock was stopped awaiting a correction when the reply came.
    dl = reply_deadline(
        dt.date(2026, 9, 28), [CorrectionRequested(dt.date(2026, 9, 30)), Replied(dt.date(2026, 12, 12))]
    )
    status = dl.status(dt.date(2026, 12, 15))
    assert "on time" not in status.summary
    assert "no due date" in status.summary


def test_deadlines_are_values() -> None:
    events = [ConsultationStarted(d("2026-10-09")), ConsultationEnded(d("2026-10-20"))]
    a, b = reply_deadline(RECEIVED, events), reply_deadline(RECEIVED, list(events))
    assert a == b
    assert hash(a) == hash(b)
    assert a.steps == b.steps
    assert a.status(d("2026-10-12")) == b.status(d("2026-10-12"))
