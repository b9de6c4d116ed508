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
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from zwgk.errors import EvidenceError, InvalidInputError, InvalidTypeError, Problem
from zwgk.scoring._compile import CompiledItem, compile_item, fmt, rule_keys
from zwgk.scoring._conditions import evaluate
from zwgk.scoring._derived import DERIVATIONS, DerivationFunction, WorkingDayCalendar
from zwgk.scoring._evidence import Reader, expected_text, reader
from zwgk.scoring._model import (
    Card,
    Combination,
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
    memo: dict[tuple[object, ...], ItemResult] = attrs.field(factory=dict, eq=False, repr=False)
    readers: tuple[_FieldReader, ...] = ()

    @property
    def plain(self) -> bool:
        """Always applies, so its result depends on ``keys`` alone."""
        return self.item.applies_if is None


@attrs.frozen
class _Plan:
    fields: Mapping[str, EvidenceField]
    # evidence always needed (card level, items without applies_if), read in one pass
    readers: tuple[_FieldReader, ...]
    # items with an applicability condition: their evidence is needed only when they apply
    conditional: tuple[_ItemPlan, ...]
    # discretionary rules to range-check: (rules, location)
    discretionary: tuple[tuple[tuple[Discretionary, ...], str], ...]
    derived_keys: frozenset[str]
    sections: tuple[tuple[Section, tuple[_ItemPlan, ...]], ...]
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
    return _Plan(
        fields=fields,
        readers=_field_readers(card.evidence, "card")
        + tuple(r for ip in items if ip.item.applies_if is None for r in ip.readers),
        conditional=tuple(ip for ip in items if ip.item.applies_if is not None),
        discretionary=tuple((ip.discretionary, ip.location) for ip in items if ip.discretionary),
        derived_keys=frozenset(d.key for d in card.derived),
        sections=sections,
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
        elif (fast == 1 and (raw is True or raw is False)) or (fast == 2 and type(raw) is int and raw >= 0):
            values[key] = raw  # fast paths for the commonest evidence
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
    for derivation in card.derived:
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
        inputs = {param: values.get(key) for param, key in derivation.inputs}
        if any(v is None for v in inputs.values()):
            missing.append(derivation.key)
            continue
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
    memo_key = tuple([values.get(k) for k in plan.keys])
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
    for key in evidence:
        if key not in fields:
            why = (
                "derived evidence is computed, not given"
                if key in plan.derived_keys
                else "unknown evidence key"
            )
            problems.append(Problem("evidence", why, str(key), evidence[key], "a key of the card's evidence"))
    values: dict[str, object] = {}
    missing: dict[str, str] = {}  # key → location
    _read_fields(plan.readers, evidence, values=values, missing=missing, problems=problems, fields=fields)
    for ip in plan.conditional:
        needed: dict[str, str] = {}
        _read_fields(ip.readers, evidence, values=values, missing=needed, problems=problems, fields=fields)
        applies_if = ip.item.applies_if
        if needed and applies_if is not None and evaluate(applies_if, values):
            missing.update(needed)  # evidence of an item that does not apply is not needed
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
    for section, item_plans in plan.sections:
        section_items = []
        for ip in item_plans:
            if missing_set or not ip.plain:
                section_items.append(_score_item(section.id, ip, values, fields, missing_set))
                continue
            memo_key = tuple([values.get(k) for k in ip.keys])
            found = ip.memo.get(memo_key)
            section_items.append(
                found if found is not None else _score_item(section.id, ip, values, fields, missing_set)
            )
        items.extend(section_items)
        points = sum([r.points for r in section_items], _ZERO)
        capped = _ZERO
        if section.cap is not None and points > section.cap:
            capped = points - section.cap
            points = section.cap
        sections.append(SectionResult(section.id, section.title, points, section.bonus, capped))
        if section.bonus:
            bonus += points
        else:
            base += points
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
        evidence=tuple(sorted(values.items())),
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


def combine(
    parts: Iterable[tuple[ScoreResult, Decimal | int | str]], *, title: str = "", unit: str | None = None
) -> CombinedResult:
    """Weighted sum of results: ``Σ result.total × weight`` (exact; no rounding).

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
    out: list[CombinedPart] = []
    for index, (result, weight) in enumerate(parts):
        w = _weight(weight, f"parts[{index}].weight")
        out.append(CombinedPart(result, w, result.total * w))
    if not out:
        raise InvalidInputError("parts", [], "at least one (result, weight) pair")
    total = sum((p.contribution for p in out), _ZERO)
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
