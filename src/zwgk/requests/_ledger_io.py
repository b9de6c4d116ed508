"""The ledger at the boundary: pydantic row models, CSV / JSON / XLSX / DataFrame import and export.

Every bad row is reported at once ([`zwgk.errors.InvalidRecordsError`][], one
[`zwgk.errors.Problem`][] per row and field, located by spreadsheet row number).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from zwgk._csv_guard import read_csv_rows
from zwgk._dates import parse_date
from zwgk._files import default_sheet, existing_file, load_workbook, read_input_text, sheet_rows, sheet_shape
from zwgk._i18n import gettext
from zwgk._json_guard import check_json_text
from zwgk._lang import N_
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._neutralise import neutralise_row, restore_cell, write_xlsx_cell
from zwgk._optional import import_extra
from zwgk._text import normalize_label
from zwgk.deadlines import Channel, Outcome
from zwgk.deadlines.io import (
    EventModel,
    ReplyNotice,
    event_from_dict,
    parse_reply_outcome,
    unknown_event_kind,
)
from zwgk.errors import (
    InvalidCellError,
    InvalidInputError,
    InvalidRecordsError,
    LimitExceededError,
    Problem,
    UnknownNameError,
    ZwgkError,
    cut,
)
from zwgk.requests._kinds import ApplicantKind
from zwgk.requests._request import DisclosureRequest, Ledger

__all__ = [
    "LEDGER_COLUMNS",
    "EventRecord",
    "LedgerRow",
    "ledger_from_frame",
    "ledger_from_rows",
    "ledger_json_schema",
    "ledger_to_csv",
    "ledger_to_frame",
    "ledger_to_json",
    "ledger_to_rows",
    "read_ledger",
    "write_ledger",
]

LEDGER_COLUMNS: tuple[str, ...] = (
    "id",
    "applicant",
    "applicant_kind",
    "received",
    "channel",
    "outcome",
    "closed",
    "pages",
    "events",
)

# Chinese column headers seen in registers (依申请公开登记台账), folded with normalize_label.
_HEADER_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        normalize_label(k): v
        for k, v in {
            "编号": "id",
            "申请编号": "id",
            "序号": "id",
            "申请人": "applicant",
            "申请人姓名或名称": "applicant",
            "申请人类型": "applicant_kind",
            "申请人类别": "applicant_kind",
            "收到日期": "received",
            "收到申请日期": "received",
            "受理日期": "received",
            "申请日期": "received",
            "申请方式": "channel",
            "渠道": "channel",
            "办理结果": "outcome",
            "答复结果": "outcome",
            "办结日期": "closed",
            "答复日期": "closed",
            "页数": "pages",
            "事件": "events",
        }.items()
    }
)


def _parse_date(value: object, info: ValidationInfo) -> object:
    """Dates of a register cell through `zwgk._dates.parse_date`; a blank cell is ``None``.

    A cell of only spaces or punctuation (``—``, ``/``) is blank too.  Other types (numbers,
    ``None``) pass on to pydantic, which refuses them as usual.
    """
    if isinstance(value, str) and not normalize_label(value):  # blank, or only a dash
        return None
    if isinstance(value, dt.date | str):
        return parse_date(value, info.field_name or "date")
    return value


EventRecord = EventModel
"""One event of the request clock: ``kind`` (an event class of ``zwgk.deadlines``) and that kind's fields.

