"""Blanks are blanks (issue 12, Deliver 1) and culprit cells (Deliver 7).

Tables are generated in the published layouts from per-applicant counts; the expected answers
are the counts the tests put in (never the code's output).
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk.reports import (
    TABLE3_COLUMNS,
    AnnualReport,
    Table3,
    Table3Column,
    Table4,
    check_report,
    get_format,
    load_report,
    outcomes_by_group,
    table3_from_counts,
)
from zwgk.requests import OutcomeGroup

TRIAL = get_format("2019-trial")
F2021 = get_format("2021")
TOTAL = Table3Column.TOTAL


def _counts(fmt_rows: int, seed: int) -> tuple[list[int], list[int], list[list[int]], list[int]]:
    """Per-applicant counts: every outcome row gets (row + column + seed) % 4 requests; 二 is
    2 per column; 四 is 1 per column; 一 makes identity 1 hold."""
    outcomes = [[(r + c + seed) % 4 for c in range(6)] for r in range(fmt_rows)]
    return [0] * 6, [2] * 6, outcomes, [1] * 6


def consistent(fmt: object = F2021, seed: int = 0) -> Table3:
    assert hasattr(fmt, "table3_rows")
    rows = fmt.table3_rows
    _, carried, outcomes, forward = _counts(len(rows), seed)
    closed = [sum(outcomes[i][c] for i, r in enumerate(rows) if r.is_outcome) for c in range(6)]
    new = [closed[c] + forward[c] - carried[c] for c in range(6)]
    assert all(n >= 0 for n in new)
    return table3_from_counts(fmt, new, carried, outcomes, forward)  # type: ignore[arg-type]


def with_cells(table: Table3, changes: dict[tuple[str, Table3Column], int | None]) -> Table3:
    cells = [list(r) for r in table.cells]
    for (row, column), value in changes.items():
        cells[table.format.row_index(row)][TABLE3_COLUMNS.index(column)] = value
    return attrs.evolve(table, cells=tuple(tuple(r) for r in cells))


def blank_totals(table: Table3) -> Table3:
    """The trial-report habit: every 总计 cell (column and （七） row) left blank."""
    changes: dict[tuple[str, Table3Column], int | None] = {(r, TOTAL): None for r in table.format.row_keys}
    changes.update({("total", c): None for c in TABLE3_COLUMNS})
    return with_cells(table, changes)


def report(table: Table3, year: int = 2022, table4: Table4 | None = None) -> AnnualReport:
    return AnnualReport("某局", year, table.format, table, table4=table4)


# --- blanks are blanks -------------------------------------------------------------------------


def test_blank_totals_of_a_consistent_trial_report_give_one_note_not_violations() -> None:
    full = consistent(TRIAL)
    table = blank_totals(full)
    result = check_report(report(table, 2020))
    assert result.ok
    assert result.violations == ()
    n_blank = len(TRIAL.table3_rows) + 6  # the 总计 column, and the （七）总计 row's six applicant cells
    assert [(f.check, f.message) for f in result.notes] == [
        ("total_blank", f"{n_blank} total cell(s) left blank; identities checked from the parts")
    ]
    assert result.culprits == ()
    assert result.culprit_note is None


def test_effective_totals_are_the_parts_sums() -> None:
    table = blank_totals(consistent(TRIAL))
    rows = TRIAL.table3_rows
    _, carried, outcomes, _forward = _counts(len(rows), 0)
    disclosed = rows.index(TRIAL.row("disclosed"))
    assert table.raw("disclosed", TOTAL) is None
    assert table.effective("disclosed") == sum(outcomes[disclosed])
    assert table.effective("carried_over") == sum(carried) == 12
    assert table.effective("total", "natural_person") == sum(
        outcomes[i][0] for i, r in enumerate(rows) if r.is_outcome
    )
    closed = sum(outcomes[i][c] for i, r in enumerate(rows) if r.is_outcome for c in range(6))
    assert table.effective("total") == closed  # the corner: from the row's six effective cells
    assert table.effective("withheld_1", "business") == table.raw("withheld_1", "business")


def test_outcomes_by_group_uses_the_parts_of_blank_totals() -> None:
    table = blank_totals(consistent(TRIAL))
    rows = TRIAL.table3_rows
    _, _, outcomes, _ = _counts(len(rows), 0)
    expected = dict.fromkeys(OutcomeGroup, 0)
    for i, row in enumerate(rows):
        if row.is_outcome:
            expected[row.outcomes[0].group] += sum(outcomes[i])
    assert outcomes_by_group(report(table, 2020)) == expected
    assert sum(expected.values()) > 0  # not the all-zeros of reading blanks as 0


def test_one_part_changed_under_blank_totals_is_the_right_violation() -> None:
    table = blank_totals(consistent(TRIAL))
    old = table.raw("disclosed", "natural_person")
    assert old is not None
    changed = with_cells(table, {("disclosed", Table3Column.NATURAL_PERSON): old + 5})
    result = check_report(report(changed, 2020))
    # the row's 总计 and the column's （七） are blank, so they follow the part: only 一 + 二 = （七） + 四
    # breaks, in the part's column and (through the blank corner) in the 总计 column, by 5
    assert [(f.identity, f.cells[0].column, f.off_by) for f in result.violations] == [
        (1, "natural_person", 5),
        (1, "total", 5),
    ]
    # every 自然人 cell of 一, 二, 三 and 四 explains that: ambiguous, the changed one among them
    assert result.culprits == ()
    assert result.culprit_note is not None
    assert result.culprit_note.startswith("ambiguous")
    assert any(s[0].cell == changed.ref("disclosed", "natural_person") for s in result.culprit_sets)


def test_a_total_given_while_its_parts_are_blank_is_checked_against_zero() -> None:
    zero = Table3.from_mapping(F2021, {"carried_over": {"total": 0}})
    assert check_report(report(zero)).ok
    some = Table3.from_mapping(F2021, {"carried_over": {"total": 560}})
    found = [(f.identity, f.cells[0].row, f.off_by) for f in check_report(report(some)).violations]
    assert (3, "carried_over", 560) in found  # blank parts are none: 560 ≠ 0


def test_a_row_blank_throughout_is_empty_not_a_blank_total() -> None:
    table = Table3.from_mapping(F2021, {"new": {"natural_person": 1}, "disclosed": {"natural_person": 1}})
    assert table.effective("withheld_1") is None
    result = check_report(report(table))
    assert result.ok
    # blank totals with parts: 一's and 予以公开's 总计, （七）总计 × 自然人 and the corner
    assert [f.message for f in result.notes] == [
        "4 total cell(s) left blank; identities checked from the parts"
    ]


def test_table4_blank_block_total_is_checked_from_its_parts() -> None:
    t4 = Table4.from_mapping({"review.upheld": 2, "review.corrected": 1})
    assert t4.effective("review.total") == 3
    assert t4.effective("litigation_direct.total") is None
    result = check_report(report(consistent(), table4=t4))
    assert result.ok
    assert [f.check for f in result.notes] == ["total_blank"]


# --- culprits --------------------------------------------------------------------------------

CELLS_2021 = [(r.key, c) for r in F2021.table3_rows for c in TABLE3_COLUMNS]
CELLS_TRIAL = [(r.key, c) for r in TRIAL.table3_rows for c in TABLE3_COLUMNS]
KEYS4 = Table4.keys()


def _single_culprit(table: Table3, row: str, column: Table3Column, delta: int) -> None:
    original = table.raw(row, column)
    assert original is not None
    changed = with_cells(table, {(row, column): original + delta})
    result = check_report(report(changed, 2022 if table.format is F2021 else 2020))
    assert not result.ok
    assert [(c.cell, c.reported, c.consistent) for c in result.culprits] == [
        (table.ref(row, column), original + delta, original)
    ], (row, column, result.culprit_note)
    assert result.culprit_note is None
    assert [f.check for f in result.findings if f.check == "culprit"] == ["culprit"]


@pytest.mark.parametrize(("fmt", "cells"), [(F2021, CELLS_2021), (TRIAL, CELLS_TRIAL)], ids=["2021", "trial"])
def test_every_single_changed_table3_cell_is_found_with_its_original_value(
    fmt: object, cells: list[tuple[str, Table3Column]]
) -> None:
    table = consistent(fmt, seed=1)
    for row, column in cells:
        _single_culprit(table, row, column, 7)


@given(
    st.sampled_from(CELLS_2021),
    st.integers(min_value=1, max_value=500) | st.integers(min_value=-2, max_value=-1),
    st.integers(min_value=0, max_value=3),
)
def test_any_single_change_is_found(cell: tuple[str, Table3Column], delta: int, seed: int) -> None:
    table = consistent(F2021, seed)
    original = table.raw(*cell)
    assert original is not None
    if original + delta < 0:
        delta = -delta
    _single_culprit(table, cell[0], cell[1], delta)


def test_culprit_message() -> None:
    table = consistent(F2021)
    original = table.raw("disclosed", "natural_person")
    changed = with_cells(table, {("disclosed", Table3Column.NATURAL_PERSON): 59})
    (culprit,) = check_report(report(changed)).culprits
    assert str(culprit) == f"likely 表三 [（一）予以公开] × [自然人]: 59, consistent value {original}"


def test_a_blank_part_that_should_hold_a_number_is_a_culprit() -> None:
    table = consistent(F2021, seed=1)
    original = table.raw("withheld_4", "business")
    assert original  # not 0
    changed = with_cells(table, {("withheld_4", Table3Column.BUSINESS): None})
    (culprit,) = check_report(report(changed)).culprits
    assert (culprit.reported, culprit.consistent) == (None, original)
    assert str(culprit).endswith(f": blank, consistent value {original}")


def test_two_changed_cells_are_found_as_a_pair_when_their_errors_differ() -> None:
    table = consistent(F2021, seed=2)
    a = ("disclosed", Table3Column.NATURAL_PERSON)
    b = ("withheld_1", Table3Column.BUSINESS)
    va, vb = table.raw(*a), table.raw(*b)
    assert va is not None
    assert vb is not None
    changed = with_cells(table, {a: va + 5, b: vb + 3})
    result = check_report(report(changed))
    assert {(c.cell, c.reported, c.consistent) for c in result.culprits} == {
        (table.ref(*a), va + 5, va),
        (table.ref(*b), vb + 3, vb),
    }
    assert len(result.culprits) == 2
    assert result.culprit_note is None


def test_two_equal_errors_in_crossed_cells_are_ambiguous() -> None:
    # −1 in (部分公开, 自然人) and (国家秘密, 商业企业): (部分公开, 商业企业) and (国家秘密, 自然人) changed
    # by −1 explain the same four failing identities, so no pair is picked
    table = consistent(F2021, seed=2)
    a = ("partially_disclosed", Table3Column.NATURAL_PERSON)
    b = ("withheld_1", Table3Column.BUSINESS)
    va, vb = table.raw(*a), table.raw(*b)
    assert va
    assert vb
    result = check_report(report(with_cells(table, {a: va - 1, b: vb - 1})))
    assert result.culprits == ()
    assert result.culprit_note is not None
    assert "ambiguous" in result.culprit_note
    assert len(result.culprit_sets) == 2


def test_many_changes_have_no_culprit_of_two_cells() -> None:
    table = consistent(F2021, seed=3)
    changes: dict[tuple[str, Table3Column], int | None] = {}
    for row, column in [
        ("new", Table3Column.BUSINESS),
        ("disclosed", TOTAL),
        ("other_3", Table3Column.OTHER_ORGANIZATION),
    ]:
        value = table.raw(row, column)
        assert value is not None
        changes[(row, column)] = value + 11
    result = check_report(report(with_cells(table, changes)))
    assert result.culprits == ()
    assert result.culprit_sets == ()
    assert result.culprit_note == (
        "no set of up to 2 cells makes every identity hold (more cells are wrong, or the table was misread)"
    )


@pytest.mark.parametrize("key", KEYS4)
def test_a_single_changed_table4_cell_is_ambiguous_within_its_block(key: str) -> None:
    values = {
        "review.upheld": 3,
        "review.corrected": 1,
        "review.other": 2,
        "review.pending": 4,
        "review.total": 10,
    }
    values |= {"litigation_direct.upheld": 1, "litigation_direct.total": 1}
    values |= {"litigation_after_review.pending": 2, "litigation_after_review.total": 2}
    full = {k: values.get(k, 0) for k in KEYS4}
    changed = Table4.from_mapping(full | {key: full[key] + 6})
    result = check_report(report(consistent(), table4=Table4.from_mapping(full)))
    assert result.ok
    result = check_report(report(consistent(), table4=changed))
    assert result.culprits == ()
    # the changed cell is among the candidates, with its original value; every candidate is in its block
    block = key.partition(".")[0]
    sets = [s[0] for s in result.culprit_sets]
    assert (changed.ref(key), full[key]) in [(c.cell, c.consistent) for c in sets]
    assert {c.cell.row for c in sets} == {block}


# --- the page fixtures -----------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_2021_fixture_names_its_wrong_cell() -> None:
    # the page's 四 总计 is 3 where its columns add to 1 + 1 = 2 (read off the page by hand)
    result = check_report(load_report(FIXTURES / "report_2021.html"))
    assert [str(c) for c in result.culprits] == [
        "likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2"
    ]
    # the page has no heading for 二 (and no table 2) and none for 六
    assert [f.where for f in result.format_findings] == ["二、主动公开政府信息情况", "六、其他需要报告的事项"]


def test_the_trial_fixture_table4_error_is_ambiguous() -> None:
    # 行政复议: a total one below its four cells; the total or any nonzero part could be the typo
    result = check_report(load_report(FIXTURES / "report_trial.html"))
    assert result.culprits == ()
    assert result.culprit_note is not None
    assert result.culprit_note.startswith("ambiguous")
    assert all(s[0].cell.row == "review" for s in result.culprit_sets)
    assert result.notes == ()  # its totals are printed: no total_blank


@given(
    st.lists(st.lists(st.integers(0, 9), min_size=6, max_size=6), min_size=25, max_size=25),
    st.sets(
        st.sampled_from([(r.key, TOTAL) for r in F2021.table3_rows] + [("total", c) for c in TABLE3_COLUMNS])
    ),
)
def test_any_consistent_table_with_any_totals_blanked_passes(
    outcomes: list[list[int]], blanked: set[tuple[str, Table3Column]]
) -> None:
    rows = F2021.table3_rows
    closed = [sum(outcomes[i][c] for i, r in enumerate(rows) if r.is_outcome) for c in range(6)]
    table = table3_from_counts(F2021, closed, [0] * 6, outcomes, [0] * 6)
    result = check_report(report(with_cells(table, dict.fromkeys(blanked))))
    assert result.violations == ()
    assert result.ok
    assert len(result.notes) == (1 if blanked else 0)
