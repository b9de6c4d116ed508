"""The catalog's boundary: files, rows and JSON in and out (pydantic lives here).

Reading and writing catalogs as CSV (the de-facto two-row spreadsheet layout), XLSX and
JSON, the pydantic models of the JSON form and their JSON Schema, and the publication log's
rows.  [`read_catalog`][zwgk.catalog.read_catalog] and
[`read_publication_log`][zwgk.catalog.read_publication_log] are also at the top of [`zwgk.catalog`][];
everything else about files is here.

- **Catalogs in**: [`read_catalog`][zwgk.catalog.read_catalog] (by suffix),
  [`read_catalog_csv`][zwgk.catalog.io.read_catalog_csv],
  [`read_catalog_xlsx`][zwgk.catalog.io.read_catalog_xlsx],
  [`read_catalog_json`][zwgk.catalog.io.read_catalog_json],
  [`catalog_from_rows`][zwgk.catalog.io.catalog_from_rows],
  [`catalog_from_json`][zwgk.catalog.io.catalog_from_json], [`split_cell`][zwgk.catalog.io.split_cell].
- **Catalogs out**: [`write_catalog_csv`][zwgk.catalog.io.write_catalog_csv],
  [`write_catalog_xlsx`][zwgk.catalog.io.write_catalog_xlsx],
  [`write_catalog_json`][zwgk.catalog.io.write_catalog_json],
  [`catalog_to_json`][zwgk.catalog.io.catalog_to_json], [`catalog_rows`][zwgk.catalog.io.catalog_rows],
  [`catalog_to_dataframe`][zwgk.catalog.io.catalog_to_dataframe],
  [`format_bases`][zwgk.catalog.io.format_bases], [`neutralize_formula`][zwgk.catalog.io.neutralize_formula].
- **JSON models**: [`CatalogModel`][zwgk.catalog.io.CatalogModel],
  [`DisclosureItemModel`][zwgk.catalog.io.DisclosureItemModel],
  [`LegalBasisModel`][zwgk.catalog.io.LegalBasisModel],
  [`catalog_json_schema`][zwgk.catalog.io.catalog_json_schema].
- **Publication logs**: [`read_publication_log`][zwgk.catalog.read_publication_log],
  [`publications_from_rows`][zwgk.catalog.io.publications_from_rows],
  [`parse_log_date`][zwgk.catalog.io.parse_log_date],
  [`publication_log_json_schema`][zwgk.catalog.io.publication_log_json_schema].
- **Sample files**: [`sample_catalog_path`][zwgk.catalog.io.sample_catalog_path],
  [`sample_publication_log_path`][zwgk.catalog.io.sample_publication_log_path].
"""

from __future__ import annotations

from zwgk.catalog._basis import format_bases
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
from zwgk.catalog._sample import sample_catalog_path, sample_publication_log_path
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

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # catalogs in
    "read_catalog",
    "read_catalog_csv",
    "read_catalog_xlsx",
    "read_catalog_json",
    "catalog_from_rows",
    "catalog_from_json",
    "split_cell",
    # catalogs out
    "write_catalog_csv",
    "write_catalog_xlsx",
    "write_catalog_json",
    "catalog_to_json",
    "catalog_rows",
    "catalog_to_dataframe",
    "format_bases",
    "neutralize_formula",
    # JSON models
    "CatalogModel",
    "DisclosureItemModel",
    "LegalBasisModel",
    "catalog_json_schema",
    # publication logs
    "read_publication_log",
    "publications_from_rows",
    "parse_log_date",
    "publication_log_json_schema",
    # sample files
    "sample_catalog_path",
    "sample_publication_log_path",
]
