"""Culprit cells: the smallest set of cells whose correction makes every identity hold.

The identities of table 3 and table 4 (FACTS §3, 1–4) are linear equations over the cells.
A blank *total* cell is not a variable: it stands for the sum of its parts
([`effective`][zwgk.reports.Table3.effective]), so it is replaced by that sum; a blank *part* is a
variable whose published value is none (0).  When identities fail, the search tries every
single cell, then every pair of cells (bounded: `MAX_CELLS`):

- every failing identity must contain a cell of the set, and every negative cell (identity 5)
  must be in it;
- each cell's consistent value is *forced*: the identities it is in fix its correction (an
  identity with only that cell of the set fixes it alone; for a pair in the same identities,
  two independent identities fix both), and the corrected value must make every identity the
  set touches hold — including those that held before, so a candidate never breaks one;
- corrected values are whole numbers ≥ 0.

The smallest size that has solutions wins.  One solution: the culprits.  Several: ambiguous,
all are returned and none is picked.  None of size ≤ 2: said so.

A cell is *identifiable* when no other cell of the same size explains the same failures: a
table 3 cell is in two or three identities (its row's identity 3, its column's identity 1 or 2),
and no other cell shares exactly those, so any single wrong table 3 cell of a complete table
is found.  A table 4 cell is only in its block's identity, shared with four other cells:
a single wrong table 4 cell is always ambiguous among its block's five cells (less any whose
correction would be negative).
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs

from zwgk._i18n import Language, Message, msg
from zwgk._json_out import fields_dict
from zwgk.reports._formats import APPLICANT_COLUMNS, TABLE3_COLUMNS, Table3Column, table4_layout
from zwgk.reports._model import AnnualReport, CellRef, Table3, Table4

__all__ = ["MAX_CELLS", "MAX_SETS", "Culprit", "CulpritSearch", "find_culprits"]

#: The largest set of cells searched (singletons, then pairs).
MAX_CELLS = 2
#: How many solutions are kept when the answer is ambiguous.
MAX_SETS = 50

_Var = tuple[int, str, str]  # (table, row or block, column key)
_Expr = dict[_Var, int]


@attrs.frozen
class Culprit:
    """A cell that is likely wrong: its published value and the value every identity requires."""

    cell: CellRef
    reported: int | None
    consistent: int

    @property
    def message(self) -> Message:
        """Its sentence (``likely 表三 [...] × [...]: 3, consistent value 2``), worded when read."""
        if self.reported is None:
            return msg(
                "likely {cell}: blank, consistent value {consistent}",
                cell=self.cell,
                consistent=self.consistent,
            )
        return msg(
            "likely {cell}: {reported}, consistent value {consistent}",
            cell=self.cell,
            reported=self.reported,
            consistent=self.consistent,
        )

    def __str__(self) -> str:
        return self.message.render()

    def str_in(self, lang: Language | None = None) -> str:
        """``str(culprit)`` in ``lang``."""
        return self.message.render(lang)

    def to_dict(self) -> dict[str, Any]:
        """The culprit as JSON data: ``cell`` ([`CellRef.to_dict`][zwgk.reports.CellRef.to_dict]),
        ``reported`` (null if blank), ``consistent`` and ``message`` (its sentence, in the current
        language)."""
        return fields_dict(self) | {"message": str(self)}


@attrs.frozen
class CulpritSearch:
    """The outcome of `find_culprits`: every minimal set found (at most `MAX_SETS`)
    and a note when there is no unique answer."""

    sets: tuple[tuple[Culprit, ...], ...] = ()
    note: Message | None = None

    @property
    def culprits(self) -> tuple[Culprit, ...]:
        """The one minimal set, or ``()`` when none or several were found."""
        return self.sets[0] if len(self.sets) == 1 else ()


@attrs.define
class _System:
    """The identities as linear equations: variable values, published values, references."""

    values: dict[_Var, int]
    reported: dict[_Var, int | None]
    refs: dict[_Var, CellRef]
    equations: tuple[_Expr, ...]


def _add(target: _Expr, expr: _Expr, sign: int = 1) -> None:
    for var, coeff in expr.items():
        target[var] = target.get(var, 0) + sign * coeff


def _table3_exprs(t3: Table3, system: _System) -> dict[tuple[str, Table3Column], _Expr]:
    exprs: dict[tuple[str, Table3Column], _Expr] = {}
    blank_totals: list[tuple[str, Table3Column]] = []
    for row, column, value in t3.iter_cells():
        is_total = column is Table3Column.TOTAL or row == "total"
        if value is None and is_total:
            blank_totals.append((row, column))
            continue
        var: _Var = (3, row, column.key)
        system.values[var] = value or 0
        system.reported[var] = value
        system.refs[var] = t3.ref(row, column)
        exprs[(row, column)] = {var: 1}
    corner = ("total", Table3Column.TOTAL)
    for cell in blank_totals:
        if cell != corner:
            expr: _Expr = {}
            for part in t3.parts(*cell):
                _add(expr, exprs[part])
            exprs[cell] = expr
    if corner in blank_totals:
        by_row = [("total", c) for c in APPLICANT_COLUMNS]
        by_column = [(r.key, Table3Column.TOTAL) for r in t3.format.table3_rows if r.is_outcome]
        use_row = any(t3.effective(r, c) is not None for r, c in by_row) or not any(
            t3.effective(r, c) is not None for r, c in by_column
        )
        expr = {}
        for part in by_row if use_row else by_column:
            _add(expr, exprs[part])
        exprs[corner] = expr
    return exprs


def _system(report: AnnualReport) -> _System:
    system = _System({}, {}, {}, ())
    equations: list[_Expr] = []
    t3 = report.table3
    if t3 is not None:
        exprs = _table3_exprs(t3, system)
        outcome_keys = [r.key for r in t3.format.table3_rows if r.is_outcome]
        for column in TABLE3_COLUMNS:
            one: _Expr = {}
            _add(one, exprs[("new", column)])
            _add(one, exprs[("carried_over", column)])
            _add(one, exprs[("total", column)], -1)
            _add(one, exprs[("carried_forward", column)], -1)
            two: _Expr = {}
            _add(two, exprs[("total", column)])
            for key in outcome_keys:
                _add(two, exprs[(key, column)], -1)
            equations += [one, two]
        for row in t3.format.table3_rows:
            three: _Expr = {}
            _add(three, exprs[(row.key, Table3Column.TOTAL)])
            for column in APPLICANT_COLUMNS:
                _add(three, exprs[(row.key, column)], -1)
            equations.append(three)
    if report.table4 is not None:
        equations += _table4_equations(report.table4, system)
    system.equations = tuple(e for e in ({v: c for v, c in eq.items() if c} for eq in equations) if e)
    return system


def _table4_equations(t4: Table4, system: _System) -> Iterator[_Expr]:
    blocks, columns = table4_layout()
    for block, _ in blocks:
        parts: _Expr = {}
        for column, _ in columns[:-1]:
            key = f"{block}.{column}"
            var: _Var = (4, block, column)
            value = t4.raw(key)
            system.values[var] = value or 0
            system.reported[var] = value
            system.refs[var] = t4.ref(key)
            parts[var] = 1
        total_key = f"{block}.total"
        total = t4.raw(total_key)
        if total is None:
            continue  # a blank block total is the sum of its parts: the identity holds
        var = (4, block, "total")
        system.values[var] = total
        system.reported[var] = total
        system.refs[var] = t4.ref(total_key)
        yield {var: 1, **dict.fromkeys(parts, -1)}


def _residual(system: _System, eq: _Expr) -> int:
    return sum(c * system.values[v] for v, c in eq.items())


def _solve_one(system: _System, var: _Var, eqs: list[_Expr]) -> int | None:
    """The correction of ``var`` forced by ``eqs`` (each contains it), or ``None``."""
    delta: Fraction | None = None
    for eq in eqs:
        d = Fraction(-_residual(system, eq), eq[var])
        if delta is not None and d != delta:
            return None
        delta = d
    if delta is None or delta == 0 or delta.denominator != 1:
        return None
    return int(delta)


def _solve_two(system: _System, u: _Var, v: _Var, eqs: list[_Expr]) -> tuple[int, int] | None:
    """Corrections of ``u`` and ``v`` forced by ``eqs`` (each contains one of them), or ``None``."""
    rows = [(Fraction(eq.get(u, 0)), Fraction(eq.get(v, 0)), Fraction(-_residual(system, eq))) for eq in eqs]
    solution: tuple[Fraction, Fraction] | None = None
    for i, (a1, b1, r1) in enumerate(rows):
        for a2, b2, r2 in rows[i + 1 :]:
            det = a1 * b2 - a2 * b1
            if det:
                solution = ((r1 * b2 - r2 * b1) / det, (a1 * r2 - a2 * r1) / det)
                break
        if solution is not None:
            break
    if solution is None:
        return None  # the identities do not force both values
    du, dv = solution
    if not du or not dv or du.denominator != 1 or dv.denominator != 1:
        return None
    if any(a * du + b * dv != r for a, b, r in rows):
        return None
    return int(du), int(dv)


def _culprit(system: _System, var: _Var, delta: int) -> Culprit | None:
    value = system.values[var] + delta
    if value < 0:
        return None
    return Culprit(system.refs[var], system.reported[var], value)


def find_culprits(report: AnnualReport) -> CulpritSearch:
    """The smallest sets of cells whose correction makes every identity of tables 3 and 4 hold.

    See the module documentation for the method.  Table 2 has no identity and is not searched.

    Args:
        report: the report.

    Returns:
        Nothing when every identity holds and no table 3 or 4 cell is negative; else the
        minimal sets found and, unless there is exactly one, a note saying why not.
    """
    system = _system(report)
    failing = [i for i, eq in enumerate(system.equations) if _residual(system, eq)]
    negative = {v for v, value in system.values.items() if value < 0}
    if not failing and not negative:
        return CulpritSearch()
    containing: dict[_Var, list[int]] = {}
    for index, eq in enumerate(system.equations):
        for var in eq:
            containing.setdefault(var, []).append(index)
    candidates = sorted({v for i in failing for v in system.equations[i]} | negative)
    # a set of k cells touches at most k × (the most identities one cell is in): prune early
    widest = max((len(v) for v in containing.values()), default=0)
    found: list[tuple[Culprit, ...]] = []
    for var in candidates if len(failing) <= widest else ():
        if not negative <= {var} or not set(failing) <= set(containing.get(var, ())):
            continue
        delta = _solve_one(system, var, [system.equations[i] for i in containing.get(var, ())])
        single = None if delta is None else _culprit(system, var, delta)
        if single is not None:
            found.append((single,))
    size = 1
    if not found and MAX_CELLS >= 2 and len(failing) <= 2 * widest:
        size = 2
        for index, u in enumerate(candidates):
            for v in candidates[index + 1 :]:
                touched = set(containing.get(u, ())) | set(containing.get(v, ()))
                if not negative <= {u, v} or not set(failing) <= touched:
                    continue
                deltas = _solve_two(system, u, v, [system.equations[i] for i in sorted(touched)])
                if deltas is None:
                    continue
                pair = (_culprit(system, u, deltas[0]), _culprit(system, v, deltas[1]))
                if pair[0] is not None and pair[1] is not None:
                    found.append((pair[0], pair[1]))
                if len(found) > MAX_SETS:
                    break
            if len(found) > MAX_SETS:
                break
    return CulpritSearch(tuple(found[:MAX_SETS]), _note(found, size))


def _note(found: list[tuple[Culprit, ...]], size: int) -> Message | None:
    if len(found) == 1:
        return None
    if not found:
        return msg(
            "no set of up to {n} cells makes every identity hold "
            "(more cells are wrong, or the table was misread)",
            n=MAX_CELLS,
        )
    shown: Message | str = ""
    for cells in found[:3]:
        one: Message | str = (
            str(cells[0].cell)
            if len(cells) == 1
            else msg("{first} and {second}", first=cells[0].cell, second=cells[1].cell)
        )
        shown = one if not shown else msg("{head}; {tail}", head=shown, tail=one)
    if len(found) > MAX_SETS:
        return msg(
            "ambiguous: more than {n} sets of {size} cell(s) each make every identity hold (e.g. {shown}); "
            "none is picked",
            n=MAX_SETS,
            size=size,
            shown=shown,
        )
    return msg(
        "ambiguous: {n} sets of {size} cell(s) each make every identity hold (e.g. {shown}); none is picked",
        n=len(found),
        size=size,
        shown=shown,
    )
