"""How annual reports show themselves: Markdown, HTML pages, notebook displays, DataFrames and
plots — the package's one presentation module.

Values reach it only through `zwgk._present.present`, which calls `present`
here; no value module imports it.  The HTML of a report is the official table layout of
[`table3_html`][zwgk.reports.table3_html] and [`table4_html`][zwgk.reports.table4_html]; the DataFrame of a
report is [`table3_frame`][zwgk.reports.table3_frame].  Every text value is escaped, and pandas and matplotlib
are imported only when a DataFrame or a figure is asked for (extras ``zwgk[pandas]``, ``zwgk[plot]``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from types import MappingProxyType
from typing import Any

from zwgk._display import (
    Labels,
    Presenters,
    cjk_fonts,
    figure_class,
    integer_axis,
    labels_chinese,
    legend_outside,
    md_cell,
    present_by_type,
    records_frame,
)
from zwgk._i18n import N_, Language, gettext, msg
from zwgk._optional import import_extra
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.errors import InvalidInputError
from zwgk.reports._check import ReportCheck
from zwgk.reports._formats import APPLICANT_COLUMNS, TABLE3_COLUMNS, table4_layout
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4
from zwgk.requests import OutcomeGroup

__all__ = [
    "PLACEHOLDER",
    "TABLE_TITLES",
    "VIOLATION_COLUMNS",
    "check_html",
    "check_repr",
    "docx_title",
    "outcomes_by_group",
    "plot_outcomes",
    "present",
    "render_docx",
    "render_html",
    "render_markdown",
    "render_xlsx",
    "report_html",
    "report_repr",
    "report_sheets",
    "table3_frame",
    "table3_html",
    "table3_repr",
    "table3_to_frame",
    "table4_html",
    "violations_to_frame",
]

# ----------------------------------------------------------------------------- rendering


def _cell(value: int | Decimal | None) -> str:
    return "" if value is None else str(value)


def table3_html(table: Table3) -> str:
    """Table 3 as an HTML ``<table>`` laid out like the official format (merged header cells)."""
    fmt = table.format
    out = ['<table class="zwgk-table3" border="1">']
    out.append(
        f'<tr><td rowspan="3" colspan="3">{escape(fmt.table3_note)}</td><td colspan="7">申请人情况</td></tr>'
    )
    out.append(
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>'
    )
    out.append("<tr>" + "".join(f"<td>{escape(c.value)}</td>" for c in APPLICANT_COLUMNS[1:]) + "</tr>")
    rows = fmt.table3_rows
    section_span: dict[str, int] = {}
    group_span: dict[str | None, int] = {}
    for r in rows:
        section_span[r.section] = section_span.get(r.section, 0) + 1
        if r.label:
            group_span[r.group] = group_span.get(r.group, 0) + 1
    seen_sections: set[str] = set()
    seen_groups: set[str | None] = set()
    for r, values in zip(rows, table.cells, strict=True):
        tds: list[str] = []
        if r.group is None:
            tds.append(f'<td colspan="3">{escape(r.section)}</td>')
        else:
            if r.section not in seen_sections:
                tds.append(f'<td rowspan="{section_span[r.section]}">{escape(r.section)}</td>')
            if r.label is None:
                tds.append(f'<td colspan="2">{escape(r.group)}</td>')
            else:
                if r.group not in seen_groups:
                    tds.append(f'<td rowspan="{group_span[r.group]}">{escape(r.group)}</td>')
                    seen_groups.add(r.group)
                tds.append(f"<td>{escape(r.label)}</td>")
        seen_sections.add(r.section)
        tds.extend(f"<td>{_cell(v)}</td>" for v in values)
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def table4_html(table: Table4) -> str:
    """Table 4 as an HTML ``<table>`` in the official layout."""
    blocks, columns = table4_layout()
    labels = [label for _, label in columns]
    out = ['<table class="zwgk-table4" border="1">']
    out.append('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
    first = "".join(f'<td rowspan="2">{escape(label)}</td>' for label in labels)
    subs = "".join(f'<td colspan="5">{escape(label.split("/")[-1])}</td>' for _, label in blocks[1:])
    out.append(f"<tr>{first}{subs}</tr>")
    out.append("<tr>" + "".join(f"<td>{escape(label)}</td>" for label in labels * 2) + "</tr>")
    out.append("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in table.cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _table2_html(table: Table2) -> str:
    out = ['<table class="zwgk-table2" border="1">']
    values = table.to_mapping()
    for block in table.format.table2_blocks:
        width = len(block.columns) + 1
        out.append(f'<tr><td colspan="{width}">{escape(block.block)}</td></tr>')
        out.append(
            "<tr><td>信息内容</td>"
            + "".join(f"<td>{escape(label)}</td>" for _, label in block.columns)
            + "</tr>"
        )
        for row, row_label in block.rows:
            cells = "".join(f"<td>{_cell(values[f'{row}.{c}'])}</td>" for c, _ in block.columns)
            out.append(f"<tr><td>{escape(row_label)}</td>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def _title(report: AnnualReport) -> str:
    year = f"{report.year}年度" if report.year is not None else ""
    return f"{report.agency}{year}政府信息公开工作年度报告"


def render_html(report: AnnualReport) -> str:
    """The report as an HTML page: title, the six sections, tables 2–4 in their sections.

    Args:
        report: the report.

    Returns:
        A complete HTML document (UTF-8); [`parse_report_html`][zwgk.reports.io.parse_report_html] reads it
        back.
    """
    texts = dict(report.sections)
    body = [f"<h1>{escape(_title(report))}</h1>"]
    for heading in report.format.sections:
        body.append(f"<h2>{escape(heading)}</h2>")
        if heading in texts:
            body.extend(f"<p>{escape(p)}</p>" for p in texts[heading].split("\n") if p.strip())
        if heading.startswith("二") and report.table2 is not None:
            body.append(_table2_html(report.table2))
        if heading.startswith("三") and report.table3 is not None:
            body.append(table3_html(report.table3))
        if heading.startswith("四") and report.table4 is not None:
            body.append(table4_html(report.table4))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(_title(report))}</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(md_cell(c) for c in cells) + " |"


def render_markdown(report: AnnualReport) -> str:
    """The report's tables as Markdown (table 3 rows labelled with their full titles)."""
    lines = [f"# {md_cell(_title(report))}", "", f"格式: {report.format.name} ({report.format.citation})", ""]
    if report.table2 is not None:
        lines += ["## 表二 主动公开政府信息情况", "", _md_row(["条目", "指标", "数值"]), _md_row(["---"] * 3)]
        values = report.table2.to_mapping()
        for block in report.format.table2_blocks:
            for row, row_label in block.rows:
                for column, column_label in block.columns:
                    lines.append(
                        _md_row(
                            [f"{block.block} {row_label}", column_label, _cell(values[f"{row}.{column}"])]
                        )
                    )
        lines.append("")
    if report.table3 is not None:
        lines += ["## 表三 收到和处理政府信息公开申请情况", ""]
        lines.append(_md_row(["", *(c.value for c in TABLE3_COLUMNS)]))
        lines.append(_md_row(["---"] * 8))
        for t3_row, t3_values in zip(report.format.table3_rows, report.table3.cells, strict=True):
            lines.append(_md_row([t3_row.title, *(_cell(v) for v in t3_values)]))
    if report.format.statistics:
        lines += ["## 统计", "", _md_row(["指标", "数值", "单位"]), _md_row(["---"] * 3)]
        stated = dict(report.statistics)
        for stat in report.format.statistics:
            lines.append(_md_row([stat.label, _cell(stated.get(stat.key)), stat.unit]))
    if report.table4 is not None:
        blocks, columns = table4_layout()
        lines += ["", "## 表四 政府信息公开行政复议、行政诉讼情况", ""]
        lines.append(_md_row(["", *(label for _, label in columns)]))
        lines.append(_md_row(["---"] * 6))
        cells = report.table4.cells
        for i, (_, label) in enumerate(blocks):
            lines.append(_md_row([label, *(_cell(v) for v in cells[i * 5 : i * 5 + 5])]))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- official files

