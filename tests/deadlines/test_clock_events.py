"""How single events change the request clock (reasonable delay, the 2008 answer window)."""

from __future__ import annotations

import datetime as dt

import pytest

from zwgk.deadlines import ConsultationStarted, ReasonableDelaySet, reply_deadline
from zwgk.errors import ProvisionalCalendarWarning


def test_reasonable_delay_on_a_saturday_rolls_forward() -> None:
    # B7: 2026-12-26 is a Saturday (no 调休 then) → Monday 2026-12-28.
    with pytest.warns(ProvisionalCalendarWarning):  # the last week of 2026 is not settled yet
        dl = reply_deadline(
            dt.date(2026, 9, 28), [ReasonableDelaySet(dt.date(2026, 10, 20), dt.date(2026, 12, 26))]
        )
    assert dl.due == dt.date(2026, 12, 28)
    assert "rest day: rolls forward" in dl.steps[-1].effect


def test_2008_answer_window_is_cited_as_policy() -> None:
    # B5: the 2008 Regulations set no period for a third party's answer.
    dl = reply_deadline(dt.date(2010, 9, 28), [ConsultationStarted(dt.date(2010, 10, 11))])
    assert "policy ClockPolicy.consultation_answer_window" in dl.steps[-1].article
