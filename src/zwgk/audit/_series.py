"""Checks across the years of one agency's reports (issue 12, Deliver 6).

Between consecutive years N−1 and N of one agency:

- **carry-over** (``series_carry_over``): 表三 二、上年结转 of year N equals 四、结转下年度继续办理
  of year N−1, in every column (总计 and each applicant column) — the requests still open
  at the end of one year are the ones carried into the next (国办公开办函〔2021〕30号, 表三);
- **table 2 continuity** (``series_in_force``): 表二 现行有效件数 of year N equals year N−1's
  plus 本年制发件数 minus 本年废止件数 of year N, for 规章 and 行政规范性文件 — only when both
  reports have table 2 in a format with those three columns (the 2021 format);
- **jumps** (``series_jump``): a figure of table 3 that changed by a factor and an amount set in
  ``audit/data/series.toml`` — a heuristic "worth a look", never a violation.

Reports are grouped by agency: the name detected from the report, folded
(`zwgk._text.compact`, `zwgk._text.normalize_label`), or an explicit mapping
file → agency.  A missing year, a report of unknown year or two reports of one year are
notes, not findings.  Table 3 numbers are effective values (blank totals from their parts).
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import attrs

from zwgk._i18n import gettext
from zwgk._lang import N_
from zwgk._text import compact, normalize_label
from zwgk.audit._messages import BLANK, message
from zwgk.audit._report import _cell
from zwgk.audit._table import AuditFinding, AuditTable, Text
from zwgk.errors import DataFileError, InvalidInputError, Problem
from zwgk.reports import TABLE3_COLUMNS, AnnualReport, CellRef, Table3Column

__all__ = ["SeriesThresholds", "check_series", "series_point", "series_table", "series_thresholds"]

_PATH = "audit/data/series.toml"
#: Table 2 columns the continuity check needs (the 2021 format's 第二十条第（一）项).
_T2_COLUMNS = ("issued", "repealed", "in_force")


@attrs.frozen
class SeriesThresholds:
    """When a year-on-year change is a ``series_jump``: at least ×``factor`` (or ÷) *and* by
    ``min_change`` or more, for the 总计 column of the table 3 rows ``table3_rows``.

    Heuristics, not rules; the defaults are in ``zwgk/audit/data/series.toml``
    ([`series_thresholds`][zwgk.audit.series_thresholds]).
    """

    factor: Decimal = attrs.field(converter=Decimal)
    min_change: int
    table3_rows: tuple[str, ...] = attrs.field(converter=tuple)

    def __attrs_post_init__(self) -> None:
        if not self.factor > 1:
            raise InvalidInputError("SeriesThresholds.factor", self.factor, N_("a number above 1"))
        if isinstance(self.min_change, bool) or not isinstance(self.min_change, int) or self.min_change < 1:
            raise InvalidInputError(
                "SeriesThresholds.min_change", self.min_change, N_("a whole number of 1 or more")
            )

    def is_jump(self, before: int, now: int) -> bool:
        """Whether going from ``before`` to ``now`` is worth a look."""
        if abs(now - before) < self.min_change:
            return False
        return now >= self.factor * before or now * self.factor <= before


@cache
def series_thresholds() -> SeriesThresholds:
    """The default thresholds, from ``zwgk/audit/data/series.toml``.

    Raises:
        DataFileError: the data file does not hold them.
    """
    raw = tomllib.loads(resources.files("zwgk.audit").joinpath("data/series.toml").read_text("utf-8"))
    return _thresholds(raw)


def _thresholds(raw: Mapping[str, Any]) -> SeriesThresholds:
    jump = raw.get("jump", {})
    try:
        return SeriesThresholds(jump["factor"], jump["min_change"], jump["table3_rows"])
    except (KeyError, InvalidInputError) as exc:
        problem = gettext("bad or missing threshold: {error}").format(error=exc)
        raise DataFileError(_PATH, [Problem("jump", problem)]) from None


@attrs.frozen
class _Point:
    """What the series checks need of one report (small and picklable: a worker's answer)."""

    file: str
    agency: str
    year: int | None
    # 二、上年结转 and 四、结转下年度继续办理, one value per table 3 column; () without table 3
    carried_over: tuple[int | None, ...]
    carried_forward: tuple[int | None, ...]
    # the cell names of 上年结转 and of 结转下年度继续办理, one per column
    over_refs: tuple[str, ...]
    forward_refs: tuple[str, ...]
    # (row key, row label, 总计 value, cell name) of every table 3 row a jump is looked for on
    jump_values: tuple[tuple[str, str, int | None, str], ...]
    # (row key, row label, issued, repealed, in force, in-force cell name); None: no usable table 2
    table2: tuple[tuple[str, str, int, int, int, str], ...] | None
    # why table 2 is not usable: "" (no table 2) or the id of a format whose table 2 lacks the columns
    table2_reason: str | None


def series_point(report: AnnualReport, file: str, thresholds: SeriesThresholds | None = None) -> _Point:
    """The figures of ``report`` the series checks compare."""
    limits = thresholds or series_thresholds()
    t3 = report.table3
    if t3 is None:
        over: tuple[int | None, ...] = ()
        forward: tuple[int | None, ...] = ()
        jumps: tuple[tuple[str, str, int | None, str], ...] = ()
        over_refs: tuple[str, ...] = ()
        forward_refs: tuple[str, ...] = ()
    else:
        over = tuple(_cell(t3, "carried_over", c) for c in TABLE3_COLUMNS)
        forward = tuple(_cell(t3, "carried_forward", c) for c in TABLE3_COLUMNS)
        keys = set(t3.format.row_keys)
        jumps = tuple(
            (k, t3.format.row(k).short, _cell(t3, k), str(t3.ref(k, Table3Column.TOTAL)))
            for k in limits.table3_rows
            if k in keys
        )
        over_refs = tuple(str(t3.ref("carried_over", c)) for c in TABLE3_COLUMNS)
        forward_refs = tuple(str(t3.ref("carried_forward", c)) for c in TABLE3_COLUMNS)
    table2, reason = _table2(report)
    return _Point(
        file=file,
        agency=report.agency,
        year=report.year,
        carried_over=over,
        carried_forward=forward,
        over_refs=over_refs,
        forward_refs=forward_refs,
        jump_values=jumps,
        table2=table2,
        table2_reason=reason,
    )


def _table2(
    report: AnnualReport,
) -> tuple[tuple[tuple[str, str, int, int, int, str], ...] | None, str | None]:
    t2 = report.table2
    if t2 is None:
        return None, ""
    rows = []
    for block in t2.format.table2_blocks:
        if not set(_T2_COLUMNS) <= {c for c, _ in block.columns}:
            continue
        for row, label in block.rows:
            issued, repealed, in_force = (t2.raw(f"{row}.{c}") or 0 for c in _T2_COLUMNS)
            ref: CellRef = t2.ref(f"{row}.in_force")
            rows.append((row, f"{block.block} {label}", int(issued), int(repealed), int(in_force), str(ref)))
    if not rows:
        return None, t2.format.id
    return tuple(rows), None


def _key(name: str) -> str:
    return normalize_label(compact(name))


def series_table(
    points: Iterable[_Point],
    *,
    agencies: Mapping[str, str] | None = None,
    thresholds: SeriesThresholds | None = None,
) -> AuditTable:
    """The series findings and notes over ``points`` (see [`check_series`][zwgk.audit.check_series])."""
    limits = thresholds or series_thresholds()
    named = dict(agencies or {})
    groups: dict[str, list[tuple[int, _Point]]] = {}
    notes: list[Text] = []
    for given in points:
        p = attrs.evolve(given, agency=named.get(given.file, given.agency))
        if p.year is None:
            notes.append(message("note_no_year", file=p.file))
            continue
        groups.setdefault(_key(p.agency), []).append((p.year, p))
    findings: list[AuditFinding] = []
    for members in groups.values():
        by_year: dict[int, list[_Point]] = {}
        for year, p in members:
            by_year.setdefault(year, []).append(p)
        years: list[tuple[int, _Point]] = []
        for year in sorted(by_year):
            same = by_year[year]
            if len(same) > 1:
                notes.append(
                    message(
                        "note_duplicate",
                        agency=same[0].agency,
                        count=len(same),
                        year=year,
                        files=", ".join(sorted(p.file for p in same)),
                    )
                )
            else:
                years.append((year, same[0]))
        for (year_before, before), (year_now, now) in itertools.pairwise(years):
            if year_now - year_before > 1:
                gap = range(year_before + 1, year_now)
                notes.append(
                    message(
                        "note_gap",
                        agency=now.agency,
                        missing=", ".join(str(y) for y in gap),
                        prev_year=before.year,
                        prev_file=before.file,
                        year=now.year,
                        file=now.file,
                    )
                )
                continue
            findings.extend(_pair(before, now, limits, notes))
    return AuditTable(findings, (), notes)


def _finding(now: _Point, before: _Point, check: str, cells: tuple[str, ...], text: Text) -> AuditFinding:
    return AuditFinding(
        agency=now.agency,
        year=now.year,
        file=now.file,
        check=check,
        cells=cells,
        culprit=None,
        message=text,
        other_file=before.file,
        other_year=before.year,
    )


def _pair(before: _Point, now: _Point, limits: SeriesThresholds, notes: list[Text]) -> list[AuditFinding]:
    out: list[AuditFinding] = []
    names = {"agency": now.agency, "year": now.year, "file": now.file}
    names |= {"prev_year": before.year, "prev_file": before.file}
    if not now.carried_over or not before.carried_forward:
        notes.append(message("note_no_table3", **names))
    else:
        columns = zip(
            now.over_refs, before.forward_refs, now.carried_over, before.carried_forward, strict=True
        )
        for over_ref, forward_ref, over, forward in columns:
            if (over or 0) != (forward or 0):
                cells = (over_ref, forward_ref)
                text = message(
                    "series_carry_over",
                    now_cell=cells[0],
                    before_cell=cells[1],
                    now=BLANK if over is None else over,
                    before=BLANK if forward is None else forward,
                    off_by=(over or 0) - (forward or 0),
                    **names,
                )
                out.append(_finding(now, before, "series_carry_over", cells, text))
        earlier = {k: v for k, _, v, _ in before.jump_values}
        for key, label, value, ref in now.jump_values:
            old = earlier.get(key)
            if old is None or value is None or not limits.is_jump(old, value):
                continue
            text = message(
                "series_jump",
                row=label,
                before=old,
                now=value,
                factor=limits.factor,
                min_change=limits.min_change,
                **names,
            )
            out.append(_finding(now, before, "series_jump", (ref,), text))
    if now.table2 is None or before.table2 is None:
        if now.table2 is not None or before.table2 is not None or now.table2_reason != before.table2_reason:
            lacking = now if now.table2 is None else before
            where = {"year": lacking.year, "file": lacking.file}
            reason = (
                message("table2_columns", format=lacking.table2_reason, **where)
                if lacking.table2_reason
                else message("no_table2", **where)
            )
            notes.append(message("note_table2", reason=reason, **names))
        return out
    last = {row: in_force for row, _, _, _, in_force, _ in before.table2}
    for row, label, issued, repealed, in_force, ref in now.table2:
        if row not in last:
            continue
        expected = last[row] + issued - repealed
        if in_force != expected:
            text = message(
                "series_in_force",
                row=label,
                now=in_force,
                before=last[row],
                issued=issued,
                repealed=repealed,
                expected=expected,
                off_by=in_force - expected,
                **names,
            )
            out.append(_finding(now, before, "series_in_force", (ref,), text))
    return out


def check_series(
    reports: Mapping[str, AnnualReport] | Iterable[AnnualReport],
    *,
    agencies: Mapping[str, str] | None = None,
    thresholds: SeriesThresholds | None = None,
) -> AuditTable:
    """Check one or more agencies' reports year against year.

    Args:
        reports: ``{file: report}`` (the files name the reports in the findings), or the
            reports alone (named ``report #1`` … in the order given).
        agencies: file → agency, for reports whose detected names differ from year to year
            (``"某区司法局"`` and ``"某市某区司法局"``); other reports are grouped by the
            agency name they carry, folded (full-width, traditional forms, spaces and
            punctuation do not matter).
        thresholds: when a change is a ``series_jump`` (default
            [`series_thresholds`][zwgk.audit.series_thresholds]).

    Returns:
        An [`AuditTable`][zwgk.audit.AuditTable] with the findings (``series_carry_over``,
        ``series_in_force``, ``series_jump``), each naming year N's report (``file``,
        ``year``) and year N−1's (``other_file``, ``other_year``), and notes for what could
        not be compared; its ``files`` are empty.
    """
    limits = thresholds or series_thresholds()
    if isinstance(reports, Mapping):
        pairs = list(reports.items())
    else:
        pairs = [(gettext("report #{n}").format(n=i), r) for i, r in enumerate(reports, start=1)]
    return series_table(
        (series_point(r, str(f), limits) for f, r in pairs), agencies=agencies, thresholds=limits
    )
