"""A disclosure request (依申请公开) as a frozen value, and a ledger of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from zwgk._i18n import gettext
from zwgk._present import present
from zwgk.deadlines import Channel, Outcome, regime_for
from zwgk.deadlines.io import ReplyNotice, parse_reply_outcome
from zwgk.errors import InvalidInputError, InvalidRecordsError, InvalidTypeError, Problem
from zwgk.requests._kinds import ApplicantKind

if TYPE_CHECKING:
    from zwgk.calendar import ChinaCalendar
    from zwgk.deadlines import ClockPolicy, Deadline, Regime

__all__ = ["DisclosureRequest", "Ledger", "fee_payment_due"]


def _check_closed(
    instance: DisclosureRequest, attribute: attrs.Attribute[Any], value: dt.date | None
) -> None:
    if (value is None) != (instance.outcome is None):
        raise InvalidInputError(
            "closed",
            value,
            gettext(
                "a closing date together with an outcome, or neither (request {id} has outcome {outcome})"
            ).format(
                id=repr(instance.id), outcome=repr(instance.outcome.value if instance.outcome else None)
            ),
        )
    if value is not None and value < instance.received:
        raise InvalidInputError(
            "closed",
            value,
            gettext("a date on or after the receipt day {day}").format(day=instance.received.isoformat()),
        )


def _check_date(instance: DisclosureRequest, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidTypeError(attribute.name, value, gettext("a datetime.date"))


def _check_id(instance: DisclosureRequest, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise InvalidInputError(attribute.name, value, gettext("a non-empty text"))


def _check_pages(instance: DisclosureRequest, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 0):
        raise InvalidInputError("pages", value, gettext("a non-negative whole number of pages or None"))


def _kind(value: str | ApplicantKind) -> ApplicantKind:
    return ApplicantKind.parse(value)


def _channel(value: str | Channel) -> Channel:
    return Channel.parse(value)


def _outcome(value: str | Outcome | ReplyNotice | None) -> Outcome | ReplyNotice | None:
    return None if value is None else parse_reply_outcome(value)


def _check_outcome_regime(
    instance: DisclosureRequest, attribute: attrs.Attribute[Any], value: Outcome | ReplyNotice | None
) -> None:
    """A 2008 notice (告知书) must mean something under the request's regime (by ``received``)."""
    if isinstance(value, ReplyNotice):
        parse_reply_outcome(value, regime_for(instance.received).id)


