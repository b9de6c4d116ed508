"""From a request ledger to table 3 (and the rest of the report).

A request belongs to the report on ``year`` if it was open at some time in that year:

- 一 本年新收: received in ``year``;
- 二 上年结转: received before ``year`` and not closed before 1 January of ``year``;
- 三 办理结果: closed in ``year`` (whatever year it was received), counted in its outcome row;
- 四 结转下年度继续办理: received in or before ``year`` and not closed by 31 December.

So 一 + 二 = （七）总计 + 四 in every column by construction, and 四 of one year is 二 of the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from zwgk._i18n import gettext
from zwgk._lang import N_
from zwgk._optional import import_extra
from zwgk.deadlines.io import ReplyNotice
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem
from zwgk.reports._formats import ReportFormat, format_for_year, get_format, report_formats
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4
from zwgk.requests import ApplicantKind, DisclosureRequest, Ledger, Outcome

__all__ = ["build_report", "require_table3", "table3_from_counts", "table3_from_frame", "table3_from_ledger"]

_KINDS = tuple(ApplicantKind)


def table3_from_counts(
    format: ReportFormat,
    new: list[int],
    carried_over: list[int],
    outcome_counts: list[list[int]],
    carried_forward: list[int],
) -> Table3:
    """Assemble table 3 from per-applicant counts (6 numbers each); totals are computed.

    Args:
        format: the report format.
        new: 一 per applicant column.
        carried_over: 二 per applicant column.
        outcome_counts: one list of 6 per row of the format (non-outcome rows ignored).
        carried_forward: 四 per applicant column.

    Returns:
        The table with （七）总计 and the 总计 column filled in.
    """
    rows: list[tuple[int, ...]] = []
    outcome_sum = [0] * 6
    for index, row in enumerate(format.table3_rows):
        if row.is_outcome:
            for c in range(6):
                outcome_sum[c] += outcome_counts[index][c]
    for index, row in enumerate(format.table3_rows):
        if row.key == "new":
            six = new
        elif row.key == "carried_over":
            six = carried_over
        elif row.key == "total":
            six = outcome_sum
        elif row.key == "carried_forward":
            six = carried_forward
        else:
            six = outcome_counts[index]
        rows.append((*six, sum(six)))
    return Table3(format, tuple(rows))


def _resolve_format(year: int, format: str | ReportFormat | None) -> ReportFormat:
    fmt = format_for_year(year) if format is None else get_format(format)
    return require_table3(fmt, year)


def require_table3(fmt: ReportFormat, year: int | None = None) -> ReportFormat:
    """``fmt`` itself when it has a table 3.

    Raises:
        InvalidInputError: the format has none (the 2008 format: reports on 2008–2018).
    """
    if fmt.has_table3:
        return fmt
    first = min(f.first_year for f in report_formats() if f.has_table3)
    raise InvalidInputError(
        "year" if year is not None else "format",
        year if year is not None else fmt.id,
        gettext(
            "a format with table 3, i.e. a report on {first} or later "
            "(format {format}, {citation}, has no table)"
        ).format(first=first, format=fmt.id, citation=fmt.citation),
    )


def table3_from_ledger(
    ledger: Ledger | Iterable[DisclosureRequest], year: int, *, format: str | ReportFormat | None = None
) -> Table3:
    """Table 3 of the report on ``year`` computed from a ledger (pure Python path).

    Args:
        ledger: the request register (every request ever received that may still be open).
        year: the year reported on.
        format: ``"2021"`` / ``"2019-trial"``; default: the format for ``year``.

    Returns:
        Table 3 with every cell filled (zeros, no blanks).

    Raises:
        InvalidInputError: ``year`` before 2019 without an explicit ``format`` (the 2008 format
            has no table 3).
    """
    fmt = _resolve_format(year, format)
    row_of = fmt.outcome_rows()
    kind_index = {k: i for i, k in enumerate(_KINDS)}
    n_rows = len(fmt.table3_rows)
    new = [0] * 6
    carried = [0] * 6
    forward = [0] * 6
    outcomes = [[0] * 6 for _ in range(n_rows)]
    unmapped: list[Problem] = []
    for r in ledger:
        ry = r.received.year
        if ry > year:
            continue
        closed = r.closed
        cy = closed.year if closed is not None else None
        if cy is not None and cy < year:
            continue
        k = kind_index[r.applicant_kind]
        if ry == year:
            new[k] += 1
        else:
            carried[k] += 1
        if cy == year:
            row = r.outcome.row if isinstance(r.outcome, ReplyNotice) else r.outcome
            if row is None:
                unmapped.append(_unmapped(r.id, r.outcome))
                continue
            outcomes[row_of[row]][k] += 1
        else:
            forward[k] += 1
    if unmapped:
        raise InvalidRecordsError(
            gettext("ledger (table 3 of {citation})").format(citation=fmt.citation), unmapped
        )
    return table3_from_counts(fmt, new, carried, outcomes, forward)


def _unmapped(request_id: str, notice: object) -> Problem:
    """A 2008 notice that names no row of table 3 (不予公开告知书: the reason decides the row)."""
    return Problem(
        gettext("request {id}").format(id=repr(request_id)),
        gettext(
            "a 2008 notice that names no row of table 3; record the row itself (e.g. 不予公开/属于国家秘密)"
        ),
        "outcome",
        getattr(notice, "value", notice),
    )


def table3_from_frame(frame: Any, year: int, *, format: str | ReportFormat | None = None) -> Table3:
    """Table 3 from a ledger DataFrame (vector path; the ``pandas`` extra).

    The frame has the columns of [`zwgk.requests.io.ledger_to_frame`][]: ``applicant_kind``
    and ``outcome`` as labels (or categoricals of them), ``received`` and ``closed`` as
    datetimes (``NaT`` while pending).  Same counting rules as
    [`table3_from_ledger`][zwgk.reports.table3_from_ledger].

    Args:
        frame: the ledger as a DataFrame.
        year: the year reported on.
        format: as for [`table3_from_ledger`][zwgk.reports.table3_from_ledger].

    Returns:
        Table 3.

    Raises:
        MissingExtraError: pandas is not installed.
        InvalidRecordsError: unknown labels, closed without outcome or the reverse (all listed).
    """
    np = import_extra("numpy", "pandas", N_("building table 3 from a DataFrame"))
    pd = import_extra("pandas", "pandas", N_("building table 3 from a DataFrame"))
    fmt = _resolve_format(year, format)
    kind_codes = pd.Index([k.value for k in _KINDS]).get_indexer(frame["applicant_kind"])
    # the rows of table 3, then the 2008 notices (告知书), counted in their mapped rows
    outcome_codes = pd.Index([o.value for o in Outcome] + [n.value for n in ReplyNotice]).get_indexer(
        frame["outcome"]
    )
    received = pd.to_datetime(frame["received"])
    closed = pd.to_datetime(frame["closed"])
    ry = received.dt.year.to_numpy(dtype="float64")
    cy = closed.dt.year.to_numpy(dtype="float64")
    pending = np.isnan(cy)

    has_outcome = outcome_codes >= 0
    raw_outcome_present = frame["outcome"].notna().to_numpy()
    checks = (
        (kind_codes < 0, gettext("unknown applicant kind"), "applicant_kind"),
        (raw_outcome_present & ~has_outcome, gettext("unknown outcome"), "outcome"),
        (
            pending == raw_outcome_present,
            gettext("closing date and outcome must be given together"),
            "closed",
        ),
        (np.isnan(ry), gettext("missing receipt date"), "received"),
    )
    problems = [
        Problem(gettext("row {n}").format(n=i + 2), message, field, frame[field].iloc[i])
        for mask, message, field in checks
        for i in np.flatnonzero(mask)
    ]
    if problems:
        raise InvalidRecordsError(gettext("ledger DataFrame"), problems)

    cy_filled = np.where(pending, np.inf, cy)
    in_scope = (ry <= year) & (cy_filled >= year)
    new_mask = in_scope & (ry == year)
    carried_mask = in_scope & (ry < year)
    closed_mask = in_scope & (cy_filled == year)
    forward_mask = in_scope & (cy_filled > year)
    kinds = kind_codes.astype(np.int64)

    def count(mask: Any) -> list[int]:
        return [int(x) for x in np.bincount(kinds[mask], minlength=6)]

    row_of = fmt.outcome_rows()
    notice_rows = [-1 if n.row is None else row_of[n.row] for n in ReplyNotice]
    outcome_row = np.array([row_of[o] for o in Outcome] + notice_rows, dtype=np.int64)
    unmapped = closed_mask & (outcome_row[np.maximum(outcome_codes, 0)] < 0)
    if unmapped.any():
        raise InvalidRecordsError(
            gettext("ledger DataFrame (table 3 of {citation})").format(citation=fmt.citation),
            [
                _unmapped(
                    str(frame["id"].iloc[i]) if "id" in frame.columns else gettext("row {n}").format(n=i + 2),
                    frame["outcome"].iloc[i],
                )
                for i in np.flatnonzero(unmapped)
            ],
        )
    n_rows = len(fmt.table3_rows)
    codes = outcome_row[outcome_codes[closed_mask].astype(np.int64)] * 6 + kinds[closed_mask]
    flat = np.bincount(codes, minlength=n_rows * 6)
    outcomes = [[int(x) for x in flat[i * 6 : i * 6 + 6]] for i in range(n_rows)]
    return table3_from_counts(fmt, count(new_mask), count(carried_mask), outcomes, count(forward_mask))


def build_report(
    ledger: Ledger | Iterable[DisclosureRequest],
    year: int,
    *,
    agency: str = "",
    format: str | ReportFormat | None = None,
    table2: Mapping[str, int | Decimal | None] | None = None,
    table4: Mapping[str, int | None] | None = None,
    sections: Iterable[tuple[str, str]] = (),
) -> AnnualReport:
    """Build the annual report on ``year``: table 3 from the ledger, tables 2 and 4 from counts.

    Args:
        ledger: the request register.
        year: the year reported on (2019 on; 2019–2020 use the trial format).
        agency: the reporting agency's name.
        format: override the format chosen by ``year``.
        table2: counts for table 2 keyed ``row.column`` (see ``ReportFormat.table2_keys``);
            absent cells stay blank.  ``None``: no table 2.
        table4: counts for table 4 keyed ``block.column`` (``review.upheld`` …); a missing
            block total is computed.  ``None``: no table 4.
        sections: ``(heading, text)`` pairs of the text sections.

    Returns:
        The report.

    Raises:
        UnknownNameError: an unknown table 2 or table 4 key.
        InvalidInputError: ``year`` before 2019 without an explicit ``format`` (the 2008 format
            has no table 3).
    """
    fmt = _resolve_format(year, format)
    return AnnualReport(
        agency=agency,
        year=year,
        format=fmt,
        table3=table3_from_ledger(ledger, year, format=fmt),
        table4=None if table4 is None else Table4.from_mapping(table4, fill_totals=True),
        table2=None if table2 is None else Table2.from_mapping(fmt, table2),
        sections=sections,
    )
