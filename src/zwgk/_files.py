"""Reading input files at the boundary, one way for every package (private).

A missing file raises [`MissingFileError`][zwgk.errors.MissingFileError] (also a ``FileNotFoundError``);
a file that exists but cannot be read, decoded or opened as a workbook raises
[`DataFileError`][zwgk.errors.DataFileError] naming the path and what was expected — never a bare
``OSError`` or ``zipfile.BadZipFile`` from deep inside.

Text files are read as UTF-8 (with or without BOM) and then GB18030, which is what Excel on a
Chinese Windows writes.
"""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from zwgk._i18n import N_, gettext
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk.errors import DataFileError, LimitExceededError, MissingFileError, Problem, UnsafeFileError

if TYPE_CHECKING:
    from zwgk._xlsx_guard import SheetShape, WorkbookShape

__all__ = [
    "BROKEN_WORKBOOK",
    "TEXT_ENCODINGS",
    "XLSX_EXPECTED",
    "broken_workbook",
    "corrupt_file",
    "default_sheet",
    "existing_file",
    "load_workbook",
    "merged_sheet_rows",
    "read_input_bytes",
    "read_input_text",
    "sheet_rows",
    "sheet_shape",
]

TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_EXPECTED = N_("an .xlsx workbook (Office Open XML)")
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
    zlib.error,  # a corrupt deflate stream inside the zip
    NotImplementedError,  # a compression method or zip feature zipfile does not support
    RuntimeError,  # an encrypted member
)


def existing_file(path: str | Path, what: str) -> Path:
    """``path`` as a `Path` if it names an existing file.

    Raises:
        MissingFileError: it does not (or names a directory).
    """
    target = Path(path)
    if not target.is_file():
        raise MissingFileError(path, what)
    return target


def read_input_bytes(path: str | Path, what: str, *, limits: Limits = DEFAULT_LIMITS) -> tuple[Path, bytes]:
    """The path and bytes of an input file, its size checked before it is read.

    Args:
        path: the file.
        what: how messages name it (``"catalog file (.json)"``).
        limits: ``max_file_bytes`` bounds the size on disk (default
            `DEFAULT_LIMITS`).

    Raises:
        MissingFileError: it does not exist.
        LimitExceededError: it is larger than ``limits.max_file_bytes``.
        DataFileError: it exists but cannot be read (permissions, a device error).
    """
    target = existing_file(path, what)
    try:
        check_file_size(target.stat().st_size, limits, target.name)
        data = target.read_bytes()
        # A file that grew between stat and read (a pipe, a log being written) is bounded too.
        check_file_size(len(data), limits, target.name)
        return target, data
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataFileError(
            target.name,
            [
                Problem(
                    str(target),
                    gettext("cannot be read ({reason})").format(reason=reason),
                    field="path",
                    expected=gettext("a readable {what}").format(what=what),
                )
            ],
        ) from exc


def read_input_text(
    path: str | Path,
    what: str,
    *,
    encodings: Sequence[str] = TEXT_ENCODINGS,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Path, str]:
    """The path and text of an input file, decoded with the first encoding that works.

    Args:
        path: the file.
        what: how messages name it.
        encodings: tried in order.
        limits: ``max_file_bytes`` bounds the size on disk, checked before reading (default
            `DEFAULT_LIMITS`).

    Raises:
        MissingFileError: it does not exist.
        LimitExceededError: it is larger than ``limits.max_file_bytes``.
        DataFileError: it cannot be read, or no encoding in ``encodings`` decodes it.
    """
    target, data = read_input_bytes(path, what, limits=limits)
    for encoding in encodings:
        try:
            return target, data.decode(encoding)
        except UnicodeDecodeError:
            continue
    names = " or ".join(e.upper().removesuffix("-SIG") for e in encodings)
    raise corrupt_file(
        target,
        gettext("not {names} text").format(names=names),
        data[:4],
        gettext("{what} saved as {names} text").format(what=what, names=names),
    )


def corrupt_file(path: Path, message: str, value: object, expected: str) -> DataFileError:
    """The error for a file that exists but whose content cannot be read at all."""
    return DataFileError(str(path), [Problem(str(path), message, "content", value, expected)])


def broken_workbook(path: Path, exc: BaseException) -> DataFileError:
    """The error for a file that openpyxl cannot read as a workbook."""
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return DataFileError(
        path.name,
        [
            Problem(
                str(path),
                gettext("not a readable workbook"),
                field="file",
                value=detail,
                expected=gettext(XLSX_EXPECTED),
            )
        ],
    )


