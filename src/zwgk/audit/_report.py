"""The audit of one report: a tuple of small adaptors, one per kind of check.

Each adaptor turns one check of :mod:`zwgk.reports` into rows of the findings table.  They
share one :class:`_Context` (the report, its file and the result of
:func:`~zwgk.reports.check_report`, computed once), so adding a check is adding one adaptor
to :data:`ADAPTORS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from zwgk.audit._messages import message
from zwgk.audit._table import AuditedFile, AuditFinding
from zwgk.reports import AnnualReport, ReportCheck, Table3, Table3Column, check_report
from zwgk.reports.narrative import check_narrative

__all__ = ["ADAPTORS", "audit_report", "audited_file", "unreadable"]


def _cell(table3: Table3, row: str, column: str | Table3Column = Table3Column.TOTAL) -> int | None:
    """The effective value of a table 3 cell (issue 12 contract §2).

    ``Table3.effective`` when the model has it (a blank total read from its parts); until
    then the cell as a number (blank = 0).  The one place the audit reads table 3 numbers.
    """
    effective: Callable[[str, str | Table3Column], int | None] | None = getattr(table3, "effective", None)
    if effective is not None:
        return effective(row, column)
    return table3.value(row, column)


@attrs.frozen
class _Context:
    """What every adaptor sees: the report, its file (as given) and its identity check."""

    report: AnnualReport
    file: str
    check: ReportCheck

    def finding(
        self, check: str, cells: Iterable[object], text: str, culprit: str | None = None
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


def _identities(ctx: _Context) -> Iterable[AuditFinding]:
    """FACTS §3 identities 1–5 (:func:`~zwgk.reports.check_report`): ``identity_N``."""
    for f in ctx.check.violations:
        yield ctx.finding(f"identity_{f.identity}", f.cells, f.message)


def _narrative(ctx: _Context) -> Iterable[AuditFinding]:
    """The text sections against their counts and tables (:func:`~zwgk.reports.narrative.check_narrative`).

    Statements whose whole cannot be determined (``share_unchecked``) are not findings and
    are left out of the table.
    """
    for f in check_narrative(ctx.report):
        if f.problem:
            yield ctx.finding(f.kind, f.cells, f.message)


#: The adaptors run on every readable report, in order.  The other checks of issue 12
#: (total_blank, culprit, section_missing, format_year; the narrative checks) add theirs here.
ADAPTORS: tuple[Callable[[_Context], Iterable[AuditFinding]], ...] = (_identities, _narrative)


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


def audited_file(report: AnnualReport, file: str) -> tuple[AuditedFile, tuple[AuditFinding, ...]]:
    """The file's status line and its findings (the worker's answer for one readable file)."""
    ctx = _Context(report, file, check_report(report))
    findings = _findings(ctx)
    status = AuditedFile(
        file=file,
        status="findings" if findings else "ok",
        agency=report.agency,
        year=report.year,
        format=report.format.id,
        findings=len(findings),
        blanks=tuple(str(c) for c in ctx.check.blanks),
    )
    return status, findings


def unreadable(file: str, error: Exception) -> tuple[AuditedFile, tuple[AuditFinding, ...]]:
    """The status and the one ``unreadable`` finding of a file that cannot be read."""
    text = message("unreadable", error=error)
    return (
        AuditedFile(file=file, status="unreadable", findings=1, error=str(error)),
        (
            AuditFinding(
                agency="", year=None, file=file, check="unreadable", cells=(), culprit=None, message=text
            ),
        ),
    )
