"""How catalogs, catalog checks and compliance reports show themselves: the package's one
presentation module.

Values reach it only through `zwgk._present.present`, which calls `present`
here; no value module imports it.  HTML is a plain string with every text value escaped,
and pandas is imported only when a DataFrame is asked for (extra ``zwgk[pandas]``).  The
DataFrame of a catalog is [`zwgk.catalog.io.catalog_to_dataframe`][].
"""

from __future__ import annotations

import html
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zwgk._display import HTML_ROWS as SHARED_HTML_ROWS
from zwgk._display import Presenters, html_table, present_by_type, records_frame
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.catalog._checks import CheckReport
from zwgk.catalog._compliance import ComplianceReport
from zwgk.catalog._export import catalog_to_dataframe
from zwgk.catalog._model import Catalog

__all__ = [
    "COMPLIANCE_COLUMNS",
    "COMPLIANCE_HEADERS",
    "COMPLIANCE_ITEM_HEADERS",
    "FINDING_COLUMNS",
    "FINDING_HEADERS",
    "HTML_ROWS",
    "catalog_html",
    "catalog_repr",
    "check_report_html",
    "check_report_repr",
    "check_report_xlsx",
    "compliance_html",
    "compliance_repr",
    "compliance_to_dataframe",
    "compliance_xlsx",
    "findings_to_frame",
    "present",
]

#: Rows shown by the HTML display of a catalog (the rest are counted, not shown).
HTML_ROWS = SHARED_HTML_ROWS
#: Columns of `findings_to_frame`.
FINDING_COLUMNS = ("location", "sequence", "item", "code", "label", "message")
#: Columns of `compliance_to_dataframe`.
COMPLIANCE_COLUMNS = (
    "sequence",
    "item",
    "formed_on",
    "published_on",
    "due",
    "limit",
    "source",
    "status",
    "working_days_late",
    "days_late",
    "provisional",
)


def _rate(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{(rate * 100).normalize():f}%"


# ----------------------------------------------------------------------------- catalog


def catalog_repr(catalog: Catalog) -> str:
    """One line: title, item count and source."""
    title = f" {catalog.title}" if catalog.title else ""
    source = f" from {catalog.source}" if catalog.source else ""
    return f"<Catalog{title}: {len(catalog.items)} items{source}>"


def catalog_html(catalog: Catalog, *, rows: int = HTML_ROWS) -> str:
    """An HTML table of the first ``rows`` items: 序号, 公开事项, 公开时限, 公开主体, 公开方式."""
    return html_table(
        ["序号", "公开事项", "公开时限", "公开主体", "公开方式"],
        [
            [str(i.sequence), i.name, i.time_limit.text, i.body, "、".join(m.value for m in i.modes)]
            for i in catalog.items
        ],
        css_class="zwgk-catalog",
        heading=f"{catalog.title or 'catalog'}: {len(catalog.items)} items",
        noun="items",
        limit=rows,
    )


# ----------------------------------------------------------------------------- checks


def check_report_repr(report: CheckReport) -> str:
    """One line: items checked, findings and their count per code."""
    if report.ok:
        return f"<CheckReport ok: {report.items_checked} items, no findings>"
    counts = ", ".join(f"{code.name} {len(found)}" for code, found in report.by_code().items())
    return f"<CheckReport {report.items_checked} items, {len(report.findings)} findings: {counts}>"


def check_report_html(report: CheckReport) -> str:
    """An HTML table of the findings, one row each, in row order."""
    esc = html.escape
    head = (
        f"<p><b>{report.items_checked}</b> items checked — "
        + ("no findings" if report.ok else f"<b>{len(report.findings)}</b> findings")
        + "</p>"
    )
    if report.ok:
        return f"<div class='zwgk-check'>{head}</div>"
    body = "".join(
        f"<tr><td>{esc(f.location)}</td><td>{esc(f.sequence)}</td><td>{esc(f.item)}</td>"
        f"<td>{esc(f.code.value)}</td><td>{esc(f.message)}</td></tr>"
        for f in report.findings
    )
    return (
        f"<div class='zwgk-check'>{head}<table><thead><tr><th>location</th><th>序号</th><th>item</th>"
        f"<th>finding</th><th>message</th></tr></thead><tbody>{body}</tbody></table></div>"
    )


def findings_to_frame(report: CheckReport) -> Any:
    """One row per finding (needs the ``pandas`` extra).

    Columns: ``location``, ``sequence``, ``item``, ``code`` (the [`FindingCode`][zwgk.catalog.FindingCode]
    name), ``label`` (its Chinese label) and ``message``.

    Args:
        report: the report of [`check_catalog`][zwgk.catalog.check_catalog].

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "location": f.location,
                "sequence": f.sequence,
                "item": f.item,
                "code": f.code.name,
                "label": f.code.value,
                "message": f.message,
            }
            for f in report.findings
        ],
        FINDING_COLUMNS,
    )


# ----------------------------------------------------------------------------- compliance


def compliance_repr(report: ComplianceReport) -> str:
    """One line: items, on-time rate and the counts by status."""
    as_of = f" as of {report.as_of.isoformat()}" if report.as_of else ""
    gap = f", longest gap {report.longest_gap} working days" if report.longest_gap is not None else ""
    exceeded = " (exceeds limit)" if report.gap_exceeded else ""
    return (
        f"<ComplianceReport{as_of}: {len(report.items)} items, on time {_rate(report.on_time_rate)} "
        f"({report.on_time} on time, {report.late} late, {report.overdue} overdue, "
        f"{report.pending} pending){gap}{exceeded}>"
    )


def compliance_html(report: ComplianceReport) -> str:
    """An HTML table with one row per item: publications by status, on-time rate, longest gap."""
    esc = html.escape
    body = "".join(
        f"<tr><td>{esc(i.sequence)}</td><td>{esc(i.item)}</td><td>{len(i.results)}</td><td>{i.on_time}</td>"
        f"<td>{i.late}</td><td>{i.overdue}</td><td>{i.pending}</td><td>{_rate(i.on_time_rate)}</td>"
        f"<td>{'' if i.longest_gap is None else i.longest_gap}{' ⚠' if i.gap_exceeded else ''}</td></tr>"
        for i in report.items
    )
    as_of = f" as of {report.as_of.isoformat()}" if report.as_of else ""
    gap = "" if report.longest_gap is None else f"; longest gap {report.longest_gap} working days"
    limit = "" if report.max_gap is None else f" (limit {report.max_gap})"
    return (
        f"<div class='zwgk-compliance'><p>Compliance{esc(as_of)}: on time <b>{_rate(report.on_time_rate)}</b>"
        f" — {report.on_time} on time, {report.late} late, {report.overdue} overdue, "
        f"{report.pending} pending{gap}{limit}</p>"
        "<table><thead><tr><th>序号</th><th>item</th><th>publications</th><th>on time</th><th>late</th>"
        "<th>overdue</th><th>pending</th><th>on-time rate</th><th>longest gap</th></tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def compliance_to_dataframe(report: ComplianceReport) -> Any:
    """One row per publication (needs the ``pandas`` extra); columns `COMPLIANCE_COLUMNS`.

    Args:
        report: the report of [`check_compliance`][zwgk.catalog.check_compliance].

    Returns:
        The DataFrame (dates as ``datetime.date`` objects).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "sequence": r.sequence,
                "item": r.item,
                "formed_on": r.publication.formed_on,
                "published_on": r.publication.published_on,
                "due": r.due,
                "limit": r.limit,
                "source": r.source.value,
                "status": r.status.value,
                "working_days_late": r.working_days_late,
                "days_late": r.days_late,
                "provisional": r.provisional,
            }
            for r in report.results
        ],
        COMPLIANCE_COLUMNS,
    )