#: Sheet names and table captions of tables 2, 3 and 4 as the format prints them.
TABLE_TITLES = (
    ("表二", "主动公开政府信息情况"),
    ("表三", "收到和处理政府信息公开申请情况"),
    ("表四", "政府信息公开行政复议、行政诉讼情况"),
)

#: What the office writes in the sections zwgk cannot fill (a placeholder, never made up).
PLACEHOLDER = "【待填写：{heading}】"


def _table2_rows(table: Table2) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Table 2 stacked as published: each block's header row, then its rows (block, 信息内容, …)."""
    values = table.to_mapping()
    blocks = table.format.table2_blocks
    headers = ("条目", "信息内容", *(label for _, label in blocks[0].columns))
    rows: list[tuple[object, ...]] = []
    for index, block in enumerate(blocks):
        if index:
            rows.append((block.block, "信息内容", *(label for _, label in block.columns)))
        rows.extend(
            (block.block, row_label, *(values[f"{row}.{column}"] for column, _ in block.columns))
            for row, row_label in block.rows
        )
    return headers, rows


def _table3_rows(table: Table3) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Table 3 as published: three label columns (栏目, 分项, 细项), then the seven applicant columns."""
    headers = ("栏目", "分项", "细项", *(c.value for c in TABLE3_COLUMNS))
    rows: list[tuple[object, ...]] = [
        (r.section, r.group or "", r.label or "", *values)
        for r, values in zip(table.format.table3_rows, table.cells, strict=True)
    ]
    return headers, rows


def _table4_rows(table: Table4) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Table 4: one row per block (行政复议, the two 行政诉讼 blocks), the five result columns."""
    blocks, columns = table4_layout()
    headers = ("类别", *(label for _, label in columns))
    cells = table.cells
    rows: list[tuple[object, ...]] = [
        (label, *cells[i * 5 : i * 5 + 5]) for i, (_, label) in enumerate(blocks)
    ]
    return headers, rows


