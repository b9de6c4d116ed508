"""Every sentence the audit writes, in one place: English msgids, worded when read (issue 13).

`message` builds the `Message` of one kind of finding or note from its named values; the
kinds are the keys of `_TEMPLATES`.  Cells are named as the reports package names them, reports
by year and file; the official labels (表三's rows, 表二's columns) are quoted in brackets in both
languages.
"""

from __future__ import annotations

from types import MappingProxyType

from zwgk._i18n import N_, Message

__all__ = ["BLANK", "message"]

#: A blank cell in a message (worded when read).
BLANK = Message(N_("blank"))

_TEMPLATES = MappingProxyType(
    {
        "unreadable": N_("cannot be read: {error}"),
        "table_unreadable": N_("{location}: {problem}"),
        "series_carry_over": N_(
            "{agency}: {now_cell} of {year} ({file}) is {now}, but {before_cell} of {prev_year} "
            "({prev_file}) is {before} (off by {off_by})"
        ),
        "series_in_force": N_(
            "{agency}: table 2 [{row}] × [现行有效件数] of {year} ({file}) is {now}, but {prev_year}'s "
            "{before} ({prev_file}) + {issued} issued [本年制发件数] − {repealed} repealed [本年废止件数] "
            "= {expected} (off by {off_by})"
        ),
        "series_jump": N_(
            "{agency}: table 3 [{row}] × [总计] went from {before} in {prev_year} ({prev_file}) to {now} "
            "in {year} ({file}) — worth a look, not a violation (heuristic: at least ×{factor} "
            "and a change of {min_change} or more)"
        ),
        "note_gap": N_(
            "{agency}: no report for {missing} between {prev_year} ({prev_file}) and {year} ({file}); "
            "the carry-over across the gap is not checked"
        ),
        "note_duplicate": N_(
            "{agency}: {count} reports for {year} ({files}); that year is left out of the series checks"
        ),
        "note_no_table3": N_(
            "{agency}: table 3 not compared between {prev_year} ({prev_file}) and {year} ({file}): "
            "one of them has no table 3"
        ),
        "note_no_year": N_("{file}: the year reported on is unknown; left out of the series checks"),
        "note_table2": N_(
            "{agency}: table 2 [现行有效件数] not compared between {prev_year} ({prev_file}) and {year} "
            "({file}): {reason}"
        ),
        "no_table2": N_("no table 2 in {year} ({file})"),
        "table2_columns": N_(
            "table 2 of format {format} in {year} ({file}) has no [本年制发件数] / [本年废止件数] / "
            "[现行有效件数]"
        ),
    }
)


def message(kind: str, /, **values: object) -> Message:
    """The sentence of ``kind`` with ``values`` filled in, worded when read (a value shown as
    given; a `Message` value worded in the same language)."""
    return Message(_TEMPLATES[kind], tuple(values.items()))
