"""zwgk.testing scorecards: synthetic cards, evidence that fits them, ``st.from_type(Card)``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from zwgk.errors import EvidenceError
from zwgk.scoring import Card, Group, Rule, list_cards, score
from zwgk.testing import RULE_KINDS, SYNTHETIC_CARD_NAME, evidence_for, synthetic_cards

_KIND_NAMES = {
    "AllOrNothing": "all_or_nothing",
    "ZeroIf": "zero_if",
    "Check": "check",
    "PerMissing": "per_missing",
    "PerOccurrence": "per_occurrence",
    "Discretionary": "discretionary",
    "Tiers": "tiers",
    "Group": "group",
}


def _kinds(rules: tuple[Rule, ...]) -> set[str]:
    out = set()
    for rule in rules:
        out.add(_KIND_NAMES[type(rule).__name__])
        if isinstance(rule, Group):
            out |= _kinds(rule.rules)
    return out


def _card_kinds(card: Card) -> set[str]:
    return {k for _, item in card.items for k in _kinds(item.rules)}


def _features(card: Card) -> set[str]:
    out = _card_kinds(card)
    out |= {
        f"only_if:{type(r).__name__}" for _, i in card.items for r in i.rules if getattr(r, "only_if", None)
    }
    if any(s.cap is not None for s in card.sections):
        out.add("section cap")
    if any(s.bonus for s in card.sections):
        out.add("bonus section")
    for name in ("bonus_gate", "rescale", "pass_mark", "veto_grade"):
        if getattr(card, name) is not None:
            out.add(name)
    if card.vetoes:
        out.add("veto")
    if card.grades:
        out.add("grades")
    if any(i.applies_if is not None for _, i in card.items):
        out.add("applies_if")
    return out


_WANTED = [
    *RULE_KINDS,
    "only_if:Check",
    "section cap",
    "bonus section",
    "bonus_gate",
    "rescale",
    "pass_mark",
    "veto",
    "veto_grade",
    "grades",
    "applies_if",
]


def _seen(strategy: st.SearchStrategy[Card], examples: int) -> list[Card]:
    """Cards drawn by ``strategy`` (generation only: no shrinking, reproducible)."""
    drawn: list[Card] = []

    @settings(max_examples=examples, phases=[Phase.generate], derandomize=True, database=None, deadline=None)
    @given(strategy)
    def collect(card: Card) -> None:
        drawn.append(card)

    collect()
    return drawn


def test_synthetic_cards_cover_every_rule_kind_and_card_feature() -> None:
    drawn = _seen(synthetic_cards(), 60)
    assert {c.name for c in drawn} == {SYNTHETIC_CARD_NAME}
    assert set(RULE_KINDS) == set(_KIND_NAMES.values())
    seen = set().union(*(_features(c) for c in drawn))
    assert set(_WANTED) <= seen, sorted(set(_WANTED) - seen)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_score_never_raises_and_stays_within_bounds_on_synthetic_cards(data: st.DataObject) -> None:
    card = data.draw(synthetic_cards())
    evidence = data.draw(evidence_for(card))
    result = score(card, evidence)
    assert Decimal(0) <= result.base <= result.maximum <= card.maximum
    assert result.bonus >= 0
    if not any(s.bonus for s in card.sections):
        assert result.bonus == 0
        assert Decimal(0) <= result.total <= result.maximum
    else:
        assert result.total >= 0
    for item in result.items:
        assert item.points >= 0
        if item.maximum is not None:
            assert item.points <= item.maximum
        if item.applicable:  # the audit trail of every item adds up to its points
            assert sum((a.points for a in item.adjustments), Decimal(0)) == item.points
    if result.vetoes:
        assert not result.passed


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_evidence_for_synthetic_cards_is_complete(data: st.DataObject) -> None:
    # Every key is needed: dropping one of an item that always applies is an EvidenceError.
    card = data.draw(synthetic_cards())
    evidence = data.draw(evidence_for(card))
    assert set(evidence) == set(card.fields)
    needed = [f.key for _, i in card.items if i.applies_if is None for f in i.evidence]
    if needed:
        key = data.draw(st.sampled_from(needed))
        with pytest.raises(EvidenceError, match=key):
            score(card, {k: v for k, v in evidence.items() if k != key})


def test_from_type_card_draws_builtin_and_synthetic_cards() -> None:
    names = {c.name for c in _seen(st.from_type(Card), 40)}
    assert SYNTHETIC_CARD_NAME in names
    assert names & set(list_cards())
    assert names <= {SYNTHETIC_CARD_NAME, *list_cards()}
