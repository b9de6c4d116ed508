"""Many results: weighted combinations (表一 × 60% + 表二 × 40%), rankings and what-ifs."""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal

from zwgk.errors import EvidenceError, InvalidInputError, InvalidTypeError
from zwgk.scoring._derived import WorkingDayCalendar
from zwgk.scoring._engine import CONTEXT, score
from zwgk.scoring._memo import plan_for
from zwgk.scoring._model import Card, Combination
from zwgk.scoring._plan import CompiledCard
from zwgk.scoring._result import CombinedPart, CombinedResult, ItemDelta, Ranking, ScoreResult, WhatIf

__all__ = ["apply_combination", "combine", "rank", "what_if"]

_ZERO = Decimal(0)
_ONE = Decimal(1)


def _weight(value: object, field: str) -> Decimal:
    if isinstance(value, bool | float):
        raise InvalidTypeError.not_exact(field, value)
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except decimal.InvalidOperation:
            raise InvalidInputError.inexact_number(field, value) from None
    raise InvalidTypeError.not_exact(field, value)


def _plain(value: Decimal) -> Decimal:
    """``value`` without spurious trailing zeros: ``61.50`` → ``61.5``, ``60.0`` → ``60`` (exact).

    Unlike `Decimal.normalize` it never switches to an exponent (``100`` stays
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
    like the totals of [`score`][zwgk.scoring.score] (``102.5 × 0.6`` is ``Decimal("61.5")``, not
    ``Decimal("61.50")``).

    Args:
        parts: ``(result, weight)`` pairs; weights are ``Decimal``, ``int`` or decimal text.
        title: Title of the combination.
        unit: Unit label (default: the first part's).

    Returns:
        The [`CombinedResult`][zwgk.scoring.CombinedResult]; it passes when every part passed.

    Raises:
        zwgk.errors.InvalidInputError: No parts, or a weight is not a number.
        zwgk.errors.InvalidTypeError: A weight is a float.
    """
    with decimal.localcontext(CONTEXT):
        out: list[CombinedPart] = []
        for index, (result, weight) in enumerate(parts):
            w = _weight(weight, f"parts[{index}].weight")
            out.append(CombinedPart(result, w, _plain(result.total * w)))
        if not out:
            raise InvalidInputError.no_parts("parts")
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
    """Combine results according to a [`Combination`][zwgk.scoring.Combination] (matched by card name).

    Raises:
        zwgk.errors.InvalidInputError: A card of the combination has no result, or a result
            is for a card outside the combination.
    """
    by_card = {r.card: r for r in results}
    needed = [p.card for p in combination.parts]
    if set(by_card) != set(needed):
        raise InvalidInputError.results_for("results", list(by_card), needed)
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
    card: Card | CompiledCard,
    evidence: Mapping[str, object],
    key: str,
    new_value: object,
    *,
    lenient: bool = False,
    calendar: WorkingDayCalendar | None = None,
) -> WhatIf:
    """Score the evidence as given and with ``key`` set to ``new_value``; report the change.

    Returns:
        [`WhatIf`][zwgk.scoring.WhatIf] with both results, the change of the total and of every item that
        changed.

    Raises:
        zwgk.errors.InvalidTypeError: ``card`` is neither a card nor a compiled card.
        zwgk.errors.EvidenceError: ``key`` is not an evidence key of the card, or either
            evidence set does not fit the card.
    """
    plan = plan_for(card)
    if key not in plan.fields:
        raise EvidenceError.unknown_key(plan.name, "what_if", key, new_value)
    before = score(plan, evidence, lenient=lenient, calendar=calendar)
    after = score(plan, {**evidence, key: new_value}, lenient=lenient, calendar=calendar)
    deltas = tuple(
        ItemDelta(a.item, a.points, b.points, b.points - a.points)
        for a, b in zip(before.items, after.items, strict=True)
        if a.points != b.points
    )
    return WhatIf(key, evidence.get(key), new_value, before, after, after.total - before.total, deltas)
