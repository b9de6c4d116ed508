"""China's official working-day calendar, built from the State Council holiday notices.

Counting semantics (used by every function of :mod:`zwgk.deadlines`):

- A **working day** (工作日) is Monday–Friday, minus the rest days a notice declares,
  plus the weekend days a notice declares working days (调休上班).  The Regulations on
  Open Government Information do not define 工作日; this is the practice of every agency
  (FACTS §1, "Counting").
- ``add_working_days(d, n)`` is **strict**: for ``n > 0`` the n-th working day after
  ``d``; ``d`` itself never counts, whatever kind of day it is.  ``n < 0`` is the mirror
  image (the |n|-th working day before ``d``); ``n == 0`` returns ``d`` unchanged.
- ``working_days_between(a, b)`` counts the working days in the half-open interval
  ``(a, b]``; for ``b < a`` it is ``-working_days_between(b, a)`` (antisymmetric and
  additive).  It inverts ``add_working_days``:
  ``working_days_between(d, add_working_days(d, n)) == n`` for every ``n >= 0`` from any
  day, and for ``n < 0`` from a working day.  (From a rest day ``d`` going back, the
  ``|n|`` working days lie in ``[r, d)``, of which ``(r, d]`` holds ``|n| - 1``.)

Dates: :class:`datetime.date` values.  A naive :class:`datetime.datetime` is taken as
China Standard Time and its date is used; an aware one is first converted to China
Standard Time (UTC+8, which is what ``Asia/Shanghai`` has been since 1991).  Strings are
refused — parse them with :meth:`datetime.date.fromisoformat` first.

Coverage: from 1 January of the first year with a notice to 31 December of the last.
Beyond it the calendar, by default, estimates from the statutory rules, warns with
:class:`~zwgk.errors.ProvisionalCalendarWarning` and marks results provisional;
``ChinaCalendar(beyond="raise")`` raises :class:`~zwgk.errors.CalendarCoverageError`
instead.  Before the first covered date every call raises.

Every lookup is O(1) after construction: the calendar holds, for each day of its range,
the number of working days up to it, and the list of working days.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import hashlib
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import attrs

from zwgk.deadlines._notices import Festival, Notice, NoticeKind, bundled_notices
from zwgk.deadlines._rules import estimate_notice, estimate_years, statutory_days
from zwgk.errors import (
    CalendarCoverageError,
    InvalidInputError,
    InvalidTypeError,
    ProvisionalCalendarWarning,
)

if TYPE_CHECKING:
    from workalendar.core import Calendar as WorkalendarCalendar

__all__ = [
    "ChinaCalendar",
    "Coverage",
    "DayInfo",
    "DayKind",
    "Holiday",
    "as_date",
    "default_calendar",
]

from zwgk._dates import CHINA_STANDARD_TIME

# Days at the end of the final covered year that the next year's notice may still change
# (notices have set days from 29 December on; a week leaves a margin).
_UNSETTLED_DAYS = 7
_SATURDAY = 5


class DayKind(enum.StrEnum):
    """What a day is on the official calendar; the value is its Chinese name."""

    WORKING_WEEKDAY = "工作日"
    """An ordinary Monday–Friday working day."""
    WEEKEND_REST = "周末休息"
    """A Saturday or Sunday that is a rest day (also inside a holiday period)."""
    STATUTORY_HOLIDAY = "法定节假日"
    """A statutory holiday of 《全国年节及纪念日放假办法》 that the notice makes a rest day."""
    ADJUSTED_REST = "调休休息"
    """Another rest day of a holiday period on a weekday (调休, 补休, special holidays)."""
    ADJUSTED_WORKING = "调休上班"
    """A Saturday or Sunday the notice declares a working day."""

    @property
    def is_working(self) -> bool:
        """Whether days of this kind are working days."""
        return self in (DayKind.WORKING_WEEKDAY, DayKind.ADJUSTED_WORKING)


_KINDS = tuple(DayKind)
_CODE = {k: i for i, k in enumerate(_KINDS)}


@attrs.frozen
class DayInfo:
    """One day of the calendar: its kind and, for holiday days, where it comes from."""

    date: dt.date
    kind: DayKind
    festivals: tuple[Festival, ...] = ()
    notice: str | None = None
    provisional: bool = False

    @property
    def is_working_day(self) -> bool:
        """Whether this day is a working day."""
        return self.kind.is_working


@attrs.frozen
class Holiday:
    """A holiday period as finally arranged (after any amendment).

    ``rest_days`` are all rest days of the period, weekends included; ``statutory_days``
    the statutory holidays among them; ``working_days`` the weekend days worked for it.
    ``notices`` lists the documents that set its days, earliest first.
    """

    year: int
    festivals: tuple[Festival, ...]
    rest_days: tuple[dt.date, ...]
    working_days: tuple[dt.date, ...]
    statutory_days: tuple[dt.date, ...]
    notices: tuple[str, ...]
    provisional: bool = False

    @property
    def first(self) -> dt.date:
        """First rest day."""
        return self.rest_days[0]

    @property
    def last(self) -> dt.date:
        """Last rest day."""
        return self.rest_days[-1]

    @property
    def label(self) -> str:
        """The festivals as a notice writes them (``中秋节、国庆节``)."""
        return "、".join(f.value for f in self.festivals)


@attrs.frozen
class Coverage:
    """The range of dates the calendar answers for, and its data version.

    ``first``–``last`` are backed by recorded notices; ``estimated_until`` is the last
    date an estimate is available for (equal to ``last`` for ``beyond="raise"``).
    ``settled_until`` is the last date no unrecorded notice can change: a year's notice may
    set days in the last week of the previous December (the 2006, 2007, 2008, 2012, 2019 and
    2023 notices did, from 29 December at the earliest), so results using the last week of the
    final covered year are provisional until the next notice is loaded.
    """

    first: dt.date
    last: dt.date
    estimated_until: dt.date
    data_version: str
    notices: tuple[str, ...]
    settled_until: dt.date


def as_date(value: object, field: str = "date") -> dt.date:
    """Return ``value`` as a :class:`datetime.date` under zwgk's date rules.

    Raises:
        InvalidTypeError: ``value`` is not a date or datetime.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(CHINA_STANDARD_TIME)
        return value.date()
    if isinstance(value, dt.date):
        return value
    hint = " (parse it first: datetime.date.fromisoformat(...))" if isinstance(value, str) else ""
    raise InvalidTypeError(field, value, "a datetime.date or datetime.datetime" + hint)


