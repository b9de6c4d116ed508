"""Reports at the boundary: reading report files of any kind, JSON documents (pydantic), counts files.

[`read_report`][zwgk.reports.io.read_report] reads a report from a file or bytes whatever its suffix —
published HTML, JSON, PDF (with a text layer), DOCX, XLSX or XLS, told from the content — and returns a
[`ReadResult`][zwgk.reports.io.ReadResult] (the report, the tables it had to skip as
[`TableProblem`][zwgk.reports.io.TableProblem], the kind of file); [`load_report`][zwgk.reports.load_report]
returns the report only (also at the top of [`zwgk.reports`][], imported on first use).
[`parse_report_html`][zwgk.reports.io.parse_report_html] reads a page's HTML text (cells with
[`parse_cell`][zwgk.reports.io.parse_cell]), raising [`ReportParseError`][zwgk.errors.ReportParseError];
[`ReportDocument`][zwgk.reports.io.ReportDocument] is the pydantic model of the JSON form
([`report_to_json`][zwgk.reports.io.report_to_json], [`report_from_json`][zwgk.reports.io.report_from_json],
[`report_json_schema`][zwgk.reports.io.report_json_schema]); [`read_counts`][zwgk.reports.io.read_counts],
[`counts_from_json`][zwgk.reports.io.counts_from_json] and
[`counts_template`][zwgk.reports.io.counts_template] read and write the counts file of tables 2 and 4 and the
text sections.
"""

from __future__ import annotations

from zwgk.errors import ReportParseError
from zwgk.reports._counts import counts_from_json, counts_template, read_counts
from zwgk.reports._grid import ReadResult, TableProblem
from zwgk.reports._html import parse_cell, parse_report_html
from zwgk.reports._io import (
    ReportDocument,
    load_report,
    read_report,
    report_from_json,
    report_json_schema,
    report_to_json,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # report files of any kind
    "read_report",
    "ReadResult",
    "TableProblem",
    "load_report",
    # JSON documents
    "ReportDocument",
    "report_from_json",
    "report_json_schema",
    "report_to_json",
    # published HTML
    "ReportParseError",
    "parse_cell",
    "parse_report_html",
    # counts files
    "counts_from_json",
    "counts_template",
    "read_counts",
]
