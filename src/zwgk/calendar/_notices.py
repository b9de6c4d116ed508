"""Holiday notices (《国务院办公厅关于YYYY年部分节假日安排的通知》) as values, and their files.

A [`Notice`][zwgk.calendar.Notice] is one State Council document: an annual arrangement, a mid-year
amendment (2020's Spring Festival extension) or a special notice (2015's 9/3 holiday).
Each [`HolidayPeriod`][zwgk.calendar.HolidayPeriod] says which days are rest days (an inclusive range) and
which weekend days are working days (调休上班).

When notices are combined into a calendar they are applied in the order they were
issued; a later notice overrides an earlier one on every date it names.

Files: one TOML (or JSON) document per notice, in the schema documented in
``docs/reference/calendar.md`` (section "Notice files"); [`zwgk.calendar.io`][] reads them
and publishes the JSON Schema.  `notice_shape` validates parsed data here in
plain Python (the core never imports pydantic) and reports every problem with its location
in one [`DataFileError`][zwgk.errors.DataFileError].
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import N_, Language, gettext, resolve
from zwgk.calendar._texts import festival_text
from zwgk.errors import DataFileError, InvalidInputError, InvalidTypeError, Problem, UnknownNameError

__all__ = [
    "Festival",
    "HolidayPeriod",
    "Notice",
    "NoticeKind",
    "notice_shape",
]


class Festival(enum.StrEnum):
    """A festival named in a holiday notice; the value is its Chinese name."""

    NEW_YEAR = "元旦"
    SPRING_FESTIVAL = "春节"
    QINGMING = "清明节"
    LABOUR_DAY = "劳动节"
    DRAGON_BOAT = "端午节"
    MID_AUTUMN = "中秋节"
    NATIONAL_DAY = "国庆节"
    VICTORY_DAY = "中国人民抗日战争暨世界反法西斯战争胜利纪念日"

    def name_in(self, lang: Language | None = None) -> str:
        """The festival's name in ``lang`` (default: the current language): 春节 / Spring Festival.

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return festival_text([self.name], resolve(lang))

    @classmethod
    def parse(cls, text: str) -> Festival:
        """Return the festival named by ``text`` (Chinese names and common variants).

        Raises:
            UnknownNameError: ``text`` names no festival.
        """
        key = text.strip()
        found = _FESTIVAL_ALIASES.get(key)
        if found is None:
            raise UnknownNameError(N_("festival"), text, [f.value for f in cls])
        return found


_FESTIVAL_ALIASES: MappingProxyType[str, Festival] = MappingProxyType(
    {f.value: f for f in Festival}
    | {
        "新年": Festival.NEW_YEAR,
        "元旦节": Festival.NEW_YEAR,
        "春节假期": Festival.SPRING_FESTIVAL,
        "清明": Festival.QINGMING,
        "五一": Festival.LABOUR_DAY,
        "五一劳动节": Festival.LABOUR_DAY,
        "国际劳动节": Festival.LABOUR_DAY,
        "端午": Festival.DRAGON_BOAT,
        "中秋": Festival.MID_AUTUMN,
        "国庆": Festival.NATIONAL_DAY,
        "抗战胜利纪念日": Festival.VICTORY_DAY,
        "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日": Festival.VICTORY_DAY,
    }
    | {f.name.lower(): f for f in Festival}
)


class NoticeKind(enum.StrEnum):
    """What kind of document a notice is."""

    ANNUAL = "annual"
    """The yearly arrangement, 《国务院办公厅关于YYYY年部分节假日安排的通知》."""
    AMENDMENT = "amendment"
    """A change to an annual arrangement after it was issued (e.g. 国办发明电〔2020〕1号)."""
    SPECIAL = "special"
    """A one-off holiday outside the annual arrangement (e.g. 2015-09-03)."""


@attrs.frozen
class HolidayPeriod:
    """One holiday period of a notice.

    ``first`` … ``last`` (inclusive) are rest days; ``working_days`` are the weekend days
    the notice declares working days (调休上班) for this period.
    """

    festivals: tuple[Festival, ...]
    first: dt.date
    last: dt.date
    working_days: tuple[dt.date, ...] = ()
    text: str = ""

    @property
    def rest_days(self) -> tuple[dt.date, ...]:
        """Every day from ``first`` to ``last``, both included."""
        span = (self.last - self.first).days
        return tuple(self.first + dt.timedelta(days=i) for i in range(span + 1))

    @property
    def label(self) -> str:
        """The festivals joined as a notice writes them (``中秋节、国庆节``)."""
        return "、".join(f.value for f in self.festivals)


