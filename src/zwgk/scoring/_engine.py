"""The scoring engine: a pure, deterministic function of a card and evidence.

Order of evaluation (documented in docs/reference/scoring.md):

1. evidence is read and checked against the card (every problem listed in one
   :class:`~zwgk.errors.EvidenceError`); derived evidence is computed;
2. each item that applies starts from its ``start`` points and its rules are applied in
   order; a zero rule (``zero_if``, ``all_or_nothing``) then sets it to 0; finally the
   item is clamped to ``[0, maximum]``;
3. sections add their items and apply their caps;
4. the base (non-bonus sections) is rescaled when items do not apply and the card says so;
5. bonus sections count when the base passes the bonus gate;
6. vetoes, the pass mark and the grade bands decide ``passed`` and ``grade``.
"""

from __future__ import annotations

import decimal
import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import cast

import attrs

from zwgk.errors import EvidenceError, InvalidInputError, InvalidTypeError, Problem
from zwgk.scoring._compile import CompiledItem, compile_item, fmt, rule_keys
from zwgk.scoring._conditions import evaluate
from zwgk.scoring._derived import DERIVATIONS, DerivationFunction, WorkingDayCalendar
from zwgk.scoring._evidence import Reader, expected_text, reader
from zwgk.scoring._model import (
    Card,
    Combination,
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
from zwgk.scoring._result import (
    Adjustment,
    CombinedPart,
    CombinedResult,
    ItemDelta,
    ItemResult,
    Ranking,
    ScoreResult,
    SectionResult,
    WhatIf,
)

__all__ = ["apply_combination", "combine", "rank", "score", "what_if"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_MEMO_LIMIT = 4096  # results remembered per item; beyond it items are simply recomputed
# A fixed context: results never depend on the caller's decimal context.
_CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])


def _item_keys(item: Item) -> tuple[str, ...]:
    keys = [f.key for f in item.evidence]
    for rule in item.rules:
        keys.extend(rule_keys(rule))
    return tuple(dict.fromkeys(keys))


# --------------------------------------------------------------------------- per-card lookup tables


def _discretionary_rules(rules: tuple[Rule, ...]) -> tuple[Discretionary, ...]:
    out: list[Discretionary] = []
    for rule in rules:
        if isinstance(rule, Discretionary):
            out.append(rule)
        elif isinstance(rule, Group):
            out.extend(_discretionary_rules(rule.rules))
    return tuple(out)


_FieldReader = tuple[str, int, Reader, str]
"""(key, fast path: 1 boolean, 2 count, 0 none, reader, location)."""


def _field_readers(fields: Iterable[EvidenceField], location: str) -> tuple[_FieldReader, ...]:
    fast = {FieldType.BOOLEAN: 1, FieldType.COUNT: 2}
    return tuple((f.key, fast.get(f.type, 0), reader(f), location) for f in fields)


@attrs.frozen
class _ItemPlan:
    item: Item
    compiled: CompiledItem
    bonus: bool
    location: str
    keys: tuple[str, ...]
    discretionary: tuple[Discretionary, ...]
    # Memo of results by the values of ``keys``: an item's result is a pure function of
    # them, and results are immutable, so equal evidence may share one result object.
    memo: dict[object, ItemResult] = attrs.field(factory=dict, eq=False, repr=False)
    readers: tuple[_FieldReader, ...] = ()
    # Always applies, so its result depends on ``keys`` alone.
    plain: bool = attrs.field(init=False)
    # ``values`` → the memo key (the values of ``keys``), in C; KeyError when one is absent.
    getter: Callable[[Mapping[str, object]], object] = attrs.field(init=False, eq=False, repr=False)

    @plain.default
    def _plain(self) -> bool:
        return self.item.applies_if is None

    @getter.default
    def _default_getter(self) -> Callable[[Mapping[str, object]], object]:
        return _getter(self.keys)

    def memo_key(self, values: Mapping[str, object]) -> object:
        """The values of ``keys`` (``None`` for absent ones), shaped as :attr:`getter` shapes them."""
        try:
            return self.getter(values)
        except KeyError:
            found = tuple([values.get(k) for k in self.keys])
            return found[0] if len(found) == 1 else found


