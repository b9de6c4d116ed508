"""Core values of a scorecard (考核细则): cards, sections, items, evidence fields and rules.

Every value is a frozen, slotted attrs class; points are `decimal.Decimal`.  Cards
are normally read from TOML by [`zwgk.scoring.load_card`][] (or from a mapping by
[`zwgk.scoring.io.card_from_dict`][]), which validates them; the classes can also be built
directly in Python.  A card holds no engine state: [`zwgk.scoring.compile_card`][] turns it
into a separate [`CompiledCard`][zwgk.scoring.CompiledCard].
"""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from decimal import Decimal

import attrs

from zwgk.scoring._rules import (
    AllOrNothing,
    Check,
    Comparison,
    Condition,
    Discretionary,
    Group,
    PerMissing,
    PerOccurrence,
    Rule,
    Tier,
    Tiers,
    ZeroIf,
)

__all__ = [
    "AllOrNothing",
    "BonusGate",
    "Card",
    "Check",
    "Combination",
    "CombinationPart",
    "Comparison",
    "Condition",
    "Derivation",
    "Discretionary",
    "EvidenceField",
    "FieldType",
    "Grade",
    "Group",
    "Item",
    "Option",
    "PerMissing",
    "PerOccurrence",
    "Rescale",
    "Rule",
    "Section",
    "Tier",
    "Tiers",
    "Veto",
    "ZeroIf",
]


class FieldType(enum.Enum):
    """The type of one piece of evidence (证据类型)."""

    BOOLEAN = "boolean"
    """是/否: ``True``/``False``; also ``"是"``, ``"否"``, ``"有"``, ``"无"``, ``"yes"``, ``"no"``."""
    COUNT = "count"
    """A number of occurrences (次数/项数): a non-negative integer."""
    AMOUNT = "amount"
    """A number of points or another exact quantity: ``Decimal``, ``int`` or a decimal string."""
    AMOUNTS = "amounts"
    """A list of amounts, one per case (e.g. one discretionary deduction per incident)."""
    CHOICE = "choice"
    """One of the field's options, by key or by Chinese label."""
    ELEMENTS = "elements"
    """The options present (a subset of the field's options), by key or label."""
    DATE = "date"
    """A calendar date: ``datetime.date`` or ISO text ``YYYY-MM-DD``."""
    DATES = "dates"
    """A list of dates."""

    @property
    def label(self) -> str:
        """The Chinese label of the type."""
        return _FIELD_LABELS[self]


_FIELD_LABELS: Mapping[FieldType, str] = types.MappingProxyType(
    {
        FieldType.BOOLEAN: "是否",
        FieldType.COUNT: "次数",
        FieldType.AMOUNT: "数值",
        FieldType.AMOUNTS: "数值列表",
        FieldType.CHOICE: "选项",
        FieldType.ELEMENTS: "要素",
        FieldType.DATE: "日期",
        FieldType.DATES: "日期列表",
    }
)


@attrs.frozen
class Option:
    """One option of a choice or elements field: an English key and its Chinese label."""

    key: str
    label: str


