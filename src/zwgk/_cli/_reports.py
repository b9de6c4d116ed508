"""``zwgk report …`` and ``zwgk fees …``: annual-report tables and information-processing fees.

- ``zwgk report build LEDGER --year 2025 [--counts COUNTS.json] [--agency NAME]`` — table 3
  from a request ledger (or, with ``--register URL`` instead of ``LEDGER``, from the request
  register), tables 2 and 4 and the text sections from a counts file;
- ``zwgk report sample [--output ledger.csv]`` — a sample ledger (31 requests, 2025) to try
  ``report build`` on: ``zwgk report sample > ledger.csv && zwgk report build ledger.csv --year 2025``;
- ``zwgk report counts-template --year 2025`` — an empty counts file (every cell ``null``);
- ``zwgk report check PATH… [--jobs N] [--series]`` — audit report files and folders (walked
  recursively) with [`zwgk.audit.audit_paths`][]: one findings table (text, ``--json``,
  ``--as csv|xlsx --output FILE``); the exit code is the worst: 2 if any file cannot be read,
  else 1 if any finding is a violation (a series jump is not), else 0;
- ``zwgk report shares --total 1218 931:76.44 126:10.34 161:12.22`` — percentages against counts;
- ``zwgk fees per-request --count 45`` or ``--ledger L.csv --applicant A --month 2025-03``;
- ``zwgk fees per-volume --pages 250``.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

from zwgk._cli._common import Findings, InputPath, add_json, add_output, write_output
from zwgk._i18n import N_, Message, gettext, msg, msg_n
from zwgk.errors import InvalidInputError

if TYPE_CHECKING:
    from zwgk.audit import AuditFinding, AuditTable
    from zwgk.reports import ReportFormat

__all__ = ["register"]

_OK, _BAD_INPUT = 0, 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's commands to the ``zwgk`` parser."""
    report = subparsers.add_parser(
        "report",
        help=gettext("annual-report tables: build from a ledger, check, shares"),
        description=gettext(
            "Annual reports on government information disclosure: build table 3 from a request ledger, "
            "print an empty counts file, check published reports, check percentages."
        ),
    )
    rsub = report.add_subparsers(dest="report_command", metavar="SUBCOMMAND", required=True)

    build = rsub.add_parser(
        "build",
        help=gettext("build the annual report's table 3 from a request ledger"),
        description=gettext(
            "Build the annual report: table 3 from a request ledger (or the request register), "
            "tables 2 and 4 and the text sections from a counts file."
        ),
    )
    build.add_argument(
        "ledger",
        type=InputPath(".csv"),
        nargs="?",
        help=gettext("ledger file (.csv, .json or .xlsx; - for stdin)"),
    )
    build.add_argument(
        "--register",
        default=None,
        metavar="URL",
        help=gettext("build from a request register instead of a ledger file"),
    )
    build.add_argument("--year", type=int, required=True, help=gettext("the year reported on"))
    build.add_argument("--agency", default="", help=gettext("the reporting agency"))
    build.add_argument(
        "--counts",
        type=InputPath(".json"),
        default=None,
        metavar="FILE.json",
        help=gettext(
            "counts file for tables 2 and 4 and the text sections (see 'zwgk report counts-template'; "
            "- for stdin)"
        ),
    )
    build.add_argument(
        "--layout", default=None, help=gettext("report layout: '2021' or '2019-trial' (default: by year)")
    )
    add_json(build, N_("the report"))
    add_output(build, ("md", "html", "json", "xlsx", "docx"), default="md")
    build.set_defaults(handler=_build)

    sample = rsub.add_parser(
        "sample",
        help=gettext("print a sample request ledger (CSV, 31 requests of 2025) to try 'report build' on"),
    )
    add_output(sample)
    sample.set_defaults(handler=_sample)

    template = rsub.add_parser(
        "counts-template",
        help=gettext("print an empty counts file (every cell null) for 'report build --counts'"),
    )
    template.add_argument(
        "--year", type=int, required=True, help=gettext("the year reported on (chooses the layout)")
    )
    template.add_argument(
        "--layout", default=None, help=gettext("report layout: '2021' or '2019-trial' (default: by year)")
    )
    template.add_argument(
        "--json",
        action="store_true",
        help=gettext("print JSON (the counts file is always JSON; for scripts' symmetry)"),
    )
    add_output(template)
    template.set_defaults(handler=_counts_template)

    check = rsub.add_parser(
        "check",
        help=gettext("audit published reports (files and folders) against every check"),
        description=gettext(
            "Audit published annual reports: every file given and every file of every folder "
            "(recursively) is read and checked; one findings table (agency, year, file, check, cells, "
            "culprit, message). With --series, one agency's reports are also checked year against year."
        ),
    )
    check.add_argument(
        "files",
        type=InputPath(".html"),
        nargs="+",
        metavar="PATH",
        help=gettext(
            "report files (HTML, JSON, PDF, DOCX, XLSX, XLS or the text of a report under the 2008 "
            "Regulations, read by content whatever the suffix) or folders of them; - for stdin"
        ),
    )
    check.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=gettext("processes to read and check with (default 1; 0: one per core)"),
    )
    check.add_argument(
        "--series",
        action="store_true",
        help=gettext("also check each agency's reports year against year (carry-over, table 2, jumps)"),
    )
    check.add_argument(
        "--agencies",
        type=InputPath(".csv"),
        default=None,
        metavar="FILE.csv",
        help=gettext("with --series: a CSV file file,agency naming the agency of reports whose name changed"),
    )
    add_json(check, gettext("the findings table"))
    add_output(check, ("text", "csv", "xlsx"), default="text")
    check.add_argument(
        "--show-blanks", action="store_true", help=gettext("list every blank cell, not only the count")
    )
    check.set_defaults(handler=_check)

    shares = rsub.add_parser("shares", help=gettext("check reported percentages against their counts"))
    shares.add_argument("parts", nargs="+", metavar="COUNT:PERCENT", help=gettext("e.g. 161:12.22"))
    shares.add_argument("--total", type=int, required=True, help=gettext("the whole the shares are of"))
    shares.add_argument(
        "--decimals",
        type=int,
        default=None,
        help=gettext(
            "check every percentage at this many decimals (default: each as written, 32.9 at 1 decimal)"
        ),
    )
    add_json(shares, N_("the findings"))
    shares.set_defaults(handler=_shares)

    fees = subparsers.add_parser(
        "fees",
        help=gettext("information-processing fees (国办函〔2020〕109号)"),
        description=gettext(
            "Information-processing fees (国办函〔2020〕109号): per request (counted per applicant and "
            "calendar month) or per volume (by pages)."
        ),
    )
    fsub = fees.add_subparsers(dest="fees_command", metavar="SUBCOMMAND", required=True)
    per_request = fsub.add_parser(
        "per-request", help=gettext("per request: an applicant's requests in one calendar month")
    )
    source = per_request.add_mutually_exclusive_group(required=True)
    source.add_argument("--count", type=int, help=gettext("number of requests this month"))
    source.add_argument(
        "--ledger",
        type=InputPath(".csv"),
        help=gettext("ledger file (- for stdin); use with --applicant and --month"),
    )
    per_request.add_argument("--applicant", help=gettext("the applicant (as in the ledger)"))
    per_request.add_argument("--month", help=gettext("calendar month YYYY-MM"))
    per_request.add_argument(
        "--already", type=int, default=0, help=gettext("requests already counted this month")
    )
    add_json(per_request, N_("the fees"))
    per_request.set_defaults(handler=_per_request)
    per_volume = fsub.add_parser("per-volume", help=gettext("per volume: one request by its page count"))
    per_volume.add_argument(
        "--pages", type=int, nargs="+", required=True, help=gettext("page count(s), one per request")
    )
    add_json(per_volume, N_("the fees"))
    per_volume.set_defaults(handler=_per_volume)


