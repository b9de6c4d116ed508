"""The built-in card gov-new-media-inspection-2019, scored by hand from the card text.

Card text (defaults): 发布内容 40, 互动回应 30, 服务功能 30 (−5 per defect each, an indicator
losing at most its own points); vetoes: 安全、泄密事故等严重问题, no post for more than 14
days (2周), a message unanswered for more than 90 days (3个月); no bonus part (加分指标 are for
政府门户网站 only); below 60 fails.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from zwgk.scoring import load_card, score

CARD = load_card("gov-new-media-inspection-2019")
CLEAN: dict[str, object] = {
    "check_date": "2019-06-28",
    "post_dates": ["2019-06-20"],
    "unanswered_messages": [],
    "serious_incident": False,
    "content_defects": 0,
    "interaction_defects": 0,
    "service_defects": 0,
}


@pytest.mark.parametrize(
    ("changes", "total", "grade"),
    [
        ({}, "100", "合格"),
        # 100 − 3×5 − 2×5 = 75
        ({"content_defects": 3, "interaction_defects": 2}, "75", "合格"),
        # 发布内容 loses its whole 40 (9×5 = 45 capped), 服务功能 −5 → 55 < 60
        ({"content_defects": 9, "service_defects": 1}, "55", "不合格"),
        # exactly 60 passes: 100 − 8×5 = 60
        ({"content_defects": 8}, "60", "合格"),
    ],
)
def test_hand_scored(changes: dict[str, object], total: str, grade: str) -> None:
    result = score(CARD, {**CLEAN, **changes})
    assert result.total == Decimal(total)
    assert result.grade == grade


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"serious_incident": True}, "发生安全、泄密事故等严重问题，单项否决"),
        # last post 2019-06-13, checked 2019-06-28: 15 days > 14
        ({"post_dates": ["2019-06-13"]}, "内容更新：2周内无更新，单项否决"),
        # received 2019-03-29, checked 2019-06-28: 91 days > 90
        ({"unanswered_messages": ["2019-03-29"]}, "互动回应：留言超过3个月未回应，单项否决"),
    ],
)
def test_vetoes(changes: dict[str, object], reason: str) -> None:
    result = score(CARD, {**CLEAN, **changes})
    assert result.vetoes == (reason,)
    assert result.passed is False
    assert result.grade == "不合格"


@pytest.mark.parametrize(
    "changes",
    [{"post_dates": ["2019-06-14"]}, {"unanswered_messages": ["2019-03-30"]}],
)
def test_on_the_bound_no_veto(changes: dict[str, object]) -> None:
    assert score(CARD, {**CLEAN, **changes}).vetoes == ()


def test_thresholds_and_points_are_unverified_parameters() -> None:
    unverified = {p.key for p in CARD.parameters if not p.verified}
    assert unverified == {
        "update_stale_days",
        "unanswered_days",
        "content_max",
        "interaction_max",
        "service_max",
        "content_points",
        "interaction_points",
        "service_points",
    }
    assert {p.key for p in CARD.parameters if p.verified} == {"pass_mark"}
    assert CARD.version == "2019.1-partly-verified"
    assert "政务新媒体部分" in CARD.source


def test_parameters_are_overridable() -> None:
    stricter = load_card("gov-new-media-inspection-2019", parameters={"update_stale_days": 7})
    result = score(stricter, {**CLEAN, "post_dates": ["2019-06-20"]})
    assert result.vetoes == ("内容更新：2周内无更新，单项否决",)