def _no_keys(values: Mapping[str, object]) -> object:
    return ()


def _getter(keys: tuple[str, ...]) -> Callable[[Mapping[str, object]], object]:
    """``values`` → the values of ``keys`` (a tuple; the value itself for one key), in C."""
    return operator.itemgetter(*keys) if keys else _no_keys


@attrs.frozen
class _Plan:
    fields: Mapping[str, EvidenceField]
    # evidence always needed (card level, items without applies_if), read in one pass
    readers: tuple[_FieldReader, ...]
    # the same readers split for the fast path: boolean keys, count keys, the others
    boolean_keys: tuple[str, ...]
    count_keys: tuple[str, ...]
    other_readers: tuple[_FieldReader, ...]
    # items with an applicability condition: their evidence is needed only when they apply
    conditional: tuple[_ItemPlan, ...]
    # discretionary rules to range-check: (rules, location)
    discretionary: tuple[tuple[tuple[Discretionary, ...], str], ...]
    derived_keys: frozenset[str]
    sections: tuple[tuple[Section, tuple[_ItemPlan, ...]], ...]
    # per section: every item always applies
    all_plain: tuple[bool, ...]
    # per section with ``all_plain``: the values of its items' keys (in C), and a memo of
    # the section's item results and SectionResult by them (a pure function of them)
    section_getters: tuple[Callable[[Mapping[str, object]], object] | None, ...]
    section_memos: tuple[dict[object, tuple[tuple[ItemResult, ...], SectionResult]], ...]
    # derivations with their parameter names and input keys, in card order
    derived: tuple[tuple[Derivation, tuple[str, ...], tuple[str, ...]], ...]
    # every key ``values`` can hold, sorted, and a getter of their values in that order
    value_keys: tuple[str, ...]
    value_getter: Callable[[Mapping[str, object]], object]
    base_maximum: Decimal
    grades: tuple[Grade, ...]


def _plan_of(card: Card) -> _Plan:
    """The card's lookup tables (memoised on the card: :attr:`Card._plan`)."""
    plan = card._plan
    assert isinstance(plan, _Plan)
    return plan


def build_plan(card: Card) -> _Plan:
    """Build the lookup tables and compiled rules of ``card`` (called once per card)."""
    fields = card.fields
    sections = tuple(
        (
            section,
            tuple(
                _ItemPlan(
                    item,
                    compile_item(item, fields),
                    section.bonus,
                    f"item {item.id}",
                    _item_keys(item),
                    _discretionary_rules(item.rules),
                    readers=_field_readers(item.evidence, f"item {item.id}"),
                )
                for item in section.items
            ),
        )
        for section in card.sections
    )
    items = [ip for _, ips in sections for ip in ips]
    value_keys = tuple(sorted({*fields, *(d.key for d in card.derived)}))
    readers = _field_readers(card.evidence, "card") + tuple(
        r for ip in items if ip.item.applies_if is None for r in ip.readers
    )
    return _Plan(
        fields=fields,
        readers=readers,
        boolean_keys=tuple(r[0] for r in readers if r[1] == 1),
        count_keys=tuple(r[0] for r in readers if r[1] == 2),
        other_readers=tuple(r for r in readers if r[1] == 0),
        conditional=tuple(ip for ip in items if ip.item.applies_if is not None),
        discretionary=tuple((ip.discretionary, ip.location) for ip in items if ip.discretionary),
        derived_keys=frozenset(d.key for d in card.derived),
        sections=sections,
        all_plain=tuple(all(ip.plain for ip in ips) for _, ips in sections),
        section_getters=tuple(
            _getter(tuple(dict.fromkeys(k for ip in ips for k in ip.keys)))
            if all(ip.plain for ip in ips)
            else None
            for _, ips in sections
        ),
        section_memos=tuple({} for _ in sections),
        value_keys=value_keys,
        derived=tuple(
            (d, tuple(p for p, _ in d.inputs), tuple(k for _, k in d.inputs)) for d in card.derived
        ),
        value_getter=_getter(value_keys),
        base_maximum=sum(
            (ip.item.maximum or _ZERO for s, ips in sections if not s.bonus for ip in ips), _ZERO
        ),
        grades=tuple(sorted(card.grades, key=lambda g: g.minimum, reverse=True)),
    )


