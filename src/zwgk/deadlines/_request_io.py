"""The JSON boundary of the request clock: a deadline request in, the deadline's shape out.

Pydantic models live here (reached only through [`zwgk.deadlines.io`][]): a
[`DeadlineRequest`][zwgk.deadlines.io.DeadlineRequest] read from JSON (the receipt date, or a channel and its
date, and the events as a union discriminated by ``kind``), and the output models that describe
``Deadline.to_dict()`` for ``zwgk schema deadline`` and for pydantic/FastAPI.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo

from zwgk._dates import parse_date
from zwgk._i18n import gettext
from zwgk._lang import N_
from zwgk.deadlines import _results as core
from zwgk.deadlines._events import EVENT_KINDS, Event, event_from_dict, unknown_event_kind
from zwgk.deadlines._kinds import ClockState, DeadlineKind, ViolationKind
from zwgk.deadlines._receipt import Channel, Receipt, receipt_date
from zwgk.deadlines._results import ClockPolicy
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem

__all__ = [
    "DeadlineModel",
    "DeadlineRequest",
    "EventModel",
    "event_json_schema",
    "read_deadline_request",
    "result_json_schema",
]


def _day(value: Any, info: ValidationInfo) -> Any:
    return parse_date(value, info.field_name or "date") if isinstance(value, str) else value


Day = Annotated[dt.date, BeforeValidator(_day)]
"""A date: ``YYYY-MM-DD`` (also ``2026/1/5`` and ``2026年1月5日``)."""


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    on: Day = Field(description="The day of the event (YYYY-MM-DD).")


class CorrectionRequested(_Event):
    """The agency asked the applicant to correct the request (补正, 条例第三十条); the clock stops."""

    kind: Literal["CorrectionRequested"]
    until: Day | None = Field(None, description="The reasonable period given to correct, if recorded.")


class CorrectionReceived(_Event):
    """The corrected request arrived; the reply period restarts from this day."""

    kind: Literal["CorrectionReceived"]


class ConsultationStarted(_Event):
    """A consultation letter was sent (征求意见); the clock pauses."""

    kind: Literal["ConsultationStarted"]
    party: Literal["third_party", "other_agency"] = Field(
        "third_party", description="Who is consulted: third_party (第三方) or other_agency (其他机关)."
    )


class ConsultationEnded(_Event):
    """The consulted party answered, or the agency closed the consultation."""

    kind: Literal["ConsultationEnded"]


class FeeNoticeIssued(_Event):
    """A notice of an information-processing fee was issued (国办函〔2020〕109号)."""

    kind: Literal["FeeNoticeIssued"]
    amount: Decimal | None = Field(None, description="The fee in yuan, as a decimal string such as 100.")


class FeePaid(_Event):
    """The applicant paid the fee."""

    kind: Literal["FeePaid"]


class ExtensionGranted(_Event):
    """An extension of the reply period was approved and notified."""

    kind: Literal["ExtensionGranted"]
    working_days: int = Field(gt=0, description="The working days added.")


class ReasonableDelaySet(_Event):
    """For an excessive request a reasonable later reply date was set (条例第三十五条)."""

    kind: Literal["ReasonableDelaySet"]
    until: Day = Field(description="The later reply date set (after the day it was set).")


class Replied(_Event):
    """The agency replied."""

    kind: Literal["Replied"]
    outcome: str | None = Field(None, description="The row of the annual report's table 3, e.g. 予以公开.")


class Withdrawn(_Event):
    """The applicant withdrew the request."""

    kind: Literal["Withdrawn"]


EventModel = Annotated[
    CorrectionRequested
    | CorrectionReceived
    | ConsultationStarted
    | ConsultationEnded
    | FeeNoticeIssued
    | FeePaid
    | ExtensionGranted
    | ReasonableDelaySet
    | Replied
    | Withdrawn,
    Field(discriminator="kind"),
]
"""One event of a request, its fields chosen by ``kind`` (the event class name)."""

# Each event model by its kind, in the order of the union (the order of EVENT_KINDS).
_EVENT_MODELS: Mapping[str, type[_Event]] = MappingProxyType(
    {model.__name__: model for model in get_args(get_args(EventModel)[0])}
)
assert tuple(_EVENT_MODELS) == EVENT_KINDS


class Policy(BaseModel):
    """Choices the Regulations leave open (ClockPolicy); each has its default."""

    model_config = ConfigDict(extra="forbid")

    fee_pauses_clock: bool = Field(
        True, description="The reply period pauses from the fee notice until payment."
    )
    late_correction_restarts: bool = Field(
        True, description="A correction notice later than 7 working days still restarts the period."
    )
    consultation_open_end: Literal["answer_window", "open"] = Field(
        "answer_window",
        description="A consultation with no end: answer_window ends the pause with the answer window; "
        "open leaves the due date undetermined.",
    )


_CHANNELS = "How the request arrived: 当面提交/in_person, 邮寄/post, 平信/letter, 互联网/internet, 传真/fax."


class DeadlineRequest(BaseModel):
    """A disclosure request whose reply deadline is wanted (the body of a deadline service).

    Give ``received`` (the receipt date), or ``channel`` with the date that channel needs
    (条例第三十一条: in person ``submitted``, signed post ``signed``, letter/internet/fax
    ``confirmed``).  With both, the channel's date decides and ``received`` stands in for a
    missing one, as ``zwgk deadline --channel`` does.  ``run()`` gives the reply deadline
    ([`Deadline`][zwgk.deadlines.Deadline]).
    """

    model_config = ConfigDict(extra="forbid", title="DeadlineRequest")

    received: Day | None = Field(None, description="The receipt date (or give channel and its date).")
    channel: str | None = Field(None, description=_CHANNELS)
    submitted: Day | None = Field(None, description="In person: the day it was handed in.")
    signed: Day | None = Field(None, description="Signed post: the day the agency signed for it.")
    confirmed: Day | None = Field(None, description="Letter, internet, fax: the confirmation day.")
    events: list[EventModel] = Field(default_factory=list, description="The request's events, in any order.")
    regime: Literal["2008", "2019"] | None = Field(
        None, description="Override the regime of the Regulations chosen by the receipt date."
    )
    on: Day | None = Field(None, description="Also report the status at the end of this day.")
    policy: Policy = Field(default_factory=Policy, description="Choices the Regulations leave open.")

    def receipt(self) -> Receipt | None:
        """The receipt by channel (条例第三十一条), or ``None`` when only ``received`` is given.

        Raises:
            InvalidInputError: neither ``received`` nor ``channel`` is given, or the channel's
                date is missing.
            UnknownNameError: unknown channel.
        """
        if self.channel is None:
            if self.received is None:
                raise InvalidInputError(
                    "received", None, N_("a receipt date, or channel with submitted/signed/confirmed")
                )
            return None
        channel = Channel.parse(self.channel)
        dates = {"submitted": self.submitted, "signed": self.signed, "confirmed": self.confirmed}
        if dates[channel.receipt_field] is None and self.received is not None:
            dates[channel.receipt_field] = self.received
        return receipt_date(channel, **dates)

    def received_date(self) -> dt.date:
        """The receipt date: the channel's ([`receipt`][zwgk.deadlines.io.DeadlineRequest.receipt]), else
        ``received``."""
        receipt = self.receipt()
        if receipt is not None:
            return receipt.date
        assert self.received is not None  # receipt() refuses a request with neither
        return self.received

    def to_events(self) -> tuple[Event, ...]:
        """The events as [`zwgk.deadlines`][] values."""
        return tuple(event_from_dict(e.model_dump()) for e in self.events)

    def run(self) -> core.Deadline:
        """The reply deadline of this request ([`reply_deadline`][zwgk.deadlines.reply_deadline])."""
        from zwgk.deadlines._clock import reply_deadline

        policy = ClockPolicy(
            fee_pauses_clock=self.policy.fee_pauses_clock,
            late_correction_restarts=self.policy.late_correction_restarts,
            consultation_open_end=self.policy.consultation_open_end,
        )
        return reply_deadline(self.received_date(), self.to_events(), regime=self.regime, policy=policy)

    def to_dict(self) -> dict[str, Any]:
        """The deadline as JSON data: ``run().to_dict(on)`` (the body a deadline service returns)."""
        return self.run().to_dict(self.on)


def read_deadline_request(data: str | bytes | Mapping[str, Any]) -> DeadlineRequest:
    """Read a deadline request from JSON text or from parsed JSON data.

    Example: ``{"received": "2026-01-05", "events": [{"kind": "Replied", "on": "2026-02-05"}]}``.

    Raises:
        InvalidInputError: the text is not JSON or not a JSON object.
        InvalidRecordsError: bad fields; every one is listed with its location
            (``events[1].working_days``).
    """
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except (ValueError, RecursionError) as exc:
            raise InvalidInputError("deadline request", str(exc), N_("a JSON object")) from None
    if not isinstance(data, Mapping):
        raise InvalidInputError("deadline request", type(data).__name__, N_("a JSON object"))
    try:
        return DeadlineRequest.model_validate(data)
    except ValidationError as exc:
        raise InvalidRecordsError(gettext("the deadline request"), _problems(exc)) from None


def _problems(exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        # a discriminated union names the kind in its location: events[0].ExtensionGranted.working_days
        parts = [p for p in err["loc"] if not (isinstance(p, str) and p in _EVENT_MODELS)]
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts).lstrip(".") or "request"
        if err["type"] == "missing":
            out.append(Problem(loc, N_("required field is missing"), None, None, N_("a value")))
        elif err["type"] == "union_tag_invalid":
            out.append(Problem(loc, unknown_event_kind(err.get("ctx", {}).get("tag"))))
        elif err["type"] == "extra_forbidden":
            out.append(Problem(loc, N_("unknown field"), None, None, None))
        elif err["type"] == "value_error":  # zwgk's own message names the value and what was expected
            field = str(err["loc"][-1]) if err["loc"] else ""
            out.append(Problem(loc, err["msg"].removeprefix("Value error, ").removeprefix(f"{field}: ")))
        else:
            value = err.get("input")
            shown = value if isinstance(value, str | int | float | bool) else None
            out.append(Problem(loc, err["msg"], None, shown, None))
    return out


# --- The shape of the results (Deadline.to_dict()), for schemas and pydantic ----------------


class Step(BaseModel):
    """One line of a deadline's explanation."""

    model_config = ConfigDict(title="Step")

    on: dt.date = Field(description="The day of the step.")
    event: str = Field(description="What happened.")
    effect: str = Field(description="Its effect on the clock.")
    article: str = Field(description="The article it rests on.")
    due: dt.date | None = Field(description="The due date after this step (null while the clock is stopped).")


