"""Reading what people write about requests: event specs, reply outcomes and 2008 notices.

The boundary of [`zwgk.deadlines`][]: text from the command line, ledgers and registers
turned into the clock's values.  ``parse_event_spec("consult:2026-10-09..2026-10-20")``
gives the events of ``zwgk deadline --event``; ``parse_outcome`` and ``parse_reply_outcome``
read a reply's outcome from a table-3 row label or (before 2019-05-15) the name of a 2008
notice ([`ReplyNotice`][zwgk.deadlines.io.ReplyNotice], 《政府信息公开条例》（2007）第二十一条).
"""

from zwgk.deadlines._outcomes import ReplyNotice, parse_outcome, parse_reply_outcome
from zwgk.deadlines._specs import EVENT_SPEC_KINDS, parse_event_spec

__all__ = ["EVENT_SPEC_KINDS", "ReplyNotice", "parse_event_spec", "parse_outcome", "parse_reply_outcome"]
