"""The mapping file → agency of the series checks, read from a two-column CSV file.

For departments whose name in their reports changes from year to year (``某区司法局`` one year,
``某市某区司法局`` the next): one row per file, ``file,agency`` (or ``文件,机关``), the file as the
findings table lists it (the path as given on the command line or found in a folder).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from zwgk._csv_guard import read_csv_rows
from zwgk._files import read_input_text
from zwgk._i18n import gettext
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._text import normalize_label
from zwgk.errors import InvalidRecordsError, Problem

__all__ = ["by_resolved_path", "read_agencies"]

_HEADERS = (("file", "agency"), ("文件", "机关"))


def read_agencies(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """``{file: agency}`` from a CSV file with the header ``file,agency`` (or ``文件,机关``).

    Raises:
        MissingFileError: no such file.
        InvalidRecordsError: another header, a row without both cells, a file listed twice
            with two agencies (every problem listed, by row).
        LimitExceededError: the file exceeds ``limits``.
    """
    target, text = read_input_text(path, gettext("agency mapping (.csv)"), limits=limits)
    rows = read_csv_rows(text.lstrip("\ufeff"), limits=limits, source=target.name)
    problems: list[Problem] = []
    header = tuple(normalize_label(c).lower() for c in (rows[0] if rows else []))
    if header not in _HEADERS:
        expected = gettext("{one} or {other}").format(one=",".join(_HEADERS[0]), other=",".join(_HEADERS[1]))
        problem = gettext("not the header of an agency mapping")
        problems.append(Problem(_row(1), problem, "header", rows[:1], expected))
        raise InvalidRecordsError(str(target), problems)
    mapping: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if len(cells) != 2 or not all(cells):
            problems.append(
                Problem(_row(number), gettext("needs a file and an agency"), "row", row, "file,agency")
            )
            continue
        file, agency = cells
        if mapping.get(file, agency) != agency:
            problems.append(
                Problem(_row(number), gettext("the file is mapped twice"), "agency", agency, mapping[file])
            )
        mapping[file] = agency
    if problems:
        raise InvalidRecordsError(str(target), problems)
    return mapping


def _row(number: int) -> str:
    return gettext("row {n}").format(n=number)


def by_resolved_path(mapping: Mapping[str, str], files: Iterable[str]) -> dict[str, str]:
    """``mapping`` keyed by ``files`` as listed: a key matches a file when both name one path."""
    resolved = {str(Path(k).resolve()): v for k, v in mapping.items()}
    out = dict(mapping)
    for file in files:
        agency = resolved.get(str(Path(file).resolve()))
        if agency is not None:
            out[file] = agency
    return out