@attrs.frozen
class Notice:
    """One State Council holiday notice, transcribed from its text.

    ``year`` is the year the arrangement is for (a notice may also set days in the
    previous December).  ``issued`` orders notices: later ones override earlier ones on
    the dates they name.
    """

    document: str
    title: str
    year: int
    kind: NoticeKind
    issued: dt.date
    periods: tuple[HolidayPeriod, ...]
    effective: dt.date | None = None
    amends: str | None = None
    verification: str = ""
    source: str | None = None

    @property
    def previous_december(self) -> tuple[dt.date, ...]:
        """The dates this notice sets in December of the previous year, sorted (an info note).

        A notice may move days of late December for 元旦 (the 2012 notice makes Saturday
        2011-12-31 a working day); the loader allows exactly that month outside ``year``
        and records it here rather than warning.
        """
        return tuple(sorted(d for d in self.dates if d.year == self.year - 1))

    @property
    def dates(self) -> frozenset[dt.date]:
        """Every date this notice names, as a rest day or as a working day."""
        out: set[dt.date] = set()
        for p in self.periods:
            out.update(p.rest_days)
            out.update(p.working_days)
        return frozenset(out)


# ---------------------------------------------------------------------------- loading

_REQUIRED = ("document", "title", "year", "kind", "issued", "periods")
_OPTIONAL = ("effective", "amends", "verification", "source")
_PERIOD_KEYS = ("festivals", "rest", "working", "text")


