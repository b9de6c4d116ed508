"""The boundary of [`zwgk.scoring`][]: card files in, JSON Schemas out.

Card files (TOML or JSON) and evidence files ([`read_evidence`][zwgk.scoring.io.read_evidence]) are read
within `Limits` (size, nesting) and validated by pydantic models ([`CardModel`][zwgk.scoring.io.CardModel],
`CombinationsFile`) and turned into the core values of [`zwgk.scoring`][]; every
problem of a file is listed in one [`DataFileError`][zwgk.errors.DataFileError].  The JSON Schemas
describe the card file, the evidence a card needs (to generate forms) and the results as
[`zwgk.scoring.result_to_dict`][] gives them.

Importing this module imports pydantic; ``import zwgk.scoring`` does not.
"""

from __future__ import annotations

from zwgk.scoring._card_file import CardModel, CombinationsFile
from zwgk.scoring._forms import evidence_schema
from zwgk.scoring._loading import (
    card_from_dict,
    card_json_schema,
    combinations_json_schema,
    list_cards,
    list_combinations,
    load_card,
    load_combination,
    read_evidence,
)
from zwgk.scoring._result_schema import combined_result_json_schema, score_result_json_schema
from zwgk.scoring._xlsx import rankings_xlsx

__all__ = [  # noqa: RUF022 - grouped by concern, sorted within each group
    # official files
    "rankings_xlsx",
    # --- card files
    "CardModel",
    "CombinationsFile",
    "card_from_dict",
    "list_cards",
    "list_combinations",
    "load_card",
    "load_combination",
    "read_evidence",
    # --- JSON Schemas
    "card_json_schema",
    "combinations_json_schema",
    "combined_result_json_schema",
    "evidence_schema",
    "score_result_json_schema",
]