@attrs.frozen
class EvidenceField:
    """One piece of evidence a card needs, typed and described so forms can be generated.

    Attributes:
        key: The key of the value in the evidence mapping (unique within a card).
        type: What kind of value is expected.
        description: What the assessor records, in Chinese.
        options: For ``choice`` and ``elements`` fields, the allowed options.
        minimum: For ``amount``/``amounts`` fields, the smallest allowed value (inclusive).
        maximum: For ``amount``/``amounts`` fields, the largest allowed value (inclusive).
    """

    key: str
    type: FieldType
    description: str
    options: tuple[Option, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None


# --------------------------------------------------------------------------- card structure


@attrs.frozen
class Item:
    """One scored item (考核项目) of a card.

    Attributes:
        id: The item's number in the source table (``"6"``).
        title: The assessed content (考核内容), in Chinese from the source.
        criteria: The scoring standard (评分标准), verbatim from the source.
        maximum: The item's value (分值).  For items of a bonus section it is the item's cap
            and may be ``None`` (uncapped).
        start: Points before any rule applies (defaults to ``maximum``; 0 for bonus items).
        rules: Applied in order to the running points; then the result is clamped to
            ``[0, maximum]``.
        evidence: The evidence the item needs.
        applies_if: When given and false, the item does not apply (不适用) and is left out
            of the maximum; the card's `Rescale` then rescales the base score.
        notes: How ambiguous source text was interpreted.
    """

    id: str
    title: str
    criteria: str
    maximum: Decimal | None
    start: Decimal
    rules: tuple[Rule, ...]
    evidence: tuple[EvidenceField, ...] = ()
    applies_if: Condition | None = None
    notes: str = ""


@attrs.frozen
class Section:
    """A group of items (考核项目类别) with an optional cap on its total.

    Items of a ``bonus`` section (奖励加分) are added on top of the base score; they are
    floored at 0 and capped by their own maximum when they have one.
    """

    id: str
    title: str
    items: tuple[Item, ...]
    cap: Decimal | None = None
    bonus: bool = False


@attrs.frozen
class Derivation:
    """A derived piece of evidence: ``key`` = ``function(**inputs)``.

    ``inputs`` maps the function's parameter names to evidence keys.  ``function`` names
    an entry of `zwgk.scoring._derived.DERIVATIONS` (or of the ``derivations`` passed to
    [`zwgk.scoring.score`][]).
    """

    key: str
    function: str
    inputs: tuple[tuple[str, str], ...]
    description: str = ""


@attrs.frozen
class Veto:
    """A card-level veto (单项否决): when ``when`` holds the unit fails, whatever its score."""

    id: str
    when: Condition
    reason: str


@attrs.frozen
class Grade:
    """A score band: totals ``>= minimum`` get ``label`` (the highest matching band wins)."""

    minimum: Decimal
    label: str


@attrs.frozen
class BonusGate:
    """Bonus sections count only when the base score is above ``threshold`` (``>=`` if ``inclusive``)."""

    threshold: Decimal
    inclusive: bool = False


@attrs.frozen
class Rescale:
    """Rescale the base score when items do not apply: ``base × full / applicable``.

    ``full`` is the sum of the maxima of all base items, ``applicable`` that of the items
    that apply (国办秘函〔2019〕19号: 75 × 4/3).  The result is rounded to ``quantum``
    with ROUND_HALF_UP, the only rounding the engine ever does.
    """

    quantum: Decimal = Decimal("0.01")


@attrs.frozen
class CardParameter:
    """A point value or threshold the card states as a parameter (``$key`` in the card file).

    ``value`` is what this card was loaded with (``default`` unless overridden through
    [`load_card`][zwgk.scoring.load_card]); ``verified`` is ``False`` when the transcriber could not
    check the value against the source's text (then the card's notes say so).
    """

    key: str
    value: Decimal
    default: Decimal
    description: str
    verified: bool = False
    note: str = ""


@attrs.frozen
class Card:
    """A scorecard (考核细则).

    Attributes:
        name: Identifier (``"kaifu-2013-departments"``).
        title: Title in Chinese from the source.
        source: The document the card transcribes, with its article or appendix.
        maximum: The base maximum (sum of the maxima of the items of non-bonus sections).
        sections: The card's sections in source order.
        evidence: Card-level evidence (assessment period, vetoes, applicability).
        derived: Derived evidence computed by registered pure functions.
        vetoes: Any veto that holds fails the unit.
        pass_mark: Totals below it fail; ``None``: only vetoes fail.
        grades: Score bands.
        veto_grade: Grade label given to a vetoed unit (``None``: none).
        bonus_gate: Gate on bonus sections.
        rescale: How to rescale when items do not apply (``None``: no rescaling; items that
            do not apply then simply score nothing).
        notes: Interpretations of the source, in Chinese or English.
        version: Version string of this transcription.
        parameters: The card's parameters with the values it was loaded with.
    """

    name: str
    title: str
    source: str
    maximum: Decimal
    sections: tuple[Section, ...]
    evidence: tuple[EvidenceField, ...] = ()
    derived: tuple[Derivation, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    pass_mark: Decimal | None = None
    grades: tuple[Grade, ...] = ()
    veto_grade: str | None = None
    bonus_gate: BonusGate | None = None
    rescale: Rescale | None = None
    notes: str = ""
    version: str = "1"
    parameters: tuple[CardParameter, ...] = ()

    @property
    def items(self) -> tuple[tuple[Section, Item], ...]:
        """Every item with its section, in card order."""
        return tuple((s, i) for s in self.sections for i in s.items)

    @property
    def fields(self) -> Mapping[str, EvidenceField]:
        """Every evidence field of the card (card-level first), by key."""
        out = {f.key: f for f in self.evidence}
        for _, item in self.items:
            out.update((f.key, f) for f in item.evidence)
        return out

    def item(self, item_id: str) -> Item:
        """Return the item with this id.

        Raises:
            zwgk.errors.UnknownNameError: No such item.
        """
        for _, it in self.items:
            if it.id == item_id:
                return it
        from zwgk._i18n import gettext
        from zwgk.errors import UnknownNameError

        raise UnknownNameError(gettext("item"), item_id, [i.id for _, i in self.items])


@attrs.frozen
class CombinationPart:
    """One card of a weighted combination and its weight (e.g. 表一 × 0.6)."""

    card: str
    weight: Decimal


@attrs.frozen
class Combination:
    """A weighted combination of cards' totals (表一 × 60% + 表二 × 40%)."""

    name: str
    title: str
    source: str
    parts: tuple[CombinationPart, ...]
    notes: str = ""
