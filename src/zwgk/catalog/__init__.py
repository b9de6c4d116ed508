"""Disclosure catalogs (政务公开事项标准目录): models, time limits, checks and compliance.

Since the standardisation pilots (国办发〔2017〕42号, 国办发〔2019〕54号) every county and
township keeps a standard catalog of what it discloses.  This package reads them from the
spreadsheets they live in, parses their free-text 公开时限, runs the checks a reviewer runs,
and measures publication against the limits with :mod:`zwgk.deadlines`.

- **Models**: :class:`Catalog`, :class:`DisclosureItem`, :class:`LegalBasis` and the
  enums of the catalog columns (Chinese labels, variants accepted by ``parse``).
- **Time limits**: :func:`parse_time_limit` → :class:`TimeLimit` of frozen parts; never
  raises, never guesses (:class:`zwgk.errors.UnparsedTimeLimitWarning`).
- **Legal bases**: :func:`parse_legal_bases`, :func:`classify_basis`.
- **Checks**: :func:`check_catalog`, :func:`check_item` → :class:`CheckReport`.
- **Compliance**: :func:`check_compliance` over a publication log → :class:`ComplianceReport`;
  :func:`due_date` (an item's limit, or the proactive period of the 条例 regime in force).
- **Reading**: :func:`read_catalog` (CSV, XLSX, JSON) and :func:`read_publication_log`;
  writing, rows, JSON models and schemas are in :mod:`zwgk.catalog.io`.
- **Notebooks**: :class:`Catalog`, :class:`CheckReport` and :class:`ComplianceReport`
  have a one-line ``repr``, an HTML table (``_repr_html_``) and ``to_frame()``.
- **Sample**: :func:`sample_catalog`, :func:`sample_publication_log`: a made-up county's
  employment and social-insurance catalog with deliberate defects, and its log.

Importing this package does not import pydantic (only :mod:`zwgk.catalog.io` does).
"""

from __future__ import annotations

import importlib
from typing import Any

from zwgk.catalog._basis import classify_basis, parse_legal_bases
from zwgk.catalog._checks import CheckReport, Finding, FindingCode, check_catalog, check_item
from zwgk.catalog._compliance import (
    ComplianceReport,
    ItemCompliance,
    LimitSource,
    Publication,
    PublicationResult,
    PublicationStatus,
    check_compliance,
    due_date,
)
from zwgk.catalog._import import read_catalog
from zwgk.catalog._log import read_publication_log
from zwgk.catalog._model import (
    Audience,
    Catalog,
    DisclosureItem,
    DisclosureMode,
    FiveOpen,
    LegalBasis,
    LegalForce,
    Level,
)
from zwgk.catalog._sample import sample_catalog, sample_publication_log
from zwgk.catalog._timelimit import (
    Anchor,
    AnnualDeadline,
    DisplayPeriod,
    Frequency,
    LimitPart,
    PeriodicLimit,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    SameAsAbove,
    TimeLimit,
    UnparsedLimit,
    parse_time_limit,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # models
    "Audience",
    "Catalog",
    "DisclosureItem",
    "DisclosureMode",
    "FiveOpen",
    "LegalBasis",
    "LegalForce",
    "Level",
    # time limits
    "Anchor",
    "AnnualDeadline",
    "DisplayPeriod",
    "Frequency",
    "LimitPart",
    "PeriodLimit",
    "PeriodicLimit",
    "Qualitative",
    "QualitativeLimit",
    "SameAsAbove",
    "TimeLimit",
    "UnparsedLimit",
    "parse_time_limit",
    # legal bases
    "classify_basis",
    "parse_legal_bases",
    # checks
    "CheckReport",
    "Finding",
    "FindingCode",
    "check_catalog",
    "check_item",
    # compliance
    "ComplianceReport",
    "ItemCompliance",
    "LimitSource",
    "Publication",
    "PublicationResult",
    "PublicationStatus",
    "check_compliance",
    "due_date",
    # reading
    "read_catalog",
    "read_publication_log",
    # sample data
    "sample_catalog",
    "sample_publication_log",
]


def __getattr__(name: str) -> Any:
    """The :mod:`zwgk.catalog.io` module, imported on first use (``catalog.io.write_catalog_csv``)."""
    if name == "io":
        return importlib.import_module(f"{__name__}.io")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
