"""JSON Schemas of the results as systems receive them ([`result_to_dict`][zwgk.scoring.result_to_dict]).

Output schemas, written by hand next to the hand-written conversion they describe (no
pydantic, so ``import zwgk.scoring`` stays light).  Points are decimal strings in their
shortest exact form (``"87.5"``, ``"0"``, ``"-2"``; never ``"87.50"`` or an exponent).
"""

from __future__ import annotations

from typing import Any

__all__ = ["combined_result_json_schema", "score_result_json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_ADJUSTMENT_KINDS: tuple[str, ...] = (
    "start",
    "check",
    "per_missing",
    "per_occurrence",
    "discretionary",
    "tiers",
    "zero",
    "floor",
    "ceiling",
    "missing",
    "rescale",
    "bonus_gate",
)
"""The ``kind`` values the engine gives adjustments: rule kinds (``all_or_nothing`` and
``zero_if`` both report ``zero``) and the engine's own steps."""


def _strings() -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}}


def _defs() -> dict[str, Any]:
    points = {"$ref": "#/$defs/Points"}
    evidence = {
        "type": "object",
        "description": "evidence key → value as read: true/false, a count, a decimal string, an "
        "ISO date, an option key, or a list of option keys, decimal strings or ISO dates",
        "additionalProperties": {"$ref": "#/$defs/EvidenceValue"},
    }
    return {
        "Points": {
            "type": "string",
            "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$",
            "description": 'an exact decimal number as text, shortest form ("87.5", "0", "-2")',
        },
        "EvidenceValue": {
            "anyOf": [
                {"type": "boolean"},
                {"type": "integer", "minimum": 0},
                {"type": "string"},
                _strings(),
            ],
        },
        "Adjustment": {
            "type": "object",
            "description": "one change to a running score, with its reason and the evidence it used",
            "properties": {
                "kind": {"enum": list(_ADJUSTMENT_KINDS)},
                "points": points,
                "reason": {"type": "string"},
                "evidence": evidence,
            },
            "required": ["kind", "points", "reason", "evidence"],
            "additionalProperties": False,
        },
        "ItemResult": {
            "type": "object",
            "description": "the points of one item and how they came about (its adjustments add up to them)",
            "properties": {
                "section": {"type": "string", "description": "the section id"},
                "item": {"type": "string", "description": "the item id (序号)"},
                "title": {"type": "string"},
                "maximum": {"anyOf": [points, {"type": "null"}], "description": "分值; null if uncapped"},
                "points": points,
                "applicable": {"type": "boolean"},
                "bonus": {"type": "boolean", "description": "true for an item of a bonus section"},
                "missing": {**_strings(), "description": "evidence keys missing (lenient mode)"},
                "adjustments": {"type": "array", "items": {"$ref": "#/$defs/Adjustment"}},
            },
            "required": [
                "section",
                "item",
                "title",
                "maximum",
                "points",
                "applicable",
                "bonus",
                "missing",
                "adjustments",
            ],
            "additionalProperties": False,
        },
        "SectionResult": {
            "type": "object",
            "description": "the points of one section, after its cap (capped: what the cap removed)",
            "properties": {
                "id": {"type": "string"},
                "title": {"type": "string"},
                "points": points,
                "bonus": {"type": "boolean"},
                "capped": points,
            },
            "required": ["id", "title", "points", "bonus", "capped"],
            "additionalProperties": False,
        },
        "ScoreResult": {
            "type": "object",
            "description": "the result of scoring one unit against one card",
            "properties": {
                "card": {"type": "string", "description": "the card's name"},
                "card_title": {"type": "string"},
                "unit": {"type": "string", "description": "the unit scored, as given (may be empty)"},
                "total": {**points, "description": "base, plus bonus when bonus_counted"},
                "base": points,
                "bonus": points,
                "bonus_counted": {"type": "boolean"},
                "maximum": points,
                "grade": {"type": ["string", "null"], "description": "等次; null without grade bands"},
                "passed": {
                    "type": "boolean",
                    "description": "no veto holds and the total reaches pass_mark (if any)",
                },
                "pass_mark": {
                    "anyOf": [points, {"type": "null"}],
                    "description": "the card's pass mark; null: none stated (renderers print 无及格线)",
                },
                "vetoes": {**_strings(), "description": "reasons of the vetoes that hold"},
                "missing": {**_strings(), "description": "evidence keys missing (lenient mode)"},
                "items": {"type": "array", "items": {"$ref": "#/$defs/ItemResult"}},
                "sections": {"type": "array", "items": {"$ref": "#/$defs/SectionResult"}},
                "adjustments": {
                    "type": "array",
                    "items": {"$ref": "#/$defs/Adjustment"},
                    "description": "card-level adjustments (rescale, bonus gate)",
                },
                "evidence": {**evidence, "description": "the evidence as read, plus derived values"},
            },
            "required": [
                "card",
                "card_title",
                "unit",
                "total",
                "base",
                "bonus",
                "bonus_counted",
                "maximum",
                "grade",
                "passed",
                "vetoes",
                "missing",
                "items",
                "sections",
                "adjustments",
                "evidence",
            ],
            "additionalProperties": False,
        },
    }


def score_result_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a [`ScoreResult`][zwgk.scoring.ScoreResult] as
    [`result_to_dict`][zwgk.scoring.result_to_dict] gives it.

    This is also what ``zwgk score CARD EVIDENCE --json`` prints for a card.  Points
    are decimal strings (exact), dates ISO text; every key is always present.

    Returns:
        The schema as a new dict.
    """
    defs = _defs()
    body = defs.pop("ScoreResult")
    return {"$schema": _DIALECT, "title": "ScoreResult", **body, "$defs": defs}


def combined_result_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a [`CombinedResult`][zwgk.scoring.CombinedResult] as
    [`result_to_dict`][zwgk.scoring.result_to_dict] gives it.

    This is also what ``zwgk score COMBINATION EVIDENCE --json`` prints: the
    weighted total and, per part, its weight, its contribution and the part's full score
    result (see [`score_result_json_schema`][zwgk.scoring.io.score_result_json_schema]).

    Returns:
        The schema as a new dict.
    """
    points = {"$ref": "#/$defs/Points"}
    part = {
        "type": "object",
        "description": "one weighted part: contribution = result.total × weight",
        "properties": {"weight": points, "contribution": points, "result": {"$ref": "#/$defs/ScoreResult"}},
        "required": ["weight", "contribution", "result"],
        "additionalProperties": False,
    }
    return {
        "$schema": _DIALECT,
        "title": "CombinedResult",
        "description": "a weighted combination of score results (表一 × 60% + 表二 × 40%)",
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "unit": {"type": "string"},
            "total": {**points, "description": "the sum of the parts' contributions"},
            "passed": {"type": "boolean", "description": "true when every part passed"},
            "vetoes": {**_strings(), "description": "the parts' vetoes"},
            "parts": {"type": "array", "items": {"$ref": "#/$defs/CombinedPart"}},
        },
        "required": ["title", "unit", "total", "passed", "vetoes", "parts"],
        "additionalProperties": False,
        "$defs": {**_defs(), "CombinedPart": part},
    }
