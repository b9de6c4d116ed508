"""``zwgk`` commands for scorecards: ``score``, ``cards`` and ``card-template``."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from zwgk._cli._common import Findings, InputPath, add_json, add_output, emit_json, write_output
from zwgk._cli._outputs import wants_binary, write_as
from zwgk._files import existing_file, read_input_text
from zwgk._i18n import gettext, msg, msg_n
from zwgk._json_guard import load_json
from zwgk._limits import DEFAULT_LIMITS, check_file_size
from zwgk.errors import InvalidInputError

if TYPE_CHECKING:
    from zwgk.scoring import Combination, CombinedResult, ScoreResult

__all__ = ["register"]

_EXIT_OK = 0
_CARD = InputPath(".toml", names=True)


def _read_evidence(path: str) -> dict[str, object]:
    """The evidence object of ``path``, read through zwgk's guards (``-`` was spooled to a file).

    UTF-8 (then GB18030) text, at most ``max_file_bytes`` and ``max_depth`` deep; JSON
    numbers stay exact (``Decimal``).
    """
    what = gettext("evidence file (.json)")
    check_file_size(existing_file(path, what).stat().st_size, DEFAULT_LIMITS, path)
    _, text = read_input_text(path, what)
    data = load_json(text, limits=DEFAULT_LIMITS, source=path, parse_float=Decimal)
    if not isinstance(data, dict):
        raise InvalidInputError("EVIDENCE", path, gettext("a JSON object mapping evidence keys to values"))
    return data


def _combination_name(name: str) -> str | None:
    """``name`` when it names a built-in combination (and no card file of that name exists)."""
    from zwgk.scoring import list_cards, list_combinations

    if name in list_cards() or Path(name).is_file() or name not in list_combinations():
        return None
    return name


def _part_evidence(combination: Combination, evidence: dict[str, object], path: str) -> dict[str, object]:
    """Check that ``evidence`` maps each part's card name to a JSON object, and nothing else."""
    names = [p.card for p in combination.parts]
    expected = msg(
        "a JSON object mapping each card of the combination ({cards}) to its evidence", cards=", ".join(names)
    ).render()
    lacking = [n for n in names if n not in evidence]
    if lacking:
        where = msg("{path} (no evidence for {cards})", path=path, cards=", ".join(lacking)).render()
        raise InvalidInputError("EVIDENCE", where, expected)
    extra = sorted(k for k in evidence if k not in names)
    if extra:
        where = msg("{path} (keys {keys} are not cards of it)", path=path, keys=", ".join(extra)).render()
        raise InvalidInputError("EVIDENCE", where, expected)
    for name in names:
        if not isinstance(evidence[name], dict):
            raise InvalidInputError(
                f"EVIDENCE[{name!r}]",
                evidence[name],
                msg("a JSON object with the evidence of card {card}", card=name).render(),
            )
    return evidence


def _score_combination(args: argparse.Namespace, name: str) -> int:
    from zwgk.scoring import apply_combination, load_card, load_combination, score

    combination = load_combination(name)
    evidence = _part_evidence(combination, _read_evidence(str(args.evidence)), str(args.evidence))
    results = []
    for part in combination.parts:
        part_evidence = evidence[part.card]
        assert isinstance(part_evidence, dict)
        results.append(score(load_card(part.card), part_evidence, lenient=args.lenient, unit=args.unit or ""))
    combined = apply_combination(combination, results)
    if args.unit:
        combined = attrs.evolve(combined, unit=args.unit)
    _emit(combined, args)
    return _verdict(combined)


def _verdict(result: ScoreResult | CombinedResult) -> int:
    return _EXIT_OK if result.passed else Findings(1, msg_n("{n} failed unit", "{n} failed units", "n", n=1))


def _emit(result: ScoreResult | CombinedResult, args: argparse.Namespace) -> None:
    """Print (or with ``--output`` write) ``result`` in the form ``--json``/``--as`` asks for."""
    from zwgk.scoring import render_markdown, render_text

    fmt = "json" if args.json else args.output_as
    if fmt == "json":
        text = json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "md":
        text = render_markdown(result)
    else:
        text = render_text(result)
    if args.output is None:
        sys.stdout.write(text)
        return
    write_output(args.output, text, force=args.force, inputs=(args.card, args.evidence))
    print(msg("wrote {file}", file=args.output).render())


