"""What the calendar says about a day, a holiday period and its own coverage: plain values."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import Language, resolve
from zwgk.calendar._notices import Festival
from zwgk.calendar._texts import festival_text, kind_text

__all__ = ["Coverage", "DayInfo", "DayKind", "Holiday", "as_date"]


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

    def name_in(self, lang: Language | None = None) -> str:
        """The kind's name in ``lang`` (default: the current language): 调休上班 / weekend working day.

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return kind_text(self.name, resolve(lang))


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

    def label_in(self, lang: Language | None = None) -> str:
        """The festivals in ``lang`` (default: the current language).

        中秋节、国庆节 in Chinese, Mid-Autumn & National Day in English.

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return festival_text((f.name for f in self.festivals), resolve(lang))


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
    """Return ``value`` as a `datetime.date` (a date, or a datetime's date in China time).

    The calendar's scalar API refuses strings (`zwgk._dates.parse_date` with ``text=False``).

    Raises:
        InvalidTypeError: ``value`` is not a date or datetime.
    """
    return parse_date(value, field, text=False)
