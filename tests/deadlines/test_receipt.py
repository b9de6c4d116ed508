"""The receipt date by channel (《政府信息公开条例》第三十一条)."""

from __future__ import annotations

import pytest
from tests.calendar.helpers import d

import zwgk
from zwgk.deadlines import Channel, Receipt, receipt_date, reply_deadline
from zwgk.deadlines._explain import channel_text
from zwgk.errors import InvalidInputError, InvalidTypeError, UnknownNameError

DAY = d("2026-09-29")

# channel → (keyword that carries its receipt day, item of 第三十一条)
RULES = {
    Channel.IN_PERSON: ("submitted", "第三十一条第（一）项"),
    Channel.SIGNED_POST: ("signed", "第三十一条第（二）项"),
    Channel.ORDINARY_LETTER: ("confirmed", "第三十一条第（二）项"),
    Channel.INTERNET: ("confirmed", "第三十一条第（三）项"),
    Channel.FAX: ("confirmed", "第三十一条第（三）项"),
    Channel.OTHER: ("submitted", None),
}


def test_every_channel_has_a_rule() -> None:
    assert set(RULES) == set(Channel)


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.name)
def test_receipt_day_by_channel(channel: Channel) -> None:
    keyword, item = RULES[channel]
    receipt = receipt_date(channel, **{keyword: DAY})
    assert isinstance(receipt, Receipt)
    assert receipt.date == DAY
    assert receipt.channel is channel
    assert receipt.rule == channel.receipt_rule
    assert receipt.rule
    assert receipt.article == channel.article
    if item is None:
        assert "not fixed" in receipt.article
    else:
        assert receipt.article == f"《政府信息公开条例》{item}"


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.name)
def test_channel_by_its_chinese_label(channel: Channel) -> None:
    keyword, _ = RULES[channel]
    assert receipt_date(channel.value, **{keyword: DAY}).channel is channel
    assert channel.label == channel.value


@pytest.mark.parametrize(
    "channel",
    list(Channel),
    ids=lambda c: c.name,
)
def test_channel_by_its_english_name(channel: Channel) -> None:
    keyword, _ = RULES[channel]
    assert receipt_date(channel.name.lower(), **{keyword: DAY}).channel is channel
    assert Channel.parse(channel.name) is channel


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("当面", Channel.IN_PERSON),
        ("现场申请", Channel.IN_PERSON),
        ("挂号信", Channel.SIGNED_POST),
        ("快递", Channel.SIGNED_POST),
        ("post", Channel.SIGNED_POST),
        ("平常信函", Channel.ORDINARY_LETTER),
        ("网上申请", Channel.INTERNET),
        ("电子邮件", Channel.INTERNET),
        ("Online", Channel.INTERNET),
        ("ＦＡＸ", Channel.FAX),
        (" 传真 ", Channel.FAX),
    ],
)
def test_channel_variants_people_type(text: str, channel: Channel) -> None:
    assert Channel.parse(text) is channel


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.name)
def test_missing_the_date_the_channel_needs(channel: Channel) -> None:
    keyword, _ = RULES[channel]
    others = {k: DAY for k in ("submitted", "signed", "confirmed") if k != keyword}
    with pytest.raises(InvalidInputError, match=keyword) as info:
        receipt_date(channel)
    assert channel_text(channel, "en") in str(info.value)  # worded in the current language
    with zwgk.language("zh"), pytest.raises(InvalidInputError) as zh:
        receipt_date(channel)
    assert channel.value in str(zh.value)  # the Chinese label (当面提交, 邮寄, …)
    # Giving only the dates of other channels does not help: the needed one is still missing.
    with pytest.raises(InvalidInputError, match=keyword):
        receipt_date(channel, **others)


@pytest.mark.parametrize("channel", list(Channel), ids=lambda c: c.name)
def test_an_extra_date_the_channel_does_not_use(channel: Channel) -> None:
    keyword, _ = RULES[channel]
    for extra in ("submitted", "signed", "confirmed"):
        if extra == keyword:
            continue
        with pytest.raises(InvalidInputError, match=extra):
            receipt_date(channel, **{keyword: DAY, extra: d("2026-09-30")})


@pytest.mark.parametrize("channel", ["pigeon", "", "邮件投递机器人"])
def test_unknown_channel(channel: str) -> None:
    with pytest.raises(UnknownNameError, match="channel") as info:
        receipt_date(channel, submitted=DAY)
    assert "当面提交" in str(info.value)


def test_the_receipt_day_as_a_string_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="signed"):
        receipt_date(Channel.SIGNED_POST, signed="2026-09-29")  # type: ignore[arg-type]


def test_post_counts_from_the_signing_day_not_the_posting_day() -> None:
    # Posted Fri 9/25 (中秋 rest), signed Tue 9/29: the period runs from 9/29.
    receipt = receipt_date("邮寄", signed=DAY)
    assert reply_deadline(receipt.date).due == d("2026-11-02")
    # 9/30 (1); 10/1–7 rest; 10/8,9 (3); Sat* 10/10 (4); 10/12–16 (9); 10/19–23 (14); 10/26–30 (19); 11/2 (20)
