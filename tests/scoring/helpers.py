"""Shared helpers for the scoring tests: golden files and domain assertions."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.scoring import Card, ScoreResult
from zwgk.scoring.io import card_from_dict

GOLDEN = Path(__file__).parent / "golden"


def golden(name: str) -> dict[str, Any]:
    """Read a golden TOML file (floats, if any, as exact decimals)."""
    with (GOLDEN / f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh, parse_float=Decimal)


def case_evidence(data: dict[str, Any], case: dict[str, Any]) -> dict[str, Any]:
    """The base evidence of a golden file overridden by one case's evidence."""
    return {**data["base"], **case["evidence"]}


def assert_points(result: ScoreResult, item: str, expected: str | int, why: str = "") -> None:
    """Assert the points of one item, naming the item and the hand-written justification."""
    got = result.item(item).points
    assert got == Decimal(expected), (
        f"{result.card} item {item}: got {got}, expected {expected} ({why}); "
        f"adjustments: {[(str(a.points), a.reason) for a in result.item(item).adjustments]}"
    )


def assert_audit_trail_adds_up(result: ScoreResult) -> None:
    """Every item's adjustments add up to its points (the audit trail is complete)."""
    for item in result.items:
        if item.applicable:
            assert sum((a.points for a in item.adjustments), Decimal(0)) == item.points, item


def synthetic(sections: list[dict[str, Any]], **card: Any) -> Card:
    """A small card from sections, with defaults for the card-level fields."""
    maximum = card.pop("maximum", None)
    if maximum is None:
        maximum = sum(
            Decimal(str(it["maximum"])) for s in sections if not s.get("bonus") for it in s["items"]
        )
    data = {
        "name": "synthetic",
        "title": "合成测试卡",
        "source": "tests",
        "maximum": maximum,
        "sections": sections,
    }
    data.update(card)
    return card_from_dict(data)


def item(
    item_id: str,
    maximum: int | str | None,
    rules: list[dict[str, Any]],
    evidence: list[dict[str, Any]],
    **extra: Any,
) -> dict[str, Any]:
    """An item dict for :func:`synthetic`."""
    out: dict[str, Any] = {
        "id": item_id,
        "title": f"测试项目{item_id}",
        "criteria": "测试标准",
        "rules": rules,
        "evidence": evidence,
    }
    if maximum is not None:
        out["maximum"] = maximum
    out.update(extra)
    return out


def field(key: str, type_: str = "boolean", **extra: Any) -> dict[str, Any]:
    """An evidence field dict."""
    return {"key": key, "type": type_, "description": f"测试证据{key}", **extra}


WEBSITE_CARD = Path(__file__).parent / "data" / "website-inspection-2019.toml"
WEBSITE_CLEAN: dict[str, Any] = {
    "site_unreachable": False,
    "serious_errors": False,
    "has_services": True,
    "stale_columns": 0,
    "uninterpreted_policies": 0,
    "guide_defects": 0,
    "innovations": [],
}
"""Evidence for the website-inspection structure card with nothing wrong."""
