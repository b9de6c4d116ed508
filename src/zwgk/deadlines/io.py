"""Reading what people write about requests: event specs, reply outcomes, 2008 notices, JSON requests.

The boundary of [`zwgk.deadlines`][]: text from the command line, ledgers, registers and
web services turned into the clock's values.  ``parse_event_spec("consult:2026-10-09..2026-10-20")``
gives the events of ``zwgk deadline --event``; ``parse_outcome`` and ``parse_reply_outcome``
read a reply's outcome from a table-3 row label or (before 2019-05-15) the name of a 2008
notice ([`ReplyNotice`][zwgk.deadlines.io.ReplyNotice], 《政府信息公开条例》（2007）第二十一条).
``read_deadline_request(json_text).run()`` gives the deadline of a request sent as JSON
(``zwgk schema deadline-request``); ``DeadlineModel`` is the shape of ``Deadline.to_dict()``
(``zwgk schema deadline``).  The pydantic models load on first use, so importing this module
(as the ledger and register cores do) does not import pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from zwgk.deadlines._events import EVENT_KINDS, event_from_dict, unknown_event_kind
from zwgk.deadlines._outcomes import ReplyNotice, parse_outcome, parse_reply_outcome
from zwgk.deadlines._specs import EVENT_SPEC_KINDS, parse_event_spec

if TYPE_CHECKING:
    from zwgk.deadlines._request_io import (
        DeadlineModel,
        DeadlineRequest,
        EventModel,
        event_json_schema,
        read_deadline_request,
        result_json_schema,
    )

__all__ = [
    "EVENT_KINDS",
    "EVENT_SPEC_KINDS",
    "DeadlineModel",
    "DeadlineRequest",
    "EventModel",
    "ReplyNotice",
    "event_from_dict",
    "event_json_schema",
    "parse_event_spec",
    "parse_outcome",
    "parse_reply_outcome",
    "read_deadline_request",
    "result_json_schema",
    "unknown_event_kind",
]

_LAZY = frozenset(
    {
        "DeadlineModel",
        "DeadlineRequest",
        "EventModel",
        "event_json_schema",
        "read_deadline_request",
        "result_json_schema",
    }
)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("zwgk.deadlines._request_io"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
