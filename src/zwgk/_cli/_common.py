"""Helpers shared by the command-group modules: argument types, JSON output and output files.

Every command that writes a file goes through :func:`write_output`: it never writes over one
of the command's own inputs (compared by resolved path and, where the file exists, by
device and inode, so a hard link or a symlink is caught), and it refuses an existing file
unless ``--force`` was given (:func:`add_force`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

import attrs

from zwgk._dates import DATE_FORMS, parse_date
from zwgk.errors import InvalidInputError, cut

__all__ = ["add_force", "date_arg", "emit_json", "same_file", "to_jsonable", "write_output"]


def date_arg(text: str) -> dt.date:
    """argparse type for a date: ``2026-09-28`` (or the other forms of :func:`zwgk._dates.parse_date`)."""
    try:
        return parse_date(text, "date")
    except InvalidInputError:
        raise argparse.ArgumentTypeError(f"invalid date {cut(text)}; expected {DATE_FORMS}") from None


def to_jsonable(value: Any) -> Any:
    """Convert zwgk values (attrs classes, dates, enums, decimals) to JSON-ready data."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if attrs.has(type(value)):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, dict):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [to_jsonable(v) for v in value]
    return value


def emit_json(value: Any, default: Callable[[Any], Any] | None = None) -> None:
    """Print ``value`` as indented JSON (UTF-8, Chinese kept readable)."""
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2, default=default)
    sys.stdout.write("\n")


def add_force(parser: argparse.ArgumentParser, what: str = "--output") -> None:
    """Add ``--force``: allow ``what`` to replace an existing file (never one of the inputs)."""
    parser.add_argument(
        "--force", action="store_true", help=f"let {what} replace an existing file (never an input)"
    )


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same resolved path, or the same device and inode."""
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except (OSError, RuntimeError):  # an unresolvable path (a symlink loop) names no input
        return False


def write_output(
    path: Path, text: str, *, force: bool, inputs: Iterable[Path | str | None] = (), option: str = "--output"
) -> None:
    """Write ``text`` (UTF-8) to ``path``, safely.

    Raises:
        InvalidInputError: ``path`` is one of ``inputs`` (whatever ``force`` says), is a
            folder, or exists and ``force`` is false.
    """
    for given in inputs:
        if given is not None and str(given) != "-" and same_file(path, Path(given)):
            raise InvalidInputError(option, str(path), f"a file other than the input {cut(str(given))}")
    if path.is_dir():
        raise InvalidInputError(option, str(path), "a file path, not a folder")
    mode = "w" if force else "x"
    try:
        with path.open(mode, encoding="utf-8", newline="") as out:
            out.write(text)
    except FileExistsError:
        raise InvalidInputError(option, str(path), "a new file (or add --force to replace it)") from None
