"""The seed-000 checklist card against its hand-scored golden cases; it states no pass mark."""

from __future__ import annotations

from typing import Any

import pytest
from tests.scoring.helpers import assert_points, case_evidence, golden

from zwgk.scoring import load_card, render_text, score

NAME = "demonstration-site-standards"
DATA = golden(NAME)


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_golden_case(case: dict[str, Any]) -> None:
    result = score(load_card(NAME), case_evidence(DATA, case))
    for item_id, (points, why) in case["items"].items():
        assert_points(result, item_id, points, why)
    assert str(result.total) == case["total"]


def test_no_pass_mark_and_the_notes_say_why() -> None:
    card = load_card(NAME)
    assert card.pass_mark is None
    assert card.grades == ()
    assert "未规定分值、权重、及格线或等次" in card.notes
    assert [i.title for _, i in card.items] == [
        "组织领导健全有力",
        "权力和服务项目清理全面彻底",
        "公开目录详细清晰,流程图规范透明",
        "公开内容全面真实",
        "公开形式要多样有效",
        "制度建设健全完善",
    ]
    result = score(card, case_evidence(DATA, DATA["cases"][0]), unit="某窗口")
    assert "结论 无及格线" in render_text(result, "zh")
    assert "通过" not in render_text(result, "zh")
    assert "verdict: no pass mark" in render_text(result, "en")
    assert "passed" not in render_text(result, "en")
