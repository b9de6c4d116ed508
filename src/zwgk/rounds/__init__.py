"""Assessment rounds: one scorecard over many units and several periods, and what follows.

- [`score_rounds`][zwgk.rounds.score_rounds] scores an evidence table (one row per unit and period: CSV, XLSX
  or a DataFrame via [`zwgk.rounds.io`][]) and ranks every period;
- [`Rounds`][zwgk.rounds.Rounds] keeps the per-round results and rankings;
  [`Rounds.trend`][zwgk.rounds.Rounds.trend] gives a unit's change since its previous round and the items that
  lost points;
- [`designate`][zwgk.rounds.designate] applies designation rules (data:
  [`zwgk.rounds.io.load_designations`][]) such as seed 000's 示范点 动态考核 — drop below a threshold or in
  the bottom N / share for K consecutive rounds, recommend the top — and explains each decision;
- the 通报 (bulletin) as Markdown ([`Rounds.bulletin_markdown`][zwgk.rounds.Rounds.bulletin_markdown]) and
  DOCX, the results sheet as XLSX ([`zwgk.rounds.io`][]), trend plots
  ([`Rounds.plot`][zwgk.rounds.Rounds.plot]).

This is its own package rather than part of [`zwgk.scoring`][] so that scoring's façade
stays at 40 names and the scoring core stays one card, one unit; rounds build on it.
"""

from __future__ import annotations

from zwgk.rounds._designation import Action, Decision, DesignationRule, DesignationRules, RuleKind, designate
from zwgk.rounds._rounds import ItemChange, Round, Rounds, UnitTrend, score_rounds

__all__ = [  # noqa: RUF022 - grouped by concern
    # rounds
    "score_rounds",
    "Rounds",
    "Round",
    "UnitTrend",
    "ItemChange",
    # designation
    "designate",
    "DesignationRules",
    "DesignationRule",
    "RuleKind",
    "Decision",
    "Action",
]
