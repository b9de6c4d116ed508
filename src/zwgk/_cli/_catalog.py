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

__all__ = ["register"]

_EXIT_OK = 0
_CATALOG = InputPath(".csv")


def _existing(path: Path, what: str) -> Path:
    from zwgk.errors import InvalidInputError

    if not path.is_file():
        raise InvalidInputError(what, str(path), "an existing file")
    return path


def _sheet(text: str) -> str | int:
    return int(text) if text.isdigit() else text


def _check(args: argparse.Namespace) -> int:
    from zwgk.catalog import check_catalog, read_catalog

    options = {"sheet": args.sheet} if args.sheet is not None else {}
    catalog = read_catalog(_existing(args.file, "FILE"), **options)
    report = check_catalog(catalog)
    if wants_binary(args):
        write_as(report, args.output_as, args.output, force=args.force, inputs=(args.file,))
        return _EXIT_OK if report.ok else Findings(len(report.findings))
    if args.json:
        emit_json(report.to_dict())
    else:
        print(f"{catalog.title or Path(args.file).name}: {report.items_checked} items")
        for finding in report.findings:
            print(f"  {finding}")
        if report.ok:
            print("no defects found")
        else:
            counts = ", ".join(f"{code.value} {len(found)}" for code, found in report.by_code().items())
            print(f"{len(report.findings)} defects: {counts}")
    return _EXIT_OK if report.ok else Findings(len(report.findings))


def _compliance(args: argparse.Namespace) -> int:
    from zwgk.catalog import check_compliance, read_catalog, read_publication_log

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
    print(f"as of {as_of.isoformat()}: {len(report.results)} publications of {len(report.items)} items")
    for r in report.results:
        published = r.publication.published_on.isoformat() if r.publication.published_on else "-"
        late = f" ({r.working_days_late} working days late)" if r.working_days_late else ""
        formed = r.publication.formed_on.isoformat()
        print(
            f"  {r.sequence:>4} {r.item}: formed {formed}, due {r.due.isoformat()} [{r.limit}],"
            f" published {published}: {r.status.value}{late}"
        )
    rate = "n/a" if report.on_time_rate is None else f"{report.on_time_rate * 100:.2f}%"
    print(
        f"on time {report.on_time}, late {report.late}, overdue {report.overdue}, pending {report.pending};"
        f" on-time rate {rate}"
    )
    if report.max_gap is not None:
        gap = "n/a" if report.longest_gap is None else str(report.longest_gap)
        verdict = "exceeds" if report.gap_exceeded else "within"
        print(f"longest gap between updates: {gap} working days ({verdict} the limit of {report.max_gap})")
    return _compliance_code(report)


def _compliance_code(report: ComplianceReport) -> int:
    if report.ok:
        return _EXIT_OK
    count = report.late + report.overdue + (1 if report.gap_exceeded else 0)
    return Findings(count or None)


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
        help="check disclosure catalogs (政务公开事项标准目录) and publication compliance",
        description="Import, check and measure disclosure catalogs.",
    )
    commands = group.add_subparsers(dest="catalog_command", metavar="COMMAND", required=True)

    check = commands.add_parser(
        "check",
        help="import a catalog and report every defect",
        description="Import a catalog (CSV, XLSX or JSON) and list every defect; exit 1 if there is any.",
    )
    check.add_argument("file", type=_CATALOG, help="catalog file: .csv, .xlsx or .json (- for stdin)")
    check.add_argument("--sheet", type=_sheet, default=None, help="XLSX sheet name or 0-based index")
    add_json(check, "the findings")
    add_binary_output(check)
    check.set_defaults(handler=_check)

    compliance = commands.add_parser(
        "compliance",
        help="judge a publication log against the catalog's time limits",
        description="Judge a publication log against the catalog's time limits; exit 1 if anything "
        "is late, overdue, or a gap between updates is too long.",
    )
    compliance.add_argument("file", type=_CATALOG, help="catalog file: .csv, .xlsx or .json (- for stdin)")
    compliance.add_argument(
        "log",
        type=InputPath(".csv"),
        help="log file (.csv/.xlsx): item, formed_on, published_on (- for stdin)",
    )
    compliance.add_argument("--as-of", type=date_arg, default=None, help="review date (default: today)")
    compliance.add_argument(
        "--max-gap",
        type=int,
        default=None,
        help="longest allowed gap between updates in working days (default: update_gap in "
        "zwgk/catalog/data/compliance.toml, 20 for the 开福区 2013 rule; 0 turns it off)",
    )
    add_json(compliance, "the report")
    add_binary_output(compliance)
    compliance.set_defaults(handler=_compliance)

    sample = commands.add_parser("sample", help="print the sample catalog's path or content")
    sample.add_argument("--content", action="store_true", help="print the file's text instead of its path")
    sample.add_argument("--log", action="store_true", help="the sample publication log instead")
    add_json(sample, "the path")
    sample.set_defaults(handler=_sample)
