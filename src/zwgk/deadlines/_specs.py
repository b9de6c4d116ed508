"""The event specification of ``zwgk deadline --event`` and ``zwgk register event``.

One text per recorded act of the agency or the applicant; a range gives the start and end
events of a pause::

    consult:2026-10-09..2026-10-20        third-party consultation (pause)
    consult-agency:2026-10-09..2026-10-20 consultation of another agency
    consult:2026-10-09                    consultation with no recorded end
    correction:2026-09-30..2026-10-12     correction requested .. corrected request received
    correction:2026-09-30                 correction requested, nothing received yet
    fee:2026-10-09..2026-10-15            fee notice .. payment
    extend:2026-10-28+20                  extension of 20 working days granted on that day
    delay:2026-10-20..2026-12-31          reasonable later date set (条例第三十五条)
    reply:2026-10-29[=予以公开]            reply, with the outcome row if known
    withdraw:2026-10-15                   withdrawn by the applicant
"""

from __future__ import annotations

import datetime as dt

from zwgk._dates import parse_date
from zwgk._i18n import gettext
from zwgk.deadlines._events import (
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Event,
    ExtensionGranted,
    FeeNoticeIssued,
    FeePaid,
    ReasonableDelaySet,
    Replied,
    Withdrawn,
)
from zwgk.deadlines._regimes import ConsultationParty
from zwgk.errors import InvalidInputError

__all__ = ["EVENT_SPEC_KINDS", "parse_event_spec"]

EVENT_SPEC_KINDS = ("consult", "consult-agency", "correction", "fee", "extend", "delay", "reply", "withdraw")
"""The ``KIND`` words of an event specification."""

_SPECS = ", ".join(EVENT_SPEC_KINDS)


def _day(text: str, spec: str) -> dt.date:
    try:
        return parse_date(text, "--event")
    except InvalidInputError:
        raise InvalidInputError(
            "--event", spec, gettext("a valid date (YYYY-MM-DD) instead of {text}").format(text=repr(text))
        ) from None


def _range(body: str, spec: str) -> tuple[dt.date, dt.date | None]:
    first, sep, last = body.partition("..")
    start, end = _day(first, spec), (_day(last, spec) if sep else None)
    if end is not None and end < start:
        raise InvalidInputError(
            "--event", spec, gettext("an end on or after the start ({day})").format(day=start.isoformat())
        )
    return start, end


def parse_event_spec(spec: str) -> list[Event]:
    """Turn one event specification (the grammar above) into request-clock events.

    Dates are read by `zwgk._dates.parse_date`; a range's end must not be before its
    start.  ``consult:A..B`` gives ``[ConsultationStarted(A), ConsultationEnded(B)]``.

    Raises:
        InvalidInputError: the specification does not follow the grammar above.
    """
    kind, sep, body = spec.partition(":")
    kind = kind.strip().lower()
    if not sep or not body.strip():
        raise InvalidInputError("--event", spec, _kinds())
    if kind in ("consult", "consult-agency"):
        party = ConsultationParty.THIRD_PARTY if kind == "consult" else ConsultationParty.OTHER_AGENCY
        start, end = _range(body, spec)
        out: list[Event] = [ConsultationStarted(start, party)]
        return out + ([ConsultationEnded(end)] if end else [])
    if kind == "correction":
        start, end = _range(body, spec)
        return [CorrectionRequested(start), *([CorrectionReceived(end)] if end else [])]
    if kind == "fee":
        start, end = _range(body, spec)
        return [FeeNoticeIssued(start), *([FeePaid(end)] if end else [])]
    if kind == "extend":
        day, plus, n = body.partition("+")
        if not plus or not n.strip().isdigit():
            raise InvalidInputError("--event", spec, gettext("extend:DATE+N, e.g. extend:2026-10-28+20"))
        return [ExtensionGranted(_day(day, spec), int(n))]
    if kind == "delay":
        start, end = _range(body, spec)
        if end is None:
            raise InvalidInputError("--event", spec, gettext("delay:SET_ON..UNTIL"))
        return [ReasonableDelaySet(start, end)]
    if kind == "reply":
        day, eq, outcome = body.partition("=")
        return [Replied(_day(day, spec), outcome.strip() if eq else None)]
    if kind == "withdraw":
        return [Withdrawn(_day(body, spec))]
    raise InvalidInputError("--event", spec, _kinds())


def _kinds() -> str:
    return gettext("KIND:DATES with KIND one of {kinds}").format(kinds=_SPECS)
