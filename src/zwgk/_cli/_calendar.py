"""``zwgk calendar`` and ``zwgk workdays``: the official working-day calendar on the command line.

- ``zwgk calendar 2026`` — the year's holiday periods: every rest day and every weekend
  working day (调休上班), with the festival and the notice number;
- ``zwgk workdays add 2026-09-28 20`` — the 20th working day after 2026-09-28 (the start
  day never counts);
- ``zwgk workdays between A B`` — the number of working days in ``(A, B]``;
- ``zwgk workdays kind DATE`` — what kind of day ``DATE`` is;
- ``zwgk calendar parse-notice FILE|-`` — read the text of a published holiday notice and
  print its notice record as TOML (``--write DIR`` writes ``DIR/YYYY.toml``), with the days it
  adds, removes or changes against the loaded data.

Every command takes ``--json``, ``--beyond {estimate,raise}`` and ``--notices PATH`` (extra
notice files, e.g. next year's notice before zwgk's next release).  Results that use days
after the last recorded notice are estimates: the command says so on stderr (and in the
JSON output as ``"provisional": true``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from zwgk._cli._common import InputPath, add_force, date_arg, emit_json, write_output
from zwgk._files import read_input_text
from zwgk._i18n import gettext, msg, msg_n
from zwgk.calendar import ChinaCalendar, DayInfo, DayKind, Holiday, Notice, default_calendar, load_notices
from zwgk.calendar._notice_text import notice_to_toml
from zwgk.calendar._texts import festival_text, weekday_text
from zwgk.calendar.io import parse_notice_text
from zwgk.errors import InvalidInputError, ProvisionalCalendarWarning

__all__ = ["register"]

_T = TypeVar("_T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``calendar`` and ``workdays`` to the ``zwgk`` parser."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help=gettext("print JSON instead of text"))
    common.add_argument(
        "--beyond",
        choices=("estimate", "raise"),
        default="estimate",
        help=gettext(
            "after the last recorded notice: estimate from the statutory rules (default, marked "
            "provisional) or fail"
        ),
    )
    common.add_argument(
        "--notices",
        metavar="PATH",
        type=InputPath(".toml"),
        help=gettext(
            "extra notice file (.toml/.json) or folder of them, added to the bundled notices (- for stdin)"
        ),
    )

    cal = subparsers.add_parser(
        "calendar",
        parents=[common],
        help=gettext("a year's holidays: rest days and weekend working days, with notice numbers"),
        description=gettext(
            "List the holiday periods of YEAR on China's official calendar: every rest day and every "
            "weekend working day, with its festival and the notice that set it."
        ),
    )
    cal.add_argument(
        "year",
        type=_year_or_parse_notice,
        metavar="YEAR|parse-notice",
        help=gettext(
            "the arrangement year, e.g. 2026; or parse-notice FILE to read a published notice's text"
        ),
    )
    cal.add_argument(
        "file",
        nargs="?",
        type=InputPath(".txt"),
        metavar="FILE",
        help=gettext("with parse-notice: the notice text file, or - for stdin"),
    )
    cal.add_argument(
        "--write", metavar="DIR", help=gettext("with parse-notice: write the record to DIR/YYYY.toml")
    )
    add_force(cal, "--write")
    cal.set_defaults(handler=_calendar)

    workdays = subparsers.add_parser(
        "workdays",
        help=gettext("count working days on the official calendar"),
        description=gettext(
            "Working-day arithmetic on China's official calendar. The start day never counts."
        ),
    )
    sub = workdays.add_subparsers(dest="workdays_command", metavar="ACTION", required=True)

    add = sub.add_parser(
        "add",
        parents=[common],
        help=gettext("the N-th working day after DATE"),
        description=gettext(
            "The N-th working day after DATE (DATE itself never counts; N < 0 counts backwards)."
        ),
    )
    add.add_argument("date", type=date_arg, help=gettext("start date, YYYY-MM-DD"))
    add.add_argument("n", type=int, help=gettext("number of working days (negative: backwards)"))
    add.set_defaults(handler=_add)

    between = sub.add_parser(
        "between",
        parents=[common],
        help=gettext("number of working days in (START, END]"),
        description=gettext(
            "The number of working days after START up to and including END (negative if END < START)."
        ),
    )
    between.add_argument("start", type=date_arg, help=gettext("YYYY-MM-DD (not counted)"))
    between.add_argument("end", type=date_arg, help=gettext("YYYY-MM-DD (counted if a working day)"))
    between.set_defaults(handler=_between)

    kind = sub.add_parser(
        "kind",
        parents=[common],
        help=gettext("what kind of day DATE is"),
        description=gettext(
            "Whether DATE is a working day, and why: a working weekday, a weekend rest day, a "
            "statutory holiday, another holiday rest day or a weekend working day."
        ),
    )
    kind.add_argument("date", type=date_arg, help="YYYY-MM-DD")
    kind.set_defaults(handler=_kind)


# ---------------------------------------------------------------------------- plumbing


def _year_or_parse_notice(text: str) -> int | str:
    """argparse type of ``calendar``'s first argument: a year, or the word ``parse-notice``."""
    if text == "parse-notice":
        return text
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            gettext("invalid year {text}; expected e.g. 2026, or parse-notice FILE").format(text=repr(text))
        ) from None


