"""Hypothesis strategies for the scoring tests: evidence for the built-in cards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from zwgk.scoring import Card, EvidenceField, FieldType

PERIOD_START = dt.date(2026, 1, 1)
PERIOD_END = dt.date(2026, 3, 31)


def _amount(field: EvidenceField, key: str) -> st.SearchStrategy[Decimal]:
    """Amounts within the discretionary ranges of the built-in cards (0 or 3–5 / 5–10 / 3–5)."""
    ranges = {
        "attendance_deduction": (3, 5),
        "misconduct_deductions": (5, 10),
        "innovation_bonuses": (3, 5),
    }
    low, high = ranges.get(key, (0, 10))
    return st.integers(low * 2, high * 2).map(lambda n: Decimal(n) / 2)


def value_for(field: EvidenceField) -> st.SearchStrategy[Any]:
    """A valid evidence value for ``field`` (dates within 2026 Q1)."""
    t = field.type
    if t is FieldType.BOOLEAN:
        return st.booleans()
    if t is FieldType.COUNT:
        return st.integers(0, 6)
    if t is FieldType.AMOUNT:
        return st.one_of(st.just(Decimal(0)), _amount(field, field.key))
    if t is FieldType.AMOUNTS:
        return st.lists(_amount(field, field.key), max_size=3)
    if t is FieldType.CHOICE:
        return st.sampled_from([o.key for o in field.options])
    if t is FieldType.ELEMENTS:
        return st.lists(st.sampled_from([o.key for o in field.options]), unique=True)
    if t is FieldType.DATE:
        return st.just(PERIOD_START if field.key == "period_start" else PERIOD_END)
    return st.lists(st.dates(PERIOD_START, PERIOD_END), max_size=8)


def evidence_for(card: Card) -> st.SearchStrategy[dict[str, Any]]:
    """A complete, valid evidence mapping for ``card``."""
    return st.fixed_dictionaries({key: value_for(f) for key, f in card.fields.items()})