def load_workbook(
    openpyxl: Any, path: Path, *, read_only: bool = False, limits: Limits = DEFAULT_LIMITS
) -> tuple[Any, WorkbookShape]:
    """Open ``path`` with openpyxl (values only) after `inspect_xlsx` checked it.

    The pre-scan runs first, so a far cell, a huge merged range, a zip bomb or an XML
    entity bomb is refused before openpyxl builds anything; the shape it returns gives
    each sheet's real extent, which `sheet_rows` uses to bound its loop (a lying
    ``<dimension>`` is ignored).

    Args:
        openpyxl: the imported module (``import_extra("openpyxl", "xlsx")``).
        path: the workbook.
        read_only: open in openpyxl's streaming mode (no merged cells).
        limits: the bounds of `Limits` to apply (default
            `DEFAULT_LIMITS`).

    Returns:
        The workbook and its checked shape.

    Raises:
        LimitExceededError: a bound is exceeded (named in the message).
        UnsafeFileError: an XML part has a DTD, entities or external references.
        DataFileError: the file is not a readable ``.xlsx`` workbook.
    """
    from openpyxl.utils.exceptions import InvalidFileException

    from zwgk._xlsx_guard import inspect_xlsx

    try:
        shape = inspect_xlsx(path, limits, path.name)
    except (LimitExceededError, UnsafeFileError):
        raise
    except DataFileError as exc:  # not a workbook: located at the path, as openpyxl's failures
        problems = [
            attrs.evolve(p, location=str(path)) if p.location == path.name else p for p in exc.problems
        ]
        raise DataFileError(path.name, problems) from None
    try:
        with warnings.catch_warnings():
            # openpyxl warns (UserWarning) about parts it cannot use — an invalid print area,
            # an unknown extension, a bad data-validation range — and reads on.  Those parts
            # carry nothing zwgk reads, and a warning from a library the user never called
            # only confuses; the cells themselves are checked by the reader.
            warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\.|$)")
            # From memory (the size is bounded by the pre-scan): a workbook openpyxl fails
            # to load half-way leaves no file handle open.
            data = io.BytesIO(path.read_bytes())
            return openpyxl.load_workbook(data, read_only=read_only, data_only=True), shape
    except (InvalidFileException, *BROKEN_WORKBOOK) as exc:
        raise broken_workbook(path, exc) from exc


def default_sheet(workbook: Any, path: Path) -> Any:
    """The worksheet a reader uses when none is named: the active one, else the first.

    A workbook whose active sheet is missing or a chartsheet (a damaged or hand-made file)
    falls back to its first worksheet; one without any worksheet is refused.

    Raises:
        DataFileError: the workbook has no worksheet.
    """
    ws = workbook.active
    if ws is None or not hasattr(ws, "iter_rows"):
        ws = workbook.worksheets[0] if workbook.worksheets else None
    if ws is None:
        raise DataFileError(
            path.name,
            [Problem(str(path), gettext("the workbook has no worksheet"), expected=gettext(XLSX_EXPECTED))],
        )
    return ws


def sheet_rows(ws: Any, shape: SheetShape | None) -> list[list[object]]:
    """Every row of worksheet ``ws`` as a list of values, bounded by its checked ``shape``.

    ``iter_rows`` is given the real last row and column found by the pre-scan, so a
    ``<dimension>`` claiming ``A1:XFD1048576`` costs nothing.  A sheet the pre-scan did
    not see (``shape`` is ``None``: a chartsheet, say) yields no rows.
    """
    if shape is None or shape.rows == 0 or shape.columns == 0:
        return []
    return [list(r) for r in ws.iter_rows(max_row=shape.rows, max_col=shape.columns, values_only=True)]


def merged_sheet_rows(ws: Any, shape: SheetShape | None) -> list[list[object]]:
    """`sheet_rows` with every merged range filled with its top-left value.

    Offices merge cells for headers and repeated values (a unit responsible for several
    rows).  Every cell of a merged range gets the range's value, but a row whose only
    content would come from a range that starts above it stays blank (``[]``), so blank
    separator rows stay blank.  The pre-scan bounded the ranges, so the loop is bounded.
    """
    rows = sheet_rows(ws, shape)
    own = [any(v is not None and str(v).strip() for v in row) for row in rows]
    for merged in ws.merged_cells.ranges:
        if merged.min_row > len(rows):
            continue
        top = rows[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                rows[r][c] = top
    return [row if keep else [] for row, keep in zip(rows, own, strict=True)]


def sheet_shape(shape: WorkbookShape, name: str) -> SheetShape | None:
    """The checked shape of the sheet called ``name``, or ``None`` if the pre-scan did not list it."""
    try:
        return shape[name]
    except KeyError:
        return None
