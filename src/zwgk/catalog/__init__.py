"""Disclosure catalogs (政务公开事项标准目录): models, spreadsheet import, time limits, checks.

Since the standardisation pilots (国办发〔2017〕42号, 国办发〔2019〕54号) every county and
township keeps a standard catalog of what it discloses.  This package reads them from the
spreadsheets they live in, parses their free-text 公开时限, runs the checks a reviewer runs,
and measures publication against the limits with :mod:`zwgk.deadlines`.

- **Models**: :class:`Catalog`, :class:`DisclosureItem`, :class:`LegalBasis` and the
  enums of the catalog columns (Chinese labels, variants accepted by ``parse``).
- **Time limits**: :func:`parse_time_limit` → :class:`TimeLimit` of frozen parts; never
  raises, never guesses (:class:`UnparsedTimeLimitWarning`).
- **Import/export**: :func:`read_catalog` (CSV, XLSX, JSON), :func:`write_catalog_csv`,
  :func:`write_catalog_xlsx`, :func:`write_catalog_json`, :func:`catalog_to_dataframe`,
  :func:`catalog_json_schema`.
- **Checks**: :func:`check_catalog`; :func:`findings_to_frame` (also ``CheckReport.to_frame()``).
- **Compliance**: :func:`check_compliance` over a publication log
  (:func:`read_publication_log`; one row's JSON Schema: :func:`publication_log_json_schema`).
- **Notebooks**: :class:`Catalog`, :class:`CheckReport` and :class:`ComplianceReport`
  have a one-line ``repr``, an HTML table (``_repr_html_``) and ``to_frame()``.
- **Sample**: :func:`sample_catalog`, a made-up county's employment and social-insurance
  catalog with deliberate defects.
"""

from __future__ import annotations

from zwgk.catalog._basis import classify_basis, format_bases, parse_legal_bases
from zwgk.catalog._checks import (
    CheckReport,
    Finding,
    FindingCode,
    ServiceGuideElement,
    check_catalog,
    check_item,
    missing_guide_elements,
    service_guide_elements,
)
from zwgk.catalog._compliance import (
    STATUTORY_PROACTIVE_PERIOD,
    ComplianceReport,
    ItemCompliance,
    LimitSource,
    Publication,
    PublicationResult,
    PublicationStatus,
    check_compliance,
    compliance_to_dataframe,
    due_date,
)
from zwgk.catalog._display import findings_to_frame
from zwgk.catalog._errors import MissingFileError, UnparsedTimeLimitWarning
from zwgk.catalog._export import (
    catalog_rows,
    catalog_to_dataframe,
    neutralize_formula,
    write_catalog_csv,
    write_catalog_xlsx,
)
from zwgk.catalog._import import (
    catalog_from_rows,
    read_catalog,
    read_catalog_csv,
    read_catalog_xlsx,
    split_cell,
)
from zwgk.catalog._log import parse_log_date, publications_from_rows, read_publication_log
from zwgk.catalog._log_schema import publication_log_json_schema
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
from zwgk.catalog._sample import (
    sample_catalog,
    sample_catalog_path,
    sample_publication_log,
    sample_publication_log_path,
)
from zwgk.catalog._schema import (
    CatalogModel,
    DisclosureItemModel,
    LegalBasisModel,
    catalog_from_json,
    catalog_json_schema,
    catalog_to_json,
    read_catalog_json,
    write_catalog_json,
)
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

__all__ = [
    # compliance
    "STATUTORY_PROACTIVE_PERIOD",
    # time limits
    "Anchor",
    "AnnualDeadline",
    # models
    "Audience",
    "Catalog",
    # JSON boundary
    "CatalogModel",
    # checks
    "CheckReport",
    "ComplianceReport",
    "DisclosureItem",
    "DisclosureItemModel",
    "DisclosureMode",
    "DisplayPeriod",
    "Finding",
    "FindingCode",
    "FiveOpen",
    "Frequency",
    "ItemCompliance",
    "LegalBasis",
    "LegalBasisModel",
    "LegalForce",
    "Level",
    "LimitPart",
    "LimitSource",
    "MissingFileError",
    "PeriodLimit",
    "PeriodicLimit",
    "Publication",
    "PublicationResult",
    "PublicationStatus",
    "Qualitative",
    "QualitativeLimit",
    "SameAsAbove",
    "ServiceGuideElement",
    "TimeLimit",
    "UnparsedLimit",
    "UnparsedTimeLimitWarning",
    "catalog_from_json",
    # import / export
    "catalog_from_rows",
    "catalog_json_schema",
    "catalog_rows",
    "catalog_to_dataframe",
    "catalog_to_json",
    "check_catalog",
    "check_compliance",
    "check_item",
    # legal bases
    "classify_basis",
    "compliance_to_dataframe",
    "due_date",
    "findings_to_frame",
    "format_bases",
    "missing_guide_elements",
    "neutralize_formula",
    "parse_legal_bases",
    "parse_log_date",
    "parse_time_limit",
    "publication_log_json_schema",
    "publications_from_rows",
    "read_catalog",
    "read_catalog_csv",
    "read_catalog_json",
    "read_catalog_xlsx",
    "read_publication_log",
    # sample data
    "sample_catalog",
    "sample_catalog_path",
    "sample_publication_log",
    "sample_publication_log_path",
    "service_guide_elements",
    "split_cell",
    "write_catalog_csv",
    "write_catalog_json",
    "write_catalog_xlsx",
]
