"""Fixtures of the display tests: a small scorecard whose texts need escaping, and results."""

from __future__ import annotations

from typing import Any

import pytest

from zwgk.scoring import Card, ScoreResult, score
from zwgk.scoring.io import card_from_dict


def _field(key: str, type_: str = "boolean") -> dict[str, Any]:
    return {"key": key, "type": type_, "description": f"证据{key}"}


CARD: dict[str, Any] = {
    "name": "display-test",
    "title": "展示测试卡 <测试>",
    "source": "tests/display",
    "maximum": 20,
    "sections": [
        {
            "id": "content",
            "title": "公开内容",
            "items": [
                {
                    "id": "1",
                    "title": "信息更新及时",
                    "criteria": "更新不及时扣3分",
                    "maximum": 10,
                    "rules": [
                        {"kind": "check", "when": "late", "points": -3, "reason": "更新不及时 <扣3分> & 通报"}
                    ],
                    "evidence": [_field("late")],
                },
                {
                    "id": "2",
                    "title": "办事指南齐全",
                    "criteria": "无指南不得分",
                    "maximum": 10,
                    "rules": [{"kind": "all_or_nothing", "when": "guide", "reason": "无办事指南"}],
                    "evidence": [_field("guide")],
                },
            ],
        },
        {
            "id": "bonus",
            "title": "奖励加分",
            "bonus": True,
            "items": [
                {
                    "id": "3",
                    "title": "工作创新",
                    "criteria": "每项加2分",
                    "rules": [
                        {"kind": "per_occurrence", "field": "good", "points": 2, "reason": "每项创新加2分"}
                    ],
                    "evidence": [_field("good", "count")],
                }
            ],
        },
    ],
}

#: Item 1 loses 3 (late), item 2 loses all 10 (no guide), two innovations add 2 × 2.
EVIDENCE: dict[str, Any] = {"late": True, "guide": False, "good": 2}


@pytest.fixture(scope="session")
def card() -> Card:
    return card_from_dict(CARD)


@pytest.fixture(scope="session")
def result(card: Card) -> ScoreResult:
    return score(card, EVIDENCE, unit="甲局")