def _build(args: argparse.Namespace) -> int:
    from zwgk._cli._outputs import BINARY_KINDS, write_as
    from zwgk.reports import ReportCounts, check_report, render_html, render_markdown
    from zwgk.reports.io import read_counts, report_to_json
    from zwgk.requests import read_ledger

    fmt = _report_format(args.year, args.layout)
    counts = ReportCounts(fmt) if args.counts is None else read_counts(args.counts, fmt)
    if (args.ledger is None) == (args.register is None):
        raise InvalidInputError(
            "ledger", args.ledger, gettext("a ledger file or --register URL (one of them)")
        )
    if args.register is not None:
        import attrs

        from zwgk.register import Register

        with Register(args.register) as reg:
            table3 = reg.table3(args.year, format=fmt)
            size = reg.count()
        report = attrs.evolve(counts.build((), args.year, agency=args.agency), table3=table3)
    else:
        ledger = read_ledger(args.ledger)
        size = len(ledger)
        report = counts.build(ledger, args.year, agency=args.agency)
    result = check_report(report)  # a draft: only its arithmetic counts (its text is the office's to write)
    for finding in result.violations:  # pragma: no cover - a built report satisfies every identity
        print(
            msg("zwgk: internal check failed: {finding}", finding=finding.str_in()).render(), file=sys.stderr
        )
    form = "json" if args.json else args.output_as
    if form in BINARY_KINDS:
        write_as(report, form, args.output, force=args.force, inputs=(args.ledger, args.counts))
        if args.output is not None:
            print(_wrote_report(args.output, size, report.format.id))
        return _build_code(len(result.violations))
    text = {"md": render_markdown, "html": render_html, "json": report_to_json}[form](report)
    if args.output is not None:
        write_output(
            args.output,
            text if text.endswith("\n") else text + "\n",
            force=args.force,
            inputs=(args.ledger, args.counts),
        )
        print(_wrote_report(args.output, size, report.format.id))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return _build_code(len(result.violations))


