"""Checking an ``.xlsx`` workbook before openpyxl loads it (private; issue 11).

openpyxl trusts a workbook: a 1.5 KB file whose only far cell is ``XFD1048576``, a merged
range ``A1:XFD1048576`` or a ``<dimension>`` claiming a huge range makes readers build
billions of cells.  `inspect_xlsx` streams the zip with `zipfile` and
``defusedxml.ElementTree.iterparse`` (which also refuses DTDs, entity declarations — the
"billion laughs" — and external references), keeps no tree, and returns the *real* shape
of every worksheet, so readers can refuse early and bound their loops:

```python
from zwgk._limits import DEFAULT_LIMITS
from zwgk._xlsx_guard import inspect_xlsx

shape = inspect_xlsx(path, DEFAULT_LIMITS, path.name)   # raises before any big work
workbook = load_workbook(openpyxl, path)                  # zwgk._files
sheet = shape[workbook.active.title]
for row in ws.iter_rows(max_row=sheet.rows, max_col=sheet.columns, values_only=True): ...
```

What is checked, in order: the file size; the zip's total declared uncompressed size and
each large entry's compression ratio (and the bytes actually inflated, which a forged
header cannot hide); per worksheet every ``<c>`` reference (the real extent), merged
ranges (count and covered cells), and the length of inline, cached and shared strings.

A ``<dimension ref>`` is recorded but neither trusted nor refused: files written by old
tools often claim a wrong range.  The real extent is taken from the cells and merged
ranges present (openpyxl materialises every cell of a merged range when not read-only).

Needs the ``xlsx`` extra (``defusedxml``).
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from zwgk._i18n import N_, gettext
from zwgk._limits import Limits, check_file_size
from zwgk._optional import import_extra
from zwgk.errors import (
    DataFileError,
    InvalidInputError,
    LimitExceededError,
    MissingFileError,
    Problem,
    UnsafeFileError,
    ZwgkError,
    cut,
)

__all__ = [
    "MAX_COLUMN",
    "MAX_ROW",
    "RATIO_FLOOR_BYTES",
    "SheetShape",
    "WorkbookShape",
    "a1_to_row_col",
    "check_zip_entries",
    "inspect_xlsx",
]

MAX_ROW = 1_048_576
"""The last row of an Excel worksheet (``2**20``)."""
MAX_COLUMN = 16_384
"""The last column of an Excel worksheet (``XFD``, ``2**14``)."""
RATIO_FLOOR_BYTES = 1024 * 1024
"""Entries smaller than this (uncompressed) are not ratio-checked: small XML parts of
repeated tags compress very well and cannot be bombs."""

_A1 = re.compile(r"([A-Za-z]{1,3})([1-9][0-9]{0,6})")
_ROW_NUMBER = re.compile(r"[1-9][0-9]{0,6}")
_A1_EXPECTED = N_("an A1 reference such as B2 (columns A…XFD, rows 1…1048576)")
_XLSX_EXPECTED = N_("an .xlsx workbook (Office Open XML)")
_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"


# What zipfile and zlib raise on a member that cannot be read.
_BROKEN_MEMBER: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,  # compression method, zip version or flag zipfile does not support
    RuntimeError,  # an encrypted member
)

_BROKEN_ARCHIVE: tuple[type[Exception], ...] = (zipfile.LargeZipFile, *_BROKEN_MEMBER)


def a1_to_row_col(ref: str) -> tuple[int, int]:
    """The 1-based ``(row, column)`` of an A1 cell reference.

    >>> a1_to_row_col("XFD1048576")
    (1048576, 16384)

    Letters may be lower case; ``$`` anchors are not accepted (worksheet XML has none).

    Raises:
        InvalidInputError: ``ref`` is not a reference inside ``A1:XFD1048576``.
    """
    match = _A1.fullmatch(ref)
    if match is None:
        raise InvalidInputError(gettext("cell reference"), ref, gettext(_A1_EXPECTED))
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    row = int(match.group(2))
    if column > MAX_COLUMN or row > MAX_ROW:
        raise InvalidInputError(gettext("cell reference"), ref, gettext(_A1_EXPECTED))
    return row, column


def _range(ref: str) -> tuple[int, int, int, int]:
    """``(min_row, min_col, max_row, max_col)`` of ``"A1:C3"`` or ``"B2"``."""
    first, _, last = ref.partition(":")
    r1, c1 = a1_to_row_col(first)
    r2, c2 = a1_to_row_col(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


@attrs.frozen
class SheetShape:
    """The real shape of one worksheet, as found in its XML.

    Attributes:
        name: the sheet's name in the workbook.
        part: its zip member (``"xl/worksheets/sheet1.xml"``).
        rows: the last row holding a cell or covered by a merged range (0 if empty).
        columns: the last such column (0 if empty).
        cells: ``<c>`` elements stored (cells with a value or a style).
        merged_ranges: ``<mergeCell>`` elements.
        merged_cells: cells covered by all merged ranges (overlaps counted twice).
        dimension: the ``<dimension ref>`` as written, or ``None``; informative only.
    """

    name: str
    part: str
    rows: int
    columns: int
    cells: int
    merged_ranges: int
    merged_cells: int
    dimension: str | None

    @property
    def grid(self) -> int:
        """``rows × columns``: the cells a reader that pads rows builds."""
        return self.rows * self.columns


@attrs.frozen
class WorkbookShape:
    """The shape of a workbook that passed `inspect_xlsx`.

    ``shape["Sheet1"]`` is that sheet's `SheetShape`; ``shape.names`` lists sheets
    in workbook order.
    """

    sheets: tuple[SheetShape, ...]
    file_bytes: int
    uncompressed_bytes: int
    shared_strings: int

    @property
    def names(self) -> tuple[str, ...]:
        """Sheet names in workbook order."""
        return tuple(s.name for s in self.sheets)

    def __getitem__(self, name: str) -> SheetShape:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _attr(element: Any, name: str) -> str | None:
    """An attribute by local name, whatever its namespace (transitional or strict OOXML)."""
    value = element.get(name)
    if value is not None:
        return str(value)
    for key, found in element.attrib.items():
        if _local(key) == name:
            return str(found)
    return None


class _Inflated:
    """A read-only stream over a zip member that counts inflated bytes against a budget.

    zipfile stops at the size the entry's header declares; this counts what is really
    produced so the budget holds for the whole workbook.
    """

    def __init__(self, stream: IO[bytes], guard: _Guard, part: str) -> None:
        self._stream = stream
        self._guard = guard
        self._part = part

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size if size > 0 else 64 * 1024)
        self._guard.inflated(len(data), self._part)
        return data


class _Guard:
    def __init__(self, archive: zipfile.ZipFile, limits: Limits, source: str) -> None:
        self.archive = archive
        self.limits = limits
        self.source = source
        self.total = 0
        self.names = set(archive.namelist())
        self.et: Any = import_extra("defusedxml.ElementTree", "xlsx", N_("reading .xlsx files safely"))
        self.defused: Any = import_extra("defusedxml", "xlsx", N_("reading .xlsx files safely"))

    def inflated(self, count: int, part: str) -> None:
        self.total += count
        if self.total > self.limits.max_uncompressed_bytes:
            raise LimitExceededError.too_many(
                self.source,
                "max_uncompressed_bytes",
                self.limits.max_uncompressed_bytes,
                self.total,
                where=gettext("zip entry {part}").format(part=repr(part)),
                unit=gettext("bytes inflated so far"),
            )

    def broken(self, part: str, message: str) -> DataFileError:
        return DataFileError(self.source, [Problem(part, message, "content", None, gettext(_XLSX_EXPECTED))])

    def events(self, part: str, kinds: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, Any]]:
        """``iterparse`` events of ``part``; XML bombs and malformed XML become zwgk errors."""
        if part not in self.names:
            raise self.broken(part, gettext("missing from the workbook"))
        try:
            with self.archive.open(part) as raw:
                parser = self.et.iterparse(_Inflated(raw, self, part), kinds, forbid_dtd=True)
                yield from parser
        except ZwgkError:
            raise  # a limit hit while inflating
        except self.defused.DefusedXmlException as exc:
            raise UnsafeFileError(self.source, part, f"{type(exc).__name__} ({exc})") from None
        except self.et.ParseError as exc:
            raise self.broken(part, gettext("malformed XML ({exc})").format(exc=exc)) from None
        except _BROKEN_MEMBER as exc:
            # CRC mismatches, corrupt deflate streams, truncated members, unsupported
            # compression methods or zip versions, and encrypted members surface here.
            raise self.broken(
                part,
                gettext("cannot be inflated ({type}: {exc})").format(type=type(exc).__name__, exc=exc),
            ) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """``Id → (Type, resolved target)`` of the ``.rels`` part belonging to ``part``."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.names:
            return {}
        out: dict[str, tuple[str, str]] = {}
        for _, element in self.events(rels, ("end",)):
            if _local(element.tag) == "Relationship":
                target = element.get("Target") or ""
                resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                out[element.get("Id") or ""] = (element.get("Type") or "", posixpath.normpath(resolved))
        return out

    def too_long(self, where: str, length: int) -> LimitExceededError:
        bound = self.limits.max_cell_chars
        return LimitExceededError.too_many(
            self.source, "max_cell_chars", bound, length, where=where, unit=gettext("characters")
        )


