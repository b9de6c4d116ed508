"""The scoring engine: a pure, deterministic function of a card and evidence.

One unit is scored in named steps (documented in docs/reference/scoring.md), each a
pure function of the plan and what the steps before it gave:

1. `read` — evidence → typed values, every problem listed in one
   [`EvidenceError`][zwgk.errors.EvidenceError];
2. `derive` — the derived evidence;
3. `score_items` — each item that applies starts from its ``start`` points, its rules
   are applied in order, a zero rule (``zero_if``, ``all_or_nothing``) then sets it to 0,
   and it is clamped to ``[0, maximum]``;
4. `score_section` — sections add their items and apply their caps;
5. `rescale` — the base (non-bonus sections) is rescaled when items do not apply and
   the card says so;
6. `gates` — bonus sections count when the base passes the bonus gate; the vetoes
   that hold are listed;
7. `verdict` — the pass mark, the vetoes and the grade bands decide ``passed`` and
   ``grade``.

The memo (`zwgk.scoring._memo`) only lets equal inputs share result objects.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal

from zwgk.errors import EvidenceError, InvalidTypeError
from zwgk.scoring._compile import fmt
from zwgk.scoring._conditions import evaluate
from zwgk.scoring._derived import DERIVATIONS, DerivationFunction, WorkingDayCalendar
from zwgk.scoring._memo import Memo, memo_for, plan_for
from zwgk.scoring._model import Card
from zwgk.scoring._plan import CompiledCard, ItemPlan, SectionPlan
from zwgk.scoring._read import derive, read
from zwgk.scoring._result import Adjustment, ItemResult, ScoreResult, SectionResult
from zwgk.scoring._texts import bonus_gate_reason, missing_evidence_reason, rescale_reason

__all__ = ["CONTEXT", "gates", "rescale", "score", "score_items", "score_section", "verdict"]

_ZERO = Decimal(0)
_MEMO_LIMIT = 4096  # results remembered per item and per section; beyond it they are recomputed
CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])
"""A fixed context: results never depend on the caller's decimal context."""


# --------------------------------------------------------------------------- 3. items


def _score_item(
    plan: ItemPlan, values: Mapping[str, object], missing: frozenset[str], memo: Memo
) -> ItemResult:
    item = plan.item
    applies_if = item.applies_if
    if (
        applies_if is not None
        and not evaluate(applies_if, values)
        and not any(k in missing for k in applies_if.keys)
    ):
        return ItemResult(plan.section, item.id, item.title, item.maximum, _ZERO, False, plan.bonus, ())
    if missing:
        lacking = tuple(k for k in plan.keys if k in missing)
        if lacking:
            adjustment = Adjustment("missing", _ZERO, missing_evidence_reason(lacking))
            return ItemResult(
                plan.section,
                item.id,
                item.title,
                item.maximum,
                _ZERO,
                True,
                plan.bonus,
                (adjustment,),
                lacking,
            )
    try:
        key = plan.getter(values)
    except KeyError:  # a rule reads evidence of an item that does not apply
        found = tuple([values.get(k) for k in plan.keys])
        key = found[0] if len(found) == 1 else found
    known = memo.items[plan.index]
    result = known.get(key)
    if result is None:
        points, adjustments = plan.compiled.run(values)
        result = ItemResult(
            plan.section, item.id, item.title, item.maximum, points, True, plan.bonus, adjustments
        )
        if len(known) < _MEMO_LIMIT:
            known[key] = result
    return result


def score_items(
    section: SectionPlan, values: Mapping[str, object], missing: frozenset[str], memo: Memo
) -> tuple[ItemResult, ...]:
    """Score the items of one section.

    An item whose ``applies_if`` is false is not applicable and scores 0 (it is left out of
    the maximum); one whose condition cannot be evaluated (missing evidence) applies.  An
    applicable item with missing evidence (lenient mode) scores 0 and says which keys.
    Otherwise its rules run from ``start`` and the result is clamped to ``[0, maximum]``.
    """
    return tuple([_score_item(p, values, missing, memo) for p in section.items])


# --------------------------------------------------------------------------- 4. sections