The union of [`zwgk.deadlines.io.EventModel`][], discriminated by ``kind``; no other field
is accepted.
"""


class LedgerRow(BaseModel):
    """One row of a request register as read from a file (the boundary model).

    Enum fields accept the Chinese labels and their common variants; dates accept
    ``2025-03-01``, ``2025/3/1`` and ``2025年3月1日``; blanks are ``None``.
    """

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    id: str = Field(min_length=1)
    applicant: str = Field(min_length=1)
    applicant_kind: ApplicantKind
    received: dt.date
    channel: Channel = Channel.OTHER
    outcome: Outcome | ReplyNotice | None = None
    closed: dt.date | None = None
    pages: int | None = Field(default=None, ge=0)
    events: list[EventRecord] = Field(default_factory=list)

    @field_validator("id", "applicant", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return _id_text(value)

    @field_validator("received", "closed", mode="before")
    @classmethod
    def _date(cls, value: object, info: ValidationInfo) -> object:
        return _parse_date(value, info)

    @field_validator("applicant_kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return _parse_enum(ApplicantKind.parse, value)

    @field_validator("channel", mode="before")
    @classmethod
    def _channel(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return Channel.OTHER
        return _parse_enum(Channel.parse, value)

    @field_validator("outcome", mode="before")
    @classmethod
    def _outcome(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return _parse_enum(parse_reply_outcome, value)  # a notice is checked against the regime later

    @field_validator("pages", mode="before")
    @classmethod
    def _pages(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("events", mode="before")
    @classmethod
    def _events(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return []
        if isinstance(value, str):
            # ledger_from_rows has checked the cell's length and depth (check_json_text).
            try:
                return json.loads(value)
            except json.JSONDecodeError as exc:
                raise InvalidCellError.not_json(gettext("a JSON list of events"), exc) from None
        return value

    def to_request(self) -> DisclosureRequest:
        """Convert to the core value (events become ``zwgk.deadlines`` events)."""
        return DisclosureRequest(
            id=self.id,
            applicant=self.applicant,
            applicant_kind=self.applicant_kind,
            received=self.received,
            channel=self.channel,
            outcome=self.outcome,
            closed=self.closed,
            events=tuple(event_from_dict(e.model_dump()) for e in self.events),
            pages=self.pages,
        )


def _id_text(value: object) -> object:
    """Numbers typed into an id or name column (a spreadsheet's ``12`` or ``12.0``) become text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return value


def _parse_enum(parse: Any, value: object) -> object:
    try:
        return parse(value)
    except UnknownNameError as exc:
        raise ValueError(str(exc)) from None


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # noqa: PLR0124 - only NaN / NaT differ from themselves
    except (TypeError, ValueError):  # pragma: no cover - exotic objects
        return False


def ledger_from_rows(
    rows: Iterable[Mapping[str, object] | Mapping[str | None, object]],
    *,
    source: str = "ledger",
    first_row: int = 2,
    limits: Limits = DEFAULT_LIMITS,
) -> Ledger:
    """Validate raw rows (column -> value) and build a [`Ledger`][zwgk.requests.Ledger].

    Column names may be the English field names or the Chinese headers of common registers
    (申请人, 申请人类型, 收到日期, 办理结果, 办结日期 …).  A row whose every cell is blank is
    skipped (it still counts for the numbering).  Every problem of every row is collected
    before anything is raised: bad values, missing fields, unknown columns (located at the
    header row, ``first_row - 1``, when there is one) and duplicate ids.

    Args:
        rows: the rows, e.g. from ``csv.DictReader`` (cells beyond the header under the
            key ``None``, as ``DictReader`` puts them, are reported).
        source: the file name used in error messages.
        first_row: the row number of the first row (2 for a sheet with one header row).
        limits: a JSON ``events`` cell is checked against ``max_cell_chars`` and
            ``max_depth`` before it is parsed (default `DEFAULT_LIMITS`).

    Returns:
        The ledger.

    Raises:
        InvalidRecordsError: one or more rows are bad; every problem is listed with its
            location ``row N``.
        LimitExceededError: an ``events`` cell is too long or nested too deeply.
    """
    problems: list[Problem] = []
    requests: list[DisclosureRequest] = []
    names: dict[str, str | None] = {}
    first_seen: dict[str, int] = {}
    for number, raw in enumerate(rows, start=first_row):
        where = gettext("row {n}").format(n=number)
        if all(_blank(v) for v in raw.values()):
            continue
        data: dict[str, object] = {}
        for key, value in raw.items():
            if key is None:
                if not all(_blank(v) for v in _as_list(value)):
                    problems.append(
                        Problem(
                            where,
                            gettext("more cells than header columns"),
                            "cells",
                            value,
                            gettext("one cell per column"),
                        )
                    )
                continue
            text = str(key)
            if not text.strip():
                if not _blank(value):
                    problems.append(
                        Problem(
                            where,
                            gettext("a value in a column without a header"),
                            "column",
                            value,
                            gettext("a header"),
                        )
                    )
                continue
            if text not in names:
                names[text] = _column_name(text)
                if names[text] is None:
                    header_at = gettext("row {n}").format(n=first_row - 1) if first_row > 1 else where
                    problems.append(
                        Problem(
                            header_at, gettext("unknown column"), "column", key, ", ".join(LEDGER_COLUMNS)
                        )
                    )
            name = names[text]
            if name is not None and not _blank(value):
                if name == "events" and isinstance(value, str):
                    _check_events_cell(value, limits, f"{source}: {where}, events")
                data[name] = value
        _check_duplicate(data.get("id"), number, first_seen, problems)
        try:
            model = LedgerRow.model_validate(data)
        except ValidationError as exc:
            problems.extend(_row_problems(where, exc))
            continue
        try:
            requests.append(model.to_request())
        except ZwgkError as exc:
            field = getattr(exc, "field", None)
            problems.append(Problem(where, str(exc), field, getattr(exc, "value", None)))
    if problems:
        raise InvalidRecordsError(source, _dedupe(problems))
    return Ledger(tuple(requests))


def _check_events_cell(text: str, limits: Limits, source: str) -> None:
    if len(text) > limits.max_cell_chars:
        raise LimitExceededError.too_many(
            source, "max_cell_chars", limits.max_cell_chars, len(text), where="the cell", unit="characters"
        )
    check_json_text(text, limits=limits, source=source)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _check_duplicate(
    raw_id: object, number: int, first_seen: dict[str, int], problems: list[Problem]
) -> None:
    """Record a duplicate id (ids compared as the row model reads them: text, stripped)."""
    if raw_id is None:
        return
    key = str(_id_text(raw_id)).strip()
    if not key:
        return
    if key in first_seen:
        problems.append(
            Problem(
                gettext("row {n}").format(n=number),
                gettext("duplicate id (also row {n})").format(n=first_seen[key]),
                "id",
                key,
                gettext("ids unique within a ledger"),
            )
        )
    else:
        first_seen[key] = number


def _row_problems(where: str, exc: ValidationError) -> list[Problem]:
    out = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or None
        if err["type"] == "missing":
            out.append(
                Problem(where, gettext("required field is blank or missing"), field, None, gettext("a value"))
            )
        elif err["type"] == "union_tag_invalid":  # an event kind that is no event class
            out.append(Problem(where, unknown_event_kind(err.get("ctx", {}).get("tag")), field))
        else:
            message = err["msg"].removeprefix("Value error, ")
            out.append(Problem(where, message, field, err.get("input")))
    return out


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for p in problems:
        key = str(p)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _column_name(key: str) -> str | None:
    plain = key.strip().lower()
    if plain in LEDGER_COLUMNS:
        return plain
    return _HEADER_ALIASES.get(normalize_label(key))


def ledger_to_rows(ledger: Ledger) -> list[dict[str, object]]:
    """The ledger as plain rows (values are JSON-ready text / ints / None)."""
    return [
        {
            "id": r.id,
            "applicant": r.applicant,
            "applicant_kind": r.applicant_kind.value,
            "received": r.received.isoformat(),
            "channel": r.channel.value,
            "outcome": None if r.outcome is None else r.outcome.value,
            "closed": None if r.closed is None else r.closed.isoformat(),
            "pages": r.pages,
            "events": [_event_record(e) for e in r.events],
        }
        for r in ledger
    ]


def _event_record(event: object) -> dict[str, object]:
    if not attrs.has(type(event)):
        raise InvalidInputError("events", event, gettext("zwgk.deadlines event values (attrs classes)"))
    record: dict[str, object] = {"kind": type(event).__name__}
    for f in attrs.fields(type(event)):  # type: ignore[arg-type]  # attrs.has() checked above
        value = getattr(event, f.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif hasattr(value, "value"):
            value = value.value
        record[f.name] = value
    return record


def ledger_to_csv(ledger: Ledger) -> str:
    """The ledger as CSV text (UTF-8, English headers; events as a JSON list).

    Text cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab,
    CR, full-width ``＝＋－＠``) get a leading apostrophe (`zwgk._neutralise.neutralise_cell`);
    [`read_ledger`][zwgk.requests.read_ledger] removes it again, so the round trip is exact.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(LEDGER_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in ledger_to_rows(ledger):
        events = row["events"]
        row["events"] = json.dumps(events, ensure_ascii=False) if events else ""
        cells = neutralise_row("" if row[c] is None else row[c] for c in LEDGER_COLUMNS)
        writer.writerow(dict(zip(LEDGER_COLUMNS, cells, strict=True)))
    return buffer.getvalue()


def ledger_to_json(ledger: Ledger) -> str:
    """The ledger as JSON text ``{"requests": [...]}``."""
    return json.dumps({"requests": ledger_to_rows(ledger)}, ensure_ascii=False, indent=2)


def ledger_json_schema() -> dict[str, Any]:
    """JSON Schema of one ledger row ([`LedgerRow`][zwgk.requests.io.LedgerRow])."""
    return LedgerRow.model_json_schema()


def read_ledger(path: str | Path, *, sheet: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Ledger:
    """Read a ledger from ``.csv``, ``.json`` or ``.xlsx`` (the ``xlsx`` extra).

    CSV and XLSX files have one header row; problems are located by spreadsheet row
    number (the header is row 1).  Fully blank rows are skipped (they still count).
    JSON rows are numbered from 1 in list order.

    Args:
        path: the file; the suffix picks the reader.
        sheet: for ``.xlsx``, the worksheet name (default: the first sheet).
        limits: bounds checked before the work is done: the file's size, CSV rows, columns
            and cell length, JSON nesting, and for ``.xlsx`` the workbook pre-scan (zip,
            real sheet extent, merged ranges, cell length) (default
            `DEFAULT_LIMITS`).

    Returns:
        The ledger.

    Raises:
        InvalidRecordsError: bad rows, duplicate ids, unknown columns (all listed at once).
        InvalidInputError: an unsupported suffix, a file that does not exist or cannot be
            read, or malformed JSON.
        DataFileError: a file that is not what its suffix says (neither UTF-8 nor GB18030 text, malformed
            CSV, not an .xlsx workbook).
        UnknownNameError: ``sheet`` is not a worksheet of the workbook.
        LimitExceededError: the file exceeds a bound of ``limits`` (named in the message).
        UnsafeFileError: an ``.xlsx`` part has a DTD, entities or external references.
        MissingExtraError: ``.xlsx`` without openpyxl.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        return _read_csv(p, limits)
    if suffix == ".json":
        _, text = read_input_text(p, gettext("a .json ledger file"), limits=limits)
        check_json_text(text, limits=limits, source=p.name)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInputError(
                str(p),
                gettext("line {line} column {column}: {problem}").format(
                    line=exc.lineno, column=exc.colno, problem=exc.msg
                ),
                gettext("valid JSON"),
            ) from None
        except ValueError as exc:  # an integer longer than sys.get_int_max_str_digits()
            raise InvalidInputError(str(p), cut(str(exc)), gettext("valid JSON")) from None
        rows = data.get("requests") if isinstance(data, dict) else data
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InvalidInputError(
                str(p), type(rows).__name__, gettext('a list of row objects or {"requests": [...]}')
            )
        return ledger_from_rows(rows, source=str(p), first_row=1, limits=limits)
    if suffix == ".xlsx":
        return _read_xlsx(p, sheet, limits)
    raise InvalidInputError("path", str(p), gettext("a .csv, .json or .xlsx file"))


def _read_csv(path: Path, limits: Limits) -> Ledger:
    _, text = read_input_text(path, gettext("a .csv ledger file"), limits=limits)
    # ledger_to_csv quotes formula-like text with an apostrophe: undo it (restore_cell).
    records = [[restore_cell(v) for v in r] for r in read_csv_rows(text, limits=limits, source=str(path))]
    if not records:
        return Ledger(())
    header = records[0]
    rows: list[dict[str | None, object]] = []
    for values in records[1:]:
        row: dict[str | None, object] = dict(zip(header, values, strict=False))
        if len(values) > len(header):
            row[None] = values[len(header) :]
        rows.append(row)
    return ledger_from_rows(rows, source=str(path), limits=limits)


def _read_xlsx(path: Path, sheet: str | None, limits: Limits) -> Ledger:
    openpyxl = import_extra("openpyxl", "xlsx", N_("reading an .xlsx ledger"))
    book, shape = load_workbook(
        openpyxl, existing_file(path, gettext("an .xlsx ledger file")), read_only=True, limits=limits
    )
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise UnknownNameError(N_("worksheet"), sheet, book.sheetnames)
        ws = book[sheet] if sheet is not None else default_sheet(book, path)
        rows = iter(sheet_rows(ws, sheet_shape(shape, ws.title)))
        header = next(rows, None)
        if header is None:
            return Ledger(())
        names = [str(h) if h is not None else "" for h in header]
        records = [dict(zip(names, values, strict=False)) for values in rows]
    finally:
        book.close()
    return ledger_from_rows(records, source=str(path), limits=limits)


def write_ledger(ledger: Ledger, path: str | Path) -> Path:
    """Write a ledger as ``.csv``, ``.json`` or ``.xlsx`` (the ``xlsx`` extra), by suffix.

    No text cell can run as a formula: CSV cells are neutralised with a leading apostrophe
    ([`ledger_to_csv`][zwgk.requests.io.ledger_to_csv]), XLSX cells are written as string cells with Excel's
    quote prefix (`zwgk._neutralise.write_xlsx_cell`); [`read_ledger`][zwgk.requests.read_ledger] reads both
    back exactly.

    Raises:
        InvalidInputError: an unsupported suffix.
        MissingExtraError: ``.xlsx`` without openpyxl.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".csv":
        p.write_text(ledger_to_csv(ledger), encoding="utf-8")
    elif suffix == ".json":
        p.write_text(ledger_to_json(ledger), encoding="utf-8")
    elif suffix == ".xlsx":
        openpyxl = import_extra("openpyxl", "xlsx", N_("writing an .xlsx ledger"))
        book = openpyxl.Workbook()
        ws = book.active
        for c, name in enumerate(LEDGER_COLUMNS, start=1):
            write_xlsx_cell(ws, 1, c, name)
        for r, row in enumerate(ledger_to_rows(ledger), start=2):
            events = row["events"]
            row["events"] = json.dumps(events, ensure_ascii=False) if events else None
            for c, name in enumerate(LEDGER_COLUMNS, start=1):
                write_xlsx_cell(ws, r, c, row[name])  # text stays text, never a formula
        book.save(p)
    else:
        raise InvalidInputError("path", str(p), gettext("a .csv, .json or .xlsx file"))
    return p


def _pandas(purpose: str) -> Any:
    return import_extra("pandas", "pandas", purpose)


def ledger_to_frame(ledger: Ledger) -> Any:
    """The ledger as a pandas DataFrame (the ``pandas`` extra).

    Columns: the `LEDGER_COLUMNS`; ``received`` and ``closed`` are ``datetime64``
    (``NaT`` when pending); enums are their Chinese labels.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = _pandas(gettext("a ledger DataFrame"))
    frame = pd.DataFrame(ledger_to_rows(ledger), columns=list(LEDGER_COLUMNS))
    for column in ("received", "closed"):
        frame[column] = pd.to_datetime(frame[column])
    frame["pages"] = frame["pages"].astype("Int64")
    return frame


def ledger_from_frame(frame: Any) -> Ledger:
    """Build a ledger from a DataFrame with the `LEDGER_COLUMNS` (or Chinese headers).

    Raises:
        InvalidRecordsError: bad rows (all listed; row numbers count from 2 as in a sheet).
        MissingExtraError: pandas is not installed.
    """
    _pandas("reading a ledger DataFrame")
    rows = frame.to_dict(orient="records")
    clean = [
        {str(k): (v.date() if hasattr(v, "to_pydatetime") and not _blank(v) else v) for k, v in row.items()}
        for row in rows
    ]
    return ledger_from_rows(clean, source="DataFrame")
