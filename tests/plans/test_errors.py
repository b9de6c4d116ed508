"""Bad plans: cycles, unknown references, bad phrases — each a named error with a clear message."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from zwgk.errors import (
    DataFileError,
    InvalidRecordsError,
    MissingFileError,
    PlanCycleError,
    PlanReferenceError,
    PlanRuleError,
    UnknownNameError,
)
from zwgk.plans import FixedDue, Plan, Task, parse_every, parse_within
from zwgk.plans.io import load_plan, plan_from_dict

D = dt.date(2025, 3, 3)


def _plan(*tasks: dict[str, Any], **extra: Any) -> Plan:
    return plan_from_dict({"name": "t", "tasks": list(tasks), **extra})


def test_a_cycle_is_named_with_its_tasks() -> None:
    with pytest.raises(PlanCycleError) as info:
        _plan(
            {"id": "a", "title": "A", "after": "c", "within": "5个工作日"},
            {"id": "b", "title": "B", "after": "a", "within": "5个工作日"},
            {"id": "c", "title": "C", "after": "b", "within": "5个工作日"},
        )
    assert info.value.cycle == ("a", "c", "b", "a")
    assert "a → c → b → a" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_a_dependency_on_itself_is_a_cycle() -> None:
    with pytest.raises(PlanCycleError, match="x → x"):
        _plan({"id": "x", "title": "X", "due": "2025-03-03", "after": "x"})


def test_unknown_after_names_the_known_tasks() -> None:
    with pytest.raises(PlanReferenceError) as info:
        _plan(
            {"id": "a", "title": "A", "due": "2025-03-03"},
            {"id": "b", "title": "B", "after": "z", "within": "1日"},
        )
    assert (info.value.task, info.value.field, info.value.name, info.value.known) == (
        "b",
        "after",
        "z",
        ("a", "b"),
    )
    assert isinstance(info.value, LookupError)
    assert "known: a, b" in str(info.value)


def test_unknown_phase() -> None:
    with pytest.raises(PlanReferenceError, match="names no phase"):
        _plan({"id": "a", "title": "A", "due": "2025-03-03", "phase": "p"})


def test_within_a_recurring_task_is_refused_with_the_reason() -> None:
    with pytest.raises(PlanReferenceError, match="no single completion day"):
        _plan(
            {"id": "m", "title": "M", "every": "每月", "start": "2025-01-01"},
            {"id": "b", "title": "B", "after": "m", "within": "5个工作日"},
        )


@pytest.mark.parametrize("phrase", ["每两周", "有时", "每月10日前;每季度", "其中每月", "10个工作日"])
def test_bad_every_phrases(phrase: str) -> None:
    with pytest.raises(PlanRuleError) as info:
        parse_every(phrase, D, plan="t", task="x")
    assert info.value.field == "every"
    assert "每季度" in info.value.expected


@pytest.mark.parametrize("phrase", ["每季度", "及时", "2025年3月3日", "10个工作日;5日"])
def test_bad_within_phrases(phrase: str) -> None:
    with pytest.raises(PlanRuleError, match="within"):
        parse_within(phrase, plan="t", task="x")


def test_bad_phrase_in_a_file_names_plan_and_task() -> None:
    with pytest.raises(PlanRuleError, match="plan 't', task 'a': every"):
        _plan({"id": "a", "title": "A", "every": "偶尔", "start": "2025-01-01"})


def test_end_before_start() -> None:
    with pytest.raises(PlanRuleError, match="end"):
        parse_every("每月", D, dt.date(2025, 1, 1))


def test_a_task_without_due_rule_or_phase_end() -> None:
    with pytest.raises(PlanRuleError, match="a due rule"):
        _plan({"id": "a", "title": "A"})


def test_duplicate_ids() -> None:
    with pytest.raises(PlanRuleError, match="unique"):
        Plan("t", "T", (Task("a", "A", due=FixedDue(D)), Task("a", "B", due=FixedDue(D))))


def test_structural_problems_are_listed_together() -> None:
    with pytest.raises(InvalidRecordsError) as info:
        _plan(
            {"title": "no id", "due": "2025-13-01"},
            {"id": "b", "title": "B", "within": "5日"},
            {"id": "c", "title": "C", "every": "每月"},
            {"id": "d", "title": "D", "due": "2025-03-03", "every": "每月", "start": "2025-01-01"},
            {
                "id": "e",
                "title": "E",
                "due": "2025-03-03",
                "colour": "red",
                "done": {"2025-01": "2025-01-31"},
            },
            {"id": "f", "title": "F", "every": "每月", "start": "2025-01-01", "done": "2025-01-31"},
            {"id": "g", "title": "G", "due": "2025-03-03", "owners": 5},
            bogus=1,
        )
    messages = [p.message for p in info.value.problems]
    assert "missing" in messages
    assert "not a date" in messages
    assert "within without after" in messages
    assert "every without start" in messages
    assert "conflicting due rules" in messages
    assert messages.count("unknown key") == 2
    assert "per-occurrence done on a one-off task" in messages
    assert "a single done on a recurring task" in messages
    assert "not text or a list of text" in messages


def test_no_tasks_and_bad_tables() -> None:
    with pytest.raises(InvalidRecordsError, match="no tasks"):
        plan_from_dict({"name": "t"})
    with pytest.raises(InvalidRecordsError, match="not a list of tables"):
        plan_from_dict({"name": "t", "tasks": "x", "phases": 3, "roll_forward": "yes"})


def test_files(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        load_plan(tmp_path / "none.toml")
    (tmp_path / "p.csv").write_text("x", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown file type"):
        load_plan(tmp_path / "p.csv")
    (tmp_path / "p.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(InvalidRecordsError, match="not an object"):
        load_plan(tmp_path / "p.json")
    (tmp_path / "q.json").write_text(
        json.dumps({"tasks": [{"id": "a", "title": "A", "due": "2025-03-03"}]}), encoding="utf-8"
    )
    plan = load_plan(tmp_path / "q.json")
    assert plan.name == "q"
    with pytest.raises(UnknownNameError):
        plan.task("zz")
