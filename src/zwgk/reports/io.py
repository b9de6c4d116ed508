"""Reports at the boundary: JSON documents (pydantic lives here), published HTML and counts files.

:func:`load_report` reads a ``.json`` or ``.html`` report file (also at the top of
:mod:`zwgk.reports`, imported on first use); :func:`parse_report_html` reads a published
page's tables 3 and 4 (cells with :func:`parse_cell`), raising
:class:`~zwgk.errors.ReportParseError`; :class:`ReportDocument` is the pydantic model of the
JSON form (:func:`report_to_json`, :func:`report_from_json`, :func:`report_json_schema`);
:func:`read_counts`, :func:`counts_from_json` and :func:`counts_template` read and write the
counts file of tables 2 and 4 and the text sections.
"""

from __future__ import annotations

from zwgk.errors import ReportParseError
from zwgk.reports._counts import counts_from_json, counts_template, read_counts
from zwgk.reports._html import parse_cell, parse_report_html
from zwgk.reports._io import ReportDocument, load_report, report_from_json, report_json_schema, report_to_json

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # report files
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
