"""How an audit looks: rows, CSV, JSON, XLSX, DataFrames, HTML, one line, and a plot by agency.

Reached only through `zwgk._present.present`.  Column names of rows, JSON, CSV and
DataFrames are `COLUMNS` (ids, the same in every language); the XLSX sheets and the HTML
table have worded headers (`HEADERS`: Chinese for zh, English for en).  Every text is worded
in the ``lang`` the caller passes (resolved by `zwgk.audit.AuditTable`).
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from types import MappingProxyType
from typing import Any

from zwgk._display import (
    Presenters,
    figure_class,
    html_table,
    integer_axis,
    labels_chinese,
    present_by_type,
    records_frame,
)
from zwgk._i18n import N_, Language, gettext, msg, resolve
from zwgk._neutralise import neutralise_row
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.audit._table import AuditedFile, AuditFinding, AuditTable
from zwgk.errors import InvalidInputError

__all__ = ["COLUMNS", "FILE_COLUMNS", "HEADERS", "present"]

COLUMNS = ("agency", "year", "file", "check", "cells", "culprit", "message", "other_file", "other_year")
#: The worded headers of `COLUMNS` (XLSX, HTML).
HEADERS = (
    N_("agency"),
    N_("year"),
    N_("file"),
    N_("check"),
    N_("cells"),
    N_("likely wrong cell"),
    N_("message"),
    N_("compared with file"),
    N_("compared with year"),
)
FILE_COLUMNS = ("file", "status", "agency", "year", "format", "findings", "blanks", "error")
FILE_HEADERS = (
    N_("file"),
    N_("status"),
    N_("agency"),
    N_("year"),
    N_("format"),
    N_("number of findings"),
    N_("blank cells"),
    N_("error"),
)
_SHEETS = (N_("findings"), N_("files"), N_("notes"))
_STATUS = MappingProxyType({"ok": N_("ok"), "findings": N_("with findings"), "unreadable": N_("unreadable")})


def _worded(names: tuple[str, ...], lang: Language) -> tuple[str, ...]:
    return tuple(gettext(n, lang) for n in names)


def _row(f: AuditFinding, lang: Language) -> dict[str, Any]:
    values = (
        f.agency,
        f.year,
        f.file,
        f.check,
        "; ".join(f.cells),
        f.culprit,
        f.message_in(lang),
        f.other_file,
        f.other_year,
    )
    return dict(zip(COLUMNS, values, strict=True))


def _file_row(f: AuditedFile) -> dict[str, Any]:
    values = (f.file, f.status, f.agency, f.year, f.format, f.findings, len(f.blanks), f.error)
    return dict(zip(FILE_COLUMNS, values, strict=True))


def rows(table: AuditTable, lang: Language | None = None) -> list[dict[str, Any]]:
    """One dict per finding, keys `COLUMNS`, messages in ``lang``."""
    lang = resolve(lang)
    return [_row(f, lang) for f in table.findings]


def to_csv(table: AuditTable, lang: Language | None = None) -> str:
    """The rows as CSV text (header `COLUMNS`), every text cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(table, lang):
        writer.writerow(neutralise_row("" if v is None else v for v in row.values()))
    return buffer.getvalue()


def to_json(table: AuditTable, lang: Language | None = None) -> str:
    """``{"files": […], "findings": […], "notes": […]}`` (the blanks listed per file)."""
    lang = resolve(lang)
    files = []
    for f in table.files:
        entry = _file_row(f)
        entry["blanks"] = list(f.blanks)
        files.append(entry)
    findings = [dict(_row(f, lang), cells=list(f.cells)) for f in table.findings]
    return json.dumps(
        {"files": files, "findings": findings, "notes": list(table.notes_in(lang))},
        ensure_ascii=False,
        indent=2,
    )