def _events(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


def _requests(value: Iterable[DisclosureRequest]) -> tuple[DisclosureRequest, ...]:
    return tuple(value)


@attrs.frozen
class DisclosureRequest:
    """One request for government information, as the register records it.

    ``received`` is the statutory receipt day (《政府信息公开条例》第三十一条: it depends on the
    ``channel``); ``outcome`` is the row of table 3 the request ends in and ``closed`` the day
    it ended — both or neither (a pending request has neither).  ``events`` are the events of
    the request clock (``zwgk.deadlines.CorrectionRequested`` …) passed to
    [`zwgk.deadlines.reply_deadline`][].  ``pages`` is the page count used by the per-volume
    fee scheme.
    """

    id: str = attrs.field(validator=_check_id)
    applicant: str = attrs.field(validator=_check_id)
    applicant_kind: ApplicantKind = attrs.field(converter=_kind)
    received: dt.date = attrs.field(validator=_check_date)
    channel: Channel = attrs.field(default=Channel.OTHER, converter=_channel)
    outcome: Outcome | ReplyNotice | None = attrs.field(
        default=None, converter=_outcome, validator=_check_outcome_regime
    )
    closed: dt.date | None = attrs.field(default=None, validator=_check_closed)
    events: tuple[Any, ...] = attrs.field(default=(), converter=_events)
    pages: int | None = attrs.field(default=None, validator=_check_pages)

    @property
    def pending(self) -> bool:
        """True while no outcome is recorded."""
        return self.outcome is None

    def is_open_on(self, day: dt.date) -> bool:
        """True if the request was received on or before ``day`` and not closed by its end."""
        return self.received <= day and (self.closed is None or self.closed > day)

    def deadline(
        self,
        *,
        regime: Regime | str | None = None,
        calendar: ChinaCalendar | None = None,
        policy: ClockPolicy | None = None,
    ) -> Deadline:
        """The reply deadline of this request (《政府信息公开条例》第三十三条).

        Delegates to [`zwgk.deadlines.reply_deadline`][] with the receipt day and the
        recorded ``events``; when the request is closed and no ``Replied`` event is recorded,
        a ``Replied(closed, outcome)`` event is added so the deadline knows it was met or missed.

        Args:
            regime: passed through (``None`` picks the regime by the receipt day).
            calendar: passed through (``None`` is the default calendar).
            policy: passed through (the overridable policy parameters of the deadlines module).

        Returns:
            The ``zwgk.deadlines.Deadline``.
        """
        from zwgk import deadlines

        events = list(self.events)
        if self.closed is not None and not any(isinstance(e, deadlines.Replied) for e in events):
            events.append(deadlines.Replied(self.closed, outcome=self.outcome))
        return deadlines.reply_deadline(
            self.received, tuple(events), regime=regime, calendar=calendar, policy=policy
        )


def fee_payment_due(notice_received_on: dt.date, *, calendar: ChinaCalendar | None = None) -> dt.date:
    """Last day to pay an information-processing fee (国办函〔2020〕109号; FACTS [P]).

    Delegates to [`zwgk.deadlines.fee_payment_deadline`][], whose period is the one data
    record ``other_periods.fee_payment`` of ``zwgk/deadlines/data/regimes.toml`` (20 working
    days counted from the day after the fee notice is received); no number is repeated here.

    Args:
        notice_received_on: the day the applicant received the fee notice.
        calendar: passed through (``None`` is the default calendar).

    Returns:
        The last day of the payment window.
    """
    from zwgk import deadlines

    due: dt.date = deadlines.fee_payment_deadline(notice_received_on, calendar=calendar)
    return due


@attrs.frozen(repr=False)
class Ledger:
    """A request register (依申请公开登记台账): requests with unique ids, in the given order."""

    requests: tuple[DisclosureRequest, ...] = attrs.field(converter=_requests)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        problems: list[Problem] = []
        for index, request in enumerate(self.requests):
            if not isinstance(request, DisclosureRequest):
                problems.append(
                    Problem(
                        gettext("request {n}").format(n=index + 1),
                        gettext("not a DisclosureRequest"),
                        None,
                        type(request).__name__,
                    )
                )
                continue
            if request.id in seen:
                problems.append(
                    Problem(
                        gettext("request {n}").format(n=index + 1),
                        gettext("duplicate id (also request {n})").format(n=seen[request.id] + 1),
                        "id",
                        request.id,
                        gettext("ids unique within a ledger"),
                    )
                )
            seen.setdefault(request.id, index)
        if problems:
            raise InvalidRecordsError("ledger", problems)

    def __len__(self) -> int:
        return len(self.requests)

    def __iter__(self) -> Iterator[DisclosureRequest]:
        return iter(self.requests)

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The first requests as an HTML table (notebooks)."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """The ledger as a DataFrame (``zwgk[pandas]``); see
        [`ledger_to_frame`][zwgk.requests.io.ledger_to_frame]."""
        return present(self, "frame")

    def by_applicant_month(self, applicant: str, year: int, month: int) -> tuple[DisclosureRequest, ...]:
        """The applicant's requests received in one calendar month, in receipt order."""
        chosen = [
            r
            for r in self.requests
            if r.applicant == applicant and r.received.year == year and r.received.month == month
        ]
        return tuple(sorted(chosen, key=lambda r: r.received))

    def years(self) -> tuple[int, ...]:
        """Every calendar year in which a request was received or closed, ascending."""
        found: set[int] = set()
        for r in self.requests:
            found.add(r.received.year)
            if r.closed is not None:
                found.add(r.closed.year)
        return tuple(sorted(found))

    @classmethod
    def of(cls, requests: Iterable[DisclosureRequest]) -> Ledger:
        """Build a ledger from any iterable of requests."""
        return cls(tuple(requests))
