"""``zwgk catalog`` commands: check a catalog, measure publication compliance, show the sample.

- ``zwgk catalog check FILE`` — import a catalog (CSV, XLSX, JSON) and list every defect;
  exit 1 if any.
- ``zwgk catalog compliance FILE LOG`` — judge a publication log against the catalog's
  time limits; exit 1 if anything is late, overdue, or a gap is too long.
- ``zwgk catalog sample`` — print the path (or, with ``--content``, the text) of the
  sample catalog; ``--log`` for the sample publication log.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zwgk.catalog import ComplianceReport

from zwgk._cli._common import Findings, InputPath, add_json, date_arg, emit_json
from zwgk._cli._outputs import add_binary_output, wants_binary, write_as
from zwgk._i18n import N_, gettext, msg, msg_n

__all__ = ["register"]

_EXIT_OK = 0
_CATALOG = InputPath(".csv")


def _existing(path: Path, what: str) -> Path:
    from zwgk.errors import InvalidInputError

    if not path.is_file():
        raise InvalidInputError(what, str(path), gettext("an existing file"))
    return path


def _sheet(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def _check(args: argparse.Namespace) -> int:
    from zwgk.catalog import check_catalog, read_catalog
    from zwgk.catalog._texts import code_text

    options = {"sheet": args.sheet} if args.sheet is not None else {}
    catalog = read_catalog(_existing(args.file, "FILE"), **options)
    report = check_catalog(catalog)
    n = len(report.findings)
    found = Findings(n, msg_n("{n} finding", "{n} findings", "n", n=n))
    if wants_binary(args):
        write_as(report, args.output_as, args.output, force=args.force, inputs=(args.file,))
        return _EXIT_OK if report.ok else found
    if args.json:
        emit_json(report.to_dict())
    else:
        items = msg_n("{n} item", "{n} items", "n", n=report.items_checked)
        print(msg("{name}: {items}", name=catalog.title or Path(args.file).name, items=items).render())
        for finding in report.findings:
            print(f"  {finding}")
        if report.ok:
            print(gettext("no defects found"))
        else:
            counts = gettext(", ").join(
                msg("{label} {n}", label=code_text(code), n=len(found)).render()
                for code, found in report.by_code().items()
            )
            print(
                msg(
                    "{defects}: {counts}", defects=msg_n("{n} defect", "{n} defects", "n", n=n), counts=counts
                ).render()
            )
    return _EXIT_OK if report.ok else found


def _compliance(args: argparse.Namespace) -> int:
    from zwgk.catalog import check_compliance, read_catalog, read_publication_log
    from zwgk.catalog._texts import status_text, working_days

    catalog = read_catalog(_existing(args.file, "FILE"))
    # With the catalog, reading checks every row in full: one error lists bad dates, unknown
    # items, dates outside the calendar and publications before formation together.
    log = read_publication_log(_existing(args.log, "LOG"), catalog=catalog)
    as_of = args.as_of if args.as_of is not None else dt.date.today()
    if args.max_gap is None:  # the default of check_compliance, from the catalog's data
        report = check_compliance(catalog, log, as_of=as_of)
    else:
        report = check_compliance(catalog, log, as_of=as_of, max_gap=args.max_gap or None)
    if wants_binary(args):
        write_as(report, args.output_as, args.output, force=args.force, inputs=(args.file, args.log))
        return _compliance_code(report)
    if args.json:
        emit_json(report.to_dict())
        return _compliance_code(report)
    print(
        msg(
            "as of {day}: {publications} of {items}",
            day=as_of,
            publications=msg_n("{n} publication", "{n} publications", "n", n=len(report.results)),
            items=msg_n("{n} item", "{n} items", "n", n=len(report.items)),
        ).render()
    )
    for r in report.results:
        status = status_text(r.status)
        if r.working_days_late:
            status = msg(
                "{status} ({days} late)", status=status, days=working_days(r.working_days_late)
            ).render()
        if r.publication.published_on is not None:
            line = msg(
                "{item}: formed {formed}, due {due} [{limit}], published {published}: {status}",
                item=r.item,
                formed=r.publication.formed_on,
                due=r.due,
                limit=r.limit,
                published=r.publication.published_on,
                status=status,
            )
        else:
            line = msg(
                "{item}: formed {formed}, due {due} [{limit}], not published: {status}",
                item=r.item,
                formed=r.publication.formed_on,
                due=r.due,
                limit=r.limit,
                status=status,
            )
        print(f"  {r.sequence:>4} {line.render()}")
    rate = gettext("n/a") if report.on_time_rate is None else f"{report.on_time_rate * 100:.2f}%"
    print(
        msg(
            "on time {on_time}, late {late}, overdue {overdue}, pending {pending}; on-time rate {rate}",
            on_time=report.on_time,
            late=report.late,
            overdue=report.overdue,
            pending=report.pending,
            rate=rate,
        ).render()
    )
    if report.max_gap is not None:
        limit = working_days(report.max_gap)
        if report.longest_gap is None:
            print(msg("longest gap between updates: n/a (the limit is {limit})", limit=limit).render())
        elif report.gap_exceeded:
            gap = working_days(report.longest_gap)
            print(
                msg(
                    "longest gap between updates: {gap} (exceeds the limit of {limit})", gap=gap, limit=limit
                ).render()
            )
        else:
            gap = working_days(report.longest_gap)
            print(
                msg(
                    "longest gap between updates: {gap} (within the limit of {limit})", gap=gap, limit=limit
                ).render()
            )
    return _compliance_code(report)


def _compliance_code(report: ComplianceReport) -> int:
    if report.ok:
        return _EXIT_OK
    late = report.late + report.overdue
    if report.gap_exceeded:
        noun = msg_n(
            "{n} late or overdue publication and a gap too long",
            "{n} late or overdue publications and a gap too long",
            "n",
            n=late,
        )
        return Findings(late + 1, noun)
    return Findings(
        late, msg_n("{n} late or overdue publication", "{n} late or overdue publications", "n", n=late)
    )


def _sample(args: argparse.Namespace) -> int:
    from zwgk.catalog.io import sample_catalog_path, sample_publication_log_path

    path = sample_publication_log_path() if args.log else sample_catalog_path()
    if args.json:
        emit_json({"path": str(path)})
    elif args.content:
        print(path.read_text(encoding="utf-8"), end="")
    else:
        print(path)
    return _EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``catalog`` command group to the ``zwgk`` parser."""
    group = subparsers.add_parser(
        "catalog",
        help=gettext("check disclosure catalogs and publication compliance"),
        description=gettext("Import, check and measure disclosure catalogs."),
    )
    commands = group.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help=gettext("import a catalog and report every defect"),
        description=gettext(
            "Import a catalog (CSV, XLSX or JSON) and list every defect; exit 1 if there is any."
        ),
    )
    check.add_argument(
        "file", type=_CATALOG, help=gettext("catalog file: .csv, .xlsx or .json (- for stdin)")
    )
    check.add_argument("--sheet", type=_sheet, default=None, help=gettext("XLSX sheet name or 0-based index"))
    add_json(check, N_("the findings"))
    add_binary_output(check)
    check.set_defaults(handler=_check)

    compliance = commands.add_parser(
        "compliance",
        help=gettext("judge a publication log against the catalog's time limits"),
        description=gettext(
            "Judge a publication log against the catalog's time limits; exit 1 if anything "
            "is late, overdue, or a gap between updates is too long."
        ),
    )
    compliance.add_argument(
        "file", type=_CATALOG, help=gettext("catalog file: .csv, .xlsx or .json (- for stdin)")
    )
    compliance.add_argument(
        "log",
        type=InputPath(".csv"),
        help=gettext("log file (.csv/.xlsx): item, formed_on, published_on (- for stdin)"),
    )
    compliance.add_argument(
        "--as-of", type=date_arg, default=None, help=gettext("review date (default: today)")
    )
    compliance.add_argument(
        "--max-gap",
        type=int,
        default=None,
        help=gettext(
            "longest allowed gap between updates in working days (default: 20, the rule of the 2013 "
            "scorecard of Kaifu District, from the catalog's data; 0 turns the check off)"
        ),
    )
    add_json(compliance, N_("the report"))
    add_binary_output(compliance)
    compliance.set_defaults(handler=_compliance)

    sample = commands.add_parser("sample", help=gettext("print the sample catalog's path or content"))
    sample.add_argument(
        "--content", action="store_true", help=gettext("print the file's text instead of its path")
    )
    sample.add_argument("--log", action="store_true", help=gettext("the sample publication log instead"))
    add_json(sample, N_("the path"))
    sample.set_defaults(handler=_sample)