def to_xlsx(table: AuditTable, lang: Language | None = None) -> bytes:
    """Sheets of the findings and of the files (and of the notes, if any), worded in ``lang``:
    审计发现 / 文件 / 说明 with Chinese headers, or findings / files / notes."""
    lang = resolve(lang)
    findings = [tuple(r.values()) for r in rows(table, lang)]
    files = [
        tuple(gettext(_STATUS[v], lang) if k == "status" else v for k, v in _file_row(f).items())
        for f in table.files
    ]
    names = _worded(_SHEETS, lang)
    sheets = [
        Sheet(names[0], _worded(HEADERS, lang), findings),
        Sheet(names[1], _worded(FILE_HEADERS, lang), files),
    ]
    notes = table.notes_in(lang)
    if notes:
        sheets.append(Sheet(names[2], (names[2],), [(n,) for n in notes]))
    return workbook_bytes(sheets)


def to_frame(table: AuditTable, lang: Language | None = None) -> Any:
    """One row per finding (columns `COLUMNS`)."""
    return records_frame(rows(table, lang), COLUMNS)


def _summary(table: AuditTable, lang: Language | None = None) -> str:
    files, findings, unreadable = len(table.files), len(table.violations), len(table.unreadable)
    looks = len(table.looks)
    if looks:
        line = msg(
            "{files} files, {findings} findings, {looks} to look at, {unreadable} unreadable",
            files=files,
            findings=findings,
            looks=looks,
            unreadable=unreadable,
        )
    else:
        line = msg(
            "{files} files, {findings} findings, {unreadable} unreadable",
            files=files,
            findings=findings,
            unreadable=unreadable,
        )
    return line.render(lang)


def table_repr(table: AuditTable) -> str:
    """One line: files, findings, unreadable files (in the current language)."""
    return f"<AuditTable: {_summary(table)}>"


def table_html(table: AuditTable) -> str:
    """The findings as an HTML table (the first rows), in the current language."""
    lang = resolve(None)
    shown = [tuple("" if v is None else str(v) for v in r.values()) for r in rows(table, lang)]
    return html_table(
        _worded(HEADERS, lang),
        shown,
        css_class="zwgk-audit",
        heading=_summary(table, lang),
        noun=gettext("findings", lang),
    )


_BY = MappingProxyType({"agency": N_("agency"), "check": N_("check")})
_TITLES = MappingProxyType({"agency": N_("findings by agency"), "check": N_("findings by check")})


def plot_findings(table: AuditTable, *, by: str = "agency", labels: str = "auto") -> Any:
    """Horizontal bars: findings per agency (or per check), violations and looks stacked.

    Raises:
        InvalidInputError: ``by`` is neither ``"agency"`` nor ``"check"``.
    """
    if by not in _BY:
        raise InvalidInputError("by", by, N_("'agency' or 'check'"))
    zh = labels_chinese(labels)  # type: ignore[arg-type]
    lang: Language = "zh" if zh else "en"

    def key(f: AuditFinding) -> str:
        return (f.agency or f.file) if by == "agency" else f.check

    violations = Counter(key(f) for f in table.violations)
    looks = Counter(key(f) for f in table.looks)
    names = sorted(set(violations) | set(looks), key=lambda n: (-(violations[n] + looks[n]), n))
    fig = figure_class()(figsize=(7, max(2.5, 0.4 * len(names) + 1.2)), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(names)))
    noun = gettext(_BY[by], lang)
    shown = names if zh or by == "check" else [f"{noun} {i + 1}" for i in ys]
    ax.barh(ys, [violations[n] for n in names], label=gettext("violations", lang))
    ax.barh(
        ys,
        [looks[n] for n in names],
        left=[violations[n] for n in names],
        label=gettext("to look at", lang),
    )
    ax.set_yticks(ys, shown)
    ax.invert_yaxis()
    integer_axis(ax.xaxis)
    ax.set_xlabel(gettext("findings", lang))
    ax.set_title(gettext(_TITLES[by], lang))
    if names:
        ax.legend(fontsize="small")
    return fig


_PRESENTERS: Presenters = MappingProxyType(
    {
        (AuditTable, "repr"): table_repr,
        (AuditTable, "html"): table_html,
        (AuditTable, "rows"): rows,
        (AuditTable, "csv"): to_csv,
        (AuditTable, "json"): to_json,
        (AuditTable, "xlsx"): to_xlsx,
        (AuditTable, "frame"): to_frame,
        (AuditTable, "plot"): plot_findings,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show an audit value as ``what`` (see `zwgk._present`).

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
