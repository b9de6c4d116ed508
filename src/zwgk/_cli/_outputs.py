"""The one place the command line writes official binary files: ``--as xlsx|docx``.

`write_as` turns a result into the bytes of the library's writer for ``kind`` and
writes them to ``--output`` (never over an input, an existing file only with ``--force``),
or to standard output when no path is given and standard output is not a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from zwgk._cli._common import check_output
from zwgk._i18n import gettext
from zwgk.errors import InvalidInputError, UnknownNameError

__all__ = ["BINARY_KINDS", "add_binary_output", "render_as", "wants_binary", "write_as"]

#: The binary forms ``--as`` offers through this module.
BINARY_KINDS = ("xlsx", "docx")


def add_binary_output(parser: argparse.ArgumentParser, kinds: tuple[str, ...] = ("xlsx",)) -> None:
    """Add ``--as text|KIND…`` (default ``text``), ``--output FILE`` and ``--force`` to ``parser``.

    The one CLI convention (`zwgk._cli._common.add_output`) with the official file kinds.
    """
    from zwgk._cli._common import add_output

    add_output(parser, ("text", *kinds), default="text")


def wants_binary(args: argparse.Namespace) -> bool:
    """Whether ``--as`` asked for one of `BINARY_KINDS`."""
    return getattr(args, "output_as", None) in BINARY_KINDS


def render_as(result: object, kind: str) -> bytes:
    """The bytes of ``result`` as ``kind`` (``"xlsx"`` or ``"docx"``), from the library's writers.

    ``result`` is a value with a presentation ``kind`` (an annual report, a catalog check or
    compliance report, a score result), or a tuple of [`Ranking`][zwgk.scoring.Ranking] or of
    [`DueItem`][zwgk.register.DueItem] (XLSX only).

    Raises:
        UnknownNameError: ``kind`` is not offered for this result.
    """
    if isinstance(result, tuple) and kind == "xlsx":
        from zwgk.register import DueItem
        from zwgk.scoring import Ranking

        if all(isinstance(r, DueItem) for r in result):
            from zwgk.register import due_xlsx

            return due_xlsx(result)
        if all(isinstance(r, Ranking) for r in result):
            from zwgk.scoring.io import rankings_xlsx

            return rankings_xlsx(result)
    from zwgk._present import present

    try:
        data = present(result, kind)
    except UnknownNameError:
        raise UnknownNameError("--as", kind, BINARY_KINDS) from None
    if not isinstance(data, bytes):  # pragma: no cover - every binary presenter returns bytes
        raise UnknownNameError("--as", kind, BINARY_KINDS)
    return data


def write_as(
    result: object,
    kind: str,
    path: Path | None,
    *,
    force: bool = False,
    inputs: Iterable[Path | str | None] = (),
    option: str = "--output",
) -> int:
    """Write ``result`` as ``kind`` to ``path`` (or to standard output); return the bytes written.

    Raises:
        InvalidInputError: no ``path`` while standard output is a terminal; ``path`` is one of
            ``inputs``, a folder, or exists and ``force`` is false.
    """
    data = render_as(result, kind)
    if path is None or str(path) == "-":
        if sys.stdout.isatty():
            raise InvalidInputError(
                option, None, gettext("a file for the {kind} output (it is binary)").format(kind=kind.upper())
            )
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return len(data)
    check_output(path, force=True, inputs=inputs, option=option)
    try:
        with path.open("wb" if force else "xb") as out:
            out.write(data)
    except FileExistsError:
        raise InvalidInputError(
            option, str(path), gettext("a new file (or add --force to replace it)")
        ) from None
    return len(data)
