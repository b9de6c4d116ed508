"""Reading input files at the boundary, one way for every package (private).

A missing file raises :class:`~zwgk.errors.MissingFileError` (also a ``FileNotFoundError``);
a file that exists but cannot be read, decoded or opened as a workbook raises
:class:`~zwgk.errors.DataFileError` naming the path and what was expected — never a bare
``OSError`` or ``zipfile.BadZipFile`` from deep inside.

Text files are read as UTF-8 (with or without BOM) and then GB18030, which is what Excel on a
Chinese Windows writes.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from zwgk.errors import DataFileError, MissingFileError, Problem

__all__ = [
    "BROKEN_WORKBOOK",
    "TEXT_ENCODINGS",
    "XLSX_EXPECTED",
    "broken_workbook",
    "corrupt_file",
    "existing_file",
    "load_workbook",
    "read_input_bytes",
    "read_input_text",
]

TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_EXPECTED = "an .xlsx workbook (Office Open XML)"
# What openpyxl raises on a file that is not a readable workbook: not a zip (a CSV or an old
# .xls renamed), a zip without the workbook parts, or broken XML inside.
BROKEN_WORKBOOK: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    SyntaxError,
    EOFError,
    OSError,
)


def existing_file(path: str | Path, what: str) -> Path:
    """``path`` as a :class:`Path` if it names an existing file.

    Raises:
        MissingFileError: it does not (or names a directory).
    """
    target = Path(path)
    if not target.is_file():
        raise MissingFileError(path, what)
    return target


def read_input_bytes(path: str | Path, what: str) -> tuple[Path, bytes]:
    """The path and bytes of an input file.

    Raises:
        MissingFileError: it does not exist.
        DataFileError: it exists but cannot be read (permissions, a device error).
    """
    target = existing_file(path, what)
    try:
        return target, target.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataFileError(
            target.name,
            [Problem(str(target), f"cannot be read ({reason})", field="path", expected=f"a readable {what}")],
        ) from exc


def read_input_text(
    path: str | Path, what: str, *, encodings: Sequence[str] = TEXT_ENCODINGS
) -> tuple[Path, str]:
    """The path and text of an input file, decoded with the first encoding that works.

    Raises:
        MissingFileError: it does not exist.
        DataFileError: it cannot be read, or no encoding in ``encodings`` decodes it.
    """
    target, data = read_input_bytes(path, what)
    for encoding in encodings:
        try:
            return target, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    names = " or ".join(e.upper().removesuffix("-SIG") for e in encodings)
    raise corrupt_file(target, f"not {names} text", data[:4], f"{what} saved as {names} text")


def corrupt_file(path: Path, message: str, value: object, expected: str) -> DataFileError:
    """The error for a file that exists but whose content cannot be read at all."""
    return DataFileError(str(path), [Problem(str(path), message, "content", value, expected)])


def broken_workbook(path: Path, exc: BaseException) -> DataFileError:
    """The error for a file that openpyxl cannot read as a workbook."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return DataFileError(
        path.name,
        [Problem(str(path), "not a readable workbook", field="file", value=detail, expected=XLSX_EXPECTED)],
    )


def load_workbook(openpyxl: Any, path: Path, *, read_only: bool = False) -> Any:
    """Open ``path`` with openpyxl (values only), turning a corrupt file into a zwgk error.

    Raises:
        DataFileError: the file is not a readable ``.xlsx`` workbook.
    """
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return openpyxl.load_workbook(path, read_only=read_only, data_only=True)
    except (InvalidFileException, *BROKEN_WORKBOOK) as exc:
        raise broken_workbook(path, exc) from exc
