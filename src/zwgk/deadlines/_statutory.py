"""Single-period statutory deadlines, each with its explanation.

- [`proactive_deadline`][zwgk.deadlines.proactive_deadline] — the proactive period from formation or change of
  the information (20 working days, 条例第二十六条; 2008: 第十八条);
- [`annual_report_due`][zwgk.deadlines.annual_report_due] — 31 January (departments) / 31 March (governments)
  of the next year (条例第四十九条; 2008: 31 March for all, 第三十一条);
- [`review_deadline`][zwgk.deadlines.review_deadline] — 60 days to apply for administrative review
  (行政复议法第二十条);
- [`litigation_deadline`][zwgk.deadlines.litigation_deadline] — 6 months to sue (行政诉讼法第四十六条);
- [`litigation_after_review_deadline`][zwgk.deadlines.litigation_after_review_deadline] — 15 days after the
  review decision (第四十五条);
- [`fee_payment_deadline`][zwgk.deadlines.fee_payment_deadline] — 20 working days to pay a fee
  (国办函〔2020〕109号).

Day and month periods whose last day is a rest day end on the next working day.  Every
period is read from ``regimes.toml`` (the regime in force for the Regulations' own periods,
the regime-independent table for remedies and fees); the numbers above are for orientation.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Literal

from zwgk._dates import parse_date
from zwgk._lang import N_
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.deadlines._kinds import DeadlineKind
from zwgk.deadlines._periods import Period, PeriodUnit, period_end, quiet_end, raw_end
from zwgk.deadlines._regimes import Regime, get_regime, other_period
from zwgk.deadlines._results import Deadline, StepRow
from zwgk.errors import InvalidInputError, InvalidTypeError

__all__ = [
    "BodyLevel",
    "annual_report_due",
    "explained_period",
    "fee_payment_deadline",
    "litigation_after_review_deadline",
    "litigation_deadline",
    "proactive_deadline",
    "review_deadline",
]


class BodyLevel(enum.StrEnum):
    """Who publishes an annual report (条例第四十九条)."""

    DEPARTMENT = "department"
    """A government department at county level or above (县级以上人民政府部门)."""
    GOVERNMENT = "government"
    """A people's government at county level or above, through its OGI authority."""


def _cal(calendar: ChinaCalendar | None) -> ChinaCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, ChinaCalendar):
        raise InvalidTypeError("calendar", calendar, N_("a zwgk.calendar.ChinaCalendar or None"))
    return calendar


def proactive_deadline(
    formed_on: dt.date,
    *,
    regime: Regime | str | None = None,
    calendar: ChinaCalendar | None = None,
) -> Deadline:
    """Last day to publish proactively-disclosed information formed or changed on ``formed_on``.

    The regime's proactive period (20 working days), the formation day not counted
    (条例第二十六条; other laws may set other periods, which this function does not know).

    Raises:
        InvalidInputError: ``formed_on`` is before 2008-05-01.
    """
    formed_on = parse_date(formed_on, "formed_on", text=False)
    r = get_regime(regime, formed_on, field="formed_on")
    return explained_period(
        DeadlineKind.PROACTIVE,
        formed_on,
        r.proactive,
        event="信息形成或者变更 (information formed or changed)",
        cal=_cal(calendar),
        regime=r,
    )


