"""Reading evidence values: exact, typed, with the Chinese words people type.

Floats are rejected everywhere: a binary float such as ``0.1`` is not the decimal the
assessor wrote, so zwgk asks for ``Decimal("0.1")``, an ``int`` or the text ``"0.1"``.
(JSON read by the CLI is parsed with ``parse_float=Decimal``, so JSON numbers are exact.)
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import cast

from zwgk._dates import DATE_FORMS, parse_date
from zwgk._i18n import msg
from zwgk.errors import InvalidInputError, InvalidTypeError
from zwgk.scoring._model import EvidenceField, FieldType
from zwgk.scoring._texts import Text, listing, word

__all__ = [
    "BOOLEAN_WORDS",
    "MEMO_LIMIT",
    "Reader",
    "coerce",
    "expected_text",
    "read_remembered",
    "reader",
    "remembers",
]

BOOLEAN_WORDS: Mapping[str, bool] = types.MappingProxyType(
    {
        "是": True,
        "有": True,
        "对": True,
        "true": True,
        "yes": True,
        "y": True,
        "1": True,
        "否": False,
        "无": False,
        "没有": False,
        "不": False,
        "false": False,
        "no": False,
        "n": False,
        "0": False,
    }
)
"""Texts accepted for boolean evidence (case-insensitive; read-only)."""

_FLOAT_HINT = msg(
    "an exact decimal: Decimal, int or decimal text such as '7.5' "
    "(binary floats are rejected because they are inexact)"
)


class _Bad(Exception):  # noqa: N818 - internal signal, never escapes this module
    """Internal: a value did not fit; ``args[0]`` says what was expected (a message, worded
    when the problem is reported: readings are remembered across languages)."""


def _boolean(_f: EvidenceField, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in BOOLEAN_WORDS:
        return BOOLEAN_WORDS[raw.strip().lower()]
    raise _Bad(msg("true/false (or 是/否, 有/无)"))


def _decimal(raw: object) -> Decimal:
    if isinstance(raw, bool):
        raise _Bad(_FLOAT_HINT)
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, str):
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            raise _Bad(_FLOAT_HINT) from None
    else:
        raise _Bad(_FLOAT_HINT)
    if not value.is_finite():
        raise _Bad(msg("a finite number"))
    return value


def _count(_f: EvidenceField, raw: object) -> int:
    value = _decimal(raw) if not isinstance(raw, int) or isinstance(raw, bool) else raw
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise _Bad(msg("a whole number of occurrences (0, 1, 2, ...)"))
        value = int(value)
    if value < 0:
        raise _Bad(msg("a whole number of occurrences >= 0"))
    return value


def _amount(f: EvidenceField, raw: object) -> Decimal:
    value = _decimal(raw)
    if f.minimum is not None and value < f.minimum:
        raise _Bad(msg("an amount >= {minimum}", minimum=f.minimum))
    if f.maximum is not None and value > f.maximum:
        raise _Bad(msg("an amount <= {maximum}", maximum=f.maximum))
    return value


def _sequence(raw: object) -> list[object]:
    if isinstance(raw, list | tuple | set | frozenset):
        return list(raw)
    raise _Bad(msg("a list"))


def _amounts(f: EvidenceField, raw: object) -> tuple[Decimal, ...]:
    return tuple(_amount(f, r) for r in _sequence(raw))


def _options_text(f: EvidenceField) -> Text:
    return msg("one of {options}", options=_options(f))


def _options(f: EvidenceField) -> Text:
    return listing([f"{o.key!r} ({o.label})" for o in f.options])


def _option_reader(f: EvidenceField) -> Callable[[object], str]:
    lookup = {o.key: o.key for o in f.options} | {o.label: o.key for o in f.options}

    def read(raw: object) -> str:
        if isinstance(raw, str):
            key = lookup.get(raw) or lookup.get(raw.strip())
            if key is not None:
                return key
        raise _Bad(_options_text(f))

    return read


def _choice(f: EvidenceField) -> Callable[[object], object]:
    return _option_reader(f)


def _elements(f: EvidenceField) -> Callable[[object], object]:
    one = _option_reader(f)
    order = [o.key for o in f.options]

    def read(raw: object) -> tuple[str, ...]:
        present = {one(r) for r in _sequence(raw)}
        return tuple(k for k in order if k in present)

    return read


def _date(f: EvidenceField, raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        raise _Bad(msg("a date without a time (YYYY-MM-DD)"))
    try:
        return parse_date(raw, f.key, datetimes=False)
    except (InvalidInputError, InvalidTypeError):
        raise _Bad(msg("a date {forms}", forms=DATE_FORMS)) from None


def _dates(f: EvidenceField, raw: object) -> tuple[dt.date, ...]:
    return tuple(_date(f, r) for r in _sequence(raw))


_SIMPLE: Mapping[FieldType, Callable[[EvidenceField, object], object]] = types.MappingProxyType(
    {
        FieldType.BOOLEAN: _boolean,
        FieldType.COUNT: _count,
        FieldType.AMOUNT: _amount,
        FieldType.AMOUNTS: _amounts,
        FieldType.DATE: _date,
        FieldType.DATES: _dates,
    }
)
_FACTORIES: Mapping[FieldType, Callable[[EvidenceField], Callable[[object], object]]] = (
    types.MappingProxyType(
        {
            FieldType.CHOICE: _choice,
            FieldType.ELEMENTS: _elements,
        }
    )
)

Reader = Callable[[object], tuple[object, Text | None]]
MEMO_LIMIT = 4096
"""Readings remembered per card (see `read_remembered`); beyond it values are simply read."""

_TEXT_TYPES = frozenset({FieldType.BOOLEAN, FieldType.CHOICE, FieldType.DATE})
_LIST_TYPES = frozenset({FieldType.ELEMENTS, FieldType.DATES})
_TEXT_ONLY = frozenset({str})


def reader(field: EvidenceField) -> Reader:
    """A pure function reading raw values for ``field``: ``(value, None)`` or ``(None, expected)``."""
    factory = _FACTORIES.get(field.type)
    if factory is not None:
        read = factory(field)
    else:
        simple = _SIMPLE[field.type]

        def read(raw: object) -> object:
            return simple(field, raw)

    def safe(raw: object) -> tuple[object, Text | None]:
        try:
            return read(raw), None
        except _Bad as bad:
            expected: Text = bad.args[0]
            return None, expected

    return safe


def remembers(field: EvidenceField) -> bool:
    """Whether readings of ``field`` repay remembering: text (boolean words, option keys, ISO
    dates) and lists of text repeat a lot across units (every unit has the same period dates)."""
    return field.type in _TEXT_TYPES or field.type in _LIST_TYPES


def read_remembered(
    read: Reader, key: str, raw: object, seen: dict[tuple[str, object], tuple[object, Text | None]]
) -> tuple[object, Text | None]:
    """``read(raw)``, looked up in (and added to) ``seen``, a caller-held memo of readings.

    Only ``str`` values and lists of ``str`` are remembered, so a hit means the input equals
    text (or an all-text list) read before for the same key, and the reading is the same.
    """
    kind = type(raw)
    if kind is str:
        memo_key: tuple[str, object] = (key, raw)
    elif kind is list:
        memo_key = (key, tuple(cast("list[object]", raw)))
    else:
        return read(raw)
    try:
        found = seen.get(memo_key)
    except TypeError:  # unhashable elements: never stored
        return read(raw)
    if found is None:
        found = read(raw)
        if len(seen) < MEMO_LIMIT and (kind is str or set(map(type, raw)) <= _TEXT_ONLY):  # type: ignore[call-overload]
            seen[memo_key] = found
    return found


def coerce(field: EvidenceField, raw: object) -> tuple[object, str | None]:
    """Read ``raw`` as evidence for ``field``.

    Returns:
        ``(value, None)`` when it fits, else ``(None, expected)`` where ``expected`` says
        what would have been accepted, in the current language.
    """
    value, expected = reader(field)(raw)
    return value, None if expected is None else word(expected)


def expected_text(field: EvidenceField) -> str:
    """What a value of ``field`` must look like, for error messages (in the current language;
    the type is its id, as a card file writes it)."""
    if field.type in (FieldType.CHOICE, FieldType.ELEMENTS):
        return f"{field.type.value}: {word(_options(field))}"
    return str(field.type.value)
