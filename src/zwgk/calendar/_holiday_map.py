"""A python-holidays-style view of the calendar: ``date in m``, ``m.get(d)``, iteration.

[`ChinaCalendar.holiday_map`][zwgk.calendar.ChinaCalendar.holiday_map] returns a
`HolidayMap`, a read-only `Mapping` from date to name with the
days python-holidays' ``holidays.China`` lists:

* every **statutory holiday** (法定节假日, [`STATUTORY_HOLIDAY`][zwgk.calendar.DayKind.STATUTORY_HOLIDAY]) of
  the 《全国年节及纪念日放假办法》 version in force, weekends included, named after its festival
  as python-holidays names it (农历除夕 / "Chinese New Year's Eve" for the 除夕 statutory day,
  "中秋节; 国庆节" when 中秋 falls on a 国庆 statutory day);
* every **weekday day off** of a holiday period (调休 or 补休,
  [`ADJUSTED_REST`][zwgk.calendar.DayKind.ADJUSTED_REST]), named "<festival>（调休）" / "Day off (<festival>)"
  — python-holidays calls these "Day off (substituted from …)" or "… (observed)".

Ordinary Saturdays and Sundays inside a holiday period are not listed (nor are they in
python-holidays), and neither are weekend working days (调休上班): ask
[`is_working_day`][zwgk.calendar.ChinaCalendar.is_working_day] for those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from zwgk._i18n import gettext
from zwgk.calendar._anchors import festival_dates
from zwgk.calendar._days import DayKind
from zwgk.calendar._notices import Festival
from zwgk.calendar._rules import statutory_days
from zwgk.errors import InvalidInputError

if TYPE_CHECKING:
    from zwgk.calendar._calendar import ChinaCalendar

__all__ = ["HolidayMap", "build_holiday_map"]

#: English names, as python-holidays writes them.
_EN = MappingProxyType(
    {
        Festival.NEW_YEAR: "New Year's Day",
        Festival.SPRING_FESTIVAL: "Chinese New Year (Spring Festival)",
        Festival.QINGMING: "Tomb-Sweeping Day",
        Festival.LABOUR_DAY: "Labor Day",
        Festival.DRAGON_BOAT: "Dragon Boat Festival",
        Festival.MID_AUTUMN: "Mid-Autumn Festival",
        Festival.NATIONAL_DAY: "National Day",
        Festival.VICTORY_DAY: "70th Anniversary of the Victory of the Chinese People's War of Resistance "
        "against Japanese Aggression and the World Anti-Fascist War",
    }
)


class HolidayMap(Mapping[dt.date, str]):
    """Read-only mapping date → name of the statutory holidays and weekday days off of some years.

    ``years`` is the sorted tuple of years it covers; ``lang`` ``"zh"`` or ``"en"``.
    A key that is a ``datetime`` is looked up by its date; any other key is simply absent.
    """

    __slots__ = ("_days", "lang", "years")

    def __init__(self, days: Mapping[dt.date, str], years: tuple[int, ...], lang: str) -> None:
        self._days = dict(sorted(days.items()))
        self.years = years
        self.lang = lang

    def __getitem__(self, key: object) -> str:
        if isinstance(key, dt.datetime):
            key = key.date()
        return self._days[key]  # type: ignore[index]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, dt.datetime):
            key = key.date()
        return key in self._days

    def __iter__(self) -> Iterator[dt.date]:
        return iter(self._days)

    def __len__(self) -> int:
        return len(self._days)

    def __repr__(self) -> str:
        return f"HolidayMap(years={list(self.years)}, lang={self.lang!r}, days={len(self)})"


_EVE = MappingProxyType({"zh": "农历除夕", "en": "Chinese New Year's Eve"})


def _statutory_name(day: dt.date, festival: Festival, lang: str) -> str:
    # python-holidays names the 除夕 statutory day (2008–2013, 2025–) and a 中秋 that falls on a
    # 国庆 statutory day ("Mid-Autumn Festival; National Day") by the lunar date.
    anchors: Mapping[str, dt.date] = festival_dates().get(day.year, {})
    if festival is Festival.SPRING_FESTIVAL and anchors.get("lunar_new_year") == day + dt.timedelta(days=1):
        return _EVE[lang]
    if festival is Festival.NATIONAL_DAY and anchors.get("mid_autumn") == day:
        return "; ".join(_name(f, False, lang) for f in (Festival.MID_AUTUMN, Festival.NATIONAL_DAY))
    return _name(festival, False, lang)


def _name(festival: Festival, adjusted: bool, lang: str) -> str:
    if lang == "zh":
        return f"{festival.value}（调休）" if adjusted else festival.value
    return f"Day off ({_EN[festival]})" if adjusted else _EN[festival]


def build_holiday_map(
    calendar: ChinaCalendar, years: int | Iterable[int], lang: Literal["zh", "en"]
) -> HolidayMap:
    """The `HolidayMap` of ``years`` from ``calendar`` (see the module docstring)."""
    if lang not in ("zh", "en"):
        raise InvalidInputError("lang", lang, gettext('"zh" or "en"'))
    wanted = (years,) if isinstance(years, int) else tuple(years)
    out: dict[dt.date, str] = {}
    for year in sorted(set(wanted)):
        calendar.holidays(year)  # the range check (and the provisional warning)
        statutory = statutory_days(year)
        day = dt.date(year, 1, 1)
        while day.year == year:
            info = calendar.day_kind(day)
            if info.kind is DayKind.STATUTORY_HOLIDAY:
                festival = statutory.get(day) or info.festivals[0]
                out[day] = _statutory_name(day, festival, lang)
            elif info.kind is DayKind.ADJUSTED_REST and info.festivals:
                out[day] = _name(info.festivals[0], True, lang)
            day += dt.timedelta(days=1)
    return HolidayMap(out, tuple(sorted(set(wanted))), lang)
