"""The website-inspection structure (国办秘函〔2019〕19号) expressed with zwgk's rule kinds.

Expected totals are worked out by hand in each case's comment.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.scoring.helpers import WEBSITE_CARD, WEBSITE_CLEAN

from zwgk.scoring import load_card, score

CARD = load_card(WEBSITE_CARD)
CLEAN = WEBSITE_CLEAN


@pytest.mark.parametrize(
    ("changes", "total", "passed", "grade", "bonus_counted"),
    [
        # 100 base > 80, bonus 10 counts → 110
        ({"innovations": [10]}, "110", True, "合格", True),
        # bonus 10+10+10+5 = 35 → capped at 30 → 130
        ({"innovations": [10, 10, 10, 5]}, "130", True, "合格", True),
        # base 100 − 4×5 = 80, not above 80 → bonus 8 not counted → 80
        ({"stale_columns": 4, "innovations": [8]}, "80", True, "合格", False),
        # base 100 − 3×5 − 1 = 84 > 80 → 84 + 6 = 90
        ({"stale_columns": 3, "guide_defects": 1, "innovations": ["6"]}, "90", True, "合格", True),
        # stale 9 columns → −45 on a 40-point indicator: loses only 40; policies 5×3 = 15 → 45 fails
        ({"stale_columns": 9, "uninterpreted_policies": 5}, "45", False, "不合格", True),
        # 60 exactly passes: 100 − 40 = 60
        ({"stale_columns": 8}, "60", True, "合格", True),
        # no services: 75 − 15 = 60 → 60 × 100/75 = 80 → not above 80, bonus dropped → 80
        ({"has_services": False, "stale_columns": 3, "innovations": [5]}, "80", True, "合格", False),
        # no services: 75 − 3 = 72 → 96 > 80 → 96 + 12 = 108
        (
            {"has_services": False, "uninterpreted_policies": 1, "innovations": [5, 7]},
            "108",
            True,
            "合格",
            True,
        ),
        # no services: 75 − 1×3 − 1×5 = 67 → 67 × 4/3 = 89.333… → 89.33
        (
            {"has_services": False, "uninterpreted_policies": 1, "stale_columns": 1},
            "89.33",
            True,
            "合格",
            True,
        ),
    ],
)
def test_website_structure(
    changes: dict[str, object], total: str, passed: bool, grade: str, bonus_counted: bool
) -> None:
    result = score(CARD, {**CLEAN, **changes})
    assert result.total == Decimal(total)
    assert result.passed is passed
    assert result.grade == grade
    assert result.bonus_counted is bonus_counted or result.bonus == 0


def test_any_veto_fails_whatever_the_score() -> None:
    result = score(CARD, {**CLEAN, "serious_errors": True, "innovations": [10]})
    assert result.total == 110
    assert result.passed is False
    assert result.grade == "不合格"
    assert result.vetoes == ("出现严重错误表述，单项否决",)


def test_no_indicator_loses_more_than_its_value() -> None:
    result = score(CARD, {**CLEAN, "stale_columns": 100, "uninterpreted_policies": 100, "guide_defects": 100})
    assert [i.points for i in result.items] == [0, 0, 0, 0]
    assert result.total == 0
