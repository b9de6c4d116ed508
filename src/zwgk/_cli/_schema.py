"""``zwgk schema``: JSON Schema of zwgk's file formats and boundary models.

- ``zwgk schema`` lists the schema names with a one-line description;
- ``zwgk schema NAME`` prints one schema (draft 2020-12, sorted keys, Chinese kept);
- ``zwgk schema --write DIR`` writes every schema to ``DIR/NAME.schema.json``
  (this is how ``docs/schemas/`` is regenerated).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["register"]


def _run(args: argparse.Namespace) -> int:
    from zwgk._cli import EXIT_OK, EXIT_USAGE
    from zwgk._schemas import all_schemas, get_schema, schema_descriptions, schema_text

    if args.write is not None:
        if args.model is not None:
            print("zwgk: error: give either a schema NAME or --write DIR, not both", file=sys.stderr)
            return EXIT_USAGE
        folder = Path(args.write)
        if folder.exists() and not folder.is_dir():
            print(f"zwgk: error: --write {folder}: exists and is not a directory", file=sys.stderr)
            return EXIT_USAGE
        folder.mkdir(parents=True, exist_ok=True)
        for name, schema in all_schemas().items():
            target = folder / f"{name}.schema.json"
            target.write_text(schema_text(schema), encoding="utf-8")
            print(target)
        return EXIT_OK
    if args.model is None:
        descriptions = schema_descriptions()
        width = max(map(len, descriptions))
        for name, description in descriptions.items():
            print(f"{name:<{width}}  {description}")
        return EXIT_OK
    sys.stdout.write(schema_text(get_schema(args.model)))  # UnknownNameError → exit 2
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk schema``."""
    p = subparsers.add_parser(
        "schema",
        help="JSON Schema of zwgk's files (notice, card, evidence, catalog, publication log, ledger, "
        "report) and of score results",
        description="Without NAME, list the schemas; with NAME, print that JSON Schema "
        "(draft 2020-12); with --write DIR, write every schema to DIR/NAME.schema.json.",
    )
    p.add_argument("model", nargs="?", metavar="NAME", help="schema name (run without it for the list)")
    p.add_argument("--write", metavar="DIR", help="write every schema to DIR/NAME.schema.json")
    p.set_defaults(handler=_run)
