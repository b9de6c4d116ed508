"""Reports at the boundary: the JSON document (pydantic), and loading a report file."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from zwgk._files import read_input_text
from zwgk._json_guard import check_json_text
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.errors import InvalidCellError, InvalidInputError, InvalidRecordsError, Problem, ZwgkError
from zwgk.reports._formats import get_format
from zwgk.reports._html import parse_report_html
from zwgk.reports._json import COUNT_EXPECTED as _COUNT_EXPECTED
from zwgk.reports._json import MONEY_EXPECTED as _MONEY_EXPECTED
from zwgk.reports._json import json_kind as _json_kind
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4

__all__ = ["ReportDocument", "load_report", "report_from_json", "report_json_schema", "report_to_json"]


def _count_cell(value: object) -> object:
    """A count cell (FACTS §3 identity 5): an integer or null; booleans, text and fractions refused."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise InvalidCellError(_json_kind(value), "a count", _COUNT_EXPECTED)


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
    raise InvalidCellError(_json_kind(value), "a number", _MONEY_EXPECTED)


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
    here so that :func:`~zwgk.reports.check_report` can report them (identity 5).
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
    """Read a report from JSON text (see :class:`ReportDocument`).

    Cells are read strictly: a count must be a JSON integer or ``null`` (``true`` or ``"3"``
    is refused, never read as 1 or 3); every bad cell is listed, located as
    ``table3.<row>.<column>``, ``table4.<cell>`` or ``table2.<cell>``, in one error.

    Args:
        text: the JSON document.
        source: how messages name it.
        limits: ``max_file_bytes`` bounds the text's length and ``max_depth`` its nesting,
            checked before parsing (default :data:`~zwgk._limits.DEFAULT_LIMITS`).

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
        expected = _MONEY_EXPECTED if loc[:1] == ["table2"] else _COUNT_EXPECTED
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
                Problem(f"table2.{key}", f"{_json_kind(value)} is not a count", key, value, _COUNT_EXPECTED)
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


def load_report(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> AnnualReport:
    """Load a report from ``.json`` or ``.html`` / ``.htm`` (parsed with :func:`parse_report_html`).

    HTML is decoded as UTF-8, falling back to GB18030 (common on older gov sites).

    Args:
        path: the file.
        limits: the file's size is checked before it is read; then the bounds of
            :func:`report_from_json` or :func:`parse_report_html` apply (default
            :data:`~zwgk._limits.DEFAULT_LIMITS`).

    Raises:
        LimitExceededError: the file exceeds a bound of ``limits`` (named in the message).
        InvalidInputError: another suffix, or a file that does not exist or cannot be read.
        DataFileError: a file that is neither UTF-8 nor GB18030 text.
        ReportParseError: the HTML tables cannot be read.
        InvalidRecordsError: malformed JSON or cells that do not fit (all listed).
        UnknownNameError: unknown format, row, column or cell key in JSON.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".json":
        _, text = read_input_text(p, "a .json report file", limits=limits)
        return report_from_json(text, source=str(p), limits=limits)
    if suffix in {".html", ".htm"}:
        # UTF-8, else GB18030 (older gov sites)
        _, text = read_input_text(p, "an .html report page", limits=limits)
        return parse_report_html(text, source=str(p), limits=limits)
    raise InvalidInputError("path", str(p), "a .json, .html or .htm report")