def _workbook_part(guard: _Guard) -> str:
    for kind, target in guard.relationships("").values():
        if kind.endswith(_OFFICE_DOCUMENT):
            return target
    return "xl/workbook.xml"


def _sheets(guard: _Guard, workbook: str) -> list[tuple[str, str]]:
    """``(name, part)`` of every worksheet, in workbook order (chart sheets are skipped)."""
    rels = guard.relationships(workbook)
    out: list[tuple[str, str]] = []
    for _, element in guard.events(workbook, ("end",)):
        if _local(element.tag) == "sheet":
            name = element.get("name") or ""
            kind, target = rels.get(_attr(element, "id") or "", ("", ""))
            if kind.endswith(_WORKSHEET):
                out.append((name, target))
            elif not kind:
                raise guard.broken(
                    workbook, gettext("sheet {name} has no worksheet relationship").format(name=repr(name))
                )
    return out


def _shared_strings(guard: _Guard, workbook: str) -> int:
    """Check every shared string's length; return how many there are."""
    part = next(
        (t for k, t in guard.relationships(workbook).values() if k.endswith(_SHARED_STRINGS)),
        "xl/sharedStrings.xml",
    )
    if part not in guard.names:
        return 0
    count = length = phonetic = 0
    for event, element in guard.events(part):
        tag = _local(element.tag)
        if event == "start":
            phonetic += tag == "rPh"
            continue
        if tag == "t" and not phonetic:
            length += len(element.text or "")
            if length > guard.limits.max_cell_chars:
                raise guard.too_long(
                    gettext("{part}: string {number}").format(part=part, number=count + 1), length
                )
        elif tag == "rPh":
            phonetic -= 1
        elif tag == "si":
            count += 1
            length = 0
            element.clear()
    return count