# --------------------------------------------------------------------------- reading evidence


def _describe(field: EvidenceField) -> str:
    return f"{expected_text(field)} — {field.description}"


def _read_fields(
    readers: tuple[_FieldReader, ...],
    evidence: Mapping[str, object],
    *,
    values: dict[str, object],
    missing: dict[str, str],
    problems: list[Problem],
    fields: Mapping[str, EvidenceField],
) -> None:
    """Read every field of ``readers``; missing keys go to ``missing`` with their location."""
    get = evidence.get
    for key, fast, read, location in readers:
        raw = get(key)
        if raw is None:
            missing[key] = location
        elif fast and (
            (fast == 1 and (raw is True or raw is False)) or (fast == 2 and type(raw) is int and raw >= 0)
        ):
            values[key] = raw  # fast paths for the commonest evidence (booleans, counts)
        else:
            value, expected = read(raw)
            if expected is None:
                values[key] = value
            else:
                problems.append(
                    Problem(
                        location,
                        "evidence of the wrong type",
                        key,
                        raw,
                        f"{expected} ({fields[key].description})",
                    )
                )


_BOOL_TYPES = frozenset({bool})
_INT_TYPES = frozenset({int})


def _read_plain_fields(
    plan: _Plan,
    evidence: Mapping[str, object],
    *,
    values: dict[str, object],
    missing: dict[str, str],
    problems: list[Problem],
) -> None:
    """:func:`_read_fields` for the card's always-needed evidence, with a fast path.

    When every boolean is a ``bool`` and every count a non-negative ``int`` (the common
    case), they are checked and copied in bulk; otherwise every field is read one by one,
    so that problems are listed in card order exactly as before.
    """
    get = evidence.get
    booleans = tuple(map(get, plan.boolean_keys))
    counts = tuple(map(get, plan.count_keys))
    if set(map(type, booleans)) <= _BOOL_TYPES and (
        not counts or (set(map(type, counts)) <= _INT_TYPES and min(cast("tuple[int, ...]", counts)) >= 0)
    ):
        values.update(zip(plan.boolean_keys, booleans, strict=True))
        values.update(zip(plan.count_keys, counts, strict=True))
        readers = plan.other_readers
    else:
        readers = plan.readers
    _read_fields(readers, evidence, values=values, missing=missing, problems=problems, fields=plan.fields)


def _discretionary_problems(
    rules: tuple[Discretionary, ...], values: Mapping[str, object], location: str, problems: list[Problem]
) -> None:
    for rule in rules:
        if rule.field not in values:
            continue
        value = values[rule.field]
        amounts = value if isinstance(value, tuple) else (value,)
        for amount in amounts:
            assert isinstance(amount, Decimal)
            if isinstance(value, Decimal) and amount == 0:
                continue
            if not rule.low <= amount <= rule.high:
                allowed = f"{fmt(rule.low)}..{fmt(rule.high)}"
                if not isinstance(value, tuple):
                    allowed = "0 or " + allowed
                problems.append(
                    Problem(location, "discretionary amount out of range", rule.field, amount, allowed)
                )


