"""Derived evidence: registered pure functions computing evidence from other evidence.

A card names the function and maps its parameters to evidence keys:

```toml
[[derived]]
key = "longest_update_gap"
function = "longest_update_gap"
inputs = { dates = "update_dates", start = "period_start", end = "period_end" }
```

The registry `DERIVATIONS` is read-only; pass extra functions to
[`zwgk.scoring.score`][] through its ``derivations`` argument.
"""

from __future__ import annotations

import datetime as dt
import itertools
import types
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from zwgk.errors import InvalidInputError
from zwgk.scoring._model import FieldType

__all__ = [
    "DERIVATIONS",
    "DerivationFunction",
    "WorkingDayCalendar",
    "longest_update_gap",
    "updates_in_period",
]


class WorkingDayCalendar(Protocol):
    """What derived functions need from a calendar ([`zwgk.calendar.ChinaCalendar`][] fits)."""

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Number of working days in ``(a, b]``."""
        ...  # pragma: no cover


@attrs.frozen
class DerivationFunction:
    """A registered derivation: its parameters (name and evidence type) and its result type.

    ``function`` is called as ``function(calendar, **inputs)`` where ``calendar`` is the
    calendar passed to [`zwgk.scoring.score`][] (or the default one, built on first use).
    """

    name: str
    parameters: tuple[tuple[str, FieldType], ...]
    result: FieldType
    function: Callable[..., Any]
    description: str


def _check_period(dates: tuple[dt.date, ...], start: dt.date, end: dt.date) -> list[dt.date]:
    if end < start:
        raise InvalidInputError.period_end("end", end, start)
    outside = [d for d in dates if not start <= d <= end]
    if outside:
        raise InvalidInputError.outside_period("dates", outside, start, end)
    return sorted(set(dates))


def longest_update_gap(
    calendar: WorkingDayCalendar, dates: tuple[dt.date, ...], start: dt.date, end: dt.date
) -> int:
    """Longest stretch without an update during ``[start, end]``, in working days.

    The anchors are the period start, every distinct update date and the period end, in
    order; the gap between consecutive anchors ``a`` and ``b`` is
    ``calendar.working_days_between(a, b)``, the number of working days in ``(a, b]``
    (``a`` itself is not counted).  So the period start acts as an update made on that
    day (what happened before the period is not assessed), and the stretch from the last
    update to the period end counts as well.  With no update at all the gap is the whole
    period.  Rest days (weekends, holidays) never count; 调休 working weekends do.

    An update made on the 20th working day after the previous one gives a gap of 20 and
    meets "至少每20个工作日要进行更新"; one made on the 21st gives 21.

    Args:
        calendar: Working-day calendar.
        dates: Update dates (in any order; duplicates ignored).
        start: First day of the assessment period (inclusive).
        end: Last day of the assessment period (inclusive).

    Returns:
        The longest gap in working days (``>= 0``).

    Raises:
        zwgk.errors.InvalidInputError: ``end`` is before ``start`` or a date lies outside
            the period.
    """
    anchors = [start, *_check_period(dates, start, end), end]
    return max(calendar.working_days_between(a, b) for a, b in itertools.pairwise(anchors))


def updates_in_period(
    calendar: WorkingDayCalendar, dates: tuple[dt.date, ...], start: dt.date, end: dt.date
) -> int:
    """Number of distinct update dates within ``[start, end]`` (the calendar is not used).

    Raises:
        zwgk.errors.InvalidInputError: ``end`` is before ``start`` or a date lies outside
            the period.
    """
    del calendar
    return len(_check_period(dates, start, end))


def days_since_last_update(calendar: WorkingDayCalendar, dates: tuple[dt.date, ...], end: dt.date) -> int:
    """Calendar days from the last update on or before ``end`` to ``end`` (0: updated that day).

    A page with no update on or before ``end`` is stale beyond any bound: the result is
    then the days from ``datetime.date.min`` to ``end``, so every threshold holds.  Updates after ``end`` are
    ignored (the check is as of ``end``).  The calendar is not used: 国办秘函〔2019〕19号
    counts 周 (calendar weeks), not working days.
    """
    del calendar
    before = [d for d in dates if d <= end]
    return (end - max(before, default=dt.date.min)).days


def longest_wait_days(calendar: WorkingDayCalendar, dates: tuple[dt.date, ...], end: dt.date) -> int:
    """Calendar days the oldest still-unanswered message has waited at ``end`` (0: none waiting).

    ``dates`` are the receipt dates of the messages *not answered* by ``end``; dates after
    ``end`` are ignored.  The calendar is not used (months and weeks are calendar time).
    """
    del calendar
    waiting = [d for d in dates if d <= end]
    return (end - min(waiting)).days if waiting else 0


_PERIOD_PARAMS = (("dates", FieldType.DATES), ("start", FieldType.DATE), ("end", FieldType.DATE))

DERIVATIONS: Mapping[str, DerivationFunction] = types.MappingProxyType(
    {
        "longest_update_gap": DerivationFunction(
            "longest_update_gap",
            _PERIOD_PARAMS,
            FieldType.COUNT,
            longest_update_gap,
            "考核期内最长未更新间隔（工作日）",
        ),
        "updates_in_period": DerivationFunction(
            "updates_in_period",
            _PERIOD_PARAMS,
            FieldType.COUNT,
            updates_in_period,
            "考核期内更新次数（按日计）",
        ),
        "days_since_last_update": DerivationFunction(
            "days_since_last_update",
            (("dates", FieldType.DATES), ("end", FieldType.DATE)),
            FieldType.COUNT,
            days_since_last_update,
            "检查日距最近一次更新的天数（自然日）",
        ),
        "longest_wait_days": DerivationFunction(
            "longest_wait_days",
            (("dates", FieldType.DATES), ("end", FieldType.DATE)),
            FieldType.COUNT,
            longest_wait_days,
            "检查日最早一条未回复留言已等待的天数（自然日）",
        ),
    }
)
"""The built-in derivations, by name (read-only)."""
