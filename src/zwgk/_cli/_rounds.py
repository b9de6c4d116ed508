"""``zwgk rounds CARD TABLE``: assessment rounds — one card, many units, several periods.

Scores every row of an evidence table (``.csv`` or ``.xlsx``, one row per unit and period),
ranks each period and prints the 通报 of the last (or ``--period``) round as Markdown, or
the results as JSON; ``--designations`` applies designation rules (a built-in name such as
``demonstration-sites`` or a TOML file) and adds the decisions; ``--output FILE``
(repeatable) also writes the bulletin (``.docx``, ``.md``) or the results (``.xlsx``,
``.json``), the format given by the suffix.  Registered by `zwgk._cli._plan`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from zwgk._cli._common import (
    InputPath,
    add_force,
    add_json,
    check_output,
    emit_json,
    to_jsonable,
    write_output,
)
from zwgk._i18n import gettext
from zwgk.errors import InvalidInputError

__all__ = ["register"]

_OUTPUTS = (".docx", ".md", ".xlsx", ".json")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk rounds`` to the parser."""
    rounds = subparsers.add_parser(
        "rounds",
        help=gettext("assessment rounds: rank every period, trends, the bulletin"),
        description=gettext(
            "Score every row of an evidence table (one row per unit and period) against a card, "
            "rank each period and print the bulletin of the last round as Markdown."
        ),
    )
    rounds.add_argument(
        "card",
        metavar="CARD",
        type=InputPath(".toml", names=True),
        help=gettext("a built-in card name or a card file (- for stdin)"),
    )
    rounds.add_argument(
        "table",
        metavar="TABLE",
        type=InputPath(".csv"),
        help=gettext("evidence table file (.csv or .xlsx; - for stdin): unit, period, evidence columns"),
    )
    rounds.add_argument(
        "--unit-column", default=None, help=gettext("the unit column (default: unit or 单位)")
    )
    rounds.add_argument(
        "--period-column", default=None, help=gettext("the period column (default: period or 考核期)")
    )
    rounds.add_argument(
        "--period", default=None, help=gettext("the round of the bulletin (default: the last)")
    )
    rounds.add_argument(
        "--designations",
        default=None,
        type=InputPath(".toml", names=True),
        help=gettext("designation rules: a built-in name or a TOML file (- for stdin)"),
    )
    add_json(rounds, gettext("results and decisions"))
    rounds.add_argument(
        "--output",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help=gettext(
            "also write FILE, by its suffix: the bulletin (.docx, .md) or the results (.xlsx, .json); "
            "repeatable"
        ),
    )
    add_force(rounds)
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
    keys = ("period", "rank", "unit", "total", "maximum", "grade", "verdict", "change")
    result = {
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
    inputs = (args.card, args.table)
    for target in args.output:
        suffix = target.suffix.lower()
        if suffix not in _OUTPUTS:
            raise InvalidInputError("--output", str(target), gettext("a .docx, .md, .xlsx or .json file"))
        check_output(target, force=args.force, inputs=inputs)
    for target in args.output:
        suffix = target.suffix.lower()
        if suffix == ".docx":
            write_bulletin_docx(rounds, target, period=period, decisions=decisions)
        elif suffix == ".xlsx":
            write_results_xlsx(rounds, target)
        elif suffix == ".md":
            write_output(
                target, rounds.bulletin_markdown(period, decisions=decisions), force=True, inputs=inputs
            )
        else:
            text = json.dumps(to_jsonable(result), ensure_ascii=False, indent=2) + "\n"
            write_output(target, text, force=True, inputs=inputs)
    if args.json:
        emit_json(result)
    else:
        print(rounds.bulletin_markdown(period, decisions=decisions), end="")
    return 0
