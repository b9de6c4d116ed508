"""Dated events in the life of a disclosure request (依申请公开), as frozen values.

Every event has an ``on`` date.  [`reply_deadline`][zwgk.deadlines.reply_deadline] applies them in
date order (events of the same day in the order given).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from zwgk._dates import parse_date
from zwgk._i18n import gettext
from zwgk._json_out import fields_dict, pydantic_core_schema
from zwgk._lang import N_
from zwgk.deadlines._regimes import ConsultationParty
from zwgk.errors import InvalidEventSequence, InvalidInputError, InvalidTypeError

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "EVENT_KINDS",
    "ConsultationEnded",
    "ConsultationStarted",
    "CorrectionReceived",
    "CorrectionRequested",
    "Event",
    "ExtensionGranted",
    "FeeNoticeIssued",
    "FeePaid",
    "ReasonableDelaySet",
    "Replied",
    "Withdrawn",
    "check_outcome",
    "event_from_dict",
    "unknown_event_kind",
]


def _date(value: Any) -> dt.date:
    return parse_date(value, "on", text=False)


def _until(value: Any) -> dt.date:
    return parse_date(value, "until", text=False)


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else _until(value)


def _party(value: Any) -> ConsultationParty:
    if isinstance(value, ConsultationParty):
        return value
    aliases = {
        "第三方": ConsultationParty.THIRD_PARTY,
        "third party": ConsultationParty.THIRD_PARTY,
        "其他机关": ConsultationParty.OTHER_AGENCY,
        "其他行政机关": ConsultationParty.OTHER_AGENCY,
        "other agency": ConsultationParty.OTHER_AGENCY,
        "agency": ConsultationParty.OTHER_AGENCY,
    }
    text = str(value).strip()
    found = aliases.get(text) or aliases.get(text.lower())
    if found is not None:
        return found
    try:
        return ConsultationParty(text.lower())
    except ValueError:
        raise InvalidInputError("party", value, N_("third_party or other_agency")) from None


def _positive_int(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(attribute.name, value, N_("a whole number of working days"))
    if value <= 0:
        raise InvalidInputError(attribute.name, value, N_("a number of working days > 0"))


def _amount(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        raise InvalidTypeError("amount", value, N_("a Decimal, int or str amount of yuan (not a float)"))
    from decimal import Decimal  # on first use: import zwgk.deadlines stays cheap

    try:
        return Decimal(value)
    except (ArithmeticError, ValueError, TypeError):
        raise InvalidInputError("amount", value, N_("an amount of yuan such as '100'")) from None


class _EventJson:
    """The JSON form every event shares: ``kind`` (the class name) first, then its fields."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """The event as JSON data: ``{"kind": CLASS NAME, "on": "YYYY-MM-DD", ...its fields}``.

        Dates are ISO strings, a fee amount a decimal string (``"100"``), a consultation
        party its id (``third_party``/``other_agency``), a reply outcome its value.
        """
        return fields_dict(self, first={"kind": type(self).__name__})

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: validate from the dict form
        ([`event_from_dict`][zwgk.deadlines.io.event_from_dict]), dump as ``to_dict()``."""
        return pydantic_core_schema(cls, _own_kind(cls), "zwgk.deadlines.io", "event_json_schema")


@attrs.frozen
class CorrectionRequested(_EventJson):
    """The agency asked the applicant to correct an unclear request (补正, 条例第三十条).

    ``until`` is the reasonable period the agency gave, if recorded; a corrected request
    not received by then means the request is abandoned (视为放弃申请).
    """

    on: dt.date = attrs.field(converter=_date)
    until: dt.date | None = attrs.field(default=None, converter=_optional_date)
    label = "告知补正"


@attrs.frozen
class CorrectionReceived(_EventJson):
    """The corrected request arrived; the reply period restarts from this day."""

    on: dt.date = attrs.field(converter=_date)
    label = "收到补正申请"


@attrs.frozen
class ConsultationStarted(_EventJson):
    """The agency sent a consultation letter to a third party or another agency."""

    on: dt.date = attrs.field(converter=_date)
    party: ConsultationParty = attrs.field(default=ConsultationParty.THIRD_PARTY, converter=_party)
    label = "征求意见"


@attrs.frozen
class ConsultationEnded(_EventJson):
    """The consulted party answered (or the agency closed the consultation)."""

    on: dt.date = attrs.field(converter=_date)
    label = "征求意见结束"


@attrs.frozen
class FeeNoticeIssued(_EventJson):
    """The applicant received a notice of an information-processing fee (国办函〔2020〕109号)."""

    on: dt.date = attrs.field(converter=_date)
    amount: Decimal | None = attrs.field(default=None, converter=_amount)
    label = "发出收费通知"


@attrs.frozen
class FeePaid(_EventJson):
    """The applicant paid the fee."""

    on: dt.date = attrs.field(converter=_date)
    label = "缴纳信息处理费"


