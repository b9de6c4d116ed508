"""Checks of a report's arithmetic (FACTS §3 identities) and of reported percentages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any

import attrs

from zwgk._i18n import N_, Language, Message, gettext, msg, msg_n, text
from zwgk._json_out import json_value, pydantic_core_schema
from zwgk._numbers import MAX_PERCENT_DECIMALS, exact_sum, parse_percent, quantize
from zwgk._present import present
from zwgk.errors import InvalidInputError, InvalidTypeError
from zwgk.reports._culprit import Culprit, CulpritSearch, find_culprits
from zwgk.reports._formats import (
    APPLICANT_COLUMNS,
    TABLE3_COLUMNS,
    Table3Column,
    format_for_year,
    table4_layout,
)
from zwgk.reports._model import AnnualReport, CellRef, Table3, Table4

# share_findings and written_decimals are shared with zwgk.reports.narrative (same package), not public.
__all__ = ["IDENTITIES", "Culprit", "Finding", "ReportCheck", "ShareFinding", "check_report", "check_shares"]

IDENTITIES: Mapping[int, str] = MappingProxyType(
    {
        1: N_("table 3, each column: [一 本年新收] + [二 上年结转] = [（七）总计] + [四 结转下年度继续办理]"),
        2: N_("table 3, each column: [（七）总计] = the sum of the outcome rows [（一）]–[（六）]"),
        3: N_("table 3, each row: [总计] = the sum of the six applicant columns"),
        4: N_("table 4, each block: [总计] = [结果维持] + [结果纠正] + [其他结果] + [尚未审结]"),
        5: N_("every cell is a non-negative integer (table 2 money cells: a non-negative decimal)"),
    }
)
"""The identities (FACTS §3) by number, as English msgids: word one with `identity_text`."""


def identity_text(number: int, lang: Language | None = None) -> str:
    """Identity ``number`` (1–5) of `IDENTITIES` worded in ``lang`` (default: the current language)."""
    return gettext(IDENTITIES[number], lang)


@attrs.frozen
class Finding:
    """One finding of [`check_report`][zwgk.reports.check_report]: a violated identity, or another kind
    (``identity`` 0).

    ``check`` names the kind (stable snake-case names): ``identity_1`` … ``identity_5``;
    ``total_blank`` (total cells left blank, checked from their parts — a note);
    ``section_missing`` (a section the format requires is not in the report; ``where`` is its
    heading); ``format_year`` (the report is laid out in another year's format; ``where`` is the
    format of its year); ``culprit`` (a likely wrong cell, see [`Culprit`][zwgk.reports.Culprit]).
    For identities ``expected`` is what the identity requires of ``cells[0]`` … read with
    ``message``, ``off_by`` = reported − expected; for other kinds both are 0 (a culprit's
    ``expected`` is its consistent value).
    """

    identity: int
    _message: str | Message = attrs.field(alias="message")
    cells: tuple[CellRef, ...]
    expected: int | Decimal
    actual: int | Decimal
    kind: str = attrs.field(default="", kw_only=True)
    where: str = attrs.field(default="", kw_only=True)

    @property
    def message(self) -> str:
        """The finding's sentence, in the current language (`message_in` for another)."""
        return text(self._message)

    def message_in(self, lang: Language | None = None) -> str:
        """The finding's sentence in ``lang``."""
        return text(self._message, lang)

    @property
    def check(self) -> str:
        """The kind: ``identity_N``, ``total_blank``, ``section_missing``, ``format_year`` or ``culprit``."""
        return self.kind or f"identity_{self.identity}"

    @property
    def off_by(self) -> int | Decimal:
        """Reported minus expected."""
        return self.actual - self.expected

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data: ``check``, ``identity``, ``message``, ``cells`` (each
        [`CellRef.to_dict`][zwgk.reports.CellRef.to_dict]), ``expected``, ``actual``, ``off_by`` (integers, or
        decimal strings for money cells) and ``where``."""
        return {
            "check": self.check,
            "identity": self.identity,
            "message": self.message,
            "cells": [c.to_dict() for c in self.cells],
            "expected": json_value(self.expected),
            "actual": json_value(self.actual),
            "off_by": json_value(self.off_by),
            "where": self.where,
        }

    def __str__(self) -> str:
        return self.str_in()

    def str_in(self, lang: Language | None = None) -> str:
        """``str(finding)`` in ``lang``: its kind (or identity) and its sentence."""
        if self.kind:
            return f"{self.kind}: {self.message_in(lang)}"
        where = ", ".join(str(c) for c in self.cells[:1])
        return msg(
            "identity {n}: {message} [{where}]", n=self.identity, message=self._message, where=where
        ).render(lang)


@attrs.frozen(repr=False)
class ReportCheck:
    """The result of [`check_report`][zwgk.reports.check_report].

    ``violations``: the identities that fail; ``format_findings``: sections missing and a
    layout of another year (``section_missing``, ``format_year``); ``notes``: what is worth
    knowing but fails nothing (``total_blank``); ``blanks``: every blank cell.  ``culprits``:
    the likely wrong cells when one smallest set of cells explains every violation
    (`zwgk.reports._culprit`), ``culprit_sets`` every such set found and
    ``culprit_note`` why there is no unique answer (ambiguous, or no set of ≤ 2 cells).
    """

    violations: tuple[Finding, ...]
    blanks: tuple[CellRef, ...]
    format_findings: tuple[Finding, ...] = ()
    notes: tuple[Finding, ...] = ()
    culprit_sets: tuple[tuple[Culprit, ...], ...] = ()
    _culprit_note: str | Message | None = attrs.field(default=None, alias="culprit_note")

    @property
    def culprit_note(self) -> str | None:
        """Why there is no unique culprit set (or ``None``), in the current language."""
        return self.culprit_note_in()

    def culprit_note_in(self, lang: Language | None = None) -> str | None:
        """``culprit_note`` in ``lang``."""
        return None if self._culprit_note is None else text(self._culprit_note, lang)

    @property
    def ok(self) -> bool:
        """True when no identity is violated and the report has its format's sections in its
        year's layout (blank cells and the ``total_blank`` note alone do not fail a report)."""
        return not self.violations and not self.format_findings

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The check as JSON data.

        Keys: ``ok``, ``violations``, ``format_findings``, ``notes`` (each
        [`Finding.to_dict`][zwgk.reports.Finding.to_dict]), ``blanks``
        ([`CellRef.to_dict`][zwgk.reports.CellRef.to_dict]), ``culprits`` (the one smallest set,
        [`Culprit.to_dict`][zwgk.reports.Culprit.to_dict], or empty), ``culprit_sets`` (every set found) and
        ``culprit_note``.
        """
        return {
            "ok": self.ok,
            "violations": [f.to_dict() for f in self.violations],
            "format_findings": [f.to_dict() for f in self.format_findings],
            "notes": [f.to_dict() for f in self.notes],
            "blanks": [c.to_dict() for c in self.blanks],
            "culprits": [c.to_dict() for c in self.culprits],
            "culprit_sets": [[c.to_dict() for c in s] for s in self.culprit_sets],
            "culprit_note": self.culprit_note,
        }

    @property
    def culprits(self) -> tuple[Culprit, ...]:
        """The likely wrong cells: the one smallest set found, else ``()`` (see ``culprit_note``)."""
        return self.culprit_sets[0] if len(self.culprit_sets) == 1 else ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding in order: violations, format findings, notes, then one per culprit."""
        culprits = tuple(
            Finding(0, c.message, (c.cell,), c.consistent, c.reported or 0, kind="culprit")
            for c in self.culprits
        )
        return (*self.violations, *self.format_findings, *self.notes, *culprits)

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The violations as a table, then the blank cells."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """One row per violation (extra ``zwgk[pandas]``); see
        [`violations_to_frame`][zwgk.reports.violations_to_frame]."""
        return present(self, "frame")


def _sum_text(values: Sequence[int]) -> str:
    return " + ".join(str(v) for v in values)


_TEMPLATES: Mapping[str, str] = MappingProxyType(
    {
        "section_missing": N_("section {heading} ({citation}) not found in the report"),
        "table_missing": N_("section {heading} ({citation}) not found: the report has no table 3"),
        "format_year": N_(
            "the report on {year} is laid out in format {format} ({citation}), "
            "but reports on {year} use format {expected} ({expected_citation})"
        ),
        "no_format": N_("the report on {year} is laid out in format {format}, but no format covers {year}"),
    }
)


def _message(kind: str, **values: object) -> Message:
    """The sentence of each finding that is not an identity (one place: the messages of the checks)."""
    if kind == "total_blank":
        return msg("{n} total cell(s) left blank; identities checked from the parts", **values)
    return Message(_TEMPLATES[kind], tuple(values.items()))


def _negative(value: int) -> Message:
    return msg("negative count {value}", value=value)


def _eff(table: Table3, row: str, column: Table3Column) -> int:
    return table.effective(row, column) or 0


def _table3_findings(t3: Table3, violations: list[Finding], blanks: list[CellRef]) -> int:
    """Identities 1–3 and 5 of table 3; returns how many total cells were left blank."""
    fmt = t3.format
    blank_totals = 0
    for row_key, column, value in t3.iter_cells():
        if value is None:
            blanks.append(t3.ref(row_key, column))
            if t3.parts(row_key, column) and t3.effective(row_key, column) is not None:
                blank_totals += 1
        elif value < 0:
            violations.append(Finding(5, _negative(value), (t3.ref(row_key, column),), 0, value))
    outcome_keys = [r.key for r in fmt.table3_rows if r.is_outcome]
    for column in TABLE3_COLUMNS:
        new, carried = _eff(t3, "new", column), _eff(t3, "carried_over", column)
        total, forward = _eff(t3, "total", column), _eff(t3, "carried_forward", column)
        if new + carried != total + forward:
            violations.append(
                Finding(
                    1,
                    msg(
                        "column {column}: 一 + 二 = {new} + {carried} = {sum}, "
                        "but （七）总计 + 四 = {total} + {forward} = {reported} (off by {off})",
                        column=column.value,
                        new=new,
                        carried=carried,
                        sum=new + carried,
                        total=total,
                        forward=forward,
                        reported=total + forward,
                        off=total + forward - new - carried,
                    ),
                    tuple(t3.ref(k, column) for k in ("total", "carried_forward", "new", "carried_over")),
                    new + carried,
                    total + forward,
                )
            )
        parts = [_eff(t3, k, column) for k in outcome_keys]
        if sum(parts) != total:
            violations.append(
                Finding(
                    2,
                    msg(
                        "column {column}: （七）总计 is {total} but the outcome rows sum to {sum} "
                        "(off by {off})",
                        column=column.value,
                        total=total,
                        sum=sum(parts),
                        off=total - sum(parts),
                    ),
                    (t3.ref("total", column), *(t3.ref(k, column) for k in outcome_keys)),
                    sum(parts),
                    total,
                )
            )
    for row in fmt.table3_rows:
        six = [_eff(t3, row.key, c) for c in APPLICANT_COLUMNS]
        total = _eff(t3, row.key, Table3Column.TOTAL)
        if sum(six) != total:
            violations.append(
                Finding(
                    3,
                    msg(
                        "row {row}: 总计 is {total} but {terms} = {sum} (off by {off})",
                        row=row.short,
                        total=total,
                        terms=_sum_text(six),
                        sum=sum(six),
                        off=total - sum(six),
                    ),
                    (t3.ref(row.key, Table3Column.TOTAL), *(t3.ref(row.key, c) for c in APPLICANT_COLUMNS)),
                    sum(six),
                    total,
                )
            )
    return blank_totals


def _table4_findings(t4: Table4, violations: list[Finding], blanks: list[CellRef]) -> int:
    """Identities 4 and 5 of table 4; returns how many block totals were left blank."""
    blocks, columns = table4_layout()
    blank_totals = 0
    for key, value in t4.to_mapping().items():
        if value is None:
            blanks.append(t4.ref(key))
            blank_totals += key.endswith(".total") and t4.effective(key) is not None
        elif value < 0:
            violations.append(Finding(5, _negative(value), (t4.ref(key),), 0, value))
    for block, label in blocks:
        four = [t4.raw(f"{block}.{c}") or 0 for c, _ in columns[:4]]
        total = t4.effective(f"{block}.total") or 0
        if sum(four) != total:
            violations.append(
                Finding(
                    4,
                    msg(
                        "{block}: 总计 is {total} but {terms} = {sum} (off by {off})",
                        block=label,
                        total=total,
                        terms=_sum_text(four),
                        sum=sum(four),
                        off=total - sum(four),
                    ),
                    (t4.ref(f"{block}.total"), *(t4.ref(f"{block}.{c}") for c, _ in columns[:4])),
                    sum(four),
                    total,
                )
            )
    return blank_totals


def _format_findings(report: AnnualReport) -> list[Finding]:
    """``section_missing`` for each required section not in the report, ``format_year``."""
    fmt = report.format
    out: list[Finding] = []
    tables = {2: report.table2, 3: report.table3, 4: report.table4}
    for rule in fmt.section_rules:
        shown_by_table = rule.table and tables.get(rule.table) is not None
        if shown_by_table:
            continue
        if rule.table == 3 and fmt.has_table3:  # table 3 is this section's content
            message = _message("table_missing", heading=rule.heading, citation=fmt.citation)
        elif not report.sections or any(rule.found_in(h) for h, _ in report.sections):
            continue  # a report of tables only (no text) is not checked for its sections
        else:
            message = _message("section_missing", heading=rule.heading, citation=fmt.citation)
        out.append(Finding(0, message, (), 0, 0, kind="section_missing", where=rule.heading))
    if report.year is not None:
        try:
            expected = format_for_year(report.year)
        except InvalidInputError:
            out.append(
                Finding(
                    0,
                    _message("no_format", year=report.year, format=fmt.id),
                    (),
                    0,
                    0,
                    kind="format_year",
                )
            )
        else:
            if expected.id != fmt.id:
                message = _message(
                    "format_year",
                    year=report.year,
                    format=fmt.id,
                    citation=fmt.citation,
                    expected=expected.id,
                    expected_citation=expected.citation,
                )
                out.append(Finding(0, message, (), 0, 0, kind="format_year", where=expected.id))
    return out


def check_report(report: AnnualReport) -> ReportCheck:
    """Check every identity of FACTS §3 on a report, its sections and its layout's year.

    Identities: (1) per column 一 + 二 = （七）总计 + 四; (2) （七）总计 = sum of the
    outcome rows; (3) per row 总计 = sum of the six applicant columns; (4) table 4 block
    总计 = sum of its four; (5) no negative cell (table 2's signed 本年增/减 columns excepted).

    Blanks are blanks: a blank *part* is none (0); a blank *total* cell (the 总计 column, the
    （七）总计 row, a table 4 block 总计) takes the sum of its parts
    ([`effective`][zwgk.reports.Table3.effective]), so its identity holds and the other identities
    use that sum — the report gets one ``total_blank`` note, not violations.  A total given
    while all its parts are blank is checked against 0 (the blank parts are none): 0 holds, any
    other number is a violation (a report that fills only the 总计 column breaks identity 3).

    Sections (``section_missing``): each section of the format (``ReportFormat.section_rules``)
    must be named by a heading of ``report.sections`` (key phrases, so real headings that vary
    are found) or shown by its table; a report without any text sections (built from a
    ledger, JSON of tables) is checked for table 3 only.  ``format_year``: the report's year
    uses another format ([`format_for_year`][zwgk.reports.format_for_year]).  Table 2 and the 2008 format's
    statistics have no identity (the texts state none).

    When identities fail, the likely culprit cells are searched (``culprits``; see
    `zwgk.reports._culprit.find_culprits` for the method).

    Args:
        report: the report (built, parsed from HTML or text, or read from JSON).

    Returns:
        A [`ReportCheck`][zwgk.reports.ReportCheck] listing each violation with its cells and the amount it is
        off by, the format findings, the notes, every blank cell and the culprits.
    """
    fmt = report.format
    violations: list[Finding] = []
    blanks: list[CellRef] = []
    blank_totals = 0
    if report.table3 is not None:
        blank_totals += _table3_findings(report.table3, violations, blanks)
    if report.table4 is not None:
        blank_totals += _table4_findings(report.table4, violations, blanks)
    if report.table2 is not None:
        t2 = report.table2
        signed = {c for b in fmt.table2_blocks for c in b.signed_columns}
        for key, amount in t2.to_mapping().items():
            if amount is None:
                blanks.append(t2.ref(key))
            elif amount < 0 and key.split(".")[1] not in signed:
                violations.append(
                    Finding(5, msg("negative value {value}", value=amount), (t2.ref(key),), 0, amount)
                )
    notes = (
        (Finding(0, _message("total_blank", n=blank_totals), (), 0, 0, kind="total_blank"),)
        if blank_totals
        else ()
    )
    search = find_culprits(report) if violations else CulpritSearch()
    return ReportCheck(
        tuple(violations),
        tuple(blanks),
        tuple(_format_findings(report)),
        notes,
        search.sets,
        search.note,
    )


@attrs.frozen
class ShareFinding:
    """A reported percentage (or the parts' sum) that does not match the counts.

    ``kind`` is ``"share"`` (one part's percentage is not its exact share rounded to the
    precision it is written with), ``"share_truncated"`` (the percentage is the exact share
    *truncated* at its precision, where rounding gives another value: 2/3 written "66.6%"
    instead of "66.7%"), ``"share_range"`` (a percentage above 100 or below 0),
    ``"part_range"`` (a count above the total), ``"parts"`` (the parts do not add up to the
    total) or ``"shares"`` (the percentages do not add up to 100 within their rounding).
    ``decimals`` is the precision the reported value was checked at (``None`` for the
    kinds that are not about one percentage's precision).
    """

    kind: str
    label: str
    expected: Decimal
    reported: Decimal
    _message: str | Message = attrs.field(alias="message")
    decimals: int | None = None

    @property
    def message(self) -> str:
        """The finding's sentence, in the current language (`message_in` for another)."""
        return text(self._message)

    def message_in(self, lang: Language | None = None) -> str:
        """The finding's sentence in ``lang``."""
        return text(self._message, lang)

    @property
    def off_by(self) -> Decimal:
        """Reported minus expected."""
        return self.reported - self.expected

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data (``zwgk report shares --json``): ``kind``, ``label``,
        ``expected``, ``reported``, ``off_by`` (decimal strings, exact), ``decimals``, ``message``."""
        return {
            "kind": self.kind,
            "label": self.label,
            "expected": json_value(self.expected),
            "reported": json_value(self.reported),
            "off_by": json_value(self.off_by),
            "decimals": self.decimals,
            "message": self.message,
        }


def _exact_number(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and Decimal(value).is_finite()


def written_decimals(shown: Decimal) -> int:
    """The decimals a percentage is written with: ``33`` → 0, ``32.9`` → 1, ``32.90`` → 2.

    An ``int`` or ``Decimal`` keeps its own exponent (``Decimal("12.50")`` → 2); an exponent
    above zero (``Decimal("1E+1")``) counts as 0 decimals.
    """
    exponent = shown.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _share_message(
    kind: str,
    label: str | Message,
    *,
    count: int | Decimal,
    total: int | Decimal,
    exact: Decimal,
    expected: Decimal,
    shown: Decimal,
    decimals: int,
) -> Message:
    """One sentence per share finding (the single place these messages are built)."""
    unit = Decimal(1).scaleb(-decimals)
    if kind == "share_range":
        if shown > 100:
            return msg(
                "{label}: the share {shown}%, above 100%, is more than any part of a whole can be",
                label=label,
                shown=shown,
            )
        return msg(
            "{label}: the share {shown}%, below 0%, is less than any part of a whole can be",
            label=label,
            shown=shown,
        )
    if kind == "part_range":
        return msg(
            "{label}: the count {count} is above the total {total}", label=label, count=count, total=total
        )
    values = {
        "label": label,
        "count": count,
        "total": total,
        "exact": quantize(exact, unit / 100),
        "expected": expected,
        "places": msg_n("{n} decimal", "{n} decimals", "n", n=decimals),
        "shown": shown,
        "off": shown - expected,
    }
    if kind == "share_truncated":
        return msg(
            "{label}: {count}/{total} = {exact}% → {expected}% at {places}, reported {shown}%: "
            "truncated, not rounded (off by {off} points)",
            **values,
        )
    return msg(
        "{label}: {count}/{total} = {exact}% → {expected}% at {places}, reported {shown}% "
        "(off by {off} points)",
        **values,
    )


def share_findings(
    label: str | Message, count: int | Decimal, total: int | Decimal, shown: Decimal, decimals: int | None
) -> list[ShareFinding]:
    """The findings of one reported share ``shown`` of ``count`` in ``total`` (validated inputs).

    Kinds ``part_range``, ``share_range`` and then ``share`` or ``share_truncated``; the
    precision is ``decimals`` or, when ``None``, the one ``shown`` is written with.  A share
    matches when it lies within half a unit of its last decimal from the exact share.
    """
    places = written_decimals(shown) if decimals is None else decimals
    unit = Decimal(1).scaleb(-places)
    exact = Decimal(count) * 100 / Decimal(total)
    rounded = quantize(exact, unit, ROUND_HALF_UP)

    def finding(kind: str, expected: Decimal, reported: Decimal, precision: int | None) -> ShareFinding:
        message = _share_message(
            kind, label, count=count, total=total, exact=exact, expected=rounded, shown=shown, decimals=places
        )
        return ShareFinding(kind, text(label), expected, reported, message, precision)

    findings: list[ShareFinding] = []
    if count > total:
        findings.append(finding("part_range", Decimal(total), Decimal(count), None))
    if not 0 <= shown <= 100:
        findings.append(finding("share_range", Decimal(100) if shown > 100 else Decimal(0), shown, places))
    if abs(shown - exact) > unit / 2:
        truncated = quantize(exact, unit, ROUND_DOWN)
        kind = "share_truncated" if shown == truncated != rounded else "share"
        findings.append(finding(kind, rounded, shown, places))
    return findings


def check_shares(
    parts: Sequence[int | Decimal] | Mapping[str, int | Decimal],
    total: int | Decimal,
    reported_percentages: Sequence[Decimal | int | str] | Mapping[str, Decimal | int | str],
    *,
    decimals: int | None = None,
) -> tuple[ShareFinding, ...]:
    """Check reported percentages against their counts, each at the precision it is written with.

    A reported share matches if it is within half a unit of its last decimal of the exact
    share (``part / total × 100``), i.e. it is the exact share rounded to nearest (a tie
    accepts either neighbour).  By default (``decimals=None``) each percentage is checked at
    the precision it is written with: ``"33%"`` at 0 decimals, ``"32.9%"`` at 1,
    ``"32.90%"`` at 2; an ``int`` or ``Decimal`` keeps its own exponent
    (``Decimal("12.50")`` → 2).  A share that equals the exact share *truncated* at its
    precision, where rounding differs, is its own kind ``"share_truncated"`` (2/3 written
    ``"66.6%"``; ``"66.7%"`` is the rounded value); any other mismatch is ``"share"``.

    Also reported: each count above ``total`` (``"part_range"``), each percentage above 100
    or below 0 (``"share_range"``) — no part of a whole can exceed it, whatever the other
    parts — parts that do not add up to ``total`` (``"parts"``), and shares whose sum is
    further from 100 than their rounding explains (``"shares"``: the sum of half a unit of
    each share's own precision).

    Parts and total may be counts (``int``) or exact amounts (``Decimal``: 万元, 元); a float is
    refused, so an amount's share is computed exactly.

    Args:
        parts: the counts or amounts, as a sequence or ``{label: count}``.
        total: the whole.
        reported_percentages: the published percentages (same length / keys as ``parts``;
            ``Decimal``, ``int`` or text like ``"12.22%"``; never float).
        decimals: ``None`` (default): each percentage at its written precision; a number:
            every percentage at that many decimals (the behaviour before issue 12, whose
            default was 2).

    Returns:
        The findings (empty when everything matches).

    Raises:
        InvalidInputError: mismatched lengths or keys, ``total`` not positive, a negative
            part, unreadable percentages, or ``decimals`` below 0.
        InvalidTypeError: a float percentage.
    """
    labels: list[str | Message]
    if isinstance(parts, Mapping):
        labels = [str(k) for k in parts]
        counts = list(parts.values())
    else:
        counts = list(parts)
        labels = [msg("part {n}", n=i + 1) for i in range(len(counts))]
    if isinstance(reported_percentages, Mapping):
        if [str(k) for k in reported_percentages] != labels:
            raise InvalidInputError(
                "reported_percentages",
                list(reported_percentages),
                gettext("the keys {keys}").format(keys=labels),
            )
        reported_raw = list(reported_percentages.values())
    else:
        reported_raw = list(reported_percentages)
    if len(reported_raw) != len(counts):
        raise InvalidInputError(
            "reported_percentages",
            len(reported_raw),
            gettext("{n} values, one per part").format(n=len(counts)),
        )
    if isinstance(total, float) or any(isinstance(c, float) for c in counts):
        raise InvalidTypeError("parts/total", total, gettext("int or Decimal counts and amounts (not float)"))
    if not _exact_number(total) or total <= 0:
        raise InvalidInputError("total", total, gettext("a positive whole number or Decimal amount"))
    for label, count in zip(labels, counts, strict=True):
        if not _exact_number(count) or count < 0:
            raise InvalidInputError(
                f"parts[{label}]", count, gettext("a non-negative whole number or Decimal amount")
            )
    if decimals is not None and (
        isinstance(decimals, bool)
        or not isinstance(decimals, int)
        or not 0 <= decimals <= MAX_PERCENT_DECIMALS
    ):
        raise InvalidInputError(
            "decimals",
            decimals,
            gettext("None (each share as written) or a whole number from 0 to {max}").format(
                max=MAX_PERCENT_DECIMALS
            ),
        )
    reported = [
        parse_percent(f"reported_percentages[{label}]", v)
        for label, v in zip(labels, reported_raw, strict=True)
    ]
    findings: list[ShareFinding] = []
    parts_sum = exact_sum(counts)
    if parts_sum != total:
        findings.append(
            ShareFinding(
                "parts",
                gettext("sum of parts"),
                Decimal(total),
                Decimal(parts_sum),
                msg("the parts add up to {sum}, not the total {total}", sum=parts_sum, total=total),
            )
        )
    for label, count, shown in zip(labels, counts, reported, strict=True):
        findings.extend(share_findings(label, count, total, shown, decimals))
    shown_sum = Decimal(exact_sum(reported))
    slack = sum(
        (Decimal(1).scaleb(-(written_decimals(v) if decimals is None else decimals)) / 2 for v in reported),
        Decimal(0),
    )
    if counts and parts_sum == total and abs(shown_sum - 100) > slack:
        findings.append(
            ShareFinding(
                "shares",
                gettext("sum of shares"),
                Decimal(100),
                shown_sum,
                msg(
                    "the reported shares add up to {sum}%, not 100% (rounding explains at most ±{slack})",
                    sum=shown_sum,
                    slack=slack,
                ),
            )
        )
    return tuple(findings)
