"""Annual reports on government-information disclosure (政府信息公开工作年度报告).

- Formats: :func:`get_format`, :func:`format_for_year`, :func:`report_formats` — the 2021
  format (国办公开办函〔2021〕30号), the 2019–2020 trial format (〔2019〕60号) and the 2008
  format (reports on 2008–2018 under 国务院令第492号: sections and statistics, no tables),
  read from package data with their citations.
- Model: :class:`AnnualReport` with :class:`Table2`, :class:`Table3`, :class:`Table4`.
- Building: :func:`build_report` (table 3 from a request ledger, with carry-over),
  :func:`table3_from_ledger`, :func:`table3_from_frame` (vector path),
  :func:`table3_from_counts`; tables 2 and 4 and the text sections from
  :class:`ReportCounts`.
- Checking: :func:`check_report` (the identities of FACTS §3 with blank totals taken from
  their parts, the format's sections, the format of the report's year, and the likely
  culprit cells, :class:`Culprit`), :func:`check_shares`
  (reported percentages against counts).
- Rendering: :func:`render_markdown`, :func:`render_html`, :func:`render_xlsx` (tables 2–4,
  one sheet each), :func:`render_docx` (a Word draft in the published layout), :func:`table3_frame`,
  :func:`table3_html`, :func:`table4_html`, :func:`plot_outcomes`.
- Files: :func:`load_report` (``.json`` or published ``.html``), imported from
  :mod:`zwgk.reports.io` on first use; JSON documents, the HTML reader and counts files are
  in :mod:`zwgk.reports.io`.
- Notebooks: :class:`AnnualReport`, :class:`Table3` and :class:`ReportCheck` have a one-line
  ``repr``, HTML in the official layout (``_repr_html_``) and ``to_frame()``
  (:func:`table3_frame`, :func:`violations_to_frame`).

Importing this package does not import pydantic (only :mod:`zwgk.reports.io` does).
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
    """``load_report`` and the :mod:`zwgk.reports.io` module itself, imported on first use."""
    if name == "io" or name in _LAZY:
        io = importlib.import_module(f"{__name__}.io")
        return io if name == "io" else getattr(io, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
