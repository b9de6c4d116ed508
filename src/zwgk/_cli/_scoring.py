"""``zwgk`` commands for scorecards: ``score``, ``cards`` and ``card-template``."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

from zwgk._cli._common import emit_json
from zwgk.errors import InvalidInputError

__all__ = ["register"]

_EXIT_OK = 0
_EXIT_FINDINGS = 1


def _read_evidence(path: str) -> dict[str, object]:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError("EVIDENCE", path, f"a readable UTF-8 JSON file ({exc})") from None
    try:
        data = json.loads(text, parse_float=Decimal)  # JSON numbers stay exact
    except json.JSONDecodeError as exc:
        raise InvalidInputError("EVIDENCE", path, f"valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InvalidInputError("EVIDENCE", path, "a JSON object mapping evidence keys to values")
    return data


def _score(args: argparse.Namespace) -> int:
    from zwgk.scoring import load_card, render_markdown, render_text, result_to_dict, score

    card = load_card(args.card)
    evidence = _read_evidence(args.evidence)
    result = score(card, evidence, lenient=args.lenient, unit=args.unit or "")
    if args.format == "json":
        emit_json(result_to_dict(result))
    elif args.format == "markdown":
        sys.stdout.write(render_markdown(result))
    else:
        sys.stdout.write(render_text(result))
    return _EXIT_OK if result.passed else _EXIT_FINDINGS


def _cards(args: argparse.Namespace) -> int:
    from zwgk.scoring import list_cards, list_combinations, load_card, load_combination

    cards = [load_card(name) for name in list_cards()]
    combinations = [load_combination(name) for name in list_combinations()]
    if args.json:
        emit_json(
            {
                "cards": [
                    {"name": c.name, "title": c.title, "source": c.source, "maximum": c.maximum}
                    for c in cards
                ],
                "combinations": [
                    {"name": c.name, "title": c.title, "parts": {p.card: p.weight for p in c.parts}}
                    for c in combinations
                ],
            }
        )
        return _EXIT_OK
    for card in cards:
        print(f"{card.name:<40} {card.title}")
    for combination in combinations:
        parts = " + ".join(f"{p.card} × {p.weight}" for p in combination.parts)
        print(f"{combination.name:<40} {parts}")
    return _EXIT_OK


def _card_template(args: argparse.Namespace) -> int:
    from zwgk.scoring import card_template, evidence_schema, load_card

    card = load_card(args.card)
    emit_json(evidence_schema(card) if args.schema else card_template(card))
    return _EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the ``zwgk`` parser."""
    p = subparsers.add_parser(
        "score",
        help="score evidence against a scorecard (考核细则)",
        description="Score an evidence JSON file against a built-in card or a card file. "
        "Exit status 1 when the unit fails (a veto or below the pass mark).",
    )
    p.add_argument(
        "card", metavar="CARD", help="built-in card name (see `zwgk cards`) or a .toml/.json card file"
    )
    p.add_argument("evidence", metavar="EVIDENCE.json", help="evidence JSON file ('-' for standard input)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="report format")
    p.add_argument(
        "--lenient", action="store_true", help="score items with missing evidence as 0 instead of failing"
    )
    p.add_argument("--unit", help="label of the unit scored (department, street ...)")
    p.set_defaults(handler=_score)

    p = subparsers.add_parser("cards", help="list the built-in scorecards and combinations")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_cards)

    p = subparsers.add_parser(
        "card-template",
        help="print an empty evidence file for a card",
        description="Print an evidence JSON object with every key of the card set to null, to fill in.",
    )
    p.add_argument("card", metavar="CARD", help="built-in card name or a .toml/.json card file")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the evidence instead")
    p.set_defaults(handler=_card_template)