def score_section(section: SectionPlan, items: tuple[ItemResult, ...]) -> SectionResult:
    """The section's points: the sum of its items, limited to its cap (``capped``: what the cap removed)."""
    s = section.section
    points = sum([r.points for r in items], _ZERO)
    capped = _ZERO
    if s.cap is not None and points > s.cap:
        capped = points - s.cap
        points = s.cap
    return SectionResult(s.id, s.title, points, s.bonus, capped)


def _sections(
    plan: CompiledCard, values: Mapping[str, object], missing: frozenset[str], memo: Memo
) -> list[tuple[tuple[ItemResult, ...], SectionResult]]:
    """Steps 3 and 4 for every section; a section whose items all apply is looked up first
    in the memo by the values of the evidence its items read."""
    out: list[tuple[tuple[ItemResult, ...], SectionResult]] = []
    for section in plan.sections:
        key: object = None
        if section.getter is not None and not missing:
            try:
                key = section.getter(values)
            except KeyError:  # a rule reads evidence of an item that does not apply
                key = None
            else:
                known = memo.sections[section.index].get(key)
                if known is not None:
                    out.append(known)
                    continue
        section_items = score_items(section, values, missing, memo)
        scored = (section_items, score_section(section, section_items))
        out.append(scored)
        table = memo.sections[section.index]
        if key is not None and len(table) < _MEMO_LIMIT:
            table[key] = scored
    return out


# --------------------------------------------------------------------------- 5. rescale


def rescale(
    card: Card, base: Decimal, full: Decimal, applicable: Decimal
) -> tuple[Decimal, Decimal, tuple[Adjustment, ...]]:
    """``(base, maximum, adjustments)`` once items that do not apply are accounted for.

    When every item applies nothing changes.  Otherwise, with a `Rescale` the base
    becomes ``base × full / applicable`` rounded to its quantum (ROUND_HALF_UP; 0 when no
    item applies) and the maximum stays ``card.maximum``; without one the base stays and
    the maximum becomes ``applicable``.
    """
    if applicable == full:
        return base, card.maximum, ()
    if card.rescale is None:
        return base, applicable, ()
    rescaled = (base * full / applicable).quantize(card.rescale.quantum) if applicable else _ZERO
    reason = rescale_reason(fmt(base), fmt(full), fmt(applicable))
    return rescaled, card.maximum, (Adjustment("rescale", rescaled - base, reason),)


# --------------------------------------------------------------------------- 6. gates


def gates(
    card: Card, base: Decimal, bonus: Decimal, values: Mapping[str, object]
) -> tuple[Decimal, bool, tuple[Adjustment, ...], tuple[str, ...]]:
    """``(total, bonus_counted, adjustments, vetoes)``.

    The bonus counts unless the card's bonus gate refuses it: the base must be above the
    threshold (``>=`` when ``inclusive``).  Section caps were applied by
    `score_section`.  ``vetoes`` are the reasons of the vetoes whose condition holds
    (missing evidence never holds).
    """
    gate = card.bonus_gate
    counted = True
    adjustments: tuple[Adjustment, ...] = ()
    if gate is not None and bonus:
        counted = base >= gate.threshold if gate.inclusive else base > gate.threshold
        if not counted:
            reason = bonus_gate_reason(fmt(base), fmt(gate.threshold), inclusive=gate.inclusive)
            adjustments = (Adjustment("bonus_gate", -bonus, reason),)
    vetoes = tuple(v.reason for v in card.vetoes if evaluate(v.when, values))
    return (base + bonus if counted else base), counted, adjustments, vetoes


# --------------------------------------------------------------------------- 7. verdict


def verdict(plan: CompiledCard, total: Decimal, vetoes: tuple[str, ...]) -> tuple[str | None, bool]:
    """``(grade, passed)``: a unit passes without vetoes and at or above the pass mark (if any).

    A vetoed unit gets the card's ``veto_grade`` when it has one; otherwise the grade is the
    label of the highest band whose minimum the total reaches (``None`` if none).
    """
    card = plan.card
    passed = not vetoes and (card.pass_mark is None or total >= card.pass_mark)
    if vetoes and card.veto_grade is not None:
        return card.veto_grade, passed
    for band in plan.grades:
        if total >= band.minimum:
            return band.label, passed
    return None, passed


# --------------------------------------------------------------------------- score


