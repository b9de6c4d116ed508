"""The compile step: a card turned into an immutable plan the engine follows.

[`compile_card`][zwgk.scoring.compile_card] does, once per card, everything that does not depend on evidence:
the evidence readers of every field, the rules of every item as small closures
(`zwgk.scoring._compile`), the order in which evidence is read and results sorted,
the base maximum and the grade bands by descending minimum.  The plan is a frozen value
holding no memo or cache; it compares by identity (it is made of functions) and may be
held, shared between threads and reused for any number of units.
"""

from __future__ import annotations

import operator
import types
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

import attrs

from zwgk.scoring._compile import CompiledItem, compile_item, rule_keys
from zwgk.scoring._evidence import Reader, reader, remembers
from zwgk.scoring._model import (
    Card,
    Condition,
    Derivation,
    Discretionary,
    EvidenceField,
    FieldType,
    Grade,
    Group,
    Item,
    Rule,
    Section,
)
from zwgk.scoring._texts import Text, card_location, item_location

__all__ = ["CompiledCard", "FieldReader", "ItemPlan", "SectionPlan", "compile_card"]

_ZERO = Decimal(0)

Getter = Callable[[Mapping[str, object]], object]

FieldReader = tuple[str, int, Reader, Text, bool]
"""``(key, fast path, reader, location, remembered)``: the fast path is 1 for a boolean field,
2 for a count field, 0 for the others; ``remembered`` says whether readings of the field are
worth remembering (text and lists of text, see `zwgk.scoring._evidence.remembers`)."""


def _no_keys(values: Mapping[str, object]) -> object:
    return ()


def _getter(keys: tuple[str, ...]) -> Getter:
    """``values`` → the values of ``keys`` (a tuple; the value itself for one key), in C.

    Raises ``KeyError`` when a key is absent from ``values``.
    """
    return operator.itemgetter(*keys) if keys else _no_keys


def _field_readers(fields: Iterable[EvidenceField], location: Text) -> tuple[FieldReader, ...]:
    fast = {FieldType.BOOLEAN: 1, FieldType.COUNT: 2}
    return tuple((f.key, fast.get(f.type, 0), reader(f), location, remembers(f)) for f in fields)


def _item_keys(item: Item) -> tuple[str, ...]:
    keys = [f.key for f in item.evidence]
    for rule in item.rules:
        keys.extend(rule_keys(rule))
    return tuple(dict.fromkeys(keys))


def _discretionary_rules(rules: tuple[Rule, ...]) -> tuple[Discretionary, ...]:
    out: list[Discretionary] = []
    for rule in rules:
        if isinstance(rule, Discretionary):
            out.append(rule)
        elif isinstance(rule, Group):
            out.extend(_discretionary_rules(rule.rules))
    return tuple(out)


@attrs.frozen(eq=False)
class ItemPlan:
    """One item, compiled.

    ``index`` numbers the item within the card (the engine's memo of results is a list with
    one slot per item); ``keys`` are the evidence keys its rules read, and an applicable
    item's result is a pure function of their values, which ``getter`` takes in one call.
    """

    index: int
    section: str
    item: Item
    compiled: CompiledItem
    bonus: bool
    location: Text
    keys: tuple[str, ...]
    discretionary: tuple[Discretionary, ...]
    readers: tuple[FieldReader, ...]
    getter: Getter

    @property
    def applies_if(self) -> Condition | None:
        """The item's applicability condition (``None``: it always applies)."""
        return self.item.applies_if


@attrs.frozen(eq=False)
class SectionPlan:
    """One section, compiled: its items and, when every item always applies, ``getter`` of the
    values of every key its items read (the section's result is then a pure function of them)."""

    index: int
    section: Section
    items: tuple[ItemPlan, ...]
    getter: Getter | None