def _wrote_report(path: object, size: int, format_id: str) -> str:
    return msg_n(
        "wrote {path} ({n} request, format {format})",
        "wrote {path} ({n} requests, format {format})",
        "n",
        path=path,
        n=size,
        format=format_id,
    ).render()


def _build_code(violations: int) -> int:
    if not violations:
        return _OK
    return Findings(  # pragma: no cover - a built report satisfies every identity
        violations, msg_n("{n} identity violation", "{n} identity violations", "n", n=violations)
    )


def _report_format(year: int, layout: str | None) -> ReportFormat:
    from zwgk.reports import format_for_year, get_format

    return format_for_year(year) if layout is None else get_format(layout)


def _sample(args: argparse.Namespace) -> int:
    from zwgk.requests import sample_ledger_csv

    text = sample_ledger_csv()
    if args.output is not None:
        write_output(args.output, text, force=args.force)
        n = text.count("\n") - 1
        print(
            msg_n(
                "wrote {path} (sample ledger, {n} request)",
                "wrote {path} (sample ledger, {n} requests)",
                "n",
                path=args.output,
                n=n,
            ).render()
        )
    else:
        sys.stdout.write(text)
    return _OK


def _counts_template(args: argparse.Namespace) -> int:
    import json

    from zwgk.reports.io import counts_template

    fmt = _report_format(args.year, args.layout)
    text = json.dumps(counts_template(fmt), ensure_ascii=False, indent=2) + "\n"
    if args.output is not None:
        write_output(args.output, text, force=args.force)
        print(msg("wrote {path} (format {format})", path=args.output, format=fmt.id).render())
    else:
        sys.stdout.write(text)
    return _OK


