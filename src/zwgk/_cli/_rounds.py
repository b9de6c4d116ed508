"""``zwgk rounds CARD TABLE``: assessment rounds — one card, many units, several periods.

Scores every row of an evidence table (``.csv`` or ``.xlsx``, one row per unit and period),
ranks each period and prints the 通报 of the last (or ``--period``) round as Markdown, or
the results as JSON; ``--designations`` applies designation rules (a built-in name such as
``demonstration-sites`` or a TOML file) and adds the decisions; ``--docx`` and ``--xlsx``
also write the bulletin and the results sheet.  Registered by :mod:`zwgk._cli._plan`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zwgk._cli._common import emit_json

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk rounds`` to the parser."""
    rounds = subparsers.add_parser(
        "rounds", help="assessment rounds: rank every period, trends, 通报 (bulletin)"
    )
    rounds.add_argument("card", help="a built-in card name or a card file")
    rounds.add_argument(
        "table", type=Path, help="evidence table (.csv or .xlsx): unit, period, evidence columns"
    )
    rounds.add_argument("--unit-column", default=None, help="the unit column (default: unit or 单位)")
    rounds.add_argument("--period-column", default=None, help="the period column (default: period or 考核期)")
    rounds.add_argument("--period", default=None, help="the round of the bulletin (default: the last)")
    rounds.add_argument(
        "--designations", default=None, help="designation rules: a built-in name or a TOML file"
    )
    rounds.add_argument("--json", action="store_true", help="print results and decisions as JSON")
    rounds.add_argument("--docx", type=Path, default=None, help="also write the bulletin as a Word document")
    rounds.add_argument("--xlsx", type=Path, default=None, help="also write the results sheet")
    rounds.set_defaults(handler=_rounds)


def _rounds(args: argparse.Namespace) -> int:
    from zwgk.rounds import designate, score_rounds
    from zwgk.rounds._bulletin import result_rows
    from zwgk.rounds.io import load_designations, read_evidence_table, write_bulletin_docx, write_results_xlsx
    from zwgk.scoring import load_card

    card = load_card(args.card)
    rounds = score_rounds(
        card, read_evidence_table(args.table), unit_column=args.unit_column, period_column=args.period_column
    )
    period = args.period or rounds.periods[-1]
    rounds.round(period)
    decisions = (
        designate(rounds, load_designations(args.designations), at=period) if args.designations else ()
    )
    if args.docx is not None:
        write_bulletin_docx(rounds, args.docx, period=period, decisions=decisions)
    if args.xlsx is not None:
        write_results_xlsx(rounds, args.xlsx)
    if args.json:
        keys = ("period", "rank", "unit", "total", "maximum", "grade", "verdict", "change")
        emit_json(
            {
                "card": rounds.card,
                "results": [
                    {k: (v if v != "" else None) for k, v in zip(keys, row, strict=True)}
                    for row in result_rows(rounds)
                ],
                "decisions": [
                    {
                        "unit": d.unit,
                        "action": d.action,
                        "rule": d.rule,
                        "periods": d.periods,
                        "explanation": d.explanation,
                    }
                    for d in decisions
                ],
            }
        )
    else:
        print(rounds.bulletin_markdown(period, decisions=decisions), end="")
    return 0
