"""Evidence forms generated from a card: a JSON Schema and an empty template."""

from __future__ import annotations

from typing import Any

from zwgk.scoring._model import Card, EvidenceField, FieldType

__all__ = ["card_template", "evidence_schema"]


def _decimal() -> dict[str, Any]:
    """A new schema of an exact decimal: a JSON number (read exactly) or decimal text."""
    return {
        "anyOf": [
            {"type": "integer"},
            {"type": "number"},
            {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
        ],
    }


def _date() -> dict[str, Any]:
    """A new schema of an ISO date."""
    return {"type": "string", "format": "date"}


def _field_schema(field: EvidenceField) -> dict[str, Any]:
    t = field.type
    out: dict[str, Any]
    if t is FieldType.BOOLEAN:
        out = {"type": "boolean"}
    elif t is FieldType.COUNT:
        out = {"type": "integer", "minimum": 0}
    elif t is FieldType.AMOUNT:
        out = _decimal()
    elif t is FieldType.AMOUNTS:
        out = {"type": "array", "items": _decimal()}
    elif t is FieldType.CHOICE:
        out = {"enum": [o.key for o in field.options]}
    elif t is FieldType.ELEMENTS:
        out = {"type": "array", "uniqueItems": True, "items": {"enum": [o.key for o in field.options]}}
    elif t is FieldType.DATE:
        out = _date()
    else:
        out = {"type": "array", "items": _date()}
    out["description"] = field.description
    out["x-zwgk-type"] = t.value
    if field.options:
        out["x-zwgk-options"] = {o.key: o.label for o in field.options}
    if field.minimum is not None:
        out["x-zwgk-minimum"] = str(field.minimum)
    if field.maximum is not None:
        out["x-zwgk-maximum"] = str(field.maximum)
    return out


def evidence_schema(card: Card) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the evidence a card needs, to generate forms and APIs.

    Every property carries the Chinese description, the zwgk field type
    (``x-zwgk-type``), the option labels (``x-zwgk-options``) and the item it belongs to
    (``x-zwgk-item``; absent for card-level evidence).  Decimal amounts are accepted as
    JSON numbers (read exactly by the CLI) or as decimal text.  All evidence is
    ``required`` except the evidence of items with an applicability condition.
    """
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in card.evidence:
        properties[field.key] = _field_schema(field)
        required.append(field.key)
    for _, item in card.items:
        for field in item.evidence:
            schema = _field_schema(field)
            schema["x-zwgk-item"] = item.id
            properties[field.key] = schema
            if item.applies_if is None:
                required.append(field.key)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{card.title} — evidence",
        "description": f"Evidence for the zwgk card {card.name!r} ({card.source})",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def card_template(card: Card) -> dict[str, Any]:
    """An empty evidence mapping for ``card``: every key with ``None`` (JSON ``null``) to fill in.

    Scoring the template unchanged raises [`EvidenceError`][zwgk.errors.EvidenceError] listing
    every value still to provide.
    """
    return dict.fromkeys(card.fields)
