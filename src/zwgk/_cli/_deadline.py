"""``zwgk deadline``: the reply deadline of a disclosure request, step by step.

Its ``--help`` is `_DESCRIPTION`: the event specifications of ``--event`` (repeatable)
and what exit 1 means.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from zwgk._cli._common import Findings, add_json, date_arg, emit_json
from zwgk._i18n import N_, Message, gettext, msg, msg_n
from zwgk.deadlines import Deadline, Receipt
from zwgk.deadlines._explain import channel_text, regime_text, state_text, violation_text, working_days
from zwgk.deadlines.io import DeadlineRequest, parse_event_spec

__all__ = ["parse_event", "register"]

_DESCRIPTION = N_("""\
The reply deadline of a disclosure request, explained step by step.

Event specifications (--event SPEC, repeatable):

    consult:2026-10-09..2026-10-20        third-party consultation (pause)
    consult-agency:2026-10-09..2026-10-20 consultation of another agency
    consult:2026-10-09                    consultation with no recorded end
    correction:2026-09-30..2026-10-12     correction requested .. corrected request received
    correction:2026-09-30                 correction requested, nothing received yet
    fee:2026-10-09..2026-10-15            fee notice .. payment
    extend:2026-10-28+20                  extension of 20 working days granted on that day
    delay:2026-10-20..2026-12-31          reasonable later date set (《政府信息公开条例》第三十五条)
    reply:2026-10-29[=予以公开]            reply, with the outcome row if known
    withdraw:2026-10-15                   withdrawn by the applicant

Exit 1 means a violation was found or the request is overdue on --on.
""")

# The --event grammar lives in zwgk.deadlines (shared with ``zwgk register event``).
parse_event = parse_event_spec


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk deadline``."""
    p = subparsers.add_parser(
        "deadline",
        help=gettext("reply deadline of a disclosure request, explained step by step"),
        description=gettext(_DESCRIPTION),
    )
    p.add_argument("--received", type=date_arg, help=gettext("receipt date (or give --channel and its date)"))
    p.add_argument(
        "--channel", help=gettext("how the request arrived: in_person, post, letter, internet or fax")
    )
    p.add_argument("--submitted", type=date_arg, help=gettext("in person: the day it was handed in"))
    p.add_argument("--signed", type=date_arg, help=gettext("signed post: the day the agency signed for it"))
    p.add_argument("--confirmed", type=date_arg, help=gettext("letter, internet, fax: the confirmation day"))
    p.add_argument(
        "--event", action="append", default=[], metavar="SPEC", help=gettext("an event; repeatable")
    )
    p.add_argument(
        "--regime", choices=["2008", "2019"], help=gettext("override the regime chosen by the receipt date")
    )
    p.add_argument("--on", type=date_arg, help=gettext("also report the status at the end of this day"))
    p.add_argument(
        "--no-fee-pause", action="store_true", help=gettext("policy: a fee notice does not pause the clock")
    )
    p.add_argument(
        "--late-correction-keeps-clock",
        action="store_true",
        help=gettext("policy: a correction notice later than 7 working days does not restart the clock"),
    )
    p.add_argument(
        "--consultation-open",
        action="store_true",
        help=gettext("policy: a consultation without an end leaves the due date undetermined"),
    )
    add_json(p, N_("the deadline"))
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    # The request goes through the JSON boundary (zwgk.deadlines.io.DeadlineRequest), so
    # --json is exactly what a service built on read_deadline_request returns.
    events = [e for spec in args.event for e in parse_event(spec)]
    request = DeadlineRequest.model_validate(
        {
            "received": args.received,
            "channel": args.channel,
            "submitted": args.submitted,
            "signed": args.signed,
            "confirmed": args.confirmed,
            "events": [e.to_dict() for e in events],
            "regime": args.regime,
            "on": args.on,
            "policy": {
                "fee_pauses_clock": not args.no_fee_pause,
                "late_correction_restarts": not args.late_correction_keeps_clock,
                "consultation_open_end": "open" if args.consultation_open else "answer_window",
            },
        }
    )
    receipt = request.receipt()
    deadline = request.run()
    status = deadline.status(args.on) if args.on else None
    if args.json:
        emit_json(deadline.to_dict(args.on))
    else:
        _print(deadline, status, _receipt_note(receipt, args.received))
    if deadline.violations:
        n = len(deadline.violations)
        return Findings(n, msg_n("{n} violation", "{n} violations", "n", n=n))
    if status is not None and status.overdue:
        return Findings(1, msg_n("{n} overdue request", "{n} overdue requests", "n", n=1))
    return 0


def _receipt_note(receipt: Receipt | None, given: Any) -> Message:
    """How the receipt day was found, worded when printed (in the language of ``--lang``)."""
    if receipt is None:
        return msg("given")
    # The channel's own date (--submitted/--signed/--confirmed) decides the receipt day
    # (条例第三十一条); --received, if given, stands in for a missing one and is reported.
    note = msg(
        "{channel}: {rule} ({article})",
        channel=channel_text(receipt.channel),
        rule=gettext(receipt.rule),
        article=gettext(receipt.article),
    )
    if given is not None and given != receipt.date:
        note = msg("{note}; arrived {day}", note=note, day=given)
    return note


def _print(deadline: Deadline, status: Any, receipt_note: Message | str) -> None:
    """The deadline as text, every line in the current language (``--lang``)."""
    out = sys.stdout.write
    regime = deadline.regime
    out(msg("Request received {day} ({how})", day=deadline.start, how=receipt_note).render() + "\n")
    if regime is not None:
        out(msg("Regulations: {regime}", regime=regime_text(regime)).render() + "\n")
    due = deadline.due.isoformat() if deadline.due else gettext("not determined (clock stopped)")
    out(msg("Due: {due}   state: {state}", due=due, state=state_text(deadline.state)).render() + "\n\n")
    out(gettext("Timeline:") + "\n")
    for s in deadline.steps:
        arrow = msg("  → due {day}", day=s.due).render() if s.due else ""
        out(f"  {s.on.isoformat()}  {s.event}\n      {s.effect}{arrow}\n      {s.article}\n")
    if deadline.paused_working_days:
        out("\n" + msg("Paused: {n}", n=working_days(deadline.paused_working_days)).render() + "\n")
    if deadline.extension_working_days:
        out(msg("Extended: {n}", n=working_days(deadline.extension_working_days)).render() + "\n")
    out("\n" + (gettext("Violations: none") if not deadline.violations else gettext("Violations:")) + "\n")
    for v in deadline.violations:
        said = msg("{kind}: {detail}", kind=violation_text(v.kind), detail=v.detail).render()
        out(f"  {v.on.isoformat()}  {said}\n      {v.article}\n")
    if deadline.abandon_after:
        out(msg("Abandoned if nothing arrives by {day}", day=deadline.abandon_after).render() + "\n")
    if status is not None:
        out("\n" + msg("Status on {day}: {summary}", day=status.on, summary=status.summary).render() + "\n")
    if deadline.provisional:
        note = gettext("PROVISIONAL (uses estimated holidays)")
    else:
        note = gettext("backed by notices")
    out(
        "\n"
        + msg("Calendar data {version}: {note}", version=deadline.data_version, note=note).render()
        + "\n"
    )
