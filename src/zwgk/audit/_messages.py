"""Every sentence the audit writes, in one place (the i18n issue moves them to catalogs).

`message` formats one kind of finding or note from its named values; the kinds are the
keys of `_TEMPLATES`.  Cells are named with the official labels (``表三 [二、上年结转] ×
[总计]``), reports by year and file.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["message"]

_TEMPLATES = MappingProxyType(
    {
        "unreadable": "cannot be read: {error}",
        "table_unreadable": "{location}: {problem}",
        "series_carry_over": (
            "{agency}: {now_cell} of {year} ({file}) is {now}, but {before_cell} of {prev_year} "
            "({prev_file}) is {before} (off by {off_by})"
        ),
        "series_in_force": (
            "{agency}: 表二 [{row}] × [现行有效件数] of {year} ({file}) is {now}, but {prev_year}'s "
            "{before} ({prev_file}) + 本年制发件数 {issued} − 本年废止件数 {repealed} = {expected} "
            "(off by {off_by})"
        ),
        "series_jump": (
            "{agency}: 表三 [{row}] × [总计] went from {before} in {prev_year} ({prev_file}) to {now} "
            "in {year} ({file}) — worth a look, not a violation (heuristic: at least ×{factor} "
            "and a change of {min_change} or more)"
        ),
        "note_gap": (
            "{agency}: no report for {missing} between {prev_year} ({prev_file}) and {year} ({file}); "
            "the carry-over across the gap is not checked"
        ),
        "note_duplicate": (
            "{agency}: {count} reports for {year} ({files}); that year is left out of the series checks"
        ),
        "note_no_table3": (
            "{agency}: 表三 not compared between {prev_year} ({prev_file}) and {year} ({file}): "
            "one of them has no table 3"
        ),
        "note_no_year": "{file}: the year reported on is unknown; left out of the series checks",
        "note_table2": (
            "{agency}: 表二 现行有效件数 not compared between {prev_year} ({prev_file}) and {year} ({file}): "
            "{reason}"
        ),
    }
)


def message(kind: str, /, **values: object) -> str:
    """The sentence of ``kind`` with ``values`` filled in (a value shown as given)."""
    return _TEMPLATES[kind].format(**values)
