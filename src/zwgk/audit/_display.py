"""How an audit looks: rows, CSV, JSON, XLSX, DataFrames, HTML, one line, and a plot by agency.

Reached only through `zwgk._present.present`.  Column names of rows, JSON, CSV and
DataFrames are `COLUMNS`; the XLSX sheet has the Chinese headers `HEADERS_ZH`.
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
    present_by_type,
    records_frame,
    use_chinese,
)
from zwgk._neutralise import neutralise_row
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.audit._table import AuditedFile, AuditFinding, AuditTable
from zwgk.errors import InvalidInputError

__all__ = ["COLUMNS", "FILE_COLUMNS", "HEADERS_ZH", "present"]

COLUMNS = ("agency", "year", "file", "check", "cells", "culprit", "message", "other_file", "other_year")
HEADERS_ZH = ("机关", "年度", "文件", "检查项", "单元格", "可能的错误单元格", "说明", "对照文件", "对照年度")
FILE_COLUMNS = ("file", "status", "agency", "year", "format", "findings", "blanks", "error")
FILE_HEADERS_ZH = ("文件", "状态", "机关", "年度", "格式", "发现数", "空白单元格数", "错误")


def _row(f: AuditFinding) -> dict[str, Any]:
    values = (
        f.agency,
        f.year,
        f.file,
        f.check,
        "; ".join(f.cells),
        f.culprit,
        f.message,
        f.other_file,
        f.other_year,
    )
    return dict(zip(COLUMNS, values, strict=True))


def _file_row(f: AuditedFile) -> dict[str, Any]:
    values = (f.file, f.status, f.agency, f.year, f.format, f.findings, len(f.blanks), f.error)
    return dict(zip(FILE_COLUMNS, values, strict=True))


def rows(table: AuditTable) -> list[dict[str, Any]]:
    """One dict per finding, keys `COLUMNS`."""
    return [_row(f) for f in table.findings]


def to_csv(table: AuditTable) -> str:
    """The rows as CSV text (header `COLUMNS`), every text cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(table):
        writer.writerow(neutralise_row("" if v is None else v for v in row.values()))
    return buffer.getvalue()


def to_json(table: AuditTable) -> str:
    """``{"files": […], "findings": […], "notes": […]}`` (the blanks listed per file)."""
    files = []
    for f in table.files:
        entry = _file_row(f)
        entry["blanks"] = list(f.blanks)
        files.append(entry)
    findings = [dict(_row(f), cells=list(f.cells)) for f in table.findings]
    return json.dumps(
        {"files": files, "findings": findings, "notes": list(table.notes)}, ensure_ascii=False, indent=2
    )


def to_xlsx(table: AuditTable) -> bytes:
    """Sheets 审计发现 (the findings) and 文件 (one row per file), Chinese headers."""
    findings = [tuple(r.values()) for r in rows(table)]
    files = [tuple(_file_row(f).values()) for f in table.files]
    sheets = [Sheet("审计发现", HEADERS_ZH, findings), Sheet("文件", FILE_HEADERS_ZH, files)]
    if table.notes:
        sheets.append(Sheet("说明", ("说明",), [(n,) for n in table.notes]))
    return workbook_bytes(sheets)


def to_frame(table: AuditTable) -> Any:
    """One row per finding (columns `COLUMNS`)."""
    return records_frame(rows(table), COLUMNS)


def table_repr(table: AuditTable) -> str:
    """One line: files, findings, unreadable files."""
    looks = len(table.looks)
    extra = f", {looks} to look at" if looks else ""
    return (
        f"<AuditTable: {len(table.files)} files, {len(table.violations)} findings{extra}, "
        f"{len(table.unreadable)} unreadable>"
    )


def table_html(table: AuditTable) -> str:
    """The findings as an HTML table (the first rows)."""
    shown = [tuple("" if v is None else str(v) for v in r.values()) for r in rows(table)]
    return html_table(HEADERS_ZH, shown, css_class="zwgk-audit", heading=table_repr(table), noun="findings")


_BY = MappingProxyType({"agency": ("机关", "agency"), "check": ("检查项", "check")})


def plot_findings(table: AuditTable, *, by: str = "agency", labels: str = "auto") -> Any:
    """Horizontal bars: findings per agency (or per check), violations and looks stacked.

    Raises:
        InvalidInputError: ``by`` is neither ``"agency"`` nor ``"check"``.
    """
    if by not in _BY:
        raise InvalidInputError("by", by, "'agency' or 'check'")
    zh = use_chinese(labels)  # type: ignore[arg-type]

    def key(f: AuditFinding) -> str:
        return (f.agency or f.file) if by == "agency" else f.check

    violations = Counter(key(f) for f in table.violations)
    looks = Counter(key(f) for f in table.looks)
    names = sorted(set(violations) | set(looks), key=lambda n: (-(violations[n] + looks[n]), n))
    fig = figure_class()(figsize=(7, max(2.5, 0.4 * len(names) + 1.2)), layout="constrained")
    ax = fig.add_subplot()
    ys = list(range(len(names)))
    shown = names if zh or by == "check" else [f"{by} {i + 1}" for i in ys]
    ax.barh(ys, [violations[n] for n in names], label="违反" if zh else "violations")
    ax.barh(
        ys,
        [looks[n] for n in names],
        left=[violations[n] for n in names],
        label="值得一看" if zh else "to look at",
    )
    ax.set_yticks(ys, shown)
    ax.invert_yaxis()
    integer_axis(ax.xaxis)
    ax.set_xlabel("发现数" if zh else "findings")
    ax.set_title(f"按{_BY[by][0]}统计的审计发现" if zh else f"findings by {_BY[by][1]}")
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
