"""Rendering a report: Markdown, HTML in the official row/column order, DataFrames, a plot."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from html import escape
from typing import Any

from zwgk._optional import import_extra
from zwgk.errors import InvalidInputError
from zwgk.reports._formats import APPLICANT_COLUMNS, TABLE3_COLUMNS, table4_layout
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4
from zwgk.requests import OutcomeGroup

__all__ = [
    "outcomes_by_group",
    "plot_outcomes",
    "render_html",
    "render_markdown",
    "table3_frame",
    "table3_html",
    "table4_html",
]


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
        A complete HTML document (UTF-8); :func:`parse_report_html` reads it back.
    """
    texts = dict(report.sections)
    body = [f"<h1>{escape(_title(report))}</h1>"]
    for heading in report.format.sections:
        body.append(f"<h2>{escape(heading)}</h2>")
        if heading in texts:
            body.extend(f"<p>{escape(p)}</p>" for p in texts[heading].split("\n") if p.strip())
        if heading.startswith("二") and report.table2 is not None:
            body.append(_table2_html(report.table2))
        if heading.startswith("三"):
            body.append(table3_html(report.table3))
        if heading.startswith("四") and report.table4 is not None:
            body.append(table4_html(report.table4))
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(_title(report))}</title></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def render_markdown(report: AnnualReport) -> str:
    """The report's tables as Markdown (table 3 rows labelled with their full titles)."""
    lines = [f"# {_title(report)}", "", f"格式: {report.format.name} ({report.format.citation})", ""]
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
    lines += ["## 表三 收到和处理政府信息公开申请情况", ""]
    lines.append(_md_row(["", *(c.value for c in TABLE3_COLUMNS)]))
    lines.append(_md_row(["---"] * 8))
    for t3_row, t3_values in zip(report.format.table3_rows, report.table3.cells, strict=True):
        lines.append(_md_row([t3_row.title, *(_cell(v) for v in t3_values)]))
    if report.table4 is not None:
        blocks, columns = table4_layout()
        lines += ["", "## 表四 政府信息公开行政复议、行政诉讼情况", ""]
        lines.append(_md_row(["", *(label for _, label in columns)]))
        lines.append(_md_row(["---"] * 6))
        cells = report.table4.cells
        for i, (_, label) in enumerate(blocks):
            lines.append(_md_row([label, *(_cell(v) for v in cells[i * 5 : i * 5 + 5])]))
    return "\n".join(lines) + "\n"


def table3_frame(report: AnnualReport) -> Any:
    """Table 3 as a pandas DataFrame (the ``pandas`` extra): rows by key, columns by label.

    Blank cells are ``<NA>`` (dtype ``Int64``).  The row titles are in column ``title``.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = import_extra("pandas", "pandas", "table 3 as a DataFrame")
    fmt = report.format
    frame = pd.DataFrame(
        [list(values) for values in report.table3.cells],
        index=pd.Index(fmt.row_keys, name="row"),
        columns=[c.value for c in TABLE3_COLUMNS],
        dtype="Int64",
    )
    frame.insert(0, "title", [r.title for r in fmt.table3_rows])
    return frame


def outcomes_by_group(report: AnnualReport) -> dict[OutcomeGroup, int]:
    """Totals (总计 column) of the six outcome groups （一）–（六） (blank = 0)."""
    totals = dict.fromkeys(OutcomeGroup, 0)
    for row in report.format.table3_rows:
        if row.is_outcome:
            totals[row.outcomes[0].group] += report.table3.value(row.key)
    return totals


def plot_outcomes(reports: Sequence[AnnualReport], *, title: str | None = None) -> Any:
    """Stacked bars of the outcome groups by year for several reports (the ``plot`` extra).

    Args:
        reports: reports with a ``year``; several reports of one year are added together.
        title: the figure title (default ``outcomes by year``; Chinese text needs a CJK font).

    Returns:
        The matplotlib ``Figure`` (not shown; call ``savefig``).

    Raises:
        MissingExtraError: matplotlib is not installed.
        InvalidInputError: no reports, or a report without a year.
    """
    if not reports:
        raise InvalidInputError("reports", [], "at least one report")
    for index, report in enumerate(reports):
        if report.year is None:
            raise InvalidInputError(f"reports[{index}].year", None, "the year the report covers")
    figure_cls = import_extra("matplotlib.figure", "plot", "plotting outcomes by year").Figure
    by_year: dict[int, dict[OutcomeGroup, int]] = {}
    for report in reports:
        assert report.year is not None
        acc = by_year.setdefault(report.year, dict.fromkeys(OutcomeGroup, 0))
        for group, value in outcomes_by_group(report).items():
            acc[group] += value
    years = sorted(by_year)
    fig = figure_cls(figsize=(8, 4.5))
    ax = fig.add_subplot()
    bottom = [0] * len(years)
    for group in OutcomeGroup:
        heights = [by_year[y][group] for y in years]
        ax.bar([str(y) for y in years], heights, bottom=bottom, label=group.name.lower().replace("_", " "))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_xlabel("year")
    ax.set_ylabel("requests closed")
    ax.legend(fontsize="small")
    ax.set_title(title if title is not None else "outcomes by year")
    return fig
