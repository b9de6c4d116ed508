"""Reading evidence: one error listing every problem; floats rejected; Chinese words accepted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.scoring.helpers import case_evidence, field, golden, item, synthetic

from zwgk.errors import EvidenceError, InvalidTypeError
from zwgk.scoring import load_card, score

CARD = synthetic(
    [
        {
            "id": "s",
            "title": "测试",
            "items": [
                item(
                    "1",
                    5,
                    [{"kind": "check", "when": "not ok", "points": -5, "reason": "扣5分"}],
                    [field("ok")],
                ),
                item(
                    "2",
                    5,
                    [{"kind": "per_occurrence", "field": "n", "points": -1, "reason": "每次扣1分"}],
                    [field("n", "count")],
                ),
                item(
                    "3",
                    5,
                    [
                        {
                            "kind": "discretionary",
                            "field": "d",
                            "range": [1, 5],
                            "direction": "deduct",
                            "reason": "酌情扣分",
                        }
                    ],
                    [field("d", "amount")],
                ),
                item(
                    "4",
                    5,
                    [
                        {
                            "kind": "tiers",
                            "field": "t",
                            "tiers": [
                                {"key": "a", "label": "甲", "points": 5},
                                {"key": "b", "label": "乙", "points": 0},
                            ],
                        }
                    ],
                    [
                        field(
                            "t", "choice", options=[{"key": "a", "label": "甲"}, {"key": "b", "label": "乙"}]
                        )
                    ],
                ),
            ],
        }
    ],
    evidence=[field("day", "date")],
)
GOOD = {"ok": True, "n": 0, "d": 0, "t": "a", "day": "2026-03-31"}


def test_good_evidence_scores() -> None:
    assert score(CARD, GOOD).total == 20


def test_missing_evidence_lists_every_item_and_what_it_needs() -> None:
    with pytest.raises(EvidenceError) as info:
        score(CARD, {})
    problems = info.value.problems
    assert [(p.location, p.field) for p in problems] == [
        ("card", "day"),
        ("item 1", "ok"),
        ("item 2", "n"),
        ("item 3", "d"),
        ("item 4", "t"),
    ]
    assert all(p.message == "missing evidence" for p in problems)
    assert "测试证据t" in str(problems[-1].expected)
    assert "'a' (甲)" in str(problems[-1].expected)
    assert isinstance(info.value, ValueError)
    assert "5 problems" in str(info.value)


def test_none_counts_as_missing() -> None:
    with pytest.raises(EvidenceError) as info:
        score(CARD, {**GOOD, "ok": None})
    assert [p.field for p in info.value.problems] == ["ok"]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("ok", "maybe"),
        ("ok", 1),
        ("n", -1),
        ("n", "2.5"),
        ("n", True),
        ("n", 1.0),
        ("d", 2.5),  # binary floats are rejected
        ("d", "abc"),
        ("d", Decimal("NaN")),
        ("t", "丙"),
        ("t", 1),
        ("day", "2026-02-30"),
        ("day", dt.datetime(2026, 1, 1, 8, 0)),
        ("day", 20260101),
    ],
)
def test_ill_typed_evidence(key: str, value: object) -> None:
    with pytest.raises(EvidenceError) as info:
        score(CARD, {**GOOD, key: value})
    (problem,) = info.value.problems
    assert (problem.field, problem.message) == (key, "evidence of the wrong type")
    assert problem.value is value or problem.value == value


def test_float_error_says_how_to_write_the_number() -> None:
    with pytest.raises(EvidenceError) as info:
        score(CARD, {**GOOD, "d": 2.5})
    assert "binary floats are rejected" in str(info.value)
    assert "Decimal" in str(info.value)


def test_every_problem_in_one_error() -> None:
    with pytest.raises(EvidenceError) as info:
        score(CARD, {"ok": "maybe", "n": -1, "typo": 1})
    fields = sorted(str(p.field) for p in info.value.problems)
    assert fields == ["d", "day", "n", "ok", "t", "typo"]


def test_unknown_and_derived_keys_are_rejected() -> None:
    card = load_card("kaifu-2013-streets")
    data = golden("kaifu-2013-streets")
    evidence = case_evidence(data, data["cases"][0])
    with pytest.raises(EvidenceError) as info:
        score(card, {**evidence, "longest_update_gap": 3, "unknown_key": True})
    messages = {p.field: p.message for p in info.value.problems}
    assert messages == {
        "longest_update_gap": "derived evidence is computed, not given",
        "unknown_key": "unknown evidence key",
    }


@pytest.mark.parametrize(
    ("word", "expected"), [("是", 20), ("有", 20), ("yes", 20), ("否", 15), ("无", 15), ("FALSE", 15)]
)
def test_chinese_boolean_words(word: str, expected: int) -> None:
    assert score(CARD, {**GOOD, "ok": word}).total == expected


def test_numbers_as_text_and_decimals() -> None:
    result = score(CARD, {**GOOD, "n": "2", "d": "1.5"})
    assert result.total == Decimal("16.5")
    assert score(CARD, {**GOOD, "n": Decimal(2), "d": Decimal("1.5")}).total == Decimal("16.5")


def test_choice_by_chinese_label() -> None:
    assert score(CARD, {**GOOD, "t": "乙"}).total == 15


def test_evidence_must_be_a_mapping() -> None:
    with pytest.raises(InvalidTypeError):
        score(CARD, [("ok", True)])  # type: ignore[arg-type]


def test_lenient_scores_missing_evidence_as_zero_and_says_so() -> None:
    result = score(CARD, {"ok": True, "d": 0, "day": "2026-01-05"}, lenient=True)
    assert result.total == 10
    assert result.missing == ("n", "t")
    two = result.item("2")
    assert (two.points, two.missing) == (0, ("n",))
    assert two.adjustments[0].kind == "missing"
    assert "缺少证据" in two.adjustments[0].reason_in("zh")


def test_lenient_still_rejects_ill_typed_evidence() -> None:
    with pytest.raises(EvidenceError):
        score(CARD, {"ok": "maybe"}, lenient=True)


def test_lenient_derived_evidence_with_missing_inputs() -> None:
    card = load_card("kaifu-2013-departments")
    data = golden("kaifu-2013-departments")
    evidence = case_evidence(data, data["cases"][0])
    del evidence["update_dates"]
    result = score(card, evidence, lenient=True)
    assert result.item("6").points == 0
    assert set(result.item("6").missing) == {"update_dates", "longest_update_gap"}
    assert result.total == 80


def test_derived_input_outside_the_period_is_an_evidence_error() -> None:
    card = load_card("kaifu-2013-departments")
    data = golden("kaifu-2013-departments")
    evidence = {**case_evidence(data, data["cases"][0]), "update_dates": ["2025-12-31", "2026-02-02"]}
    with pytest.raises(EvidenceError) as info:
        score(card, evidence)
    assert "2025-12-31" in str(info.value)
    assert "2026-01-01..2026-03-31" in str(info.value)


_CONDITIONAL = synthetic(
    [
        {
            "id": "s",
            "title": "测试",
            "items": [
                item(
                    "1",
                    5,
                    [{"kind": "per_missing", "field": "parts", "points": -1, "reason": "每缺一项扣1分"}],
                    [field("parts", "elements", options=[{"key": "a", "label": "甲"}])],
                    applies_if="has_window",
                ),
            ],
        }
    ],
    evidence=[field("has_window")],
)


def test_item_whose_applicability_evidence_is_missing_is_taken_as_applying() -> None:
    # Found by the synthetic-card properties: this used to end in a bare KeyError.
    result = score(_CONDITIONAL, {}, lenient=True)
    assert result.item("1").applicable
    assert result.item("1").missing == ("parts",)
    assert result.missing == ("has_window", "parts")
    with pytest.raises(EvidenceError) as info:
        score(_CONDITIONAL, {})
    assert sorted(str(p.field) for p in info.value.problems) == ["has_window", "parts"]
    assert not score(_CONDITIONAL, {"has_window": False}).item("1").applicable  # not needed then
