"""Annual reports on government-information disclosure (政府信息公开工作年度报告).

- Formats: :func:`get_format`, :func:`format_for_year`, :func:`report_formats` — the 2021
  format (国办公开办函〔2021〕30号) and the 2019–2020 trial format (〔2019〕60号), read from
  package data with their citations.
- Model: :class:`AnnualReport` with :class:`Table2`, :class:`Table3`, :class:`Table4`.
- Building: :func:`build_report` (table 3 from a request ledger, with carry-over),
  :func:`table3_from_ledger`, :func:`table3_from_frame` (vector path); counts for tables 2
  and 4 and the text sections from a JSON file: :func:`read_counts`, :func:`counts_from_json`,
  :class:`ReportCounts`, :func:`counts_template`.
- Checking: :func:`check_report` (the identities of FACTS §3), :func:`check_shares`
  (reported percentages against counts).
- Reading: :func:`parse_report_html`, :func:`load_report`, :func:`report_from_json`.
- Rendering: :func:`render_markdown`, :func:`render_html`, :func:`table3_frame`,
  :func:`plot_outcomes`, :func:`report_to_json`.
- Notebooks: :class:`AnnualReport`, :class:`Table3` and :class:`ReportCheck` have a one-line
  ``repr``, HTML in the official layout (``_repr_html_``) and ``to_frame()``
  (:func:`table3_frame`, :func:`violations_to_frame`).
"""

from __future__ import annotations

from zwgk.reports._build import build_report, table3_from_counts, table3_from_frame, table3_from_ledger
from zwgk.reports._check import IDENTITIES, Finding, ReportCheck, ShareFinding, check_report, check_shares
from zwgk.reports._counts import ReportCounts, counts_from_json, counts_template, read_counts
from zwgk.reports._display import violations_to_frame
from zwgk.reports._formats import (
    APPLICANT_COLUMNS,
    TABLE3_COLUMNS,
    ReportFormat,
    Table2Block,
    Table3Column,
    Table3Row,
    format_for_year,
    formats_data_version,
    get_format,
    report_formats,
    table4_layout,
)
from zwgk.reports._html import ReportParseError, parse_cell, parse_report_html
from zwgk.reports._io import ReportDocument, load_report, report_from_json, report_json_schema, report_to_json
from zwgk.reports._model import AnnualReport, CellRef, Table2, Table3, Table4
from zwgk.reports._render import (
    outcomes_by_group,
    plot_outcomes,
    render_html,
    render_markdown,
    table3_frame,
    table3_html,
    table4_html,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # formats
    "APPLICANT_COLUMNS",
    "TABLE3_COLUMNS",
    "ReportFormat",
    "Table2Block",
    "Table3Column",
    "Table3Row",
    "format_for_year",
    "formats_data_version",
    "get_format",
    "report_formats",
    "table4_layout",
    # model
    "AnnualReport",
    "CellRef",
    "Table2",
    "Table3",
    "Table4",
    # building
    "build_report",
    "ReportCounts",
    "counts_from_json",
    "counts_template",
    "read_counts",
    "table3_from_counts",
    "table3_from_frame",
    "table3_from_ledger",
    # checking
    "IDENTITIES",
    "Finding",
    "ReportCheck",
    "ShareFinding",
    "check_report",
    "check_shares",
    "violations_to_frame",
    # reading
    "ReportDocument",
    "ReportParseError",
    "load_report",
    "parse_cell",
    "parse_report_html",
    "report_from_json",
    "report_json_schema",
    # rendering
    "outcomes_by_group",
    "plot_outcomes",
    "render_html",
    "render_markdown",
    "report_to_json",
    "table3_frame",
    "table3_html",
    "table4_html",
]
