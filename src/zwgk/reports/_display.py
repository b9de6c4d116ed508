"""How annual reports and report checks show themselves in notebooks.

The HTML of a report is the official table layout of :func:`~zwgk.reports.table3_html` and
:func:`~zwgk.reports.table4_html`; the DataFrame of a report is
:func:`~zwgk.reports.table3_frame`.  As in :mod:`zwgk.deadlines`, every text value is
escaped and pandas is imported only when a DataFrame is asked for (extra ``zwgk[pandas]``).
"""

from __future__ import annotations

import html
from typing import Any

from zwgk._display import records_frame
from zwgk.reports._check import ReportCheck
from zwgk.reports._model import AnnualReport, Table3
from zwgk.reports._render import _title, table3_frame, table3_html, table4_html

__all__ = [
    "VIOLATION_COLUMNS",
    "check_html",
    "check_repr",
    "report_html",
    "report_repr",
    "table3_repr",
    "table3_to_frame",
    "violations_to_frame",
]

#: Columns of :func:`violations_to_frame`.
VIOLATION_COLUMNS = ("identity", "cell", "expected", "actual", "off_by", "message")


def _flow(table: Table3) -> str:
    return (
        f"新收 {table.value('new')}, 上年结转 {table.value('carried_over')}, "
        f"总计 {table.value('total')}, 结转下年度 {table.value('carried_forward')}"
    )


def table3_repr(table: Table3) -> str:
    """One line: the format and the 总计 column of rows 一, 二, （七） and 四."""
    return f"<Table3 format {table.format.id}: {_flow(table)}>"


def report_repr(report: AnnualReport) -> str:
    """One line: agency, year, format, the tables present and table 3's flow of requests."""
    year = f" {report.year}" if report.year is not None else ""
    tables = ", ".join(
        name
        for name, present in (("表二", report.table2), ("表三", report.table3), ("表四", report.table4))
        if present is not None
    )
    flow = _flow(report.table3)
    return f"<AnnualReport {report.agency}{year} (format {report.format.id}; {tables}): {flow}>"


def report_html(report: AnnualReport) -> str:
    """The report's title and its tables 3 and 4 in the official layout (an HTML fragment).

    For the whole report as a page use :func:`~zwgk.reports.render_html`.
    """
    esc = html.escape
    parts = [f"<div class='zwgk-report'><p><b>{esc(_title(report))}</b> ({esc(report.format.name)})</p>"]
    parts.append("<p>表三 收到和处理政府信息公开申请情况</p>")
    parts.append(table3_html(report.table3))
    if report.table4 is not None:
        parts.append("<p>表四 政府信息公开行政复议、行政诉讼情况</p>")
        parts.append(table4_html(report.table4))
    parts.append("</div>")
    return "\n".join(parts)


def table3_to_frame(table: Table3) -> Any:
    """Table 3 alone as a DataFrame: :func:`~zwgk.reports.table3_frame` of a report holding it."""
    return table3_frame(AnnualReport(agency="", year=None, format=table.format, table3=table))


# ----------------------------------------------------------------------------- checks


def check_repr(check: ReportCheck) -> str:
    """One line: ok or the violated identities, and the number of blank cells."""
    blanks = f", {len(check.blanks)} blank cell(s)" if check.blanks else ""
    if check.ok:
        return f"<ReportCheck ok{blanks}>"
    identities = sorted({f.identity for f in check.violations})
    return (
        f"<ReportCheck {len(check.violations)} violation(s) of identities "
        f"{', '.join(map(str, identities))}{blanks}>"
    )


def check_html(check: ReportCheck) -> str:
    """An HTML table of the violations (one row each), then the blank cells."""
    esc = html.escape
    head = (
        "<p>All identities hold.</p>" if check.ok else f"<p><b>{len(check.violations)}</b> violation(s)</p>"
    )
    rows = "".join(
        f"<tr><td>{f.identity}</td><td>{esc(str(f.cells[0]) if f.cells else '')}</td><td>{f.expected}</td>"
        f"<td>{f.actual}</td><td>{f.off_by}</td><td>{esc(f.message)}</td></tr>"
        for f in check.violations
    )
    table = (
        "<table><thead><tr><th>identity</th><th>cell</th><th>expected</th><th>reported</th><th>off by</th>"
        f"<th>message</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    blanks = (
        f"<p>{len(check.blanks)} blank cell(s), read as 0: "
        + "; ".join(esc(str(c)) for c in check.blanks)
        + "</p>"
        if check.blanks
        else ""
    )
    return f"<div class='zwgk-report-check'>{head}{table}{blanks}</div>"


def violations_to_frame(check: ReportCheck) -> Any:
    """One row per violation (needs the ``pandas`` extra).

    Columns: ``identity`` (number of the identity, see :data:`~zwgk.reports.IDENTITIES`),
    ``cell`` (the first cell involved), ``expected``, ``actual``, ``off_by`` and ``message``.

    Args:
        check: the result of :func:`~zwgk.reports.check_report`.

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "identity": f.identity,
                "cell": str(f.cells[0]) if f.cells else "",
                "expected": f.expected,
                "actual": f.actual,
                "off_by": f.off_by,
                "message": f.message,
            }
            for f in check.violations
        ],
        VIOLATION_COLUMNS,
    )