class Violation(BaseModel):
    """A breach of the time rules, with the article it breaks."""

    model_config = ConfigDict(title="Violation")

    on: dt.date = Field(description="The day of the breach.")
    kind: ViolationKind = Field(description="Which rule is broken.")
    detail: str = Field(description="What happened.")
    article: str = Field(description="The article broken.")


class Status(BaseModel):
    """Where a deadline stands at the end of a day."""

    model_config = ConfigDict(title="Status")

    on: dt.date = Field(description="The day.")
    state: ClockState = Field(description="Where the request stands.")
    due: dt.date | None = Field(description="The due date (null if not determined).")
    working_days_remaining: int | None = Field(
        description="Working days in (on, due]; 0 on the due day, negative once overdue."
    )
    overdue: bool = Field(description="Whether the due date has passed without a reply.")
    working_days_late: int | None = Field(
        description="For a closed request: working days late (0 = on time)."
    )
    summary: str = Field(description="The status in words.")


class Regime(BaseModel):
    """The version of the Regulations applied."""

    model_config = ConfigDict(title="Regime")

    id: str = Field(description="The regime id: 2008 or 2019.")
    instrument: str = Field(description="The instrument, e.g. 国务院令第711号.")


class Deadline(BaseModel):
    """A statutory deadline with its explanation (Deadline.to_dict(), zwgk deadline --json)."""

    model_config = ConfigDict(title="Deadline", extra="forbid")

    kind: DeadlineKind = Field(description="Which deadline this is.")
    received: dt.date | None = Field(description="The receipt date of a reply deadline (else null).")
    start: dt.date = Field(description="The day counting starts from (after a correction: its receipt).")
    due: dt.date | None = Field(
        description="The last day; null while the clock is stopped or after abandonment."
    )
    state: ClockState = Field(description="Where the request stands after all events.")
    regime: Regime | None = Field(description="The version of the Regulations applied.")
    paused_working_days: int = Field(description="Working days not counted because of pauses.")
    extension_working_days: int = Field(description="Working days added by valid extensions.")
    steps: list[Step] = Field(description="The explanation, in date order.")
    violations: list[Violation] = Field(description="Breaches of the time rules found in the events.")
    closed_on: dt.date | None = Field(description="The reply or withdrawal date, if any.")
    outcome: str | None = Field(description="The reply's outcome, if recorded.")
    working_days_late: int | None = Field(
        description="For a replied request: working days after the due date."
    )
    abandon_after: dt.date | None = Field(
        description="The request is abandoned if nothing arrives by this day."
    )
    abandon_reason: str = Field(description="Why it would be abandoned (empty if not).")
    provisional: bool = Field(description="Whether any day used lies beyond the recorded holiday notices.")
    data_version: str = Field(description="The calendar data version used.")
    status: Status | None = Field(description="The status on the day asked for (null if none).")


_RESULT_MODELS: Mapping[type, type[BaseModel]] = MappingProxyType(
    {
        core.Deadline: Deadline,
        core.Step: Step,
        core.Status: Status,
        core.Violation: Violation,
    }
)


DeadlineModel = Deadline
"""The shape of ``Deadline.to_dict()`` (a pydantic model; ``zwgk schema deadline``)."""


def result_json_schema(cls: type) -> type[BaseModel]:
    """The output model describing ``cls.to_dict()`` (for the pydantic hook of the results)."""
    return _RESULT_MODELS[cls]


def event_json_schema(cls: type) -> type[BaseModel]:
    """The model of one event class's dict form (for the pydantic hook of the events)."""
    return _EVENT_MODELS[cls.__name__]
