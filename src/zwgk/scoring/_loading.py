"""Loading cards: built-in package data or user files.

Pydantic (`zwgk.scoring._card_file`) is imported inside the functions, so the top-level
[`zwgk.scoring.load_card`][] and friends are thin lazy wrappers over the boundary.
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk._i18n import gettext, msg
from zwgk._json_guard import check_depth, load_json
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk.errors import DataFileError, InvalidTypeError, MissingFileError, Problem, UnknownNameError
from zwgk.scoring._model import Card, Combination

__all__ = [
    "card_from_dict",
    "card_json_schema",
    "combinations_json_schema",
    "list_cards",
    "list_combinations",
    "load_card",
    "load_combination",
    "read_evidence",
]

_COMBINATIONS_FILE = "combinations.toml"


def _cards_dir() -> importlib.resources.abc.Traversable:
    return importlib.resources.files("zwgk.scoring") / "cards"


def list_cards() -> tuple[str, ...]:
    """Names of the built-in cards, sorted (``"kaifu-2013-departments"``, ...)."""
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in _cards_dir().iterdir()
            if entry.name.endswith(".toml") and entry.name != _COMBINATIONS_FILE
        )
    )


def card_from_dict(
    data: Mapping[str, Any], *, source: str = "<dict>", limits: Limits = DEFAULT_LIMITS
) -> Card:
    """Build a card from a mapping shaped like a card file.

    Numbers must be ``int``, ``Decimal`` or decimal text; floats are rejected.

    Args:
        data: The card data.
        source: Name of where the data came from, used in error locations.
        limits: ``max_depth`` bounds the nesting of ``data``, measured without recursion
            before validation (default `DEFAULT_LIMITS`).

    Returns:
        The validated [`Card`][zwgk.scoring.Card].

    Raises:
        zwgk.errors.LimitExceededError: ``data`` is nested deeper than ``max_depth``.
        zwgk.errors.DataFileError: Lists every problem (schema and cross-references).
    """
    from zwgk.scoring._card_build import card_from_data

    check_depth(data, limits, source)

    return card_from_data(data, source)


def load_card(
    name_or_path: str | os.PathLike[str],
    *,
    parameters: Mapping[str, Decimal | int | str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Card:
    """Load a built-in card by name, or a card file (``.toml`` or ``.json``) by path.

    Args:
        name_or_path: A name from [`list_cards`][zwgk.scoring.list_cards], or the path of a card file.
        limits: for a card file, its size (checked before reading), length and nesting
            (``max_file_bytes``, ``max_depth``) (default `DEFAULT_LIMITS`).
        parameters: Values for the card's ``[[parameters]]`` (point values and thresholds
            the card states as parameters, e.g. the unverified ones); the others keep their
            defaults.  `Card.parameters` records what was used.

    Returns:
        The validated [`Card`][zwgk.scoring.Card].

    Raises:
        zwgk.errors.LimitExceededError: The card file exceeds a bound of ``limits``.
        zwgk.errors.UnknownNameError: Neither a built-in card nor an existing file.
        zwgk.errors.DataFileError: The file is malformed; lists every problem.
        zwgk.errors.InvalidTypeError: ``name_or_path`` is neither text nor a path.
    """
    from zwgk.scoring._card_build import card_from_data
    from zwgk.scoring._card_file import parse_text

    if isinstance(name_or_path, bytes) or not isinstance(name_or_path, str | os.PathLike):
        raise InvalidTypeError(
            "name_or_path", name_or_path, gettext("a card name (str) or the path of a card file")
        )
    text_name = os.fspath(name_or_path)
    path = Path(text_name)
    if text_name in list_cards():
        resource = _cards_dir() / f"{text_name}.toml"
        source = f"zwgk.scoring/cards/{text_name}.toml"
        data = parse_text(resource.read_text(encoding="utf-8"), source, json_format=False)
    elif path.is_file():
        source = str(path)
        try:
            check_file_size(path.stat().st_size, limits, source)
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(source, [_unreadable(source, exc)]) from None
        data = parse_text(text, source, json_format=path.suffix.lower() == ".json", limits=limits)
    else:
        raise UnknownNameError(
            gettext("card (built-in name or existing .toml/.json file)"), text_name, list_cards()
        )
    return card_from_data(data, source, parameters)


def _combinations() -> tuple[Combination, ...]:
    from zwgk.scoring._card_file import combinations_from_data, parse_text

    source = f"zwgk.scoring/cards/{_COMBINATIONS_FILE}"
    text = (_cards_dir() / _COMBINATIONS_FILE).read_text(encoding="utf-8")
    return combinations_from_data(parse_text(text, source, json_format=False), source)


def list_combinations() -> tuple[str, ...]:
    """Names of the built-in combinations of cards, sorted."""
    return tuple(sorted(c.name for c in _combinations()))


def load_combination(name: str) -> Combination:
    """Load a built-in combination (e.g. ``"kaifu-2013-department-with-window"``).

    Raises:
        zwgk.errors.UnknownNameError: No such combination.
    """
    for combination in _combinations():
        if combination.name == name:
            return combination
    raise UnknownNameError(gettext("combination"), name, list_combinations())


def combinations_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the combinations file (``cards/combinations.toml``)."""
    from zwgk.scoring._card_file import CombinationsFile

    return CombinationsFile.model_json_schema()


def card_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the card file format (committed as ``docs/schemas/card.schema.json``).

    Its ``$comment`` names the command that regenerates the committed file.
    """
    from zwgk.scoring._card_file import card_json_schema as build

    return build()


def read_evidence(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Read an evidence file: one JSON object mapping evidence keys to values (numbers exact).

    Args:
        path: the ``.json`` file (UTF-8).
        limits: its size (checked before reading), length and nesting (``max_file_bytes``,
            ``max_depth``) (default `DEFAULT_LIMITS`).

    Returns:
        The evidence, JSON numbers with a fraction as `Decimal`.

    Raises:
        zwgk.errors.MissingFileError: no such file.
        zwgk.errors.LimitExceededError: the file exceeds a bound of ``limits``.
        zwgk.errors.DataFileError: it cannot be read, is not valid JSON or not an object.
    """
    from decimal import Decimal

    target = Path(path)
    source = str(target)
    if not target.is_file():
        raise MissingFileError(target, gettext("evidence file (.json)"))
    try:
        check_file_size(target.stat().st_size, limits, source)
        text = target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(source, [_unreadable(source, exc)]) from None
    data = load_json(text, limits=limits, source=source, parse_float=Decimal)
    if not isinstance(data, dict):
        expected = gettext("a JSON object mapping evidence keys to values")
        problem = Problem(source, gettext("the top level is not an object"), None, None, expected)
        raise DataFileError(source, [problem])
    return data


def _unreadable(source: str, exc: Exception) -> Problem:
    """The problem of a file that cannot be read (the system's reason)."""
    return Problem(source, msg("cannot read the file: {reason}", reason=exc).render())