def _sheet(guard: _Guard, name: str, part: str) -> SheetShape:
    limits, source = guard.limits, guard.source
    where = gettext("sheet {name}").format(name=repr(name))
    rows = columns = cells = merged = covered = 0
    row = column = 0
    dimension: str | None = None
    container: Any = None
    for event, element in guard.events(part):
        tag = _local(element.tag)
        if event == "start":
            if tag == "c":
                ref = element.get("r")
                try:
                    if ref is None:
                        column += 1
                    else:
                        row, column = a1_to_row_col(ref)
                except InvalidInputError:
                    raise guard.broken(
                        gettext("{part}: cell {ref}").format(part=part, ref=cut(ref)),
                        gettext("not a cell reference"),
                    ) from None
                if row > rows:
                    rows = row
                    if rows > limits.max_rows:
                        raise LimitExceededError.too_many(
                            source, "max_rows", limits.max_rows, rows, where=where, unit=gettext("rows")
                        )
                if column > columns:
                    columns = column
                    if columns > limits.max_columns:
                        raise LimitExceededError.too_many(
                            source,
                            "max_columns",
                            limits.max_columns,
                            columns,
                            where=where,
                            unit=gettext("columns"),
                        )
                cells += 1
                if cells > limits.max_cells:
                    raise LimitExceededError.too_many(
                        source,
                        "max_cells",
                        limits.max_cells,
                        cells,
                        where=where,
                        unit=gettext("stored cells"),
                    )
            elif tag == "row":
                # A row without cells still counts: read-only openpyxl yields every row up to it.
                ref = element.get("r")
                if ref is None:
                    row += 1
                elif _ROW_NUMBER.fullmatch(ref):
                    row = int(ref)
                else:
                    raise guard.broken(
                        gettext("{part}: row {ref}").format(part=part, ref=cut(ref)),
                        gettext("not a row number"),
                    )
                rows, columns = _extend(guard, where, (rows, columns), row, 0)
                column = 0
            elif tag == "sheetData":
                container = element
            elif tag == "dimension":
                dimension = element.get("ref")
            elif tag == "mergeCell":
                ref = element.get("ref") or ""
                try:
                    r1, c1, r2, c2 = _range(ref)
                except InvalidInputError:
                    raise guard.broken(
                        gettext("{part}: merged range {ref}").format(part=part, ref=cut(ref)),
                        gettext("not a cell range"),
                    ) from None
                merged += 1
                covered += (r2 - r1 + 1) * (c2 - c1 + 1)
                if merged > limits.max_merged_ranges:
                    raise LimitExceededError.too_many(
                        source,
                        "max_merged_ranges",
                        limits.max_merged_ranges,
                        merged,
                        where=where,
                        unit=gettext("merged ranges"),
                    )
                if covered > limits.max_merged_cells:
                    raise LimitExceededError.too_many(
                        source,
                        "max_merged_cells",
                        limits.max_merged_cells,
                        covered,
                        where=where,
                        unit=gettext("merged cells"),
                    )
                rows, columns = _extend(guard, where, (rows, columns), r2, c2)
            continue
        if tag in ("v", "t") and element.text and len(element.text) > limits.max_cell_chars:
            raise guard.too_long(
                gettext("{where}, cell at row {row}, column {column}").format(
                    where=where, row=row, column=column
                ),
                len(element.text),
            )
        if tag == "row" and container is not None:
            container.clear()  # keep no parsed rows: memory stays flat
        elif tag == "mergeCell":
            element.clear()
    if rows * columns > limits.max_cells:
        raise LimitExceededError.too_many(
            source,
            "max_cells",
            limits.max_cells,
            rows * columns,
            where=where,
            unit=gettext("cells ({rows} rows × {columns} columns)").format(rows=rows, columns=columns),
        )
    return SheetShape(name, part, rows, columns, cells, merged, covered, dimension)


