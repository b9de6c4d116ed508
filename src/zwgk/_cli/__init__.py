"""The ``zwgk`` command line.

Each command group lives in its own module of this package and exposes
``register(subparsers)``; this module only wires them together and maps errors to exit
codes:

- 0 — success;
- 1 — the command ran and found problems (a failed check, an overdue request);
- 2 — bad usage or bad input (the message says which field and what was expected).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from zwgk.errors import ZwgkError

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

# Command-group modules, in the order their commands appear in ``zwgk --help``.
_GROUPS: tuple[str, ...] = (
    "zwgk._cli._calendar",
    "zwgk._cli._deadline",
    "zwgk._cli._scoring",
    "zwgk._cli._catalog",
    "zwgk._cli._reports",
    "zwgk._cli._schema",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command group registered."""
    from zwgk import __version__

    parser = argparse.ArgumentParser(
        prog="zwgk",
        description="政务公开 tools: working-day calendar, disclosure deadlines, scorecards, "
        "catalogs and annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"zwgk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _GROUPS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except ZwgkError as exc:
        print(f"zwgk: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `zwgk calendar 2026 | head`
        return EXIT_OK
    return code
