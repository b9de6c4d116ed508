"""Strategies for scorecards and evidence that fits them.

`builtin_cards` samples the cards shipped with zwgk; `synthetic_cards` builds
random but valid small cards from every rule kind through the public card-building API
([`zwgk.scoring.io.card_from_dict`][]), so property tests also see shapes the built-in
cards do not have.  `evidence_for` draws complete, valid evidence for either.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from zwgk.scoring import Card, Discretionary, EvidenceField, FieldType, Group, Rule, list_cards, load_card

__all__ = [
    "RULE_KINDS",
    "SYNTHETIC_CARD_NAME",
    "builtin_cards",
    "cards",
    "evidence_for",
    "evidence_values",
    "synthetic_cards",
]

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
    """One of the cards shipped with zwgk."""
    return st.sampled_from(list_cards()).map(load_card)


# --------------------------------------------------------------------------- synthetic cards

SYNTHETIC_CARD_NAME = "synthetic"
"""The name of every card drawn by `synthetic_cards`."""

RULE_KINDS: tuple[str, ...] = (
    "all_or_nothing",
    "zero_if",
    "check",
    "per_missing",
    "per_occurrence",
    "discretionary",
    "tiers",
    "group",
)
"""The rule kinds `synthetic_cards` draws from (the ``kind`` values of card files)."""


def _half_points(low: Decimal, high: Decimal) -> st.SearchStrategy[Decimal]:
    """Exact half points in ``[low, high]`` (``low``, ``high`` multiples of 0.5)."""
    return st.integers(int(low * 2), int(high * 2)).map(lambda n: Decimal(n) / 2)


class _Fields:
    """Evidence fields declared while one item is drawn (keys prefixed with the item's id)."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.declared: list[dict[str, Any]] = []

    def new(self, type_: str, *, options: int = 0) -> str:
        number = len(self.declared) + 1
        key = f"{self.prefix}_f{number}"
        field: dict[str, Any] = {"key": key, "type": type_, "description": f"合成证据{number}"}
        if options:
            field["options"] = [{"key": f"o{i}", "label": f"选项{i}"} for i in range(1, options + 1)]
        self.declared.append(field)
        return key


def _condition(draw: st.DrawFn, fields: _Fields) -> str:
    """``key``, ``not key`` or ``key OP n`` on a new boolean or count field."""
    form = draw(st.sampled_from(("truthy", "falsy", "compare")))
    if form == "compare":
        op = draw(st.sampled_from(("==", "!=", ">", ">=", "<", "<=")))
        return f"{fields.new('count')} {op} {draw(st.integers(0, 4))}"
    key = fields.new("boolean")
    return key if form == "truthy" else f"not {key}"


def _rule(draw: st.DrawFn, fields: _Fields, maximum: Decimal, *, nested: bool) -> dict[str, Any]:
    kind = draw(st.sampled_from(RULE_KINDS[:-1] if nested else RULE_KINDS))
    reason = f"合成规则（{kind}）"
    rule: dict[str, Any] = {"kind": kind}
    if kind in ("all_or_nothing", "zero_if"):
        return {**rule, "when": _condition(draw, fields), "reason": reason}
    if kind == "tiers":
        key = fields.new("choice", options=draw(st.integers(1, 4)))
        count = len(fields.declared[-1]["options"])
        tiers = [
            {"key": f"o{i}", "label": f"档次{i}", "points": draw(_half_points(Decimal(0), maximum))}
            for i in range(1, count + 1)
        ]
        return {**rule, "field": key, "tiers": tiers, "reason": reason}
    if kind == "group":
        group_max = draw(_half_points(Decimal(0), maximum))
        rules = [_rule(draw, fields, group_max, nested=True) for _ in range(draw(st.integers(1, 3)))]
        start = draw(_half_points(Decimal(0), group_max))
        return {**rule, "label": "合成分组", "start": start, "maximum": group_max, "rules": rules}
    if kind == "check":
        rule |= {
            "when": _condition(draw, fields),
            "points": draw(_half_points(-maximum, maximum)),
            "reason": reason,
        }
    elif kind == "per_missing":
        rule |= {
            "field": fields.new("elements", options=draw(st.integers(1, 5))),
            "points": -draw(_half_points(Decimal("0.5"), Decimal(3))),
            "none_zero": draw(st.booleans()),
            "reason": reason,
        }
    elif kind == "per_occurrence":
        sign = draw(st.sampled_from((-1, 1)))
        points = sign * draw(_half_points(Decimal("0.5"), Decimal(5)))
        rule |= {"field": fields.new("count"), "points": points, "reason": reason}
        if draw(st.booleans()):
            rule["cap"] = draw(_half_points(Decimal(0), maximum))
    else:  # discretionary
        low = draw(_half_points(Decimal(0), Decimal(5)))
        high = draw(_half_points(low, low + 5))
        rule |= {
            "field": fields.new(draw(st.sampled_from(("amount", "amounts")))),
            "range": [low, high],
            "direction": draw(st.sampled_from(("deduct", "award"))),
            "reason": reason,
        }
    if draw(st.booleans()):
        rule["only_if"] = _condition(draw, fields)
    return rule


def _item(
    draw: st.DrawFn, item_id: str, *, bonus: bool, applicability: str | None
) -> tuple[dict[str, Any], Decimal]:
    """One item mapping and its maximum (0 for an uncapped bonus item)."""
    fields = _Fields(f"i{item_id}")
    capped = not bonus or draw(st.booleans())
    maximum = draw(_half_points(Decimal(1), Decimal(20))) if capped else Decimal(0)
    rule_max = maximum if capped else Decimal(10)
    rules = [_rule(draw, fields, rule_max, nested=False) for _ in range(draw(st.integers(1, 3)))]
    item: dict[str, Any] = {
        "id": item_id,
        "title": f"合成考核项目{item_id}",
        "criteria": "合成评分标准",
        "rules": rules,
    }
    if capped:
        item["maximum"] = maximum
        if draw(st.booleans()):
            item["start"] = draw(_half_points(Decimal(0), maximum))
    if applicability is not None and draw(st.booleans()):
        item["applies_if"] = applicability
    item["evidence"] = fields.declared
    return item, maximum


@st.composite
def _synthetic_card_data(draw: st.DrawFn) -> dict[str, Any]:
    card_fields = [
        {"key": "unit_applies", "type": "boolean", "description": "是否适用（合成）"},
        {"key": "unit_vetoed", "type": "boolean", "description": "是否发生否决事项（合成）"},
    ]
    sections: list[dict[str, Any]] = []
    maximum = Decimal(0)
    number = 0
    for s in range(1, draw(st.integers(1, 3)) + 1):
        items = []
        section_max = Decimal(0)
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            item, item_max = _item(draw, str(number), bonus=False, applicability="unit_applies")
            items.append(item)
            section_max += item_max
        section: dict[str, Any] = {"id": f"s{s}", "title": f"合成类别{s}", "items": items}
        if draw(st.booleans()):
            section["cap"] = draw(_half_points(Decimal(0), section_max))
        sections.append(section)
        maximum += section_max
    data: dict[str, Any] = {
        "name": SYNTHETIC_CARD_NAME,
        "title": "合成考核细则",
        "source": "zwgk.testing.synthetic_cards",
        "maximum": maximum,
        "evidence": card_fields,
        "sections": sections,
    }
    if draw(st.booleans()):  # a bonus section (奖励加分), perhaps gated
        number += 1
        bonus_items = [_item(draw, str(number), bonus=True, applicability=None)[0]]
        sections.append({"id": "bonus", "title": "合成加分", "bonus": True, "items": bonus_items})
        if draw(st.booleans()):
            data["bonus_gate"] = {
                "threshold": draw(_half_points(Decimal(0), maximum)),
                "inclusive": draw(st.booleans()),
            }
    if draw(st.booleans()):
        data["vetoes"] = [{"id": "v1", "when": "unit_vetoed", "reason": "合成否决事项"}]
        if draw(st.booleans()):
            data["veto_grade"] = "不合格"
    if draw(st.booleans()):
        data["pass_mark"] = draw(_half_points(Decimal(0), maximum))
    if draw(st.booleans()):
        bands = st.lists(_half_points(Decimal(0), maximum), min_size=1, max_size=3, unique=True)
        minima = sorted(draw(bands))
        data["grades"] = [{"minimum": m, "label": f"等次{i}"} for i, m in enumerate(minima, start=1)]
    if draw(st.booleans()):
        data["rescale"] = {}
    return data


def _build_card(data: dict[str, Any]) -> Card:
    from zwgk.scoring.io import card_from_dict  # the pydantic boundary, imported on first draw

    return card_from_dict(data, source="synthetic_cards()")


def synthetic_cards() -> st.SearchStrategy[Card]:
    """Random but valid small cards (named ``"synthetic"``), built by ``zwgk.scoring.io.card_from_dict``.

    One to three base sections of one to three items, each item with one to three rules
    drawn from every rule kind (``all_or_nothing``, ``zero_if``, ``check`` with an optional
    ``only_if``, ``per_missing`` with ``none_zero``, ``per_occurrence`` with an optional cap,
    ``discretionary`` on an amount or a list of amounts, ``tiers``, ``group`` of nested
    rules), conditions of every form (``key``, ``not key``, ``key OP n``).  Optional:
    section caps, items that apply only when ``unit_applies`` holds, rescaling, a bonus
    section with a bonus gate, a veto on ``unit_vetoed``, a pass mark and grade bands.
    Points are half points.  Use `evidence_for` for evidence that fits.
    """
    return _synthetic_card_data().map(_build_card)


def cards() -> st.SearchStrategy[Card]:
    """Built-in or synthetic cards (``st.from_type(zwgk.scoring.Card)`` uses this)."""
    return st.one_of(builtin_cards(), synthetic_cards())
