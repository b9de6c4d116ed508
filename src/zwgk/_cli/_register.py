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
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from zwgk._cli._common import Findings, InputPath, add_force, add_json, check_output, date_arg, emit_json
from zwgk._cli._outputs import add_binary_output, wants_binary, write_as
from zwgk._i18n import N_, Message, gettext, msg, msg_n
from zwgk._optional import import_extra
from zwgk.deadlines._explain import channel_text, state_text, violation_text

__all__ = ["register"]

_OK = 0
_DESCRIPTION = N_("""\
The persistent request register (extra zwgk[db]). The database is --db URL (any SQLAlchemy URL or an
SQLite file path), else $ZWGK_DB, else zwgk-register.db in the current folder. Every command is one
transaction. Writing commands take --by NAME (default: the login name); names are printed only with
--show-names.

Exit 1 (from due) means an open request is overdue.
""")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``zwgk register``."""
    reg = subparsers.add_parser(
        "register",
        help=gettext("the persistent request register (SQLite or PostgreSQL)"),
        description=gettext(_DESCRIPTION),
    )
    sub = reg.add_subparsers(dest="register_command", metavar="SUBCOMMAND", required=True)

    def command(name: str, help: str, handler: Any, *, writes: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=gettext(help))
        p.add_argument(
            "--db",
            default=None,
            metavar="URL",
            help=gettext("database URL or SQLite file (default $ZWGK_DB)"),
        )
        if writes:
            p.add_argument(
                "--by", default=None, metavar="NAME", help=gettext("who records this (default: login name)")
            )
        p.set_defaults(handler=handler)
        return p

    p = command("init", N_("create the register, or migrate an older one with --upgrade"), _init)
    p.add_argument(
        "--upgrade", action="store_true", help=gettext("migrate a register written by an older zwgk")
    )

    p = command("add", N_("record a new request"), _add, writes=True)
    p.add_argument("id", metavar="ID", help=gettext("the request's id"))
    p.add_argument(
        "--kind", required=True, help=gettext("applicant kind: 自然人, 商业企业, 科研机构, 社会公益组织, …")
    )
    p.add_argument("--received", type=date_arg, help=gettext("receipt date (or give --channel and its date)"))
    p.add_argument(
        "--channel", help=gettext("how the request arrived: in_person, post, letter, internet or fax")
    )
    p.add_argument("--submitted", type=date_arg, help=gettext("in person: the day it was handed in"))
    p.add_argument("--signed", type=date_arg, help=gettext("signed post: the day the agency signed for it"))
    p.add_argument("--confirmed", type=date_arg, help=gettext("letter, internet, fax: the confirmation day"))
    p.add_argument("--applicant", help=gettext("the applicant's name (personal data)"))
    p.add_argument("--identifier", help=gettext("the applicant's ID or credit code (personal data)"))
    p.add_argument("--subject", help=gettext("what was asked for (personal data)"))
    p.add_argument("--pages", type=int, help=gettext("page count (per-volume fees)"))

    p = command(
        "event", N_("append events (the 'zwgk deadline --event' syntax) or corrections"), _event, writes=True
    )
    p.add_argument("id", metavar="ID", help=gettext("the request's id"))
    p.add_argument(
        "specs", nargs="*", metavar="KIND:DATE", help=gettext("e.g. consult:2026-10-09..2026-10-20")
    )
    p.add_argument(
        "--supersedes",
        type=int,
        action="append",
        default=[],
        metavar="SEQ",
        help=gettext("event row voided; repeatable"),
    )
    p.add_argument("--reason", default="", help=gettext("why the earlier rows are superseded"))

    p = command("show", N_("a request's record and the clock's explanation"), _show)
    p.add_argument("id", metavar="ID", help=gettext("the request's id"))
    p.add_argument(
        "--show-names", action="store_true", help=gettext("also print the applicant's personal data")
    )
    add_json(p, gettext("the record, its history and the deadline"))

    p = command("due", N_("open requests with due date, state and working days left"), _due)
    p.add_argument("--as-of", type=date_arg, required=True, help=gettext("the day to look from (end of day)"))
    p.add_argument(
        "--within", type=int, default=None, metavar="N", help=gettext("only those due within N working days")
    )
    p.add_argument("--json", action="store_true", help=gettext("print JSON"))
    add_binary_output(p)

    p = command("import", N_("add every request of a ledger file (all or none)"), _import, writes=True)
    p.add_argument(
        "ledger",
        metavar="LEDGER",
        type=InputPath(".csv"),
        help=gettext("ledger file (.csv, .json or .xlsx; - for stdin)"),
    )

    p = command("export", N_("write the register as a ledger file (.csv, .xlsx, .json)"), _export)
    p.add_argument(
        "--output", type=Path, required=True, metavar="FILE", help=gettext("the ledger file to write")
    )
    add_force(p)
    p.add_argument("--mask", action="store_true", help=gettext("write *** for applicants' names"))

    p = command("purge", N_("erase a request's personal data, keeping its statistics"), _purge, writes=True)
    p.add_argument("id", metavar="ID", help=gettext("the request's id"))
    p.add_argument("--reason", default="", help=gettext("why (recorded with the purge event)"))


def _open(args: argparse.Namespace) -> Any:
    import_extra("sqlalchemy", "db", gettext("the request register"))
    from zwgk.register import Register

    return Register(args.db)


def _init(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        before, after = reg.init(upgrade=args.upgrade)
        where = reg.engine.url.render_as_string(hide_password=True)
    if before == after:
        line = msg(
            "register at {where} is at schema revision {after}; nothing to do", where=where, after=after
        )
    elif before is None:
        line = msg("created register at {where} (schema revision {after})", where=where, after=after)
    else:
        line = msg(
            "migrated register at {where} from schema revision {before} to {after}",
            where=where,
            before=before,
            after=after,
        )
    print(line.render())
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
    print(msg("added {id}: received {day}, due {due}", id=args.id, day=day, due=_due_text(due)).render())
    return _OK


def _event(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        seqs = reg.record(args.id, args.specs, supersedes=args.supersedes, reason=args.reason, by=args.by)
        deadline = reg.deadline(args.id)
    line = msg_n(
        "recorded event {seqs} for {id}: due {due}, {state}",
        "recorded events {seqs} for {id}: due {due}, {state}",
        "n",
        n=len(seqs),
        seqs=gettext(", ").join(map(str, seqs)),
        id=args.id,
        due=_due_text(deadline.due),
        state=state_text(deadline.state),
    )
    print(line.render())
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
    kind, channel = record.applicant_kind.value, channel_text(record.channel)  # kind: 表三's column
    lines: list[Message | str] = [
        msg(
            "Request {id}: {kind}, {channel}, received {day}",
            id=record.id,
            kind=kind,
            channel=channel,
            day=record.received,
        )
    ]
    if args.show_names:
        name, identifier = record.applicant or "-", record.identifier or "-"
        lines.append(msg("Applicant: {name}   identifier: {identifier}", name=name, identifier=identifier))
        lines.append(msg("Subject: {subject}", subject=record.subject or "-"))
    if record.purged:
        lines.append(msg("Personal data: purged"))
    stamp = f"{record.recorded_at:%Y-%m-%d %H:%M}"
    lines += [msg("Recorded by {name} at {stamp}", name=record.recorded_by, stamp=stamp), "", msg("Record:")]
    out("".join(f"{line}\n" for line in lines))
    for h in history:
        mark = " " if h.effective or h.kind not in _clock_kinds() else "x"
        note = " " + msg("supersedes #{seq}", seq=str(h.supersedes)).render() if h.supersedes else ""
        void = (
            " " + msg("(superseded by #{seq})", seq=str(h.superseded_by)).render() if h.superseded_by else ""
        )
        detail = "" if h.detail == "{}" else f" {h.detail}"
        out(f" {mark} #{h.seq:<4} {h.on.isoformat()}  {h.kind}{detail}{note}{void}")
        out(f"   [{h.recorded_by}, {h.recorded_at:%Y-%m-%d %H:%M}]\n")
    due = msg("Due: {due}   state: {state}", due=_due_text(deadline.due), state=state_text(deadline.state))
    timeline = gettext("Timeline (effective events):")
    out(f"\n{due}\n\n{timeline}\n")
    for s in deadline.steps:
        arrow = "  → " + msg("due {day}", day=s.due).render() if s.due else ""
        out(f"  {s.on.isoformat()}  {s.event}\n      {s.effect}{arrow}\n")
    out("\n" + (gettext("Violations: none") if not deadline.violations else gettext("Violations:")) + "\n")
    for v in deadline.violations:
        out(f"  {v.on.isoformat()}  {violation_text(v.kind)}: {v.detail}\n      {v.article}\n")
    return _OK


def _due_text(due: dt.date | None) -> str:
    return due.isoformat() if due else gettext("not determined")


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
        from zwgk.register._display import state_label

        out = sys.stdout.write
        line = msg_n(
            "{n} open request on {day}", "{n} open requests on {day}", "n", n=len(items), day=args.as_of
        )
        out(line.render() + "\n")
        for i in items:
            if i.working_days_left is None:
                left = gettext("clock stopped")
            elif i.working_days_left < 0:
                days = -i.working_days_left
                left = msg_n("{n} working day late", "{n} working days late", "n", n=days).render()
            else:
                days = i.working_days_left
                left = msg_n("{n} working day left", "{n} working days left", "n", n=days).render()
            row = msg(
                "{id}  received {received}  due {due}  {state}  {left}",
                id=i.id,
                received=i.received,
                due=i.due.isoformat() if i.due else "-",
                state=state_label(i.state),
                left=left,
            )
            out(row.render() + "\n")
    overdue = sum(1 for i in items if i.overdue)
    noun = msg_n("{n} overdue request", "{n} overdue requests", "n", n=overdue)
    return Findings(overdue, noun) if overdue else _OK


def _import(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        n = reg.import_ledger(args.ledger, by=args.by)
    print(
        msg_n(
            "imported {n} request from {file}",
            "imported {n} requests from {file}",
            "n",
            n=n,
            file=args.ledger,
        ).render()
    )
    return _OK


def _export(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        check_output(args.output, force=args.force)
        n = reg.export(args.output, mask=args.mask)
    if args.mask:
        line = msg_n(
            "wrote {file} ({n} request, names masked)",
            "wrote {file} ({n} requests, names masked)",
            "n",
            n=n,
            file=args.output,
        )
    else:
        line = msg_n("wrote {file} ({n} request)", "wrote {file} ({n} requests)", "n", n=n, file=args.output)
    print(line.render())
    return _OK


def _purge(args: argparse.Namespace) -> int:
    with _open(args) as reg:
        seq = reg.purge(args.id, by=args.by, reason=args.reason)
    print(
        msg(
            "purged the personal data of {id} (recorded as event #{seq}); its statistics stay",
            id=args.id,
            seq=str(seq),
        ).render()
    )
    return _OK