def _as_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if hasattr(value, "__index__") and not isinstance(value, bool):
            return int(value.__index__())
        raise InvalidTypeError(field, value, "an integer number of working days")
    return value


@attrs.frozen
class _Day:
    kind: DayKind
    festivals: tuple[Festival, ...]
    notice: str | None
    year: int


class ChinaCalendar:
    """The official working-day calendar of mainland China.

    Args:
        notices: the notices to build from; default, the notices bundled with zwgk.
        beyond: what to do with dates after the last recorded notice year: ``"estimate"``
            (default) estimates from the statutory rules, warns with
            :class:`~zwgk.errors.ProvisionalCalendarWarning` and marks results provisional;
            ``"raise"`` raises :class:`~zwgk.errors.CalendarCoverageError`.

    Raises:
        InvalidInputError: ``beyond`` is not one of the two choices, or the annual notices
            do not form consecutive years.

    Instances are immutable and safe to share between threads.
    """

    __slots__ = (
        "_base",
        "_before",
        "_beyond",
        "_cum",
        "_days",
        "_estimated_until",
        "_first",
        "_kinds",
        "_last",
        "_last_ord",
        "_notices",
        "_np",
        "_nwork",
        "_settled",
        "_settled_rank",
        "_size",
        "_version",
        "_workday_dates",
        "_workdays",
    )

    _base: int
    _before: list[int]
    _beyond: Literal["estimate", "raise"]
    _cum: list[int]
    _days: dict[int, _Day]
    _estimated_until: dt.date
    _first: dt.date
    _kinds: bytes
    _last: dt.date
    _last_ord: int
    _notices: tuple[Notice, ...]
    _nwork: int
    _np: Any
    _settled: dt.date
    _size: int
    _version: str
    _workdays: list[int]
    _workday_dates: list[dt.date]
    _settled_rank: int

    def __init__(
        self,
        notices: Iterable[Notice] | None = None,
        *,
        beyond: Literal["estimate", "raise"] = "estimate",
    ) -> None:
        if beyond not in ("estimate", "raise"):
            raise InvalidInputError("beyond", beyond, "'estimate' or 'raise'")
        recorded = tuple(bundled_notices() if notices is None else notices)
        _set(self, "_beyond", beyond)
        _set(self, "_notices", _dedupe(recorded))
        self._build()

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        notices: tuple[Notice, ...] = self._notices
        years = sorted({n.year for n in notices if n.kind is NoticeKind.ANNUAL})
        if not years:
            raise InvalidInputError("notices", len(notices), "at least one annual notice")
        missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        if missing:
            raise InvalidInputError(
                "notices",
                f"annual notices for {years[0]}–{years[-1]}",
                f"consecutive years; missing {missing}",
            )
        first = dt.date(years[0], 1, 1)
        last = dt.date(years[-1], 12, 31)
        est_years = estimate_years()
        until = dt.date(est_years[-1], 12, 31) if self._beyond == "estimate" else last
        until = max(until, last)
        applied = sorted(notices, key=lambda n: (n.issued, n.effective or n.issued, n.document))
        estimates = [estimate_notice(y) for y in range(years[-1] + 1, until.year + 1)]
        days: dict[dt.date, _Day] = {}
        for notice in (*applied, *estimates):
            for period in notice.periods:
                for day in period.rest_days:
                    days[day] = _Day(DayKind.ADJUSTED_REST, period.festivals, notice.document, notice.year)
                for day in period.working_days:
                    days[day] = _Day(DayKind.ADJUSTED_WORKING, period.festivals, notice.document, notice.year)
        base = first.toordinal()
        size = until.toordinal() - base + 1
        kinds = bytearray(size)
        cum = [0] * size
        before = [0] * size
        workdays: list[int] = []
        count = 0
        weekday_code = _CODE[DayKind.WORKING_WEEKDAY]
        weekend_code = _CODE[DayKind.WEEKEND_REST]
        resolved: dict[int, _Day] = {}
        for i in range(size):
            ordinal = base + i
            day = dt.date.fromordinal(ordinal)
            info = days.get(day)
            if info is None:
                code = weekend_code if day.weekday() >= _SATURDAY else weekday_code
            else:
                info = _resolve(day, info)
                resolved[ordinal] = info
                code = _CODE[info.kind]
            kinds[i] = code
            before[i] = count
            if _KINDS[code].is_working:
                count += 1
                workdays.append(ordinal)
            cum[i] = count
        _set(self, "_first", first)
        _set(self, "_last", last)
        # Provisional from the last week of the final year on: the next notice may change it.
        _set(self, "_last_ord", last.toordinal() - _UNSETTLED_DAYS)
        _set(self, "_settled", dt.date.fromordinal(last.toordinal() - _UNSETTLED_DAYS))
        _set(self, "_estimated_until", until)
        _set(self, "_base", base)
        _set(self, "_size", size)
        _set(self, "_kinds", bytes(kinds))
        _set(self, "_cum", cum)
        _set(self, "_before", before)
        _set(self, "_workdays", workdays)
        _set(self, "_workday_dates", [dt.date.fromordinal(o) for o in workdays])
        _set(self, "_nwork", len(workdays))
        # Rank of the last working day on or before the settled date (results after it are provisional).
        _set(self, "_settled_rank", bisect.bisect_right(workdays, last.toordinal() - _UNSETTLED_DAYS) - 1)
        _set(self, "_days", resolved)
        _set(self, "_version", _data_version(notices))
        _set(self, "_np", None)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; use with_notices() for a new calendar")

    def __repr__(self) -> str:
        return (
            f"ChinaCalendar(coverage={self._first.isoformat()}..{self._last.isoformat()}, "
            f"beyond={self._beyond!r}, data_version={self._version!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._notices, self._beyond))

    # ------------------------------------------------------------------ bounds

    def _index(self, day: dt.date, field: str) -> int:
        i = day.toordinal() - self._base
        if 0 <= i < self._size:
            return i
        raise self._out_of_range(day, field)

    def _out_of_range(self, day: dt.date, field: str, shown: str | None = None) -> CalendarCoverageError:
        what = f"{field} {shown or day.isoformat()} is outside the calendar"
        if day < self._first:
            reason = (
                f"{what}: holiday arrangements are recorded from {self._first.isoformat()}; "
                "earlier dates are not supported"
            )
        elif self._beyond == "raise":
            reason = (
                f"{what}: holiday arrangements are recorded through {self._last.isoformat()}; "
                "add the next notice with calendar.with_notices(load_notices(path)) or use beyond='estimate'"
            )
        else:
            reason = (
                f"{what}: holiday arrangements are recorded through {self._last.isoformat()} and "
                f"estimated through {self._estimated_until.isoformat()}"
            )
        return CalendarCoverageError(day, self._first, self._estimated_until, reason)

    def _provisional(self, what: str) -> None:
        settled = dt.date.fromordinal(self._last_ord)
        warnings.warn(
            ProvisionalCalendarWarning(
                f"{what} uses days after {settled.isoformat()}: the {self._last.year + 1} notice may still "
                f"change the last week of {self._last.year}, and days after {self._last.isoformat()} are "
                "estimated from the statutory rules"
            ),
            stacklevel=3,
        )

    # ------------------------------------------------------------------ scalar API

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (工作日) on the official calendar.

        Raises:
            CalendarCoverageError: ``day`` is outside the calendar's range.
            InvalidTypeError: ``day`` is not a date.
        """
        if type(day) is not dt.date:
            day = as_date(day, "day")
        i = day.toordinal() - self._base
        if not 0 <= i < self._size:
            raise self._out_of_range(day, "day")
        if i + self._base > self._last_ord:
            self._provisional("is_working_day")
        return _KINDS[self._kinds[i]].is_working

    def is_provisional(self, day: dt.date) -> bool:
        """Whether ``day`` may still change: after :attr:`settled_until` (the last week of the final
        covered year, which the next notice may change, and every estimated day)."""
        return as_date(day, "day").toordinal() > self._last_ord

    def day_kind(self, day: dt.date) -> DayInfo:
        """Describe ``day``: its :class:`DayKind`, festival(s) and the notice behind it.

        Raises:
            CalendarCoverageError: ``day`` is outside the calendar's range.
        """
        day = as_date(day, "day")
        i = self._index(day, "day")
        ordinal = day.toordinal()
        provisional = ordinal > self._last_ord
        info = self._days.get(ordinal)
        if info is None:
            return DayInfo(day, _KINDS[self._kinds[i]], provisional=provisional)
        return DayInfo(day, info.kind, info.festivals, info.notice, provisional)

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (strict: ``day`` itself never counts).

        For ``n < 0`` the ``|n|``-th working day before ``day``; ``n == 0`` returns ``day``
        unchanged even when it is a rest day.  Example: from Friday 2026-09-25 (a rest day
        of 中秋节), ``add_working_days(d, 1)`` is Monday 2026-09-28.

        Raises:
            CalendarCoverageError: the result or ``day`` is outside the calendar's range.
            InvalidTypeError: ``day`` is not a date or ``n`` not an integer.
        """
        if type(day) is not dt.date:
            day = as_date(day, "day")
        if type(n) is not int:
            n = _as_int(n, "n")
        ordinal = day.toordinal()
        if n > 0:  # fast path for the common case: two list lookups
            i = ordinal - self._base
            if 0 <= i < self._size:
                r = self._cum[i] + n - 1
                if r < self._nwork:
                    if r > self._settled_rank:
                        self._provisional(f"add_working_days({day.isoformat()}, {n})")
                    return self._workday_dates[r]
        result = self._add(day, ordinal, n)  # n <= 0, or an edge: full checks and errors
        if (result if n > 0 else ordinal - 1) > self._last_ord and n:
            self._provisional(f"add_working_days({day.isoformat()}, {n})")
        return dt.date.fromordinal(result)

    def _add(self, day: dt.date, ordinal: int, n: int) -> int:
        """Ordinal of the n-th working day after ``day`` (no type checks, no warning)."""
        i = ordinal - self._base
        if not 0 <= i < self._size:
            raise self._out_of_range(day, "day")
        if n > 0:
            r = self._cum[i] + n - 1
        elif n < 0:
            r = self._before[i] + n
        else:
            return ordinal
        if not 0 <= r < len(self._workdays):
            edge = self._first if n < 0 else self._estimated_until
            raise CalendarCoverageError(
                day,
                self._first,
                self._estimated_until,
                f"{n:+d} working days from {day.isoformat()} go beyond {edge.isoformat()}, "
                "the edge of the calendar",
            )
        return self._workdays[r]

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days in ``(start, end]``; negative when ``end < start``.

        ``start`` itself never counts; ``end`` counts if it is a working day.  For
        ``end < start`` the result is ``-working_days_between(end, start)``.

        Raises:
            CalendarCoverageError: either date is outside the calendar's range.
        """
        if type(start) is not dt.date:
            start = as_date(start, "start")
        if type(end) is not dt.date:
            end = as_date(end, "end")
        count = self._between(start, end)
        if start != end and max(start, end).toordinal() > self._last_ord:
            self._provisional("working_days_between")
        return count

    def _between(self, start: dt.date, end: dt.date) -> int:
        """:meth:`working_days_between` without type checks or warnings (for the clock)."""
        i = start.toordinal() - self._base
        j = end.toordinal() - self._base
        if not 0 <= i < self._size:
            raise self._out_of_range(start, "start")
        if not 0 <= j < self._size:
            raise self._out_of_range(end, "end")
        return self._cum[j] - self._cum[i]

    def _is_working(self, day: dt.date) -> bool:
        i = self._index(day, "day")
        return _KINDS[self._kinds[i]].is_working

    @property
    def data_version(self) -> str:
        """The data version string (issue date of the newest notice + content hash)."""
        return self._version

    @property
    def settled_until(self) -> dt.date:
        """The last date no unrecorded notice can change; later results are provisional."""
        return self._settled

    @property
    def last_covered(self) -> dt.date:
        """The last date backed by a recorded notice."""
        return self._last

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day`` (``add_working_days(day, 1)``)."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: dt.date) -> dt.date:
        """The last working day strictly before ``day`` (``add_working_days(day, -1)``)."""
        return self.add_working_days(day, -1)

    def roll_forward(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the next working day.

        This is how a calendar-day or month period whose last day is a rest day ends
        (FACTS §1, "Counting").
        """
        day = as_date(day, "day")
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def working_days(self, start: dt.date, end: dt.date) -> Iterator[dt.date]:
        """Iterate over the working days in the closed interval ``[start, end]``, in order."""
        start = as_date(start, "start")
        end = as_date(end, "end")
        i = self._index(start, "start")
        j = self._index(end, "end")
        if j < i:
            return iter(())
        lo = self._before[i]
        hi = self._cum[j]
        if end.toordinal() > self._last_ord:
            self._provisional("working_days")
        return (dt.date.fromordinal(o) for o in self._workdays[lo:hi])

    def holidays(self, year: int) -> tuple[Holiday, ...]:
        """The holiday periods arranged for ``year``, in date order.

        Periods come from the annual notice of ``year`` with every amendment and special
        notice applied (a period's days may lie in the previous December).  Years after
        the coverage are estimated (``provisional=True``, with a warning).

        Raises:
            CalendarCoverageError: ``year`` is outside the calendar's range.
        """
        year = _as_int(year, "year")
        if not self._first.year <= year <= self._estimated_until.year:
            start = dt.date(min(max(year, 1), 9999), 1, 1)
            raise self._out_of_range(start, "year", str(year))
        groups: dict[tuple[Festival, ...], list[tuple[int, _Day]]] = {}
        for ordinal, info in sorted(self._days.items()):
            if info.year == year:
                groups.setdefault(info.festivals, []).append((ordinal, info))
        provisional = year > self._last.year
        if provisional:
            self._provisional(f"holidays({year})")
        out = []
        for festivals, items in groups.items():
            rest = tuple(dt.date.fromordinal(o) for o, d in items if not d.kind.is_working)
            if not rest:
                continue
            working = tuple(dt.date.fromordinal(o) for o, d in items if d.kind.is_working)
            statutory = tuple(dt.date.fromordinal(o) for o, d in items if d.kind is DayKind.STATUTORY_HOLIDAY)
            notices = tuple(dict.fromkeys(d.notice for _, d in items if d.notice))
            out.append(Holiday(year, festivals, rest, working, statutory, notices, provisional))
        return tuple(sorted(out, key=lambda h: h.first))

    def coverage(self) -> Coverage:
        """First and last date backed by notices, the estimate horizon and a data version."""
        docs = tuple(n.document for n in sorted(self._notices, key=lambda n: n.issued))
        settled = dt.date.fromordinal(self._last_ord)
        return Coverage(self._first, self._last, self._estimated_until, self._version, docs, settled)

    @property
    def notices(self) -> tuple[Notice, ...]:
        """The notices this calendar was built from."""
        return self._notices

    @property
    def beyond(self) -> Literal["estimate", "raise"]:
        """What happens after the last recorded notice year."""
        return self._beyond

    def with_notices(self, notices: Iterable[Notice]) -> ChinaCalendar:
        """A new calendar with ``notices`` added (same ``beyond`` policy).

        A notice with the same document number as one already recorded replaces it, so a
        corrected transcription can be loaded over the bundled one.  Dates no added
        notice names are unchanged.
        """
        return ChinaCalendar((*self._notices, *notices), beyond=self._beyond)

    # ------------------------------------------------------------------ vector API

    def _tables(self) -> Any:
        from zwgk.deadlines import _vector

        tables = self._np
        if tables is None:
            tables = _vector.Tables.build(self)
            object.__setattr__(self, "_np", tables)
        return tables

    def is_working_day_array(self, dates: Any) -> Any:
        """Vector :meth:`is_working_day` over numpy ``datetime64`` arrays or pandas Series.

        Same semantics and coverage rules as the scalar method; a Series comes back as a
        Series with the same index.  Needs the ``numpy`` extra.
        """
        from zwgk.deadlines import _vector

        return _vector.is_working_day(self, self._tables(), dates)

    def add_working_days_array(self, dates: Any, n: Any) -> Any:
        """Vector :meth:`add_working_days`; ``n`` is an integer or an array of them.

        ``NaT`` in gives ``NaT`` out.  Needs the ``numpy`` extra.
        """
        from zwgk.deadlines import _vector

        return _vector.add_working_days(self, self._tables(), dates, n)

    def working_days_between_array(self, start: Any, end: Any) -> Any:
        """Vector :meth:`working_days_between` (counts in ``(start, end]``).

        Needs the ``numpy`` extra.  Returns float with NaN where an input is ``NaT``,
        else int64.
        """
        from zwgk.deadlines import _vector

        return _vector.working_days_between(self, self._tables(), start, end)

    # ------------------------------------------------------------------ displays

    def to_frame(self, start: dt.date, end: dt.date) -> Any:
        """One row per day in ``[start, end]`` (kind, working, festivals, notice, provisional).

        Needs the ``pandas`` extra.
        """
        from zwgk.deadlines._display import calendar_frame

        return calendar_frame(start, end, calendar=self)

    def plot_year(self, year: int, *, labels: Literal["auto", "zh", "en"] = "auto") -> Any:
        """A year's calendar figure: rest days, weekend working days and notice numbers.

        Needs the ``plot`` extra; see :func:`zwgk.deadlines.plot_calendar_year`.
        """
        from zwgk.deadlines._display import plot_calendar_year

        return plot_calendar_year(year, calendar=self, labels=labels)

    # ------------------------------------------------------------------ adapters

    def as_workalendar(self) -> WorkalendarCalendar:
        """This calendar as a :class:`workalendar.core.Calendar`.

        Code written against workalendar's API (``is_working_day``, ``add_working_days``,
        ``sub_working_days``, ``get_working_days_delta``, ``holidays(year)``) gets zwgk's
        data for every covered year, without workalendar's China warnings.
        """
        from zwgk.deadlines._workalendar import make_workalendar

        return make_workalendar(self)


def _set(obj: ChinaCalendar, name: str, value: object) -> None:
    object.__setattr__(obj, name, value)


def _rebuild(notices: tuple[Notice, ...], beyond: Literal["estimate", "raise"]) -> ChinaCalendar:
    return ChinaCalendar(notices, beyond=beyond)


def _dedupe(notices: tuple[Notice, ...]) -> tuple[Notice, ...]:
    """Keep the last notice given for each document number."""
    by_doc: dict[str, Notice] = {}
    for n in notices:
        by_doc.pop(n.document, None)
        by_doc[n.document] = n
    return tuple(by_doc.values())


def _resolve(day: dt.date, info: _Day) -> _Day:
    """Final kind of a day a notice names (rest days split by statutory status)."""
    weekend = day.weekday() >= _SATURDAY
    if info.kind is DayKind.ADJUSTED_WORKING:
        kind = DayKind.ADJUSTED_WORKING if weekend else DayKind.WORKING_WEEKDAY
    elif day in _statutory(info.year):
        kind = DayKind.STATUTORY_HOLIDAY
    else:
        kind = DayKind.WEEKEND_REST if weekend else DayKind.ADJUSTED_REST
    return attrs.evolve(info, kind=kind)


def _statutory(year: int) -> frozenset[dt.date]:
    try:
        return frozenset(statutory_days(year))
    except (LookupError, KeyError):
        return frozenset()


def _data_version(notices: tuple[Notice, ...]) -> str:
    newest = max(notices, key=lambda n: n.issued)
    digest = hashlib.sha256()
    for n in sorted(notices, key=lambda n: n.document):
        digest.update(repr(n).encode("utf-8"))
    return f"{newest.issued.isoformat()}+{digest.hexdigest()[:8]}"


@cache
def default_calendar() -> ChinaCalendar:
    """The calendar of the notices bundled with zwgk, estimating beyond them (shared, immutable)."""
    return ChinaCalendar()
