"""Information-processing fees (信息处理费) of 国办函〔2020〕109号, with the arithmetic shown.

Both schemes are marginal (超额累进): each unit is charged at the price of the tier it falls
in.  Per request (按件) the units are an applicant's requests counted cumulatively over a
calendar month; per volume (按量) they are the pages of one request.  The tiers are read from
the package data file ``requests/data/fees.toml``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

import attrs

from zwgk._i18n import Language, gettext, msg
from zwgk._lang import N_
from zwgk._present import present
from zwgk.errors import DataFileError, InvalidInputError, InvalidRecordsError, InvalidTypeError, Problem
from zwgk.requests._request import DisclosureRequest

__all__ = [
    "FeeSchedule",
    "FeeStep",
    "FeeTier",
    "RequestFee",
    "VolumeFee",
    "fee_schedule",
    "fees_effective",
    "monthly_request_fees",
    "per_request_fee",
    "per_volume_fee",
]

_YUAN = Decimal("1")


@attrs.frozen
class FeeTier:
    """Units ``first``..``last`` (inclusive; ``last`` None = open-ended) cost ``price`` each."""

    first: int
    last: int | None
    price: Decimal

    @property
    def label(self) -> str:
        """The tier as people write it, e.g. ``11–30`` or ``201+``."""
        return f"{self.first}+" if self.last is None else f"{self.first}–{self.last}"


@attrs.frozen
class FeeSchedule:
    """One fee scheme: ordered tiers covering 1.. without gaps, plus the citation."""

    unit: str
    citation: str
    fixed: tuple[FeeTier, ...]
    open_first: int
    open_band: int
    open_first_price: Decimal
    open_step: Decimal

    def tier_of(self, n: int) -> FeeTier:
        """The tier the ``n``-th unit (1-based) falls in.

        Raises:
            InvalidInputError: ``n`` is below 1.
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise InvalidTypeError("n", n, gettext("a whole number of units (int)"))
        if n < 1:
            raise InvalidInputError("n", n, gettext("a unit position of 1 or more"))
        for tier in self.fixed:
            if tier.last is not None and tier.first <= n <= tier.last:
                return tier
        if self.open_band == 0:
            return FeeTier(self.open_first, None, self.open_first_price)
        band = (n - self.open_first) // self.open_band
        first = self.open_first + band * self.open_band
        return FeeTier(first, first + self.open_band - 1, self.open_first_price + band * self.open_step)


@attrs.frozen
class FeeStep:
    """One line of the arithmetic: ``quantity`` units of tier ``tier`` at ``price`` = ``amount``."""

    tier: FeeTier
    quantity: int
    price: Decimal
    amount: Decimal

    def __str__(self) -> str:
        return f"{self.tier.label}: {self.quantity} × ¥{self.price} = ¥{self.amount}"


@attrs.frozen
class RequestFee:
    """The per-request (按件) fee of one request.

    ``ordinal`` is its place among the applicant's requests in the calendar month (1-based,
    counting ``already_counted`` earlier requests); ``step`` shows the tier arithmetic and
    ``cumulative`` the month's running total up to and including this request.
    """

    request_id: str
    received: dt.date | None
    ordinal: int
    step: FeeStep
    cumulative: Decimal

    @property
    def amount(self) -> Decimal:
        """The fee for this request in yuan."""
        return self.step.amount

    def explain(self, lang: Language | None = None) -> str:
        """A one-line account in ``lang`` (default: the current language), e.g.
        ``request 31 R-031: tier 31–40 at ¥200 per request → ¥200; month total ¥2200``."""
        return msg(
            "request {n} {id}: tier {tier} at ¥{price} per request → ¥{amount}; month total ¥{total}",
            n=self.ordinal,
            id=self.request_id,
            tier=self.step.tier.label,
            price=self.step.price,
            amount=self.amount,
            total=self.cumulative,
        ).render(lang)


