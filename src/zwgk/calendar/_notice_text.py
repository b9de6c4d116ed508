"""Reading the notice itself: 《国务院办公厅关于YYYY年部分节假日安排的通知》 as published →
[`Notice`][zwgk.calendar.Notice].

[`parse_notice_text`][zwgk.calendar.io.parse_notice_text] takes the text as copied from a web page or a PDF —
full-width or half-width digits and punctuation, line breaks anywhere, ``（星期六）`` or ``（周六）``,
lunar remarks such as ``（农历除夕）`` — and returns the notice record, validated by
[`notice_from_mapping`][zwgk.calendar.io.notice_from_mapping] (the same checks as a notice file).

What it reads, per numbered item (``一、元旦：…``):

* the festivals of the item's heading (``国庆节、中秋节``, ``“五一”``, ``“十一”``…);
* the rest days: the date (or the range ``A至B`` / ``A—B``) before the first ``放假``, up to a
  ``补休`` day if the item names one (``4月5日放假，4月7日（星期一）补休``); ``与周末连休``
  adds nothing (the records list the holiday itself);
* the weekend working days: the dates of each clause that ends in ``上班``.

A date without a year is in the notice's year, except a December date of the 元旦 item
(``12月31日（星期六）上班`` in the 2006 notice is 2005-12-31); a date without a month takes
the month before it (or the item's first month, when the day does not exist in that one:
``1月29日—2月4日……其中，29日、30日、31日为法定假日``).  A weekday in brackets must be
the date's weekday.  The document number (``国办发明电〔2025〕7号``) and the date it was
signed (the date after ``国务院办公厅`` at the end) are read when present; ``document=``
and ``issued=`` supply or override them.

Only annual notices are read; amendments and special notices (the 2015, 2019 and 2020
ones) are written differently and are transcribed by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from zwgk._i18n import N_, gettext
from zwgk._text import fold_width
from zwgk.calendar._notices import Festival, Notice
from zwgk.errors import DataFileError, Problem

__all__ = ["SOURCE", "notice_record_from_text", "notice_to_toml"]

_TITLE = re.compile(r"国务院办公厅关于(\d{4})年部分节假日安排的通知")
_DOCUMENT = re.compile(r"国办发明电[〔\[(【](\d{4})[〕\])】]第?(\d+)号")
_SIGNED = re.compile(r"国务院办公厅(\d{4})年(\d{1,2})月(\d{1,2})日")
_HEADING = re.compile(r"([一二三四五六七八九十]{1,3})、([^:。,;]{1,24}?):")
_DATE = re.compile(r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?")
_WEEKDAY = re.compile(r"(?:星期|周)([一二三四五六日天])")
_WEEKDAYS = "一二三四五六日"
# (keyword, festival): searched in a heading, in the order they appear there
_KEYWORDS = (
    ("元旦", Festival.NEW_YEAR),
    ("新年", Festival.NEW_YEAR),
    ("春节", Festival.SPRING_FESTIVAL),
    ("清明", Festival.QINGMING),
    ("劳动节", Festival.LABOUR_DAY),
    ("五一", Festival.LABOUR_DAY),
    ("端午", Festival.DRAGON_BOAT),
    ("中秋", Festival.MID_AUTUMN),
    ("国庆", Festival.NATIONAL_DAY),
    ("十一", Festival.NATIONAL_DAY),
)
SOURCE = N_("<notice text>")  # worded where an error is raised


def _expected_title() -> str:
    return gettext("{title} (amendments and special notices are not read)").format(
        title="国务院办公厅关于YYYY年部分节假日安排的通知"
    )


def _fold(text: str) -> str:
    """NFKC (full-width → half-width), no whitespace (web copies break lines anywhere), one dash."""
    text = fold_width(text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[—–－~～]+|-{1,2}", "—", text)
    return text.replace("“", "").replace("”", "").replace('"', "")


_WIDE = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})


def _widen(text: str) -> str:
    """The notice's own full-width punctuation back (after `_fold`)."""
    return text.translate(_WIDE)


