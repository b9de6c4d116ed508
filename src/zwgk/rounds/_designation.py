"""Designation rules as data: who loses a title and who is recommended, round by round.

Seed 000 (劳保局政务公开示范点建设意见) runs 示范点 under 动态考核: "对不起示范作用的取消示范点资格,
对措施有力成效显著的,推荐为全省系统示范点".  A [`DesignationRules`][zwgk.rounds.DesignationRules] value (read
from TOML by [`zwgk.rounds.io.load_designations`][]) lists rules of three kinds:

- ``drop_below`` — drop a unit whose total is below ``threshold`` in each of the last
  ``rounds`` rounds (consecutive, ending at the round decided on);
- ``drop_bottom`` — drop a unit ranked in the bottom ``count`` (or bottom ``share`` of the
  units assessed, ``count = floor(share × units)``) in each of those rounds;
- ``recommend_top`` — recommend a unit ranked in the top ``count`` in each of those rounds
  and, when ``min_total`` is set, with at least that total in each.

Places come from [`zwgk.scoring.rank`][] (ties share a rank).  ``ties = "include"`` (the
default) keeps every unit tied at the boundary in the bottom or top group; ``"exclude"``
leaves the tied units out.  A unit not assessed in one of the rounds is not decided.
Every [`Decision`][zwgk.rounds.Decision] says which rule, which rounds and which totals and places.
"""

from __future__ import annotations

import enum
import math
from decimal import Decimal
from types import MappingProxyType

import attrs

from zwgk._i18n import N_, Language, Message, gettext, msg, text
from zwgk.errors import InvalidInputError
from zwgk.rounds._rounds import Round, Rounds, points_text

__all__ = ["Action", "Decision", "DesignationRule", "DesignationRules", "RuleKind", "designate"]


class RuleKind(enum.Enum):
    """The kind of a designation rule; the value is the TOML spelling."""

    DROP_BELOW = "drop_below"
    DROP_BOTTOM = "drop_bottom"
    RECOMMEND_TOP = "recommend_top"


class Action(enum.Enum):
    """What a decision does; the value is the JSON spelling, ``label`` its name worded."""

    DROP = "drop"
    RECOMMEND = "recommend"

    @property
    def label(self) -> str:
        """取消资格 or 推荐 (title withdrawn, recommended) in the current language."""
        return self.label_in()

    def label_in(self, lang: Language | None = None) -> str:
        """The action worded in ``lang``."""
        return gettext(_ACTIONS[self], lang)


_ACTIONS = MappingProxyType({Action.DROP: N_("title withdrawn"), Action.RECOMMEND: N_("recommended")})


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 1:
        raise InvalidInputError(
            f"DesignationRule.{attribute.name}", value, gettext("a whole number of at least 1")
        )


@attrs.frozen
class DesignationRule:
    """One rule (see the module docstring); ``label`` and ``source`` are the source's words."""

    id: str
    kind: RuleKind
    label: str
    rounds: int = attrs.field(default=1, validator=_positive)
    threshold: Decimal | None = None
    count: int | None = None
    share: Decimal | None = None
    min_total: Decimal | None = None
    ties: str = "include"
    source: str = ""
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        if self.kind is RuleKind.DROP_BELOW and self.threshold is None:
            raise InvalidInputError(f"rule {self.id}: threshold", None, gettext("a threshold for drop_below"))
        if self.kind is not RuleKind.DROP_BELOW and (self.count is None) == (self.share is None):
            raise InvalidInputError(
                f"rule {self.id}: count/share", None, gettext("exactly one of count or share")
            )
        if self.kind is RuleKind.RECOMMEND_TOP and self.share is not None:
            raise InvalidInputError(f"rule {self.id}: share", self.share, gettext("count for recommend_top"))
        if self.share is not None and not Decimal(0) < self.share <= 1:
            raise InvalidInputError(f"rule {self.id}: share", self.share, gettext("a share in (0, 1]"))
        if self.ties not in ("include", "exclude"):
            raise InvalidInputError(f"rule {self.id}: ties", self.ties, gettext("'include' or 'exclude'"))

    @property
    def action(self) -> Action:
        """What the rule does."""
        return Action.RECOMMEND if self.kind is RuleKind.RECOMMEND_TOP else Action.DROP


@attrs.frozen
class DesignationRules:
    """A set of rules for units assessed with ``card``, with their source."""

    name: str
    title: str
    card: str
    rules: tuple[DesignationRule, ...]
    source: str = ""
    notes: str = ""


