"""Auditing published annual reports at scale: files and folders, in parallel, one findings table.

- [`audit_paths`][zwgk.audit.audit_paths] — read and check every report file of the paths given (folders
  walked), in this process, in a process pool (``jobs``) or on any ``concurrent.futures.Executor``
  (a Dask distributed client's executor runs it on a cluster), with a progress bar;
- [`audit_report`][zwgk.audit.audit_report] — the findings of one report (every check, one adaptor each);
- [`check_series`][zwgk.audit.check_series] — one agency's reports year against year: carry-over, table 2
  continuity, jumps worth a look (thresholds: [`series_thresholds`][zwgk.audit.series_thresholds], package
  data), agencies by name or by a mapping file ([`read_agencies`][zwgk.audit.read_agencies]);
- [`AuditTable`][zwgk.audit.AuditTable] — the findings ([`AuditFinding`][zwgk.audit.AuditFinding]: agency,
  year, file, check, cells, culprit, message) and the status of every file
  ([`AuditedFile`][zwgk.audit.AuditedFile]), written as rows, CSV, JSON, XLSX, a DataFrame or a plot of
  findings by agency.

Importing this package does not import pydantic (the readers are imported when a file is read).
"""

from __future__ import annotations

from zwgk.audit._agencies import read_agencies
from zwgk.audit._report import audit_report
from zwgk.audit._run import audit_paths
from zwgk.audit._series import SeriesThresholds, check_series, series_thresholds
from zwgk.audit._table import CHECKS, LOOK_ONLY, AuditedFile, AuditFinding, AuditTable

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # the findings table
    "CHECKS",
    "LOOK_ONLY",
    "AuditFinding",
    "AuditTable",
    "AuditedFile",
    # auditing
    "audit_paths",
    "audit_report",
    # series checks
    "SeriesThresholds",
    "check_series",
    "read_agencies",
    "series_thresholds",
]
