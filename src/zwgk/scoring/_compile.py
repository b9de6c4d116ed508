"""Compiling a card's rules into small closures, once per card.

The engine's semantics are those of the rule kinds (see `zwgk.scoring._model`);
this module only makes them fast: conditions become direct lookups, and adjustments
whose content is known in advance (a check on a boolean) are built once and shared —
they are immutable values, so sharing is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import partial

import attrs

from zwgk.scoring._conditions import evaluate
from zwgk.scoring._model import (
    AllOrNothing,
    Check,
    Condition,
    Discretionary,
    EvidenceField,
    Group,
    Item,
    PerMissing,
    PerOccurrence,
    Rule,
    Tiers,
    ZeroIf,
)
from zwgk.scoring._result import Adjustment
from zwgk.scoring._texts import (
    Text,
    capped_occurrences_reason,
    ceiling_reason,
    floor_reason,
    none_present_reason,
    occurrences_reason,
    per_missing_reason,
    prefixed,
    start_reason,
    sub_prefix,
    tier_reason,
)

__all__ = ["CompiledItem", "compile_item", "fmt", "rule_keys"]

_ZERO = Decimal(0)

Values = Mapping[str, object]
Zero = list[tuple[Text, tuple[str, ...]]]
Step = Callable[[Values, list[Adjustment], Decimal, Zero], Decimal]
Test = Callable[[Values], bool]


def fmt(points: Decimal) -> str:
    """Points as plain text without trailing zeros (``Decimal("5.0")`` → ``"5"``)."""
    return format(points.normalize(), "f")


def _condition_keys(condition: Condition | None) -> tuple[str, ...]:
    return () if condition is None else condition.keys


def rule_keys(rule: Rule) -> tuple[str, ...]:
    """The evidence keys a rule reads (including its conditions and nested rules)."""
    if isinstance(rule, AllOrNothing | ZeroIf):
        return rule.when.keys
    if isinstance(rule, Check):
        return rule.when.keys + _condition_keys(rule.only_if)
    if isinstance(rule, Tiers):
        return (rule.field,)
    if isinstance(rule, Group):
        return tuple(k for r in rule.rules for k in rule_keys(r))
    return (rule.field, *_condition_keys(rule.only_if))


def _test(condition: Condition) -> Test:
    if len(condition.any_of) == 1:
        comparison = condition.any_of[0]
        key = comparison.key
        if comparison.op == "truthy":
            return lambda values: values.get(key) is True
        if comparison.op == "falsy":
            return lambda values: values.get(key) is False
    return partial(evaluate, condition)


def _static_evidence(condition: Condition) -> tuple[tuple[str, object], ...] | None:
    """The evidence a boolean condition used when it holds, if that is known in advance."""
    if len(condition.any_of) == 1 and condition.any_of[0].op in ("truthy", "falsy"):
        comparison = condition.any_of[0]
        return ((comparison.key, comparison.op == "truthy"),)
    return None


def _used(keys: tuple[str, ...], values: Values) -> tuple[tuple[str, object], ...]:
    return tuple((k, values[k]) for k in dict.fromkeys(keys) if k in values)


def _guarded(step: Step, only_if: Condition | None) -> Step:
    if only_if is None:
        return step
    test = _test(only_if)

    def guarded(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        return step(values, adjs, value, zero) if test(values) else value

    return guarded


def _check(rule: Check, prefix: Text) -> Step:
    test = _test(rule.when)
    points, reason, keys = rule.points, prefixed(prefix, rule.reason), rule.when.keys
    static = _static_evidence(rule.when)
    prebuilt = None if static is None else Adjustment("check", points, reason, static)

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        if test(values):
            adjs.append(prebuilt or Adjustment("check", points, reason, _used(keys, values)))
            return value + points
        return value

    return step


def _per_occurrence(rule: PerOccurrence, prefix: Text) -> Step:
    field, points, cap, reason = rule.field, rule.points, rule.cap, prefixed(prefix, rule.reason)

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        count = values[field]
        if not count:
            return value
        assert isinstance(count, int)
        delta = points * count
        text = occurrences_reason(reason, count)
        if cap is not None and abs(delta) > cap:
            delta = cap if delta > 0 else -cap
            text = capped_occurrences_reason(reason, count, fmt(cap))
        adjs.append(Adjustment("per_occurrence", delta, text, ((field, count),)))
        return value + delta

    return step


def _per_missing(rule: PerMissing, prefix: Text, field: EvidenceField) -> Step:
    key, points, reason, none_zero = rule.field, rule.points, prefixed(prefix, rule.reason), rule.none_zero
    options = tuple((o.key, o.label) for o in field.options)
    zero_reason = none_present_reason(reason)

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        present = values[key]
        assert isinstance(present, tuple)
        if len(present) != len(options):
            absent = [label for k, label in options if k not in present]
            delta = points * len(absent)
            adjs.append(
                Adjustment("per_missing", delta, per_missing_reason(reason, absent), ((key, present),))
            )
            value += delta
        if none_zero and not present:
            zero.append((zero_reason, (key,)))
        return value

    return step


def _discretionary(rule: Discretionary, prefix: Text) -> Step:
    key, sign, reason = rule.field, rule.sign, prefixed(prefix, rule.reason)

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        amount = values[key]
        total = sum(amount, _ZERO) if isinstance(amount, tuple) else amount
        assert isinstance(total, Decimal)
        if not total:
            return value
        delta = total * sign
        adjs.append(Adjustment("discretionary", delta, reason, ((key, amount),)))
        return value + delta

    return step


def _tiers(rule: Tiers, prefix: Text) -> Step:
    key = rule.field
    tiers = {t.key: (t.points, tier_reason(prefix, rule.reason, t.label, fmt(t.points))) for t in rule.tiers}

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        choice = values[key]
        assert isinstance(choice, str)
        points, reason = tiers[choice]
        adjs.append(Adjustment("tiers", points - value, reason, ((key, choice),)))
        return points

    return step


def _zero(rule: ZeroIf | AllOrNothing, prefix: Text) -> Step:
    test = _test(rule.when)
    expected = isinstance(rule, ZeroIf)
    entry = (prefixed(prefix, rule.reason), rule.when.keys)

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        if test(values) is expected:
            zero.append(entry)
        return value

    return step


def _finish(
    value: Decimal,
    maximum: Decimal | None,
    zero: Zero,
    values: Values,
    *,
    adjs: list[Adjustment],
    prefix: Text,
) -> Decimal:
    if zero and value:
        reason, keys = zero[0]
        adjs.append(Adjustment("zero", -value, reason, _used(keys, values)))
        return _ZERO
    if value < 0:
        adjs.append(Adjustment("floor", -value, floor_reason(prefix)))
        return _ZERO
    if maximum is not None and value > maximum:
        adjs.append(Adjustment("ceiling", maximum - value, ceiling_reason(prefix, fmt(maximum))))
        return maximum
    return value


def _group(rule: Group, prefix: Text, fields: Mapping[str, EvidenceField]) -> Step:
    inner = sub_prefix(prefix, rule.label)
    steps = _compile_rules(rule.rules, inner, fields)
    start, maximum = rule.start, rule.maximum
    start_adjustment = Adjustment("start", start, start_reason(inner, fmt(start)))

    def step(values: Values, adjs: list[Adjustment], value: Decimal, zero: Zero) -> Decimal:
        adjs.append(start_adjustment)
        sub = start
        sub_zero: Zero = []
        for s in steps:
            sub = s(values, adjs, sub, sub_zero)
        return value + _finish(sub, maximum, sub_zero, values, adjs=adjs, prefix=inner)

    return step


def _compile_rules(
    rules: tuple[Rule, ...], prefix: Text, fields: Mapping[str, EvidenceField]
) -> tuple[Step, ...]:
    steps: list[Step] = []
    for rule in rules:
        if isinstance(rule, Check):
            steps.append(_guarded(_check(rule, prefix), rule.only_if))
        elif isinstance(rule, PerOccurrence):
            steps.append(_guarded(_per_occurrence(rule, prefix), rule.only_if))
        elif isinstance(rule, PerMissing):
            steps.append(_guarded(_per_missing(rule, prefix, fields[rule.field]), rule.only_if))
        elif isinstance(rule, Discretionary):
            steps.append(_guarded(_discretionary(rule, prefix), rule.only_if))
        elif isinstance(rule, Tiers):
            steps.append(_tiers(rule, prefix))
        elif isinstance(rule, Group):
            steps.append(_group(rule, prefix, fields))
        else:
            steps.append(_zero(rule, prefix))
    return tuple(steps)


@attrs.frozen
class CompiledItem:
    """An item's rules as closures: ``run(values)`` gives its points and adjustments."""

    item: Item
    steps: tuple[Step, ...]
    start_adjustment: Adjustment | None

    def run(self, values: Values) -> tuple[Decimal, tuple[Adjustment, ...]]:
        """Apply the item's rules in order, then its zero rules, then clamp to ``[0, maximum]``."""
        adjs: list[Adjustment] = [] if self.start_adjustment is None else [self.start_adjustment]
        value = self.item.start
        zero: Zero = []
        for step in self.steps:
            value = step(values, adjs, value, zero)
        value = _finish(value, self.item.maximum, zero, values, adjs=adjs, prefix="")
        return value, tuple(adjs)


def compile_item(item: Item, fields: Mapping[str, EvidenceField]) -> CompiledItem:
    """Compile ``item`` (``fields``: every evidence field of the card, by key)."""
    start = None if not item.start else Adjustment("start", item.start, start_reason("", fmt(item.start)))
    return CompiledItem(item, _compile_rules(item.rules, "", fields), start)
