"""Annual reports on government-information disclosure (政府信息公开工作年度报告).

- Formats: [`get_format`][zwgk.reports.get_format], [`format_for_year`][zwgk.reports.format_for_year],
  [`report_formats`][zwgk.reports.report_formats] — the 2021 format (国办公开办函〔2021〕30号), the 2019–2020
  trial format (〔2019〕60号) and the 2008 format (reports on 2008–2018 under 国务院令第492号: sections and
  statistics, no tables), read from package data with their citations.
- Model: [`AnnualReport`][zwgk.reports.AnnualReport] with [`Table2`][zwgk.reports.Table2],
  [`Table3`][zwgk.reports.Table3], [`Table4`][zwgk.reports.Table4].
- Building: [`build_report`][zwgk.reports.build_report] (table 3 from a request ledger, with carry-over),
  [`table3_from_ledger`][zwgk.reports.table3_from_ledger],
  [`table3_from_frame`][zwgk.reports.table3_from_frame] (vector path),
  [`table3_from_counts`][zwgk.reports.table3_from_counts]; tables 2 and 4 and the text sections from
  [`ReportCounts`][zwgk.reports.ReportCounts].
- Checking: [`check_report`][zwgk.reports.check_report] (the identities of FACTS §3 with blank totals taken
  from their parts, the format's sections, the format of the report's year, and the likely
  culprit cells, [`Culprit`][zwgk.reports.Culprit]), [`check_shares`][zwgk.services.check_shares]
  (reported percentages against counts).
- Rendering: [`render_markdown`][zwgk.reports.render_markdown], [`render_html`][zwgk.reports.render_html],
  [`render_xlsx`][zwgk.reports.render_xlsx] (tables 2–4, one sheet each),
  [`render_docx`][zwgk.reports.render_docx] (a Word draft in the published layout),
  [`table3_frame`][zwgk.reports.table3_frame], [`table3_html`][zwgk.reports.table3_html],
  [`table4_html`][zwgk.reports.table4_html], [`plot_outcomes`][zwgk.reports.plot_outcomes].
- Files: [`load_report`][zwgk.reports.io.load_report] (``.json`` or published ``.html``), imported from
  [`zwgk.reports.io`][] on first use; JSON documents, the HTML reader and counts files are
  in [`zwgk.reports.io`][].
- Notebooks: [`AnnualReport`][zwgk.reports.AnnualReport], [`Table3`][zwgk.reports.Table3] and
  [`ReportCheck`][zwgk.reports.ReportCheck] have a one-line ``repr``, HTML in the official layout
  (``_repr_html_``) and ``to_frame()`` ([`table3_frame`][zwgk.reports.table3_frame],
  [`violations_to_frame`][zwgk.reports.violations_to_frame]).

Importing this package does not import pydantic (only [`zwgk.reports.io`][] does).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zwgk.reports._build import build_report, table3_from_counts, table3_from_frame, table3_from_ledger
from zwgk.reports._check import (
    IDENTITIES,
    Culprit,
    Finding,
    ReportCheck,
    ShareFinding,
    check_report,
    check_shares,
)
from zwgk.reports._counts import ReportCounts
from zwgk.reports._display import (
    outcomes_by_group,
    plot_outcomes,
    render_docx,
    render_html,
    render_markdown,
    render_xlsx,
    table3_frame,
    table3_html,
    table4_html,
    violations_to_frame,
)
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
from zwgk.reports._model import AnnualReport, CellRef, Table2, Table3, Table4

if TYPE_CHECKING:
    from zwgk.reports.io import load_report

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
    "table3_from_counts",
    "table3_from_frame",
    "table3_from_ledger",
    # checking
    "IDENTITIES",
    "Culprit",
    "Finding",
    "ReportCheck",
    "ShareFinding",
    "check_report",
    "check_shares",
    "violations_to_frame",
    # rendering
    "outcomes_by_group",
    "plot_outcomes",
    "render_docx",
    "render_html",
    "render_markdown",
    "render_xlsx",
    "table3_frame",
    "table3_html",
    "table4_html",
    # files (from zwgk.reports.io, imported on first use)
    "load_report",
]

_LAZY = frozenset({"load_report"})


def __getattr__(name: str) -> Any:
    """``load_report`` and the [`zwgk.reports.io`][] module itself, imported on first use."""
    if name == "io" or name in _LAZY:
        io = importlib.import_module(f"{__name__}.io")
        return io if name == "io" else getattr(io, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
