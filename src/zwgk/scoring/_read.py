"""Steps 1 and 2 of scoring a unit: read the evidence, then derive the derived evidence.

Both are pure functions of the plan and the evidence (the memo only remembers readings
already made).  Every problem is collected, so that one [`EvidenceError`][zwgk.errors.EvidenceError]
lists them all.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import cast

import attrs

from zwgk._i18n import gettext, msg
from zwgk.errors import Problem
from zwgk.scoring._compile import fmt
from zwgk.scoring._conditions import evaluate
from zwgk.scoring._derived import DerivationFunction, WorkingDayCalendar
from zwgk.scoring._evidence import expected_text, read_remembered
from zwgk.scoring._memo import Memo
from zwgk.scoring._model import Discretionary, EvidenceField
from zwgk.scoring._plan import CompiledCard, FieldReader
from zwgk.scoring._texts import Text, listing, word

__all__ = ["Reading", "derive", "read"]

_BOOL_TYPES = frozenset({bool})
_INT_TYPES = frozenset({int})


@attrs.define
class Reading:
    """The evidence as read (a working record of one call, not a value).

    ``values``: typed values by key; ``missing``: the missing keys with where each is needed
    (in card order); ``problems``: every problem found.
    """

    values: dict[str, object]
    missing: dict[str, Text]
    problems: list[Problem]


def _read_fields(
    readers: tuple[FieldReader, ...],
    evidence: Mapping[str, object],
    memo: Memo,
    reading: Reading,
    *,
    missing: dict[str, Text],
    fields: Mapping[str, EvidenceField],
) -> None:
    """Read every field of ``readers``; missing keys go to ``missing`` with their location."""
    get = evidence.get
    values, seen = reading.values, memo.readings
    for key, fast, read_one, location, remembered in readers:
        raw = get(key)
        if raw is None:
            missing[key] = location
        elif fast and (
            (fast == 1 and (raw is True or raw is False)) or (fast == 2 and type(raw) is int and raw >= 0)
        ):
            values[key] = raw  # fast paths for the commonest evidence (booleans, counts)
        else:
            value, expected = read_remembered(read_one, key, raw, seen) if remembered else read_one(raw)
            if expected is None:
                values[key] = value
            else:
                reading.problems.append(
                    Problem(
                        word(location),
                        gettext("evidence of the wrong type"),
                        key,
                        raw,
                        f"{word(expected)} ({fields[key].description})",
                    )
                )


def _read_plain_fields(
    plan: CompiledCard, evidence: Mapping[str, object], memo: Memo, reading: Reading
) -> None:
    """`_read_fields` for the card's always-needed evidence, with a fast path.

    When every boolean is a ``bool`` and every count a non-negative ``int`` (the common
    case), they are checked and copied in bulk; otherwise every field is read one by one,
    so that problems are listed in card order.
    """
    get = evidence.get
    booleans = tuple(map(get, plan.boolean_keys))
    counts = tuple(map(get, plan.count_keys))
    readers = plan.readers
    if set(map(type, booleans)) <= _BOOL_TYPES and (
        not counts or (set(map(type, counts)) <= _INT_TYPES and min(cast("tuple[int, ...]", counts)) >= 0)
    ):
        reading.values.update(zip(plan.boolean_keys, booleans, strict=True))
        reading.values.update(zip(plan.count_keys, counts, strict=True))
        readers = plan.other_readers
    _read_fields(readers, evidence, memo, reading, missing=reading.missing, fields=plan.fields)


def _discretionary_problems(
    rules: tuple[Discretionary, ...], values: Mapping[str, object], location: Text, problems: list[Problem]
) -> None:
    """An amount of a discretionary rule outside its range (an ``amount`` field may also be 0)."""
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
                    allowed = msg("0 or {range}", range=allowed).render()
                problems.append(
                    Problem(
                        word(location),
                        gettext("discretionary amount out of range"),
                        rule.field,
                        amount,
                        allowed,
                    )
                )


def read(plan: CompiledCard, evidence: Mapping[str, object], memo: Memo, *, lenient: bool) -> Reading:
    """Read ``evidence`` against the plan's fields: evidence → typed values.

    Unknown keys (and derived keys given as evidence) are problems.  The evidence of an
    item that applies only when a condition holds is needed only when it holds; an item
    whose condition cannot be evaluated (its evidence is missing) is taken as applying, so
    its own missing evidence is reported (strict) or scored 0 (lenient).  Discretionary
    amounts are range-checked.  In strict mode every missing key is a problem.
    """
    fields = plan.fields
    reading = Reading({}, {}, [])
    problems = reading.problems
    unknown = evidence.keys() - fields.keys()
    for key in evidence if unknown else ():
        if key in unknown:
            why = (
                gettext("derived evidence is computed, not given")
                if key in plan.derived_keys
                else gettext("unknown evidence key")
            )
            expected = gettext("a key of the card's evidence")
            problems.append(Problem("evidence", why, str(key), evidence[key], expected))
    _read_plain_fields(plan, evidence, memo, reading)
    values, missing = reading.values, reading.missing
    for item in plan.conditional:
        needed: dict[str, Text] = {}
        _read_fields(item.readers, evidence, memo, reading, missing=needed, fields=fields)
        applies_if = item.applies_if
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
            Problem(
                word(location),
                gettext("missing evidence"),
                k,
                None,
                f"{expected_text(fields[k])} — {fields[k].description}",
            )
            for k, location in missing.items()
        )
    return reading


def derive(
    plan: CompiledCard,
    reading: Reading,
    *,
    calendar: WorkingDayCalendar | None,
    derivations: Mapping[str, DerivationFunction],
) -> tuple[str, ...]:
    """Add the card's derived evidence to ``reading.values``, in card order; return the missing keys.

    A derivation whose inputs are missing (lenient mode) is missing itself.  An unknown
    function, or inputs the function refuses (``ValueError``/``LookupError``), is a problem.
    The default calendar is built only when a derivation runs without ``calendar``.
    """
    missing = list(reading.missing)
    values, problems = reading.values, reading.problems
    for derivation, params, input_keys in plan.derived:
        spec = derivations.get(derivation.function)
        if spec is None:
            problems.append(
                Problem(
                    "card",
                    gettext("unknown derivation function"),
                    derivation.key,
                    derivation.function,
                    msg("one of {options}", options=listing(sorted(derivations))).render(),
                )
            )
            continue
        arguments = tuple(map(values.get, input_keys))
        if any(v is None for v in arguments):
            missing.append(derivation.key)
            continue
        if calendar is None:
            from zwgk.calendar import default_calendar

            calendar = default_calendar()
        try:
            values[derivation.key] = spec.function(calendar, **dict(zip(params, arguments, strict=True)))
        except (ValueError, LookupError) as exc:
            problems.append(
                Problem(
                    "card",
                    msg(
                        "cannot derive {key} with {function}: {reason}",
                        key=derivation.key,
                        function=derivation.function,
                        reason=exc,
                    ).render(),
                    derivation.key,
                )
            )
    return tuple(missing)
