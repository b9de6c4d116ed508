"""The audit of one report: a tuple of small adaptors, one per kind of check.

Each adaptor turns one check of [`zwgk.reports`][] into rows of the findings table.  They
share one `_Context` (the report, its file and the result of
[`check_report`][zwgk.reports.check_report], computed once), so adding a check is adding one adaptor
to `ADAPTORS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import attrs

from zwgk._i18n import Message
from zwgk.audit._messages import message
from zwgk.audit._table import AuditedFile, AuditFinding, Text
from zwgk.reports import AnnualReport, CellRef, ReportCheck, Table3, Table3Column, check_report
from zwgk.reports.narrative import check_narrative

if TYPE_CHECKING:  # the reader's boundary (pydantic) is not imported by the audit itself
    from zwgk.reports.io import TableProblem

__all__ = ["ADAPTORS", "audit_report", "audited_file", "unreadable"]


def _cell(table3: Table3, row: str, column: str | Table3Column = Table3Column.TOTAL) -> int | None:
    """The effective value of a table 3 cell ([`effective`][zwgk.reports.Table3.effective]: a blank
    total read from its parts).  The one place the audit reads table 3 numbers."""
    return table3.effective(row, column)


@attrs.frozen
class _Context:
    """What every adaptor sees: the report, its file (as given) and its identity check."""

    report: AnnualReport
    file: str
    check: ReportCheck

    def finding(
        self, check: str, cells: Iterable[object], text: Text, culprit: str | None = None
    ) -> AuditFinding:
        """A row of this report."""
        return AuditFinding(
            agency=self.report.agency,
            year=self.report.year,
            file=self.file,
            check=check,
            cells=tuple(str(c) for c in cells),
            culprit=culprit,
            message=text,
        )


def _text_of(finding: object) -> Text:
    """The text of a finding of [`zwgk.reports`][]: its `Message` when it keeps one (worded when
    read, so that the audit's row can be shown in either language), else its worded message."""
    kept = getattr(finding, "_message", None)
    return kept if isinstance(kept, str | Message) else str(getattr(finding, "message", ""))


def _culprit_text(ctx: _Context, cells: tuple[CellRef, ...]) -> str | None:
    """The likely wrong cell(s) among ``cells`` (unique smallest set), else why there is no answer."""
    found = [str(c) for c in ctx.check.culprits if c.cell in cells]
    if found:
        return "; ".join(found)
    return ctx.check.culprit_note


def _checks(ctx: _Context) -> Iterable[AuditFinding]:
    """[`check_report`][zwgk.reports.check_report]: identities 1–5 (``identity_N``, with the likely culprit
    cell of each), then ``section_missing``, ``format_year`` and the ``total_blank`` note.

    Culprits are a column of the identity rows, not rows of their own.
    """
    for f in ctx.check.violations:
        yield ctx.finding(f.check, f.cells, _text_of(f), _culprit_text(ctx, f.cells))
    for f in (*ctx.check.format_findings, *ctx.check.notes):
        where = f.cells or ((f.where,) if f.where else ())
        yield ctx.finding(f.check, where, _text_of(f))


def _narrative(ctx: _Context) -> Iterable[AuditFinding]:
    """The text sections against their counts and tables
    ([`check_narrative`][zwgk.reports.narrative.check_narrative]).

    Statements whose whole cannot be determined (``share_unchecked``) are not findings and
    are left out of the table.
    """
    for f in check_narrative(ctx.report):
        if f.problem:
            yield ctx.finding(f.kind, f.cells, _text_of(f))


#: The adaptors run on every readable report, in order (one per kind of check).
ADAPTORS: tuple[Callable[[_Context], Iterable[AuditFinding]], ...] = (_checks, _narrative)


def _findings(ctx: _Context) -> tuple[AuditFinding, ...]:
    return tuple(f for adaptor in ADAPTORS for f in adaptor(ctx))


def audit_report(report: AnnualReport, file: str = "") -> tuple[AuditFinding, ...]:
    """Every finding of one report, from each check in turn (identities first).

    Args:
        report: the report (read from a file or built).
        file: how the findings name it (the path as given).

    Returns:
        The findings, in the order of the checks; empty when the report passes them all.
    """
    return _findings(_Context(report, file, check_report(report)))


def audited_file(
    report: AnnualReport, file: str, skipped: Iterable[TableProblem] = ()
) -> tuple[AuditedFile, tuple[AuditFinding, ...]]:
    """The file's status line and its findings (the worker's answer for one readable file).

    ``skipped``: the tables the reader found but could not read (one ``table_unreadable``
    finding each, before the checks' findings).
    """
    ctx = _Context(report, file, check_report(report))
    unread = tuple(
        AuditFinding(
            agency=report.agency,
            year=report.year,
            file=file,
            check="table_unreadable",
            cells=(),
            culprit=None,
            message=message("table_unreadable", location=_text_of_location(p), problem=_text_of(p)),
        )
        for p in skipped
    )
    findings = unread + _findings(ctx)
    status = AuditedFile(
        file=file,
        status="findings" if any(f.is_violation for f in findings) else "ok",
        agency=report.agency,
        year=report.year,
        format=report.format.id,
        findings=len(findings),
        blanks=tuple(str(c) for c in ctx.check.blanks),
    )
    return status, findings


def _text_of_location(problem: TableProblem) -> Text:
    kept = getattr(problem, "_location", None)
    return kept if isinstance(kept, str | Message) else problem.location


def unreadable(file: str, error: Exception) -> tuple[AuditedFile, tuple[AuditFinding, ...]]:
    """The status and the one ``unreadable`` finding of a file that cannot be read."""
    text = message("unreadable", error=str(error))
    return (
        AuditedFile(file=file, status="unreadable", findings=1, error=str(error)),
        (
            AuditFinding(
                agency="", year=None, file=file, check="unreadable", cells=(), culprit=None, message=text
            ),
        ),
    )
