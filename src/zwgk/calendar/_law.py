"""Holiday notices checked against the law's shape (issue 11, "Hostile and real-world inputs").

A notice file that parses is not yet a believable notice.  These checks hold every record
to what a State Council holiday notice can say, and report each breach as a
[`Problem`][zwgk.errors.Problem] with its location (the caller gathers them into one
[`DataFileError`][zwgk.errors.DataFileError]):

1. **Its own year.**  Every date a notice names lies in the notice's ``year``; the previous
   December is allowed (元旦's 调休 often moves a day of late December: 2011-12-31 in the
   2012 notice) and the record says so in [`Notice.previous_december`][zwgk.calendar.Notice.previous_december]
   — an info note, not a warning, because a dozen real notices do it.  Any other year is refused.
2. **调休上班 only on weekends.**  A working day (``working``) must be a Saturday or a
   Sunday: a weekday is a working day already, so a notice never names one.
3. **The statutory days are rest days.**  For each festival a notice names, the statutory
   days of that festival under the version of 《全国年节及纪念日放假办法》 in force on
   1 January of the year (its [`FestivalRule`][zwgk.calendar.FestivalRule] for that festival; a day
   two festivals share, 2009-10-03 for 中秋节 and 国庆节, counts for both) must all be rest days of
   the notice.  A festival with no statutory days in that version (2015's 抗战胜利纪念日,
   or 清明节 before 2008) is allowed only in a ``special`` notice: that kind *is* the record
   of an exception the measures do not provide for.
4. **No contradiction between records** loaded together: a day that is a rest day in one
   notice and a working day in another is refused, unless the later-issued one is an
   ``amendment`` whose ``amends`` names the other's document (2019's 劳动节, 2020's
   extended 春节) — the exception is data in the record, never code.

The checks are pure: they read only the notice values and the statutory rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from zwgk._i18n import N_, gettext
from zwgk.calendar._anchors import anchor_date
from zwgk.calendar._notices import Festival, Notice, NoticeKind
from zwgk.calendar._rules import rules_for_year
from zwgk.errors import Problem

__all__ = ["contradictions", "law_problems"]

_SATURDAY = 5
_WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def law_problems(notice: Notice, source: str) -> list[Problem]:
    """Every breach of rules 1–3 (see the module docstring) by one well-formed ``notice``."""
    problems: list[Problem] = []

    def add(where: str, message: str, value: object, expected: str) -> None:
        problems.append(Problem(f"{source}: {where}", message, None, value, expected))

    year = notice.year
    window = gettext("a date in {year} (or in December {previous})").format(year=year, previous=year - 1)
    outside = gettext("outside the notice's year {year}").format(year=year)
    for i, period in enumerate(notice.periods):
        for j, day in enumerate((period.first, period.last)):
            if not _in_window(day, year):
                add(f"periods[{i}].rest[{j}]", outside, day, window)
        for j, day in enumerate(period.working_days):
            if not _in_window(day, year):
                add(f"periods[{i}].working[{j}]", outside, day, window)
            if day.weekday() < _SATURDAY:
                add(
                    f"periods[{i}].working[{j}]",
                    gettext("a weekend working day on a {weekday}").format(
                        weekday=gettext(_WEEKDAYS[day.weekday()])
                    ),
                    day,
                    gettext("a Saturday or Sunday (weekdays are working days already)"),
                )
    problems.extend(_statutory_problems(notice, source))
    return problems


def _in_window(day: dt.date, year: int) -> bool:
    return day.year == year or (day.year == year - 1 and day.month == 12)


def _statutory_problems(notice: Notice, source: str) -> list[Problem]:
    try:
        rules = rules_for_year(notice.year)
        statutory = {
            rule.festival: sorted(
                anchor_date(notice.year, rule.anchor) + dt.timedelta(days=off) for off in rule.offsets
            )
            for rule in rules.festivals
        }
    except (LookupError, ValueError):
        return [
            Problem(
                f"{source}: year",
                gettext("no statutory holiday rules (or festival dates) are recorded for this year"),
                None,
                notice.year,
                gettext("a year the rules of 《全国年节及纪念日放假办法》 cover (2000 to 2050)"),
            )
        ]
    rest: set[dt.date] = set()
    first_index: dict[Festival, int] = {}
    for i, period in enumerate(notice.periods):
        rest.update(period.rest_days)
        for festival in period.festivals:
            first_index.setdefault(festival, i)
    problems = []
    for festival, i in first_index.items():
        days = statutory.get(festival, [])
        if not days:
            if notice.kind is not NoticeKind.SPECIAL:
                problems.append(
                    Problem(
                        f"{source}: periods[{i}].festivals",
                        gettext("{festival} has no statutory days under {document}").format(
                            festival=festival.value, document=rules.document
                        ),
                        None,
                        festival.value,
                        gettext("a statutory festival, or kind = 'special' for a one-off holiday"),
                    )
                )
            continue
        missing = [d.isoformat() for d in days if d not in rest]
        if missing:
            problems.append(
                Problem(
                    f"{source}: periods[{i}].rest",
                    gettext("statutory days of {festival} under {document} are not rest days").format(
                        festival=festival.value, document=rules.document
                    ),
                    None,
                    missing,
                    gettext("rest days covering {days}").format(days=", ".join(d.isoformat() for d in days)),
                )
            )
    return problems


def contradictions(named: Sequence[tuple[str, Notice]]) -> list[Problem]:
    """Days set one way by one record and the other way by another (rule 4).

    ``named`` pairs each notice with how messages name it (its file).  A pair is allowed
    when the later-issued record is an amendment naming the earlier one's document.
    """
    status: dict[dt.date, list[tuple[int, bool, int]]] = {}
    for k, (_, notice) in enumerate(named):
        for i, period in enumerate(notice.periods):
            for day in period.rest_days:
                status.setdefault(day, []).append((k, False, i))
            for day in period.working_days:
                status.setdefault(day, []).append((k, True, i))
    problems: list[Problem] = []
    reported: set[tuple[int, int, dt.date]] = set()
    for day in sorted(status):
        entries = status[day]
        for a, working_a, _ in entries:
            for b, working_b, i in entries:
                if working_a == working_b or a == b or (a, b, day) in reported:
                    continue
                earlier, later = named[a][1], named[b][1]
                if (later.issued, b) < (earlier.issued, a):
                    continue  # reported from the later record's side
                reported.add((a, b, day))
                if later.kind is NoticeKind.AMENDMENT and later.amends == earlier.document:
                    continue

                problems.append(
                    Problem(
                        f"{named[b][0]}: periods[{i}]",
                        _contradiction(working_b, working_a).format(
                            day=day.isoformat(), other=named[a][0], document=earlier.document
                        ),
                        None,
                        None,
                        gettext("no contradiction, or kind = 'amendment' with amends = {document}").format(
                            document=repr(earlier.document)
                        ),
                    )
                )
    return problems


def _contradiction(working_here: bool, working_there: bool) -> str:
    """The template of a day set one way here and the other way in another record."""
    if working_here and not working_there:
        return gettext("{day} is a working day here and a rest day in {other} ({document})")
    return gettext("{day} is a rest day here and a working day in {other} ({document})")
