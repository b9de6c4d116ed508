"""Cross-reference checks of a validated card file, and the core values built from it.

Pydantic checks each record's shape (`zwgk.scoring._card_file`); this module checks
what spans records — every key a rule or condition reads is declared with the right type,
tiers match their choice field, derivations exist and get the inputs they need, item ids
and evidence keys are unique, the card's maximum is the sum of its base items — and lists
every problem with its location.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from zwgk._i18n import msg
from zwgk.errors import DataFileError, Problem
from zwgk.scoring._card_file import (
    AllOrNothingModel,
    CardModel,
    CheckModel,
    DiscretionaryModel,
    FieldModel,
    GroupModel,
    ItemModel,
    PerMissingModel,
    PerOccurrenceModel,
    TiersModel,
    ZeroIfModel,
    validate,
)
from zwgk.scoring._conditions import parse_condition
from zwgk.scoring._derived import DERIVATIONS
from zwgk.scoring._model import (
    AllOrNothing,
    BonusGate,
    Card,
    Check,
    Condition,
    Derivation,
    Discretionary,
    EvidenceField,
    FieldType,
    Grade,
    Group,
    Item,
    Option,
    PerMissing,
    PerOccurrence,
    Rescale,
    Rule,
    Section,
    Tier,
    Tiers,
    Veto,
    ZeroIf,
)
from zwgk.scoring._parameters import apply_parameters
from zwgk.scoring._texts import Text, listing, word

__all__ = ["CardBuilder", "card_from_data"]

_NUMERIC = frozenset({FieldType.COUNT, FieldType.AMOUNT})


class CardBuilder:
    """Turns a validated [`CardModel`][zwgk.scoring.io.CardModel] into a [`Card`][zwgk.scoring.Card],
    collecting cross-reference problems."""

    def __init__(self, model: CardModel) -> None:
        self.model = model
        self.problems: list[Problem] = []
        self.fields: dict[str, FieldType] = {}
        self.field_defs: dict[str, EvidenceField] = {}

    def problem(
        self,
        location: str,
        message: Text,
        field: str | None = None,
        value: object = None,
        expected: Text | None = None,
    ) -> None:
        """Record a problem; its texts are worded now, in the current language."""
        shown = None if expected is None else word(expected)
        self.problems.append(Problem(location, word(message), field, value, shown))

    def field(self, m: FieldModel, location: str) -> EvidenceField:
        ftype = FieldType(m.type)
        if m.key in self.fields:
            self.problem(
                location, msg("duplicate evidence key"), "key", m.key, msg("keys unique within the card")
            )
        if ftype in (FieldType.CHOICE, FieldType.ELEMENTS) and not m.options:
            self.problem(
                location,
                msg("a {type} field needs options", type=m.type),
                "options",
                m.key,
                msg("at least one option"),
            )
        if ftype not in (FieldType.CHOICE, FieldType.ELEMENTS) and m.options:
            self.problem(location, msg("only choice/elements fields take options"), "options", m.key, None)
        keys = [o.key for o in m.options]
        if len(set(keys)) != len(keys):
            self.problem(location, msg("duplicate option keys"), "options", m.key, msg("unique option keys"))
        out = EvidenceField(
            m.key,
            ftype,
            m.description,
            tuple(Option(o.key, o.label) for o in m.options),
            m.minimum,
            m.maximum,
        )
        self.fields[m.key] = ftype
        self.field_defs[m.key] = out
        return out

    def condition(self, text: str, location: str, name: str) -> Condition:
        cond = parse_condition(text)
        for comp in cond.any_of:
            ftype = self.fields.get(comp.key)
            if ftype is None:
                self.problem(
                    location,
                    msg("condition reads an unknown evidence key"),
                    name,
                    comp.key,
                    msg("a key declared in the card's or the item's evidence, or a derived key"),
                )
            elif comp.op in ("truthy", "falsy") and ftype is not FieldType.BOOLEAN:
                self.problem(
                    location,
                    msg("'{key}' alone needs a boolean field", key=comp.key),
                    name,
                    comp.key,
                    msg("a boolean field, or a comparison such as 'key > 20'"),
                )
            elif comp.op not in ("truthy", "falsy") and ftype not in _NUMERIC:
                self.problem(
                    location,
                    msg("comparison on non-numeric field {key}", key=repr(comp.key)),
                    name,
                    ftype.value,
                    msg("a count or amount field"),
                )
        return cond

    def needs(self, key: str, types: tuple[FieldType, ...], location: str, kind: Text) -> None:
        ftype = self.fields.get(key)
        if ftype is None:
            self.problem(
                location,
                msg("{kind} reads an unknown evidence key", kind=kind),
                "field",
                key,
                msg("a key declared in the evidence"),
            )
        elif ftype not in types:
            self.problem(
                location,
                msg("{kind} needs a {types} field", kind=kind, types=" | ".join(t.value for t in types)),
                "field",
                f"{key} ({ftype.value})",
                None,
            )

    def rule(self, m: Any, location: str) -> Rule:
        only_if = getattr(m, "only_if", None)
        oi = None if only_if is None else self.condition(only_if, location, "only_if")
        if isinstance(m, ZeroIfModel):
            return ZeroIf(self.condition(m.when, location, "when"), m.reason)
        if isinstance(m, AllOrNothingModel):
            return AllOrNothing(self.condition(m.when, location, "when"), m.reason)
        if isinstance(m, CheckModel):
            return Check(self.condition(m.when, location, "when"), m.points, m.reason, oi)
        if isinstance(m, PerMissingModel):
            self.needs(m.field, (FieldType.ELEMENTS,), location, "per_missing")
            return PerMissing(m.field, m.points, m.reason, m.none_zero, oi)
        if isinstance(m, PerOccurrenceModel):
            self.needs(m.field, (FieldType.COUNT,), location, "per_occurrence")
            return PerOccurrence(m.field, m.points, m.reason, m.cap, oi)
        if isinstance(m, DiscretionaryModel):
            self.needs(m.field, (FieldType.AMOUNT, FieldType.AMOUNTS), location, "discretionary")
            low, high = m.range
            if not Decimal(0) <= low <= high:
                self.problem(
                    location, msg("bad discretionary range"), "range", f"{low}..{high}", "0 <= low <= high"
                )
            return Discretionary(m.field, low, high, -1 if m.direction == "deduct" else 1, m.reason, oi)
        if isinstance(m, TiersModel):
            self.needs(m.field, (FieldType.CHOICE,), location, "tiers")
            definition = self.field_defs.get(m.field)
            if definition is not None and definition.type is FieldType.CHOICE:
                options = {o.key for o in definition.options}
                tiers = {t.key for t in m.tiers}
                if options != tiers:
                    self.problem(
                        location,
                        msg("tiers and the choice field's options differ"),
                        "tiers",
                        sorted(tiers ^ options),
                        msg("one tier per option"),
                    )
            return Tiers(m.field, tuple(Tier(t.key, t.label, t.points) for t in m.tiers), m.reason)
        assert isinstance(m, GroupModel)
        if m.start > m.maximum:
            self.problem(location, msg("group start above its maximum"), "start", m.start, f"<= {m.maximum}")
        return Group(
            m.label,
            m.start,
            m.maximum,
            tuple(self.rule(r, f"{location}.rules[{i}]") for i, r in enumerate(m.rules)),
        )

    def item(self, m: ItemModel, bonus: bool, evidence: tuple[EvidenceField, ...]) -> Item:
        location = f"item {m.id}"
        if m.maximum is None and not bonus:
            self.problem(
                location,
                msg("item of a non-bonus section without maximum"),
                "maximum",
                None,
                msg("the item's value (分值)"),
            )
        start = m.start if m.start is not None else (Decimal(0) if bonus else (m.maximum or Decimal(0)))
        if m.maximum is not None and start > m.maximum:
            self.problem(location, msg("start above the item's maximum"), "start", start, f"<= {m.maximum}")
        applies_if = None if m.applies_if is None else self.condition(m.applies_if, location, "applies_if")
        rules = tuple(self.rule(r, f"{location}: rules[{i}]") for i, r in enumerate(m.rules))
        return Item(m.id, m.title, m.criteria, m.maximum, start, rules, evidence, applies_if, m.notes)

    def build(self) -> Card:
        m = self.model
        evidence = tuple(self.field(f, f"card: evidence[{i}]") for i, f in enumerate(m.evidence))
        # Every field is declared before any rule reads it, whatever the order of items.
        item_evidence = {
            id(it): tuple(self.field(f, f"item {it.id}: evidence[{i}]") for i, f in enumerate(it.evidence))
            for s in m.sections
            for it in s.items
        }
        derived = []
        for i, d in enumerate(m.derived):
            location = f"card: derived[{i}]"
            spec = DERIVATIONS.get(d.function)
            if spec is None:
                self.problem(
                    location,
                    msg("unknown derivation function"),
                    "function",
                    d.function,
                    msg("one of {options}", options=listing(sorted(DERIVATIONS))),
                )
                result = FieldType.COUNT
            else:
                result = spec.result
                wanted = dict(spec.parameters)
                if set(d.inputs) != set(wanted):
                    self.problem(
                        location,
                        msg("inputs do not match the function's parameters"),
                        "inputs",
                        sorted(d.inputs),
                        ", ".join(sorted(wanted)),
                    )
                for param, key in d.inputs.items():
                    if param in wanted:
                        self.needs(key, (wanted[param],), location, msg("input {param}", param=param))
            if d.key in self.fields:
                self.problem(
                    location, msg("duplicate evidence key"), "key", d.key, msg("keys unique within the card")
                )
            self.fields[d.key] = result
            derived.append(Derivation(d.key, d.function, tuple(sorted(d.inputs.items())), d.description))
        sections = []
        ids: set[str] = set()
        for s in m.sections:
            items = []
            for it in s.items:
                if it.id in ids:
                    self.problem(
                        f"item {it.id}", msg("duplicate item id"), "id", it.id, msg("unique item ids")
                    )
                ids.add(it.id)
                items.append(self.item(it, s.bonus, item_evidence[id(it)]))
            sections.append(Section(s.id, s.title, tuple(items), s.cap, s.bonus))
        vetoes = tuple(
            Veto(v.id, self.condition(v.when, f"card: vetoes[{i}]", "when"), v.reason)
            for i, v in enumerate(m.vetoes)
        )
        base_max = sum(
            (it.maximum or Decimal(0) for s in sections if not s.bonus for it in s.items), Decimal(0)
        )
        if base_max != m.maximum:
            self.problem(
                "card",
                msg("maximum differs from the sum of the base items' maxima"),
                "maximum",
                m.maximum,
                f"{base_max}",
            )
        return Card(
            name=m.name,
            title=m.title,
            source=m.source,
            maximum=m.maximum,
            sections=tuple(sections),
            evidence=evidence,
            derived=tuple(derived),
            vetoes=vetoes,
            pass_mark=m.pass_mark,
            grades=tuple(Grade(g.minimum, g.label) for g in m.grades),
            veto_grade=m.veto_grade,
            bonus_gate=None
            if m.bonus_gate is None
            else BonusGate(m.bonus_gate.threshold, m.bonus_gate.inclusive),
            rescale=None if m.rescale is None else Rescale(m.rescale.quantum),
            notes=m.notes,
            version=m.version,
        )


def card_from_data(
    data: Mapping[str, Any], source: str, parameters: Mapping[str, Decimal | int | str] | None = None
) -> Card:
    """Validate card data (as read from TOML/JSON) and build the [`Card`][zwgk.scoring.Card].

    ``$key`` references to the card's ``[[parameters]]`` are replaced first, by the
    parameter's default or the value in ``parameters``.

    Raises:
        zwgk.errors.DataFileError: Lists every problem with its location (an unknown
            parameter, in the card or in ``parameters``, included).
    """
    data, params = apply_parameters(data, parameters or {}, source)
    model = validate(CardModel, data, source)
    builder = CardBuilder(model)
    card = builder.build()
    if builder.problems:
        raise DataFileError(source, builder.problems)
    return attrs.evolve(card, parameters=params) if params else card