# ----------------------------------------------------------------------------- official files

#: Chinese headers of the findings sheet (`check_report_xlsx`).
FINDING_HEADERS = ("位置", "序号", "公开事项", "问题类型", "说明")
#: Chinese headers of the compliance sheets (`compliance_xlsx`).
COMPLIANCE_ITEM_HEADERS = (
    "序号",
    "公开事项",
    "发布次数",
    "按时",
    "逾期发布",
    "逾期未发布",
    "未到期",
    "按时率",
    "最长间隔（工作日）",
)
COMPLIANCE_HEADERS = (
    "序号",
    "公开事项",
    "信息形成日期",
    "发布日期",
    "应发布日期",
    "公开时限",
    "时限来源",
    "状态",
    "逾期工作日",
    "逾期自然日",
    "含预估日期",
)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def check_report_xlsx(report: CheckReport) -> bytes:
    """The findings of [`check_catalog`][zwgk.catalog.check_catalog] as an XLSX workbook (sheet 检查问题;
    the ``xlsx`` extra): one row per finding, Chinese headers, the header row frozen."""
    rows = [(f.location, f.sequence, f.item, f.code.value, f.message) for f in report.findings]
    return workbook_bytes([Sheet("检查问题", FINDING_HEADERS, rows)])


def compliance_xlsx(report: ComplianceReport) -> bytes:
    """A compliance report as an XLSX workbook (the ``xlsx`` extra): sheet 事项汇总 (one row per
    item: publications by status, on-time rate as a percentage text, longest gap) and sheet
    发布明细 (one row per publication, dates as dates)."""
    items = [
        (
            i.sequence,
            i.item,
            len(i.results),
            i.on_time,
            i.late,
            i.overdue,
            i.pending,
            _rate(i.on_time_rate),
            i.longest_gap,
        )
        for i in report.items
    ]
    results = [
        (
            r.sequence,
            r.item,
            r.publication.formed_on,
            r.publication.published_on,
            r.due,
            r.limit,
            r.source.value,
            r.status.value,
            r.working_days_late,
            r.days_late,
            _yes(r.provisional),
        )
        for r in report.results
    ]
    return workbook_bytes(
        [Sheet("事项汇总", COMPLIANCE_ITEM_HEADERS, items), Sheet("发布明细", COMPLIANCE_HEADERS, results)]
    )


# ----------------------------------------------------------------------------- the hook

_PRESENTERS: Presenters = MappingProxyType(
    {
        (Catalog, "repr"): catalog_repr,
        (Catalog, "html"): catalog_html,
        (Catalog, "frame"): catalog_to_dataframe,
        (CheckReport, "repr"): check_report_repr,
        (CheckReport, "html"): check_report_html,
        (CheckReport, "frame"): findings_to_frame,
        (CheckReport, "xlsx"): check_report_xlsx,
        (ComplianceReport, "repr"): compliance_repr,
        (ComplianceReport, "html"): compliance_html,
        (ComplianceReport, "frame"): compliance_to_dataframe,
        (ComplianceReport, "xlsx"): compliance_xlsx,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a catalog value as ``what`` (``"repr"``, ``"html"`` or ``"frame"``); see `zwgk._present`.

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
