"""Reading a publication log (item, formed-on date, published-on date) from CSV or XLSX."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

from zwgk._csv_guard import read_csv_rows
from zwgk._dates import DATE_FORMS, parse_date
from zwgk._files import (
    BROKEN_WORKBOOK,
    broken_workbook,
    default_sheet,
    existing_file,
    load_workbook,
    read_input_text,
    sheet_rows,
    sheet_shape,
)
from zwgk._i18n import gettext
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._optional import import_extra
from zwgk._text import compact
from zwgk.calendar import ChinaCalendar, default_calendar
from zwgk.catalog._compliance import Publication, find_logged_item, log_date_problems
from zwgk.catalog._import import _cell_text, cell_location
from zwgk.catalog._model import Catalog
from zwgk.errors import InvalidInputError, InvalidRecordsError, Problem

__all__ = ["parse_log_date", "publications_from_rows", "read_publication_log"]

_COLUMNS = MappingProxyType(
    {
        **dict.fromkeys(["item", "事项", "公开事项", "序号", "事项名称", "二级事项"], "item"),
        **dict.fromkeys(
            ["formed_on", "形成日期", "信息形成日期", "形成或变更日期", "信息形成或变更日期", "变更日期"],
            "formed_on",
        ),
        **dict.fromkeys(["published_on", "公开日期", "发布日期", "公布日期"], "published_on"),
    }
)


def _expected_date() -> str:
    return gettext("a date {forms}").format(forms=gettext(DATE_FORMS))


def parse_log_date(text: str) -> dt.date | None:
    """A date as logs write it (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日); empty → ``None``.

    The forms are those of `zwgk._dates.parse_date`; a time after ``T`` (as spreadsheets
    export datetimes, ``2026-03-05T00:00:00``) is ignored.

    Args:
        text: the cell text.

    Returns:
        The date, or ``None`` for an empty cell.

    Raises:
        InvalidInputError: the text is not such a date.
    """
    key = compact(text)
    if not key:
        return None
    day, _, _time = key.partition("T")
    return parse_date(day, "date")


def publications_from_rows(
    rows: Sequence[Sequence[object]],
    *,
    source: str | None = None,
    catalog: Catalog | None = None,
    calendar: ChinaCalendar | None = None,
) -> tuple[Publication, ...]:
    """Publications from rows whose first row is a header (item, formed_on, published_on).

    Header words may be English (``item``, ``formed_on``, ``published_on``) or Chinese
    (事项/序号, 形成日期, 公开日期).  Blank rows are skipped.  Every row is checked in full
    and every problem of every row is reported at once, each naming its row and column.

    Args:
        rows: the rows, header first.
        source: the name used in messages (default: ``publication log``, in the current
            language).
        catalog: when given, each row's item must name exactly one of its items.
        calendar: the calendar whose range the dates must lie in; default
            [`zwgk.calendar.default_calendar`][].

    Returns:
        The publications, each with its 1-based ``row``.

    Raises:
        InvalidRecordsError: a column is missing, or any row has no item, an unknown or
            ambiguous item (with ``catalog``), a bad date, a date outside the calendar's
            range, no formed-on date, or was published before it was formed.  One error
            lists every problem.
    """
    if source is None:
        source = gettext("publication log")
    table = [[_cell_text(c) for c in row] for row in rows]
    if not table:
        raise InvalidRecordsError(
            source, [Problem(gettext("header"), gettext("empty log"), expected=gettext("a header row"))]
        )
    where: dict[str, int] = {}
    for i, head in enumerate(table[0]):
        key = _COLUMNS.get(compact(head)) or _COLUMNS.get(compact(head).lower())
        if key is not None and key not in where:
            where[key] = i
    missing = [k for k in ("item", "formed_on", "published_on") if k not in where]
    if missing:
        raise InvalidRecordsError(
            source,
            [
                Problem(
                    gettext("header"),
                    gettext("missing column"),
                    field=k,
                    value=table[0],
                    expected=gettext("columns item/事项, formed_on/形成日期, published_on/公开日期"),
                )
                for k in missing
            ],
        )
    cal = calendar if calendar is not None else default_calendar()
    problems: list[Problem] = []
    out: list[Publication] = []
    for number, row in enumerate(table[1:], start=2):
        if not any(c.strip() for c in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            i = where[key]
            return row[i].strip() if i < len(row) else ""

        def at(key: str, number: int = number) -> str:
            return cell_location(number, where[key])

        dates: dict[str, dt.date | None] = {}
        for key in ("formed_on", "published_on"):
            try:
                dates[key] = parse_log_date(cell(key))
            except InvalidInputError:
                problems.append(
                    Problem(
                        at(key), gettext("not a date"), field=key, value=cell(key), expected=_expected_date()
                    )
                )
                dates[key] = None
        item = cell("item")
        if not item:
            problems.append(
                Problem(
                    at("item"),
                    gettext("no item"),
                    field="item",
                    expected=gettext("a sequence number or item name"),
                )
            )
        elif catalog is not None and (unknown := find_logged_item(catalog, item, at("item"))[1]) is not None:
            problems.append(unknown)
        formed = dates["formed_on"]
        if formed is None and cell("formed_on") == "":
            problems.append(
                Problem(
                    at("formed_on"),
                    gettext("no formed-on date"),
                    field="formed_on",
                    expected=_expected_date(),
                )
            )
        problems += log_date_problems(formed, dates["published_on"], cal, at)
        if item and formed is not None:
            out.append(Publication(item, formed, dates["published_on"], row=number))
    if problems:
        raise InvalidRecordsError(source, problems)
    return tuple(out)


def read_publication_log(
    path: str | Path,
    *,
    catalog: Catalog | None = None,
    calendar: ChinaCalendar | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Publication, ...]:
    """Read a publication log from ``.csv`` (UTF-8 or GB18030) or ``.xlsx`` (first sheet).

    Args:
        path: the file.
        catalog: when given, each row's item must name exactly one of its items (so one
            error lists the unknown items together with bad dates).
        calendar: the calendar whose range the dates must lie in; default
            [`zwgk.calendar.default_calendar`][].
        limits: bounds on the file's size (checked before reading), rows, columns and cell
            length; for ``.xlsx`` the workbook pre-scan's bounds too (default
            `DEFAULT_LIMITS`).

    Returns:
        The publications.

    Raises:
        InvalidRecordsError: see [`publications_from_rows`][zwgk.catalog.io.publications_from_rows].
        InvalidInputError: the suffix is neither ``.csv`` nor ``.xlsx``.
        LimitExceededError: the file exceeds a bound of ``limits`` (named in the message).
        UnsafeFileError: an ``.xlsx`` part has a DTD, entities or external references.
        MissingFileError: the file does not exist (also a ``FileNotFoundError``).
        DataFileError: the file exists but cannot be read.
        DataFileError: an ``.xlsx`` log is not a readable workbook (e.g. a CSV renamed).
        MissingExtraError: an ``.xlsx`` log and openpyxl is not installed.
    """
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        target, text = read_input_text(path, gettext("publication log (.csv)"), limits=limits)
        rows: list[list[object]] = [list(r) for r in read_csv_rows(text, limits=limits, source=target.name)]
    elif suffix == ".xlsx":
        openpyxl = import_extra("openpyxl", "xlsx", gettext("reading XLSX logs"))
        target = existing_file(path, gettext("publication log (.xlsx)"))
        workbook, shape = load_workbook(openpyxl, target, read_only=True, limits=limits)
        try:
            first = default_sheet(workbook, target)
            rows = sheet_rows(first, sheet_shape(shape, first.title))
        except BROKEN_WORKBOOK as exc:  # a read-only workbook parses its sheet lazily, here
            raise broken_workbook(target, exc) from exc
        finally:
            workbook.close()
    else:
        raise InvalidInputError("path", str(path), gettext("a .csv or .xlsx publication log"))
    return publications_from_rows(rows, source=target.name, catalog=catalog, calendar=calendar)
