"""Assessment rounds: one scorecard over many units and several periods, and what follows.

- :func:`score_rounds` scores an evidence table (one row per unit and period: CSV, XLSX or a
  DataFrame via :mod:`zwgk.rounds.io`) and ranks every period;
- :class:`Rounds` keeps the per-round results and rankings; :meth:`Rounds.trend` gives a
  unit's change since its previous round and the items that lost points;
- :func:`designate` applies designation rules (data: :func:`zwgk.rounds.io.load_designations`)
  such as seed 000's 示范点 动态考核 — drop below a threshold or in the bottom N / share for K
  consecutive rounds, recommend the top — and explains each decision;
- the 通报 (bulletin) as Markdown (:meth:`Rounds.bulletin_markdown`) and DOCX, the results
  sheet as XLSX (:mod:`zwgk.rounds.io`), trend plots (:meth:`Rounds.plot`).

This is its own package rather than part of :mod:`zwgk.scoring` so that scoring's façade
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
