"""The ``zwgk`` command line.

Each command group lives in its own module of this package and exposes
``register(subparsers)``; this module only wires them together and maps errors to exit
codes:

- 0 — success;
- 1 — the command ran and found problems (a failed check, an overdue request);
- 2 — bad usage or bad input (the message says which field and what was expected); never a
  traceback, and values in messages are cut to a few hundred characters;
- 3 — an internal error (a bug in zwgk): one line asking to report it; the global
  ``--debug`` flag (``zwgk --debug COMMAND ...``) prints the traceback instead.

Every command explains these codes in its ``--help`` (one epilog,
`zwgk._cli._common.EXIT_EPILOG`), and a command that exits 1 ends with a line on
stderr such as ``zwgk: 7 findings (exit code 1)``.

Commands that write files (``--output``, ``--write``) never write over one of their inputs
and refuse an existing file unless ``--force`` (see `zwgk._cli._common.write_output`).
Every file argument accepts ``-`` for standard input (`zwgk._cli._common.InputPath`).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import re
import sys
import tomllib
import unicodedata
import warnings
from collections.abc import Sequence
from typing import Any, NoReturn

from zwgk._cli._argparse_texts import argparse_language
from zwgk._cli._common import EXIT_EPILOG, LANG_HELP, Findings, InputPath, cli_language, spool_stdin
from zwgk._i18n import gettext, language
from zwgk.errors import ProvisionalCalendarWarning, ZwgkError, ZwgkWarning

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

_ISSUES = "https://github.com/zwgk/zwgk/issues"
_MESSAGE_CHARS = 2000
# Parser errors from bad input that reached a parser without becoming a zwgk error first:
# still the input's fault (exit 2), never a traceback.
_INPUT_ERRORS: tuple[type[Exception], ...] = (
    UnicodeDecodeError,
    csv.Error,
    json.JSONDecodeError,
    tomllib.TOMLDecodeError,
    RecursionError,
)


class _HelpFormatter(argparse.HelpFormatter):
    """Wrap each paragraph of a description; keep indented lines (lists, the exit codes) as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for block in text.strip("\n").split("\n\n"):
            lines = block.splitlines()
            if any(line[:1].isspace() or line.startswith("- ") for line in lines[1:]) or (
                lines and lines[0][:1].isspace()
            ):
                out.append("\n".join(indent + line for line in lines))
            else:
                joined = " ".join(line.strip() for line in lines)
                if _WIDE.search(joined):
                    out.append("\n".join(indent + line for line in _wrap_wide(joined, width - len(indent))))
                else:
                    out.append(super()._fill_text(joined, width, indent))
        return "\n\n".join(out) + ("\n" if text.endswith("\n") else "")

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        if prefix is None:  # argparse's own "usage: ", in the run's language (_argparse_texts)
            prefix = getattr(argparse, "_")("usage: ")  # noqa: B009
        text = super()._format_usage(usage, actions, groups, prefix)
        # argparse aligns the usage's continuation lines by len(prefix); a Chinese prefix
        # (用法：) is wider on a terminal than it is long
        extra = _columns(prefix) - len(prefix)
        if extra <= 0:
            return text
        first, *rest = text.split("\n")
        return "\n".join([first, *((" " * extra + line) if line.strip() else line for line in rest)])

    def _split_lines(self, text: str, width: int) -> list[str]:
        if _WIDE.search(text):
            return _wrap_wide(" ".join(text.split()), width)
        return super()._split_lines(text, width)