@attrs.frozen
class Decision:
    """A unit dropped or recommended by ``rule`` in round ``at``, with the evidence:
    ``periods`` (the consecutive rounds), the unit's ``totals`` and ``places`` in each and
    the number of units ranked in each (``of``); ``explanation`` words it all in the current
    language (`explanation_in` in another)."""

    unit: str
    action: Action
    rule: str
    at: str
    periods: tuple[str, ...]
    totals: tuple[Decimal, ...]
    places: tuple[int, ...]
    of: tuple[int, ...]
    _explanation: str | Message = attrs.field(alias="explanation")

    @property
    def explanation(self) -> str:
        """The decision and its evidence, in the current language."""
        return text(self._explanation)

    def explanation_in(self, lang: Language | None = None) -> str:
        """The decision and its evidence, in ``lang``."""
        return text(self._explanation, lang)


def _in_group(rule: DesignationRule, rnd: Round, unit: str) -> bool:
    n = len(rnd.ranking)
    place = rnd.place(unit)
    if place is None:
        return False
    if rule.kind is RuleKind.DROP_BELOW:
        result = rnd.result(unit)
        assert result is not None
        assert rule.threshold is not None
        return result.total < rule.threshold
    size = rule.count if rule.count is not None else math.floor(rule.share * n)  # type: ignore[operator]
    if size <= 0:
        return False
    if rule.kind is RuleKind.RECOMMEND_TOP:
        ahead = place - 1  # units ranked strictly better
        tied = sum(1 for p in rnd.ranking if p.rank == place)
        fits = ahead < size if rule.ties == "include" else ahead + tied <= size
        result = rnd.result(unit)
        assert result is not None
        return fits and (rule.min_total is None or result.total >= rule.min_total)
    below = sum(1 for p in rnd.ranking if p.rank > place)  # units ranked strictly worse
    tied = sum(1 for p in rnd.ranking if p.rank == place)
    return below < size if rule.ties == "include" else below + tied <= size


def joined(parts: tuple[Message, ...]) -> Message:
    """``parts`` as one message, separated by ``; `` (Chinese: ``；``)."""
    out = parts[-1]
    for part in reversed(parts[:-1]):
        out = msg("{first}; {rest}", first=part, rest=out)
    return out


def _explain(
    rule: DesignationRule, unit: str, evidence: tuple[tuple[str, Decimal, int, int], ...]
) -> Message:
    shown = joined(
        tuple(
            msg("{period} total {total} (rank {rank} of {n})", period=p, total=points_text(t), rank=r, n=n)
            for p, t, r, n in evidence
        )
    )
    return msg(
        "{unit}: {action}. Rule {rule} ({label}): {evidence}.",
        unit=unit,
        action=msg(_ACTIONS[rule.action]),
        rule=rule.id,
        label=rule.label,
        evidence=shown,
    )


def designate(rounds: Rounds, rules: DesignationRules, *, at: str | None = None) -> tuple[Decision, ...]:
    """Apply every rule at round ``at`` (default: the last) and explain each decision.

    Decisions come rule by rule (in the rules' order), units in ranking order.

    Raises:
        InvalidInputError: the rules are for another card.
        UnknownNameError: ``at`` is not a period of ``rounds``.
    """
    if rules.card != rounds.card:
        raise InvalidInputError(
            "rules.card",
            rules.card,
            msg("rules for the card scored, {card}", card=repr(rounds.card)).render(),
        )
    end = rounds.periods.index(rounds.round(at).period) if at is not None else len(rounds.periods) - 1
    out: list[Decision] = []
    last = rounds.rounds[end]
    for rule in rules.rules:
        start = end - rule.rounds + 1
        if start < 0:
            continue
        window = rounds.rounds[start : end + 1]
        for place in last.ranking:
            unit = place.result.unit
            if not all(_in_group(rule, r, unit) for r in window):
                continue
            periods = tuple(r.period for r in window)
            totals = tuple(r.result(unit).total for r in window)  # type: ignore[union-attr]
            places = tuple(r.place(unit) or 0 for r in window)
            of = tuple(len(r.ranking) for r in window)
            out.append(
                Decision(
                    unit,
                    rule.action,
                    rule.id,
                    last.period,
                    periods,
                    totals,
                    places,
                    of,
                    _explain(rule, unit, tuple(zip(periods, totals, places, of, strict=True))),
                )
            )
    return tuple(out)
