"""How the report readers name JSON values in their messages, shared by the hand-written counts
reader and the pydantic report document (no pydantic here)."""

from __future__ import annotations

from decimal import Decimal

from zwgk._i18n import N_, gettext

__all__ = ["COUNT_EXPECTED", "MONEY_EXPECTED", "json_kind"]

COUNT_EXPECTED = N_("a whole number (JSON integer, e.g. 3) or null for a blank cell")
MONEY_EXPECTED = N_('an amount in 万元 (a JSON number or decimal text such as "1.5") or null')


def json_kind(value: object) -> str:
    """``the boolean true``, ``the text '3'``, ``the number 3.0``, ``a list`` … for messages."""
    if isinstance(value, bool):
        return gettext("the boolean {value}").format(value=str(value).lower())
    if isinstance(value, str):
        return gettext("the text {value}").format(value=repr(value))
    if isinstance(value, float | Decimal):
        return gettext("the number {value}").format(value=value)
    return gettext("a {type}").format(type=type(value).__name__)
