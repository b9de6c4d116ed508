"""The small condition language of card files: ``not a``, ``gap > 20``, ``a or not b``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from zwgk._i18n import msg
from zwgk.scoring._model import Comparison, Condition

__all__ = ["evaluate", "parse_condition"]

_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_TERM = re.compile(
    rf"^(?:(?P<not>not)\s+(?P<nkey>{_KEY})|(?P<key>{_KEY})(?:\s*(?P<op>==|!=|>=|<=|>|<)\s*(?P<num>-?[0-9]+(?:\.[0-9]+)?))?)$"
)


def parse_condition(text: str) -> Condition:
    """Parse condition text into a [`Condition`][zwgk.scoring.Condition].

    Grammar: ``term ("or" term)*`` where a term is ``key`` (a boolean is true),
    ``not key`` (a boolean is false) or ``key OP number`` with OP one of
    ``== != > >= < <=``.

    Raises:
        ValueError: The text does not follow the grammar (the message says which term).
    """
    terms = [t.strip() for t in re.split(r"\s+or\s+", text.strip())]
    out: list[Comparison] = []
    for term in terms:
        m = _TERM.match(term)
        if m is None:
            raise ValueError(
                msg(
                    "cannot read condition term {term}; expected 'key', 'not key' or 'key OP number'",
                    term=repr(term),
                ).render()
            )
        if m["not"]:
            out.append(Comparison(m["nkey"], "falsy"))
        elif m["op"]:
            try:
                value = Decimal(m["num"])
            except InvalidOperation:  # pragma: no cover - the regex admits only numbers
                raise ValueError(msg("bad number in {term}", term=repr(term)).render()) from None
            out.append(Comparison(m["key"], m["op"], value))
        else:
            out.append(Comparison(m["key"], "truthy"))
    return Condition(tuple(out), text.strip())


def _compare(comparison: Comparison, value: object) -> bool:
    op = comparison.op
    if op == "truthy":  # the common case first
        return value is True
    if op == "falsy":
        return value is False
    if not isinstance(value, int | Decimal) or isinstance(value, bool):
        return False
    target = comparison.value
    if op == ">":
        return value > target
    if op == ">=":
        return value >= target
    if op == "<":
        return value < target
    if op == "<=":
        return value <= target
    if op == "==":
        return value == target
    return value != target


def evaluate(condition: Condition, values: Mapping[str, object]) -> bool:
    """True when any comparison of ``condition`` holds for ``values`` (missing keys never hold)."""
    return any(_compare(c, values.get(c.key)) for c in condition.any_of)
