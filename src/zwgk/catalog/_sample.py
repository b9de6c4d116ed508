"""The sample catalog shipped with zwgk (package data), for demos, docs and tests."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from zwgk.catalog._compliance import Publication
from zwgk.catalog._import import read_catalog_csv
from zwgk.catalog._log import read_publication_log
from zwgk.catalog._model import Catalog

__all__ = ["sample_catalog", "sample_catalog_path", "sample_publication_log", "sample_publication_log_path"]

_CATALOG = "sample_employment_catalog.csv"
_LOG = "sample_publication_log.csv"


def _data(name: str) -> Path:
    return Path(str(resources.files("zwgk.catalog").joinpath("data", name)))


def sample_catalog_path() -> Path:
    """Path of the sample catalog CSV (示例县就业和社会保障领域基层政务公开标准目录).

    A made-up county's employment and social-insurance catalog in the de-facto layout
    (two-row header, √ marks, 同上 cells, a blank row, multi-line cells), written for zwgk.
    It has deliberate defects, listed in ``sample_employment_catalog.toml`` beside it:
    an incomplete 办事指南 (row 10), bases out of legal-force order (row 19), no channel
    ticked (row 32), a duplicate item (row 33), no legal basis and an unrecognised time
    limit (row 34), and an empty time limit (row 35).

    Returns:
        The path inside the installed package.
    """
    return _data(_CATALOG)


def sample_catalog() -> Catalog:
    """The sample catalog, read with [`read_catalog_csv`][zwgk.catalog.io.read_catalog_csv].

    Returns:
        The catalog (32 items).
    """
    return read_catalog_csv(sample_catalog_path())


def sample_publication_log_path() -> Path:
    """Path of a sample publication log for the sample catalog (2026 dates).

    Returns:
        The path inside the installed package.
    """
    return _data(_LOG)


def sample_publication_log() -> tuple[Publication, ...]:
    """The sample publication log, read with [`read_publication_log`][zwgk.catalog.read_publication_log].

    Returns:
        The publications.
    """
    return read_publication_log(sample_publication_log_path())
