"""The calendar's lookup tables and the small kernel API the clock and the vector path use.

[`build_kernel`][zwgk.calendar.build_kernel] is the one pure function that turns notices (with the statutory
holiday rules and festival anchors behind the estimates) into a
[`CalendarKernel`][zwgk.calendar.CalendarKernel]: for each day of the range its kind and the number of working
days up to it, and the list of working days. Every table is immutable (``bytes``, tuples, a read-only
mapping), so a kernel can be shared between threads and calendars.

The kernel's methods are *quiet*: no type checks, no provisional warnings — the public
methods of [`ChinaCalendar`][zwgk.calendar.ChinaCalendar] add those.  Code outside the calendar
package (the request clock, statutory periods) counts through these methods and never reads
a calendar's internals.
"""

from __future__ import annotations

import bisect
import datetime as dt
import types
import warnings
from collections.abc import Iterable
from typing import Literal

import attrs

from zwgk._lang import N_, gettext_
from zwgk.calendar._days import DayKind
from zwgk.calendar._notices import Festival, Notice, NoticeKind
from zwgk.errors import CalendarCoverageError, InvalidInputError, ProvisionalCalendarWarning

__all__ = ["KINDS", "UNCOVERED", "CalendarKernel", "DayEntry", "FastTables", "build_kernel", "data_version"]

# Days at the end of the final covered year that the next year's notice may still change
# (notices have set days from 29 December on; a week leaves a margin).
_UNSETTLED_DAYS = 7
_SATURDAY = 5

FastTables = tuple[tuple[int, ...], tuple[dt.date, ...], int]
"""``(cum - 1 by ordinal, workday dates, settled rank)``: see `CalendarKernel.fast`."""

#: The fast table's entry for days before the first covered day (larger than any rank).
UNCOVERED = 1 << 40

#: Day kinds by their code in `CalendarKernel.kinds`.
KINDS: tuple[DayKind, ...] = tuple(DayKind)
_CODE = {k: i for i, k in enumerate(KINDS)}
_WORKING = tuple(k.is_working for k in KINDS)


@attrs.frozen
class DayEntry:
    """A day some notice (or estimate) names: its final kind, festivals, document and year."""

    kind: DayKind
    festivals: tuple[Festival, ...]
    notice: str | None
    year: int


