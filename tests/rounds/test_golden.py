"""Rounds over the golden sites table, every ranking and decision worked by hand.

golden/sites.csv: five 示范点 × three annual rounds, the six standards of seed 000 as 是/否.
Totals (standards met), by hand from the table:

    unit  2024    2025    2026
    甲    111111 6 111111 6 111110 5   (2026 lost standard 6)
    乙    111110 5 111100 4 111100 4   (2025 lost standard 5)
    丙    110110 4 111110 5 111111 6
    丁    111111 6 011111 5 101111 5   (2026: lost 2, regained 1: change 0, one item lost)
    戊    111000 3 110100 3 110000 2   (2026 lost standard 4)

Ties share a rank and are listed by unit label (code point: 丁 < 丙 < 乙 < 戊 < 甲).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zwgk.errors import InvalidInputError
from zwgk.rounds import Action, designate, score_rounds
from zwgk.rounds.io import load_designations, read_evidence_table
from zwgk.scoring import load_card

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def rounds():  # type: ignore[no-untyped-def]
    return score_rounds(load_card("demonstration-site-standards"), read_evidence_table(GOLDEN / "sites.csv"))


RANKINGS = {
    "2024": [(1, "丁", 6), (1, "甲", 6), (3, "乙", 5), (4, "丙", 4), (5, "戊", 3)],
    "2025": [(1, "甲", 6), (2, "丁", 5), (2, "丙", 5), (4, "乙", 4), (5, "戊", 3)],
    "2026": [(1, "丙", 6), (2, "丁", 5), (2, "甲", 5), (4, "乙", 4), (5, "戊", 2)],
}


@pytest.mark.parametrize("period", RANKINGS)
def test_rankings(rounds, period: str) -> None:  # type: ignore[no-untyped-def]
    got = [(p.rank, p.result.unit, p.result.total) for p in rounds.round(period).ranking]
    assert got == [(r, u, Decimal(t)) for r, u, t in RANKINGS[period]]


def test_periods_and_units(rounds) -> None:  # type: ignore[no-untyped-def]
    assert rounds.periods == ("2024", "2025", "2026")
    assert rounds.units == ("甲", "乙", "丙", "丁", "戊")
    assert repr(rounds) == "<Rounds demonstration-site-standards: 3 rounds (2024..2026), 5 units>"


TRENDS = {  # unit: change 2025→2026, items lost
    "甲": (-1, ["6"]),
    "乙": (0, []),
    "丙": (1, []),
    "丁": (0, ["2"]),
    "戊": (-1, ["4"]),
}


@pytest.mark.parametrize("unit", TRENDS)
def test_trends(rounds, unit: str) -> None:  # type: ignore[no-untyped-def]
    trend = rounds.trend(unit)
    change, lost = TRENDS[unit]
    assert (trend.previous, trend.latest) == ("2025", "2026")
    assert trend.change == change
    assert [c.item for c in trend.lost] == lost
    assert all(c.delta == -1 for c in trend.lost)


def test_trend_until_a_round(rounds) -> None:  # type: ignore[no-untyped-def]
    trend = rounds.trend("乙", until="2025")
    assert (trend.change, [c.item for c in trend.lost]) == (-1, ["5"])
    assert trend.places == (("2024", 3), ("2025", 4))


def test_builtin_rules_of_seed_000(rounds) -> None:  # type: ignore[no-untyped-def]
    decisions = designate(rounds, load_designations("demonstration-sites"))
    # drop-not-exemplary (below 6 in the last round, 2026), in 2026 ranking order; then the
    # recommendation: top 1 with all six standards met → 丙
    assert [(d.rule, d.unit) for d in decisions] == [
        ("drop-not-exemplary", "丁"),
        ("drop-not-exemplary", "甲"),
        ("drop-not-exemplary", "乙"),
        ("drop-not-exemplary", "戊"),
        ("recommend-province", "丙"),
    ]
    assert decisions[-1].action is Action.RECOMMEND
    assert decisions[-1].explanation_in("zh") == (
        "丙：推荐。规则 recommend-province（措施有力成效显著，推荐为全省系统示范点）："
        "2026 得分 6（第1名/共5）。"
    )


def test_strict_rules(rounds) -> None:  # type: ignore[no-untyped-def]
    decisions = designate(rounds, load_designations(GOLDEN / "strict.toml"))
    # bottom-twice: rank 5 in 2025 and 2026 → 戊
    # below-5-twice: totals < 5 in 2025 and 2026 → 乙 (4, 4), 戊 (3, 2)
    # top-2-twice: fewer than 2 ranked ahead in 2025 (甲 0, 丁 1, 丙 1) and 2026 (丙 0, 丁 1, 甲 1)
    assert [(d.rule, d.unit) for d in decisions] == [
        ("bottom-twice", "戊"),
        ("below-5-twice", "乙"),
        ("below-5-twice", "戊"),
        ("top-2-twice", "丙"),
        ("top-2-twice", "丁"),
        ("top-2-twice", "甲"),
    ]
    first = decisions[0]
    assert (first.periods, first.totals, first.places, first.of) == (("2025", "2026"), (3, 2), (5, 5), (5, 5))
    assert first.explanation_in("zh") == (
        "戊：取消资格。规则 bottom-twice（连续两轮排名末位）："
        "2025 得分 3（第5名/共5）；2026 得分 2（第5名/共5）。"
    )


def test_two_round_rules_need_two_rounds(rounds) -> None:  # type: ignore[no-untyped-def]
    assert designate(rounds, load_designations(GOLDEN / "strict.toml"), at="2024") == ()


@pytest.mark.parametrize(
    ("ties", "units"),
    [
        # 2025, bottom share 0.6 of 5 → floor(3) = 3: ranked strictly worse: 戊 0, 乙 1, 丙 2, 丁 2 → with
        # ties included 丁 and 丙 both (< 3); excluded, their tie (2 + 2 = 4 > 3) leaves them out
        ("include", ["丁", "丙", "乙", "戊"]),
        ("exclude", ["乙", "戊"]),
    ],
)
def test_bottom_share_and_ties(rounds, ties: str, units: list[str]) -> None:  # type: ignore[no-untyped-def]
    from zwgk.rounds.io import designations_from_dict

    rules = designations_from_dict(
        {
            "name": "share",
            "card": "demonstration-site-standards",
            "rules": [{"id": "s", "kind": "drop_bottom", "label": "后60%", "share": "0.6", "ties": ties}],
        }
    )
    assert [d.unit for d in designate(rounds, rules, at="2025")] == units


def test_rules_for_another_card(rounds) -> None:  # type: ignore[no-untyped-def]
    from zwgk.rounds.io import designations_from_dict

    rules = designations_from_dict(
        {"name": "x", "card": "kaifu-2013-streets", "rules": [{"kind": "drop_below", "threshold": 60}]}
    )
    with pytest.raises(InvalidInputError, match="rules for the card scored"):
        designate(rounds, rules)