def _calendar_for(args: argparse.Namespace) -> ChinaCalendar:
    cal = default_calendar() if args.beyond == "estimate" else ChinaCalendar(beyond="raise")
    if args.notices:
        cal = cal.with_notices(load_notices(args.notices))
    return cal


def _watch(compute: Callable[[], _T]) -> tuple[_T, bool]:
    """Run ``compute``; report provisional-data warnings on stderr instead of raising them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProvisionalCalendarWarning)
        result = compute()
    notes = []
    for w in caught:
        if issubclass(w.category, ProvisionalCalendarWarning):
            notes.append(str(w.message))
        else:  # pragma: no cover - nothing else is expected; pass it on
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if notes:
        _say_provisional(notes[0])
    return result, bool(notes)


def _say_provisional(message: str) -> None:
    print(gettext("zwgk: provisional: {message}").format(message=message), file=sys.stderr)


def _day(day: dt.date) -> str:
    return f"{day.isoformat()} {weekday_text(day)}"


def _festivals(info: DayInfo | Holiday) -> str:
    return festival_text(f.name for f in info.festivals)


# ---------------------------------------------------------------------------- handlers


def _calendar(args: argparse.Namespace) -> int:
    if args.year == "parse-notice":
        return _parse_notice(args)
    if args.file is not None or args.write is not None:
        raise InvalidInputError(
            "FILE", str(args.file or args.write), gettext("FILE and --write only with parse-notice")
        )
    cal = _calendar_for(args)

    def compute() -> tuple[tuple[Holiday, ...], dict[dt.date, DayInfo]]:
        periods = cal.holidays(args.year)
        days = (day for h in periods for day in (*h.rest_days, *h.working_days))
        return periods, {day: cal.day_kind(day) for day in days}

    (periods, infos), provisional = _watch(compute)
    if args.json:
        emit_json(
            {
                "year": args.year,
                "provisional": provisional,
                "data_version": cal.coverage().data_version,
                "periods": [_period_json(h, infos) for h in periods],
            }
        )
        return 0
    cov = cal.coverage()
    heading = msg(
        "Holiday arrangements for {year} (data {version}; notices recorded through {last})",
        year=str(args.year),
        version=cov.data_version,
        last=cov.last,
    )
    print(heading.render())
    if provisional:
        print(
            gettext(
                "provisional estimate: no notice recorded for this year; estimated from the statutory rules"
            )
        )
    for h in periods:
        days_off = msg_n("{n} day off", "{n} days off", "n", n=len(h.rest_days)).render()
        notices = gettext(", ").join(h.notices)
        print(
            f"\n{_festivals(h)}  {h.first.isoformat()} … {h.last.isoformat()}  {days_off}  {notices}".rstrip()
        )
        for day in sorted((*h.rest_days, *h.working_days)):
            info = infos[day]
            mark = gettext("work") if info.is_working_day else gettext("rest")
            print(f"  {mark}  {_day(day)}  {info.kind.name_in()}  {info.notice or ''}".rstrip())
    return 0


def _period_json(h: Holiday, infos: dict[dt.date, DayInfo]) -> dict[str, Any]:
    return {
        "festivals": [f.value for f in h.festivals],
        "first": h.first,
        "last": h.last,
        "notices": list(h.notices),
        "provisional": h.provisional,
        "rest_days": list(h.rest_days),
        "working_days": list(h.working_days),
        "days": [
            {
                "date": day,
                "kind": infos[day].kind,
                "working": infos[day].is_working_day,
                "notice": infos[day].notice,
            }
            for day in sorted((*h.rest_days, *h.working_days))
        ],
    }


def _add(args: argparse.Namespace) -> int:
    cal = _calendar_for(args)
    result, provisional = _watch(lambda: cal.add_working_days(args.date, args.n))
    if args.json:
        emit_json({"start": args.date, "n": args.n, "result": result, "provisional": provisional})
    else:
        line = msg_n(
            "{result}  ({weekday}; {n} working day from {start})",
            "{result}  ({weekday}; {n} working days from {start})",
            "count",
            result=result,
            weekday=weekday_text(result),
            n=f"{args.n:+d}",
            count=args.n,
            start=_day(args.date),
        )
        print(line.render())
    return 0


def _between(args: argparse.Namespace) -> int:
    cal = _calendar_for(args)
    count, provisional = _watch(lambda: cal.working_days_between(args.start, args.end))
    if args.json:
        emit_json({"start": args.start, "end": args.end, "working_days": count, "provisional": provisional})
    else:
        print(count)
    return 0


def _kind(args: argparse.Namespace) -> int:
    cal = _calendar_for(args)
    info, warned = _watch(lambda: cal.day_kind(args.date))
    if info.provisional and not warned:
        _say_provisional(
            gettext(
                "{day} is after {last}, the last day backed by a holiday notice; its kind is estimated "
                "from the statutory rules and may change"
            ).format(day=info.date.isoformat(), last=cal.coverage().last.isoformat())
        )
    if args.json:
        emit_json(
            {
                "date": info.date,
                "kind": info.kind,
                "kind_name": info.kind.name,
                "working": info.is_working_day,
                "festivals": [f.value for f in info.festivals],
                "notice": info.notice,
                "provisional": info.provisional or warned,
            }
        )
        return 0
    what = gettext("working day") if info.is_working_day else gettext("rest day")
    festivals = _festivals(info)
    if festivals and info.notice:
        sources = gettext("{festivals}, {notice}").format(festivals=festivals, notice=info.notice)
    else:
        sources = festivals or info.notice or ""
    detail = gettext(" ({sources})").format(sources=sources) if sources else ""
    estimate = gettext("  [provisional estimate]") if info.provisional else ""
    print(
        gettext("{day}  {kind}{detail} — {what}{estimate}").format(
            day=_day(info.date), kind=info.kind.name_in(), detail=detail, what=what, estimate=estimate
        )
    )
    return 0


def _parse_notice(args: argparse.Namespace) -> int:
    if args.file is None:
        raise InvalidInputError("FILE", "", gettext("parse-notice FILE (or - for stdin)"))
    text = read_input_text(args.file, gettext("notice text"))[1]
    notice = parse_notice_text(text)
    record = notice_to_toml(notice)
    diff = _notice_diff(_calendar_for(args), notice)
    if args.write:
        from pathlib import Path

        target = Path(args.write) / f"{notice.year}.toml"
        write_output(target, record, force=args.force, inputs=(args.file,), option="--write")
        print(gettext("wrote {path}").format(path=target))
    else:
        sys.stdout.write(record)
    against = gettext("against the loaded data:")
    print(f"\n# {against}" if not args.write else against)
    prefix = "" if args.write else "#   "
    for line in diff or [gettext("no day changes")]:
        print(f"{prefix}{line}")
    return 0


def _notice_diff(cal: ChinaCalendar, notice: Notice) -> list[str]:
    """The days ``notice`` adds, removes or changes compared with ``cal``."""
    new = cal.with_notices([notice])
    same_year = [n for n in cal.notices if n.year == notice.year and n.kind is notice.kind]
    days = set(notice.dates).union(*(n.dates for n in same_year))
    ordinary = (DayKind.WORKING_WEEKDAY, DayKind.WEEKEND_REST)
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ProvisionalCalendarWarning)
        for day in sorted(days):
            before, after = cal.day_kind(day), new.day_kind(day)
            if (before.kind, before.festivals) == (after.kind, after.festivals):
                continue
            label = festival_text(f.name for f in after.festivals or before.festivals)
            if (before.kind in ordinary and not before.festivals) or before.provisional:
                template = gettext("added   {day}  {before} → {after}  {festivals}")
            elif after.kind in ordinary and not after.festivals:
                template = gettext("removed {day}  {before} → {after}  {festivals}")
            else:
                template = gettext("changed {day}  {before} → {after}  {festivals}")
            line = template.format(
                day=_day(day), before=before.kind.name_in(), after=after.kind.name_in(), festivals=label
            )
            out.append(line.rstrip())
    return out