def _check(args: argparse.Namespace) -> int:
    from zwgk._cli._outputs import write_as
    from zwgk.audit import audit_paths, read_agencies

    agencies = None if args.agencies is None else read_agencies(args.agencies)
    table = audit_paths(args.files, jobs=args.jobs, progress=True, series=args.series, agencies=agencies)
    for entry in table.unreadable:
        line = msg("zwgk: error: {file}: cannot be read: {error}", file=entry.file, error=entry.error)
        print(line.render(), file=sys.stderr)
    inputs = (*args.files, args.agencies)
    if args.json:
        text = table.to_json() + "\n"
    elif args.output_as == "csv":
        text = table.to_csv()
    elif args.output_as == "xlsx":
        write_as(table, "xlsx", args.output, force=args.force, inputs=inputs)
        text = None
    else:
        text = _check_text(table, show_blanks=args.show_blanks, series=args.series)
    if text is not None and args.output is not None:
        bom = "\ufeff" if args.output_as == "csv" and not args.json else ""
        write_output(args.output, bom + text, force=args.force, inputs=inputs)
    elif text is not None:
        sys.stdout.write(text)
    if args.output is not None:
        counts = msg(
            "wrote {output} ({findings}, {files})",
            output=args.output,
            findings=_n_findings(len(table.findings)),
            files=msg("{n} file(s)", n=len(table.files)),
        )
        print(counts.render())
    if table.unreadable:
        return _BAD_INPUT
    return Findings(len(table.violations), _n_findings(len(table.violations))) if table.violations else _OK


def _n_findings(n: int) -> Message:
    return msg("{n} finding(s)", n=n)


def _check_text(table: AuditTable, *, show_blanks: bool, series: bool) -> str:
    """The findings table as text: one block per readable file, then the series checks."""
    lines: list[str] = []
    by_file: dict[str, list[AuditFinding]] = {}
    for finding in table.findings:
        if not finding.check.startswith("series_"):
            by_file.setdefault(finding.file, []).append(finding)
    for entry in table.files:
        if entry.status == "unreadable":
            continue
        own = by_file.get(entry.file, [])
        wrong = [f for f in own if f.is_violation]
        status = msg("ok") if not wrong else _n_findings(len(wrong))
        head = msg(
            "{file}: {agency} {year} (format {format}): {status}",
            file=entry.file,
            agency=entry.agency,
            year=entry.year or "?",
            format=entry.format,
            status=status,
        )
        lines.append(head.render())
        for f in own:
            where = f" [{f.cells[0]}]" if f.cells and f.cells[0] not in f.message else ""
            text = f.message + where
            line = (
                msg("  - {check}: {message}", check=f.check, message=text)
                if f.is_violation
                else msg("  note: {check}: {message}", check=f.check, message=text)
            )
            lines.append(line.render())
            if f.culprit:
                lines.append(f"      {f.culprit}")
        if entry.blanks:
            blanks = msg(
                "  {n} blank cell(s): a blank part counts as none, a blank total is read from its parts",
                n=len(entry.blanks),
            )
            lines.append(blanks.render())
            if show_blanks:
                lines.extend(f"    · {cell}" for cell in entry.blanks)
    across = [f for f in table.findings if f.check.startswith("series_")]
    if series:
        notes = msg("{n} note(s)", n=len(table.notes))
        lines.append(
            msg("series checks: {findings}, {notes}", findings=_n_findings(len(across)), notes=notes).render()
        )
        lines.extend(msg("  - {check}: {message}", check=f.check, message=f.message).render() for f in across)
        lines.extend(msg("  note: {note}", note=note).render() for note in table.notes)
    if len(table.files) > 1:
        broken = sum(1 for f in table.files if f.status == "findings")
        ok = sum(1 for f in table.files if f.status == "ok")
        checked = msg(
            "checked {files}: {ok} ok, {broken} with findings, {unreadable} unreadable",
            files=msg("{n} file(s)", n=len(table.files)),
            ok=ok,
            broken=broken,
            unreadable=len(table.unreadable),
        )
        lines.append(checked.render())
    return "".join(f"{line}\n" for line in lines)


