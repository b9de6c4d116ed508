"""Reports at the boundary: the JSON document (pydantic), and loading a report file."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from zwgk._files import read_input_bytes
from zwgk._i18n import gettext
from zwgk._json_guard import check_json_text
from zwgk._limits import DEFAULT_LIMITS, Limits, check_file_size
from zwgk.errors import InvalidCellError, InvalidRecordsError, Problem, ZwgkError
from zwgk.reports._formats import ReportFormat, get_format
from zwgk.reports._grid import Document, ReadResult, read_document, report_of
from zwgk.reports._html import html_document
from zwgk.reports._json import COUNT_EXPECTED as _COUNT_EXPECTED
from zwgk.reports._json import MONEY_EXPECTED as _MONEY_EXPECTED
from zwgk.reports._json import json_kind as _json_kind
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4
from zwgk.reports._sniff import decode_json, decode_text, sniff

__all__ = [
    "ReportDocument",
    "load_report",
    "read_report",
    "report_from_json",
    "report_json_schema",
    "report_to_json",
]


def _count_cell(value: object) -> object:
    """A count cell (FACTS §3 identity 5): an integer or null; booleans, text and fractions refused."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidCellError(_json_kind(value), gettext("a count"), gettext(_COUNT_EXPECTED))


def _table2_cell(value: object) -> object:
    """A table 2 cell: a count, or (money columns) a decimal amount; booleans refused."""
    if value is None or (isinstance(value, int | Decimal) and not isinstance(value, bool)):
        return value
    if isinstance(value, float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = None
        if amount is not None and amount.is_finite():
            return amount
    raise InvalidCellError(_json_kind(value), gettext("a number"), gettext(_MONEY_EXPECTED))


_Count = Annotated[int | None, BeforeValidator(_count_cell)]
_Table2Cell = Annotated[int | Decimal | None, BeforeValidator(_table2_cell)]


class ReportDocument(BaseModel):
    """An annual report as JSON: tables keyed by row and column keys, ``null`` for a blank cell.

    ``table3`` is ``{row key: {column key: n}}`` (row keys of the format, e.g. ``new``,
    ``withheld_1``, ``total``; column keys ``natural_person`` … ``total``); ``table4`` is
    ``{"review.upheld": n, …}``; ``table2`` is ``{"regulations.issued": n, "fees.amount": "1.5"}``.

    Cells are strict (FACTS §3 identity 5): a count is a JSON integer or ``null`` — ``true``,
    ``"3"`` and ``3.0`` are refused, never read as numbers; only table 2's money cells (本年收费
    金额, 万元) take a decimal, as a JSON number or decimal text.  Negative counts are accepted
    here so that [`check_report`][zwgk.reports.check_report] can report them (identity 5).
    """

    model_config = ConfigDict(extra="forbid")

    format: str = Field(
        description=(
            "'2021' (国办公开办函〔2021〕30号), '2019-trial' (〔2019〕60号) "
            "or '2008' (国务院令第492号, no table 3)"
        )
    )
    year: int | None = None
    agency: str = ""
    table3: dict[str, dict[str, _Count]] | None = None
    table4: dict[str, _Count] | None = None
    table2: dict[str, _Table2Cell] | None = None
    sections: list[tuple[str, str]] = Field(default_factory=list)
    statistics: dict[str, _Table2Cell] | None = Field(
        default=None, description="the 2008 format's statistics stated in the text (key: value or null)"
    )

    def to_report(self) -> AnnualReport:
        """Convert to the core value.

        Raises:
            UnknownNameError: unknown format, row, column or cell key.
            InvalidRecordsError: a table 2 count cell holds a fraction (all listed).
        """
        fmt = get_format(self.format)
        if self.table2 is not None:
            problems = _table2_problems(self.format, self.table2)
            if problems:
                raise InvalidRecordsError("report", problems)
        return AnnualReport(
            agency=self.agency,
            year=self.year,
            format=fmt,
            table3=None if self.table3 is None else Table3.from_mapping(fmt, self.table3),
            table4=None if self.table4 is None else Table4.from_mapping(self.table4),
            table2=None if self.table2 is None else Table2.from_mapping(fmt, self.table2),
            sections=self.sections,
            statistics=self.statistics or {},
        )

    @classmethod
    def from_report(cls, report: AnnualReport) -> ReportDocument:
        """The JSON document of a report."""
        return cls(
            format=report.format.id,
            year=report.year,
            agency=report.agency,
            table3=None if report.table3 is None else report.table3.to_mapping(),
            table4=None if report.table4 is None else report.table4.to_mapping(),
            table2=None if report.table2 is None else report.table2.to_mapping(),
            sections=list(report.sections),
            statistics=dict(report.statistics) or None,
        )


def report_to_json(report: AnnualReport) -> str:
    """The report as JSON text (UTF-8, Chinese kept; money as strings)."""
    data = ReportDocument.from_report(report).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_from_json(text: str, *, source: str = "<json>", limits: Limits = DEFAULT_LIMITS) -> AnnualReport:
    """Read a report from JSON text (see [`ReportDocument`][zwgk.reports.io.ReportDocument]).

    Cells are read strictly: a count must be a JSON integer or ``null`` (``true`` or ``"3"``
    is refused, never read as 1 or 3); every bad cell is listed, located as
    ``table3.<row>.<column>``, ``table4.<cell>`` or ``table2.<cell>``, in one error.

    Args:
        text: the JSON document.
        source: how messages name it.
        limits: ``max_file_bytes`` bounds the text's length and ``max_depth`` its nesting,
            checked before parsing (default `DEFAULT_LIMITS`).

    Raises:
        InvalidRecordsError: malformed JSON, cells or fields that do not fit (all listed).
        UnknownNameError: unknown format, row, column or cell key.
        LimitExceededError: the text is too long or nested too deeply.
    """
    check_json_text(text, limits=limits, source=source)
    problems: list[Problem] = []
    document = None
    try:
        document = ReportDocument.model_validate_json(text)
    except ValidationError as exc:
        problems = [_problem(err) for err in exc.errors()]
    problems.extend(_raw_table2_problems(text, {p.location for p in problems}))
    if problems or document is None:
        raise InvalidRecordsError(source, problems)
    return document.to_report()


def _problem(err: Any) -> Problem:
    loc = [str(p) for p in err["loc"]]
    where = ".".join(loc) or "document"
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "value_error":
        expected = gettext(_MONEY_EXPECTED if loc[:1] == ["table2"] else _COUNT_EXPECTED)
        return Problem(where, message.split("; expected")[0], loc[-1], err.get("input"), expected)
    return Problem(where, message, loc[-1] if loc else None, err.get("input"))


def _table2_problems(format_id: object, table2: dict[str, Any]) -> list[Problem]:
    """Count cells of table 2 (every column but the money ones) must be whole numbers."""
    try:
        fmt = get_format(str(format_id))
    except ZwgkError:
        return []  # the unknown format is reported by to_report
    money = {c for b in fmt.table2_blocks for c in b.money_columns}
    problems = []
    for key, value in table2.items():
        if key.partition(".")[2] in money or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(
                Problem(
                    f"table2.{key}",
                    gettext("{kind} is not a count").format(kind=_json_kind(value)),
                    key,
                    value,
                    gettext(_COUNT_EXPECTED),
                )
            )
    return problems


def _raw_table2_problems(text: str, known: set[str]) -> list[Problem]:
    """Table 2 count-cell problems found in the raw JSON, so they join the other problems."""
    try:
        raw = json.loads(text, parse_float=Decimal)
    except ValueError:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("table2"), dict):
        return []
    return [p for p in _table2_problems(raw.get("format"), raw["table2"]) if p.location not in known]


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of the report document."""
    return ReportDocument.model_json_schema()


def _document(kind: str, data: bytes, source: str, limits: Limits) -> Document:
    """The tables and text of a file of a known kind (each reader imports its extra lazily)."""
    if kind == "html":
        return html_document(decode_text(data, source), source=source, limits=limits)
    if kind == "text":  # no tables: only a format without table 3 can be read from it
        return Document("text", (), ((None, decode_text(data, source)),))
    if kind == "pdf":
        from zwgk.reports._pdf import pdf_document

        return pdf_document(data, source=source, limits=limits)
    if kind == "docx":
        from zwgk.reports._docx_read import docx_document

        return docx_document(data, source=source, limits=limits)
    from zwgk.reports._xlsx_read import xls_document, xlsx_document

    reader = xlsx_document if kind == "xlsx" else xls_document
    return reader(data, source=source, limits=limits)


def read_report(
    path_or_bytes: str | Path | bytes,
    *,
    format: str | ReportFormat | None = None,
    year: int | None = None,
    source: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ReadResult:
    """Read a report from a file or its bytes, whatever its suffix: HTML, JSON, PDF, DOCX, XLSX or XLS.

    The content decides (`zwgk.reports._sniff`): ``%PDF-`` → PDF, a zip with ``word/``
    → DOCX, with ``xl/`` → XLSX, an OLE2 file → XLS (a legacy Word ``.doc`` is refused: save
    it as DOCX or PDF), text → JSON or HTML (BOM, UTF-8, the declared charset, GB18030).
    Tables 2, 3 and 4 are then found by content ([`parse_report_html`][zwgk.reports.io.parse_report_html]
    describes how); a table found but unreadable is skipped and listed in ``problems`` (kind
    ``table_unreadable``).

    Args:
        path_or_bytes: the file (``.shtml``, ``.jsp``, ``.aspx``, no suffix … all work), or
            its content.
        format: force ``"2021"`` or ``"2019-trial"`` (ignored for JSON, which names its format).
        year: the year reported on; default: read from the title or the text.
        source: how messages name the input; default: the path, or ``"<bytes>"``.
        limits: bounds checked before and while reading: the size (``max_file_bytes``),
            zip sizes and ratios, tables, rows, columns, cells and characters per cell
            (default `DEFAULT_LIMITS`).

    Returns:
        The report, the skipped tables and the kind of file read (``"html"``, ``"pdf"`` …).

    Raises:
        MissingFileError: the path does not exist.
        LimitExceededError: a bound of ``limits`` is exceeded (named in the message).
        DataFileError: content that is not a report file zwgk reads (a ``.doc``, a scanned
            PDF without a text layer, an empty file, text in no known encoding …).
        UnsafeFileError: an ``.xlsx`` XML part with a DTD, entities or external references.
        MissingExtraError: the reader's extra is missing (``pdf``, ``docx``, ``xlsx``, ``xls``).
        ReportParseError: no readable table 3 (every problem listed).
        InvalidRecordsError: malformed JSON or cells that do not fit (all listed).
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
        name = source or "<bytes>"
        check_file_size(len(data), limits, name)
    else:
        path, data = read_input_bytes(path_or_bytes, "report file", limits=limits)
        name = source or str(path)
    kind = sniff(data, name)
    if kind == "json":
        return ReadResult(report_from_json(decode_json(data, name), source=name, limits=limits), (), "json")
    document = _document(kind, data, name, limits)
    return read_document(document, format=format, year=year, source=name, limits=limits)


def load_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> AnnualReport:
    """Load a report from a file of any kind [`read_report`][zwgk.reports.io.read_report] reads; the report
    only.

    Args:
        path: the file (HTML, JSON, PDF, DOCX, XLSX or XLS, whatever its suffix).
        limits: as for [`read_report`][zwgk.reports.io.read_report] (default `DEFAULT_LIMITS`).

    Raises:
        MissingFileError: the path does not exist.
        LimitExceededError: a bound of ``limits`` is exceeded (named in the message).
        DataFileError: content that is not a report file zwgk reads (see
            [`read_report`][zwgk.reports.io.read_report]).
        ReportParseError: no readable table 3 (every problem listed).
        InvalidRecordsError: malformed JSON or cells that do not fit (all listed).

    Warns:
        TablesSkippedWarning: table 2 or 4 was found but could not be read; the report has
            ``None`` for it ([`read_report`][zwgk.reports.io.read_report] returns the problems instead).
    """
    return report_of(read_report(path, limits=limits))
