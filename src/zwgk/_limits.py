"""Bounds on what zwgk reads from the public (private; issue 11, "Hostile and real-world inputs").

Request ledgers, catalogs, notice files, evidence and published pages come from anyone.
Every reader checks its input against one `Limits` value *before* it builds
anything in proportion to what the file claims, and refuses with
[`LimitExceededError`][zwgk.errors.LimitExceededError] naming the bound and how to raise it:

```python
from zwgk._limits import DEFAULT_LIMITS, Limits

limits = Limits(max_rows=1_000_000)          # a reader's ``limits=`` argument
check_file_size(path.stat().st_size, limits, path.name)
```

The defaults are generous for real government files — the largest catalogs and ledgers
seen have a few thousand rows and a few dozen columns — and small enough that no file
under them can exhaust a laptop's memory or hang a reader.
"""

from __future__ import annotations

import attrs

from zwgk._i18n import gettext
from zwgk.errors import InvalidInputError, LimitExceededError

__all__ = ["DEFAULT_LIMITS", "Limits", "check_file_size", "check_text_size"]

_MIB = 1024 * 1024


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInputError(f"Limits.{attribute.name}", value, gettext("a positive whole number"))


@attrs.frozen
class Limits:
    """How large an input zwgk accepts; change fields with ``attrs.evolve`` or a new value.

    Every field is a positive ``int``; each bound is inclusive (a sheet of exactly
    ``max_rows`` rows is accepted).

    Attributes:
        max_file_bytes: size of one input file on disk (64 MiB; a 5,000-row catalog is ~0.5 MiB).
        max_rows: rows of one sheet or CSV file, header included (200,000).
        max_columns: columns of one sheet or CSV file (512; Excel allows 16,384).
        max_cells: rows × columns of one sheet — what readers that pad rows build — and
            stored cells (5,000,000).
        max_merged_ranges: merged ranges of one sheet (10,000).
        max_merged_cells: cells covered by all merged ranges of one sheet (1,000,000);
            ``A1:XFD1048576`` alone covers 17 billion.
        max_depth: nesting of JSON arrays/objects and TOML arrays/tables (64); zwgk's own
            formats nest a few levels, and Python's parsers recurse once per level (a
            ``RecursionError`` near 1,000).
        max_cell_chars: characters in one cell (32,767: Excel's own limit per cell).
        max_uncompressed_bytes: total uncompressed size of an ``.xlsx`` zip (512 MiB).
        max_compression_ratio: uncompressed/compressed size of one zip entry larger than
            1 MiB (200; real worksheets compress 5–30 times, zip bombs 1,000 times and more).
        max_tables: ``<table>`` elements of one HTML page (1,000; a published annual report
            has a handful, layout tables included).
        max_files: files one audit reads, folders walked (100,000; a city's departments over
            ten years are a few thousand reports).
    """

    max_file_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)
    max_rows: int = attrs.field(default=200_000, validator=_positive)
    max_columns: int = attrs.field(default=512, validator=_positive)
    max_cells: int = attrs.field(default=5_000_000, validator=_positive)
    max_merged_ranges: int = attrs.field(default=10_000, validator=_positive)
    max_merged_cells: int = attrs.field(default=1_000_000, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_cell_chars: int = attrs.field(default=32_767, validator=_positive)
    max_uncompressed_bytes: int = attrs.field(default=512 * _MIB, validator=_positive)
    max_compression_ratio: int = attrs.field(default=200, validator=_positive)
    max_tables: int = attrs.field(default=1_000, validator=_positive)
    max_files: int = attrs.field(default=100_000, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits every reader applies unless given ``limits=``."""


def check_file_size(size: int, limits: Limits, source: str) -> None:
    """Refuse a file of ``size`` bytes larger than ``limits.max_file_bytes``.

    Call it with ``path.stat().st_size`` before reading the file (``zwgk._files`` does the
    reading), or with ``len(data)`` for bytes already in memory.

    Raises:
        LimitExceededError: ``size > limits.max_file_bytes``.
    """
    _refuse(size, limits, source, gettext("the file"), gettext("bytes"))


def check_text_size(text: str | bytes, limits: Limits, source: str) -> None:
    """Refuse a text already in memory longer than ``limits.max_file_bytes`` (bytes, or characters
    of a ``str``: characters never outnumber UTF-8 bytes, so only a text whose file would be too
    big is refused).

    Raises:
        LimitExceededError: ``len(text) > limits.max_file_bytes``.
    """
    unit = gettext("bytes") if isinstance(text, bytes) else gettext("characters")
    _refuse(len(text), limits, source, gettext("the text"), unit)


def _refuse(size: int, limits: Limits, source: str, where: str, unit: str) -> None:
    if size > limits.max_file_bytes:
        raise LimitExceededError.too_many(
            source, "max_file_bytes", limits.max_file_bytes, size, where=where, unit=unit
        )