@attrs.frozen(eq=False)
class CalendarKernel:
    """The immutable tables of one calendar, with quiet counting methods.

    Attributes:
        first: 1 January of the first year with an annual notice.
        last: 31 December of the last such year.
        estimated_until: the last day answered (``last`` for ``beyond="raise"``).
        settled_until: the last day no unrecorded notice can change.
        beyond: the calendar's policy after ``last`` (``"estimate"`` or ``"raise"``).
        base: ordinal of ``first`` (index 0 of every per-day table).
        size: number of days in ``[first, estimated_until]``.
        settled_ordinal: ordinal of ``settled_until``.
        settled_rank: rank of the last working day on or before ``settled_until``.
        kinds: per day, the code of its [`DayKind`][zwgk.calendar.DayKind] (an index into `KINDS`).
        cum: per day, working days in ``[first, day]``.
        before: per day, working days in ``[first, day)``.
        workdays: ordinals of every working day, in order.
        workday_dates: the same days as dates (ready-made results).
        days: ordinal → `DayEntry` for every day a notice or estimate names.
        data_version: issue date of the newest notice + a hash of the notice data.
        fast: the tables of the scalar fast paths, one tuple (one attribute load):
            ``(by_ordinal, workday_dates, settled_rank)``.  ``by_ordinal[d.toordinal()]`` is
            ``cum - 1`` of every day up to `settled_until` and `UNCOVERED` before
            `first`; the tuple ends at the settled day, so a later day raises
            ``IndexError``.  A result found through it is settled and in range, so it needs
            neither a bounds check nor a warning (about 6 MB: one pointer per ordinal).
    """

    first: dt.date
    last: dt.date
    estimated_until: dt.date
    settled_until: dt.date
    beyond: Literal["estimate", "raise"]
    base: int
    size: int
    settled_ordinal: int
    settled_rank: int
    kinds: bytes
    cum: tuple[int, ...]
    before: tuple[int, ...]
    workdays: tuple[int, ...]
    workday_dates: tuple[dt.date, ...]
    days: types.MappingProxyType[int, DayEntry]
    data_version: str
    fast: FastTables

    # ------------------------------------------------------------------ bounds

    def coverage_error(self, day: dt.date, field: str, shown: str | None = None) -> CalendarCoverageError:
        """The error for ``day`` outside the range (``field`` names the argument)."""
        if day < self.first:
            return CalendarCoverageError.before_notices(
                day, self.first, self.estimated_until, field=field, shown=shown
            )
        if self.beyond == "raise":
            return CalendarCoverageError.beyond_notices(day, self.first, self.last, field=field, shown=shown)
        return CalendarCoverageError.beyond_horizon(
            day, self.first, self.last, self.estimated_until, field=field, shown=shown
        )

    def index(self, day: dt.date, field: str = "day") -> int:
        """The table index of ``day``.

        Raises:
            CalendarCoverageError: ``day`` is outside the range.
        """
        i = day.toordinal() - self.base
        if 0 <= i < self.size:
            return i
        raise self.coverage_error(day, field)

    # ------------------------------------------------------------------ counting

    def is_working(self, day: dt.date, field: str = "day") -> bool:
        """Whether ``day`` is a working day."""
        return _WORKING[self.kinds[self.index(day, field)]]

    def add_ordinal(self, day: dt.date, ordinal: int, n: int) -> int:
        """Ordinal of the ``n``-th working day after ``day`` (strict; ``n == 0`` gives ``day``).

        Raises:
            CalendarCoverageError: ``day`` or the result is outside the range.
        """
        i = ordinal - self.base
        if not 0 <= i < self.size:
            raise self.coverage_error(day, "day")
        if n > 0:
            r = self.cum[i] + n - 1
        elif n < 0:
            r = self.before[i] + n
        else:
            return ordinal
        if not 0 <= r < len(self.workdays):
            raise CalendarCoverageError.count_beyond_edge(day, n, self.first, self.estimated_until)
        return self.workdays[r]

    def add(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` as a date (see
        [`add_ordinal`][zwgk.calendar.CalendarKernel.add_ordinal])."""
        if n > 0:
            i = day.toordinal() - self.base
            if 0 <= i < self.size:
                r = self.cum[i] + n - 1
                if r < len(self.workday_dates):
                    return self.workday_dates[r]
        return dt.date.fromordinal(self.add_ordinal(day, day.toordinal(), n))

    def between(self, start: dt.date, end: dt.date, fields: tuple[str, str] = ("start", "end")) -> int:
        """Working days in ``(start, end]`` (negative when ``end < start``).

        Raises:
            CalendarCoverageError: either date is outside the range.
        """
        i = start.toordinal() - self.base
        j = end.toordinal() - self.base
        if not 0 <= i < self.size:
            raise self.coverage_error(start, fields[0])
        if not 0 <= j < self.size:
            raise self.coverage_error(end, fields[1])
        return self.cum[j] - self.cum[i]

    # ------------------------------------------------------------------ provenance

    def warn_provisional(self, what: str, stacklevel: int = 3) -> None:
        """Warn that ``what`` used days after `settled_until`."""
        warnings.warn(
            ProvisionalCalendarWarning.beyond_settled(what, self.settled_until, self.last),
            stacklevel=stacklevel + 1,
        )


def build_kernel(notices: Iterable[Notice], beyond: Literal["estimate", "raise"]) -> CalendarKernel:
    """Build the tables of a calendar from ``notices`` (already de-duplicated).

    Notices are applied in the order they were issued; years after the last annual notice
    are estimated from the statutory rules up to the festival anchors' last year when
    ``beyond == "estimate"``.

    Raises:
        InvalidInputError: no annual notice, or the annual notices skip a year.
    """
    # The statutory rules and festival anchors load when a calendar is first built.
    from zwgk.calendar._anchors import estimate_years
    from zwgk.calendar._rules import estimate_notice

    notices = tuple(notices)
    years = sorted({n.year for n in notices if n.kind is NoticeKind.ANNUAL})
    if not years:
        raise InvalidInputError("notices", len(notices), N_("at least one annual notice"))
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    if missing:
        raise InvalidInputError(
            "notices",
            f"annual notices for {years[0]}–{years[-1]}",
            gettext_(N_("consecutive years; missing {missing}")).format(missing=missing),
        )
    first = dt.date(years[0], 1, 1)
    last = dt.date(years[-1], 12, 31)
    until = dt.date(estimate_years()[-1], 12, 31) if beyond == "estimate" else last
    until = max(until, last)
    applied = sorted(notices, key=lambda n: (n.issued, n.effective or n.issued, n.document))
    estimates = [estimate_notice(y) for y in range(years[-1] + 1, until.year + 1)]
    named: dict[dt.date, DayEntry] = {}
    for notice in (*applied, *estimates):
        for period in notice.periods:
            for day in period.rest_days:
                named[day] = DayEntry(DayKind.ADJUSTED_REST, period.festivals, notice.document, notice.year)
            for day in period.working_days:
                named[day] = DayEntry(
                    DayKind.ADJUSTED_WORKING, period.festivals, notice.document, notice.year
                )
    base = first.toordinal()
    size = until.toordinal() - base + 1
    kinds = bytearray(size)
    cum = [0] * size
    before = [0] * size
    workdays: list[int] = []
    count = 0
    weekday_code = _CODE[DayKind.WORKING_WEEKDAY]
    weekend_code = _CODE[DayKind.WEEKEND_REST]
    resolved: dict[int, DayEntry] = {}
    for i in range(size):
        ordinal = base + i
        day = dt.date.fromordinal(ordinal)
        entry = named.get(day)
        if entry is None:
            code = weekend_code if day.weekday() >= _SATURDAY else weekday_code
        else:
            entry = _resolve(day, entry)
            resolved[ordinal] = entry
            code = _CODE[entry.kind]
        kinds[i] = code
        before[i] = count
        if _WORKING[code]:
            count += 1
            workdays.append(ordinal)
        cum[i] = count
    # Provisional from the last week of the final year on: the next notice may change it.
    settled_ordinal = last.toordinal() - _UNSETTLED_DAYS
    settled_rank = bisect.bisect_right(workdays, settled_ordinal) - 1
    workday_dates = tuple(dt.date.fromordinal(o) for o in workdays)
    by_ordinal = (UNCOVERED,) * base + tuple(c - 1 for c in cum[: settled_ordinal - base + 1])
    fast = (by_ordinal, workday_dates, settled_rank)
    return CalendarKernel(
        first=first,
        last=last,
        estimated_until=until,
        settled_until=dt.date.fromordinal(settled_ordinal),
        beyond=beyond,
        base=base,
        size=size,
        settled_ordinal=settled_ordinal,
        settled_rank=settled_rank,
        kinds=bytes(kinds),
        cum=tuple(cum),
        before=tuple(before),
        workdays=tuple(workdays),
        workday_dates=workday_dates,
        days=types.MappingProxyType(resolved),
        data_version=data_version(notices),
        fast=fast,
    )


def _resolve(day: dt.date, entry: DayEntry) -> DayEntry:
    """Final kind of a day a notice names (rest days split by statutory status)."""
    weekend = day.weekday() >= _SATURDAY
    if entry.kind is DayKind.ADJUSTED_WORKING:
        kind = DayKind.ADJUSTED_WORKING if weekend else DayKind.WORKING_WEEKDAY
    elif day in _statutory(entry.year):
        kind = DayKind.STATUTORY_HOLIDAY
    else:
        kind = DayKind.WEEKEND_REST if weekend else DayKind.ADJUSTED_REST
    return attrs.evolve(entry, kind=kind)


def _statutory(year: int) -> frozenset[dt.date]:
    from zwgk.calendar._rules import statutory_days

    try:
        return frozenset(statutory_days(year))
    except (LookupError, KeyError):
        return frozenset()


def _json_value(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON data: {value!r}")  # pragma: no cover - notices hold dates, text, numbers


def data_version(notices: Iterable[Notice]) -> str:
    """Issue date of the newest notice + the first 8 hex digits of a sha256 of the notice data.

    The hash is of the canonical JSON of every notice record (sorted by document number,
    keys sorted), so it changes exactly when the data does.
    """
    import hashlib
    import json

    ordered = sorted(notices, key=lambda n: n.document)
    newest = max(ordered, key=lambda n: n.issued)
    records = [attrs.asdict(n) for n in ordered]
    canonical = json.dumps(records, sort_keys=True, ensure_ascii=False, default=_json_value)
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{newest.issued.isoformat()}+{digest[:8]}"