_WIDE_CLASS = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WIDE = re.compile(f"[{_WIDE_CLASS}]")
_TOKEN = re.compile(f"\\s+|[{_WIDE_CLASS}]|[^\\s{_WIDE_CLASS}]+")
# Chinese punctuation that never starts a line (it stays with the character before it).
_NO_LINE_START = frozenset("，。、；：！？）》」』】〕”’…")


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap_wide(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` terminal columns: a Chinese character is two columns and a
    line may break between any two of them (not before closing punctuation); Latin words and
    numbers break only at spaces (a word longer than a line stands alone)."""
    width = max(width, 20)
    lines: list[str] = []
    line, used = "", 0
    for found in _TOKEN.findall(text):
        token = " " if found.isspace() else found
        size = _columns(token)
        if used + size > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
            if token == " ":
                continue
        line += token
        used += size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Parser(argparse.ArgumentParser):
    """An argument parser whose error messages are cut (a 100 MB argument is one short line)."""

    def error(self, message: str) -> NoReturn:
        super().error(_cut_lines(message))


# Command-group modules, in the order their commands appear in ``zwgk --help``.
_GROUPS: tuple[str, ...] = (
    "zwgk._cli._calendar",
    "zwgk._cli._deadline",
    "zwgk._cli._scoring",
    "zwgk._cli._catalog",
    "zwgk._cli._reports",
    "zwgk._cli._register",
    "zwgk._cli._plan",
    "zwgk._cli._schema",
    "zwgk._cli._completion",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command group registered."""
    from zwgk import __version__

    parser = _Parser(
        prog="zwgk",
        description=gettext(
            "Tools for open government affairs: the working-day calendar, "
            "disclosure deadlines, scorecards, catalogs and annual reports."
        ),
        epilog=gettext(EXIT_EPILOG),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"zwgk {__version__}",
        help=gettext("show program's version number and exit"),
    )
    parser.add_argument(
        "--debug", action="store_true", help=gettext("on an internal error, show the Python traceback")
    )
    parser.add_argument("--lang", metavar="{zh,en}", default=None, help=gettext(LANG_HELP))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _GROUPS:
        importlib.import_module(name).register(subparsers)
    _apply_convention(parser)
    return parser


def _apply_convention(parser: argparse.ArgumentParser) -> None:
    """Give every command the shared help layout and exit-code epilog, and ``--stdin-as`` where a
    file argument may be ``-``; a command without a description gets its one-line help."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {a.dest: a.help for a in action._choices_actions}
        for name, sub in action.choices.items():
            sub.formatter_class = _HelpFormatter
            sub.epilog = gettext(EXIT_EPILOG)
            if not sub.description and helps.get(name):
                text = str(helps[name])
                sub.description = gettext("{help}.").format(help=f"{text[0].upper()}{text[1:]}")
            # Every command takes --lang after its name too; SUPPRESS keeps a --lang given
            # before the command (``zwgk --lang zh deadline``) when none is given after it.
            sub.add_argument("--lang", metavar="{zh,en}", default=argparse.SUPPRESS, help=gettext(LANG_HELP))
            if any(isinstance(a.type, InputPath) for a in sub._actions):
                sub.add_argument(
                    "--stdin-as",
                    metavar="SUFFIX",
                    default=None,
                    help=gettext(
                        "with - for a file: the kind of standard input (csv, xlsx, json, toml, html, txt); "
                        "default: guessed from its first bytes"
                    ),
                )
            _apply_convention(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the process exit code.

    zwgk's warnings (provisional calendar data, unparsed time limits, ...) are printed once
    each on stderr as ``zwgk: provisional: ...`` / ``zwgk: warning: ...``, not as Python
    warnings with source lines.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        lang = cli_language(_given_lang(argv), os.environ)
    except ZwgkError as exc:
        return _fail(str(exc))
    with language(lang):
        # The parser is built in the run's language: its help texts are worded as it is built.
        with argparse_language(lang):
            args = build_parser().parse_args(argv)
        return _run(args)


def _given_lang(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before a ``--`` (``None``: not given).

    Read before the parser exists, so that ``--help`` and argparse's own messages are worded in
    that language too; the parser accepts the same option where it stands.
    """
    found: str | None = None
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
        elif token.startswith("--lang="):
            found = token.removeprefix("--lang=")
    return found


def _run(args: argparse.Namespace) -> int:
    """Run the command of ``args`` in the language already chosen; report warnings and findings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ZwgkWarning)
        try:
            with spool_stdin(args):
                code: int = args.handler(args)
        except ZwgkError as exc:
            code = _fail(str(exc))
        except BrokenPipeError:  # e.g. `zwgk calendar 2026 | head`: the reader stopped reading
            _silence_stdout()
            code = EXIT_OK
        except OSError as exc:  # a file that cannot be read or written
            code = _fail(_os_error(exc))
        except _INPUT_ERRORS as exc:
            if args.debug:
                raise
            code = _fail(
                gettext("cannot read the input ({kind}: {detail})").format(
                    kind=type(exc).__name__, detail=exc
                )
            )
        except Exception as exc:  # a bug: one line, or the traceback with --debug
            if args.debug:
                raise
            code = _internal(exc)
    _report_warnings(caught)
    if code == EXIT_FINDINGS:
        summary = code.summary() if isinstance(code, Findings) else "findings"
        print(gettext("zwgk: {summary} (exit code 1)").format(summary=summary), file=sys.stderr)
    return int(code)


def _internal(exc: Exception) -> int:
    detail = str(exc).splitlines()[0] if str(exc) else ""
    detail = detail if len(detail) <= 200 else f"{detail[:200]}…"
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    print(
        gettext(
            "zwgk: internal error ({what}); this is a bug in zwgk, please report it at {url} "
            "(run again with --debug for the traceback)"
        ).format(what=what, url=_ISSUES),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _os_error(exc: OSError) -> str:
    """A file error in the run's language: the system's own text is English (``strerror``), so
    the common kinds are worded from the catalog and the others keep the system's text."""
    kinds: dict[type[OSError], str] = {
        FileNotFoundError: gettext("no such file or directory"),
        PermissionError: gettext("permission denied"),
        IsADirectoryError: gettext("is a directory"),
        NotADirectoryError: gettext("not a directory"),
    }
    reason = next((text for kind, text in kinds.items() if isinstance(exc, kind)), exc.strerror or str(exc))
    return gettext("{reason}: {file}").format(reason=reason, file=exc.filename) if exc.filename else reason


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _cut_lines(message: str) -> str:
    """``message`` with every line cut to ``_MESSAGE_CHARS`` (zwgk errors cut values already)."""
    return "\n".join(
        line if len(line) <= _MESSAGE_CHARS else f"{line[:_MESSAGE_CHARS]}… ({len(line)} characters)"
        for line in message.split("\n")
    )


def _fail(message: str) -> int:
    print(gettext("zwgk: error: {message}").format(message=_cut_lines(message)), file=sys.stderr)
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
        if issubclass(w.category, ProvisionalCalendarWarning):
            print(gettext("zwgk: provisional: {text}").format(text=text), file=sys.stderr)
        else:
            print(gettext("zwgk: warning: {text}").format(text=text), file=sys.stderr)
