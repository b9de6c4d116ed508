"""How catalogs, catalog checks and compliance reports show themselves: the package's one
presentation module.

Values reach it only through `zwgk._present.present`, which calls `present`
here; no value module imports it.  HTML is a plain string with every text value escaped,
and pandas is imported only when a DataFrame is asked for (extra ``zwgk[pandas]``).  The
DataFrame of a catalog is [`zwgk.catalog.io.catalog_to_dataframe`][].
"""

from __future__ import annotations

import html
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from zwgk._display import HTML_ROWS as SHARED_HTML_ROWS
from zwgk._display import Presenters, html_table, present_by_type, records_frame
from zwgk._i18n import N_, Language, Message, gettext, msg, msg_n, resolve
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.catalog._checks import CheckReport
from zwgk.catalog._compliance import ComplianceReport, ItemCompliance
from zwgk.catalog._export import catalog_to_dataframe
from zwgk.catalog._model import Catalog
from zwgk.catalog._texts import working_days

__all__ = [
    "COMPLIANCE_COLUMNS",
    "COMPLIANCE_HEADERS",
    "COMPLIANCE_ITEM_HEADERS",
    "FINDING_COLUMNS",
    "FINDING_HEADERS",
    "HTML_ROWS",
    "catalog_html",
    "catalog_repr",
    "check_report_html",
    "check_report_repr",
    "check_report_xlsx",
    "compliance_html",
    "compliance_repr",
    "compliance_to_dataframe",
    "compliance_xlsx",
    "findings_to_frame",
    "present",
]

#: Rows shown by the HTML display of a catalog (the rest are counted, not shown).
HTML_ROWS = SHARED_HTML_ROWS
#: Columns of `findings_to_frame`.
FINDING_COLUMNS = ("location", "sequence", "item", "code", "label", "message")
#: Columns of `compliance_to_dataframe`.
COMPLIANCE_COLUMNS = (
    "sequence",
    "item",
    "formed_on",
    "published_on",
    "due",
    "limit",
    "source",
    "status",
    "working_days_late",
    "days_late",
    "provisional",
)


