"""The hand-worked golden cases of ``golden/clock_cases.toml`` (issue 3 §8).

Every expectation in the TOML file was worked by hand from the golden day lists and the
articles (see ``golden/CLOCK_CASES.md``); this module only reads the file and compares.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest

import zwgk.errors
from zwgk.calendar import default_calendar
from zwgk.deadlines import (
    BodyLevel,
    ClockPolicy,
    ClockState,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Deadline,
    DeadlineKind,
    Event,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
    annual_report_due,
    fee_payment_deadline,
    litigation_after_review_deadline,
    litigation_deadline,
    proactive_deadline,
    receipt_date,
    reply_deadline,
    review_deadline,
)

CASES_FILE = Path(__file__).resolve().parent / "golden" / "clock_cases.toml"
CASES: dict[str, list[dict[str, Any]]] = tomllib.loads(CASES_FILE.read_text(encoding="utf-8"))

# Cases where the code disagrees with the hand-worked answer (re-checked twice); reported to the lead.
# Cases whose expectation the code does not meet yet (id -> reason); each becomes a strict xfail.
KNOWN_BUGS: dict[str, str] = {}


def make_event(raw: dict[str, Any]) -> Event:
    """One event from its TOML inline table."""
    kind, on = raw["kind"], raw["on"]
    if kind == "correction_requested":
        return CorrectionRequested(on, raw.get("until"))
    if kind == "correction_received":
        return CorrectionReceived(on)
    if kind == "consultation_started":
        return ConsultationStarted(on, raw.get("party", "third_party"))
    if kind == "consultation_ended":
        return ConsultationEnded(on)
    if kind == "fee_notice":
        return FeeNoticeIssued(on)
    if kind == "fee_paid":
        return FeePaid(on)
    if kind == "extension":
        return ExtensionGranted(on, raw["working_days"])
    if kind == "reasonable_delay":
        return ReasonableDelaySet(on, raw["until"])
    if kind == "replied":
        return Replied(on, raw.get("outcome"))
    if kind == "withdrawn":
        return Withdrawn(on)
    raise AssertionError(f"unknown event kind {kind!r} in {CASES_FILE.name}")


def _params(section: str) -> list[Any]:
    out = []
    for case in CASES[section]:
        marks = []
        if case["id"] in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[case["id"]]))
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


def _expected_due(case: dict[str, Any]) -> dt.date | None:
    due = case["due"]
    return None if due == "none" else due


def test_golden_file_has_at_least_60_hand_worked_cases() -> None:
    total = sum(len(CASES[s]) for s in ("reply", "reply_error", "statutory"))
    assert total >= 60
    for section in ("reply", "reply_error", "statutory"):
        for case in CASES[section]:
            assert case["derivation"].strip(), f"{case['id']} has no hand derivation"
    ids = [c["id"] for s in CASES.values() for c in s]
    assert len(ids) == len(set(ids)), "duplicate case ids"


def _run(case: dict[str, Any]) -> Deadline:
    received = case["received"]
    if "channel" in case:
        facts = dict(case["channel"])
        channel = facts.pop("channel")
        assert receipt_date(channel, **facts).date == received
    events = [make_event(e) for e in case.get("events", [])]
    policy = ClockPolicy(**case["policy"]) if "policy" in case else None
    return reply_deadline(received, events, regime=case.get("regime"), policy=policy)


@pytest.mark.parametrize("case", _params("reply"))
def test_reply_case(case: dict[str, Any]) -> None:
    deadline = _run(case)
    why = case["derivation"]
    assert deadline.kind is DeadlineKind.REPLY
    assert deadline.due == _expected_due(case), why
    assert deadline.paused_working_days == case.get("paused", 0), why
    assert deadline.extension_working_days == case.get("extension", 0), why
    assert sorted(v.kind.value for v in deadline.violations) == sorted(case.get("violations", [])), why
    assert deadline.state is ClockState(case["state"]), why
    assert deadline.provisional is False
    if "expect_regime" in case:
        assert deadline.regime is not None
        assert deadline.regime.id == case["expect_regime"]
    if "late" in case:
        assert deadline.working_days_late == case["late"], why
        assert deadline.on_time is (case["late"] == 0)
    elif deadline.state is not ClockState.REPLIED:
        assert deadline.working_days_late is None
    if "abandon_after" in case:
        assert deadline.abandon_after == case["abandon_after"], why
    for expected in case.get("status", []):
        status = deadline.status(expected["on"])
        assert status.state is ClockState(expected["state"]), (expected, status)
        if "remaining" in expected:
            assert status.working_days_remaining == expected["remaining"], (expected, status)
            assert status.overdue is (expected["remaining"] < 0)
    # Every violation and every step cites an article of a named instrument.
    for item in (*deadline.steps, *deadline.violations):
        assert "《" in item.article, item
        assert "》" in item.article, item
    assert deadline.steps[0].on == case["received"]
    assert [s.on for s in deadline.steps] == sorted(s.on for s in deadline.steps)


@pytest.mark.parametrize("case", _params("reply_error"))
def test_reply_error_case(case: dict[str, Any]) -> None:
    error = getattr(zwgk.errors, case["error"])
    with pytest.raises(error, match=case["message"]):
        reply_deadline(case["received"])


@pytest.mark.parametrize("case", _params("statutory"))
def test_statutory_case(case: dict[str, Any]) -> None:
    function, why = case["function"], case["derivation"]
    if function == "fee_payment":
        assert fee_payment_deadline(case["start"]) == case["due"], why
        return
    deadline: Deadline
    if function == "proactive":
        deadline = proactive_deadline(case["start"])
    elif function == "annual_report":
        deadline = annual_report_due(case["year"], BodyLevel(case["body_level"]))
    elif function == "review":
        deadline = review_deadline(case["start"])
    elif function == "litigation":
        deadline = litigation_deadline(case["start"])
    elif function == "litigation_after_review":
        deadline = litigation_after_review_deadline(case["start"])
    else:
        raise AssertionError(f"unknown function {function!r}")
    assert deadline.due == case["due"], why
    assert deadline.provisional is False
    assert deadline.steps
    assert deadline.steps[-1].due == case["due"]
    if "expect_regime" in case:
        assert deadline.regime is not None
        assert deadline.regime.id == case["expect_regime"]
    for step in deadline.steps:
        assert "《" in step.article, step


def test_calendar_used_by_the_cases_is_the_bundled_one() -> None:
    # The hand work used the notices through 2026; the cases must stay inside them.
    last = default_calendar().last_covered
    dates = [
        c.get("due") for s in ("reply", "statutory") for c in CASES[s] if isinstance(c.get("due"), dt.date)
    ]
    assert max(dates) <= last
