"""Reading due-rule phrases and counting due dates on the official calendar.

Phrases are read with the catalog's time-limit parser ([`zwgk.catalog.parse_time_limit`][]);
this module only maps what it recognises to plan rules and counts.

Counting semantics (documented in ``docs/explanation/plans-counting.md``):

- ``within`` (``10个工作日``, ``5日``, ``1个月``) after a task runs from that task's completion
  day if it is done, else from its due date; the start day is not counted, and the end is
  [`zwgk.deadlines.period_end`][]: a working-day period ends on the N-th working day
  after the start; a day or month period ending on a rest day ends on the next working day.
- A calendar cadence (每周, 每月, 每季度, 每半年, 每年) makes one occurrence per calendar period
  (ISO week Monday–Sunday, month, quarter Jan–Mar …, half-year, year) from the period that
  contains ``start``; the phrase names no day, so the literal reading is "once in the
  period": due on the period's **last day**.  每月N日前 is due on day N of each month (the
  month's last day when it has fewer days).  每年M月D日前 is due on that date each year.
  With ``roll_forward`` (the default) a due date on a rest day moves to the next working
  day, as [`period_end`][zwgk.deadlines.period_end] treats day and month periods.
- 每N个工作日 is due on the N-th working day after ``start``, then every N working days
  after the previous due date (start days not counted); these are working days already.
- An occurrence's period runs from the day after the previous occurrence's nominal due day
  (for the first occurrence: ``start``) to its own due day.  For 每月/每季度/… this is the
  calendar period itself; for 每月10日前 it is the 11th of one month to the 10th of the
  next; an occurrence whose nominal day is before ``start`` is skipped (每月10日前 from the
  11th begins with next month's).
"""

from __future__ import annotations

import calendar as _pycalendar
import datetime as dt
import re
import warnings
from collections.abc import Iterator
from types import MappingProxyType

import attrs

from zwgk._i18n import N_, gettext, msg
from zwgk.calendar import ChinaCalendar
from zwgk.catalog import AnnualDeadline, Frequency, PeriodicLimit, PeriodLimit, parse_time_limit
from zwgk.deadlines import Period
from zwgk.errors import PlanRuleError, UnparsedTimeLimitWarning
from zwgk.plans._model import Cadence, Recurrence

__all__ = ["Occurrence", "occurrences", "parse_every", "parse_within"]

_EVERY_WORKING_DAYS = re.compile(r"^每\s*(\d+)\s*个?\s*工作日$")

_CADENCES = MappingProxyType(
    {
        Frequency.WEEKLY: Cadence.WEEKLY,
        Frequency.MONTHLY: Cadence.MONTHLY,
        Frequency.QUARTERLY: Cadence.QUARTERLY,
        Frequency.HALF_YEARLY: Cadence.HALF_YEARLY,
        Frequency.YEARLY: Cadence.YEARLY,
    }
)

_EVERY_EXPECTED = N_("a recurrence such as {examples}")
_EVERY_EXAMPLES = "每月, 每季度, 每半年, 每年, 每周, 每月10日前, 每年1月31日前, 每20个工作日"
_WITHIN_EXPECTED = N_("a period such as {examples}")
_WITHIN_EXAMPLES = "10个工作日, 15日, 1个月"


def _every_expected() -> str:
    return gettext(_EVERY_EXPECTED).format(examples=_EVERY_EXAMPLES)


def _parts(text: str) -> tuple[object, ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnparsedTimeLimitWarning)
        return parse_time_limit(text).parts


def parse_within(text: str, *, plan: str = "", task: str = "") -> Period:
    """A ``within`` phrase as a [`Period`][zwgk.deadlines.Period] (``10个工作日`` → 10 working days).

    Raises:
        PlanRuleError: the phrase is not one period.
    """
    parts = _parts(text)
    if len(parts) == 1 and isinstance(parts[0], PeriodLimit):
        p = parts[0]
        return Period(p.amount, p.unit, text=text)
    raise PlanRuleError(
        plan, task, "within", text, gettext(_WITHIN_EXPECTED).format(examples=_WITHIN_EXAMPLES)
    )


