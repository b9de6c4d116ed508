"""China's official working-day calendar, built from the State Council holiday notices.

Counting semantics (used by every function of [`zwgk.calendar`][] and [`zwgk.deadlines`][]):

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

Dates: `datetime.date` values.  A naive `datetime.datetime` is taken as
China Standard Time and its date is used; an aware one is first converted to China
Standard Time (UTC+8, which is what ``Asia/Shanghai`` has been since 1991).  Strings are
refused — parse them with `datetime.date.fromisoformat` first.

Coverage: from 1 January of the first year with a notice to 31 December of the last.
Beyond it the calendar, by default, estimates from the statutory rules, warns with
[`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] and marks results provisional;
``ChinaCalendar(beyond="raise")`` raises [`CalendarCoverageError`][zwgk.errors.CalendarCoverageError]
instead.  Before the first covered date every call raises.

Every lookup is O(1) after construction: the calendar's [`CalendarKernel`][zwgk.calendar.CalendarKernel]
holds, for each day of its range, the number of working days up to it, and the list of working days.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs

from zwgk._i18n import gettext
from zwgk._present import present
from zwgk.calendar._days import Coverage, DayInfo, DayKind, Holiday, as_date
from zwgk.calendar._kernel import KINDS, UNCOVERED, CalendarKernel, DayEntry, build_kernel
from zwgk.calendar._notices import Festival, Notice
from zwgk.errors import InvalidInputError, InvalidTypeError

if TYPE_CHECKING:
    from workalendar.core import Calendar as WorkalendarCalendar

    from zwgk.calendar._holiday_map import HolidayMap

__all__ = ["ChinaCalendar", "default_calendar"]

_WORKING = tuple(k.is_working for k in KINDS)
_DATE = dt.date  # the fast paths test ``type(d) is _DATE`` (a module constant, no attribute load)


def _as_int(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        if hasattr(value, "__index__") and not isinstance(value, bool):
            return int(value.__index__())
        raise InvalidTypeError(field, value, gettext("an integer number of working days"))
    return value


def _notices(value: Iterable[Notice] | None) -> tuple[Notice, ...]:
    """The notices given (default: the bundled ones), keeping the last one per document number."""
    from zwgk.calendar.io import bundled_notices  # the notice files are read on first use

    by_doc: dict[str, Notice] = {}
    for n in bundled_notices() if value is None else value:
        by_doc.pop(n.document, None)
        by_doc[n.document] = n
    return tuple(by_doc.values())


def _beyond(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in ("estimate", "raise"):
        raise InvalidInputError("beyond", value, gettext("'estimate' or 'raise'"))


def _kernel(cal: ChinaCalendar) -> CalendarKernel:
    return build_kernel(cal.notices, cal.beyond)


@attrs.frozen(repr=False)
class ChinaCalendar:
    """The official working-day calendar of mainland China.

    ``ChinaCalendar(notices=None, *, beyond="estimate")``: ``notices`` are the notices to
    build from (default, the notices bundled with zwgk; a notice with the same document
    number as an earlier one replaces it).  ``beyond`` says what to do with dates after the
    last recorded notice year: ``"estimate"`` (default) estimates from the statutory rules,
    warns with [`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] and marks results
    provisional; ``"raise"`` raises [`CalendarCoverageError`][zwgk.errors.CalendarCoverageError].

    Raises:
        InvalidInputError: ``beyond`` is not one of the two choices, or the annual notices
            do not form consecutive years.

    A frozen value: two calendars built from the same notices with the same ``beyond`` are
    equal.  Its tables ([`kernel`][zwgk.calendar.ChinaCalendar.kernel]) are built once, by
    [`build_kernel`][zwgk.calendar.build_kernel], and are immutable, so instances are safe to share between
    threads.
    """

    notices: tuple[Notice, ...] = attrs.field(default=None, converter=_notices)
    """The notices this calendar was built from."""
    beyond: Literal["estimate", "raise"] = attrs.field(default="estimate", kw_only=True, validator=_beyond)
    """What happens after the last recorded notice year."""
    kernel: CalendarKernel = attrs.field(
        init=False, eq=False, hash=False, default=attrs.Factory(_kernel, takes_self=True)
    )
    """The calendar's tables and quiet counting methods (for the request clock and the vector path)."""

    def __repr__(self) -> str:
        k = self.kernel
        return (
            f"ChinaCalendar(coverage={k.first.isoformat()}..{k.last.isoformat()}, "
            f"beyond={self.beyond!r}, data_version={k.data_version!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.notices, self.beyond))

    # ------------------------------------------------------------------ scalar API

    def is_working_day(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (工作日) on the official calendar.

        Raises:
            CalendarCoverageError: ``day`` is outside the calendar's range.
            InvalidTypeError: ``day`` is not a date.
        """
        if type(day) is not _DATE:
            day = as_date(day, "day")
        k = self.kernel
        i = day.toordinal() - k.base
        if not 0 <= i < k.size:
            raise k.coverage_error(day, "day")
        if i + k.base > k.settled_ordinal:
            k.warn_provisional("is_working_day")
        return _WORKING[k.kinds[i]]

    def is_provisional(self, day: dt.date) -> bool:
        """Whether ``day`` may still change: after
        [`settled_until`][zwgk.calendar.ChinaCalendar.settled_until] (the last week of the final covered year,
        which the next notice may change, and every estimated day)."""
        return as_date(day, "day").toordinal() > self.kernel.settled_ordinal

    def day_kind(self, day: dt.date) -> DayInfo:
        """Describe ``day``: its [`DayKind`][zwgk.calendar.DayKind], festival(s) and the notice behind it.

        Raises:
            CalendarCoverageError: ``day`` is outside the calendar's range.
        """
        day = as_date(day, "day")
        k = self.kernel
        i = k.index(day, "day")
        ordinal = day.toordinal()
        provisional = ordinal > k.settled_ordinal
        info = k.days.get(ordinal)
        if info is None:
            return DayInfo(day, KINDS[k.kinds[i]], provisional=provisional)
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
        if type(day) is _DATE and type(n) is int and n > 0:
            # Fast path (exact types, a settled result): one attribute load, two tuple lookups.
            f = self.kernel.fast
            try:
                r = f[0][day.toordinal()] + n
            except IndexError:  # after the settled day: the checked path below
                pass
            else:
                if r <= f[2]:  # UNCOVERED (before the first day) never is
                    return f[1][r]
        if type(day) is not _DATE:
            day = as_date(day, "day")
        if type(n) is not int:
            n = _as_int(n, "n")
        ordinal = day.toordinal()
        k = self.kernel
        if n > 0:  # the result may be provisional or beyond the tables
            i = ordinal - k.base
            if 0 <= i < k.size:
                r = k.cum[i] + n - 1
                if r < len(k.workday_dates):
                    if r > k.settled_rank:
                        k.warn_provisional(f"add_working_days({day.isoformat()}, {n})")
                    return k.workday_dates[r]
        result = k.add_ordinal(day, ordinal, n)  # n <= 0, or an edge: full checks and errors
        if (result if n > 0 else ordinal - 1) > k.settled_ordinal and n:
            k.warn_provisional(f"add_working_days({day.isoformat()}, {n})")
        return dt.date.fromordinal(result)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days in ``(start, end]``; negative when ``end < start``.

        ``start`` itself never counts; ``end`` counts if it is a working day.  For
        ``end < start`` the result is ``-working_days_between(end, start)``.

        Raises:
            CalendarCoverageError: either date is outside the calendar's range.
        """
        if type(start) is _DATE and type(end) is _DATE:
            # Fast path: both days settled, so no bounds error and no warning is possible.
            table = self.kernel.fast[0]
            try:
                i = table[start.toordinal()]
                j = table[end.toordinal()]
            except IndexError:  # after the settled day: the checked path below
                pass
            else:
                if i < UNCOVERED and j < UNCOVERED:
                    return j - i
        if type(start) is not _DATE:
            start = as_date(start, "start")
        if type(end) is not _DATE:
            end = as_date(end, "end")
        k = self.kernel
        count = k.between(start, end)
        if start != end and max(start, end).toordinal() > k.settled_ordinal:
            k.warn_provisional("working_days_between")
        return count

    @property
    def data_version(self) -> str:
        """The data version string (issue date of the newest notice + content hash)."""
        return self.kernel.data_version

    @property
    def settled_until(self) -> dt.date:
        """The last date no unrecorded notice can change; later results are provisional."""
        return self.kernel.settled_until

    @property
    def last_covered(self) -> dt.date:
        """The last date backed by a recorded notice."""
        return self.kernel.last

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
        k = self.kernel
        i = k.index(start, "start")
        j = k.index(end, "end")
        if j < i:
            return iter(())
        lo = k.before[i]
        hi = k.cum[j]
        if end.toordinal() > k.settled_ordinal:
            k.warn_provisional("working_days")
        return iter(k.workday_dates[lo:hi])

    def holidays(self, year: int) -> tuple[Holiday, ...]:
        """The holiday periods arranged for ``year``, in date order.

        Periods come from the annual notice of ``year`` with every amendment and special
        notice applied (a period's days may lie in the previous December).  Years after
        the coverage are estimated (``provisional=True``, with a warning).

        Raises:
            CalendarCoverageError: ``year`` is outside the calendar's range.
        """
        year = _as_int(year, "year")
        k = self.kernel
        if not k.first.year <= year <= k.estimated_until.year:
            start = dt.date(min(max(year, 1), 9999), 1, 1)
            raise k.coverage_error(start, "year", str(year))
        groups: dict[tuple[Festival, ...], list[tuple[int, DayEntry]]] = {}
        for ordinal, info in sorted(k.days.items()):
            if info.year == year:
                groups.setdefault(info.festivals, []).append((ordinal, info))
        provisional = year > k.last.year
        if provisional:
            k.warn_provisional(f"holidays({year})")
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
        k = self.kernel
        docs = tuple(n.document for n in sorted(self.notices, key=lambda n: n.issued))
        return Coverage(k.first, k.last, k.estimated_until, k.data_version, docs, k.settled_until)

    def with_notices(self, notices: Iterable[Notice]) -> ChinaCalendar:
        """A new calendar with ``notices`` added (same ``beyond`` policy).

        A notice with the same document number as one already recorded replaces it, so a
        corrected transcription can be loaded over the bundled one.  Dates no added
        notice names are unchanged.
        """
        return ChinaCalendar((*self.notices, *notices), beyond=self.beyond)

    # ------------------------------------------------------------------ vector API

    def is_working_day_array(self, dates: Any, *, errors: Literal["raise", "coerce"] = "raise") -> Any:
        """Vector [`is_working_day`][zwgk.calendar.ChinaCalendar.is_working_day] over a column of dates.

        Same semantics and coverage rules as the scalar method; a Series comes back as a
        Series with the same index.  Needs the ``numpy`` extra.

        Columns: numpy ``datetime64`` arrays, object arrays of `datetime.date` (or
        datetimes), pandas Series of any date-like dtype (datetime64, tz-aware, object,
        nullable, Arrow-backed), pyarrow ``date32``/``date64``/``timestamp`` arrays.  Missing
        values (None, NaN, NaT, ``pd.NA``, Arrow nulls) give False (NaT/NaN in the other
        functions).  ``errors="coerce"`` answers False/NaT/NaN for a date outside the
        calendar instead of raising (for Dask's ``meta`` probe, which sends 1970-01-01).
        """
        from zwgk.calendar import _vector

        return _vector.is_working_day(self.kernel, dates, errors)

    def add_working_days_array(
        self, dates: Any, n: Any, *, errors: Literal["raise", "coerce"] = "raise"
    ) -> Any:
        """Vector [`add_working_days`][zwgk.calendar.ChinaCalendar.add_working_days]; ``n`` is an integer or
        an array of them.

        Missing in gives ``NaT`` out; columns and ``errors`` as in
        [`is_working_day_array`][zwgk.calendar.ChinaCalendar.is_working_day_array] (with ``"coerce"``, a start
        or a result outside the calendar gives NaT).  Needs the ``numpy`` extra.
        """
        from zwgk.calendar import _vector

        return _vector.add_working_days(self.kernel, dates, n, errors)

    def working_days_between_array(
        self, start: Any, end: Any, *, errors: Literal["raise", "coerce"] = "raise"
    ) -> Any:
        """Vector [`working_days_between`][zwgk.calendar.ChinaCalendar.working_days_between] (counts in
        ``(start, end]``).

        Needs the ``numpy`` extra.  Returns float with NaN where an input is missing (or,
        with ``errors="coerce"``, outside the calendar), else int64; columns as in
        [`is_working_day_array`][zwgk.calendar.ChinaCalendar.is_working_day_array].
        """
        from zwgk.calendar import _vector

        return _vector.working_days_between(self.kernel, start, end, errors)

    # ------------------------------------------------------------------ displays

    def to_frame(self, start: dt.date, end: dt.date) -> Any:
        """One row per day in ``[start, end]`` (kind, working, festivals, notice, provisional).

        Needs the ``pandas`` extra.
        """
        return present(self, "frame", start=start, end=end)

    def plot_year(self, year: int, *, labels: Literal["auto", "zh", "en"] = "auto") -> Any:
        """A year's calendar figure: rest days, weekend working days and notice numbers.

        Needs the ``plot`` extra; see [`zwgk.calendar.plot_calendar_year`][].
        """
        return present(self, "plot", year=year, labels=labels)

    # ------------------------------------------------------------------ adapters

    def as_workalendar(self) -> WorkalendarCalendar:
        """This calendar as a `workalendar.core.Calendar`.

        Code written against workalendar's API (``is_working_day``, ``add_working_days``,
        ``sub_working_days``, ``get_working_days_delta``, ``holidays(year)``) gets zwgk's
        data for every covered year, without workalendar's China warnings.
        """
        from zwgk.calendar._workalendar import make_workalendar

        return make_workalendar(self)

    def holiday_map(self, years: int | Iterable[int], *, lang: Literal["zh", "en"] = "zh") -> HolidayMap:
        """A python-holidays-style read-only mapping date → name for ``years``.

        The days ``holidays.China`` lists: statutory holidays and weekday days off of holiday
        periods (not plain weekends, not 调休 working days); names in Chinese or English.
        See `HolidayMap`.
        """
        from zwgk.calendar._holiday_map import build_holiday_map

        return build_holiday_map(self, years, lang)


def _immutable(self: ChinaCalendar, name: str, value: object = None) -> None:
    raise AttributeError(
        gettext("{type} is immutable; use with_notices() for a new calendar").format(type=type(self).__name__)
    )


# attrs' frozen classes refuse assignment with a generic message; say what to do instead.
ChinaCalendar.__setattr__ = _immutable  # type: ignore[method-assign,assignment]
ChinaCalendar.__delattr__ = _immutable  # type: ignore[method-assign,assignment]


def _rebuild(notices: tuple[Notice, ...], beyond: Literal["estimate", "raise"]) -> ChinaCalendar:
    return ChinaCalendar(notices, beyond=beyond)


_DEFAULT_LOCK = threading.Lock()
_DEFAULT: list[ChinaCalendar] = []


def default_calendar() -> ChinaCalendar:
    """The calendar of the notices bundled with zwgk, estimating beyond them.

    Built once, on first use, under a lock: every caller, in every thread, gets the same
    immutable object.
    """
    if not _DEFAULT:
        with _DEFAULT_LOCK:
            if not _DEFAULT:
                _DEFAULT.append(ChinaCalendar())
    return _DEFAULT[0]
