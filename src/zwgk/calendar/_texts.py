"""The calendar's worded names: day kinds, festivals and weekdays in zh or en (issue 13).

The enum values stay what they are (`DayKind` and `Festival` values are the Chinese names
the notices use, and the JSON form); their worded names come from the ``N_`` tables here,
looked up in the current language when shown.  Chinese texts are the notices' own terms
(调休上班, 法定节假日, 周六).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import MappingProxyType

from zwgk._i18n import N_, Language, gettext

__all__ = ["FESTIVAL_NAMES", "KIND_NAMES", "festival_text", "kind_text", "weekday_text"]

#: `DayKind` names by enum member name (zh: the enum values themselves).
KIND_NAMES = MappingProxyType(
    {
        "WORKING_WEEKDAY": N_("working weekday"),
        "WEEKEND_REST": N_("weekend rest"),
        "STATUTORY_HOLIDAY": N_("statutory holiday"),
        "ADJUSTED_REST": N_("other holiday rest day"),
        "ADJUSTED_WORKING": N_("weekend working day"),
    }
)

#: `Festival` names by enum member name (zh: the notices' names, the enum values).
FESTIVAL_NAMES = MappingProxyType(
    {
        "NEW_YEAR": N_("New Year"),
        "SPRING_FESTIVAL": N_("Spring Festival"),
        "QINGMING": N_("Qingming"),
        "LABOUR_DAY": N_("Labour Day"),
        "DRAGON_BOAT": N_("Dragon Boat"),
        "MID_AUTUMN": N_("Mid-Autumn"),
        "NATIONAL_DAY": N_("National Day"),
        "VICTORY_DAY": N_("Victory Day"),
    }
)

_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))


def kind_text(name: str, lang: Language | None = None) -> str:
    """The worded name of the `DayKind` member ``name``: 调休上班 / weekend working day."""
    return gettext(KIND_NAMES[name], lang)


def festival_text(names: Iterable[str], lang: Language | None = None) -> str:
    """The festivals (`Festival` member names) joined: 中秋节、国庆节 / Mid-Autumn & National Day."""
    worded = [gettext(FESTIVAL_NAMES[name], lang) for name in names]
    return gettext(" & ", lang).join(worded)


def weekday_text(day: dt.date, lang: Language | None = None) -> str:
    """The weekday of ``day``: 周六 / Sat."""
    return gettext(_WEEKDAYS[day.weekday()], lang)