def _tables(
    report: AnnualReport, *, blanks: bool = False
) -> list[tuple[str, str, tuple[str, ...], list[tuple[object, ...]]]]:
    """(表X, caption, headers, rows) of each table the report has, in order; with ``blanks``
    also tables 2 and 4 the report lacks, every cell blank (a draft to fill in)."""
    table2 = report.table2
    table4 = report.table4
    if blanks:
        table2 = table2 or Table2.from_mapping(report.format, {})
        table4 = table4 or Table4.from_mapping({})
    out = []
    if table2 is not None:
        out.append((*TABLE_TITLES[0], *_table2_rows(table2)))
    if report.table3 is not None:
        out.append((*TABLE_TITLES[1], *_table3_rows(report.table3)))
    if table4 is not None:
        out.append((*TABLE_TITLES[2], *_table4_rows(table4)))
    return out


def report_sheets(report: AnnualReport) -> list[Sheet]:
    """Tables 2, 3 and 4 of ``report`` (those it has) as sheets named 表二, 表三, 表四.

    Blank cells stay empty (``None``); counts are numbers, never text.
    """
    return [Sheet(name, headers, rows) for name, _, headers, rows in _tables(report)]


def render_xlsx(report: AnnualReport) -> bytes:
    """The report's tables as an XLSX workbook: one sheet each (表二, 表三, 表四), Chinese headers,
    the header row frozen, formula-safe text (the ``xlsx`` extra).

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    return workbook_bytes(report_sheets(report))


def docx_title(report: AnnualReport) -> str:
    """《…》's text: ``{agency}{year}年政府信息公开工作年度报告`` (``XX`` for a missing agency)."""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or 'XX'}{year}政府信息公开工作年度报告"


