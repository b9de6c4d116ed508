"""The built-in cards against hand-scored golden evidence sets (tests/scoring/golden/*.toml)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from tests.scoring.helpers import assert_audit_trail_adds_up, assert_points, case_evidence, golden

from zwgk.scoring import apply_combination, load_card, load_combination, score

CARDS = ["kaifu-2013-departments", "kaifu-2013-windows", "kaifu-2013-streets"]


def _cases() -> list[Any]:
    out = []
    for name in CARDS:
        data = golden(name)
        assert data["card"] == name
        out.extend(pytest.param(name, data, case, id=f"{name}:{case['name']}") for case in data["cases"])
    return out


@pytest.mark.parametrize("name", CARDS)
def test_at_least_ten_golden_cases_per_card(name: str) -> None:
    data = golden(name)
    assert len(data["cases"]) >= 10
    card = load_card(name)
    for case in data["cases"]:
        assert set(case["items"]) == {it.id for _, it in card.items}, case["name"]
        # the hand-written item points add up to the hand-written total
        assert sum(Decimal(v[0]) for v in case["items"].values()) == Decimal(case["total"]), case["name"]


@pytest.mark.parametrize(("name", "data", "case"), _cases())
def test_golden_case(name: str, data: dict[str, Any], case: dict[str, Any]) -> None:
    result = score(load_card(name), case_evidence(data, case))
    for item_id, (points, why) in case["items"].items():
        assert_points(result, item_id, points, why)
    assert result.total == Decimal(case["total"])
    assert result.passed  # the seed cards have no pass mark and no vetoes
    assert result.vetoes == ()
    assert_audit_trail_adds_up(result)


def _result(name: str, case_name: str) -> Any:
    data = golden(name)
    case = next(c for c in data["cases"] if c["name"] == case_name)
    return score(load_card(name), case_evidence(data, case))


@pytest.mark.parametrize("case", golden("combinations")["cases"], ids=lambda c: c["unit"])
def test_golden_combination(case: dict[str, Any]) -> None:
    results = [_result("kaifu-2013-departments", case["departments"])]
    if "windows" in case:
        results.append(_result("kaifu-2013-windows", case["windows"]))
    combined = apply_combination(load_combination(case["combination"]), results)
    assert combined.total == Decimal(case["total"])
