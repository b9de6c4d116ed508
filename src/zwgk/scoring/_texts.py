"""Every text the scoring engine and its reports word, as messages (issue 13).

The engine stores `Message` values (an English msgid and its fields) in the adjustments it
computes; reports word them, and their own headings, in the language asked for or current
(`zwgk._i18n`).  The Chinese texts are in the ``zh_CN`` catalog, in the terms of the
考核细则 (起评分, 扣分, 不得分, 按0分计).  A card's own texts — item titles, rule reasons,
veto reasons, grade labels, option labels — are the seed documents' wording: data, quoted
as they are in both languages.
"""

from __future__ import annotations

import types
from collections.abc import Sequence

from zwgk._i18n import N_, Language, Message, gettext, msg, msg_n, resolve, text

__all__ = [
    "Text",
    "bonus_gate_reason",
    "capped_occurrences_reason",
    "card_location",
    "ceiling_reason",
    "floor_reason",
    "heading",
    "item_location",
    "listing",
    "missing_evidence_reason",
    "none_present_reason",
    "not_applicable",
    "occurrences_reason",
    "per_missing_reason",
    "prefixed",
    "rescale_reason",
    "start_reason",
    "sub_prefix",
    "tier_reason",
    "word",
]

Text = str | Message
"""A text of a result: a `Message` worded when read, or a card's own (Chinese) text."""


def card_location() -> Message:
    """Where card-level evidence is needed, in an evidence error (``card``)."""
    return msg("card")


def item_location(item: str) -> Message:
    """Where an item's evidence is needed, in an evidence error (``item 5``)."""
    return msg("item {id}", id=item)


def word(value: Text, lang: Language | None = None) -> str:
    """``value`` worded in ``lang`` (default: the current language); plain text as it is."""
    return text(value, resolve(lang))


def listing(names: Sequence[Text]) -> Text:
    """``a, b, c`` in English, ``a、b、c`` in Chinese (the separator is worded with the list)."""
    if not names:
        return ""
    out: Text = names[-1]
    for name in reversed(names[:-1]):
        out = msg("{head}, {tail}", head=name, tail=out)
    return out


def sub_prefix(prefix: Text, label: str) -> Text:
    """The prefix of a group's adjustments: ``[label] `` / ``【label】`` after the outer prefix."""
    inner = msg("[{label}] ", label=label)
    return inner if prefix == "" else msg("{prefix}{text}", prefix=prefix, text=inner)


def prefixed(prefix: Text, reason: Text) -> Text:
    """``reason`` after a group prefix (none: the reason itself)."""
    return reason if prefix == "" else msg("{prefix}{text}", prefix=prefix, text=reason)


def start_reason(prefix: Text, points: str) -> Text:
    """起评N分."""
    return prefixed(prefix, msg("starting points {points}", points=points))


def occurrences_reason(reason: Text, count: int) -> Message:
    """The rule's reason with its count of occurrences."""
    return msg_n("{reason} ({n} time)", "{reason} ({n} times)", "n", reason=reason, n=count)


def capped_occurrences_reason(reason: Text, count: int, cap: str) -> Message:
    """The rule's reason with its count, limited to the rule's cap."""
    return msg_n(
        "{reason} ({n} time), limited to {cap} points in all",
        "{reason} ({n} times), limited to {cap} points in all",
        "n",
        reason=reason,
        n=count,
        cap=cap,
    )


def per_missing_reason(reason: Text, absent: Sequence[str]) -> Message:
    """The rule's reason with the elements missing."""
    return msg("{reason} (missing: {absent})", reason=reason, absent=listing(absent))


def none_present_reason(reason: Text) -> Message:
    """没有的不得分: none of the elements present."""
    return msg("{reason}: none present, no points", reason=reason)


def tier_reason(prefix: Text, reason: str, label: str, points: str) -> Text:
    """The tier chosen and its points."""
    return prefixed(
        prefix, msg("{reason}{label}: {points} points", reason=reason, label=label, points=points)
    )


def floor_reason(prefix: Text) -> Text:
    """扣分不超过分值: the item does not go below 0."""
    return prefixed(prefix, msg("deductions limited to the item's value: at least 0 points"))


def ceiling_reason(prefix: Text, maximum: str) -> Text:
    """The item does not go above its value."""
    return prefixed(prefix, msg("at most {maximum} points", maximum=maximum))


def missing_evidence_reason(keys: Sequence[str]) -> Message:
    """Lenient mode: the item's evidence is missing, scored 0."""
    return msg("evidence missing ({keys}): scored 0", keys=listing(keys))


def rescale_reason(base: str, full: str, applicable: str) -> Message:
    """Items that do not apply: the base rescaled to the full maximum."""
    return msg(
        "some items do not apply: rescaled as {base} × {full} / {applicable}",
        base=base,
        full=full,
        applicable=applicable,
    )


def bonus_gate_reason(base: str, threshold: str, *, inclusive: bool) -> Message:
    """The bonus does not count: the base did not reach (or exceed) the gate."""
    if inclusive:
        return msg(
            "base score {base} below {threshold}: the bonus does not count", base=base, threshold=threshold
        )
    return msg(
        "base score {base} not above {threshold}: the bonus does not count", base=base, threshold=threshold
    )


# --------------------------------------------------------------------------- report words

_HEADINGS = types.MappingProxyType(
    {
        # the item table (text, Markdown, HTML, XLSX)
        "section": N_("section"),
        "no": N_("no."),
        "item": N_("item"),
        "value": N_("item value"),  # the points an item is worth (分值)
        "points": N_("points"),
        "maximum": N_("maximum"),
        "bonus": N_("bonus item"),
        "adjustments": N_("deductions and awards"),
        # parts, rankings, what-ifs
        "card": N_("card"),
        "weight": N_("weight"),
        "contribution": N_("weighted points"),
        "verdict": N_("verdict"),
        "total": N_("total"),
        "rank": N_("rank"),
        "unit": N_("unit"),
        "title": N_("title"),
        "before": N_("before"),
        "after": N_("after"),
        "delta": N_("change"),
        "vetoes": N_("vetoes"),
    }
)


def heading(key: str, lang: Language | None = None) -> str:
    """A column heading of a report table in ``lang`` (``key``: its English id)."""
    return gettext(_HEADINGS[key], lang)


def not_applicable(lang: Language | None = None) -> str:
    """What an item that does not apply shows instead of points (不适用)."""
    return gettext("n/a", lang)