def parse_every(
    text: str, start: dt.date, end: dt.date | None = None, *, plan: str = "", task: str = ""
) -> Recurrence:
    """An ``every`` phrase as a [`Recurrence`][zwgk.plans.Recurrence] from ``start`` to ``end``.

    Raises:
        PlanRuleError: the phrase is not a recurrence, or ``end`` is before ``start``.
    """
    if end is not None and end < start:
        raise PlanRuleError(
            plan, task, "end", end, msg("a day on or after start {start}", start=start).render()
        )
    stripped = text.strip()
    match = _EVERY_WORKING_DAYS.match(stripped)
    if match is not None:
        # The catalog parser reads the period after 每 (每20个工作日 → 20个工作日).
        period = parse_within(stripped[1:], plan=plan, task=task)
        if period.amount == int(match.group(1)) and period.amount > 0:
            return Recurrence(text, Cadence.WORKING_DAYS, start, end, amount=period.amount)
    parts = _parts(stripped)
    if len(parts) == 1:
        part = parts[0]
        if isinstance(part, PeriodicLimit) and part.scope is None:
            if part.day is not None and part.frequency is not Frequency.MONTHLY:
                raise PlanRuleError(plan, task, "every", text, _every_expected())
            return Recurrence(text, _CADENCES[part.frequency], start, end, day=part.day)
        if isinstance(part, AnnualDeadline) and part.scope is None:
            return Recurrence(text, Cadence.ANNUAL_DATE, start, end, day=part.day, month=part.month)
    raise PlanRuleError(plan, task, "every", text, _every_expected())


@attrs.frozen
class Occurrence:
    """One occurrence of a recurring task: its ``label`` (``2025Q1``, ``2025-03``, ``2025``,
    ``2025-W07``, ``#3``), the first day of its period, the nominal due day the phrase
    gives and the ``due`` day after rolling forward (equal when not rolled)."""

    label: str
    period_start: dt.date
    nominal: dt.date
    due: dt.date


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _pycalendar.monthrange(year, month)[1])


def _calendar_periods(rec: Recurrence) -> Iterator[tuple[str, dt.date, dt.date]]:
    """``(label, first day, nominal due)`` of each calendar period from the one holding ``start``."""
    y, m = rec.start.year, rec.start.month
    if rec.cadence is Cadence.WEEKLY:
        monday = rec.start - dt.timedelta(days=rec.start.weekday())
        while True:
            iso = monday.isocalendar()
            yield f"{iso.year}-W{iso.week:02d}", monday, monday + dt.timedelta(days=6)
            monday += dt.timedelta(days=7)
    if rec.cadence is Cadence.ANNUAL_DATE:
        assert rec.month is not None
        year = y
        while True:
            last = _month_end(year, rec.month)
            day = last if rec.day is None else last.replace(day=min(rec.day, last.day))
            yield str(year), dt.date(year, 1, 1), day
            year += 1
    step = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}[rec.cadence]
    m = (m - 1) // step * step + 1
    while True:
        first = dt.date(y, m, 1)
        end_month = m + step - 1
        last = _month_end(y, end_month)
        if rec.cadence is Cadence.MONTHLY:
            label = f"{y}-{m:02d}"
            if rec.day is not None:
                last = last.replace(day=min(rec.day, last.day))
        elif rec.cadence is Cadence.QUARTERLY:
            label = f"{y}Q{(m - 1) // 3 + 1}"
        elif rec.cadence is Cadence.HALF_YEARLY:
            label = f"{y}H{(m - 1) // 6 + 1}"
        else:
            label = str(y)
        yield label, first, last
        m += step
        if m > 12:
            y, m = y + 1, m - 12


def occurrences(
    rec: Recurrence, until: dt.date, calendar: ChinaCalendar, *, roll_forward: bool = True
) -> tuple[Occurrence, ...]:
    """The occurrences of ``rec`` whose period starts on or before ``until`` (and ``rec.end``).

    See the module docstring for the counting rules.

    Raises:
        CalendarCoverageError: a due day lies beyond the calendar.
    """
    last_start = until if rec.end is None else min(until, rec.end)
    out: list[Occurrence] = []
    if rec.cadence is Cadence.WORKING_DAYS:
        assert rec.amount is not None
        first, k, base = rec.start, 1, rec.start
        while first <= last_start:
            due = calendar.add_working_days(base, rec.amount)
            out.append(Occurrence(f"#{k}", first, due, due))
            first, base, k = due + dt.timedelta(days=1), due, k + 1
        return tuple(out)
    previous: dt.date | None = None
    for label, first, nominal in _calendar_periods(rec):
        if nominal < rec.start:  # e.g. 每月10日前 from the 11th: this month's is already past
            previous = nominal
            continue
        start = max(rec.start, first if previous is None else previous + dt.timedelta(days=1))
        if start > last_start:
            break
        due = calendar.roll_forward(nominal) if roll_forward else nominal
        out.append(Occurrence(label, start, nominal, due))
        previous = nominal
    return tuple(out)
