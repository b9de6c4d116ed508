"""Every rule kind on small synthetic cards (logic on tiny data; the real cards are in test_golden)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.scoring.helpers import assert_audit_trail_adds_up, field, item, synthetic

from zwgk.errors import EvidenceError
from zwgk.scoring import score


def _one(
    rules: list[dict[str, object]],
    evidence: list[dict[str, object]],
    maximum: int | str | None = 10,
    **extra: object,
) -> object:
    return synthetic([{"id": "s", "title": "测试", "items": [item("1", maximum, rules, evidence, **extra)]}])


def test_all_or_nothing() -> None:
    card = _one([{"kind": "all_or_nothing", "when": "done", "reason": "未完成不得分"}], [field("done")])
    assert score(card, {"done": True}).total == 10
    result = score(card, {"done": False})
    assert result.total == 0
    assert result.item("1").adjustments[-1].reason == "未完成不得分"
    assert result.item("1").adjustments[-1].evidence == (("done", False),)


def test_zero_if_overrides_awards_and_deductions() -> None:
    card = _one(
        [
            {"kind": "check", "when": "bad", "points": -3, "reason": "扣3分"},
            {"kind": "zero_if", "when": "fatal", "reason": "不得分"},
        ],
        [field("bad"), field("fatal")],
    )
    assert score(card, {"bad": True, "fatal": False}).total == 7
    result = score(card, {"bad": True, "fatal": True})
    assert result.total == 0
    assert [a.kind for a in result.item("1").adjustments] == ["start", "check", "zero"]
    assert_audit_trail_adds_up(result)


def test_named_checks_deduct_and_award() -> None:
    card = _one(
        [
            {"kind": "check", "when": "a", "points": 1, "reason": "得1分"},
            {"kind": "check", "when": "b", "points": 2, "reason": "得2分"},
            {"kind": "check", "when": "not c", "points": "-0.5", "reason": "扣0.5分"},
        ],
        [field("a"), field("b"), field("c")],
        start=0,
    )
    assert score(card, {"a": True, "b": True, "c": True}).total == 3
    assert score(card, {"a": True, "b": False, "c": False}).total == Decimal("0.5")
    assert score(card, {"a": False, "b": False, "c": False}).total == 0  # floored


def test_check_with_or_condition_deducts_once() -> None:
    card = _one(
        [{"kind": "check", "when": "x or y", "points": -5, "reason": "扣5分"}], [field("x"), field("y")]
    )
    assert score(card, {"x": True, "y": True}).total == 5
    assert score(card, {"x": False, "y": True}).total == 5
    assert score(card, {"x": False, "y": False}).total == 10


def test_comparison_conditions() -> None:
    card = _one(
        [
            {"kind": "check", "when": "n > 2", "points": -1, "reason": "多于2"},
            {"kind": "check", "when": "n >= 2", "points": -1, "reason": "不少于2"},
            {"kind": "check", "when": "n == 0", "points": -4, "reason": "为0"},
            {"kind": "check", "when": "n != 1", "points": 0, "reason": "不为1"},
            {"kind": "check", "when": "n < 1", "points": 0, "reason": "少于1"},
            {"kind": "check", "when": "n <= 1", "points": 0, "reason": "不多于1"},
        ],
        [field("n", "count")],
    )
    assert score(card, {"n": 0}).total == 6
    assert score(card, {"n": 1}).total == 10
    assert score(card, {"n": 2}).total == 9
    assert score(card, {"n": 3}).total == 8


ELEMENTS = field(
    "parts",
    "elements",
    options=[{"key": k, "label": label} for k, label in [("a", "甲"), ("b", "乙"), ("c", "丙")]],
)


@pytest.mark.parametrize(
    ("present", "none_zero", "expected"),
    [
        (["a", "b", "c"], True, "5"),
        (["a", "b"], True, "4"),
        (["甲"], True, "3"),  # Chinese labels accepted
        ([], True, "0"),  # 没有的不得分
        ([], False, "2"),  # only 缺一项扣1分
    ],
)
def test_per_missing(present: list[str], none_zero: bool, expected: str) -> None:
    rule = {
        "kind": "per_missing",
        "field": "parts",
        "points": -1,
        "reason": "缺一项扣1分",
        "none_zero": none_zero,
    }
    card = _one([rule], [ELEMENTS], maximum=5)
    assert score(card, {"parts": present}).total == Decimal(expected)


def test_per_missing_names_the_missing_elements() -> None:
    card = _one(
        [{"kind": "per_missing", "field": "parts", "points": -1, "reason": "缺项"}], [ELEMENTS], maximum=5
    )
    adjustment = score(card, {"parts": ["b"]}).item("1").adjustments[-1]
    assert adjustment.reason_in("zh") == "缺项（缺：甲、丙）"
    assert adjustment.points == -2


def test_per_occurrence_deduction_and_cap() -> None:
    card = _one(
        [{"kind": "per_occurrence", "field": "n", "points": -5, "reason": "每次扣5分", "cap": 10}],
        [field("n", "count")],
        maximum=40,
    )
    assert score(card, {"n": 0}).total == 40
    assert score(card, {"n": 1}).total == 35
    assert score(card, {"n": 2}).total == 30
    assert score(card, {"n": 7}).total == 30  # the rule's own cap
    assert "累计以10分为限" in score(card, {"n": 7}).item("1").adjustments[-1].reason_in("zh")


def test_per_occurrence_bonus_capped_by_item_maximum() -> None:
    card = _one(
        [{"kind": "per_occurrence", "field": "n", "points": 3, "reason": "每件奖3分"}],
        [field("n", "count")],
        maximum=8,
        start=0,
    )
    assert score(card, {"n": 2}).total == 6
    result = score(card, {"n": 5})
    assert result.total == 8
    assert result.item("1").adjustments[-1].kind == "ceiling"


def test_discretionary_single_amount() -> None:
    card = _one(
        [
            {
                "kind": "discretionary",
                "field": "d",
                "range": [5, 10],
                "direction": "deduct",
                "reason": "视情节扣分",
            }
        ],
        [field("d", "amount")],
    )
    assert score(card, {"d": 0}).total == 10
    assert score(card, {"d": "7.5"}).total == Decimal("2.5")
    assert score(card, {"d": Decimal(10)}).total == 0
    with pytest.raises(EvidenceError) as info:
        score(card, {"d": 4})
    assert info.value.problems[0].field == "d"
    assert info.value.problems[0].expected == "0 or 5..10"


def test_discretionary_per_case_award() -> None:
    card = _one(
        [
            {
                "kind": "discretionary",
                "field": "d",
                "range": [3, 5],
                "direction": "award",
                "reason": "每项加3-5分",
            }
        ],
        [field("d", "amounts")],
        maximum=20,
        start=0,
    )
    assert score(card, {"d": []}).total == 0
    assert score(card, {"d": ["3", 4, Decimal("4.5")]}).total == Decimal("11.5")
    with pytest.raises(EvidenceError) as info:
        score(card, {"d": [3, 0, 6]})
    assert [p.value for p in info.value.problems] == [Decimal(0), Decimal(6)]


TIERS_FIELD = field(
    "level",
    "choice",
    options=[{"key": "good", "label": "好"}, {"key": "fair", "label": "中"}, {"key": "poor", "label": "差"}],
)
TIERS_RULE = {
    "kind": "tiers",
    "field": "level",
    "tiers": [
        {"key": "good", "label": "好", "points": 5},
        {"key": "fair", "label": "中", "points": 3},
        {"key": "poor", "label": "差", "points": 0},
    ],
}


@pytest.mark.parametrize(("choice", "expected"), [("good", 5), ("fair", 3), ("poor", 0), ("中", 3)])
def test_tiers(choice: str, expected: int) -> None:
    card = _one([TIERS_RULE], [TIERS_FIELD], maximum=5)
    result = score(card, {"level": choice})
    assert result.total == expected
    assert_audit_trail_adds_up(result)


def test_tiers_then_deduction() -> None:
    card = _one(
        [TIERS_RULE, {"kind": "check", "when": "complaint", "points": -5, "reason": "有投诉扣5分"}],
        [TIERS_FIELD, field("complaint")],
        maximum=5,
    )
    assert score(card, {"level": "fair", "complaint": False}).total == 3
    assert score(card, {"level": "fair", "complaint": True}).total == 0


def test_group_has_its_own_floor() -> None:
    card = _one(
        [
            {
                "kind": "group",
                "label": "渠道",
                "start": 5,
                "maximum": 5,
                "rules": [
                    {"kind": "check", "when": "a", "points": -3, "reason": "扣3分"},
                    {"kind": "check", "when": "b", "points": -5, "reason": "扣5分"},
                ],
            },
            {"kind": "check", "when": "c", "points": 5, "reason": "得5分"},
        ],
        [field("a"), field("b"), field("c")],
        start=0,
    )
    # the group's −8 stops at 0 and does not eat into the other part's 5
    result = score(card, {"a": True, "b": True, "c": True})
    assert result.total == 5
    assert_audit_trail_adds_up(result)
    assert any(a.reason_in("zh").startswith("【渠道】") for a in result.item("1").adjustments)
    assert score(card, {"a": True, "b": False, "c": True}).total == 7


def test_only_if_guards_a_rule() -> None:
    card = _one(
        [
            {"kind": "per_occurrence", "field": "n", "points": 3, "reason": "单人窗口", "only_if": "single"},
            {
                "kind": "per_occurrence",
                "field": "n",
                "points": "1.5",
                "reason": "多人窗口",
                "only_if": "not single",
            },
        ],
        [field("n", "count"), field("single")],
        start=0,
    )
    assert score(card, {"n": 2, "single": True}).total == 6
    assert score(card, {"n": 2, "single": False}).total == 3


def test_floor_at_zero_recorded() -> None:
    card = _one(
        [{"kind": "per_occurrence", "field": "n", "points": -4, "reason": "扣4分"}], [field("n", "count")]
    )
    result = score(card, {"n": 3})
    assert result.total == 0
    assert result.item("1").adjustments[-1].kind == "floor"
    assert result.item("1").adjustments[-1].points == 2


def test_section_cap() -> None:
    card = synthetic(
        [
            {
                "id": "s",
                "title": "创新",
                "cap": 6,
                "items": [
                    item(
                        "1",
                        5,
                        [{"kind": "check", "when": "a", "points": 5, "reason": "得5分"}],
                        [field("a")],
                        start=0,
                    ),
                    item(
                        "2",
                        5,
                        [{"kind": "check", "when": "b", "points": 5, "reason": "得5分"}],
                        [field("b")],
                        start=0,
                    ),
                ],
            }
        ],
        maximum=10,
    )
    result = score(card, {"a": True, "b": True})
    assert result.total == 6
    assert result.sections[0].capped == 4
    assert score(card, {"a": True, "b": False}).total == 5


def _bonus_card(**extra: object) -> object:
    return synthetic(
        [
            {
                "id": "base",
                "title": "基础",
                "items": [
                    item(
                        "1",
                        100,
                        [{"kind": "per_occurrence", "field": "faults", "points": -1, "reason": "每处扣1分"}],
                        [field("faults", "count")],
                    )
                ],
            },
            {
                "id": "bonus",
                "title": "加分",
                "bonus": True,
                "cap": 30,
                "items": [
                    item(
                        "2",
                        None,
                        [{"kind": "per_occurrence", "field": "good", "points": 4, "reason": "每项加4分"}],
                        [field("good", "count")],
                    )
                ],
            },
        ],
        **extra,
    )


def test_bonus_items_are_uncapped_without_maximum_but_section_cap_applies() -> None:
    card = _bonus_card()
    assert score(card, {"faults": 0, "good": 5}).total == 120
    assert score(card, {"faults": 0, "good": 10}).total == 130  # section cap 30


@pytest.mark.parametrize(
    ("faults", "inclusive", "total", "counted"),
    [(10, False, 98, True), (20, False, 80, False), (20, True, 88, True), (21, True, 79, False)],
)
def test_bonus_gate(faults: int, inclusive: bool, total: int, counted: bool) -> None:
    card = _bonus_card(bonus_gate={"threshold": 80, "inclusive": inclusive})
    result = score(card, {"faults": faults, "good": 2})
    assert result.total == total
    assert result.bonus_counted is counted
    assert result.bonus == 8
    if not counted:
        assert result.adjustments[-1].kind == "bonus_gate"


def _applicability_card(rescale: bool) -> object:
    extra: dict[str, object] = {"evidence": [field("has_services")]}
    if rescale:
        extra["rescale"] = {"quantum": "0.01"}
    return synthetic(
        [
            {
                "id": "s",
                "title": "测试",
                "items": [
                    item(
                        "1",
                        75,
                        [{"kind": "per_occurrence", "field": "f1", "points": -1, "reason": "扣1分"}],
                        [field("f1", "count")],
                    ),
                    item(
                        "2",
                        25,
                        [{"kind": "per_occurrence", "field": "f2", "points": -1, "reason": "扣1分"}],
                        [field("f2", "count")],
                        applies_if="has_services",
                    ),
                ],
            }
        ],
        **extra,
    )


def test_rescaling_when_items_do_not_apply() -> None:
    card = _applicability_card(rescale=True)
    assert score(card, {"has_services": True, "f1": 5, "f2": 5}).total == 90
    # 70 of 75 applicable points → 70 × 100/75 = 93.333… → 93.33 (ROUND_HALF_UP at 0.01)
    result = score(card, {"has_services": False, "f1": 5})
    assert result.total == Decimal("93.33")
    assert result.item("2").applicable is False
    assert result.adjustments[0].kind == "rescale"
    # 74 × 4/3 = 98.666… → 98.67
    assert score(card, {"has_services": False, "f1": 1}).total == Decimal("98.67")
    assert score(card, {"has_services": False, "f1": 0}).total == 100


def test_items_that_do_not_apply_without_rescale_lower_the_maximum() -> None:
    card = _applicability_card(rescale=False)
    result = score(card, {"has_services": False, "f1": 5})
    assert result.total == 70
    assert result.maximum == 75


def test_evidence_of_an_item_that_does_not_apply_is_not_required() -> None:
    card = _applicability_card(rescale=True)
    with pytest.raises(EvidenceError) as info:
        score(card, {"has_services": True, "f1": 0})
    assert [p.field for p in info.value.problems] == ["f2"]


def test_vetoes_grades_and_pass_mark() -> None:
    card = synthetic(
        [
            {
                "id": "s",
                "title": "测试",
                "items": [
                    item(
                        "1",
                        100,
                        [{"kind": "per_occurrence", "field": "f", "points": -10, "reason": "扣10分"}],
                        [field("f", "count")],
                    )
                ],
            }
        ],
        evidence=[field("site_down")],
        vetoes=[{"id": "v1", "when": "site_down", "reason": "网站无法访问，单项否决"}],
        pass_mark=60,
        grades=[
            {"minimum": 0, "label": "不合格"},
            {"minimum": 60, "label": "合格"},
            {"minimum": 90, "label": "优秀"},
        ],
        veto_grade="不合格（否决）",
    )
    ok = score(card, {"site_down": False, "f": 0})
    assert (ok.total, ok.grade, ok.passed) == (100, "优秀", True)
    low = score(card, {"site_down": False, "f": 5})
    assert (low.total, low.grade, low.passed) == (50, "不合格", False)
    edge = score(card, {"site_down": False, "f": 4})
    assert (edge.grade, edge.passed) == ("合格", True)
    vetoed = score(card, {"site_down": True, "f": 0})
    assert vetoed.total == 100
    assert (vetoed.passed, vetoed.grade, vetoed.vetoes) == (
        False,
        "不合格（否决）",
        ("网站无法访问，单项否决",),
    )