class _Collector:
    """Accumulates problems for one source so all of them are reported at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, where: str, message: str, value: object = None, expected: str | None = None) -> None:
        """Record a problem; ``message`` and ``expected`` are msgids (``N_``) or worded text."""
        worded = None if expected is None else gettext(expected)
        self.problems.append(Problem(f"{self.source}: {where}", gettext(message), None, value, worded))


def _as_date(raw: object, where: str, out: _Collector) -> dt.date | None:
    """``raw`` as a date by `zwgk._dates.parse_date` (no datetimes), or a problem recorded."""
    try:
        return parse_date(raw, where, datetimes=False)
    except (InvalidInputError, InvalidTypeError):
        message = (
            N_("a date without a time is required") if isinstance(raw, dt.datetime) else N_("not a date")
        )
        out.add(where, message, raw, N_("YYYY-MM-DD"))
        return None


def _period(raw: object, where: str, out: _Collector) -> HolidayPeriod | None:
    if not isinstance(raw, Mapping):
        out.add(where, N_("a period must be a table"), raw, N_("{festivals, rest, working}"))
        return None
    for key in raw:
        if key not in _PERIOD_KEYS:
            out.add(
                f"{where}.{key}",
                N_("unknown key"),
                key,
                gettext("one of {names}").format(names=", ".join(_PERIOD_KEYS)),
            )
    festivals: list[Festival] = []
    names = raw.get("festivals")
    if not isinstance(names, list) or not names:
        out.add(
            f"{where}.festivals", N_("missing or empty"), names, N_("a list of festival names, e.g. ['春节']")
        )
    else:
        for j, name in enumerate(names):
            if not isinstance(name, str) or name.strip() not in _FESTIVAL_ALIASES:
                out.add(
                    f"{where}.festivals[{j}]",
                    N_("unknown festival"),
                    name,
                    gettext("one of {names}").format(names="、".join(f.value for f in Festival)),
                )
            else:
                festivals.append(_FESTIVAL_ALIASES[name.strip()])
    rest = raw.get("rest")
    shown = [x.isoformat() if isinstance(x, dt.date) else x for x in rest] if isinstance(rest, list) else rest
    first = last = None
    if not isinstance(rest, list) or len(rest) != 2:
        out.add(f"{where}.rest", N_("must be [first, last]"), shown, N_("two dates, inclusive"))
    else:
        first = _as_date(rest[0], f"{where}.rest[0]", out)
        last = _as_date(rest[1], f"{where}.rest[1]", out)
        if first and last and last < first:
            out.add(f"{where}.rest", N_("last rest day is before the first"), shown, N_("first <= last"))
        if first and last and (last - first).days > 30:
            out.add(f"{where}.rest", N_("rest range longer than 31 days"), shown, N_("a holiday period"))
    working: list[dt.date] = []
    raw_working = raw.get("working", [])
    if not isinstance(raw_working, list):
        out.add(f"{where}.working", N_("must be a list of dates"), raw_working, N_("[YYYY-MM-DD, ...]"))
    else:
        for j, item in enumerate(raw_working):
            day = _as_date(item, f"{where}.working[{j}]", out)
            if day is None:
                continue
            if first and last and first <= day <= last:
                out.add(
                    f"{where}.working[{j}]",
                    N_("a working day inside the rest range"),
                    day,
                    N_("a day outside it"),
                )
            working.append(day)
    text = raw.get("text", "")
    if not isinstance(text, str):
        out.add(f"{where}.text", N_("must be a string"), text, N_("the notice's sentence"))
        text = ""
    if first is None or last is None or not festivals or len(festivals) != len(names or []):
        return None
    return HolidayPeriod(tuple(festivals), first, last, tuple(sorted(working)), text)


def notice_shape(raw: Mapping[str, Any], source: str = "<notice>") -> Notice:
    """Build a [`Notice`][zwgk.calendar.Notice] from parsed TOML/JSON data, checking its shape only.

    The law's shape (the year window, weekend working days, statutory days, contradictions
    between records) is checked by `zwgk.calendar._law`, through
    [`zwgk.calendar.io.notice_from_mapping`][].

    Raises:
        DataFileError: listing every problem in ``raw`` with its location.
    """
    out = _Collector(source)
    notice = _notice(raw, out)
    if out.problems or notice is None:
        raise DataFileError(source, out.problems)
    return notice


def _notice(raw: object, out: _Collector) -> Notice | None:
    if not isinstance(raw, Mapping):
        out.add(
            "top level", N_("a notice must be a table"), type(raw).__name__, N_("a TOML table / JSON object")
        )
        return None
    for key in _REQUIRED:
        if key not in raw:
            out.add(key, N_("required key missing"), None, gettext("a value for {key}").format(key=repr(key)))
    for key in raw:
        if key not in _REQUIRED and key not in _OPTIONAL:
            out.add(
                key,
                N_("unknown key"),
                key,
                gettext("one of {names}").format(names=", ".join(_REQUIRED + _OPTIONAL)),
            )
    document = raw.get("document")
    if "document" in raw and (not isinstance(document, str) or not document.strip()):
        out.add("document", N_("must be the document number"), document, N_("e.g. 国办发明电〔2025〕7号"))
    title = raw.get("title")
    if "title" in raw and not isinstance(title, str):
        out.add("title", N_("must be a string"), title, N_("the notice's title"))
    year = raw.get("year")
    if "year" in raw and (not isinstance(year, int) or isinstance(year, bool) or not 1949 < year < 2200):
        out.add("year", N_("not a plausible year"), year, N_("an integer such as 2026"))
        year = None
    kind: NoticeKind | None = None
    if "kind" in raw:
        try:
            kind = NoticeKind(raw["kind"])
        except ValueError:
            out.add("kind", N_("unknown notice kind"), raw["kind"], N_("annual, amendment or special"))
    issued = _as_date(raw["issued"], "issued", out) if "issued" in raw else None
    effective = _as_date(raw["effective"], "effective", out) if "effective" in raw else None
    amends = raw.get("amends")
    if amends is not None and not isinstance(amends, str):
        out.add("amends", N_("must be a document number"), amends, N_("e.g. 国办发明电〔2019〕16号"))
    if kind is NoticeKind.AMENDMENT and amends is None:
        out.add("amends", N_("an amendment must name the notice it amends"), None, N_("a document number"))
    for key in ("verification", "source"):
        if key in raw and not isinstance(raw[key], str):
            out.add(key, N_("must be a string"), raw[key], N_("text"))
    periods: list[tuple[int, HolidayPeriod]] = []
    raw_periods = raw.get("periods")
    if "periods" in raw:
        if not isinstance(raw_periods, list) or not raw_periods:
            out.add(
                "periods", N_("must be a non-empty list of periods"), raw_periods, N_("[[periods]] tables")
            )
        else:
            for i, item in enumerate(raw_periods):
                period = _period(item, f"periods[{i}]", out)
                if period is not None:
                    periods.append((i, period))
    _check_overlaps(periods, out)
    if out.problems:
        return None
    if not (isinstance(document, str) and isinstance(title, str) and isinstance(year, int)):
        return None  # pragma: no cover - every such case added a problem above
    if kind is None or issued is None:
        return None  # pragma: no cover - likewise
    return Notice(
        document=document.strip(),
        title=title,
        year=year,
        kind=kind,
        issued=issued,
        periods=tuple(p for _, p in periods),
        effective=effective,
        amends=amends,
        verification=str(raw.get("verification", "")),
        source=raw.get("source"),
    )


def _check_overlaps(periods: list[tuple[int, HolidayPeriod]], out: _Collector) -> None:
    """Report dates named by two periods; ``periods`` pairs each with its index in the file."""
    seen: dict[dt.date, int] = {}
    for i, p in periods:
        for day in (*p.rest_days, *p.working_days):
            if day in seen and seen[day] != i:
                out.add(
                    f"periods[{i}]",
                    gettext("date also named by periods[{index}]").format(index=seen[day]),
                    day,
                    N_("each date once"),
                )
            seen.setdefault(day, i)