def _festivals(heading: str) -> list[Festival]:
    found: dict[Festival, int] = {}
    for word, festival in _KEYWORDS:
        at = heading.find(word)
        if at >= 0 and (festival not in found or at < found[festival]):
            found[festival] = at
    return sorted(found, key=lambda f: found[f])


class _Dates:
    """The dates of one item, resolved in order (year and month carry forward)."""

    def __init__(self, body: str, year: int, new_year: bool, where: str, problems: list[Problem]) -> None:
        self.tokens: list[tuple[int, int, dt.date]] = []  # (start, end, date)
        cur_year, month = year, None
        for m in _DATE.finditer(body):
            y, mo, d, note = m.group(1), m.group(2), m.group(3), m.group(4)
            if y:
                cur_year = int(y)
            if mo:
                month = int(mo)
            if month is None:
                problems.append(
                    Problem(where, gettext("a date without its month"), value=m.group(0), expected="M月D日")
                )
                continue
            resolved_year = cur_year
            if not y and new_year and month == 12 and cur_year == year:
                resolved_year = year - 1
            try:
                day = dt.date(resolved_year, month, int(d))
            except ValueError:
                # "1月29日—2月4日……其中，29日、30日、31日为法定假日": a bare day that does not
                # exist in the month carried forward is in the item's first month
                if mo or not self.tokens:
                    problems.append(
                        Problem(
                            where,
                            gettext("not a date"),
                            value=m.group(0),
                            expected=gettext("a real calendar date"),
                        )
                    )
                    continue
                first = self.tokens[0][2]
                day = dt.date(first.year, first.month, int(d))
            if note and (w := _WEEKDAY.search(note)):
                said = _WEEKDAYS.index("日" if w.group(1) == "天" else w.group(1))
                if said != day.weekday():
                    problems.append(
                        Problem(
                            where,
                            gettext("the weekday in brackets is not the date's ({day} is {weekday})").format(
                                day=day.isoformat(), weekday=f"星期{_WEEKDAYS[day.weekday()]}"
                            ),
                            value=m.group(0),
                            expected=gettext("the notice's weekday to match its date"),
                        )
                    )
            self.tokens.append((m.start(), m.end(), day))

    def between(self, lo: int, hi: int) -> list[dt.date]:
        return [d for s, e, d in self.tokens if s >= lo and e <= hi]

    def ending_at(self, pos: int) -> dt.date | None:
        before = [d for _, e, d in self.tokens if e <= pos]
        return before[-1] if before else None


def _period(body: str, heading: str, year: int, where: str, problems: list[Problem]) -> dict[str, Any] | None:
    festivals = _festivals(heading)
    if not festivals:
        problems.append(
            Problem(
                where, gettext("no festival in the heading"), value=heading, expected="元旦, 春节, 清明节 …"
            )
        )
        return None
    dates = _Dates(body, year, Festival.NEW_YEAR in festivals, where, problems)
    rest_at = body.find("放假")
    rest = dates.between(0, rest_at) if rest_at >= 0 else []
    if not rest:
        if rest_at < 0:
            message, expected = gettext("no {word} (rest days) in the item"), "…放假…"
        else:
            message, expected = gettext("no date before {word}"), "M月D日至D日放假"
        problems.append(Problem(where, message.format(word="放假"), value=body[:40], expected=expected))
        return None
    first, last = rest[0], rest[-1]
    for m in re.finditer("补休", body):
        make_up = dates.ending_at(m.start())
        if make_up is not None and make_up > last:
            last = make_up
    working: list[dt.date] = []
    for m in re.finditer("上班", body):
        start = max(body.rfind(c, 0, m.start()) for c in "。;,:")
        working.extend(dates.between(start + 1, m.start()))
    return {
        "festivals": [f.value for f in festivals],
        "rest": [first, last],
        "working": sorted(set(working)),
        "text": _widen(f"{heading}:{body}"),
    }