@attrs.frozen(repr=False)
class VolumeFee:
    """The per-volume (按量) fee of one request: the steps, one per tier touched, and the total."""

    pages: int
    steps: tuple[FeeStep, ...]
    total: Decimal

    def explain(self, lang: Language | None = None) -> str:
        """The arithmetic in ``lang`` (default: the current language), e.g.
        ``1–30: 30 × ¥0 = ¥0; 31–100: 70 × ¥10 = ¥700 → ¥700``."""
        body = gettext("; ", lang).join(str(s) for s in self.steps) or gettext("no pages", lang)
        return f"{body} → ¥{self.total}"

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The arithmetic as an HTML table, one row per tier touched."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """One row per tier touched (extra ``zwgk[pandas]``)."""
        return present(self, "frame")


def _load_schedule(raw: dict[str, object], name: str, problems: list[Problem]) -> FeeSchedule | None:
    where = f"requests/data/fees.toml: {name}"
    try:
        section = raw[name]
        assert isinstance(section, dict)
        tiers = tuple(
            FeeTier(int(t["first"]), int(t["last"]), Decimal(str(t["price"]))) for t in section["tiers"]
        )
        tail = section["open_ended"]
        schedule = FeeSchedule(
            unit=str(section["unit"]),
            citation=str(section["citation"]),
            fixed=tiers,
            open_first=int(tail["first"]),
            open_band=int(tail["band"]),
            open_first_price=Decimal(str(tail["first_price"])),
            open_step=Decimal(str(tail["step"])),
        )
    except (KeyError, TypeError, ValueError, AssertionError, ArithmeticError) as exc:
        problems.append(Problem(where, gettext("malformed fee schedule ({error})").format(error=exc)))
        return None
    expected_first = 1
    for tier in schedule.fixed:
        if tier.first != expected_first or tier.last is None or tier.last < tier.first:
            problems.append(Problem(where, N_("tiers must be contiguous from 1"), "tiers", tier.label))
        expected_first = (tier.last or 0) + 1
    if schedule.open_first != expected_first:
        problems.append(Problem(where, N_("open-ended tier must follow the last tier"), "open_ended.first"))
    return schedule


@cache
def fees_effective() -> dt.date:
    """The day the fee measures came into force (``effective`` in ``requests/data/fees.toml``).

    国办函〔2020〕109号《政府信息公开信息处理费管理办法》 applies from 2021-01-01; requests
    received before then cannot be charged under it.

    Raises:
        DataFileError: the data file lacks a valid ``effective`` date.
    """
    text = resources.files("zwgk.requests").joinpath("data/fees.toml").read_text("utf-8")
    value = tomllib.loads(text).get("effective")
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise DataFileError(
            "requests/data/fees.toml",
            [
                Problem(
                    "requests/data/fees.toml",
                    N_("missing or malformed"),
                    "effective",
                    value,
                    N_("a TOML date"),
                )
            ],
        )
    return value


@cache
def _schedules() -> tuple[FeeSchedule, FeeSchedule, str]:
    text = resources.files("zwgk.requests").joinpath("data/fees.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    problems: list[Problem] = []
    per_request = _load_schedule(raw, "per_request", problems)
    per_volume = _load_schedule(raw, "per_volume", problems)
    if problems or per_request is None or per_volume is None:
        raise DataFileError("requests/data/fees.toml", problems)
    return per_request, per_volume, str(raw["data_version"])


def fee_schedule(scheme: str) -> FeeSchedule:
    """Return the tiers of ``"per_request"`` (按件) or ``"per_volume"`` (按量).

    Raises:
        InvalidInputError: another scheme name.
    """
    per_request, per_volume, _ = _schedules()
    table = {"per_request": per_request, "按件": per_request, "per_volume": per_volume, "按量": per_volume}
    if scheme not in table:
        raise InvalidInputError("scheme", scheme, gettext("'per_request' (按件) or 'per_volume' (按量)"))
    return table[scheme]


def per_request_fee(ordinal: int) -> FeeStep:
    """The fee of an applicant's ``ordinal``-th request in a calendar month (按件, marginal).

    1–10 free; 11–30 ¥100 each; from the 31st, bands of 10, each ¥100 dearer than the last
    (31–40 ¥200, 41–50 ¥300 …) — 国办函〔2020〕109号.

    Args:
        ordinal: the request's 1-based place in the applicant's month.

    Returns:
        The step: tier, quantity 1, price and amount (Decimal yuan).

    Raises:
        InvalidInputError: ``ordinal`` below 1.
        InvalidTypeError: ``ordinal`` not an int.
    """
    tier = fee_schedule("per_request").tier_of(ordinal)
    return FeeStep(tier, 1, tier.price, (tier.price * 1).quantize(_YUAN))


def monthly_request_fees(
    requests: Sequence[DisclosureRequest], *, already_counted: int = 0
) -> tuple[RequestFee, ...]:
    """Per-request (按件) fees for one applicant's requests in one calendar month.

    The requests are counted in receipt order (ties keep the given order); the ``n``-th
    request costs the price of the tier ``n`` falls in.  ``already_counted`` earlier requests
    of the same month (not in ``requests``) shift the count.  The fee measures apply to
    requests received on or after their entry into force, 2021-01-01
    ([`fees_effective`][zwgk.requests.fees_effective]); an earlier request is an error, not a fee.

    Args:
        requests: requests of a single applicant, all received in the same calendar month.
        already_counted: requests of that applicant already received that month.

    Returns:
        One [`RequestFee`][zwgk.requests.RequestFee] per request, in counting order, with the running total.

    Raises:
        InvalidRecordsError: requests of several applicants or several months, or
            received before 2021-01-01 (every offending request is listed).
        InvalidInputError: ``already_counted`` negative.
    """
    if isinstance(already_counted, bool) or not isinstance(already_counted, int) or already_counted < 0:
        raise InvalidInputError("already_counted", already_counted, gettext("a whole number of 0 or more"))
    ordered = sorted(requests, key=lambda r: r.received)
    effective = fees_effective()
    problems: list[Problem] = [
        Problem(
            _where(r),
            gettext("received before the fee measures came into force (国办函〔2020〕109号)"),
            "received",
            r.received.isoformat(),
            gettext("a day on or after {day}").format(day=effective.isoformat()),
        )
        for r in ordered
        if r.received < effective
    ]
    if ordered:
        first = ordered[0]
        for r in ordered[1:]:
            if r.applicant != first.applicant:
                problems.append(
                    Problem(
                        _where(r),
                        gettext("another applicant"),
                        "applicant",
                        r.applicant,
                        repr(first.applicant),
                    )
                )
            if (r.received.year, r.received.month) != (first.received.year, first.received.month):
                problems.append(
                    Problem(
                        _where(r),
                        gettext("received in another calendar month"),
                        "received",
                        r.received.isoformat(),
                        gettext("a day in {month}").format(month=f"{first.received:%Y-%m}"),
                    )
                )
    if problems:
        raise InvalidRecordsError("monthly_request_fees", problems)
    out: list[RequestFee] = []
    total = Decimal("0")
    for offset, request in enumerate(ordered, start=1):
        step = per_request_fee(already_counted + offset)
        total += step.amount
        out.append(RequestFee(request.id, request.received, already_counted + offset, step, total))
    return tuple(out)


def _where(request: DisclosureRequest) -> str:
    return gettext("request {id}").format(id=request.id)


def per_volume_fee(pages: int) -> VolumeFee:
    """The per-volume (按量) fee of one request of ``pages`` pages (marginal tiers).

    1–30 pages free; 31–100 ¥10/page; 101–200 ¥20/page; 201+ ¥40/page (国办函〔2020〕109号).
    Example: 250 pages = 30 × 0 + 70 × 10 + 100 × 20 + 50 × 40 = ¥4700.

    Args:
        pages: the page count (0 allowed: no fee).

    Returns:
        The steps, one per tier touched, and the total in Decimal yuan.

    Raises:
        InvalidInputError: negative ``pages``.
        InvalidTypeError: ``pages`` not an int.
    """
    if isinstance(pages, bool) or not isinstance(pages, int):
        raise InvalidTypeError("pages", pages, gettext("a whole number of pages (int)"))
    if pages < 0:
        raise InvalidInputError("pages", pages, gettext("a page count of 0 or more"))
    schedule = fee_schedule("per_volume")
    steps: list[FeeStep] = []
    position = 1
    while position <= pages:
        tier = schedule.tier_of(position)
        last = pages if tier.last is None else min(tier.last, pages)
        quantity = last - position + 1
        steps.append(FeeStep(tier, quantity, tier.price, (tier.price * quantity).quantize(_YUAN)))
        position = last + 1
    return VolumeFee(pages, tuple(steps), sum((s.amount for s in steps), Decimal("0")))
