"""The receipt date of a disclosure request by channel (《政府信息公开条例》第三十一条).

- in person (当面提交): the day the applicant submits it (第三十一条第（一）项);
- post requiring a signature (邮寄): the day the agency signs for it (第（二）项);
- ordinary letter (平信): the day the OGI office confirms receipt with the applicant
  (第（二）项);
- internet (互联网) or the office's fax (传真): the day both sides confirm (第（三）项);
- other channels: not fixed by 第三十一条; the day the agency records the request (policy).
"""

from __future__ import annotations

import datetime as dt
import enum
from types import MappingProxyType

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import N_, gettext
from zwgk._text import lookup_label, normalize_label
from zwgk.errors import InvalidInputError

__all__ = ["Channel", "Receipt", "receipt_date"]


class Channel(enum.Enum):
    """How a request arrived; it fixes the receipt day (《政府信息公开条例》第三十一条)."""

    IN_PERSON = "当面提交"
    SIGNED_POST = "邮寄"
    ORDINARY_LETTER = "平信"
    INTERNET = "互联网"
    FAX = "传真"
    OTHER = "其他"

    @property
    def label(self) -> str:
        """The Chinese label."""
        return self.value

    @property
    def receipt_rule(self) -> str:
        """The receipt-day rule of 条例第三十一条 for this channel."""
        return _RULES[self][1]

    @property
    def article(self) -> str:
        """The article and item that fix the receipt day."""
        return _RULES[self][0]

    @property
    def receipt_field(self) -> str:
        """Which date fixes the receipt day: ``submitted``, ``signed`` or ``confirmed``."""
        return _RULES[self][2]

    @classmethod
    def parse(cls, text: str | Channel) -> Channel:
        """Read a channel from its label, English name or a common variant.

        Raises:
            UnknownNameError: the text names no channel.
        """
        if isinstance(text, Channel):
            return text
        return lookup_label(_ALIASES, text, "channel", [c.value for c in cls])


# channel → (article, receipt-day rule, the date that fixes it)
_RULES: MappingProxyType[Channel, tuple[str, str, str]] = MappingProxyType(
    {
        Channel.IN_PERSON: (
            "《政府信息公开条例》第三十一条第（一）项",
            N_("the day the applicant submits it"),
            "submitted",
        ),
        Channel.SIGNED_POST: (
            "《政府信息公开条例》第三十一条第（二）项",
            N_("the day the agency signs for it"),
            "signed",
        ),
        Channel.ORDINARY_LETTER: (
            "《政府信息公开条例》第三十一条第（二）项",
            N_("the day the OGI office confirms receipt with the applicant"),
            "confirmed",
        ),
        Channel.INTERNET: (
            "《政府信息公开条例》第三十一条第（三）项",
            N_("the day both sides confirm"),
            "confirmed",
        ),
        Channel.FAX: (
            "《政府信息公开条例》第三十一条第（三）项",
            N_("the day both sides confirm"),
            "confirmed",
        ),
        Channel.OTHER: (
            N_("not fixed by 《政府信息公开条例》第三十一条"),
            N_("the day the agency records the request"),
            "submitted",
        ),
    }
)

_ALIASES: MappingProxyType[str, Channel] = MappingProxyType(
    {normalize_label(c.value): c for c in Channel}
    | {normalize_label(c.name.lower()): c for c in Channel}
    | {
        "当面": Channel.IN_PERSON,
        "现场": Channel.IN_PERSON,
        "现场申请": Channel.IN_PERSON,
        "inperson": Channel.IN_PERSON,
        "信函": Channel.SIGNED_POST,
        "挂号信": Channel.SIGNED_POST,
        "快递": Channel.SIGNED_POST,
        "邮寄签收": Channel.SIGNED_POST,
        "post": Channel.SIGNED_POST,
        "signedpost": Channel.SIGNED_POST,
        "平常信函": Channel.ORDINARY_LETTER,
        "letter": Channel.ORDINARY_LETTER,
        "网络": Channel.INTERNET,
        "网上": Channel.INTERNET,
        "网上申请": Channel.INTERNET,
        "电子邮件": Channel.INTERNET,
        "online": Channel.INTERNET,
        "internet": Channel.INTERNET,
        "fax": Channel.FAX,
    }
)


@attrs.frozen
class Receipt:
    """When a request counts as received, by which rule."""

    date: dt.date
    channel: Channel
    rule: str
    article: str


def receipt_date(
    channel: Channel | str,
    *,
    submitted: dt.date | None = None,
    signed: dt.date | None = None,
    confirmed: dt.date | None = None,
) -> Receipt:
    """The receipt date of a request under 条例第三十一条.

    Args:
        channel: how the request arrived ([`Channel`][zwgk.deadlines.Channel] or its Chinese label).
        submitted: in person (or another channel): the day it was handed in / recorded.
        signed: signed post: the day the agency signed for it.
        confirmed: ordinary letter, internet, fax: the confirmation day.

    Raises:
        InvalidInputError: the date the channel needs is missing, or a date the channel does
            not use is given.
        UnknownNameError: unknown channel.
    """
    from zwgk.deadlines._explain import channel_text  # the texts module imports this one for types

    ch = Channel.parse(channel)
    needed = ch.receipt_field
    given = {"submitted": submitted, "signed": signed, "confirmed": confirmed}
    value = given[needed]
    if value is None:
        raise InvalidInputError(
            needed,
            None,
            gettext("the {field} date: for {channel} the receipt day is {rule} ({article})").format(
                field=needed,
                channel=channel_text(ch),
                rule=gettext(ch.receipt_rule),
                article=gettext(ch.article),
            ),
        )
    extra = [k for k, v in given.items() if v is not None and k != needed]
    if extra:
        raise InvalidInputError(
            extra[0],
            given[extra[0]],
            gettext("only {field}= for the channel {channel}").format(field=needed, channel=channel_text(ch)),
        )
    return Receipt(parse_date(value, needed, text=False), ch, ch.receipt_rule, ch.article)