def notice_record_from_text(
    text: str,
    *,
    document: str | None = None,
    issued: dt.date | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The notice record (a mapping as in a notice file) a published annual notice sets.

    [`zwgk.calendar.io.parse_notice_text`][] validates it into a [`Notice`][zwgk.calendar.Notice].

    Raises:
        DataFileError: listing every problem of the text itself: no title year, no items, a
            date without a month, a weekday that is not the date's, a missing document
            number or signing date.
    """
    folded = _fold(text)
    problems: list[Problem] = []
    title = _TITLE.search(folded)
    if title is None:
        raise DataFileError(
            gettext(SOURCE),
            [
                Problem(
                    "title",
                    gettext("no title of an annual notice"),
                    value=folded[:40],
                    expected=_expected_title(),
                )
            ],
        )
    year = int(title.group(1))
    signed = list(_SIGNED.finditer(folded))
    end = signed[-1].start() if signed else len(folded)
    tail = folded.find("节假日期间", title.end())
    if 0 <= tail < end:
        end = tail
    if document is None:
        number = _DOCUMENT.search(folded)
        if number is not None:
            document = f"国办发明电〔{number.group(1)}〕{number.group(2)}号"
        else:
            problems.append(
                Problem(
                    "document",
                    gettext("no document number"),
                    expected=gettext("{number}, or document=").format(number="国办发明电〔YYYY〕N号"),
                )
            )
    if issued is None:
        if signed:
            s = signed[-1]
            issued = dt.date(int(s.group(1)), int(s.group(2)), int(s.group(3)))
        else:
            problems.append(
                Problem(
                    "issued",
                    gettext("no signing date"),
                    expected=gettext("{signature} at the end, or issued=").format(
                        signature="国务院办公厅 YYYY年M月D日"
                    ),
                )
            )
    headings = [m for m in _HEADING.finditer(folded, title.end()) if m.start() < end]
    if not headings:
        snippet = folded[title.end() : title.end() + 40]
        problems.append(
            Problem("periods", gettext("no numbered items"), value=snippet, expected="一、元旦：…")
        )
    periods = []
    for i, m in enumerate(headings):
        body_end = headings[i + 1].start() if i + 1 < len(headings) else end
        body = folded[m.end() : body_end]
        period = _period(
            body, f"{m.group(1)}、{m.group(2)}", year, f"periods[{i}] ({m.group(1)}、)", problems
        )
        if period is not None:
            periods.append(period)
    if problems:
        raise DataFileError(gettext(SOURCE), problems)
    record: dict[str, Any] = {
        "document": document,
        "title": f"国务院办公厅关于{year}年部分节假日安排的通知",
        "year": year,
        "kind": "annual",
        "issued": issued,
        "verification": "parsed from the notice text by zwgk.calendar.io.parse_notice_text",
        "periods": periods,
    }
    if source is not None:
        record["source"] = source
    return record


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date | int):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(type(value).__name__)  # pragma: no cover - only the types above occur


def notice_to_toml(notice: Notice) -> str:
    """The notice as a notice file (the schema of ``zwgk/calendar/data/notices/*.toml``)."""
    top: Mapping[str, object] = {
        "document": notice.document,
        "title": notice.title,
        "year": notice.year,
        "kind": notice.kind.value,
        "issued": notice.issued,
        "effective": notice.effective,
        "amends": notice.amends,
        "verification": notice.verification,
        "source": notice.source,
    }
    lines = [f"# 《{notice.title}》", *(f"{k} = {_toml_value(v)}" for k, v in top.items() if v is not None)]
    for p in notice.periods:
        lines += [
            "",
            "[[periods]]",
            f"festivals = {_toml_value([f.value for f in p.festivals])}",
            f"rest = {_toml_value([p.first, p.last])}",
            f"working = {_toml_value(list(p.working_days))}",
        ]
        if p.text:
            lines.append(f"text = {_toml_value(p.text)}")
    return "\n".join(lines) + "\n"
