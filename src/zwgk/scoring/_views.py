"""Scoring values as one-line reprs and notebook HTML, in one language (issue 13).

Part of the presentation of [`zwgk.scoring`][]: `zwgk.scoring._display` (the module value
types reach through `zwgk._present.present`) registers these; the frames and the plot stay
there.  HTML is a plain string with every text value escaped; the card's own texts (titles,
reasons) are quoted as the card words them, the rest is worded in ``lang`` (default: the
current language).
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from zwgk._i18n import Language, gettext, msg, msg_n, resolve
from zwgk.scoring._render import (
    adjustment_line,
    missing_line,
    reason_lines,
    total_message,
    verdict_line,
    veto_line,
)
from zwgk.scoring._render import points_text as _pts
from zwgk.scoring._render import signed_text as _signed
from zwgk.scoring._render import verdict_text as _verdict
from zwgk.scoring._result import Adjustment, CombinedResult, ItemResult, Ranking, ScoreResult, WhatIf
from zwgk.scoring._texts import heading, not_applicable

__all__ = [
    "combined_html",
    "combined_repr",
    "ranking_repr",
    "rankings_html",
    "reasons",
    "result_title",
    "score_html",
    "score_repr",
    "what_if_html",
    "what_if_repr",
]

_MARK = "\0"  # where marked-up text (a bold total) goes into a worded, escaped sentence


def reasons(adjustments: Iterable[Adjustment]) -> list[str]:
    """``+1 reason`` lines of every adjustment except the starting points, in the current language."""
    return reason_lines(adjustments, resolve(None))


def _shown_points(item: ItemResult, lang: Language) -> str:
    return _pts(item.points) if item.applicable else not_applicable(lang)


def result_title(result: ScoreResult | CombinedResult) -> str:
    return result.card_title if isinstance(result, ScoreResult) else result.title


# ----------------------------------------------------------------------------- repr


def score_repr(result: ScoreResult, lang: Language | None = None) -> str:
    """One line: card, unit, total of maximum, grade, verdict and item count."""
    lang = resolve(lang)
    unit = f" {result.unit}" if result.unit else ""
    parts = [f"{_pts(result.total)}/{_pts(result.maximum)}"]
    if result.grade:
        parts.append(msg("grade {grade}", grade=result.grade).render(lang))
    parts.append(_verdict(result, lang))
    if result.vetoes:
        parts.append(msg_n("{n} veto", "{n} vetoes", "n", n=len(result.vetoes)).render(lang))
    parts.append(msg_n("{n} item", "{n} items", "n", n=len(result.items)).render(lang))
    return f"<ScoreResult {result.card}{unit}: {_comma(parts, lang)}>"


def _comma(parts: list[str], lang: Language) -> str:
    return gettext(", ", lang).join(parts)


def combined_repr(result: CombinedResult, lang: Language | None = None) -> str:
    """One line: title, unit, total, verdict and the weighted parts."""
    lang = resolve(lang)
    parts = " + ".join(f"{p.result.card}×{_pts(p.weight)}" for p in result.parts)
    unit = f" {result.unit}" if result.unit else ""
    title = result.title or gettext("combination", lang)
    verdict = _verdict(result, lang)
    return f"<CombinedResult {title}{unit}: {_pts(result.total)} = {_comma([parts, verdict], lang)}>"


def ranking_repr(ranking: Ranking, lang: Language | None = None) -> str:
    """One line: rank, unit and total."""
    lang = resolve(lang)
    r = ranking.result
    veto = gettext(", ", lang) + gettext("vetoed", lang) if r.vetoes else ""
    unit = r.unit or gettext("(no unit)", lang)
    return f"<Ranking {ranking.rank}: {unit} {_pts(r.total)}{veto}>"


def what_if_repr(change: WhatIf, lang: Language | None = None) -> str:
    """One line: the evidence changed, the totals before and after and the items changed."""
    lang = resolve(lang)
    changed = msg_n("{n} item changed", "{n} items changed", "n", n=len(change.items)).render(lang)
    totals = f"{_pts(change.before.total)} → {_pts(change.after.total)} ({_signed(change.delta)})"
    shown = _comma([totals, changed], lang)
    return f"<WhatIf {change.key}: {change.old_value!r} → {change.new_value!r}: {shown}>"


# ----------------------------------------------------------------------------- HTML


def _thead(keys: Iterable[str], lang: Language) -> str:
    return (
        "<thead><tr>" + "".join(f"<th>{html.escape(heading(k, lang))}</th>" for k in keys) + "</tr></thead>"
    )


def _total_html(result: ScoreResult, lang: Language) -> str:
    """``total <b>80</b> / 100`` with the bonus note, escaped (the line of the text report)."""
    line = html.escape(total_message(result, _MARK).render(lang))
    return line.replace(_MARK, f"<b>{_pts(result.total)}</b>")


def score_html(result: ScoreResult, lang: Language | None = None) -> str:
    """An HTML item table of a score result (used by ``ScoreResult._repr_html_``), in ``lang``.

    One row per item: section, item, title, points, maximum and every adjustment with its
    reason (the starting points left out, as in [`zwgk.scoring.render_text`][]).
    """
    lang = resolve(lang)
    esc = html.escape
    unit = f"{esc(result.unit)} — " if result.unit else ""
    head = (
        f"<p>{unit}<b>{esc(result.card_title)}</b> ({esc(result.card)}): {_total_html(result, lang)}"
        f" — {esc(verdict_line(result, lang))}</p>"
    )
    extra = [f"<li>{esc(veto_line(v, lang))}</li>" for v in result.vetoes]
    extra += [f"<li>{esc(adjustment_line(a, lang))}</li>" for a in result.adjustments]
    if result.missing:
        extra.append(f"<li>{esc(missing_line(result.missing, lang))}</li>")
    titles = {s.id: s.title for s in result.sections}
    rows = "".join(
        f"<tr><td>{esc(titles.get(i.section, i.section))}</td><td>{esc(i.item)}</td><td>{esc(i.title)}</td>"
        f"<td>{esc(_shown_points(i, lang))}</td><td>{_pts(i.maximum)}</td>"
        f"<td>{'<br>'.join(esc(r) for r in reason_lines(i.adjustments, lang))}</td></tr>"
        for i in result.items
    )
    columns = ("section", "no", "item", "points", "maximum", "adjustments")
    return (
        f"<div class='zwgk-score'>{head}"
        + (f"<ul>{''.join(extra)}</ul>" if extra else "")
        + f"<table>{_thead(columns, lang)}<tbody>{rows}</tbody></table></div>"
    )


def combined_html(result: CombinedResult, lang: Language | None = None) -> str:
    """An HTML table of a combined result: one row per weighted part, then the total."""
    lang = resolve(lang)
    esc = html.escape
    unit = f"{esc(result.unit)} — " if result.unit else ""
    rows = "".join(
        f"<tr><td>{esc(p.result.card_title)}</td><td>{_pts(p.result.total)}</td><td>{_pts(p.weight)}</td>"
        f"<td>{_pts(p.contribution)}</td><td>{esc(_verdict(p.result, lang))}</td></tr>"
        for p in result.parts
    )
    vetoes = "".join(f"<li>{esc(veto_line(v, lang))}</li>" for v in result.vetoes)
    total = esc(msg("weighted total {total}", total=_MARK).render(lang)).replace(
        _MARK, f"<b>{_pts(result.total)}</b>"
    )
    columns = ("card", "points", "weight", "contribution", "verdict")
    return (
        f"<div class='zwgk-combined'><p>{unit}<b>{esc(result.title)}</b>: {total}"
        f" — {esc(verdict_line(result, lang))}</p>"
        + (f"<ul>{vetoes}</ul>" if vetoes else "")
        + f"<table>{_thead(columns, lang)}<tbody>{rows}</tbody></table></div>"
    )


def rankings_html(rankings: Iterable[Ranking], lang: Language | None = None) -> str:
    """An HTML table of a ranking (the tuple [`zwgk.scoring.rank`][] returns): one row per unit.

    Args:
        rankings: the places, in the order to show them.
        lang: the language of the headings and verdicts (default: the current language).

    Returns:
        A ``<table>`` with rank, unit, title, total and verdict; every text escaped.

    Raises:
        zwgk.errors.UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
    """
    lang = resolve(lang)
    esc = html.escape
    rows = "".join(
        f"<tr><td>{r.rank}</td><td>{esc(r.result.unit)}</td><td>{esc(result_title(r.result))}</td>"
        f"<td>{_pts(r.result.total)}</td><td>{esc(_verdict(r.result, lang))}</td></tr>"
        for r in rankings
    )
    columns = ("rank", "unit", "title", "total", "verdict")
    return f"<table class='zwgk-ranking'>{_thead(columns, lang)}<tbody>{rows}</tbody></table>"


def what_if_html(change: WhatIf, lang: Language | None = None) -> str:
    """An HTML table of a what-if: the evidence changed, the totals, one row per changed item."""
    lang = resolve(lang)
    esc = html.escape
    titles = {i.item: i.title for i in change.before.items}
    rows = "".join(
        f"<tr><td>{esc(d.item)}</td><td>{esc(titles.get(d.item, ''))}</td><td>{_pts(d.before)}</td>"
        f"<td>{_pts(d.after)}</td><td>{esc(_signed(d.delta))}</td></tr>"
        for d in change.items
    )
    totals = msg(
        "total {before} → {after} ({delta})",
        before=_pts(change.before.total),
        after=_MARK,
        delta=_signed(change.delta),
    ).render(lang)
    after = f"<b>{_pts(change.after.total)}</b>"
    columns = ("no", "item", "before", "after", "delta")
    return (
        f"<div class='zwgk-what-if'><p><b>{esc(change.key)}</b>: {esc(repr(change.old_value))} → "
        f"{esc(repr(change.new_value))} — {esc(totals).replace(_MARK, after)}</p>"
        f"<table>{_thead(columns, lang)}<tbody>{rows}</tbody></table></div>"
    )
