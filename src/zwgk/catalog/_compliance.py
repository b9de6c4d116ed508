"""Publication compliance: was each item published within its time limit, and how often?

Given a catalog and a publication log (item, formed-on date, published-on date) this module
computes each publication's due date with [`zwgk.deadlines`][], whether it was on time or
how many working days late, on-time rates per item and overall, and the longest gap between
updates (the 开福区 2013 scorecard, 表一 item 6, asks for catalog updates at least every 20
working days).

Which limit applies ([`LimitSource`][zwgk.catalog.LimitSource]) — the first part of the item's 公开时限, in
the order written, that is one of these and has no 其中 scope:

- a period (自…之日起N个工作日内 / N日 / N个月), counted from the log's ``formed_on`` date,
  which is the date of the anchor event the phrase names;
- a yearly date (每年1月31日前): the first such date on or after ``formed_on``, not rolled
  forward off a rest day (the date is fixed, as in 条例第四十九条);
- otherwise (实时, 及时, 每季度, 公示期, unrecognised or empty text, or only scoped periods)
  the statutory default: the proactive-disclosure period of the 《政府信息公开条例》 regime in
  force on ``formed_on`` ([`zwgk.deadlines.regime_for`][]; data in
  ``zwgk/deadlines/data/regimes.toml``): 20 working days from formation under 第二十六条 since
  2019-05-15, under the 2008 text's 第十八条 before.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import tomllib
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from importlib import resources
from typing import Any

import attrs

from zwgk._i18n import Message, gettext, msg
from zwgk._json_out import fields_dict, pydantic_core_schema
from zwgk._present import present
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.catalog._model import Catalog, DisclosureItem
from zwgk.catalog._timelimit import AnnualDeadline, PeriodLimit
from zwgk.deadlines import Period, PeriodUnit, period_end
from zwgk.errors import CalendarCoverageError, InvalidInputError, InvalidRecordsError, Problem

__all__ = [
    "UPDATE_GAP",
    "ComplianceReport",
    "ItemCompliance",
    "LimitSource",
    "Publication",
    "PublicationResult",
    "PublicationStatus",
    "check_compliance",
    "due_date",
]

_RATE_PLACES = Decimal("0.0001")


def _update_gap() -> int:
    """``update_gap.max_working_days`` of ``data/compliance.toml`` (开福区 2013, 表一 第6项)."""
    raw = tomllib.loads((resources.files("zwgk.catalog") / "data" / "compliance.toml").read_text("utf-8"))
    gap: int = raw["update_gap"]["max_working_days"]
    return gap


#: The longest run of working days allowed between catalog updates by default, from
#: ``data/compliance.toml`` (开福区 2013 scorecard, 表一 第6项: 至少每20个工作日要进行更新).
UPDATE_GAP = _update_gap()


class LimitSource(enum.Enum):
    """Where a due date's limit came from; the value is the Chinese label.

    ``STATUTORY_DEFAULT`` is the proactive period of the regime in force on the formation day
    (第二十六条 of the 2019 text, 第十八条 of the 2008 text); the result's ``limit`` names the article.
    """

    ITEM = "目录规定时限"
    STATUTORY_DEFAULT = "条例默认时限"


class PublicationStatus(enum.Enum):
    """Outcome of one publication; the value is the Chinese label."""

    ON_TIME = "按时公开"
    LATE = "逾期公开"
    PENDING = "尚未到期"
    OVERDUE = "逾期未公开"


@attrs.frozen
class Publication:
    """One line of a publication log.

    Attributes:
        item: the item's 序号, 二级事项 or 一级事项 (see [`Catalog.find`][zwgk.catalog.Catalog.find]).
        formed_on: the day the information was formed or changed (the anchor event).
        published_on: the day it was published; ``None`` if not yet.
        row: the log row, for messages.
    """

    item: str
    formed_on: dt.date
    published_on: dt.date | None = None
    row: int | None = attrs.field(default=None, eq=False)

    @property
    def where(self) -> str:
        """``log row N`` or the item key, for messages, in the current language."""
        return self.where_message.render()

    @property
    def where_message(self) -> Message:
        """`where` as a message, worded when read."""
        if self.row is not None:
            return msg("log row {row}", row=self.row)
        return msg("publication of {item!r}", item=self.item)


@attrs.frozen
class PublicationResult:
    """The verdict on one publication.

    ``working_days_late`` counts the working days in (due, published_on] — or up to
    ``as_of`` for an unpublished item — and ``days_late`` the calendar days; both are 0
    when on time or pending.  ``provisional`` is true when the verdict used days after the
    last published holiday notice (estimated from the statutory rules; see
    [`zwgk.errors.ProvisionalCalendarWarning`][]).
    """

    publication: Publication
    sequence: str
    item: str
    due: dt.date
    limit: str
    source: LimitSource
    status: PublicationStatus
    working_days_late: int
    days_late: int
    provisional: bool = False


@attrs.frozen
class ItemCompliance:
    """Results for one item: its publications and the longest gap between updates.

    ``longest_gap`` is the most working days between two consecutive publications of this
    item (``None`` with fewer than two); unlike the catalog-wide gap it does not run to
    ``as_of``, since many items rightly change less often.
    """

    sequence: str
    item: str
    results: tuple[PublicationResult, ...]
    on_time: int
    late: int
    overdue: int
    pending: int
    on_time_rate: Decimal | None
    longest_gap: int | None
    gap_exceeded: bool


@attrs.frozen(repr=False)
class ComplianceReport:
    """Per-item results and the totals over the catalog.

    ``on_time_rate`` is on-time publications over all that are due (on time, late and
    overdue; pending ones are left out), rounded half-up to 4 places; ``None`` when none is
    due.  ``longest_gap`` is the longest run of working days between any two consecutive
    publications of the whole catalog (and up to ``as_of``).
    """

    items: tuple[ItemCompliance, ...]
    as_of: dt.date | None
    max_gap: int | None
    on_time: int
    late: int
    overdue: int
    pending: int
    on_time_rate: Decimal | None
    longest_gap: int | None
    gap_exceeded: bool

    @property
    def ok(self) -> bool:
        """True when nothing is late or overdue and no gap exceeds ``max_gap``."""
        return not (self.late or self.overdue or self.gap_exceeded)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data (``zwgk catalog compliance --json``): its fields, in order.

        Keys: ``items`` (each ``sequence``, ``item``, ``results``, ``on_time``, ``late``,
        ``overdue``, ``pending``, ``on_time_rate``, ``longest_gap``, ``gap_exceeded``; each
        result ``publication`` {``item``, ``formed_on``, ``published_on``, ``row``},
        ``sequence``, ``item``, ``due``, ``limit``, ``source``, ``status`` (labels),
        ``working_days_late``, ``days_late``, ``provisional``), ``as_of``, ``max_gap``,
        ``on_time``, ``late``, ``overdue``, ``pending``, ``on_time_rate`` (a decimal string,
        4 places, or null), ``longest_gap``, ``gap_exceeded``.  Dates are ISO strings.
        """
        return fields_dict(self)

    @property
    def results(self) -> tuple[PublicationResult, ...]:
        """Every publication result, item by item."""
        return tuple(r for item in self.items for r in item.results)

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """One row per item: publications by status, on-time rate and longest gap."""
        text: str = present(self, "html")
        return text

    def to_xlsx(self) -> bytes:
        """Sheets 事项汇总 (items) and 发布明细 (publications) as XLSX (extra ``zwgk[xlsx]``).

        Chinese headers, the header row frozen, formula-safe text.
        """
        data: bytes = present(self, "xlsx")
        return data

    def to_frame(self) -> Any:
        """One row per publication (extra ``zwgk[pandas]``).

        Columns: ``sequence``, ``item``, ``formed_on``, ``published_on``, ``due``, ``limit``,
        ``source``, ``status``, ``working_days_late``, ``days_late``, ``provisional``; dates
        as ``datetime.date`` objects.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        return present(self, "frame")


def due_date(
    item: DisclosureItem, formed_on: dt.date, *, calendar: ChinaCalendar | None = None
) -> tuple[dt.date, LimitSource, str]:
    """The day by which information of ``item`` formed on ``formed_on`` must be published.

    Args:
        item: the catalog item whose 公开时限 applies.
        formed_on: the anchor event's date (never counted itself).
        calendar: the working-day calendar; default [`zwgk.calendar.default_calendar`][].

    Returns:
        ``(due, source, limit)``: the last day, where the limit came from, and the limit as
        canonical text.

    Raises:
        CalendarCoverageError: the period runs outside the calendar.
        InvalidInputError: the statutory default applies and ``formed_on`` is before
            2008-05-01, when the Regulations took effect.
    """
    for part in item.time_limit.parts:
        if isinstance(part, AnnualDeadline) and part.scope is None:
            return _annual_due(part, formed_on), LimitSource.ITEM, part.render()
        if isinstance(part, PeriodLimit) and part.scope is None:
            due = period_end(formed_on, Period(part.amount, part.unit), calendar=calendar)
            return due, LimitSource.ITEM, part.render()
    default = statutory_proactive_period(formed_on)
    due = period_end(formed_on, default, calendar=calendar)
    part = PeriodLimit(default.amount, PeriodUnit(default.unit), None)
    return due, LimitSource.STATUTORY_DEFAULT, f"{part.render()}({default.article})"


def statutory_proactive_period(formed_on: dt.date) -> Period:
    """The proactive-disclosure period of the 条例 regime in force on ``formed_on``, from its data.

    The regime is [`zwgk.deadlines.regime_for`][] of the formation day (2008 text before
    2019-05-15, 2019 text since), and the period its ``proactive`` record in
    ``zwgk/deadlines/data/regimes.toml``, with the article that sets it.

    Raises:
        InvalidInputError: ``formed_on`` is before 2008-05-01, when the Regulations took effect.
    """
    from zwgk.deadlines import regime_for

    period: Period = regime_for(formed_on, field="formed_on").proactive
    return period


def _annual_due(part: AnnualDeadline, formed_on: dt.date) -> dt.date:
    def on(year: int) -> dt.date:
        if part.day is None:
            following = dt.date(year + part.month // 12, part.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(year, part.month, part.day)

    due = on(formed_on.year)
    return due if due >= formed_on else on(formed_on.year + 1)


def _rate(good: int, total: int) -> Decimal | None:
    if total == 0:
        return None
    return (Decimal(good) / Decimal(total)).quantize(_RATE_PLACES, rounding=ROUND_HALF_UP)


def _longest_gap(days: Iterable[dt.date], as_of: dt.date | None, calendar: ChinaCalendar) -> int | None:
    ordered = sorted(set(days))
    if as_of is not None and ordered and ordered[-1] < as_of:
        ordered.append(as_of)
    if len(ordered) < 2:
        return None
    return max(calendar.working_days_between(a, b) for a, b in itertools.pairwise(ordered))


def _judge(
    item: DisclosureItem,
    pub: Publication,
    as_of: dt.date | None,
    calendar: ChinaCalendar,
) -> PublicationResult:
    due, source, limit = due_date(item, pub.formed_on, calendar=calendar)
    end = pub.published_on if pub.published_on is not None else as_of
    if end is None:
        raise InvalidInputError(
            "as_of",
            None,
            gettext("a review date, since {where} ({item}) is not published yet").format(
                where=pub.where, item=pub.item
            ),
        )
    if end <= due:
        status = PublicationStatus.ON_TIME if pub.published_on is not None else PublicationStatus.PENDING
        wd_late = days_late = 0
    else:
        status = PublicationStatus.LATE if pub.published_on is not None else PublicationStatus.OVERDUE
        wd_late = calendar.working_days_between(due, end)
        days_late = (end - due).days
    provisional = max(due, end) > calendar.coverage().last
    return PublicationResult(
        pub, item.sequence, item.name, due, limit, source, status, wd_late, days_late, provisional
    )


def find_logged_item(
    catalog: Catalog, name: str, location: str
) -> tuple[DisclosureItem | None, Problem | None]:
    """The one catalog item a log entry names, or a [`Problem`][zwgk.errors.Problem] saying why there is none.

    Args:
        catalog: the catalog.
        name: the log's item cell (序号, 二级事项 or 一级事项).
        location: where the entry is, for the problem.

    Returns:
        ``(item, None)`` or ``(None, problem)``.
    """
    found = catalog.find_all(name)
    if len(found) == 1:
        return found[0], None
    rows = ", ".join(i.where for i in found)
    message = (
        gettext("ambiguous catalog item: {rows}").format(rows=rows)
        if found
        else gettext("no such catalog item")
    )
    expected = gettext(
        "a sequence number or item name (一级事项 or 二级事项) naming exactly one item of the catalog"
    )
    return None, Problem(location, message, field="item", value=name, expected=expected)


def log_date_problems(
    formed_on: dt.date | None,
    published_on: dt.date | None,
    calendar: ChinaCalendar,
    where: Callable[[str], str],
) -> list[Problem]:
    """Problems of a log entry's dates: outside the calendar's range, or published before formed.

    Args:
        formed_on: the formed-on date (``None``: missing or unreadable, not checked).
        published_on: the published-on date (``None``: not published or unreadable).
        calendar: the calendar whose range ([`ChinaCalendar.coverage`][zwgk.calendar.ChinaCalendar.coverage]:
            ``first`` to ``estimated_until``) the dates must lie in.
        where: the location of a field (``formed_on`` or ``published_on``) for messages.

    Returns:
        The problems, in column order; empty when the dates are fine.
    """
    coverage = calendar.coverage()
    problems: list[Problem] = []
    for field, day in (("formed_on", formed_on), ("published_on", published_on)):
        if day is not None and not coverage.first <= day <= coverage.estimated_until:
            problems.append(
                Problem(
                    where(field),
                    gettext("date outside the calendar"),
                    field=field,
                    value=day.isoformat(),
                    expected=gettext("a date from {first} to {last} (the calendar's range)").format(
                        first=coverage.first.isoformat(), last=coverage.estimated_until.isoformat()
                    ),
                )
            )
    if formed_on is not None and published_on is not None and published_on < formed_on:
        problems.append(
            Problem(
                where("published_on"),
                gettext("published before it was formed"),
                field="published_on",
                value=published_on.isoformat(),
                expected=gettext("on or after formed_on {day}").format(day=formed_on.isoformat()),
            )
        )
    return problems


def _same(where: str, _field: str) -> str:
    return where


def check_compliance(
    catalog: Catalog,
    log: Sequence[Publication],
    *,
    as_of: dt.date | None = None,
    max_gap: int | None = UPDATE_GAP,
    calendar: ChinaCalendar | None = None,
) -> ComplianceReport:
    """Judge every publication in ``log`` against ``catalog``'s time limits.

    Args:
        catalog: the catalog whose items the log names.
        log: the publications.
        as_of: the day of the review: unpublished entries due before it are overdue, and
            gaps run up to it.  Required when any entry has no ``published_on``.
        max_gap: the longest allowed run of working days between updates (default
            `UPDATE_GAP`, the 开福区 2013 scorecard's rule read from
            ``data/compliance.toml``); ``None`` to skip the gap check.
        calendar: the working-day calendar; default [`zwgk.calendar.default_calendar`][].

    Returns:
        The report, items in catalog order (items without publications left out).

    Raises:
        InvalidRecordsError: log entries name no catalog item (or several), were published
            before they were formed, have dates outside the calendar's range, or a due date
            beyond it; every problem of every entry is listed in this one error.
        InvalidInputError: an entry is unpublished and ``as_of`` is not given.
    """
    cal = calendar if calendar is not None else default_calendar()
    problems: list[Problem] = []
    judged: dict[int, list[PublicationResult]] = {}
    index = {id(item): n for n, item in enumerate(catalog.items)}
    for pub in log:
        where = pub.where
        found, problem = find_logged_item(catalog, pub.item, where)
        row_problems = [p for p in (problem,) if p is not None]
        row_problems += log_date_problems(
            pub.formed_on, pub.published_on, cal, functools.partial(_same, where)
        )
        problems += row_problems
        if found is None or row_problems:
            continue
        try:
            judged.setdefault(index[id(found)], []).append(_judge(found, pub, as_of, cal))
        except InvalidInputError as exc:
            if exc.field != "formed_on":  # only "formed before the Regulations" is a row problem
                raise
            problems.append(
                Problem(
                    where,
                    gettext("formed before the Regulations took effect"),
                    field="formed_on",
                    value=pub.formed_on.isoformat(),
                    expected=exc.expected,
                )
            )
        except CalendarCoverageError as exc:
            problems.append(
                Problem(
                    where,
                    gettext("the due date falls outside the calendar"),
                    field="formed_on",
                    value=pub.formed_on.isoformat(),
                    expected=gettext("a date whose limit ends by {last} (the calendar's range)").format(
                        last=exc.last.isoformat()
                    ),
                )
            )
    if problems:
        raise InvalidRecordsError(gettext("publication log"), problems)
    items = [_summarise(catalog.items[n], tuple(judged[n]), max_gap, cal) for n in sorted(judged)]
    all_results = [r for i in items for r in i.results]
    gap = _longest_gap((p.published_on for p in log if p.published_on is not None), as_of, cal)
    return ComplianceReport(tuple(items), as_of, max_gap, *_tally(all_results, gap, max_gap))


_Tally = tuple[int, int, int, int, Decimal | None, int | None, bool]


def _tally(results: Sequence[PublicationResult], gap: int | None, max_gap: int | None) -> _Tally:
    """on_time, late, overdue, pending, on-time rate, longest gap, gap exceeded."""
    count = {s: sum(r.status is s for r in results) for s in PublicationStatus}
    on_time, late, overdue = (count[s] for s in (PublicationStatus.ON_TIME, PublicationStatus.LATE,
                                                 PublicationStatus.OVERDUE))  # fmt: skip
    rate = _rate(on_time, on_time + late + overdue)
    exceeded = max_gap is not None and gap is not None and gap > max_gap
    return on_time, late, overdue, count[PublicationStatus.PENDING], rate, gap, exceeded


def _summarise(
    item: DisclosureItem,
    results: tuple[PublicationResult, ...],
    max_gap: int | None,
    cal: ChinaCalendar,
) -> ItemCompliance:
    published = (r.publication.published_on for r in results if r.publication.published_on is not None)
    gap = _longest_gap(published, None, cal)
    return ItemCompliance(item.sequence, item.name, results, *_tally(results, gap, max_gap))