def annual_report_due(
    year: int,
    body_level: BodyLevel | Literal["department", "government"] = BodyLevel.DEPARTMENT,
    *,
    regime: Regime | str | None = None,
    calendar: ChinaCalendar | None = None,
) -> Deadline:
    """When the annual report on ``year`` must be published.

    The date is fixed by the Regulations ("每年1月31日前"), so it is not rolled forward
    when it is a rest day.  The regime is the one in force on 1 January of ``year + 1``.

    Raises:
        InvalidInputError: unknown ``body_level`` or a year before the Regulations.
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError("year", year, N_("a year such as 2025"))
    try:
        level = BodyLevel(body_level)
    except ValueError:
        raise InvalidInputError("body_level", body_level, N_("'department' or 'government'")) from None
    r = get_regime(regime, dt.date(year + 1, 1, 1), field="year")
    month, day = r.annual_report_department if level is BodyLevel.DEPARTMENT else r.annual_report_government
    due = dt.date(year + 1, month, day)
    cal = _cal(calendar)
    if due > cal.settled_until:
        cal.kernel.warn_provisional(f"annual_report_due({year})")
    who = "县级以上人民政府部门" if level is BodyLevel.DEPARTMENT else "县级以上地方人民政府"
    steps: tuple[StepRow, ...] = (
        (
            dt.date(year, 12, 31),
            f"{year}年度报告 ({who})",
            "the reporting year ends",
            r.annual_report_article,
            None,
        ),
        (
            due,
            "年度报告公布期限 (publication due)",
            f"publish by {due.isoformat()} (a fixed date, not rolled forward)",
            r.annual_report_article,
            due,
        ),
    )
    return Deadline(
        kind=DeadlineKind.ANNUAL_REPORT,
        start=dt.date(year, 12, 31),
        due=due,
        regime=r,
        step_rows=steps,
        calendar=cal,
        provisional=due > cal.settled_until,
        data_version=cal.data_version,
    )


def review_deadline(known_on: dt.date, *, calendar: ChinaCalendar | None = None) -> Deadline:
    """Last day to apply for administrative review: 60 days from knowing of the act.

    行政复议法（2023年修订）第二十条第一款; a last day that is a rest day rolls forward.
    """
    known_on = parse_date(known_on, "known_on", text=False)
    return explained_period(
        DeadlineKind.REVIEW,
        known_on,
        other_period("review"),
        event="知道该行政行为 (applicant knew of the act)",
        cal=_cal(calendar),
    )


def litigation_deadline(known_on: dt.date, *, calendar: ChinaCalendar | None = None) -> Deadline:
    """Last day to sue: 6 months from knowing of the act (行政诉讼法第四十六条第一款)."""
    known_on = parse_date(known_on, "known_on", text=False)
    return explained_period(
        DeadlineKind.LITIGATION,
        known_on,
        other_period("litigation"),
        event="知道作出行政行为 (applicant knew of the act)",
        cal=_cal(calendar),
    )


def litigation_after_review_deadline(
    decision_received_on: dt.date, *, calendar: ChinaCalendar | None = None
) -> Deadline:
    """Last day to sue after a review decision: 15 days from receiving it (行政诉讼法第四十五条)."""
    received = parse_date(decision_received_on, "decision_received_on", text=False)
    return explained_period(
        DeadlineKind.LITIGATION_AFTER_REVIEW,
        received,
        other_period("litigation_after_review"),
        event="收到复议决定书 (review decision received)",
        cal=_cal(calendar),
    )


def fee_payment_deadline(notice_received_on: dt.date, *, calendar: ChinaCalendar | None = None) -> dt.date:
    """Last day to pay an information-processing fee.

    The payment window of ``regimes.toml`` (20 working days) counted from the day after the
    notice is received (次日起算), i.e. its last working day after ``notice_received_on``;
    unpaid by then, the request is treated as abandoned (国办函〔2020〕109号, FACTS §2 [P]).
    """
    day = parse_date(notice_received_on, "notice_received_on", text=False)
    return period_end(day, other_period("fee_payment"), calendar=_cal(calendar))


def explained_period(
    kind: DeadlineKind,
    start: dt.date,
    period: Period,
    *,
    event: str,
    cal: ChinaCalendar,
    regime: Regime | None = None,
) -> Deadline:
    """A [`Deadline`][zwgk.deadlines.Deadline] for one period from ``start``, with its explanation."""
    due = quiet_end(start, period, cal)
    steps: list[StepRow] = [
        (start, event, f"{period.render()} counted from the next day", period.article, None)
    ]
    if period.unit is not PeriodUnit.WORKING_DAYS:
        nominal = raw_end(start, period)
        if nominal != due:
            steps.append(
                (
                    nominal,
                    "期间届满日为休息日 (last day is a rest day)",
                    f"rolls forward to the next working day {due.isoformat()}",
                    "《中华人民共和国民事诉讼法》第八十五条",
                    due,
                )
            )
    steps.append((due, "期限届满 (period ends)", f"last day: {due.isoformat()}", period.article, due))
    provisional = max(due, start) > cal.settled_until
    if provisional:
        cal.kernel.warn_provisional(f"the {kind.value} deadline from {start.isoformat()}")
    return Deadline(
        kind=kind,
        start=start,
        due=due,
        regime=regime,
        step_rows=tuple(steps),
        provisional=provisional,
        data_version=cal.data_version,
        calendar=cal,
    )
