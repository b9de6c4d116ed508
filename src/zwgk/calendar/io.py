"""Reading holiday notices: files, the bundled data and the JSON Schema of a notice file.

The boundary of :mod:`zwgk.calendar`: everything here reads files or describes their format.
Parsed data becomes :class:`~zwgk.calendar.Notice` values through :func:`notice_from_mapping`,
which reports every problem with its location in one :class:`~zwgk.errors.DataFileError`.
Nothing here imports pydantic.
"""

from __future__ import annotations

import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from zwgk.calendar._notice_text import parse_notice_text
from zwgk.calendar._notices import _FESTIVAL_ALIASES, _REQUIRED, Notice, NoticeKind, notice_from_mapping
from zwgk.errors import DataFileError, Problem

__all__ = ["bundled_notices", "load_notices", "notice_from_mapping", "notice_json_schema"]
__all__ += ["parse_notice_text"]  # reading the notice's own text: zwgk.calendar._notice_text


def _parse_text(text: str, suffix: str, source: str) -> object:
    try:
        if suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(source, [Problem(source, f"not valid {suffix[1:].upper()}: {exc}")]) from None


def load_notices(path: str | Path) -> tuple[Notice, ...]:
    """Read notice files: one ``.toml``/``.json`` file, or every such file in a folder.

    A JSON file may hold one notice object or a list of them.

    Raises:
        DataFileError: the file is missing or malformed; lists every problem in every file.
        InvalidTypeError: ``path`` is not a path.
    """
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.suffix in {".toml", ".json"}) if p.is_dir() else [p]
    notices: list[Notice] = []
    problems: list[Problem] = []
    for f in files:
        if not f.is_file():
            problems.append(Problem(str(f), "no such file", expected="a .toml or .json notice file"))
            continue
        if f.suffix not in {".toml", ".json"}:
            problems.append(
                Problem(str(f), "unsupported file type", value=f.suffix, expected=".toml or .json")
            )
            continue
        try:
            data = _parse_text(f.read_text(encoding="utf-8"), f.suffix, str(f))
            items = data if isinstance(data, list) else [data]
            for i, item in enumerate(items):
                where = str(f) if len(items) == 1 else f"{f}[{i}]"
                notices.append(notice_from_mapping(item, where))
        except DataFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataFileError(str(p), problems)
    return tuple(notices)


def bundled_notices() -> tuple[Notice, ...]:
    """The notices shipped with zwgk (``zwgk/calendar/data/notices``), in file order."""
    folder = resources.files("zwgk.calendar") / "data" / "notices"
    notices: list[Notice] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            notices.append(notice_from_mapping(data, f"zwgk/calendar/data/notices/{entry.name}"))
    return tuple(notices)


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
