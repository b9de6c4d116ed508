"""How ledgers and fee results show themselves: the package's one presentation module.

Values reach it only through `zwgk._present.present`, which calls `present`
here; no value module imports it.  HTML is a plain string with every text value escaped,
and pandas is imported only when a DataFrame is asked for (extra ``zwgk[pandas]``).  The
DataFrame of a ledger is [`zwgk.requests.io.ledger_to_frame`][] (imported on first use, so
that importing [`zwgk.requests`][] does not import pydantic).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

from zwgk._display import HTML_ROWS as SHARED_HTML_ROWS
from zwgk._display import Presenters, html_table, present_by_type, records_frame
from zwgk._i18n import N_, gettext, msg
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.requests._fees import RequestFee, VolumeFee
from zwgk.requests._request import Ledger

__all__ = [
    "FEE_COLUMNS",
    "HTML_ROWS",
    "LATENESS_HEADERS",
    "STEP_COLUMNS",
    "lateness_xlsx",
    "ledger_frame",
    "ledger_html",
    "ledger_repr",
    "present",
    "request_fees_to_frame",
    "volume_fee_html",
    "volume_fee_repr",
    "volume_fee_to_frame",
]

#: Chinese headers of `lateness_xlsx` (sheet 答复时限).
LATENESS_HEADERS = (
    "编号",
    "申请人类型",
    "收到日期",
    "答复期限",
    "办结日期",
    "办理结果",
    "逾期工作日",
    "状态",
)


def lateness_xlsx(ledger: Ledger) -> bytes:
    """Every request of ``ledger`` against its reply deadline, as an XLSX workbook (sheet
    答复时限; the ``xlsx`` extra): received, due (第三十三条, with the recorded events), closed,
    working days late (0 on time, blank while open) and 按时 / 逾期 / 办理中.  Applicants'
    names are left out."""
    rows = []
    for request in ledger:
        deadline = request.deadline()
        late = deadline.working_days_late
        status = "办理中" if request.closed is None else ("逾期" if late else "按时")
        rows.append(
            (
                request.id,
                request.applicant_kind.value,
                request.received,
                deadline.due,
                request.closed,
                "" if request.outcome is None else request.outcome.value,
                late,
                status,
            )
        )
    return workbook_bytes([Sheet("答复时限", LATENESS_HEADERS, rows)])


#: Requests shown by the HTML display of a ledger (the rest are counted, not shown).
HTML_ROWS = SHARED_HTML_ROWS
#: Columns of `volume_fee_to_frame`.
STEP_COLUMNS = ("tier", "quantity", "price", "amount")
#: Columns of `request_fees_to_frame`.
FEE_COLUMNS = ("request_id", "received", "ordinal", "tier", "price", "amount", "cumulative")


def ledger_repr(ledger: Ledger) -> str:
    """One line: number of requests, the receipt span and how many are pending."""
    if not ledger.requests:
        return gettext("<Ledger: 0 requests>")
    return msg(
        "<Ledger: {n} requests received {first} … {last}, {pending} pending>",
        n=len(ledger.requests),
        first=min(r.received for r in ledger.requests),
        last=max(r.received for r in ledger.requests),
        pending=sum(r.pending for r in ledger.requests),
    ).render()


_LEDGER_HEADERS = (
    N_("id"),
    N_("applicant"),
    N_("kind"),
    N_("received"),
    N_("channel"),
    N_("outcome"),
    N_("closed"),
)


def ledger_html(ledger: Ledger, *, rows: int = HTML_ROWS) -> str:
    """An HTML table of the first ``rows`` requests (id, applicant, kind, dates, channel, outcome)."""
    return html_table(
        [gettext(h) for h in _LEDGER_HEADERS],
        [
            [
                r.id,
                r.applicant,
                r.applicant_kind.value,
                r.received.isoformat(),
                r.channel.value,
                "" if r.outcome is None else r.outcome.value,
                "" if r.closed is None else r.closed.isoformat(),
            ]
            for r in ledger.requests
        ],
        css_class="zwgk-ledger",
        heading=ledger_repr(ledger),
        noun=gettext("requests"),
        limit=rows,
    )


# ----------------------------------------------------------------------------- fees


def volume_fee_repr(fee: VolumeFee) -> str:
    """One line: pages, total and the arithmetic."""
    return msg(
        "<VolumeFee {pages} pages: ¥{total} ({explain})>",
        pages=fee.pages,
        total=fee.total,
        explain=fee.explain(),
    ).render()


def volume_fee_html(fee: VolumeFee) -> str:
    """An HTML table of the arithmetic: one row per tier touched, then the total."""
    body = "".join(
        f"<tr><td>{html.escape(s.tier.label)}</td><td>{s.quantity}</td><td>¥{s.price}</td>"
        f"<td>¥{s.amount}</td></tr>"
        for s in fee.steps
    )
    head = msg("{pages} pages: <b>¥{total}</b>", pages=fee.pages, total=fee.total).render()
    names = (N_("pages (tier)"), N_("quantity"), N_("price"), N_("amount"))
    header = "".join(f"<th>{html.escape(gettext(n))}</th>" for n in names)
    return (
        f"<div class='zwgk-fee'><p>{head}</p>"
        f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def volume_fee_to_frame(fee: VolumeFee) -> Any:
    """One row per tier touched: ``tier`` (e.g. ``31–100``), ``quantity``, ``price``, ``amount``.

    Money stays exact `Decimal` (``object`` dtype).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {"tier": s.tier.label, "quantity": s.quantity, "price": s.price, "amount": s.amount}
            for s in fee.steps
        ],
        STEP_COLUMNS,
    )


def request_fees_to_frame(fees: Iterable[RequestFee]) -> Any:
    """One row per request of [`monthly_request_fees`][zwgk.requests.monthly_request_fees] (the ``pandas``
    extra).

    Columns: ``request_id``, ``received``, ``ordinal`` (place in the month), ``tier``,
    ``price``, ``amount`` and ``cumulative`` (the month's running total); money as
    `Decimal`.

    Args:
        fees: the per-request fees.

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "request_id": f.request_id,
                "received": f.received,
                "ordinal": f.ordinal,
                "tier": f.step.tier.label,
                "price": f.step.price,
                "amount": f.amount,
                "cumulative": f.cumulative,
            }
            for f in fees
        ],
        FEE_COLUMNS,
    )


def ledger_frame(ledger: Ledger) -> Any:
    """The ledger as a DataFrame: [`zwgk.requests.io.ledger_to_frame`][], imported here on first use."""
    from zwgk.requests.io import ledger_to_frame

    return ledger_to_frame(ledger)


# ----------------------------------------------------------------------------- the hook

_PRESENTERS: Presenters = MappingProxyType(
    {
        (Ledger, "repr"): ledger_repr,
        (Ledger, "html"): ledger_html,
        (Ledger, "frame"): ledger_frame,
        (VolumeFee, "repr"): volume_fee_repr,
        (VolumeFee, "html"): volume_fee_html,
        (VolumeFee, "frame"): volume_fee_to_frame,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a request value as ``what`` (``"repr"``, ``"html"`` or ``"frame"``); see `zwgk._present`.

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
