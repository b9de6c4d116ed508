"""The findings table of an audit: one [`AuditFinding`][zwgk.audit.AuditFinding] per problem, one
[`AuditedFile`][zwgk.audit.AuditedFile] per file.

Values only; every way of showing or writing them (rows, CSV, JSON, XLSX, DataFrames, HTML,
plots) is in `zwgk.audit._display`, reached through `zwgk._present.present`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, overload

import attrs

from zwgk._i18n import Language, Message, resolve
from zwgk._i18n import text as worded
from zwgk._json_out import fields_dict, pydantic_core_schema
from zwgk._lang import N_
from zwgk._present import present
from zwgk.errors import UnknownNameError

__all__ = ["CHECKS", "LOOK_ONLY", "STATUSES", "AuditFinding", "AuditTable", "AuditedFile", "Text"]

Text = str | Message
"""A text of the audit: a `Message` worded when read, or plain text (the user's data)."""

#: The kinds of findings (issue 12's shared contract, §4): the values of the ``check`` column.
CHECKS: tuple[str, ...] = (
    "identity_1",
    "identity_2",
    "identity_3",
    "identity_4",
    "identity_5",
    "total_blank",
    "section_missing",
    "format_year",
    "table_unreadable",
    "share",
    "share_truncated",
    "share_range",
    "part_range",
    "parts",
    "shares",
    "narrative_count",
    "series_carry_over",
    "series_in_force",
    "series_jump",
    "unreadable",
)

#: Checks whose findings are "worth a look" (heuristics with thresholds) or notes, not violations.
LOOK_ONLY: frozenset[str] = frozenset({"series_jump", "total_blank"})

#: The status of one audited file.
STATUSES: tuple[str, ...] = ("ok", "findings", "unreadable")


def _known_check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in CHECKS:
        raise UnknownNameError(N_("audit check"), value, CHECKS)


def _known_status(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in STATUSES:
        raise UnknownNameError(N_("audited file status"), value, STATUSES)


def _strings(value: Iterable[object]) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


def _texts(value: Iterable[object]) -> tuple[Text, ...]:
    return tuple(v if isinstance(v, Message) else str(v) for v in value)


@attrs.frozen
class AuditFinding:
    """One row of the findings table.

    ``file`` and ``year`` are the report the finding is about; a series finding also names
    the report it was compared with (``other_file``, ``other_year``: year N−1).  ``cells``
    are the official cell names (``表三 [二、上年结转] × [总计]``); ``culprit`` the cell most
    likely misprinted, when the check can tell.  ``message`` is worded in the current language
    when read (`message_in` chooses); one finding can be shown in both.
    """

    agency: str
    year: int | None
    file: str
    check: str = attrs.field(validator=_known_check)
    cells: tuple[str, ...] = attrs.field(converter=_strings)
    culprit: str | None
    _message: Text = attrs.field(alias="message")
    other_file: str | None = None
    other_year: int | None = None

    @property
    def message(self) -> str:
        """What is wrong, in the current language."""
        return worded(self._message)

    def message_in(self, lang: Language | None = None) -> str:
        """What is wrong, in ``lang`` (``"zh"`` or ``"en"``; default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
        """
        return worded(self._message, lang)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data: ``agency``, ``year``, ``file``, ``check``, ``cells`` (a list
        of official cell names), ``culprit``, ``message``, ``other_file``, ``other_year``."""
        return fields_dict(self)

    @property
    def is_violation(self) -> bool:
        """False for the checks that only point at something worth a look (``series_jump``)."""
        return self.check not in LOOK_ONLY


@attrs.frozen
class AuditedFile:
    """One input file: ``status`` is ``"ok"``, ``"findings"`` or ``"unreadable"`` (with ``error``).

    ``blanks`` are the blank cells of a readable report (blank is not zero: they are listed,
    not counted as findings); ``findings`` counts the file's own findings (not the series).
    """

    file: str
    status: str = attrs.field(validator=_known_status)
    agency: str = ""
    year: int | None = None
    format: str | None = None
    findings: int = 0
    blanks: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    error: str | None = None


def _findings(value: Iterable[AuditFinding]) -> tuple[AuditFinding, ...]:
    return tuple(value)


def _files(value: Iterable[AuditedFile]) -> tuple[AuditedFile, ...]:
    return tuple(value)


@attrs.frozen(repr=False)
class AuditTable:
    """The result of an audit: the findings, the status of every file, and notes.

    Notes are not findings: they say what could not be compared (a missing year, a report
    whose year is unknown); ``notes`` words them in the current language (`notes_in`
    chooses).  The table is ordered as the files were given (a folder's files by path), then
    the series findings.
    """

    findings: tuple[AuditFinding, ...] = attrs.field(converter=_findings)
    files: tuple[AuditedFile, ...] = attrs.field(default=(), converter=_files)
    _notes: tuple[Text, ...] = attrs.field(default=(), converter=_texts, alias="notes")

    @property
    def notes(self) -> tuple[str, ...]:
        """The notes, in the current language."""
        return self.notes_in()

    def notes_in(self, lang: Language | None = None) -> tuple[str, ...]:
        """The notes, in ``lang`` (default: the current language).

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
        """
        return tuple(worded(n, lang) for n in self._notes)

    @property
    def violations(self) -> tuple[AuditFinding, ...]:
        """The findings that are violations (every check but ``series_jump``)."""
        return tuple(f for f in self.findings if f.is_violation)

    @property
    def looks(self) -> tuple[AuditFinding, ...]:
        """The findings worth a look only (``series_jump``)."""
        return tuple(f for f in self.findings if not f.is_violation)

    @property
    def unreadable(self) -> tuple[AuditedFile, ...]:
        """The files that could not be read."""
        return tuple(f for f in self.files if f.status == "unreadable")

    @property
    def ok(self) -> bool:
        """True when every file was read and nothing violates a check (looks do not count)."""
        return not self.unreadable and not self.violations

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The table as JSON data, the same as [`to_json`][zwgk.audit.AuditTable.to_json] (``zwgk report check
        --json``): ``files``, ``findings`` (each as [`AuditFinding.to_dict`][zwgk.audit.AuditFinding.to_dict],
        columns as [`to_rows`][zwgk.audit.AuditTable.to_rows] with ``cells`` a list) and ``notes``."""
        data: dict[str, Any] = json.loads(self.to_json())
        return data

    def __add__(self, other: AuditTable) -> AuditTable:
        """Both tables' findings, files and notes, ``self`` first."""
        if not isinstance(other, AuditTable):
            return NotImplemented
        return AuditTable(
            self.findings + other.findings, self.files + other.files, self._notes + other._notes
        )

    def to_rows(self, *, lang: Language | None = None) -> list[dict[str, Any]]:
        """One ``dict`` per finding: ``agency, year, file, check, cells, culprit, message, other_file,
        other_year`` (``cells`` joined with ``"; "``; ``message`` in ``lang``, default the current
        language)."""
        rows: list[dict[str, Any]] = present(self, "rows", lang=resolve(lang))
        return rows

    @overload
    def to_csv(self, path: None = None, *, lang: Language | None = None) -> str: ...
    @overload
    def to_csv(self, path: str | Path, *, lang: Language | None = None) -> Path: ...
    def to_csv(self, path: str | Path | None = None, *, lang: Language | None = None) -> str | Path:
        """The rows as CSV text (``path`` None), or written to ``path`` (UTF-8 with a BOM, so
        Excel reads the Chinese); text cells are formula-safe (`zwgk._neutralise`).  The header is
        the column ids of `to_rows`; the messages are in ``lang`` (default: the current language)."""
        data: str = present(self, "csv", lang=resolve(lang))
        if path is None:
            return data
        target = Path(path)
        target.write_text(data, encoding="utf-8-sig", newline="")
        return target

    def to_json(self, *, lang: Language | None = None) -> str:
        """``{"files": […], "findings": […], "notes": […]}`` as JSON text (Chinese kept), the
        messages and notes in ``lang`` (default: the current language)."""
        data: str = present(self, "json", lang=resolve(lang))
        return data

    def to_xlsx(self, path: str | Path, *, lang: Language | None = None) -> Path:
        """Write sheets of the findings and of the files (extra ``zwgk[xlsx]``), sheet names,
        headers and messages in ``lang`` (default: the current language): 审计发现 / 文件 / 说明
        with Chinese headers, or findings / files / notes."""
        data: bytes = present(self, "xlsx", lang=resolve(lang))
        target = Path(path)
        target.write_bytes(data)
        return target

    def to_frame(self, *, lang: Language | None = None) -> Any:
        """One row per finding (extra ``zwgk[pandas]``); columns as
        [`to_rows`][zwgk.audit.AuditTable.to_rows], the messages in ``lang``."""
        return present(self, "frame", lang=resolve(lang))

    def plot(self, *, by: str = "agency", labels: str = "auto") -> Any:
        """Bars of the findings per agency (or ``by="check"``), looks apart (extra ``zwgk[plot]``).

        ``labels="auto"`` follows the language set (``zwgk.language``, ``set_language``,
        ``ZWGK_LANG``; with none set, Chinese, as the other plots), Chinese only when a CJK font is
        installed; ``"zh"`` or ``"en"`` choose."""
        return present(self, "plot", by=by, labels=labels)

    def __repr__(self) -> str:
        line: str = present(self, "repr")
        return line

    def _repr_html_(self) -> str:
        """The findings as an HTML table, in the current language."""
        html: str = present(self, "html")
        return html
