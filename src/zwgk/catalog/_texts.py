"""The worded names of the catalog's enums, in one place (issue 13: one language per output).

The enum values stay the Chinese labels of the seed documents (they are the JSON ``label``s
and the XLSX cells); these tables give each member an English msgid whose Chinese text is
that label, so that an English output never shows a bare Chinese label.  The tables are keyed
by member name and typed by `enum.Enum` (the value modules import this one, which imports none of
them); a test checks that every member has a name.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from types import MappingProxyType

from zwgk._i18n import N_, Language, Message, gettext, msg, msg_n

__all__ = [
    "code_text",
    "force_message",
    "force_text",
    "source_text",
    "status_text",
    "working_days",
]

_CODES = MappingProxyType(
    {
        "MISSING_LEGAL_BASIS": N_("no legal basis"),
        "BASES_NOT_ORDERED": N_("legal bases not in order of legal force"),
        "MISSING_TIME_LIMIT": N_("no time limit"),
        "UNPARSED_TIME_LIMIT": N_("time limit not recognised"),
        "NO_CHANNEL": N_("no disclosure channel"),
        "MISSING_MODE": N_("no disclosure mode"),
        "MISSING_BODY": N_("no disclosing body"),
        "DUPLICATE_ITEM": N_("duplicate item"),
        "SERVICE_GUIDE_INCOMPLETE": N_("service guide incomplete"),
    }
)
_FORCES = MappingProxyType(
    {
        "LAW": N_("law"),
        "ADMINISTRATIVE_REGULATION": N_("administrative regulation"),
        "LOCAL_REGULATION": N_("local regulation"),
        "DEPARTMENTAL_RULE": N_("departmental rule"),
        "LOCAL_GOVERNMENT_RULE": N_("local government rule"),
        "NORMATIVE_DOCUMENT": N_("normative document"),
        "OTHER": N_("other document"),
    }
)
_STATUSES = MappingProxyType(
    {
        "ON_TIME": N_("on time"),
        "LATE": N_("published late"),
        "PENDING": N_("not yet due for publication"),
        "OVERDUE": N_("overdue, not published"),
    }
)
_SOURCES = MappingProxyType(
    {
        "ITEM": N_("the catalog's time limit"),
        "STATUTORY_DEFAULT": N_("the Regulations' default time limit"),
    }
)

#: The worded names of the labelled enums, keyed by class name (import problems name them).
_VALUE_KINDS = MappingProxyType(
    {
        "DisclosureMode": N_("disclosure mode"),
        "Audience": N_("audience"),
        "Level": N_("disclosure level"),
        "FiveOpen": N_("five-disclosures category"),
        "LegalForce": N_("kind of legal basis"),
    }
)


def value_kind_text(kind: str, lang: Language | None = None) -> str:
    """What a catalog column holds, by its enum's class name: ``disclosure mode`` / ``公开方式``."""
    return gettext(_VALUE_KINDS[kind], lang)


def code_text(code: enum.Enum, lang: Language | None = None) -> str:
    """The name of a finding's code in ``lang`` (Chinese: its label, 缺少公开依据)."""
    return gettext(_CODES[code.name], lang)


def force_text(force: enum.Enum, lang: Language | None = None) -> str:
    """The name of a kind of legal basis in ``lang`` (Chinese: 法律, 行政法规 …)."""
    return gettext(_FORCES[force.name], lang)


def status_text(status: enum.Enum, lang: Language | None = None) -> str:
    """The name of a publication's status in ``lang`` (Chinese: 按时公开, 逾期公开 …)."""
    return gettext(_STATUSES[status.name], lang)


def source_text(source: enum.Enum, lang: Language | None = None) -> str:
    """Where a due date's limit came from, in ``lang`` (Chinese: 目录规定时限, 条例默认时限)."""
    return gettext(_SOURCES[source.name], lang)


def force_message(force: enum.Enum) -> Message:
    """`force_text` as a message, worded when read."""
    return Message(_FORCES[force.name])


def working_days(n: int) -> Message:
    """``n`` working days: ``20个工作日`` / ``20 working days``, worded when read."""
    return msg_n("{n} working day", "{n} working days", "n", n=n)


def listed(names: Sequence[str]) -> str | Message:
    """``names`` as one list worded when read: ``A, B, C`` in English, ``A、B、C`` in Chinese."""
    if len(names) < 2:
        return "".join(names)
    return msg("{first}, {rest}", first=names[0], rest=listed(names[1:]))