def _extend(guard: _Guard, where: str, extent: tuple[int, int], row: int, column: int) -> tuple[int, int]:
    limits, source = guard.limits, guard.source
    if row > limits.max_rows:
        raise LimitExceededError.too_many(
            source, "max_rows", limits.max_rows, row, where=where, unit=gettext("rows")
        )
    if column > limits.max_columns:
        raise LimitExceededError.too_many(
            source, "max_columns", limits.max_columns, column, where=where, unit=gettext("columns")
        )
    return max(extent[0], row), max(extent[1], column)


def check_zip_entries(archive: zipfile.ZipFile, limits: Limits, source: str) -> int:
    """Refuse a zip (an Office Open XML file) whose entries declare too much, or compress too well.

    Returns the total declared uncompressed size.

    Raises:
        LimitExceededError: ``max_uncompressed_bytes`` or ``max_compression_ratio`` exceeded.
    """
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise LimitExceededError.too_many(
                source,
                "max_uncompressed_bytes",
                limits.max_uncompressed_bytes,
                total,
                where=gettext("the zip"),
                unit=gettext("bytes uncompressed (declared)"),
            )
        if info.file_size >= RATIO_FLOOR_BYTES:
            ratio = info.file_size // max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise LimitExceededError.too_compressed(
                    source, limits.max_compression_ratio, ratio, info.filename
                )
    return total


def inspect_xlsx(file: str | os.PathLike[str] | bytes, limits: Limits, source: str) -> WorkbookShape:
    """Check an ``.xlsx`` workbook against ``limits`` without loading it; return its real shape.

    Args:
        file: the workbook's path, or its bytes.
        limits: the bounds to apply (``zwgk._limits.DEFAULT_LIMITS`` unless the caller passed one).
        source: how messages name the file (usually ``path.name``).

    Returns:
        The shape of every worksheet: real rows, columns, stored cells and merged ranges.

    Raises:
        LimitExceededError: any bound is exceeded (the message names it and how to raise it).
        UnsafeFileError: an XML part has a DTD, entity declarations or external references.
        DataFileError: the file is not a readable ``.xlsx`` (not a zip, truncated, parts
            missing, malformed XML, an invalid cell reference).
        MissingExtraError: ``defusedxml`` is not installed (the ``xlsx`` extra).
        MissingFileError: ``file`` is a path that does not exist.
    """
    if isinstance(file, bytes):
        size, opened = len(file), io.BytesIO(file)
        check_file_size(size, limits, source)
        return _inspect(opened, size, limits, source)
    path = Path(file)
    if not path.is_file():
        raise MissingFileError(path, "workbook (.xlsx)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataFileError(
            source, [Problem(str(path), gettext("cannot be read ({strerror})").format(strerror=exc.strerror))]
        ) from None
    check_file_size(size, limits, source)
    try:
        with path.open("rb") as handle:
            return _inspect(handle, size, limits, source)
    except OSError as exc:
        raise DataFileError(
            source, [Problem(str(path), gettext("cannot be read ({strerror})").format(strerror=exc.strerror))]
        ) from None


def _inspect(handle: IO[bytes], size: int, limits: Limits, source: str) -> WorkbookShape:
    try:
        archive = zipfile.ZipFile(handle)
    except _BROKEN_ARCHIVE as exc:
        detail = f"{type(exc).__name__}: {exc}"
        raise DataFileError(
            source,
            [Problem(source, gettext("not a readable workbook"), "file", detail, gettext(_XLSX_EXPECTED))],
        ) from None
    with archive:
        uncompressed = check_zip_entries(archive, limits, source)
        guard = _Guard(archive, limits, source)
        workbook = _workbook_part(guard)
        sheets = tuple(_sheet(guard, name, part) for name, part in _sheets(guard, workbook))
        strings = _shared_strings(guard, workbook)
    return WorkbookShape(sheets, size, uncompressed, strings)
