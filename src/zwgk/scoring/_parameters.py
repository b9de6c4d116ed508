"""Card parameters: ``[[parameters]]`` with defaults, referenced as ``$key`` in the card file.

A card states a point value or threshold it could not verify as a parameter; loading
replaces every ``"$key"`` (a whole string becomes the Decimal) and every ``$key`` inside a
condition's text by the parameter's value (its default, or the caller's override).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zwgk._i18n import gettext
from zwgk.errors import DataFileError, Problem
from zwgk.scoring._card_file import CardModel, validate
from zwgk.scoring._model import CardParameter

__all__ = ["apply_parameters"]

_REFERENCE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _substitute(value: Any, values: Mapping[str, Decimal], where: str, problems: list[Problem]) -> Any:
    """Replace ``"$key"`` (a whole string → the Decimal) and ``$key`` inside text by parameter values."""
    if isinstance(value, Mapping):
        return {k: _substitute(v, values, f"{where}.{k}", problems) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_substitute(v, values, f"{where}[{i}]", problems) for i, v in enumerate(value)]
    if not isinstance(value, str) or "$" not in value:
        return value
    problems.extend(
        Problem(where, gettext("unknown parameter"), "parameter", key, ", ".join(sorted(values)))
        for key in _REFERENCE.findall(value)
        if key not in values
    )
    whole = _REFERENCE.fullmatch(value)
    if whole is not None and whole[1] in values:
        return values[whole[1]]
    return _REFERENCE.sub(lambda m: str(values.get(m[1], m[0])), value)


def apply_parameters(
    data: Mapping[str, Any], overrides: Mapping[str, Decimal | int | str], source: str
) -> tuple[dict[str, Any], tuple[CardParameter, ...]]:
    declared = data.get("parameters", [])
    if not declared and not overrides:
        return dict(data), ()
    model = validate(CardModel, {**{k: v for k, v in data.items() if k == "parameters"}, **_SKELETON}, source)
    problems: list[Problem] = []
    values: dict[str, Decimal] = {p.key: p.default for p in model.parameters}
    for key, value in overrides.items():
        if key not in values:
            problems.append(
                Problem(
                    "parameters", gettext("unknown parameter"), "parameter", key, ", ".join(sorted(values))
                )
            )
            continue
        if isinstance(value, float | bool):
            problems.append(
                Problem(
                    f"parameters.{key}",
                    gettext("not an exact number"),
                    key,
                    value,
                    gettext("int, Decimal or text"),
                )
            )
            continue
        try:
            values[key] = Decimal(str(value))
        except ArithmeticError:
            problems.append(
                Problem(
                    f"parameters.{key}", gettext("not a number"), key, value, gettext("int, Decimal or text")
                )
            )
    rest = {k: v for k, v in data.items() if k != "parameters"}
    substituted = _substitute(rest, values, "card", problems)
    if problems:
        raise DataFileError(source, problems)
    params = tuple(
        CardParameter(p.key, values[p.key], p.default, p.description, p.verified, p.note)
        for p in model.parameters
    )
    return {**substituted, "parameters": declared}, params


# The smallest valid card body, to validate a card's parameters table on its own.
_SKELETON: Mapping[str, Any] = MappingProxyType(
    {
        "name": "parameters",
        "title": "parameters",
        "source": "parameters",
        "maximum": 1,
        "sections": [
            {
                "id": "s",
                "title": "s",
                "items": [
                    {
                        "id": "i",
                        "title": "i",
                        "criteria": "c",
                        "maximum": 1,
                        "rules": [{"kind": "zero_if", "when": "x", "reason": "r"}],
                    }
                ],
            }
        ],
    }
)
