"""The clock's explanation texts: a deadline's steps as lines, and status summaries.

Pure wording over values; the clock's handlers word their own steps where they apply them.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING

from zwgk.deadlines._kinds import ClockState

if TYPE_CHECKING:
    from zwgk.deadlines._results import Deadline

__all__ = ["explanation", "summary"]

_WAITING = MappingProxyType(
    {
        ClockState.AWAITING_CORRECTION: "clock stopped, awaiting a corrected request",
        ClockState.AWAITING_PAYMENT: "clock stopped, awaiting payment of the fee",
    }
)


def explanation(deadline: Deadline) -> str:
    """The steps and violations of ``deadline`` as plain text, one per line."""
    lines = []
    for s in deadline.steps:
        due = f"  → due {s.due.isoformat()}" if s.due else ""
        lines.append(f"{s.on.isoformat()}  {s.event}: {s.effect} [{s.article}]{due}")
    lines.extend(
        f"VIOLATION {v.on.isoformat()}  {v.kind.value}: {v.detail} [{v.article}]" for v in deadline.violations
    )
    if deadline.provisional:
        lines.append("NOTE: uses days beyond the recorded holiday notices (provisional)")
    return "\n".join(lines)


def summary(  # noqa: PLR0917 - one sentence from the six facts of a Status, called in one place
    state: ClockState,
    due: dt.date | None,
    remaining: int | None,
    late: int | None,
    abandoned_by: dt.date | None,
    abandon_reason: str,
) -> str:
    """One sentence on where a request stands (the ``summary`` of a [`Status`][zwgk.deadlines.Status]).

    ``abandoned_by`` is the last day the applicant could act, when that day has passed.
    """
    if state is ClockState.WITHDRAWN:
        return "withdrawn by the applicant"
    if state is ClockState.REPLIED:
        if due is None:
            return "replied; no due date applied (the clock was stopped or the request abandoned)"
        return "replied on time" if not late else f"replied {late} working day(s) late"
    if abandoned_by is not None:
        return f"abandoned: {abandon_reason} by {abandoned_by.isoformat()} (视为放弃申请)"
    if due is None or remaining is None:
        return _WAITING.get(state, "due date undetermined until the consultation ends")
    if remaining >= 0:
        return f"due {due.isoformat()}: {remaining} working day(s) left"
    return f"overdue since {due.isoformat()}: {-remaining} working day(s) late"