@attrs.frozen(eq=False)
class CompiledCard:
    """A card compiled for scoring ([`compile_card`][zwgk.scoring.compile_card]): immutable, reusable,
    thread-safe.

    Pass it to [`zwgk.scoring.score`][] in place of the card to skip the compile step.
    It compares by identity; ``card`` is the card it was compiled from.
    """

    card: Card
    fields: Mapping[str, EvidenceField]
    # evidence always needed (card level, items without applies_if), read in one pass, and
    # the same readers split for the fast path: boolean keys, count keys, the others
    readers: tuple[FieldReader, ...]
    boolean_keys: tuple[str, ...]
    count_keys: tuple[str, ...]
    other_readers: tuple[FieldReader, ...]
    # items with an applicability condition: their evidence is needed only when they apply
    conditional: tuple[ItemPlan, ...]
    # discretionary rules to range-check: (rules, location)
    discretionary: tuple[tuple[tuple[Discretionary, ...], Text], ...]
    derived_keys: frozenset[str]
    # derivations with their parameter names and input keys, in card order
    derived: tuple[tuple[Derivation, tuple[str, ...], tuple[str, ...]], ...]
    sections: tuple[SectionPlan, ...]
    item_count: int
    # every key the read values can hold, sorted, and a getter of their values in that order
    value_keys: tuple[str, ...]
    value_getter: Getter
    base_maximum: Decimal
    grades: tuple[Grade, ...]

    @property
    def name(self) -> str:
        """The card's name."""
        return self.card.name

    def __repr__(self) -> str:
        return f"<CompiledCard {self.card.name}: {self.item_count} items>"


def compile_card(card: Card) -> CompiledCard:
    """Compile ``card`` into the plan [`zwgk.scoring.score`][] follows.

    Scoring a [`Card`][zwgk.scoring.Card] compiles it (the last few cards compiled are remembered by
    identity); compile once and pass the [`CompiledCard`][zwgk.scoring.CompiledCard] to make that explicit.
    The plan depends on the card alone, never on evidence, and gives the same results.

    Raises:
        zwgk.errors.InvalidTypeError: ``card`` is not a [`Card`][zwgk.scoring.Card] (a card name is refused:
            load it first with [`zwgk.scoring.load_card`][]).
    """
    from zwgk.errors import InvalidTypeError

    if not isinstance(card, Card):
        raise InvalidTypeError.not_a_card("card", card)
    fields = card.fields
    sections: list[SectionPlan] = []
    items: list[ItemPlan] = []
    for s_index, section in enumerate(card.sections):
        plans: list[ItemPlan] = []
        for item in section.items:
            keys = _item_keys(item)
            location = item_location(item.id)
            plans.append(
                ItemPlan(
                    index=len(items) + len(plans),
                    section=section.id,
                    item=item,
                    compiled=compile_item(item, fields),
                    bonus=section.bonus,
                    location=location,
                    keys=keys,
                    discretionary=_discretionary_rules(item.rules),
                    readers=_field_readers(item.evidence, location),
                    getter=_getter(keys),
                )
            )
        all_plain = all(p.applies_if is None for p in plans)
        section_keys = tuple(dict.fromkeys(k for p in plans for k in p.keys))
        sections.append(
            SectionPlan(s_index, section, tuple(plans), _getter(section_keys) if all_plain else None)
        )
        items.extend(plans)
    value_keys = tuple(sorted({*fields, *(d.key for d in card.derived)}))
    readers = _field_readers(card.evidence, card_location()) + tuple(
        r for p in items if p.applies_if is None for r in p.readers
    )
    return CompiledCard(
        card=card,
        fields=types.MappingProxyType(fields),
        readers=readers,
        boolean_keys=tuple(r[0] for r in readers if r[1] == 1),
        count_keys=tuple(r[0] for r in readers if r[1] == 2),
        other_readers=tuple(r for r in readers if r[1] == 0),
        conditional=tuple(p for p in items if p.applies_if is not None),
        discretionary=tuple((p.discretionary, p.location) for p in items if p.discretionary),
        derived_keys=frozenset(d.key for d in card.derived),
        derived=tuple(
            (d, tuple(p for p, _ in d.inputs), tuple(k for _, k in d.inputs)) for d in card.derived
        ),
        sections=tuple(sections),
        item_count=len(items),
        value_keys=value_keys,
        value_getter=_getter(value_keys),
        base_maximum=sum((p.item.maximum or _ZERO for p in items if not p.bonus), _ZERO),
        grades=tuple(sorted(card.grades, key=lambda g: g.minimum, reverse=True)),
    )
