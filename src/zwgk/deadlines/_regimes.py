"""The two regimes of 《政府信息公开条例》 as data (``data/regimes.toml``).

- the 2008 regime (国务院令第492号), for requests received from 2008-05-01;
- the 2019 regime (国务院令第711号), for requests received from 2019-05-15.

[`regime_for`][zwgk.deadlines.regime_for] picks by the receipt date; every function that takes ``regime=``
also accepts ``"2008"``/``"2019"`` or a [`Regime`][zwgk.deadlines.Regime] to override the choice.
"""

from __future__ import annotations

import datetime as dt
import enum
from functools import cache
from typing import Any

import attrs

from zwgk._i18n import Message, msg
from zwgk._lang import N_
from zwgk.deadlines._explain import period_text
from zwgk.deadlines._periods import Period
from zwgk.errors import InvalidInputError, InvalidTypeError, UnknownNameError

__all__ = [
    "ConsultationParty",
    "Regime",
    "default_answer_window",
    "default_fee_payment_window",
    "get_regime",
    "other_period",
    "regime_for",
    "regimes",
]


class ConsultationParty(enum.StrEnum):
    """Whom an agency consults about a request (条例第三十二条、第三十四条)."""

    THIRD_PARTY = "third_party"
    OTHER_AGENCY = "other_agency"

    @property
    def label(self) -> str:
        """Chinese name (``第三方`` / ``其他机关``)."""
        return "第三方" if self is ConsultationParty.THIRD_PARTY else "其他机关"


RECEIPT_ARTICLE = "《政府信息公开条例》第三十一条"


def _start_texts(regime: Regime) -> tuple[Message, str]:
    reply = regime.reply
    return (
        msg("reply period starts: {period}, the start day not counted", period=period_text(reply)),
        f"{RECEIPT_ARTICLE}；{reply.article}",
    )


@attrs.frozen
class Regime:
    """One version of the Regulations: its periods, rules and the articles behind them.

    Every statutory number zwgk counts is here, read from ``regimes.toml``: ``reply``,
    ``extension``, ``proactive`` (主动公开), ``correction_notice``, ``consultation_answer``,
    and the regime-independent ``fee_payment``, ``review``, ``litigation`` and
    ``litigation_after_review``.  ``regime_for(day).proactive.amount`` is the proactive
    period in force on ``day``.
    """

    id: str
    instrument: str
    title: str
    short: str
    in_force: dt.date
    reply: Period
    extension: Period
    proactive: Period
    correction_notice: Period | None
    consultation_answer: Period | None
    consultation_pauses: frozenset[ConsultationParty]
    consultation_article: str
    correction_article: str
    reasonable_delay_article: str | None
    annual_report_department: tuple[int, int]
    annual_report_government: tuple[int, int]
    annual_report_article: str
    fee_payment: Period
    """The fee payment window (国办函〔2020〕109号; the same under both regimes)."""
    review: Period
    """The period to apply for administrative review (行政复议法)."""
    litigation: Period
    """The period to sue (行政诉讼法第四十六条)."""
    litigation_after_review: Period
    """The period to sue after a review decision (行政诉讼法第四十五条)."""
    # The first step of every reply clock under this regime (derived; not part of equality).
    start_texts: tuple[Message, str] = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(_start_texts, takes_self=True),
    )

    def __str__(self) -> str:
        return f"{self.short}（{self.instrument}，{self.in_force.isoformat()}施行）"


def _read() -> dict[str, Any]:
    import tomllib  # imported on first use: import zwgk stays cheap (issue 17)
    from importlib import resources  # the same

    text = (resources.files("zwgk.deadlines") / "data" / "regimes.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _p(raw: dict[str, Any]) -> Period:
    return Period(raw["amount"], raw["unit"], raw["article"], raw["text"])


def _md(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


@cache
def regimes() -> tuple[Regime, ...]:
    """Both regimes, oldest first."""
    out = []
    for r in _read()["regimes"]:
        periods, rules = r["periods"], r["rules"]
        out.append(
            Regime(
                id=r["id"],
                instrument=r["instrument"],
                title=r["title"],
                short=r["short"],
                in_force=r["in_force"],
                reply=_p(periods["reply"]),
                extension=_p(periods["extension"]),
                proactive=_p(periods["proactive"]),
                correction_notice=_p(periods["correction_notice"])
                if "correction_notice" in periods
                else None,
                consultation_answer=_p(periods["consultation_answer"])
                if "consultation_answer" in periods
                else None,
                consultation_pauses=frozenset(ConsultationParty(x) for x in rules["consultation_pauses"]),
                consultation_article=rules["consultation_article"],
                correction_article=rules["correction_article"],
                reasonable_delay_article=rules.get("reasonable_delay_article"),
                annual_report_department=_md(rules["annual_report_department"]),
                annual_report_government=_md(rules["annual_report_government"]),
                annual_report_article=rules["annual_report_article"],
                fee_payment=other_period("fee_payment"),
                review=other_period("review"),
                litigation=other_period("litigation"),
                litigation_after_review=other_period("litigation_after_review"),
            )
        )
    return tuple(sorted(out, key=lambda r: r.in_force))


@cache
def other_period(name: str) -> Period:
    """A regime-independent period: ``review``, ``litigation``, ``litigation_after_review``,
    ``fee_payment``."""
    table = _read()["other_periods"]
    if name not in table:
        raise UnknownNameError(N_("period"), name, sorted(table))
    return _p(table[name])


def regime_for(received: dt.date, *, field: str = "received") -> Regime:
    """The regime in force on ``received``.

    ``field`` names the argument in error messages (``formed_on`` for proactive disclosure).

    Raises:
        InvalidInputError: ``received`` is before 2008-05-01, when the Regulations took effect.
    """
    for r in reversed(regimes()):  # newest first: almost every date is under the newest regime
        if r.in_force <= received:
            return r
    first = regimes()[0].in_force
    raise InvalidInputError(
        field,
        received,
        f"a date on or after {first.isoformat()}, when 《政府信息公开条例》(国务院令第492号) took effect",
    )


def get_regime(regime: Regime | str | None, received: dt.date, *, field: str = "received") -> Regime:
    """Resolve a ``regime=`` argument: ``None`` picks by ``received``."""
    if regime is None:
        return regime_for(received, field=field)
    if isinstance(regime, Regime):
        return regime
    if isinstance(regime, str):
        for r in regimes():
            if regime in (r.id, r.instrument):
                return r
        raise UnknownNameError(N_("regime"), regime, [r.id for r in regimes()])
    raise InvalidTypeError("regime", regime, N_("None, '2008', '2019' or a Regime"))


def default_answer_window() -> int:
    """The consulted party's answer window of the newest regime that sets one (working days).

    The default of [`ClockPolicy.consultation_answer_window`][zwgk.deadlines.ClockPolicy]:
    the 2008 Regulations set no such period, so zwgk applies the 2019 one to both.
    """
    windows = [r.consultation_answer for r in regimes() if r.consultation_answer is not None]
    return windows[-1].amount


def default_fee_payment_window() -> int:
    """The fee payment window in working days (``fee_payment`` in ``regimes.toml``)."""
    return other_period("fee_payment").amount
