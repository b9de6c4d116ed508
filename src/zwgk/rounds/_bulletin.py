"""The 通报 (bulletin) and results-sheet contents, shared by the Markdown presentation and the
DOCX/XLSX writers: plain data, no drawing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from zwgk._i18n import N_, Language, gettext, msg, resolve
from zwgk.rounds._designation import Decision, joined
from zwgk.rounds._rounds import Rounds, points_text
from zwgk.scoring import ScoreResult

__all__ = [
    "RESULT_HEADERS",
    "Bulletin",
    "bulletin_parts",
    "change_since_previous",
    "period_text",
    "result_headers",
    "result_rows",
    "signed",
    "verdict",
]

RESULT_HEADERS = (
    N_("Period"),
    N_("Rank"),
    N_("Unit"),
    N_("Total"),
    N_("Maximum"),
    N_("Grade"),
    N_("Verdict"),
    N_("Change"),
)
"""The results sheet's headers as msgids (`result_headers` words them: 考核期, 名次, 单位, 得分,
满分, 等次, 结论, 较上期)."""

_BULLETIN_HEADERS = (N_("Rank"), N_("Unit"), N_("Total"), N_("Grade"), N_("Verdict"), N_("Change"))
_QUARTERS = (N_("first quarter"), N_("second quarter"), N_("third quarter"), N_("fourth quarter"))
_HALVES = (N_("first half"), N_("second half"))


def result_headers(lang: Language | None = None) -> tuple[str, ...]:
    """The results sheet's headers in ``lang``."""
    return tuple(gettext(h, lang) for h in RESULT_HEADERS)


_QUARTER = re.compile(r"^(\d{4})\s*-?Q([1-4])$")
_HALF = re.compile(r"^(\d{4})\s*-?H([12])$")


def period_text(period: str, lang: Language | None = None) -> str:
    """A period label as written in a 通报, in ``lang``: ``2026`` → 2026年 / 2026, ``2026Q2`` →
    2026年第二季度 / second quarter of 2026, ``2026H1`` → 2026年上半年 / first half of 2026;
    other labels as they are."""
    if re.fullmatch(r"\d{4}", period):
        return msg("year {year}", year=period).render(lang)
    quarter = _QUARTER.match(period)
    if quarter:
        part = _QUARTERS[int(quarter.group(2)) - 1]
        return msg("{part} of {year}", part=msg(part), year=quarter.group(1)).render(lang)
    half = _HALF.match(period)
    if half:
        part = _HALVES[int(half.group(2)) - 1]
        return msg("{part} of {year}", part=msg(part), year=half.group(1)).render(lang)
    return period


def verdict(result: ScoreResult, lang: Language | None = None) -> str:
    """否决（不合格）, 通过, 未通过 — or 无及格线 when the card states no pass mark — in ``lang``
    (vetoed (failed), passed, not passed, no pass mark)."""
    if result.vetoes:
        return gettext("vetoed (failed)", lang)
    if not result.passed:
        return gettext("not passed", lang)
    if result.pass_mark is None:
        return gettext("no pass mark", lang)
    return gettext("passed", lang)


def change_since_previous(rounds: Rounds, period: str, unit: str) -> Decimal | None:
    trend = rounds.trend(unit, until=period)
    return trend.change if trend.latest == period else None


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = points_text(value)
    return text if value <= 0 else f"+{text}"


def result_rows(
    rounds: Rounds, periods: Sequence[str] | None = None, lang: Language | None = None
) -> list[tuple[object, ...]]:
    """Rows of the results sheet (headers `result_headers`), period by period in rank
    order: period, rank, unit, total and maximum (``Decimal``), grade, verdict (in ``lang``),
    change."""
    rows: list[tuple[object, ...]] = []
    for rnd in rounds.rounds:
        if periods is not None and rnd.period not in periods:
            continue
        for place in rnd.ranking:
            r = place.result
            assert isinstance(r, ScoreResult)
            rows.append(
                (
                    rnd.period,
                    place.rank,
                    r.unit,
                    r.total,
                    r.maximum,
                    r.grade or "",
                    verdict(r, lang),
                    signed(change_since_previous(rounds, rnd.period, r.unit)),
                )
            )
    return rows


@attrs.frozen
class Bulletin:
    """The parts of a 通报: ``title``, ``intro`` paragraph, the ranking ``table`` (headers,
    rows), per-unit ``lost`` lines (items that lost points since the previous round) and
    the ``decisions`` lines."""

    title: str
    intro: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lost: tuple[str, ...]
    decisions: tuple[str, ...]


def bulletin_parts(
    rounds: Rounds,
    period: str | None = None,
    decisions: Sequence[Decision] = (),
    lang: Language | None = None,
) -> Bulletin:
    """The 通报 of ``period`` (default: the last round), worded in ``lang`` (default: the
    current language); the card's title, units and item numbers are the sources' own.

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
    """
    lang = resolve(lang)
    rnd = rounds.round(period) if period is not None else rounds.rounds[-1]
    headers = tuple(gettext(h, lang) for h in _BULLETIN_HEADERS)
    rows = tuple(
        (str(row[1]), str(row[2]), points_text(row[3]), str(row[5]) or "—", str(row[6]), str(row[7]))  # type: ignore[arg-type]
        for row in result_rows(rounds, [rnd.period], lang)
    )
    lost: list[str] = []
    for place in rnd.ranking:
        trend = rounds.trend(place.result.unit, until=rnd.period)
        if trend.latest == rnd.period and trend.lost:
            items = joined(
                tuple(
                    msg(
                        "item {item} {before}→{after} ({delta})",
                        item=c.item,
                        before=points_text(c.before),
                        after=points_text(c.after),
                        delta=signed(c.delta),
                    )
                    for c in trend.lost
                )
            )
            line = msg(
                "{unit} (compared with {previous}): {items}",
                unit=trend.unit,
                previous=period_text(trend.previous or "", lang),
                items=items,
            )
            lost.append(line.render(lang))
    when = period_text(rnd.period, lang)
    intro = msg(
        "Under 《{card}》, the government-transparency work of {n} units in {period} was assessed; "
        "the results are announced as follows.",
        card=rounds.card_title,
        n=len(rnd.results),
        period=when,
    )
    return Bulletin(
        title=msg("Bulletin of the government-transparency assessment, {period}", period=when).render(lang),
        intro=intro.render(lang),
        headers=headers,
        rows=rows,
        lost=tuple(lost),
        decisions=tuple(d.explanation_in(lang) for d in decisions if d.at == rnd.period),
    )
