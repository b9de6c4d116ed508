"""``zwgk plan …``: work plans and their status on the official calendar.

- ``zwgk plan status FILE --as-of DATE [--json | --as md] [--output FILE]`` — every task (and every
  occurrence of a recurring task up to the day) with its due date and state; exit 1 when
  any is overdue;
- ``zwgk plan sample`` — print the bundled sample plan (seed 001, 楚雄 2018) as TOML;
- ``zwgk plan ical FILE [--until DATE] [--output FILE.ics [--force]]`` — every due date as iCalendar
  (extra ``zwgk[ical]``).

It also registers ``zwgk rounds`` (`zwgk._cli._rounds`): the office's year is its plan
and its assessment rounds.
"""

from __future__ import annotations

import argparse
import json
import sys

from zwgk._cli._common import (
    Findings,
    InputPath,
    add_json,
    add_output,
    date_arg,
    to_jsonable,
    write_output,
)
from zwgk._i18n import gettext, msg, msg_n

__all__ = ["register"]

_OK = 0
_PLAN = InputPath(".toml")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the ``zwgk`` parser."""
    plan = subparsers.add_parser(
        "plan",
        help=gettext("work plans: status as of a day, sample plan, iCalendar export"),
        description=gettext(
            "Work plans on the official calendar: each task's status as of a day, "
            "the bundled sample plan, every due date as iCalendar."
        ),
    )
    psub = plan.add_subparsers(dest="plan_command", metavar="SUBCOMMAND", required=True)

    status = psub.add_parser(
        "status",
        help=gettext("each task's due date and state as of a day"),
        description=gettext(
            "Every task (and every occurrence of a recurring task up to the day) with its due "
            "date and state; exit 1 when any is overdue."
        ),
    )
    status.add_argument(
        "file", metavar="FILE", type=_PLAN, help=gettext("plan file (.toml, .json or .xlsx; - for stdin)")
    )
    status.add_argument("--as-of", type=date_arg, required=True, help=gettext("the day (YYYY-MM-DD)"))
    add_json(status, gettext("a list of rows"))
    add_output(status, ("text", "md", "json"), default="text")
    status.set_defaults(handler=_status)

    sample = psub.add_parser(
        "sample", help=gettext("print the bundled sample plan (seed 001, 楚雄 2018) as TOML")
    )
    sample.set_defaults(handler=_sample)

    ical = psub.add_parser("ical", help=gettext("export every due date as iCalendar (.ics)"))
    ical.add_argument(
        "file", metavar="FILE", type=_PLAN, help=gettext("plan file (.toml, .json or .xlsx; - for stdin)")
    )
    ical.add_argument(
        "--until", type=date_arg, default=None, help=gettext("last day for recurring occurrences")
    )
    add_output(ical)
    ical.set_defaults(handler=_ical)

    from zwgk._cli import _rounds  # the rounds of a year's assessments: one more group, registered here

    _rounds.register(subparsers)


def _status(args: argparse.Namespace) -> int:
    from zwgk.plans import plan_status
    from zwgk.plans.io import load_plan

    status = plan_status(load_plan(args.file), args.as_of)
    form = "json" if args.json else args.output_as
    if form == "json":
        rows = to_jsonable(
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
                    "basis": r.basis,  # worded in the run's language
                }
                for r in status.rows
            ]
        )
        text = json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    else:
        text = (status.render_markdown() if form == "md" else status.render_text()) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_output(args.output, text, force=args.force, inputs=(args.file,))
        print(msg("wrote {file}", file=args.output).render())
    overdue = len(status.overdue)
    noun = msg_n("{n} overdue task", "{n} overdue tasks", "n", n=overdue)
    return Findings(overdue, noun) if overdue else _OK


def _sample(args: argparse.Namespace) -> int:
    from zwgk.plans.io import sample_plan_text

    sys.stdout.write(sample_plan_text())
    return _OK


def _ical(args: argparse.Namespace) -> int:
    from zwgk.plans import to_ical
    from zwgk.plans.io import load_plan

    data = to_ical(load_plan(args.file), until=args.until)
    if args.output is not None:
        write_output(args.output, data, force=args.force, inputs=(args.file,))
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return _OK
