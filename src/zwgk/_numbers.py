"""Published percentages and exact rounding: the one home for both.

A percentage as published (``"12.22%"``, ``"100﹪"``, ``Decimal("71.1")``) is read by
`parse_percent`; exact shares are rounded to a published precision by `quantize`,
which never fails for lack of digits (Decimal's default context holds 28; a share of a large
count at many decimals needs more).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from zwgk._lang import N_
from zwgk._lang import gettext_ as gettext
from zwgk.errors import InvalidInputError, InvalidTypeError

__all__ = ["MAX_PERCENT_DECIMALS", "exact_sum", "parse_percent", "quantize"]

#: The most decimals a published percentage may be written with.  Not a rule of any document:
#: an exact share is computed to Decimal's 28 significant digits, so a percentage written with
#: more decimals than this cannot be compared with it meaningfully; such input is refused.
MAX_PERCENT_DECIMALS = 12

_EXPECTED = N_("a percentage such as '12.22' or '12.22%'")


def parse_percent(field: str, value: object) -> Decimal:
    """A published percentage as an exact Decimal (a trailing ``%``, ``％`` or ``﹪`` is dropped).

    Raises:
        InvalidTypeError: a float (its binary value is not the published one).
        InvalidInputError: not a finite number, or written with more than
            `MAX_PERCENT_DECIMALS` decimals.
    """
    if isinstance(value, float):
        raise InvalidTypeError(
            field,
            value,
            gettext("a Decimal, int or text: {expected} (not float)").format(expected=gettext(_EXPECTED)),
        )
    try:
        number = Decimal(str(value).strip().rstrip("%％﹪").strip())
    except (InvalidOperation, ValueError):
        raise InvalidInputError(field, value, gettext(_EXPECTED)) from None
    if not number.is_finite():
        raise InvalidInputError(
            field, value, gettext("a finite percentage: {expected}").format(expected=gettext(_EXPECTED))
        )
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_PERCENT_DECIMALS:
        raise InvalidInputError(
            field,
            value,
            gettext("a percentage with at most {places} decimals, as published").format(
                places=MAX_PERCENT_DECIMALS
            ),
        )
    return number


def quantize(value: Decimal, unit: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """``value`` rounded to the exponent of ``unit`` (e.g. ``Decimal("0.01")``), exactly.

    The working precision grows with the digits the result needs, so a large value at many
    decimals is rounded instead of raising `decimal.InvalidOperation`.
    """
    exponent = unit.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) else 0
    need = max(value.adjusted(), 0) + places + 3
    return value.quantize(unit, rounding=rounding, context=Context(prec=max(28, need)))


_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def exact_sum(values: Iterable[int | Decimal]) -> int | Decimal:
    """The exact sum of counts and amounts: ``int`` when every value is one, else an exact
    ``Decimal`` (addition only, so the unbounded precision is never asked to divide)."""
    items = list(values)
    if all(isinstance(v, int) for v in items):
        return sum(items, 0)
    total = Decimal(0)
    for v in items:
        total = _EXACT.add(total, Decimal(v))
    return total
