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
import warnings
from collections.abc import Sequence

from zwgk.errors import ProvisionalCalendarWarning, ZwgkError, ZwgkWarning

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
    "zwgk._cli._plan",
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
    """Run the CLI; return the process exit code.

    zwgk's warnings (provisional calendar data, unparsed time limits, ...) are printed once
    each on stderr as ``zwgk: provisional: ...`` / ``zwgk: warning: ...``, not as Python
    warnings with source lines.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ZwgkWarning)
        try:
            code: int = args.handler(args)
        except ZwgkError as exc:
            code = _fail(str(exc))
        except BrokenPipeError:  # e.g. `zwgk calendar 2026 | head`: the reader stopped reading
            _silence_stdout()
            code = EXIT_OK
        except OSError as exc:  # a file that cannot be read or written
            code = _fail(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc))
    _report_warnings(caught)
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _fail(message: str) -> int:
    print(f"zwgk: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _report_warnings(caught: list[warnings.WarningMessage]) -> None:
    seen: set[str] = set()
    for w in caught:
        if not issubclass(w.category, ZwgkWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            continue
        text = str(w.message)
        if text in seen:
            continue
        seen.add(text)
        label = "provisional" if issubclass(w.category, ProvisionalCalendarWarning) else "warning"
        print(f"zwgk: {label}: {text}", file=sys.stderr)
