"""``zwgk plan …``: work plans and their status on the official calendar.

- ``zwgk plan status FILE --as-of DATE [--json | --markdown]`` — every task (and every
  occurrence of a recurring task up to the day) with its due date and state; exit 1 when
  any is overdue;
- ``zwgk plan sample`` — print the bundled sample plan (seed 001, 楚雄 2018) as TOML;
- ``zwgk plan ical FILE [--until DATE] [--output FILE.ics]`` — every due date as iCalendar
  (extra ``zwgk[ical]``).

It also registers ``zwgk rounds`` (:mod:`zwgk._cli._rounds`): the office's year is its plan
and its assessment rounds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zwgk._cli._common import date_arg, emit_json

__all__ = ["register"]

_OK, _FINDINGS = 0, 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the ``zwgk`` parser."""
    plan = subparsers.add_parser("plan", help="work plans: status as of a day, sample plan, iCalendar export")
    psub = plan.add_subparsers(dest="plan_command", metavar="SUBCOMMAND", required=True)

    status = psub.add_parser("status", help="each task's due date and state as of a day")
    status.add_argument("file", type=Path, help="plan file (.toml, .json or .xlsx)")
    status.add_argument("--as-of", type=date_arg, required=True, help="the day (YYYY-MM-DD)")
    form = status.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print a JSON list of rows")
    form.add_argument("--markdown", action="store_true", help="print a Markdown report")
    status.set_defaults(handler=_status)

    sample = psub.add_parser("sample", help="print the bundled sample plan (seed 001, 楚雄 2018) as TOML")
    sample.set_defaults(handler=_sample)

    ical = psub.add_parser("ical", help="export every due date as iCalendar (.ics)")
    ical.add_argument("file", type=Path, help="plan file (.toml, .json or .xlsx)")
    ical.add_argument("--until", type=date_arg, default=None, help="last day for recurring occurrences")
    ical.add_argument("--output", type=Path, default=None, help="write to this file instead of stdout")
    ical.set_defaults(handler=_ical)

    from zwgk._cli import _rounds  # the rounds of a year's assessments: one more group, registered here

    _rounds.register(subparsers)


def _status(args: argparse.Namespace) -> int:
    from zwgk.plans import plan_status
    from zwgk.plans.io import load_plan

    status = plan_status(load_plan(args.file), args.as_of)
    if args.json:
        emit_json(
            [
                {
                    "id": r.id,
                    "occurrence": r.occurrence,
                    "title": r.title,
                    "owners": list(r.owners),
                    "phase": r.phase,
                    "due": r.due,
                    "done": r.done,
                    "state": r.state,
                    "working_days_late": r.working_days_late,
                    "working_days_left": r.working_days_left,
                    "basis": r.basis,
                }
                for r in status.rows
            ]
        )
    else:
        print(status.render_markdown() if args.markdown else status.render_text())
    return _FINDINGS if status.overdue else _OK


def _sample(args: argparse.Namespace) -> int:
    from zwgk.plans.io import sample_plan_text

    sys.stdout.write(sample_plan_text())
    return _OK


def _ical(args: argparse.Namespace) -> int:
    from zwgk.plans import to_ical
    from zwgk.plans.io import load_plan

    data = to_ical(load_plan(args.file), until=args.until)
    if args.output is not None:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return _OK