def render_docx(report: AnnualReport) -> bytes:
    """A Word draft of the report in the published layout (the ``docx`` extra).

    The title, then the format's six sections （一、总体情况 … 六、其他需要报告的事项） as
    headings; the text of each section the report has, else a placeholder
    (`PLACEHOLDER`) for the office to fill in; tables 2, 3 and 4 as Word tables in
    sections 二, 三 and 四 (blank cells empty; a table the report lacks is drawn blank).

    Raises:
        MissingExtraError: python-docx is not installed.
    """
    import io

    docx = import_extra("docx", "docx", N_("writing annual reports as Word documents"))
    doc = docx.Document()
    doc.add_heading(docx_title(report), level=0)
    texts = dict(report.sections)
    tables = {
        name[1]: (caption, headers, rows) for name, caption, headers, rows in _tables(report, blanks=True)
    }
    for heading in report.format.sections:
        doc.add_heading(heading, level=1)
        paragraphs = [p for p in texts.get(heading, "").split("\n") if p.strip()]
        for text in paragraphs or [PLACEHOLDER.format(heading=heading)]:
            doc.add_paragraph(text)
        if heading[0] in tables:
            caption, headers, rows = tables[heading[0]]
            doc.add_paragraph(caption)
            width = max(len(headers), *(len(row) for row in rows))
            table = doc.add_table(rows=1, cols=width)
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, headers, strict=False):
                cell.text = text
            for row in rows:
                for cell, value in zip(table.add_row().cells, row, strict=False):
                    cell.text = "" if value is None else str(value)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def table3_frame(report: AnnualReport) -> Any:
    """Table 3 as a pandas DataFrame (the ``pandas`` extra): rows by key, columns by label.

    Blank cells are ``<NA>`` (dtype ``Int64``).  The row titles are in column ``title``.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = import_extra("pandas", "pandas", N_("table 3 as a DataFrame"))
    fmt = report.format
    table = _table3_of(report)
    frame = pd.DataFrame(
        [list(values) for values in table.cells],
        index=pd.Index(fmt.row_keys, name="row"),
        columns=[c.value for c in TABLE3_COLUMNS],
        dtype="Int64",
    )
    frame.insert(0, "title", [r.title for r in fmt.table3_rows])
    return frame


def _table3_of(report: AnnualReport) -> Table3:
    if report.table3 is None:
        raise InvalidInputError(
            "report.table3",
            None,
            gettext("a report with table 3 (format {format} has none or it was not read)").format(
                format=report.format.id
            ),
        )
    return report.table3


def outcomes_by_group(report: AnnualReport) -> dict[OutcomeGroup, int]:
    """Totals (总计 column) of the six outcome groups （一）–（六）.

    Each row's total is its effective value ([`effective`][zwgk.reports.Table3.effective]): a blank
    总计 cell counts as the sum of the row's applicant cells; a row blank throughout counts 0.

    Raises:
        InvalidInputError: the report has no table 3 (the 2008 format).
    """
    table = _table3_of(report)
    totals = dict.fromkeys(OutcomeGroup, 0)
    for row in report.format.table3_rows:
        if row.is_outcome:
            totals[row.outcomes[0].group] += table.effective(row.key) or 0
    return totals


def plot_outcomes(
    reports: Sequence[AnnualReport], *, title: str | None = None, labels: Labels = "auto"
) -> Any:
    """Stacked bars of the outcome groups by year for several reports (the ``plot`` extra).

    The count axis has whole-number ticks only; the legend sits to the right of the bars,
    outside the axes, so it never hides one.

    Args:
        reports: reports with a ``year``; several reports of one year are added together.
        title: the figure title (default 办理结果（按年度） or ``outcomes by year``).
        labels: ``"auto"`` (Chinese when a CJK font is installed), ``"zh"`` or ``"en"``
            (`zwgk._display.labels_chinese`: `labels="auto"` follows the language set).

    Returns:
        The matplotlib ``Figure`` (not shown; call ``savefig``).

    Raises:
        MissingExtraError: matplotlib is not installed.
        InvalidInputError: no reports, or a report without a year.
    """
    if not reports:
        raise InvalidInputError("reports", [], gettext("at least one report"))
    for index, report in enumerate(reports):
        if report.year is None:
            raise InvalidInputError(f"reports[{index}].year", None, gettext("the year the report covers"))
    figure_cls = figure_class()
    chinese = labels_chinese(labels)
    lang: Language = "zh" if chinese else "en"
    family = cjk_fonts() if chinese else ["DejaVu Sans"]
    by_year: dict[int, dict[OutcomeGroup, int]] = {}
    for report in reports:
        assert report.year is not None
        acc = by_year.setdefault(report.year, dict.fromkeys(OutcomeGroup, 0))
        for group, value in outcomes_by_group(report).items():
            acc[group] += value
    years = sorted(by_year)
    fig = figure_cls(figsize=(8, 4.5), layout="constrained")
    ax = fig.add_subplot()
    bottom = [0] * len(years)
    for group in OutcomeGroup:
        heights = [by_year[y][group] for y in years]
        name = group.value if chinese else group.name.lower().replace("_", " ")
        ax.bar([str(y) for y in years], heights, bottom=bottom, label=name)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xlabel(gettext("year", lang), family=family)
    ax.set_ylabel(gettext("requests closed", lang), family=family)
    integer_axis(ax.yaxis)
    legend_outside(ax, family=family)
    default = gettext("outcomes by year", lang)
    ax.set_title(title if title is not None else default, family=family)
    return fig


# ----------------------------------------------------------------------------- notebooks

#: Columns of `violations_to_frame`.
VIOLATION_COLUMNS = ("identity", "cell", "expected", "actual", "off_by", "message")


def _flow(table: Table3) -> str:
    def total(row: str) -> str:
        value = table.effective(row)
        return gettext("blank") if value is None else str(value)

    return msg(
        "new {new}, carried over {carried}, total {total}, carried forward {forward}",
        new=total("new"),
        carried=total("carried_over"),
        total=total("total"),
        forward=total("carried_forward"),
    ).render()


def table3_repr(table: Table3) -> str:
    """One line: the format and the 总计 column of rows 一, 二, （七） and 四 (current language)."""
    return msg("<Table3 format {format}: {flow}>", format=table.format.id, flow=_flow(table)).render()


def report_repr(report: AnnualReport) -> str:
    """One line: agency, year, format, the tables present and table 3's flow of requests
    (in the current language; the agency is the report's own data)."""
    names = ((gettext("table 2"), report.table2), (gettext("table 3"), report.table3))
    tables = gettext(", ").join(
        name for name, present in (*names, (gettext("table 4"), report.table4)) if present is not None
    )
    if report.table3 is None:
        stated = sum(1 for _, v in report.statistics if v is not None)
        flow = msg(
            "{n} section(s), {stated} statistic(s) stated", n=len(report.sections), stated=stated
        ).render()
    else:
        flow = _flow(report.table3)
    return msg(
        "<AnnualReport {agency}{year} (format {format}; {tables}): {flow}>",
        agency=report.agency,
        year="" if report.year is None else f" {report.year}",
        format=report.format.id,
        tables=tables or gettext("no tables"),
        flow=flow,
    ).render()


def report_html(report: AnnualReport) -> str:
    """The report's title and its tables 3 and 4 in the official layout (an HTML fragment).

    For the whole report as a page use [`render_html`][zwgk.reports.render_html].
    """
    esc = html.escape
    parts = [f"<div class='zwgk-report'><p><b>{esc(_title(report))}</b> ({esc(report.format.name)})</p>"]
    if report.table3 is not None:
        parts.append("<p>表三 收到和处理政府信息公开申请情况</p>")
        parts.append(table3_html(report.table3))
    if report.table4 is not None:
        parts.append("<p>表四 政府信息公开行政复议、行政诉讼情况</p>")
        parts.append(table4_html(report.table4))
    parts.append("</div>")
    return "\n".join(parts)


def table3_to_frame(table: Table3) -> Any:
    """Table 3 alone as a DataFrame: [`table3_frame`][zwgk.reports.table3_frame] of a report holding it."""
    return table3_frame(AnnualReport(agency="", year=None, format=table.format, table3=table))


# ----------------------------------------------------------------------------- checks


def check_repr(check: ReportCheck) -> str:
    """One line: ok or the violated identities, the other findings, the culprits and the blank cells."""
    comma = gettext(", ")
    blanks = comma + msg("{n} blank cell(s)", n=len(check.blanks)).render() if check.blanks else ""
    others = sorted({f.check for f in (*check.format_findings, *check.notes)})
    extra = comma + comma.join(others) if others else ""
    culprit = (
        comma + msg("{n} likely culprit cell(s)", n=len(check.culprits)).render() if check.culprits else ""
    )
    if check.ok:
        head = gettext("ok")
    elif check.violations:
        identities = sorted({f.identity for f in check.violations})
        head = msg(
            "{n} violation(s) of identities {ids}",
            n=len(check.violations),
            ids=comma.join(map(str, identities)),
        ).render()
    else:
        head = gettext("0 violations")
    rest = f"{extra}{blanks}" if check.ok else f"{extra}{culprit}{blanks}"
    return msg("<ReportCheck {head}{rest}>", head=head, rest=rest).render()


def check_html(check: ReportCheck) -> str:
    """An HTML table of the violations (one row each), the other findings, the culprits, then the
    blank cells."""
    esc = html.escape
    head = (
        f"<p>{esc(gettext('All identities hold.'))}</p>"
        if not check.violations
        else "<p>" + msg("<b>{n}</b> violation(s)", n=len(check.violations)).render() + "</p>"
    )
    rows = "".join(
        f"<tr><td>{f.identity}</td><td>{esc(str(f.cells[0]) if f.cells else '')}</td><td>{f.expected}</td>"
        f"<td>{f.actual}</td><td>{f.off_by}</td><td>{esc(f.message)}</td></tr>"
        for f in check.violations
    )
    names = (N_("identity"), N_("cell"), N_("expected"), N_("reported"), N_("off by"), N_("message"))
    header = "".join(f"<th>{esc(gettext(n))}</th>" for n in names)
    table = f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>" if rows else ""
    others = "".join(
        f"<p>{esc(f.check)}: {esc(f.message)}</p>" for f in (*check.format_findings, *check.notes)
    )
    culprits = "".join(f"<p>{esc(str(c))}</p>" for c in check.culprits)
    if check.culprit_note:
        culprits += f"<p>{esc(check.culprit_note)}</p>"
    blanks = (
        "<p>"
        + esc(
            msg(
                "{n} blank cell(s): {cells}",
                n=len(check.blanks),
                cells=gettext("; ").join(map(str, check.blanks)),
            ).render()
        )
        + "</p>"
        if check.blanks
        else ""
    )
    return f"<div class='zwgk-report-check'>{head}{table}{others}{culprits}{blanks}</div>"


def violations_to_frame(check: ReportCheck) -> Any:
    """One row per violation (needs the ``pandas`` extra).

    Columns: ``identity`` (number of the identity, see `IDENTITIES`),
    ``cell`` (the first cell involved), ``expected``, ``actual``, ``off_by`` and ``message``.

    Args:
        check: the result of [`check_report`][zwgk.reports.check_report].

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


# ----------------------------------------------------------------------------- the hook

_PRESENTERS: Presenters = MappingProxyType(
    {
        (AnnualReport, "repr"): report_repr,
        (AnnualReport, "html"): report_html,
        (AnnualReport, "frame"): table3_frame,
        (AnnualReport, "markdown"): render_markdown,
        (AnnualReport, "page"): render_html,
        (AnnualReport, "xlsx"): render_xlsx,
        (AnnualReport, "docx"): render_docx,
        (Table3, "repr"): table3_repr,
        (Table3, "html"): table3_html,
        (Table3, "frame"): table3_to_frame,
        (ReportCheck, "repr"): check_repr,
        (ReportCheck, "html"): check_html,
        (ReportCheck, "frame"): violations_to_frame,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a report value as ``what`` (``"repr"``, ``"html"``, ``"frame"``; for a report also
    ``"markdown"`` and ``"page"``); see `zwgk._present`.

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
