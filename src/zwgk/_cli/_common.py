"""Helpers shared by the command-group modules: the CLI convention in one place (issue 18).

- ``--json`` prints the result as JSON (`add_json`); ``--as FORMAT`` picks a file format
  and ``--output FILE`` writes it (`add_output`, always with ``--force``);
- every file argument accepts ``-`` for standard input (`InputPath`): the text is
  spooled to a temporary file whose suffix comes from ``--stdin-as SUFFIX``, else from its
  first bytes, else from the argument's usual kind (`spool_stdin`);
- exit codes 0/1/2/3 are explained by one epilog (`EXIT_EPILOG`) on every command,
  and a command that exits 1 says so on stderr (`Findings`).

Every command that writes a file goes through `write_output`: it never writes over one
of the command's own inputs (compared by resolved path and, where the file exists, by
device and inode, so a hard link or a symlink is caught), and it refuses an existing file
unless ``--force`` was given (`add_force`).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from zwgk._dates import DATE_FORMS, parse_date
from zwgk._i18n import N_, Language, Message, gettext, msg_n, resolve
from zwgk._json_out import json_value
from zwgk.errors import InvalidInputError, cut

__all__ = [
    "EXIT_EPILOG",
    "LANG_HELP",
    "Findings",
    "InputPath",
    "Stdin",
    "add_force",
    "add_json",
    "add_output",
    "check_output",
    "cli_language",
    "date_arg",
    "emit_json",
    "same_file",
    "spool_stdin",
    "to_jsonable",
    "write_output",
]

EXIT_EPILOG = N_("""\
exit codes:
  0  success
  1  the command ran and found problems (a failed check, an overdue request)
  2  bad usage or bad input (the message names the field and what was expected)
  3  internal error in zwgk: please report it (rerun with --debug for the traceback)
