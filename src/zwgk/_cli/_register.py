"""``zwgk register …``: the persistent request register (extra ``zwgk[db]``).

Its ``--help`` is `_DESCRIPTION` (the same text without markup).

The database is ``--db URL`` (any SQLAlchemy URL or an SQLite file path), else ``$ZWGK_DB``,
else ``zwgk-register.db`` in the current folder.  Every command is one transaction.

- ``init [--upgrade]`` — create the register; ``--upgrade`` migrates an older schema (other
  commands refuse an older register, never migrate it silently);
- ``add ID (--received DATE | --channel C --submitted/--signed/--confirmed DATE) --kind KIND
  [--applicant NAME] [--identifier ID] [--subject TEXT]``;
- ``event ID KIND:DATE… [--supersedes SEQ…] [--reason TEXT]`` — the ``zwgk deadline --event``
  syntax; a correction supersedes earlier rows, which stay in the record;
- ``show ID [--show-names]`` — the record and the clock's explanation;
- ``due --as-of DATE [--within N] [--json]`` — open requests, due date, state, days left;
- ``import LEDGER`` — all rows or none (``-`` for stdin); ``export --output FILE [--mask]``;
  ``purge ID``.

Writing commands take ``--by NAME`` (default: the login name).  Names are printed only
with ``--show-names``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from zwgk._cli._common import Findings, InputPath, add_force, add_json, check_output, date_arg, emit_json
from zwgk._cli._outputs import add_binary_output, wants_binary, write_as
from zwgk._optional import import_extra

__all__ = ["register"]

_OK = 0
_DESCRIPTION = """\
The persistent request register (extra zwgk[db]). The database is --db URL (any SQLAlchemy URL or an
SQLite file path), else $ZWGK_DB, else zwgk-register.db in the current folder. Every command is one
transaction. Writing commands take --by NAME (default: the login name); names are printed only with
--show-names.

