"""The built-in card gov-website-inspection-2019, scored by hand from the card text.

Card text (defaults): 发布解读 40 (−5 per stale column, −3 per uninterpreted policy),
办事服务 25 (−1 per guide defect, only with services), 互动交流 15 (−3 each), 功能设计 20
(−2 each); vetoes: unreachable, homepage > 14 days, stale columns > 5, serious errors,
a message unanswered > 90 days; bonus cap 30, counted only when the base is above 80;
below 60 fails; without services the base is × 100/75.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zwgk.errors import DataFileError
from zwgk.scoring import load_card, score

CARD = load_card("gov-website-inspection-2019")
CLEAN: dict[str, object] = {
    "check_date": "2019-06-28",
    "homepage_updates": ["2019-06-20"],
    "unanswered_messages": [],
    "site_unreachable": False,
    "serious_errors": False,
    "stale_columns": 0,
    "has_services": True,
    "uninterpreted_policies": 0,
    "guide_defects": 0,
    "interaction_defects": 0,
    "design_defects": 0,
    "innovations": [],
}


@pytest.mark.parametrize(
    ("changes", "total", "grade"),
    [
        # 100 − 2×5 − 1×3 = 87 > 80 → + 12 = 99
        ({"stale_columns": 2, "uninterpreted_policies": 1, "innovations": [12]}, "99", "合格"),
        # 100 − 4×5 = 80, not above 80 → bonus 10 dropped → 80
        ({"stale_columns": 4, "innovations": [10]}, "80", "合格"),
        # 100 − 5×5 (25) − 3×5 (15, interaction loses its whole 15) − 2×2 = 56 < 60 → 不合格
        ({"stale_columns": 5, "interaction_defects": 5, "design_defects": 2}, "56", "不合格"),
        # no services: 75 − 3×5 = 60 → 60 × 100/75 = 80 → bonus dropped → 80
        ({"has_services": False, "stale_columns": 3, "innovations": [5]}, "80", "合格"),
        # no services: 75 − 1×3 − 1×5 = 67 → 89.333… → 89.33, bonus 20 counts → 109.33
        (
            {"has_services": False, "uninterpreted_policies": 1, "stale_columns": 1, "innovations": [20]},
            "109.33",
            "合格",
        ),
        # bonus 20 + 20 = 40 → capped at 30 → 130
        ({"innovations": [20, 20]}, "130", "合格"),
    ],
)
def test_hand_scored(changes: dict[str, object], total: str, grade: str) -> None:
    result = score(CARD, {**CLEAN, **changes})
    assert result.total == Decimal(total)
    assert result.grade == grade


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        # last update 2019-06-13, checked 2019-06-28: 15 days > 14
        ({"homepage_updates": ["2019-06-13"]}, "首页栏目超过2周未更新，单项否决"),
        # received 2019-03-29, checked 2019-06-28: 91 days > 90
        (
            {"unanswered_messages": ["2019-03-29", "2019-06-01"]},
            "互动回应差（留言超过3个月未回复），单项否决",
        ),
        ({"stale_columns": 6}, "栏目不更新，单项否决"),
        ({"site_unreachable": True}, "站点无法访问，单项否决"),
    ],
)
def test_vetoes(changes: dict[str, object], reason: str) -> None:
    result = score(CARD, {**CLEAN, **changes})
    assert result.vetoes == (reason,)
    assert result.passed is False
    assert result.grade == "不合格"


@pytest.mark.parametrize(
    "changes",
    [
        {"homepage_updates": ["2019-06-14"]},  # 14 days: not more than 2 weeks
        {"unanswered_messages": ["2019-03-30"]},  # 90 days: not more than 90
        {"stale_columns": 5},  # 5: not more than 5 (deducted 25 instead)
    ],
)
def test_on_the_bound_no_veto(changes: dict[str, object]) -> None:
    assert score(CARD, {**CLEAN, **changes}).vetoes == ()


def test_parameters_are_recorded_and_overridable() -> None:
    cap = next(p for p in CARD.parameters if p.key == "bonus_cap")
    # 国办秘函〔2019〕19号: 加分指标分值为30分 (verified in the republished 中国政府网 text)
    assert (cap.value, cap.verified) == (Decimal(30), True)
    looser = load_card("gov-website-inspection-2019", parameters={"bonus_cap": 20, "bonus_threshold": "79"})
    # 100 − 4×5 = 80 > 79 → bonus 25 capped at 20 → 100
    assert score(looser, {**CLEAN, "stale_columns": 4, "innovations": [20, 5]}).total == 100


VERIFIED = {"pass_mark", "bonus_threshold", "bonus_cap", "services_max"}


def test_verified_and_unverified_parameters() -> None:
    """The notice verifies 60, 80, the 30-point bonus and (100 − 75) for 办事服务; the rest stays open."""
    assert {p.key for p in CARD.parameters if p.verified} == VERIFIED
    unverified = {p.key for p in CARD.parameters if not p.verified}
    assert {"homepage_stale_days", "unanswered_days", "publishing_max", "stale_column_points"} <= unverified
    assert "UNVERIFIED (parameters with verified = false)" in CARD.notes
    assert CARD.version == "2019.1-partly-verified"
    assert "2019年4月1日印发" in CARD.source


def test_unknown_parameter_is_named() -> None:
    with pytest.raises(DataFileError, match="bonus_kap"):
        load_card("gov-website-inspection-2019", parameters={"bonus_kap": 1})
