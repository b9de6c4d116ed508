"""Strategies for scorecards and evidence that fits them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from zwgk.scoring import Card, Discretionary, EvidenceField, FieldType, Group, Rule, list_cards, load_card

__all__ = ["builtin_cards", "evidence_for", "evidence_values"]

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))


def _amounts(field: EvidenceField, bounds: tuple[Decimal, Decimal] | None) -> st.SearchStrategy[Decimal]:
    """Half-point amounts within the range a discretionary rule or the field declares (default 0–10)."""
    low, high = bounds or (
        field.minimum if field.minimum is not None else Decimal(0),
        field.maximum if field.maximum is not None else Decimal(10),
    )
    return st.integers(int(low * 2), int(high * 2)).map(lambda n: Decimal(n) / 2)


def _ranges(card: Card) -> dict[str, tuple[Decimal, Decimal]]:
    """The ``[low, high]`` of every discretionary rule, by the field it reads."""
    out: dict[str, tuple[Decimal, Decimal]] = {}

    def walk(rules: tuple[Rule, ...]) -> None:
        for rule in rules:
            if isinstance(rule, Discretionary):
                out[rule.field] = (rule.low, rule.high)
            elif isinstance(rule, Group):
                walk(rule.rules)

    for section in card.sections:
        for item in section.items:
            walk(item.rules)
    return out


def evidence_values(
    field: EvidenceField,
    *,
    period: tuple[dt.date, dt.date] = PERIOD,
    bounds: tuple[Decimal, Decimal] | None = None,
) -> st.SearchStrategy[Any]:
    """A valid value for one evidence field.

    Amounts are exact half points within ``bounds`` (the discretionary range that reads the
    field; else the field's own minimum/maximum) — a single amount may also be 0, "nothing
    to deduct"; dates lie in ``period`` (a field whose key ends in ``start`` gets its first day).
    """
    t = field.type
    if t is FieldType.BOOLEAN:
        return st.booleans()
    if t is FieldType.COUNT:
        return st.integers(0, 6)
    if t is FieldType.AMOUNT:
        return st.one_of(st.just(Decimal(0)), _amounts(field, bounds))
    if t is FieldType.AMOUNTS:
        return st.lists(_amounts(field, bounds), max_size=3)
    if t is FieldType.CHOICE:
        return st.sampled_from([o.key for o in field.options])
    if t is FieldType.ELEMENTS:
        return st.lists(st.sampled_from([o.key for o in field.options]), unique=True)
    if t is FieldType.DATE:
        return st.just(period[0] if field.key.endswith("start") else period[1])
    return st.lists(st.dates(*period), max_size=8)


def evidence_for(
    card: Card, *, period: tuple[dt.date, dt.date] = PERIOD
) -> st.SearchStrategy[dict[str, Any]]:
    """A complete, valid evidence mapping for ``card`` (``score(card, evidence)`` never raises)."""
    ranges = _ranges(card)
    return st.fixed_dictionaries(
        {key: evidence_values(f, period=period, bounds=ranges.get(key)) for key, f in card.fields.items()}
    )


def builtin_cards() -> st.SearchStrategy[Card]:
    """One of the cards shipped with zwgk (``st.from_type(zwgk.scoring.Card)`` uses this)."""
    return st.sampled_from(list_cards()).map(load_card)
