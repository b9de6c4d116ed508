"""Disclosure catalogs (政务公开事项标准目录): models, time limits, checks and compliance.

Since the standardisation pilots (国办发〔2017〕42号, 国办发〔2019〕54号) every county and
township keeps a standard catalog of what it discloses.  This package reads them from the
spreadsheets they live in, parses their free-text 公开时限, runs the checks a reviewer runs,
and measures publication against the limits with [`zwgk.deadlines`][].

- **Models**: [`Catalog`][zwgk.catalog.Catalog], [`DisclosureItem`][zwgk.catalog.DisclosureItem],
  [`LegalBasis`][zwgk.catalog.LegalBasis] and the enums of the catalog columns (Chinese labels, variants
  accepted by ``parse``).
- **Time limits**: [`parse_time_limit`][zwgk.catalog.parse_time_limit] → [`TimeLimit`][zwgk.catalog.TimeLimit]
  of frozen parts; never raises, never guesses ([`zwgk.errors.UnparsedTimeLimitWarning`][]).
- **Legal bases**: [`parse_legal_bases`][zwgk.catalog.parse_legal_bases],
  [`classify_basis`][zwgk.catalog.classify_basis].
- **Checks**: [`check_catalog`][zwgk.catalog.check_catalog], [`check_item`][zwgk.catalog.check_item] →
  [`CheckReport`][zwgk.catalog.CheckReport].
- **Compliance**: [`check_compliance`][zwgk.catalog.check_compliance] over a publication log →
  [`ComplianceReport`][zwgk.catalog.ComplianceReport]; [`due_date`][zwgk.catalog.due_date] (an item's limit,
  or the proactive period of the 条例 regime in force).
- **Reading**: [`read_catalog`][zwgk.catalog.read_catalog] (CSV, XLSX, JSON) and
  [`read_publication_log`][zwgk.catalog.read_publication_log]; writing, rows, JSON models and schemas are in
  [`zwgk.catalog.io`][].
- **Notebooks**: [`Catalog`][zwgk.catalog.Catalog], [`CheckReport`][zwgk.catalog.CheckReport] and
  [`ComplianceReport`][zwgk.catalog.ComplianceReport] have a one-line ``repr``, an HTML table
  (``_repr_html_``) and ``to_frame()``.
- **Sample**: [`sample_catalog`][zwgk.catalog.sample_catalog],
  [`sample_publication_log`][zwgk.catalog.sample_publication_log]: a made-up county's employment and
  social-insurance catalog with deliberate defects, and its log.

Importing this package does not import pydantic (only [`zwgk.catalog.io`][] does).
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
    """The [`zwgk.catalog.io`][] module, imported on first use (``catalog.io.write_catalog_csv``)."""
    if name == "io":
        return importlib.import_module(f"{__name__}.io")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
