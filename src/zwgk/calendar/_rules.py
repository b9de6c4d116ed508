"""The statutory holiday rules (《全国年节及纪念日放假办法》) and the estimate they allow.

Two uses:

1. inside a notice's rest range, tell a statutory holiday (法定节假日) from the other rest
   days of the period (weekends, and weekdays moved by 调休);
2. for a year with no recorded notice, estimate its rest days (see `estimate_notice`).

Rules are package data (``data/holiday_rules.toml``, one record per version of the
measures); the Gregorian dates of the lunisolar festivals come from `._anchors`.
("Regime" in zwgk means only a version of 《政府信息公开条例》; a version of the holiday
measures is a [`HolidayRules`][zwgk.calendar.HolidayRules].)
"""

from __future__ import annotations

import datetime as dt
import types
from functools import cache

import attrs

from zwgk._i18n import gettext
from zwgk.calendar._anchors import anchor_date
from zwgk.calendar._notices import Festival, HolidayPeriod, Notice, NoticeKind

__all__ = [
    "FestivalRule",
    "HolidayRules",
    "estimate_notice",
    "holiday_rules",
    "rules_for_year",
    "statutory_days",
]

_SATURDAY = 5


@attrs.frozen
class FestivalRule:
    """The statutory days of one festival: offsets from an anchor date."""

    festival: Festival
    anchor: str
    offsets: tuple[int, ...]
    text: str


@attrs.frozen
class HolidayRules:
    """One version of 《全国年节及纪念日放假办法》."""

    document: str
    title: str
    in_force: dt.date
    total_days: int
    festivals: tuple[FestivalRule, ...]
    verification: str = ""


def _read(name: str) -> dict[str, object]:
    import tomllib  # imported on first use: import zwgk stays cheap (issue 17)
    from importlib import resources  # the same

    text = (resources.files("zwgk.calendar") / "data" / name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def holiday_rules() -> tuple[HolidayRules, ...]:
    """Every recorded version of 《全国年节及纪念日放假办法》, oldest first."""
    raw = _read("holiday_rules.toml")
    out = []
    for r in raw["versions"]:  # type: ignore[attr-defined]
        rules = tuple(
            FestivalRule(Festival.parse(f["festival"]), f["anchor"], tuple(f["offsets"]), f["text"])
            for f in r["festivals"]
        )
        out.append(
            HolidayRules(r["document"], r["title"], r["in_force"], r["total_days"], rules, r["verification"])
        )
    return tuple(sorted(out, key=lambda r: r.in_force))


def rules_for_year(year: int) -> HolidayRules:
    """The version of the measures in force on 1 January of ``year``.

    Raises:
        LookupError: no recorded version was in force then.
    """
    start = dt.date(year, 1, 1)
    found = [r for r in holiday_rules() if r.in_force <= start]
    if not found:
        raise LookupError(gettext("no statutory holiday rules recorded for {year}").format(year=year))
    return found[-1]


@cache
def statutory_days(year: int) -> types.MappingProxyType[dt.date, Festival]:
    """The statutory holidays of ``year`` under the measures in force on its 1 January.

    The day before 正月初一 (除夕) can fall in the previous calendar year's dates only in
    theory; it is returned with the year whose festival it belongs to.
    """
    rules = rules_for_year(year)
    out: dict[dt.date, Festival] = {}
    for rule in rules.festivals:
        base = anchor_date(year, rule.anchor)
        for off in rule.offsets:
            out[base + dt.timedelta(days=off)] = rule.festival
    return types.MappingProxyType(out)


def estimate_notice(year: int) -> Notice:
    """An estimated arrangement for a year with no recorded notice.

    The estimate is deliberately simple and documented: every statutory day is a rest
    day; a statutory day falling on a weekend is made up on the next weekday that is not
    already a rest day (补休, as the measures require); weekends adjoining a festival's
    days belong to its period; no weekend working days are guessed (the notice's
    调休 cannot be predicted).  Results that use such days are marked provisional.
    """
    days = statutory_days(year)
    by_festival: dict[Festival, list[dt.date]] = {}
    for day, festival in sorted(days.items()):
        by_festival.setdefault(festival, []).append(day)
    taken = set(days)
    periods = []
    for festival, fdays in by_festival.items():
        rest = set(fdays)
        for day in fdays:
            if day.weekday() >= _SATURDAY:
                make_up = max(rest) + dt.timedelta(days=1)
                while make_up.weekday() >= _SATURDAY or make_up in taken:
                    make_up += dt.timedelta(days=1)
                rest.add(make_up)
                taken.add(make_up)
        first, last = min(rest), max(rest)
        while (first - dt.timedelta(days=1)).weekday() >= _SATURDAY:
            first -= dt.timedelta(days=1)
        while (last + dt.timedelta(days=1)).weekday() >= _SATURDAY:
            last += dt.timedelta(days=1)
        # Fill the gap between the festival's days and a make-up day only with weekend days
        # (a gap weekday stays a working day: the estimate guesses no 调休).
        span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        holes = [d for d in span if d not in rest and d.weekday() < _SATURDAY]
        pieces = _split(span, set(holes))
        for a, b in pieces:
            periods.append(
                HolidayPeriod((festival,), a, b, (), "estimated from " + rules_for_year(year).document)
            )
    return Notice(
        document=f"estimate-{year}",
        title=f"{year}年节假日安排（按《全国年节及纪念日放假办法》估算，非正式通知）",
        year=year,
        kind=NoticeKind.ANNUAL,
        issued=dt.date(year - 1, 1, 1),
        periods=tuple(sorted(periods, key=lambda p: p.first)),
        verification="estimate: no notice recorded",
    )


def _split(span: list[dt.date], holes: set[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Split ``span`` into runs of consecutive days that avoid ``holes``."""
    runs: list[tuple[dt.date, dt.date]] = []
    start: dt.date | None = None
    prev: dt.date | None = None
    for day in span:
        if day in holes:
            if start is not None and prev is not None:
                runs.append((start, prev))
            start = None
        elif start is None:
            start = day
        prev = day
    if start is not None and prev is not None:
        runs.append((start, prev))
    # Drop runs made only of weekend days (they are ordinary weekends).
    return [r for r in runs if any(d.weekday() < _SATURDAY for d in _days(*r))]


def _days(a: dt.date, b: dt.date) -> list[dt.date]:
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)]