""")


LANG_HELP = N_(
    "the language of the output: zh or en (default: ZWGK_LANG, else zh for a zh_* locale "
    "(LC_ALL, LC_MESSAGES, LANG), else en)"
)


def cli_language(lang: str | None, environ: Mapping[str, str]) -> Language:
    """The language of a run: ``--lang``, else ``ZWGK_LANG``, else the locale (``zh_*`` → zh), else en.

    The locale is the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set (POSIX order).

    Raises:
        UnknownLanguageError: ``--lang`` or ``ZWGK_LANG`` is not zh or en.
    """
    if lang is not None:
        return resolve(lang, source="--lang")
    if environ.get("ZWGK_LANG", "").strip():
        return resolve(environ["ZWGK_LANG"].strip(), source="ZWGK_LANG")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class Findings(int):
    """A handler's exit code 1 with what was found: ``return Findings(7)`` → "zwgk: 7 findings".

    `zwgk._cli.main` prints ``zwgk: 7 findings (exit code 1)`` on stderr for it (and
    ``zwgk: problems were found (exit code 1)`` for a plain ``1``), so a script's reader knows that 1
    means the command ran and found problems, not that it failed.
    """

    count: int | None
    noun: str | Message

    def __new__(cls, count: int | None = None, noun: str | Message = "finding") -> Findings:
        self = super().__new__(cls, 1)
        self.count = count
        self.noun = noun
        return self

    def summary(self) -> str:
        """``7 findings``, ``1 overdue task``, or ``findings`` when the count is unknown.

        A `Message` noun is the whole count, worded in the current language
        (``msg_n("{n} violation", "{n} violations", "n", n=3)``: ``3 violations`` / ``3项违规``).
        """
        if isinstance(self.noun, Message):
            return self.noun.render()
        if self.noun == "finding":
            if self.count is None:
                return gettext("problems were found")
            return msg_n("{n} finding", "{n} findings", "n", n=self.count).render()
        if self.count is None:
            return f"{self.noun}s"
        return f"{self.count} {self.noun}{'' if self.count == 1 else 's'}"


@attrs.frozen
class Stdin:
    """The value of a file argument given as ``-``, until `spool_stdin` replaces it."""

    suffix: str


@attrs.frozen
class InputPath:
    """argparse type of a file argument: a `Path`, or ``-`` for standard input.

    ``suffix`` is the argument's usual kind (``.csv``, ``.json`` ...), the last resort when
    neither ``--stdin-as`` nor the first bytes of the input say which it is.  With
    ``names=True`` the argument may also be a built-in name (a card), kept as text.
    """

    suffix: str
    names: bool = False

    def __call__(self, text: str) -> Path | str | Stdin:
        if text == "-":
            return Stdin(self.suffix)
        return text if self.names else Path(text)


def _sniff(head: bytes) -> str | None:
    """The suffix the first bytes of an input suggest (``None``: they do not say)."""
    if head.startswith(b"PK\x03\x04"):
        return ".xlsx"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text[:1] in (b"{", b"["):
        return ".json"
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<")):
        return ".html"
    return None


@contextlib.contextmanager
def spool_stdin(args: argparse.Namespace) -> Iterator[None]:
    """Replace the one ``-`` file argument of ``args`` by a temporary copy of standard input.

    The copy is named ``stdin.SUFFIX`` (``--stdin-as``, else sniffed, else the argument's
    usual kind) in a folder removed afterwards; at most ``max_file_bytes`` + 1 bytes are
    read, so the readers' size limit still applies.

    Raises:
        InvalidInputError: more than one argument is ``-``.
    """
    from zwgk._limits import DEFAULT_LIMITS

    found = [
        (name, i)
        for name, value in vars(args).items()
        for i, item in enumerate(value if isinstance(value, list) else [value])
        if isinstance(item, Stdin)
    ]
    if not found:
        yield
        return
    if len(found) > 1:
        raise InvalidInputError(
            "-", ", ".join(n for n, _ in found), gettext("standard input for one file at most")
        )
    name, index = found[0]
    value = getattr(args, name)
    marker = value[index] if isinstance(value, list) else value
    limit = DEFAULT_LIMITS.max_file_bytes + 1
    raw = getattr(sys.stdin, "buffer", None)  # None: a text stream put in place of stdin
    data = raw.read(limit) if raw is not None else sys.stdin.read(limit).encode("utf-8")
    given = getattr(args, "stdin_as", None)
    suffix = (f".{given.lstrip('.')}" if given else None) or _sniff(data[:512]) or marker.suffix
    with tempfile.TemporaryDirectory(prefix="zwgk-stdin-") as folder:
        path = Path(folder) / f"stdin{suffix}"
        path.write_bytes(data)
        if isinstance(value, list):
            value[index] = path
        else:
            setattr(args, name, path)
        yield


def add_json(parser: argparse.ArgumentParser, what: str | None = None) -> None:
    """Add ``--json``: print ``what`` as JSON instead of text.

    ``what`` is an English msgid marked with ``N_`` (``N_("the report")``), worded here in the
    run's language; ``None``: the result.
    """
    if what is None:
        text = gettext("print the result as JSON")
    else:
        text = gettext("print {what} as JSON").format(what=gettext(what))
    parser.add_argument("--json", action="store_true", help=text)


def add_output(
    parser: argparse.ArgumentParser, formats: Iterable[str] = (), *, default: str | None = None
) -> None:
    """Add ``--output FILE`` and ``--force`` and, given ``formats``, ``--as FORMAT``."""
    choices = tuple(formats)
    if choices:
        parser.add_argument(
            "--as",
            dest="output_as",
            choices=choices,
            default=default,
            metavar="FORMAT",
            help=(
                gettext("output format: {formats} (default {default})")
                if default
                else gettext("output format: {formats}")
            ).format(formats=", ".join(choices), default=default),
        )
    parser.add_argument(
        "--output", type=Path, default=None, metavar="FILE", help=gettext("write to FILE instead of stdout")
    )
    add_force(parser)


def date_arg(text: str) -> dt.date:
    """argparse type for a date: ``2026-09-28`` (or the other forms of `zwgk._dates.parse_date`)."""
    try:
        return parse_date(text, "date")
    except InvalidInputError:
        raise argparse.ArgumentTypeError(
            gettext("invalid date {text}; expected {forms}").format(text=cut(text), forms=gettext(DATE_FORMS))
        ) from None


def to_jsonable(value: Any) -> Any:
    """Convert zwgk values to JSON-ready data: `zwgk._json_out.json_value` (``to_dict()``)."""
    return json_value(value)


def emit_json(value: Any, default: Callable[[Any], Any] | None = None) -> None:
    """Print ``value`` as indented JSON (UTF-8, Chinese kept readable)."""
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2, default=default)
    sys.stdout.write("\n")


def add_force(parser: argparse.ArgumentParser, what: str = "--output") -> None:
    """Add ``--force``: allow ``what`` to replace an existing file (never one of the inputs)."""
    parser.add_argument(
        "--force",
        action="store_true",
        help=gettext("let {option} replace an existing file (never an input)").format(option=what),
    )


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same resolved path, or the same device and inode."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # an unresolvable path (a symlink loop) names no input
        return False


def check_output(
    path: Path, *, force: bool, inputs: Iterable[Path | str | None] = (), option: str = "--output"
) -> None:
    """Refuse ``path`` as an output before a writer that opens it itself (a workbook, a document).

    Raises:
        InvalidInputError: ``path`` is one of ``inputs`` (whatever ``force`` says), is a
            folder, or exists and ``force`` is false.
    """
    for given in inputs:
        if given is not None and str(given) != "-" and same_file(path, Path(given)):
            raise InvalidInputError(
                option, str(path), gettext("a file other than the input {path}").format(path=cut(str(given)))
            )
    if path.is_dir():
        raise InvalidInputError(option, str(path), gettext("a file path, not a folder"))
    if path.exists() and not force:
        raise InvalidInputError(option, str(path), gettext("a new file (or add --force to replace it)"))


def write_output(
    path: Path,
    text: str | bytes,
    *,
    force: bool,
    inputs: Iterable[Path | str | None] = (),
    option: str = "--output",
) -> None:
    """Write ``text`` (UTF-8 if text) to ``path``, safely (the checks of `check_output`).

    Raises:
        InvalidInputError: ``path`` is one of ``inputs`` (whatever ``force`` says), is a
            folder, or exists and ``force`` is false.
    """
    check_output(path, force=True, inputs=inputs, option=option)
    mode = "w" if force else "x"
    try:
        if isinstance(text, bytes):
            with path.open(f"{mode}b") as raw:
                raw.write(text)
        else:
            with path.open(mode, encoding="utf-8", newline="") as out:
                out.write(text)
    except FileExistsError:
        raise InvalidInputError(
            option, str(path), gettext("a new file (or add --force to replace it)")
        ) from None
