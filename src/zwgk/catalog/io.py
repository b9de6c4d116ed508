"""The catalog's boundary: files, rows and JSON in and out (pydantic lives here).

Reading and writing catalogs as CSV (the de-facto two-row spreadsheet layout), XLSX and
JSON, the pydantic models of the JSON form and their JSON Schema, and the publication log's
rows.  :func:`read_catalog` and :func:`read_publication_log` are also at the top of
:mod:`zwgk.catalog`; everything else about files is here.

- **Catalogs in**: :func:`read_catalog` (by suffix), :func:`read_catalog_csv`,
  :func:`read_catalog_xlsx`, :func:`read_catalog_json`, :func:`catalog_from_rows`,
  :func:`catalog_from_json`, :func:`split_cell`.
- **Catalogs out**: :func:`write_catalog_csv`, :func:`write_catalog_xlsx`,
  :func:`write_catalog_json`, :func:`catalog_to_json`, :func:`catalog_rows`,
  :func:`catalog_to_dataframe`, :func:`format_bases`, :func:`neutralize_formula`.
- **JSON models**: :class:`CatalogModel`, :class:`DisclosureItemModel`,
  :class:`LegalBasisModel`, :func:`catalog_json_schema`.
- **Publication logs**: :func:`read_publication_log`, :func:`publications_from_rows`,
  :func:`parse_log_date`, :func:`publication_log_json_schema`.
- **Sample files**: :func:`sample_catalog_path`, :func:`sample_publication_log_path`.
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
