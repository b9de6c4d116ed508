"""The one input-date parser every zwgk reader uses.

Pure, no state.  A date arrives as a `datetime.date`, a `datetime.datetime`
or — from files, spreadsheets and the command line — as text.  `parse_date` turns each
into a `datetime.date` under one set of rules, or raises a zwgk error naming the field:

- a missing value — ``None``, NaN, pandas' ``NA`` and ``NaT`` (a ``datetime`` subclass) — is
  refused by name (``"a missing date (NaT)"``) with [`InvalidTypeError`][zwgk.errors.InvalidTypeError];
- a ``date`` is returned as it is;
- a ``datetime`` gives its date; an aware one is first converted to China Standard Time
  (UTC+8), the zone every deadline is counted in; with ``datetimes=False`` it is refused;
- text is accepted only with ``text=True``: ISO ``2026-09-28`` and the forms typed in
  Chinese offices, ``2026/9/28``, ``2026.9.28`` and ``2026年9月28日``, in full-width or
  half-width digits, surrounded by spaces or not.  Anything else is refused, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from zwgk._lang import N_
from zwgk._lang import gettext_ as _
from zwgk.errors import InvalidInputError, InvalidTypeError

__all__ = ["CHINA_STANDARD_TIME", "DATE_FORMS", "missing_name", "parse_date"]

#: The zone of China's official calendar (UTC+8, no daylight saving since 1991).
CHINA_STANDARD_TIME = dt.timezone(dt.timedelta(hours=8), "CST")

#: What text dates may look like, for messages.
DATE_FORMS = N_("YYYY-MM-DD (also YYYY/M/D, YYYY.M.D or YYYY年M月D日)")

_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_date(value: object, field: str, *, text: bool = True, datetimes: bool = True) -> dt.date:
    """``value`` as a `datetime.date` under zwgk's date rules (see the module docstring).

    Args:
        value: a date, a datetime, or (with ``text=True``) a string.
        field: the name of the field or argument, for the error message.
        text: accept strings in the forms of `DATE_FORMS`.
        datetimes: accept datetimes (their date in China Standard Time).

    Returns:
        The date.

    Raises:
        InvalidInputError: text that is not a calendar date in an accepted form, or a
            datetime where ``datetimes=False``.
        InvalidTypeError: any other type (a string where ``text=False``).
    """
    if type(value) is dt.date:  # the common case: nothing to check
        return value
    missing = missing_name(value, N_("date"))
    if missing is not None:
        expected = _expected_type(datetimes)
        raise InvalidTypeError.missing(field, value, missing, expected)
    if isinstance(value, dt.datetime):
        if not datetimes:
            raise InvalidInputError(field, value, _("a date without a time (YYYY-MM-DD)"))
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(CHINA_STANDARD_TIME)
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and text:
        return _parse_text(value, field)
    expected = _expected_type(datetimes)
    if isinstance(value, str):
        expected = _("{expected} (parse it first: datetime.date.fromisoformat(...))").format(
            expected=expected
        )
    raise InvalidTypeError(field, value, expected)


def _expected_type(datetimes: bool) -> str:
    return _("a datetime.date or datetime.datetime") if datetimes else _("a datetime.date")


def missing_name(value: object, what: str = N_("value")) -> str | None:
    """How a message names ``value`` if it is a missing value, else ``None``.

    ``None``, a float NaN, pandas' ``NA`` and ``NaT`` (a ``datetime`` subclass that is not a
    date) are what an empty spreadsheet cell becomes; each is named, never shown as a repr:
    ``"a missing date (NaT)"``.  pandas is never imported.
    """
    if value is None:
        form = N_("a missing {what} (None)")
    elif isinstance(value, float) and value != value:  # noqa: PLR0124 - NaN is the one float unequal to itself
        form = N_("a missing {what} (NaN, an empty cell)")
    else:
        name = type(value).__name__
        if name == "NaTType" or (isinstance(value, dt.datetime) and value != value):  # noqa: PLR0124 - NaT likewise
            form = N_("a missing {what} (NaT)")
        elif name == "NAType":
            form = N_("a missing {what} (NA)")
        else:
            return None
    return _(form).format(what=_(what))


def _parse_text(value: str, field: str) -> dt.date:
    folded = unicodedata.normalize("NFKC", value).strip()
    match = _DATE_RE.fullmatch(folded)
    if match is None:
        raise InvalidInputError(field, value, _("a date {forms}").format(forms=_(DATE_FORMS)))
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise InvalidInputError(
            field, value, _("a calendar date {forms}").format(forms=_(DATE_FORMS))
        ) from None
