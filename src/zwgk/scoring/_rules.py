"""The condition and rule kinds of a card (the card language's verbs): values, no logic.

Conditions are parsed by `zwgk.scoring._conditions`; rules are compiled into
closures by `zwgk.scoring._compile`.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

__all__ = [
    "AllOrNothing",
    "Check",
    "Comparison",
    "Condition",
    "Discretionary",
    "Group",
    "PerMissing",
    "PerOccurrence",
    "Rule",
    "Tier",
    "Tiers",
    "ZeroIf",
]


@attrs.frozen
class Comparison:
    """``key OP value``; ``op`` is one of ``truthy``, ``falsy``, ``==``, ``!=``, ``>``, ``>=``, ``<``, ``<=``.

    ``truthy``/``falsy`` test a boolean field (``value`` is ignored); the others compare a
    number (count, amount, derived number) with ``value``.
    """

    key: str
    op: str
    value: Decimal = Decimal(0)


@attrs.frozen
class Condition:
    """A disjunction of comparisons: true when any of them holds.

    Written in card files as text: ``"not rules_established"``,
    ``"longest_update_gap > 20"``, ``"complaints_unhandled or window_complaints"``.
    """

    any_of: tuple[Comparison, ...]
    text: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        """The evidence keys the condition reads."""
        return tuple(c.key for c in self.any_of)


# --------------------------------------------------------------------------- rules


@attrs.frozen
class AllOrNothing:
    """The item keeps its points only when ``when`` holds; otherwise it scores 0."""

    when: Condition
    reason: str


@attrs.frozen
class ZeroIf:
    """The item scores 0 when ``when`` holds (不得分), whatever else happened."""

    when: Condition
    reason: str


@attrs.frozen
class Check:
    """A named check: when ``when`` holds, add ``points`` (negative: a deduction, positive: an award)."""

    when: Condition
    points: Decimal
    reason: str
    only_if: Condition | None = None


@attrs.frozen
class PerMissing:
    """``points`` (negative) for each option of an ``elements`` field that is absent.

    With ``none_zero`` the item scores 0 when none of the elements is present (没有的不得分).
    """

    field: str
    points: Decimal
    reason: str
    none_zero: bool = False
    only_if: Condition | None = None


@attrs.frozen
class PerOccurrence:
    """``points`` per occurrence counted in a ``count`` field; the total is limited to ``cap``.

    ``points`` is negative for deductions (每次扣) and positive for awards (每件奖);
    ``cap`` bounds the absolute value of the rule's total (``None``: no bound of its own).
    """

    field: str
    points: Decimal
    reason: str
    cap: Decimal | None = None
    only_if: Condition | None = None


@attrs.frozen
class Discretionary:
    """An amount chosen by the assessor within ``[low, high]`` (视情节扣5—10分).

    The evidence gives the amount: for an ``amount`` field one value, which is either 0
    (nothing to deduct) or within the range; for an ``amounts`` field one value per case,
    each within the range.  ``sign`` is -1 for a deduction, +1 for an award.
    """

    field: str
    low: Decimal
    high: Decimal
    sign: int
    reason: str
    only_if: Condition | None = None


@attrs.frozen
class Tier:
    """One tier of a [`Tiers`][zwgk.scoring.Tiers] rule."""

    key: str
    label: str
    points: Decimal


@attrs.frozen
class Tiers:
    """The item's running points are set to the points of the tier chosen in a ``choice`` field."""

    field: str
    tiers: tuple[Tier, ...]
    reason: str = ""


@attrs.frozen
class Group:
    """Rules scored on their own, from ``start``, clamped to ``[0, maximum]``, then added to the item.

    Use it for items made of parts with their own floors (表一 item 14: 5 points for the
    complaint line and 5 for handling complaints).
    """

    label: str
    start: Decimal
    maximum: Decimal
    rules: tuple[Rule, ...]


Rule = AllOrNothing | ZeroIf | Check | PerMissing | PerOccurrence | Discretionary | Tiers | Group
"""Any rule kind."""