def _shares(args: argparse.Namespace) -> int:
    from zwgk._cli._common import emit_json
    from zwgk.reports import check_shares

    counts: list[int] = []
    shown: list[str] = []
    for item in args.parts:
        count, sep, percent = item.partition(":")
        if not sep:
            raise InvalidInputError(
                "COUNT:PERCENT", item, gettext("a count and a percentage, e.g. 161:12.22")
            )
        try:
            counts.append(int(count))
        except ValueError:
            raise InvalidInputError("COUNT", count, gettext("a whole number")) from None
        shown.append(percent)
    # Each percentage is checked at the precision it is written with ("32.9" at 1 decimal)
    # unless --decimals fixes one precision for all.
    findings = check_shares(counts, args.total, shown, decimals=args.decimals)
    if args.json:
        emit_json([f.to_dict() for f in findings])
    else:
        for f in findings:
            print(f"- {f.message}")
        if not findings:
            print(gettext("all percentages match their counts"))
    n = len(findings)
    return (
        Findings(n, msg_n("{n} mismatched percentage", "{n} mismatched percentages", "n", n=n)) if n else _OK
    )


def _per_request(args: argparse.Namespace) -> int:
    from zwgk._cli._common import emit_json
    from zwgk.requests import DisclosureRequest, monthly_request_fees, per_request_fee, read_ledger

    rows: list[tuple[int, str, str, Decimal, Decimal]] = []
    if args.count is not None:
        if args.count < 0:
            raise InvalidInputError("--count", args.count, gettext("0 or more requests"))
        if args.already < 0:
            raise InvalidInputError("--already", args.already, gettext("0 or more requests"))
        total = Decimal(0)
        for n in range(args.already + 1, args.already + args.count + 1):
            step = per_request_fee(n)
            total += step.amount
            rows.append((n, f"#{n}", step.tier.label, step.amount, total))
    else:
        if not args.applicant or not args.month:
            raise InvalidInputError(
                "--ledger", str(args.ledger), gettext("--applicant and --month YYYY-MM as well")
            )
        try:
            year, month = (int(p) for p in args.month.split("-"))
        except ValueError:
            raise InvalidInputError("--month", args.month, gettext("a month as YYYY-MM")) from None
        ledger = read_ledger(args.ledger)
        chosen: tuple[DisclosureRequest, ...] = ledger.by_applicant_month(args.applicant, year, month)
        rows.extend(
            (fee.ordinal, fee.request_id, fee.step.tier.label, fee.amount, fee.cumulative)
            for fee in monthly_request_fees(chosen, already_counted=args.already)
        )
    if args.json:
        emit_json(
            {
                "fees": [
                    {"ordinal": n, "request": rid, "tier": tier, "fee": fee, "month_total": cum}
                    for n, rid, tier, fee, cum in rows
                ],
                "total": rows[-1][4] if rows else Decimal(0),
            }
        )
        return _OK
    print(_fee_table(rows))
    total = rows[-1][4] if rows else Decimal(0)
    print(
        msg_n(
            "total ¥{total} for {n} request (国办函〔2020〕109号, per request)",
            "total ¥{total} for {n} requests (国办函〔2020〕109号, per request)",
            "n",
            total=total,
            n=len(rows),
        ).render()
    )
    return _OK


_FEE_HEADERS = (N_("No."), N_("request"), N_("tier"), N_("fee"), N_("month total"))


def _fee_table(rows: list[tuple[int, str, str, Decimal, Decimal]]) -> str:
    """The per-request fees as a text table: worded headers, columns padded to their widest
    cell (display width: a Chinese header is two columns wide per character)."""
    from zwgk._xlsx_out import text_width as display_width

    headers = [gettext(h) for h in _FEE_HEADERS]
    body = [[str(n), rid, tier, f"¥{fee}", f"¥{cum}"] for n, rid, tier, fee, cum in rows]
    widths = [max(display_width(r[i]) for r in [headers, *body]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        padded = [
            " " * (w - display_width(c)) + c if i == 0 else c + " " * (w - display_width(c))
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return "\n".join(line(r) for r in [headers, *body])


def _per_volume(args: argparse.Namespace) -> int:
    from zwgk._cli._common import emit_json
    from zwgk.requests import per_volume_fee

    fees = [per_volume_fee(p) for p in args.pages]
    if args.json:
        emit_json([{"pages": f.pages, "steps": [str(s) for s in f.steps], "total": f.total} for f in fees])
        return _OK
    for f in fees:
        print(msg_n("{n} page: {fees}", "{n} pages: {fees}", "n", n=f.pages, fees=f.explain()).render())
    return _OK