def _rate(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{(rate * 100).normalize():f}%"


# ----------------------------------------------------------------------------- catalog


def catalog_repr(catalog: Catalog) -> str:
    """One line: title, item count and source, in the current language."""
    n = len(catalog.items)
    items = msg_n("{n} item", "{n} items", "n", n=n)
    if catalog.source:
        items = msg("{items} from {source}", items=items, source=catalog.source)
    if catalog.title:
        return msg("<Catalog {title}: {items}>", title=catalog.title, items=items).render()
    return msg("<Catalog: {items}>", items=items).render()


def catalog_html(catalog: Catalog, *, rows: int = HTML_ROWS, lang: Language | None = None) -> str:
    """An HTML table of the first ``rows`` items: 序号, 公开事项, 公开时限, 公开主体, 公开方式
    (headers in ``lang``; the cells are the catalog's own text)."""
    lang = resolve(lang)
    n = len(catalog.items)
    heading = msg(
        "{title}: {items}",
        title=catalog.title or gettext("catalog", lang),
        items=msg_n("{n} item", "{n} items", "n", n=n),
    )
    return html_table(
        [gettext(h, lang) for h in _CATALOG_COLUMNS],
        [
            [str(i.sequence), i.name, i.time_limit.text, i.body, "、".join(m.value for m in i.modes)]
            for i in catalog.items
        ],
        css_class="zwgk-catalog",
        heading=heading.render(lang),
        noun=gettext("items", lang),
        limit=rows,
    )


_CATALOG_COLUMNS = (N_("No."), N_("disclosure item"), N_("time limit"), N_("disclosing body"), N_("mode"))


# ----------------------------------------------------------------------------- checks


def check_report_repr(report: CheckReport) -> str:
    """One line: items checked, findings and their count per code (by code name), in the current
    language."""
    items = msg_n("{n} item", "{n} items", "n", n=report.items_checked)
    if report.ok:
        return msg("<CheckReport ok: {items}, no findings>", items=items).render()
    counts = ", ".join(f"{code.name} {len(found)}" for code, found in report.by_code().items())
    return msg(
        "<CheckReport {items}, {findings}: {counts}>",
        items=items,
        findings=msg_n("{n} finding", "{n} findings", "n", n=len(report.findings)),
        counts=counts,
    ).render()


def check_report_html(report: CheckReport, lang: Language | None = None) -> str:
    """An HTML table of the findings, one row each, in row order, in ``lang``."""
    lang = resolve(lang)
    esc = html.escape
    checked = _bold(msg_n("{n} item checked", "{n} items checked", "n", n=report.items_checked), lang)
    n = len(report.findings)
    found = (
        esc(gettext("no findings", lang))
        if report.ok
        else _bold(msg_n("{n} finding", "{n} findings", "n", n=n), lang)
    )
    head = f"<p>{msg('{checked} — {found}', checked=checked, found=found).render(lang)}</p>"
    if report.ok:
        return f"<div class='zwgk-check'>{head}</div>"
    body = "".join(
        f"<tr><td>{esc(f.location_in(lang))}</td><td>{esc(f.sequence)}</td><td>{esc(f.item)}</td>"
        f"<td>{esc(f.label_in(lang))}</td><td>{esc(f.message_in(lang))}</td></tr>"
        for f in report.findings
    )
    headers = "".join(f"<th>{esc(gettext(h, lang))}</th>" for h in _FINDING_HTML_COLUMNS)
    return (
        f"<div class='zwgk-check'>{head}<table><thead><tr>{headers}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>"
    )


def _bold(count: Message, lang: Language) -> str:
    """A worded count as HTML, its number in bold: ``<b>3</b> items checked``."""
    number = str(dict(count.args)["n"])
    return html.escape(count.render(lang)).replace(number, f"<b>{number}</b>", 1)


_FINDING_HTML_COLUMNS = (N_("location"), N_("No."), N_("disclosure item"), N_("finding"), N_("message"))


def findings_to_frame(report: CheckReport) -> Any:
    """One row per finding (needs the ``pandas`` extra).

    Columns: ``location``, ``sequence``, ``item``, ``code`` (the [`FindingCode`][zwgk.catalog.FindingCode]
    name), ``label`` (its Chinese label) and ``message`` (location and message in the current
    language).

    Args:
        report: the report of [`check_catalog`][zwgk.catalog.check_catalog].

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "location": f.location,
                "sequence": f.sequence,
                "item": f.item,
                "code": f.code.name,
                "label": f.code.value,
                "message": f.message,
            }
            for f in report.findings
        ],
        FINDING_COLUMNS,
    )


# ----------------------------------------------------------------------------- compliance


def _tally(report: ComplianceReport | ItemCompliance) -> Message:
    return msg(
        "{on_time} on time, {late} late, {overdue} overdue, {pending} pending",
        on_time=report.on_time,
        late=report.late,
        overdue=report.overdue,
        pending=report.pending,
    )


def compliance_repr(report: ComplianceReport) -> str:
    """One line: items, on-time rate and the counts by status, in the current language."""
    parts = msg(
        "{items}, on time {rate} ({tally})",
        items=msg_n("{n} item", "{n} items", "n", n=len(report.items)),
        rate=_rate(report.on_time_rate),
        tally=_tally(report),
    )
    if report.longest_gap is not None:
        parts = msg("{text}, longest gap {gap}", text=parts, gap=working_days(report.longest_gap))
        if report.gap_exceeded:
            parts = msg("{text} (exceeds limit)", text=parts)
    if report.as_of is not None:
        return msg("<ComplianceReport as of {day}: {text}>", day=report.as_of, text=parts).render()
    return msg("<ComplianceReport: {text}>", text=parts).render()


def compliance_html(report: ComplianceReport, lang: Language | None = None) -> str:
    """An HTML table with one row per item: publications by status, on-time rate, longest gap
    (in ``lang``)."""
    lang = resolve(lang)
    esc = html.escape
    body = "".join(
        f"<tr><td>{esc(i.sequence)}</td><td>{esc(i.item)}</td><td>{len(i.results)}</td><td>{i.on_time}</td>"
        f"<td>{i.late}</td><td>{i.overdue}</td><td>{i.pending}</td><td>{_rate(i.on_time_rate)}</td>"
        f"<td>{'' if i.longest_gap is None else i.longest_gap}{' ⚠' if i.gap_exceeded else ''}</td></tr>"
        for i in report.items
    )
    summary = msg("on time {rate} — {tally}", rate=_rate(report.on_time_rate), tally=_tally(report))
    if report.longest_gap is not None:
        summary = msg("{text}; longest gap {gap}", text=summary, gap=working_days(report.longest_gap))
    if report.max_gap is not None:
        summary = msg("{text} (limit {limit})", text=summary, limit=report.max_gap)
    if report.as_of is not None:
        line = msg("Compliance as of {day}: {text}", day=report.as_of, text=summary)
    else:
        line = msg("Compliance: {text}", text=summary)
    headers = "".join(f"<th>{esc(gettext(h, lang))}</th>" for h in _COMPLIANCE_HTML_COLUMNS)
    return (
        f"<div class='zwgk-compliance'><p>{esc(line.render(lang))}</p>"
        f"<table><thead><tr>{headers}</tr></thead><tbody>{body}</tbody></table></div>"
    )


_COMPLIANCE_HTML_COLUMNS = (
    N_("No."),
    N_("disclosure item"),
    N_("publications"),
    N_("on time"),
    N_("late"),
    N_("overdue, not published"),
    N_("pending"),
    N_("on-time rate"),
    N_("longest gap"),
)


def compliance_to_dataframe(report: ComplianceReport) -> Any:
    """One row per publication (needs the ``pandas`` extra); columns `COMPLIANCE_COLUMNS`.

    Args:
        report: the report of [`check_compliance`][zwgk.catalog.check_compliance].

    Returns:
        The DataFrame (dates as ``datetime.date`` objects).

    Raises:
        MissingExtraError: pandas is not installed.
    """
    return records_frame(
        [
            {
                "sequence": r.sequence,
                "item": r.item,
                "formed_on": r.publication.formed_on,
                "published_on": r.publication.published_on,
                "due": r.due,
                "limit": r.limit,
                "source": r.source.value,
                "status": r.status.value,
                "working_days_late": r.working_days_late,
                "days_late": r.days_late,
                "provisional": r.provisional,
            }
            for r in report.results
        ],
        COMPLIANCE_COLUMNS,
    )


# ----------------------------------------------------------------------------- official files

#: Chinese headers of the findings sheet (`check_report_xlsx`).
FINDING_HEADERS = ("位置", "序号", "公开事项", "问题类型", "说明")
#: Chinese headers of the compliance sheets (`compliance_xlsx`).
COMPLIANCE_ITEM_HEADERS = (
    "序号",
    "公开事项",
    "发布次数",
    "按时",
    "逾期发布",
    "逾期未发布",
    "未到期",
    "按时率",
    "最长间隔（工作日）",
)
COMPLIANCE_HEADERS = (
    "序号",
    "公开事项",
    "信息形成日期",
    "发布日期",
    "应发布日期",
    "公开时限",
    "时限来源",
    "状态",
    "逾期工作日",
    "逾期自然日",
    "含预估日期",
)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


def check_report_xlsx(report: CheckReport) -> bytes:
    """The findings of [`check_catalog`][zwgk.catalog.check_catalog] as an XLSX workbook (sheet 检查问题;
    the ``xlsx`` extra): one row per finding, Chinese headers, the header row frozen.

    An official file: its cells are Chinese whatever the current language (第10行, 缺少公开依据,
    the message as a Chinese reader reads it)."""
    rows = [
        (f.location_in("zh"), f.sequence, f.item, f.code.value, f.message_in("zh")) for f in report.findings
    ]
    return workbook_bytes([Sheet("检查问题", FINDING_HEADERS, rows)])


def compliance_xlsx(report: ComplianceReport) -> bytes:
    """A compliance report as an XLSX workbook (the ``xlsx`` extra): sheet 事项汇总 (one row per
    item: publications by status, on-time rate as a percentage text, longest gap) and sheet
    发布明细 (one row per publication, dates as dates)."""
    items = [
        (
            i.sequence,
            i.item,
            len(i.results),
            i.on_time,
            i.late,
            i.overdue,
            i.pending,
            _rate(i.on_time_rate),
            i.longest_gap,
        )
        for i in report.items
    ]
    results = [
        (
            r.sequence,
            r.item,
            r.publication.formed_on,
            r.publication.published_on,
            r.due,
            r.limit,
            r.source.value,
            r.status.value,
            r.working_days_late,
            r.days_late,
            _yes(r.provisional),
        )
        for r in report.results
    ]
    return workbook_bytes(
        [Sheet("事项汇总", COMPLIANCE_ITEM_HEADERS, items), Sheet("发布明细", COMPLIANCE_HEADERS, results)]
    )


# ----------------------------------------------------------------------------- the hook

_PRESENTERS: Presenters = MappingProxyType(
    {
        (Catalog, "repr"): catalog_repr,
        (Catalog, "html"): catalog_html,
        (Catalog, "frame"): catalog_to_dataframe,
        (CheckReport, "repr"): check_report_repr,
        (CheckReport, "html"): check_report_html,
        (CheckReport, "frame"): findings_to_frame,
        (CheckReport, "xlsx"): check_report_xlsx,
        (ComplianceReport, "repr"): compliance_repr,
        (ComplianceReport, "html"): compliance_html,
        (ComplianceReport, "frame"): compliance_to_dataframe,
        (ComplianceReport, "xlsx"): compliance_xlsx,
    }
)


def present(value: object, what: str, /, **options: Any) -> Any:
    """Show a catalog value as ``what`` (``"repr"``, ``"html"`` or ``"frame"``); see `zwgk._present`.

    Raises:
        UnknownNameError: ``value`` has no presentation ``what``.
    """
    return present_by_type(_PRESENTERS, value, what, options)
