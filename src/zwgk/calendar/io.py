"""Reading holiday notices: files, the bundled data and the JSON Schema of a notice file.

The boundary of [`zwgk.calendar`][]: everything here reads files or describes their format.
Parsed data becomes [`Notice`][zwgk.calendar.Notice] values through
[`notice_from_mapping`][zwgk.calendar.io.notice_from_mapping], which reports every problem with its location
in one [`DataFileError`][zwgk.errors.DataFileError]. Nothing here imports pydantic.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from zwgk._i18n import gettext
from zwgk._json_guard import load_json, load_toml
from zwgk._lang import N_
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk.calendar._law import contradictions, law_problems
from zwgk.calendar._notice_text import SOURCE as _TEXT_SOURCE
from zwgk.calendar._notice_text import notice_record_from_text
from zwgk.calendar._notices import _FESTIVAL_ALIASES, _REQUIRED, Notice, NoticeKind, notice_shape
from zwgk.errors import DataFileError, InvalidTypeError, Problem

__all__ = [
    "bundled_notices",
    "load_notices",
    "notice_from_mapping",
    "notice_json_schema",
    "parse_notice_text",
]

_SUFFIXES = frozenset({".toml", ".json"})


def notice_from_mapping(raw: Mapping[str, Any], source: str = "<notice>") -> Notice:
    """Build a [`Notice`][zwgk.calendar.Notice] from parsed TOML/JSON data, checked against the law's shape.

    First the record's shape (keys, types, dates); then, for a well-formed record, the rules
    of `zwgk.calendar._law`: every date in the notice's year (the previous December
    allowed, see [`Notice.previous_december`][zwgk.calendar.Notice.previous_december]), working days
    (调休上班) only on weekends, and the statutory days of each named festival among the rest days.

    Raises:
        InvalidTypeError: ``raw`` is not a mapping.
        DataFileError: listing every problem in ``raw`` with its location.
    """
    if not isinstance(raw, Mapping):
        raise InvalidTypeError("raw", raw, gettext("a mapping (a parsed TOML table or JSON object)"))
    notice = notice_shape(raw, source)
    problems = law_problems(notice, source)
    if problems:
        raise DataFileError(source, problems)
    return notice


def _checked(raw: object, source: str, problems: list[Problem]) -> Notice | None:
    """``raw`` as a notice, or ``None`` with its problems added to ``problems``."""
    try:
        if not isinstance(raw, Mapping):
            return notice_shape(raw, source)  # type: ignore[arg-type]  # reports "must be a table"
        return notice_from_mapping(raw, source)
    except DataFileError as exc:
        problems.extend(exc.problems)
        return None


def _located(problem: Problem, source: str) -> Problem:
    """``problem`` with its location prefixed by ``source`` (the file), once."""
    if problem.location.startswith(source):
        return problem
    return attrs.evolve(problem, location=f"{source}: {problem.location}")


# UTF-8 (with or without BOM), then GB18030, as ``zwgk._files.read_input_text`` decodes; that
# module is not imported here because it reaches openpyxl, which the pure calendar never may.
_ENCODINGS = ("utf-8-sig", "gb18030")


def _decode(f: Path, data: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataFileError(
        str(f),
        [
            Problem(
                str(f),
                gettext("not UTF-8 or GB18030 text"),
                "content",
                data[:4],
                gettext("a notice file saved as UTF-8 text"),
            )
        ],
    )


def _parse_file(f: Path, limits: Limits) -> object:
    check_file_size(f.stat().st_size, limits, f.name)
    try:
        data = f.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DataFileError(
            str(f),
            [
                Problem(
                    str(f),
                    gettext("cannot be read ({reason})").format(reason=reason),
                    "path",
                    None,
                    gettext("a readable notice file"),
                )
            ],
        ) from None
    text = _decode(f, data)
    if f.suffix == ".json":
        return load_json(text, limits=limits, source=str(f))
    return load_toml(text, limits=limits, source=str(f))


def load_notices(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> tuple[Notice, ...]:
    """Read notice files: one ``.toml``/``.json`` file, or every such file in a folder.

    A JSON file may hold one notice object or a list of them.  Files are read as UTF-8 (then
    GB18030), bounded by ``limits`` (``max_file_bytes``, ``max_depth``).  Every record is
    checked by [`notice_from_mapping`][zwgk.calendar.io.notice_from_mapping], and the records read together
    must not contradict each other (a day a rest day in one and a working day in another) unless the
    later one is an ``amendment`` naming the other in ``amends``.

    Raises:
        DataFileError: a file is missing, undecodable or malformed, a folder holds no
            notice file, or a record breaks the law's shape; one error lists every problem
            in every file.
        LimitExceededError: a file is larger or deeper than ``limits`` allow (raised at once).
        InvalidTypeError: ``path`` is not a path (``None``, a number, ...), or ``limits`` is
            not a `Limits`.
    """
    if isinstance(path, bytes) or not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(
            "path", path, gettext("a path (str or pathlib.Path) to a notice file or folder")
        )
    if not isinstance(limits, Limits):
        raise InvalidTypeError("limits", limits, gettext("a zwgk Limits value"))
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.suffix in _SUFFIXES) if p.is_dir() else [p]
    if not files:  # a folder without notice files: never silently no notices
        raise DataFileError(
            str(p),
            [Problem(str(p), gettext("no notice files in the folder"), None, None, N_("*.toml or *.json"))],
        )
    named: list[tuple[str, Notice]] = []
    problems: list[Problem] = []
    for f in files:
        if not f.is_file():
            problems.append(
                Problem(str(f), gettext("no such file"), expected=gettext("a .toml or .json notice file"))
            )
            continue
        if f.suffix not in _SUFFIXES:
            problems.append(
                Problem(
                    str(f), gettext("unsupported file type"), value=f.suffix, expected=N_(".toml or .json")
                )
            )
            continue
        try:
            data = _parse_file(f, limits)
        except DataFileError as exc:
            if type(exc) is not DataFileError:
                raise  # LimitExceededError: its message says how to raise the bound
            problems.extend(_located(p, str(f)) for p in exc.problems)
            continue
        items = data if isinstance(data, list) else [data]
        for i, item in enumerate(items):
            where = str(f) if len(items) == 1 else f"{f}[{i}]"
            notice = _checked(item, where, problems)
            if notice is not None:
                named.append((where, notice))
    problems.extend(contradictions(named))
    if problems:
        raise DataFileError(str(p), problems)
    return tuple(n for _, n in named)


@cache
def bundled_notices() -> tuple[Notice, ...]:
    """The notices shipped with zwgk (``zwgk/calendar/data/notices``), in file order.

    They pass every check [`load_notices`][zwgk.calendar.io.load_notices] makes (the tests hold them to it).
    Read and checked once per process (package data does not change; the result is immutable).
    """
    folder = resources.files("zwgk.calendar") / "data" / "notices"
    named: list[tuple[str, Notice]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            source = f"zwgk/calendar/data/notices/{entry.name}"
            data = load_toml(entry.read_text(encoding="utf-8"), limits=DEFAULT_LIMITS, source=source)
            named.append((source, notice_from_mapping(data, source)))
    problems = contradictions(named)
    if problems:  # pragma: no cover - the bundled data is tested to pass
        raise DataFileError("zwgk/calendar/data/notices", problems)
    return tuple(n for _, n in named)


def notice_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a notice file (TOML dates become ISO strings in JSON)."""
    date = {"type": "string", "format": "date", "description": "ISO date, YYYY-MM-DD"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://zwgk.readthedocs.io/schemas/notice.json",
        "title": "zwgk holiday notice",
        "description": "One State Council holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知), "
        "an amendment, or a special notice.",
        "type": "object",
        "required": list(_REQUIRED),
        "additionalProperties": False,
        "properties": {
            "document": {"type": "string", "description": "document number, e.g. 国办发明电〔2025〕7号"},
            "title": {"type": "string"},
            "year": {"type": "integer", "description": "the year the arrangement is for"},
            "kind": {"enum": [k.value for k in NoticeKind]},
            "issued": date,
            "effective": date,
            "amends": {"type": "string", "description": "document number of the amended notice"},
            "verification": {"type": "string", "description": "how the transcription was checked"},
            "source": {"type": "string", "description": "where the text was read"},
            "periods": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["festivals", "rest"],
                    "additionalProperties": False,
                    "properties": {
                        "festivals": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"enum": sorted(_FESTIVAL_ALIASES)},
                        },
                        "rest": {
                            "type": "array",
                            "prefixItems": [date, date],
                            "minItems": 2,
                            "maxItems": 2,
                            "description": "first and last rest day, inclusive",
                        },
                        "working": {
                            "type": "array",
                            "items": date,
                            "description": "weekend days declared working days (调休上班)",
                        },
                        "text": {"type": "string", "description": "the notice's sentence"},
                    },
                },
            },
        },
    }


def parse_notice_text(
    text: str,
    *,
    document: str | None = None,
    issued: dt.date | None = None,
    source: str | None = None,
) -> Notice:
    """The [`Notice`][zwgk.calendar.Notice] a published annual holiday notice sets (see the module docstring).

    Args:
        text: the notice as published (title, number, items; the signature date if present).
        document: the document number, when the text lacks it (or to override it).
        issued: the date the notice was signed, likewise.
        source: where the text was read (kept in the record's ``source``).

    Raises:
        DataFileError: listing every problem: no title year, no items, a date without a
            month, a weekday that is not the date's, a missing document number or signing
            date, and every problem [`notice_from_mapping`][zwgk.calendar.io.notice_from_mapping] finds
            (the statutory rules in force included).
    """
    record = notice_record_from_text(text, document=document, issued=issued, source=source)
    return notice_from_mapping(record, gettext(_TEXT_SOURCE))
