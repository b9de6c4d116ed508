"""Golden plans: every due date and state worked by hand from the 2025/2026 holiday notices.

The answers live in ``golden/*.answers.toml`` with the day-by-day derivation in comments;
nothing here is computed by the code under test.
"""

from __future__ import annotations

import pytest

from zwgk.plans import plan_status
from zwgk.plans.io import load_plan

from .helpers import GOLDEN, answers, assert_due, row

CASES = ["office-2025", "office-2026"]


@pytest.mark.parametrize("name", CASES)
def test_every_row_matches_the_hand_worked_answer(name: str) -> None:
    expected = answers(name)
    status = plan_status(load_plan(GOLDEN / f"{name}.toml"), expected["as_of"])
    assert len(status.rows) == len(expected["rows"])
    for want in expected["rows"]:
        occurrence = want.get("occurrence")
        assert_due(status, want["id"], want["due"], want["state"], occurrence)
        got = row(status, want["id"], occurrence)
        if "late" in want:
            assert got.working_days_late == want["late"], (want["id"], occurrence)
        if "left" in want:
            assert got.working_days_left == want["left"], (want["id"], occurrence)
    assert list(status.critical_path) == expected["critical_path"]


@pytest.mark.parametrize("name", CASES)
def test_rows_come_in_plan_order(name: str) -> None:
    expected = answers(name)
    status = plan_status(load_plan(GOLDEN / f"{name}.toml"), expected["as_of"])
    assert [(r.id, r.occurrence) for r in status.rows] == [
        (w["id"], w.get("occurrence")) for w in expected["rows"]
    ]


def test_owner_and_phase_summaries() -> None:
    expected = answers("office-2025")
    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), expected["as_of"])
    owners = {s.key: [s.total, s.done, s.done_late, s.overdue, s.open] for s in status.by_owner}
    assert owners == expected["owners"]
    phases = {s.key: [s.total, s.done, s.done_late, s.overdue, s.open] for s in status.by_phase}
    assert phases == expected["phases"]
    assert status.critical_path_due == row(status, "publish").due


def test_a_relative_due_counts_from_the_completion_day_only_once_it_is_done() -> None:
    import datetime as dt

    plan = load_plan(GOLDEN / "office-2025.toml")
    # As of 2025-02-10 plan-doc's predecessor is done (1/26), so nothing changes; as of
    # 2025-01-25 kickoff is not yet done: 10 working days from its due Mon 1/27 (not
    # counted): 1/28–2/4 rest; 2/5 (1), 2/6 (2), 2/7 (3), Sat 2/8 (4), 2/10–2/14 (5–9), Mon 2/17 (10).
    assert_due(plan_status(plan, dt.date(2025, 1, 25)), "plan-doc", dt.date(2025, 2, 17), "open")
    assert_due(plan_status(plan, dt.date(2025, 2, 10)), "plan-doc", dt.date(2025, 2, 14), "open")


def test_completion_records_after_the_day_are_ignored() -> None:
    import datetime as dt

    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), dt.date(2025, 1, 27))
    # kickoff was done 1/26 ≤ 1/27; plan-doc's done (2/17) is in the future: open
    assert row(status, "kickoff").state.value == "done"
    assert row(status, "plan-doc").done is None