def _derive(
    card: Card,
    values: dict[str, object],
    *,
    missing: list[str],
    problems: list[Problem],
    calendar: WorkingDayCalendar | None,
    derivations: Mapping[str, DerivationFunction],
) -> None:
    for derivation, params, input_keys in _plan_of(card).derived:
        spec = derivations.get(derivation.function)
        if spec is None:
            problems.append(
                Problem(
                    "card",
                    "unknown derivation function",
                    derivation.key,
                    derivation.function,
                    "one of " + ", ".join(sorted(derivations)),
                )
            )
            continue
        arguments = tuple(map(values.get, input_keys))
        if any(v is None for v in arguments):
            missing.append(derivation.key)
            continue
        inputs = dict(zip(params, arguments, strict=True))
        if calendar is None:
            from zwgk.deadlines import default_calendar

            calendar = default_calendar()
        try:
            values[derivation.key] = spec.function(calendar, **inputs)
        except (ValueError, LookupError) as exc:
            problems.append(
                Problem(
                    "card",
                    f"cannot derive {derivation.key} with {derivation.function}: {exc}",
                    derivation.key,
                    None,
                    None,
                )
            )


def _sorted_values(plan: _Plan, values: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    """``values`` as ``(key, value)`` pairs sorted by key."""
    keys = plan.value_keys
    if len(values) == len(keys) > 1:  # every possible key (the common case): order known in advance
        found = plan.value_getter(values)
        assert isinstance(found, tuple)
        return tuple(zip(keys, found, strict=True))
    return tuple(sorted(values.items()))


# --------------------------------------------------------------------------- items


def _score_item(
    section_id: str,
    plan: _ItemPlan,
    values: Mapping[str, object],
    fields: Mapping[str, EvidenceField],
    missing: set[str],
) -> ItemResult:
    item = plan.item
    if (
        item.applies_if is not None
        and not evaluate(item.applies_if, values)
        and not any(k in missing for k in item.applies_if.keys)
    ):
        return ItemResult(section_id, item.id, item.title, item.maximum, _ZERO, False, plan.bonus, ())
    if missing:
        lacking = tuple(k for k in plan.keys if k in missing)
        if lacking:
            adjustment = Adjustment("missing", _ZERO, f"缺少证据（{'、'.join(lacking)}），按0分计")
            return ItemResult(
                section_id, item.id, item.title, item.maximum, _ZERO, True, plan.bonus, (adjustment,), lacking
            )
    memo_key = plan.memo_key(values)
    result = plan.memo.get(memo_key)
    if result is None:
        points, adjustments = plan.compiled.run(values)
        result = ItemResult(
            section_id, item.id, item.title, item.maximum, points, True, plan.bonus, adjustments
        )
        if len(plan.memo) < _MEMO_LIMIT:
            plan.memo[memo_key] = result
    return result


# --------------------------------------------------------------------------- score


def score(
    card: Card,
    evidence: Mapping[str, object],
    *,
    lenient: bool = False,
    unit: str = "",
    calendar: WorkingDayCalendar | None = None,
    derivations: Mapping[str, DerivationFunction] | None = None,
) -> ScoreResult:
    """Score ``evidence`` against ``card``.

    Pure and deterministic: the same card and evidence always give the same result,
    whatever the order of the evidence keys or the caller's decimal context.  All
    arithmetic is exact :class:`~decimal.Decimal`; the only rounding is the card's
    rescaling quantum.

    Args:
        card: The scorecard.
        evidence: Evidence values by key (see :func:`evidence_schema`).  ``None`` counts as
            missing.  Numbers must be ``int``, ``Decimal`` or decimal text; floats are
            rejected.
        lenient: Score items whose evidence is missing as 0 (each such item says so and
            the keys are listed in ``ScoreResult.missing``) instead of raising.  A veto or
            an applicability condition whose evidence is missing is then taken as not
            holding / applying.  Ill-typed evidence is an error in both modes.
        unit: Label of the unit scored, carried into the result.
        calendar: Working-day calendar for derived evidence (default:
            :func:`zwgk.deadlines.default_calendar`, built only when a derivation needs it).
        derivations: Extra derivation functions by name, on top of :data:`DERIVATIONS`.

    Returns:
        The :class:`ScoreResult` with every adjustment.

    Raises:
        zwgk.errors.InvalidTypeError: ``evidence`` is not a mapping.
        zwgk.errors.EvidenceError: Evidence is missing (strict mode), ill-typed, out of
            range or unknown to the card; every problem is listed.
    """
    if not isinstance(evidence, Mapping):
        raise InvalidTypeError("evidence", evidence, "a mapping of evidence keys to values")
    with decimal.localcontext(_CONTEXT):
        return _score(card, evidence, lenient=lenient, unit=unit, calendar=calendar, derivations=derivations)


def _score(
    card: Card,
    evidence: Mapping[str, object],
    *,
    lenient: bool,
    unit: str,
    calendar: WorkingDayCalendar | None,
    derivations: Mapping[str, DerivationFunction] | None,
) -> ScoreResult:
    plan = _plan_of(card)
    fields = plan.fields
    problems: list[Problem] = []
    unknown = evidence.keys() - fields.keys()
    for key in evidence if unknown else ():
        if key in unknown:
            why = (
                "derived evidence is computed, not given"
                if key in plan.derived_keys
                else "unknown evidence key"
            )
            problems.append(Problem("evidence", why, str(key), evidence[key], "a key of the card's evidence"))
    values: dict[str, object] = {}
    missing: dict[str, str] = {}  # key → location
    _read_plain_fields(plan, evidence, values=values, missing=missing, problems=problems)
    for ip in plan.conditional:
        needed: dict[str, str] = {}
        _read_fields(ip.readers, evidence, values=values, missing=needed, problems=problems, fields=fields)
        applies_if = ip.item.applies_if
        # Evidence of an item that does not apply is not needed.  An item whose condition
        # cannot be evaluated (its evidence is missing) is taken as applying, as in
        # _score_item, so its own missing evidence is reported (strict) or scored 0 (lenient).
        if (
            needed
            and applies_if is not None
            and (evaluate(applies_if, values) or any(k in missing for k in applies_if.keys))
        ):
            missing.update(needed)
    for rules, location in plan.discretionary:
        _discretionary_problems(rules, values, location, problems)
    if missing and not lenient:
        problems.extend(
            Problem(location, "missing evidence", k, None, _describe(fields[k]))
            for k, location in missing.items()
        )
    all_derivations = DERIVATIONS if derivations is None else {**DERIVATIONS, **derivations}
    missing_keys = list(missing)
    if not problems and card.derived:
        _derive(
            card,
            values,
            missing=missing_keys,
            problems=problems,
            calendar=calendar,
            derivations=all_derivations,
        )
    if problems:
        raise EvidenceError(card.name, problems)
    missing_set = set(missing_keys)

    items: list[ItemResult] = []
    sections: list[SectionResult] = []
    base = bonus = _ZERO
    full_max = applicable_max = plan.base_maximum
    for index, (section, item_plans) in enumerate(plan.sections):
        getter = plan.section_getters[index]
        section_key: object = None
        if getter is not None and not missing_set:
            try:
                section_key = getter(values)
            except KeyError:  # a rule reads evidence of an item that does not apply
                section_key = None
            else:  # the common case: this section was scored with the same evidence before
                known = plan.section_memos[index].get(section_key)
                if known is not None:
                    items.extend(known[0])
                    sections.append(known[1])
                    if section.bonus:
                        bonus += known[1].points
                    else:
                        base += known[1].points
                    continue
        all_plain = getter is not None
        section_items = [_score_item(section.id, ip, values, fields, missing_set) for ip in item_plans]
        items.extend(section_items)
        points = sum([r.points for r in section_items], _ZERO)
        capped = _ZERO
        if section.cap is not None and points > section.cap:
            capped = points - section.cap
            points = section.cap
        section_result = SectionResult(section.id, section.title, points, section.bonus, capped)
        sections.append(section_result)
        memo = plan.section_memos[index]
        if section_key is not None and len(memo) < _MEMO_LIMIT:
            memo[section_key] = (tuple(section_items), section_result)
        if section.bonus:
            bonus += points
        else:
            base += points
            if not all_plain:
                for r in section_items:
                    if not r.applicable:
                        applicable_max -= r.maximum or _ZERO

    adjustments: list[Adjustment] = []
    maximum = card.maximum
    if applicable_max != full_max:
        if card.rescale is not None:
            rescaled = (
                (base * full_max / applicable_max).quantize(card.rescale.quantum) if applicable_max else _ZERO
            )
            adjustments.append(
                Adjustment(
                    "rescale",
                    rescaled - base,
                    f"部分指标不适用，按{fmt(base)}×{fmt(full_max)}/{fmt(applicable_max)}折算",
                )
            )
            base = rescaled
        else:
            maximum = applicable_max
    bonus_counted = True
    gate = card.bonus_gate
    if gate is not None and bonus:
        bonus_counted = base >= gate.threshold if gate.inclusive else base > gate.threshold
        if not bonus_counted:
            relation = "达到" if gate.inclusive else "超过"
            adjustments.append(
                Adjustment(
                    "bonus_gate",
                    -bonus,
                    f"基础得分{fmt(base)}分未{relation}{fmt(gate.threshold)}分，加分不计",
                )
            )
    total = base + bonus if bonus_counted else base

    vetoes = tuple(v.reason for v in card.vetoes if evaluate(v.when, values))
    passed = not vetoes and (card.pass_mark is None or total >= card.pass_mark)
    grade: str | None = None
    if vetoes and card.veto_grade is not None:
        grade = card.veto_grade
    else:
        for band in plan.grades:
            if total >= band.minimum:
                grade = band.label
                break
    return ScoreResult(
        card=card.name,
        card_title=card.title,
        unit=unit,
        total=total,
        base=base,
        bonus=bonus,
        bonus_counted=bonus_counted,
        maximum=maximum,
        grade=grade,
        passed=passed,
        vetoes=vetoes,
        items=tuple(items),
        sections=tuple(sections),
        adjustments=tuple(adjustments),
        missing=tuple(sorted(missing_set)),
        evidence=_sorted_values(plan, values),
    )


# --------------------------------------------------------------------------- many results


def _weight(value: object, field: str) -> Decimal:
    if isinstance(value, bool | float):
        raise InvalidTypeError(field, value, "a Decimal, int or decimal text (floats are inexact)")
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except decimal.InvalidOperation:
            raise InvalidInputError(field, value, "a decimal number such as '0.6'") from None
    raise InvalidTypeError(field, value, "a Decimal, int or decimal text")


def _plain(value: Decimal) -> Decimal:
    """``value`` without spurious trailing zeros: ``61.50`` → ``61.5``, ``60.0`` → ``60`` (exact).

    Unlike :meth:`Decimal.normalize` it never switches to an exponent (``100`` stays
    ``100``, not ``1E+2``); the value is unchanged, only its representation.
    """
    if value == value.to_integral_value():
        return value.quantize(_ONE)
    return value.normalize()


def combine(
    parts: Iterable[tuple[ScoreResult, Decimal | int | str]], *, title: str = "", unit: str | None = None
) -> CombinedResult:
    """Weighted sum of results: ``Σ result.total × weight`` (exact; no rounding).

    Contributions and the total are exact and written without spurious trailing zeros,
    like the totals of :func:`score` (``102.5 × 0.6`` is ``Decimal("61.5")``, not
    ``Decimal("61.50")``).

    Args:
        parts: ``(result, weight)`` pairs; weights are ``Decimal``, ``int`` or decimal text.
        title: Title of the combination.
        unit: Unit label (default: the first part's).

    Returns:
        The :class:`CombinedResult`; it passes when every part passed.

    Raises:
        zwgk.errors.InvalidInputError: No parts, or a weight is not a number.
        zwgk.errors.InvalidTypeError: A weight is a float.
    """
    with decimal.localcontext(_CONTEXT):
        return _combine(parts, title=title, unit=unit)


def _combine(
    parts: Iterable[tuple[ScoreResult, Decimal | int | str]], *, title: str, unit: str | None
) -> CombinedResult:
    out: list[CombinedPart] = []
    for index, (result, weight) in enumerate(parts):
        w = _weight(weight, f"parts[{index}].weight")
        out.append(CombinedPart(result, w, _plain(result.total * w)))
    if not out:
        raise InvalidInputError("parts", [], "at least one (result, weight) pair")
    total = _plain(sum((p.contribution for p in out), _ZERO))
    return CombinedResult(
        title=title,
        unit=out[0].result.unit if unit is None else unit,
        total=total,
        parts=tuple(out),
        passed=all(p.result.passed for p in out),
        vetoes=tuple(v for p in out for v in p.result.vetoes),
    )


def apply_combination(combination: Combination, results: Iterable[ScoreResult]) -> CombinedResult:
    """Combine results according to a :class:`Combination` (matched by card name).

    Raises:
        zwgk.errors.InvalidInputError: A card of the combination has no result, or a result
            is for a card outside the combination.
    """
    by_card = {r.card: r for r in results}
    needed = [p.card for p in combination.parts]
    lacking = [c for c in needed if c not in by_card]
    if lacking:
        raise InvalidInputError("results", sorted(by_card), f"a result for each of {', '.join(needed)}")
    extra = sorted(set(by_card) - set(needed))
    if extra:
        raise InvalidInputError("results", extra, f"results only for {', '.join(needed)}")
    return combine(((by_card[p.card], p.weight) for p in combination.parts), title=combination.title)


def rank(results: Iterable[ScoreResult | CombinedResult]) -> tuple[Ranking, ...]:
    """Rank results by total, highest first; vetoed results come after all others.

    Equal totals (with the same veto status) share a rank and the next rank skips
    (1, 2, 2, 4); within a tie the order is by unit label.
    """
    ordered = sorted(results, key=lambda r: (bool(r.vetoes), -r.total, r.unit))
    out: list[Ranking] = []
    for position, result in enumerate(ordered, start=1):
        if out and (bool(out[-1].result.vetoes), out[-1].result.total) == (bool(result.vetoes), result.total):
            out.append(Ranking(out[-1].rank, result))
        else:
            out.append(Ranking(position, result))
    return tuple(out)


def what_if(
    card: Card,
    evidence: Mapping[str, object],
    key: str,
    new_value: object,
    *,
    lenient: bool = False,
    calendar: WorkingDayCalendar | None = None,
) -> WhatIf:
    """Score the evidence as given and with ``key`` set to ``new_value``; report the change.

    Returns:
        :class:`WhatIf` with both results, the change of the total and of every item that
        changed.

    Raises:
        zwgk.errors.EvidenceError: ``key`` is not an evidence key of the card, or either
            evidence set does not fit the card.
    """
    if key not in card.fields:
        raise EvidenceError(
            card.name,
            [Problem("what_if", "unknown evidence key", key, new_value, "a key of the card's evidence")],
        )
    before = score(card, evidence, lenient=lenient, calendar=calendar)
    after = score(card, {**evidence, key: new_value}, lenient=lenient, calendar=calendar)
    deltas = tuple(
        ItemDelta(a.item, a.points, b.points, b.points - a.points)
        for a, b in zip(before.items, after.items, strict=True)
        if a.points != b.points
    )
    return WhatIf(key, evidence.get(key), new_value, before, after, after.total - before.total, deltas)