def _score(args: argparse.Namespace) -> int:
    from zwgk.scoring import load_card, score

    combination = _combination_name(str(args.card))
    if combination is not None:
        return _score_combination(args, combination)
    card = load_card(args.card)
    evidence = _read_evidence(str(args.evidence))
    result = score(card, evidence, lenient=args.lenient, unit=args.unit or "")
    if wants_binary(args):
        write_as(result, args.output_as, args.output, force=args.force, inputs=(args.evidence,))
        return _verdict(result)
    _emit(result, args)
    return _verdict(result)


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
    print(gettext("Cards:"))
    for card in cards:
        print(f"  {card.name:<40} {card.title}")
    print()
    print(gettext("Combinations (score them with an evidence file keyed by card name):"))
    for combination in combinations:
        parts = " + ".join(f"{p.card} × {p.weight}" for p in combination.parts)
        print(f"  {combination.name:<40} {parts}")
    return _EXIT_OK


def _card_template(args: argparse.Namespace) -> int:
    from zwgk.scoring import card_template, load_card, load_combination
    from zwgk.scoring.io import evidence_schema

    name = _combination_name(str(args.card))
    if name is None:
        card = load_card(args.card)
        emit_json(evidence_schema(card) if args.schema else card_template(card))
        return _EXIT_OK
    combination = load_combination(name)
    cards = [load_card(p.card) for p in combination.parts]
    if args.schema:
        emit_json(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "title": f"{combination.title} — evidence",  # a JSON Schema, like evidence_schema: English
                "description": f"Evidence for the zwgk combination {combination.name!r}: "
                "one object per card, keyed by card name",
                "type": "object",
                "properties": {c.name: evidence_schema(c) for c in cards},
                "required": [c.name for c in cards],
                "additionalProperties": False,
            }
        )
    else:
        emit_json({c.name: card_template(c) for c in cards})
    return _EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the ``zwgk`` parser."""
    p = subparsers.add_parser(
        "score",
        help=gettext("score evidence against a scorecard"),
        description=gettext(
            "Score an evidence JSON file against a built-in card, a card file or a built-in "
            "combination of cards (表一×60%+表二×40%). For a combination the evidence file maps each "
            "card name of the combination to that card's evidence (see 'zwgk card-template COMBINATION'). "
            "Exit 1 when the unit fails (a veto or below the pass mark; for a combination, any part)."
        ),
    )
    p.add_argument(
        "card",
        metavar="CARD",
        type=_CARD,
        help=gettext("built-in card or combination name (see 'zwgk cards'), or a .toml/.json card file"),
    )
    p.add_argument(
        "evidence",
        metavar="EVIDENCE.json",
        type=InputPath(".json"),
        help=gettext("evidence JSON file, or - for stdin"),
    )
    add_json(p, gettext("the result (result_to_dict)"))
    add_output(p, ("text", "md", "json", "xlsx"), default="text")
    p.add_argument(
        "--lenient",
        action="store_true",
        help=gettext("score items with missing evidence as 0 instead of failing"),
    )
    p.add_argument("--unit", help=gettext("label of the unit scored (department, street ...)"))
    p.set_defaults(handler=_score)

    p = subparsers.add_parser("cards", help=gettext("list the built-in scorecards and combinations"))
    add_json(p, gettext("the list"))
    p.set_defaults(handler=_cards)

    p = subparsers.add_parser(
        "card-template",
        help=gettext("print an empty evidence file for a card or combination"),
        description=gettext(
            "Print an evidence JSON object with every key of the card set to null, to fill in. "
            "For a combination: one such object per card, keyed by card name."
        ),
    )
    p.add_argument(
        "card",
        metavar="CARD",
        type=_CARD,
        help=gettext("built-in card or combination name, or a .toml/.json card file (- for stdin)"),
    )
    p.add_argument(
        "--schema", action="store_true", help=gettext("print the JSON Schema of the evidence instead")
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=gettext("print JSON (the template is always JSON; for scripts' symmetry)"),
    )
    p.set_defaults(handler=_card_template)
