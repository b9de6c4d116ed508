"""Reports at the boundary: the JSON document (pydantic), and loading a report file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem
from zwgk.reports._formats import get_format
from zwgk.reports._html import parse_report_html
from zwgk.reports._model import AnnualReport, Table2, Table3, Table4

__all__ = ["ReportDocument", "load_report", "report_from_json", "report_json_schema", "report_to_json"]


class ReportDocument(BaseModel):
    """An annual report as JSON: tables keyed by row and column keys, ``null`` for a blank cell.

    ``table3`` is ``{row key: {column key: n}}`` (row keys of the format, e.g. ``new``,
    ``withheld_1``, ``total``; column keys ``natural_person`` … ``total``); ``table4`` is
    ``{"review.upheld": n, …}``; ``table2`` is ``{"regulations.issued": n, "fees.amount": "1.5"}``.
    """

    model_config = ConfigDict(extra="forbid")

    format: str = Field(description="'2021' (国办公开办函〔2021〕30号) or '2019-trial' (〔2019〕60号)")
    year: int | None = None
    agency: str = ""
    table3: dict[str, dict[str, int | None]]
    table4: dict[str, int | None] | None = None
    table2: dict[str, int | Decimal | None] | None = None
    sections: list[tuple[str, str]] = Field(default_factory=list)

    def to_report(self) -> AnnualReport:
        """Convert to the core value.

        Raises:
            UnknownNameError: unknown format, row, column or cell key.
        """
        fmt = get_format(self.format)
        return AnnualReport(
            agency=self.agency,
            year=self.year,
            format=fmt,
            table3=Table3.from_mapping(fmt, self.table3),
            table4=None if self.table4 is None else Table4.from_mapping(self.table4),
            table2=None if self.table2 is None else Table2.from_mapping(fmt, self.table2),
            sections=self.sections,
        )

    @classmethod
    def from_report(cls, report: AnnualReport) -> ReportDocument:
        """The JSON document of a report."""
        return cls(
            format=report.format.id,
            year=report.year,
            agency=report.agency,
            table3=report.table3.to_mapping(),
            table4=None if report.table4 is None else report.table4.to_mapping(),
            table2=None if report.table2 is None else report.table2.to_mapping(),
            sections=list(report.sections),
        )


def report_to_json(report: AnnualReport) -> str:
    """The report as JSON text (UTF-8, Chinese kept; money as strings)."""
    data = ReportDocument.from_report(report).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_from_json(text: str, *, source: str = "<json>") -> AnnualReport:
    """Read a report from JSON text (see :class:`ReportDocument`).

    Raises:
        InvalidRecordsError: malformed JSON or fields that do not fit (all listed).
        UnknownNameError: unknown format, row, column or cell key.
    """
    try:
        document = ReportDocument.model_validate_json(text)
    except ValidationError as exc:
        problems = [
            Problem(source, err["msg"], ".".join(str(p) for p in err["loc"]) or None, err.get("input"))
            for err in exc.errors()
        ]
        raise InvalidRecordsError(source, problems) from None
    return document.to_report()


def report_json_schema() -> dict[str, Any]:
    """JSON Schema of the report document."""
    return ReportDocument.model_json_schema()


def load_report(path: str | Path) -> AnnualReport:
    """Load a report from ``.json`` or ``.html`` / ``.htm`` (parsed with :func:`parse_report_html`).

    HTML is decoded as UTF-8, falling back to GB18030 (common on older gov sites).

    Raises:
        InvalidInputError: another suffix.
        ReportParseError: the HTML tables cannot be read.
        InvalidRecordsError: malformed JSON.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".json":
        return report_from_json(p.read_text(encoding="utf-8"), source=str(p))
    if suffix in {".html", ".htm"}:
        raw = p.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        return parse_report_html(text, source=str(p))
    raise InvalidInputError("path", str(p), "a .json, .html or .htm report")
