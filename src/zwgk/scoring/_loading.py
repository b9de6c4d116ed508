"""Loading cards: built-in package data or user files.

Pydantic (:mod:`zwgk.scoring._card_file`) is imported inside the functions, so the top-level
:func:`zwgk.scoring.load_card` and friends are thin lazy wrappers over the boundary.
"""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk.errors import DataFileError, Problem, UnknownNameError
from zwgk.scoring._model import Card, Combination

__all__ = [
    "card_from_dict",
    "card_json_schema",
    "combinations_json_schema",
    "list_cards",
    "list_combinations",
    "load_card",
    "load_combination",
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


def card_from_dict(data: Mapping[str, Any], *, source: str = "<dict>") -> Card:
    """Build a card from a mapping shaped like a card file.

    Numbers must be ``int``, ``Decimal`` or decimal text; floats are rejected.

    Args:
        data: The card data.
        source: Name of where the data came from, used in error locations.

    Returns:
        The validated :class:`Card`.

    Raises:
        zwgk.errors.DataFileError: Lists every problem (schema and cross-references).
    """
    from zwgk.scoring._card_build import card_from_data

    return card_from_data(data, source)


def load_card(
    name_or_path: str | os.PathLike[str], *, parameters: Mapping[str, Decimal | int | str] | None = None
) -> Card:
    """Load a built-in card by name, or a card file (``.toml`` or ``.json``) by path.

    Args:
        name_or_path: A name from :func:`list_cards`, or the path of a card file.
        parameters: Values for the card's ``[[parameters]]`` (point values and thresholds
            the card states as parameters, e.g. the unverified ones); the others keep their
            defaults.  :attr:`Card.parameters` records what was used.

    Returns:
        The validated :class:`Card`.

    Raises:
        zwgk.errors.UnknownNameError: Neither a built-in card nor an existing file.
        zwgk.errors.DataFileError: The file is malformed; lists every problem.
    """
    from zwgk.scoring._card_build import card_from_data
    from zwgk.scoring._card_file import parse_text

    text_name = os.fspath(name_or_path)
    path = Path(text_name)
    if text_name in list_cards():
        resource = _cards_dir() / f"{text_name}.toml"
        source = f"zwgk.scoring/cards/{text_name}.toml"
        data = parse_text(resource.read_text(encoding="utf-8"), source, json_format=False)
    elif path.is_file():
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DataFileError(source, [Problem(source, f"cannot read the file: {exc}")]) from None
        data = parse_text(text, source, json_format=path.suffix.lower() == ".json")
    else:
        raise UnknownNameError("card (built-in name or existing .toml/.json file)", text_name, list_cards())
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
    raise UnknownNameError("combination", name, list_combinations())


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
