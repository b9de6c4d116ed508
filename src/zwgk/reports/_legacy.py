"""Reading a 2008-format report (reports on 2008–2018, 国务院令第492号) from its plain text.

Such reports have no national table: what can be read is their sections and the statistics
they state in sentences.  Headings are found by their numbering (``一、`` … and ``（一）`` …,
the heading running to the first 。 or ：), so the real, varying headings are kept as printed
(一、政务公开的主要做法, （二）政府信息公开相关费用情况 …); which 第三十二条 topic each shows is
decided later by the format's key phrases (`section_rules`,
[`check_report`][zwgk.reports.check_report]).  Statistics are read by the format's patterns
(``reports/data/formats.toml``: "受理…申请N件", "主动公开政府信息N条" …; N in Arabic digits or a
Chinese numeral, `zwgk._text.chinese_number`); a sentence saying there were none
("没有因政府信息公开申请行政复议…") gives 0; a statistic the text does not state is ``None``.
Nothing is summed or inferred between statistics: the 2007 条例 states no identity.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk._text import chinese_number, compact, fold_width
from zwgk.reports._formats import ReportFormat, Statistic, get_format
from zwgk.reports._model import AnnualReport

__all__ = ["parse_legacy_report"]

_NUMERAL = "零〇一二两三四五六七八九十百"
_NUMBER = rf"(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?|[{_NUMERAL}]+)"
_HEADING = re.compile(rf"^\s*(?P<mark>[{_NUMERAL}]+、|\([{_NUMERAL}]+\))\s*(?P<rest>\S.*)$")
_TITLE_YEAR = re.compile(r"^(?P<agency>.*?)(?P<year>(?:19|20)[0-9]{2})\s*年\s*度?")


@cache
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p.replace("{n}", _NUMBER)) for p in patterns)


def _number(text: str, money: bool) -> int | Decimal | None:
    plain = text.replace(",", "")
    if plain[0].isdigit():
        value = Decimal(plain)
        if money:
            return value
        return int(value) if value == value.to_integral_value() else None
    whole = chinese_number(plain)
    if whole is None:
        return None
    return Decimal(whole) if money else whole


def _statistic(stat: Statistic, text: str) -> int | Decimal | None:
    for pattern in _compiled(stat.patterns):
        for match in pattern.finditer(text):
            value = _number(match["n"], stat.money)
            if value is not None:
                return value
    if any(p.search(text) for p in _compiled(stat.none)):
        return Decimal(0) if stat.money else 0
    return None


def _sections(lines: list[str]) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _HEADING.match(line)
        if match:
            rest = match["rest"].strip()
            head, stop, body = (
                re.split(r"([。：:])", rest, maxsplit=1) if re.search(r"[。：:]", rest) else (rest, "", "")
            )
            out.append((match["mark"] + head.strip(), [body.strip()] if stop and body.strip() else []))
        elif out and line.strip():
            out[-1][1].append(line.strip())
    return tuple((heading, "\n".join(body)) for heading, body in out)


def parse_legacy_report(
    text: str,
    *,
    agency: str | None = None,
    year: int | None = None,
    format: str | ReportFormat = "2008",
    source: str = "<text>",
    limits: Limits = DEFAULT_LIMITS,
) -> AnnualReport:
    """Read a report laid out without tables (the 2008 format) from its plain text.

    Args:
        text: the report's text (the page's text, or a ``.txt`` copy).
        agency: the reporting agency; default: the title's text before the year
            (``蓬莱市人力资源和社会保障局2013年度…`` → ``蓬莱市人力资源和社会保障局``).
        year: the year reported on; default: the first year written in the title.
        format: the format to read it as (default ``"2008"``); forcing another format keeps
            the sections and leaves the tables empty, so [`check_report`][zwgk.reports.check_report]
            says what is missing.
        source: how messages name the text.
        limits: ``max_file_bytes`` bounds the text's size.

    Returns:
        The report: ``table3`` ``None``, ``sections`` every numbered heading with its text,
        ``statistics`` every statistic of the format (``None`` when not stated).

    Raises:
        LimitExceededError: the text is larger than ``limits.max_file_bytes``.
        UnknownNameError: an unknown format.
    """
    check_file_size(len(text.encode("utf-8")), limits, source)
    fmt = get_format(format)
    lines = fold_width(text).replace("\xa0", " ").splitlines()
    title = next((line.strip() for line in lines if line.strip()), "")
    found = _TITLE_YEAR.match(title)
    if year is None and found:
        year = int(found["year"])
    if agency is None:
        agency = found["agency"].strip() if found else ""
    body = compact("\n".join(lines))
    statistics = {stat.key: _statistic(stat, body) for stat in fmt.statistics}
    return AnnualReport(
        agency=agency,
        year=year,
        format=fmt,
        table3=None,
        sections=_sections(lines[1:]),
        statistics=statistics,
    )
