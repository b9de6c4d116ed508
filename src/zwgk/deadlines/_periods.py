"""Statutory periods and how their last day is found.

Three kinds of period (FACTS §1, "Counting"):

- **working days** (工作日): the n-th working day after the start day
  ([`zwgk.calendar.ChinaCalendar.add_working_days`][]);
- **calendar days** (日): start + n days; if that day is not a working day the period
  ends on the next working day (民事诉讼法第八十五条: a period whose last day is a rest day
  ends on the first day after it);
- **months** (个月): the same day n months later, clamped to the month's end
  (31 January + 1 month = 28/29 February; dateutil ``relativedelta``), then rolled forward
  the same way.

The start day is never counted (民法典第二百零一条).
"""

from __future__ import annotations

import datetime as dt
import enum
from types import MappingProxyType

import attrs

from zwgk._dates import parse_date
from zwgk._lang import N_
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.errors import InvalidInputError, InvalidTypeError

__all__ = ["Period", "PeriodUnit", "period_end", "quiet_end", "raw_end"]


class PeriodUnit(enum.StrEnum):
    """The unit a statutory period is counted in."""

    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"

    @property
    def label(self) -> str:
        """The Chinese unit as a regulation writes it (``个工作日``, ``日``, ``个月``)."""
        return _UNIT_LABELS[self.value]


_UNIT_LABELS = MappingProxyType({"working_days": "个工作日", "days": "日", "months": "个月"})


def _non_negative(instance: Period, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"Period.{attribute.name}", value, N_("a whole number"))
    if value < 0:
        raise InvalidInputError(f"Period.{attribute.name}", value, N_("a number >= 0"))


def _unit(value: object) -> PeriodUnit:
    try:
        return PeriodUnit(str(value))
    except ValueError:
        raise InvalidInputError("Period.unit", value, N_("working_days, days or months")) from None


@attrs.frozen
class Period:
    """A statutory period: ``amount`` units, with the article that sets it."""

    amount: int = attrs.field(validator=_non_negative)
    unit: PeriodUnit = attrs.field(converter=_unit)
    article: str = ""
    text: str = ""

    def render(self) -> str:
        """The period in Chinese, e.g. ``20个工作日``."""
        return f"{self.amount}{self.unit.label}"


def period_end(start: dt.date, period: Period, *, calendar: ChinaCalendar | None = None) -> dt.date:
    """The last day of ``period`` counted from ``start`` (the start day never counts).

    Working-day periods end on the ``amount``-th working day after ``start``; day and
    month periods end on the computed day, or on the next working day when that day is a
    rest day.  A period of 0 ends on ``start``.

    Raises:
        CalendarCoverageError: the period runs outside the calendar.
        InvalidTypeError: ``start`` is not a date or ``period`` not a [`Period`][zwgk.deadlines.Period].
    """
    cal = calendar or default_calendar()
    start = parse_date(start, "start", text=False)
    end = quiet_end(start, _period(period), cal)
    if end > cal.settled_until:
        cal.kernel.warn_provisional(f"period_end({start.isoformat()}, {_period(period).render()})")
    return end


def _period(period: object) -> Period:
    if not isinstance(period, Period):
        raise InvalidTypeError("period", period, N_("a zwgk.deadlines.Period"))
    return period


def quiet_end(start: dt.date, period: Period, cal: ChinaCalendar) -> dt.date:
    """Quiet core of [`period_end`][zwgk.deadlines.period_end] (callers decide about the provisional
    warning)."""
    kernel = cal.kernel
    if period.unit is PeriodUnit.WORKING_DAYS:
        return kernel.add(start, period.amount)
    if period.amount == 0:
        return start
    raw = raw_end(start, period)
    if kernel.is_working(raw):
        return raw
    return kernel.add(raw, 1)


def raw_end(start: dt.date, period: Period) -> dt.date:
    """The nominal last day before rolling forward (for explanations)."""
    if period.unit is PeriodUnit.DAYS:
        return start + dt.timedelta(days=period.amount)
    if period.unit is PeriodUnit.MONTHS:
        from dateutil.relativedelta import relativedelta  # on first use (issue 17)

        return start + relativedelta(months=period.amount)
    return start