def _sorted_values(plan: CompiledCard, values: Mapping[str, object]) -> tuple[tuple[str, object], ...]:
    """``values`` as ``(key, value)`` pairs sorted by key."""
    keys = plan.value_keys
    if len(values) == len(keys) > 1:  # every possible key (the common case): order known in advance
        found = plan.value_getter(values)
        assert isinstance(found, tuple)
        return tuple(zip(keys, found, strict=True))
    return tuple(sorted(values.items()))


def score(
    card: Card | CompiledCard,
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
    arithmetic is exact `Decimal`; the only rounding is the card's
    rescaling quantum.

    Args:
        card: The scorecard, or its [`CompiledCard`][zwgk.scoring.CompiledCard]
            ([`compile_card`][zwgk.scoring.compile_card]).  A card is compiled on first use; the plans of the
            last few cards are remembered.
        evidence: Evidence values by key (see [`zwgk.scoring.io.evidence_schema`][]).
            ``None`` counts as missing.  Numbers must be ``int``, ``Decimal`` or decimal
            text; floats are rejected.
        lenient: Score items whose evidence is missing as 0 (each such item says so and
            the keys are listed in ``ScoreResult.missing``) instead of raising.  A veto or
            an applicability condition whose evidence is missing is then taken as not
            holding / applying.  Ill-typed evidence is an error in both modes.
        unit: Label of the unit scored, carried into the result.
        calendar: Working-day calendar for derived evidence (default:
            [`zwgk.calendar.default_calendar`][], built only when a derivation needs it).
        derivations: Extra derivation functions by name, on top of the built-in ones.

    Returns:
        The [`ScoreResult`][zwgk.scoring.ScoreResult] with every adjustment.

    Raises:
        zwgk.errors.InvalidTypeError: ``evidence`` is not a mapping, or ``card`` is neither
            a card nor a compiled card (a card name: load it with [`load_card`][zwgk.scoring.load_card]).
        zwgk.errors.EvidenceError: Evidence is missing (strict mode), ill-typed, out of
            range or unknown to the card; every problem is listed.
    """
    if not isinstance(evidence, Mapping):
        raise InvalidTypeError.not_evidence("evidence", evidence)
    plan = plan_for(card)
    everything = DERIVATIONS if derivations is None else {**DERIVATIONS, **derivations}
    with decimal.localcontext(CONTEXT):
        return _score_unit(
            plan,
            evidence,
            memo_for(plan),
            lenient=lenient,
            unit=unit,
            calendar=calendar,
            derivations=everything,
        )


def _score_unit(
    plan: CompiledCard,
    evidence: Mapping[str, object],
    memo: Memo,
    *,
    lenient: bool,
    unit: str,
    calendar: WorkingDayCalendar | None,
    derivations: Mapping[str, DerivationFunction],
) -> ScoreResult:
    """read → derive → items and sections → rescale → gates → verdict."""
    card = plan.card
    reading = read(plan, evidence, memo, lenient=lenient)
    missing = tuple(reading.missing)
    if not reading.problems and plan.derived:
        missing = derive(plan, reading, calendar=calendar, derivations=derivations)
    if reading.problems:
        raise EvidenceError(card.name, reading.problems)
    values = reading.values
    missing_set = frozenset(missing)
    scored = _sections(plan, values, missing_set, memo)
    base = bonus = _ZERO
    applicable = plan.base_maximum
    for section, (section_items, result) in zip(plan.sections, scored, strict=True):
        if result.bonus:
            bonus += result.points
            continue
        base += result.points
        if section.getter is None:  # some items may not apply: they leave the maximum
            applicable -= sum([i.maximum or _ZERO for i in section_items if not i.applicable], _ZERO)
    base, maximum, rescaled = rescale(card, base, plan.base_maximum, applicable)
    total, bonus_counted, gated, vetoes = gates(card, base, bonus, values)
    grade, passed = verdict(plan, total, vetoes)
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
        items=tuple([i for section_items, _ in scored for i in section_items]),
        sections=tuple([result for _, result in scored]),
        adjustments=rescaled + gated,
        missing=tuple(sorted(missing_set)),
        evidence=_sorted_values(plan, values),
        pass_mark=card.pass_mark,
    )
