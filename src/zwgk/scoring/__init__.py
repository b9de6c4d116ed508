"""Scorecards (考核细则) as data, and a pure engine that scores evidence against them.

A card is a set of sections and items, each item with its value (分值), its criteria
text from the source and the rules that score it: all-or-nothing, named checks, per
missing element, per occurrence, discretionary ranges (视情节扣5—10分), tiers, zero-if and
groups; cards add vetoes, section caps, a bonus gate, rescaling and grade bands.  Cards
ship as TOML (validated at the boundary, [`zwgk.scoring.io`][]); [`compile_card`][zwgk.scoring.compile_card]
turns a card into an immutable plan and [`score`][zwgk.scoring.score] is pure, deterministic and exact
(`Decimal` only), and every point gained or lost is explained.

Built-in cards: the three tables of 《开福区2013年政务公开工作要点》 (appendices 1–3) and the
combination rule 表一 × 60% + 表二 × 40%.

``import zwgk.scoring`` imports neither pydantic nor pandas, numpy or matplotlib:
[`load_card`][zwgk.scoring.load_card] and friends import the card-file boundary on first use.
"""

from __future__ import annotations

from zwgk.scoring._derived import DerivationFunction
from zwgk.scoring._display import rankings_html, rankings_to_frame
from zwgk.scoring._engine import score
from zwgk.scoring._forms import card_template
from zwgk.scoring._loading import list_cards, list_combinations, load_card, load_combination
from zwgk.scoring._many import apply_combination, combine, rank, what_if
from zwgk.scoring._model import (
    AllOrNothing,
    Card,
    Check,
    Combination,
    Condition,
    Derivation,
    Discretionary,
    EvidenceField,
    FieldType,
    Group,
    Item,
    PerMissing,
    PerOccurrence,
    Rule,
    Section,
    Tiers,
    ZeroIf,
)
from zwgk.scoring._plan import CompiledCard, compile_card
from zwgk.scoring._render import render_markdown, render_text, result_to_dict, results_to_frame
from zwgk.scoring._result import CombinedResult, Ranking, ScoreResult, WhatIf

__all__ = [  # noqa: RUF022 - grouped by concern, sorted within each group
    # --- scoring
    "apply_combination",
    "combine",
    "compile_card",
    "rank",
    "score",
    "what_if",
    # --- built-in cards (by name, or a card file by path) and evidence templates
    "card_template",
    "list_cards",
    "list_combinations",
    "load_card",
    "load_combination",
    # --- cards
    "Card",
    "Combination",
    "CompiledCard",
    "Condition",
    "Derivation",
    "DerivationFunction",
    "EvidenceField",
    "FieldType",
    "Item",
    "Section",
    # --- rule kinds
    "AllOrNothing",
    "Check",
    "Discretionary",
    "Group",
    "PerMissing",
    "PerOccurrence",
    "Rule",
    "Tiers",
    "ZeroIf",
    # --- results
    "CombinedResult",
    "Ranking",
    "ScoreResult",
    "WhatIf",
    # --- reports
    "rankings_html",
    "rankings_to_frame",
    "render_markdown",
    "render_text",
    "result_to_dict",
    "results_to_frame",
]