Exit 1 (from due) means an open request is overdue.
"""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk register``."""
    reg = subparsers.add_parser(
        "register",
        help="the persistent request register (SQLite or PostgreSQL)",
        description=_DESCRIPTION,
    )
    sub = reg.add_subparsers(dest="register_command", metavar="SUBCOMMAND", required=True)

    def command(name: str, help: str, handler: Any, *, writes: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        p.add_argument(
            "--db", default=None, metavar="URL", help="database URL or SQLite file (default $ZWGK_DB)"
        )
        if writes:
            p.add_argument(
                "--by", default=None, metavar="NAME", help="who records this (default: login name)"
            )
        p.set_defaults(handler=handler)
        return p

    p = command("init", "create the register, or migrate an older one with --upgrade", _init)
    p.add_argument("--upgrade", action="store_true", help="migrate a register written by an older zwgk")

    p = command("add", "record a new request", _add, writes=True)
    p.add_argument("id", help="the request's id")
    p.add_argument(
        "--kind", required=True, help="applicant kind: 自然人, 商业企业, 科研机构, 社会公益组织, …"
    )
    p.add_argument("--received", type=date_arg, help="receipt date (or give --channel and its date)")
    p.add_argument("--channel", help="当面提交/in_person, 邮寄/post, 平信/letter, 互联网/internet, 传真/fax")
    p.add_argument("--submitted", type=date_arg, help="in person: the day it was handed in")
    p.add_argument("--signed", type=date_arg, help="signed post: the day the agency signed for it")
    p.add_argument("--confirmed", type=date_arg, help="letter, internet, fax: the confirmation day")
    p.add_argument("--applicant", help="the applicant's name (personal data)")
    p.add_argument("--identifier", help="the applicant's ID or credit code (personal data)")
    p.add_argument("--subject", help="what was asked for (personal data)")
    p.add_argument("--pages", type=int, help="page count (per-volume fees)")

    p = command(
        "event", "append events (the 'zwgk deadline --event' syntax) or corrections", _event, writes=True
    )
    p.add_argument("id", help="the request's id")
    p.add_argument("specs", nargs="*", metavar="KIND:DATE", help="e.g. consult:2026-10-09..2026-10-20")
    p.add_argument(
        "--supersedes",
        type=int,
        action="append",
        default=[],
        metavar="SEQ",
        help="event row voided; repeatable",
    )
    p.add_argument("--reason", default="", help="why the earlier rows are superseded")

    p = command("show", "a request's record and the clock's explanation", _show)
    p.add_argument("id", help="the request's id")
    p.add_argument("--show-names", action="store_true", help="also print the applicant's personal data")
    add_json(p, "the record, its history and the deadline")

    p = command("due", "open requests with due date, state and working days left", _due)
    p.add_argument("--as-of", type=date_arg, required=True, help="the day to look from (end of day)")
    p.add_argument(
        "--within", type=int, default=None, metavar="N", help="only those due within N working days"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    add_binary_output(p)

    p = command("import", "add every request of a ledger file (all or none)", _import, writes=True)
    p.add_argument("ledger", type=InputPath(".csv"), help="ledger file (.csv, .json or .xlsx; - for stdin)")

    p = command("export", "write the register as a ledger file (.csv, .xlsx, .json)", _export)
    p.add_argument("--output", type=Path, required=True, metavar="FILE", help="the ledger file to write")
    add_force(p)
    p.add_argument("--mask", action="store_true", help="write *** for applicants' names")

    p = command("purge", "erase a request's personal data, keeping its statistics", _purge, writes=True)
    p.add_argument("id", help="the request's id")
    p.add_argument("--reason", default="", help="why (recorded with the purge event)")


def _open(args: argparse.Namespace) -> Any:
    import_extra("sqlalchemy", "db", "the request register")
    from zwgk.register import Register

    return Register(args.db)


def _init(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        before, after = reg.init(upgrade=args.upgrade)
        where = reg.engine.url.render_as_string(hide_password=True)
    if before == after:
        print(f"register at {where} is at schema revision {after}; nothing to do")
    elif before is None:
        print(f"created register at {where} (schema revision {after})")
    else:
        print(f"migrated register at {where} from schema revision {before} to {after}")
    return _OK


def _add(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        day = reg.add(
            args.id,
            applicant_kind=args.kind,
            received=args.received,
            channel=args.channel,
            submitted=args.submitted,
            signed=args.signed,
            confirmed=args.confirmed,
            applicant=args.applicant,
            identifier=args.identifier,
            subject=args.subject,
            pages=args.pages,
            by=args.by,
        )
        due = reg.deadline(args.id).due
    print(f"added {args.id}: received {day.isoformat()}, due {due.isoformat() if due else 'not determined'}")
    return _OK


def _event(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        seqs = reg.record(args.id, args.specs, supersedes=args.supersedes, reason=args.reason, by=args.by)
        deadline = reg.deadline(args.id)
    due = deadline.due.isoformat() if deadline.due else "not determined"
    print(f"recorded event(s) {', '.join(map(str, seqs))} for {args.id}: due {due}, {deadline.state.value}")
    return _OK


def _show(args: argparse.Namespace) -> int:
    out = sys.stdout.write
    with _open(args) as reg:
        record = reg.request(args.id, show_names=args.show_names)
        history = reg.history(args.id)
        deadline = reg.deadline(args.id)
    if args.json:
        emit_json({"request": record, "history": list(history), "deadline": deadline})
        return _OK
    out(f"Request {record.id}: {record.applicant_kind.value}, {record.channel.value}, ")
    out(f"received {record.received.isoformat()}\n")
    if args.show_names:
        out(f"Applicant: {record.applicant or '-'}   identifier: {record.identifier or '-'}\n")
        out(f"Subject: {record.subject or '-'}\n")
    if record.purged:
        out("Personal data: purged\n")
    out(f"Recorded by {record.recorded_by} at {record.recorded_at:%Y-%m-%d %H:%M}\n\nRecord:\n")
    for h in history:
        mark = " " if h.effective or h.kind not in _clock_kinds() else "x"
        note = f" supersedes #{h.supersedes}" if h.supersedes else ""
        void = f" (superseded by #{h.superseded_by})" if h.superseded_by else ""
        detail = "" if h.detail == "{}" else f" {h.detail}"
        out(f" {mark} #{h.seq:<4} {h.on.isoformat()}  {h.kind}{detail}{note}{void}")
        out(f"   [{h.recorded_by}, {h.recorded_at:%Y-%m-%d %H:%M}]\n")
    due = deadline.due.isoformat() if deadline.due else "not determined"
    out(f"\nDue: {due}   state: {deadline.state.value}\n\nTimeline (effective events):\n")
    for s in deadline.steps:
        arrow = f"  → due {s.due.isoformat()}" if s.due else ""
        out(f"  {s.on.isoformat()}  {s.event}\n      {s.effect}{arrow}\n")
    out("\nViolations: " + ("none\n" if not deadline.violations else "\n"))
    for v in deadline.violations:
        out(f"  {v.on.isoformat()}  {v.kind.value}: {v.detail}\n      {v.article}\n")
    return _OK


def _clock_kinds() -> tuple[str, ...]:
    from zwgk.register._tables import CLOCK_KINDS

    return CLOCK_KINDS


def _due(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        items = reg.due(args.as_of, within=args.within)
    if wants_binary(args):
        write_as(items, args.output_as, args.output, force=args.force)
    elif args.json:
        emit_json(
            [
                {
                    "id": i.id,
                    "received": i.received,
                    "due": i.due,
                    "state": i.state,
                    "working_days_left": i.working_days_left,
                    "overdue": i.overdue,
                }
                for i in items
            ]
        )
    else:
        out = sys.stdout.write
        out(f"{len(items)} open request(s) on {args.as_of.isoformat()}\n")
        for i in items:
            due = i.due.isoformat() if i.due else "-"
            if i.working_days_left is None:
                left = "clock stopped"
            elif i.working_days_left < 0:
                left = f"{-i.working_days_left} working day(s) late"
            else:
                left = f"{i.working_days_left} working day(s) left"
            out(f"{i.id}  received {i.received.isoformat()}  due {due}  {i.state}  {left}\n")
    overdue = sum(1 for i in items if i.overdue)
    return Findings(overdue, "overdue request") if overdue else _OK


def _import(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        n = reg.import_ledger(args.ledger, by=args.by)
    print(f"imported {n} request(s) from {args.ledger}")
    return _OK


def _export(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        check_output(args.output, force=args.force)
        n = reg.export(args.output, mask=args.mask)
    print(f"wrote {args.output} ({n} requests{', names masked' if args.mask else ''})")
    return _OK


def _purge(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        seq = reg.purge(args.id, by=args.by, reason=args.reason)
    print(f"purged the personal data of {args.id} (recorded as event #{seq}); its statistics stay")
    return _OK
