"""Scorecards (考核细则) as data, and a pure engine that scores evidence against them.

A card is a set of sections and items, each item with its value (分值), its criteria
text from the source and the rules that score it: all-or-nothing, named checks, per
missing element, per occurrence, discretionary ranges (视情节扣5—10分), tiers, zero-if and
groups; cards add vetoes, section caps, a bonus gate, rescaling and grade bands.  Cards
ship as TOML (validated at the boundary); :func:`score` is pure, deterministic and exact
(:class:`~decimal.Decimal` only), and every point gained or lost is explained.

Built-in cards: the three tables of 《开福区2013年政务公开工作要点》 (appendices 1–3) and the
combination rule 表一 × 60% + 表二 × 40%.

``import zwgk.scoring`` does not import pydantic; the card-file boundary is imported on
first use of :func:`load_card`, :func:`card_from_dict` and friends.
"""

from __future__ import annotations

from zwgk.scoring._derived import (
    DERIVATIONS,
    DerivationFunction,
    WorkingDayCalendar,
    longest_update_gap,
    updates_in_period,
)
from zwgk.scoring._display import plot_score_breakdown, rankings_html, rankings_to_frame, section_breakdown
from zwgk.scoring._engine import apply_combination, combine, rank, score, what_if
from zwgk.scoring._evidence import BOOLEAN_WORDS
from zwgk.scoring._forms import card_template, evidence_schema
from zwgk.scoring._loading import (
    card_from_dict,
    card_json_schema,
    combinations_json_schema,
    list_cards,
    list_combinations,
    load_card,
    load_combination,
)
from zwgk.scoring._model import (
    AllOrNothing,
    BonusGate,
    Card,
    Check,
    Combination,
    CombinationPart,
    Comparison,
    Condition,
    Derivation,
    Discretionary,
    EvidenceField,
    FieldType,
    Grade,
    Group,
    Item,
    Option,
    PerMissing,
    PerOccurrence,
    Rescale,
    Rule,
    Section,
    Tier,
    Tiers,
    Veto,
    ZeroIf,
)
from zwgk.scoring._render import render_markdown, render_text, result_to_dict, results_to_frame
from zwgk.scoring._result import (
    Adjustment,
    CombinedPart,
    CombinedResult,
    ItemDelta,
    ItemResult,
    Ranking,
    ScoreResult,
    SectionResult,
    WhatIf,
)
from zwgk.scoring._result_schema import combined_result_json_schema, score_result_json_schema

__all__ = [  # noqa: RUF022 - grouped by concern, sorted within each group
    # --- scoring
    "apply_combination",
    "combine",
    "rank",
    "score",
    "what_if",
    # --- cards: loading and forms
    "card_from_dict",
    "card_json_schema",
    "combinations_json_schema",
    "card_template",
    "evidence_schema",
    "list_cards",
    "list_combinations",
    "load_card",
    "load_combination",
    # --- card structure
    "BonusGate",
    "Card",
    "Combination",
    "CombinationPart",
    "Comparison",
    "Condition",
    "Derivation",
    "EvidenceField",
    "FieldType",
    "Grade",
    "Item",
    "Option",
    "Rescale",
    "Section",
    "Veto",
    # --- rule kinds
    "AllOrNothing",
    "Check",
    "Discretionary",
    "Group",
    "PerMissing",
    "PerOccurrence",
    "Rule",
    "Tier",
    "Tiers",
    "ZeroIf",
    # --- derived evidence
    "DERIVATIONS",
    "DerivationFunction",
    "WorkingDayCalendar",
    "longest_update_gap",
    "updates_in_period",
    # --- results
    "Adjustment",
    "CombinedPart",
    "CombinedResult",
    "ItemDelta",
    "ItemResult",
    "Ranking",
    "ScoreResult",
    "SectionResult",
    "WhatIf",
    # --- output
    "combined_result_json_schema",
    "render_markdown",
    "render_text",
    "result_to_dict",
    "results_to_frame",
    "score_result_json_schema",
    # --- notebook displays and plots
    "plot_score_breakdown",
    "rankings_html",
    "rankings_to_frame",
    "section_breakdown",
    # --- evidence words
    "BOOLEAN_WORDS",
]
