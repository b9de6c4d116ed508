"""The JSON form of scoring results (``ScoreResult.to_dict()``, ``result_to_dict``, ``zwgk score --json``).

Points are decimal strings without trailing zeros (``"87.5"``, never ``87.49999``), so other
systems get them exactly; dates are ISO text.  `._result` calls it from ``to_dict()``,
so it never imports the result types (values are typed ``Any`` here; ``result_to_dict`` in
`._render` is the typed entry).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

__all__ = ["points_text", "result_dict"]


def points_text(value: Decimal | None) -> str:
    """Points as plain text without trailing zeros (``Decimal("5.0")`` → ``"5"``; ``None`` → ``"—"``)."""
    if value is None:
        return "—"
    return format(value.normalize(), "f")


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return points_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return value


def _adjustment_dict(a: Any) -> dict[str, Any]:
    return {
        "kind": a.kind,
        "points": points_text(a.points),
        "reason": a.reason,
        "evidence": {k: _jsonable(v) for k, v in a.evidence},
    }


def result_dict(result: Any) -> dict[str, Any]:
    """A JSON-ready dict of a result: points as decimal strings, dates as ISO text.

    Decimal strings keep the value exact for other systems (``"87.5"``, never ``87.49999``).
    """
    if hasattr(result, "parts"):  # a CombinedResult (this module never imports the types)
        return _combined_dict(result)
    return {
        "card": result.card,
        "card_title": result.card_title,
        "unit": result.unit,
        "total": points_text(result.total),
        "base": points_text(result.base),
        "bonus": points_text(result.bonus),
        "bonus_counted": result.bonus_counted,
        "maximum": points_text(result.maximum),
        "grade": result.grade,
        "passed": result.passed,
        "pass_mark": None if result.pass_mark is None else points_text(result.pass_mark),
        "vetoes": list(result.vetoes),
        "missing": list(result.missing),
        "items": [
            {
                "section": i.section,
                "item": i.item,
                "title": i.title,
                "maximum": None if i.maximum is None else points_text(i.maximum),
                "points": points_text(i.points),
                "applicable": i.applicable,
                "bonus": i.bonus,
                "missing": list(i.missing),
                "adjustments": [_adjustment_dict(a) for a in i.adjustments],
            }
            for i in result.items
        ],
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "points": points_text(s.points),
                "bonus": s.bonus,
                "capped": points_text(s.capped),
            }
            for s in result.sections
        ],
        "adjustments": [_adjustment_dict(a) for a in result.adjustments],
        "evidence": {k: _jsonable(v) for k, v in result.evidence},
    }


def _combined_dict(combined: Any) -> dict[str, Any]:
    return {
        "title": combined.title,
        "unit": combined.unit,
        "total": points_text(combined.total),
        "passed": combined.passed,
        "vetoes": list(combined.vetoes),
        "parts": [
            {
                "weight": points_text(p.weight),
                "contribution": points_text(p.contribution),
                "result": result_dict(p.result),
            }
            for p in combined.parts
        ],
    }