@attrs.frozen
class ExtensionGranted(_EventJson):
    """The head of the OGI office approved an extension of ``working_days`` and told the applicant."""

    on: dt.date = attrs.field(converter=_date)
    working_days: int = attrs.field(validator=_positive_int)
    label = "延长答复期限"


@attrs.frozen
class ReasonableDelaySet(_EventJson):
    """For an excessive request the agency set a reasonable later reply date (条例第三十五条)."""

    on: dt.date = attrs.field(converter=_date)
    until: dt.date = attrs.field(converter=_date)
    label = "确定延迟答复期限"

    def __attrs_post_init__(self) -> None:
        if self.until <= self.on:
            raise InvalidInputError(
                "until",
                self.until,
                gettext("a date after the day it was set ({day})").format(day=self.on.isoformat()),
            )


@attrs.frozen
class Replied(_EventJson):
    """The agency replied.  ``outcome`` is the row of the annual report's table 3, if known."""

    on: dt.date = attrs.field(converter=_date)
    outcome: str | enum.Enum | None = None
    label = "作出答复"


@attrs.frozen
class Withdrawn(_EventJson):
    """The applicant withdrew the request."""

    on: dt.date = attrs.field(converter=_date)
    label = "申请人撤回申请"


Event = (
    CorrectionRequested
    | CorrectionReceived
    | ConsultationStarted
    | ConsultationEnded
    | FeeNoticeIssued
    | FeePaid
    | ExtensionGranted
    | ReasonableDelaySet
    | Replied
    | Withdrawn
)
"""Any of the request-clock events."""

EVENT_TYPES: tuple[type, ...] = (
    CorrectionRequested,
    CorrectionReceived,
    ConsultationStarted,
    ConsultationEnded,
    FeeNoticeIssued,
    FeePaid,
    ExtensionGranted,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
)


EVENT_KINDS: tuple[str, ...] = tuple(t.__name__ for t in EVENT_TYPES)
"""The ``kind`` of every event in its dict form: its class name."""


def unknown_event_kind(kind: object) -> str:
    """The message for an event ``kind`` that names no event class (lists the known kinds)."""
    from zwgk.errors import UnknownNameError

    return str(UnknownNameError(N_("request event"), kind, EVENT_KINDS))


def _own_kind(cls: type) -> Callable[[Mapping[str, Any]], Event]:
    """``event_from_dict`` for one class: a dict of another ``kind`` is refused."""

    def read(data: Mapping[str, Any]) -> Event:
        if data.get("kind") != cls.__name__:
            raise InvalidInputError("kind", data.get("kind"), cls.__name__)
        return event_from_dict(data)

    return read


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The event of a dict in the form ``to_dict()`` gives (``kind`` = the class name).

    Raises:
        UnknownNameError: ``kind`` is missing or names no event class.
        InvalidInputError: the other keys do not fit that class (a missing or unknown field).
    """
    from zwgk.errors import UnknownNameError

    kinds = dict(zip(EVENT_KINDS, EVENT_TYPES, strict=True))
    kind = data.get("kind")
    cls = kinds.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise UnknownNameError(N_("request event"), kind, EVENT_KINDS)
    fields = {k: v for k, v in data.items() if k != "kind"}
    names = {a.name for a in attrs.fields(cls)}
    unknown = sorted(set(fields) - names)
    if unknown:
        raise InvalidInputError(
            unknown[0],
            fields[unknown[0]],
            gettext("a field of {kind}: {fields}").format(kind=kind, fields=", ".join(sorted(names))),
        )
    for name in ("on", "until"):
        if isinstance(fields.get(name), str):
            fields[name] = parse_date(fields[name], name)
    try:
        event: Event = cls(**fields)
    except TypeError:
        missing = sorted(n for n in names if n not in fields)
        field = missing[0] if missing else "kind"
        raise InvalidInputError(
            field,
            None,
            gettext("a value (the fields of {kind}: {fields})").format(
                kind=kind, fields=", ".join(sorted(names))
            ),
        ) from None
    return event


def check_outcome(ev: Replied, regime: str | None = None) -> None:
    """Refuse a reply whose outcome is neither empty, an [`Outcome`][zwgk.deadlines.Outcome] nor a known
    label.

    Under ``regime`` (an id) the 2008 notices ([`ReplyNotice`][zwgk.deadlines.io.ReplyNotice]) are checked
    too: a notice with no meaning under a later regime raises
    [`OutcomeRegimeError`][zwgk.errors.OutcomeRegimeError].
    """
    outcome = ev.outcome
    if outcome is None:
        return
    from zwgk.deadlines._outcomes import ReplyNotice, parse_reply_outcome  # labels load on first use

    if isinstance(outcome, ReplyNotice):
        parse_reply_outcome(outcome, regime)
        return
    if isinstance(outcome, enum.Enum):
        return
    if not isinstance(outcome, str) or not outcome.strip():
        raise InvalidEventSequence.unknown_outcome(ev)
    try:
        parse_reply_outcome(outcome, regime)
    except LookupError:
        raise InvalidEventSequence.unknown_outcome(ev, outcome) from None
