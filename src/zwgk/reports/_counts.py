"""Counts for tables 2 and 4 and the text sections, read from a JSON file (the boundary).

A counts file is a JSON object with three optional members::

    {
      "table2": {"regulations.issued": 2, "fees.amount": "1.25", ...},
      "table4": {"review.upheld": 1, "review.pending": 1, ...},
      "sections": [["一、总体情况", "..."], ...]
    }

``table2`` keys are ``row.column`` of the format
([`ReportFormat.table2_keys`][zwgk.reports.ReportFormat.table2_keys]), ``table4`` keys ``block.column``
([`Table4.keys`][zwgk.reports.Table4.keys]), exactly the keys [`build_report`][zwgk.reports.build_report]
accepts. Every problem of the file is found and reported at once, each located (``table2.fees.amount``,
``sections[2][0]``), in one [`InvalidRecordsError`][zwgk.errors.InvalidRecordsError].
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from zwgk._files import read_input_text
from zwgk._i18n import N_, gettext
from zwgk._json_guard import check_json_text
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.errors import InvalidRecordsError, Problem
from zwgk.reports._build import build_report, require_table3
from zwgk.reports._formats import ReportFormat, get_format
from zwgk.reports._json import COUNT_EXPECTED as _COUNT_EXPECTED
from zwgk.reports._json import json_kind as _json_kind
from zwgk.reports._model import AnnualReport, Table4
from zwgk.requests import DisclosureRequest, Ledger

__all__ = ["ReportCounts", "counts_from_json", "counts_template", "read_counts"]

_MEMBERS = ("table2", "table4", "sections")
_SIGNED = N_("a whole number, negative for a decrease (JSON integer, e.g. -2) or null for a blank cell")
_PAIR = '["一、总体情况", "text"]'
_MONEY = N_('a non-negative amount (a JSON number such as 1.25, or decimal text such as "1.25") or null')


class _NotFiniteError(ValueError):
    """``NaN`` / ``Infinity`` in the JSON text (Python's json accepts them; counts never do)."""


def _refuse_constant(name: str) -> object:
    raise _NotFiniteError(name)


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return gettext("a list")
    if isinstance(value, dict):
        return gettext("an object")
    return _json_kind(value)


@attrs.frozen
class ReportCounts:
    """What a counts file supplies to [`build_report`][zwgk.reports.build_report], checked against one format.

    ``table2`` and ``table4`` are ``(key, value)`` pairs in the file's order (``None`` when the
    file has no such member, so the report has no such table); ``sections`` the
    ``(heading, text)`` pairs with non-blank text, headings as printed in the format.
    """

    format: ReportFormat
    table2: tuple[tuple[str, int | Decimal | None], ...] | None = None
    table4: tuple[tuple[str, int | None], ...] | None = None
    sections: tuple[tuple[str, str], ...] = ()

    def build(
        self, ledger: Ledger | Iterable[DisclosureRequest], year: int, *, agency: str = ""
    ) -> AnnualReport:
        """[`build_report`][zwgk.reports.build_report] on ``ledger`` and ``year`` with these counts and this
        format.

        Args:
            ledger: the request register (table 3 is computed from it).
            year: the year reported on.
            agency: the reporting agency's name.

        Returns:
            The report; it passes [`check_report`][zwgk.reports.check_report] (the counts were checked when
            read).
        """
        return build_report(
            ledger,
            year,
            agency=agency,
            format=self.format,
            table2=None if self.table2 is None else dict(self.table2),
            table4=None if self.table4 is None else dict(self.table4),
            sections=self.sections,
        )


def counts_template(format: str | ReportFormat) -> dict[str, Any]:
    """An empty counts document for ``format``: every table 2 and table 4 key ``null``.

    ``sections`` lists every heading of the format with empty text (left out when read).

    Args:
        format: ``"2021"`` / ``"2019-trial"`` or a [`ReportFormat`][zwgk.reports.ReportFormat].

    Returns:
        A JSON-ready ``dict`` with ``table2``, ``table4`` and ``sections``.

    Raises:
        UnknownNameError: an unknown format.
        InvalidInputError: a format without table 3 (the 2008 format).
    """
    fmt = require_table3(get_format(format))
    return {
        "table2": dict.fromkeys(fmt.table2_keys()),
        "table4": dict.fromkeys(Table4.keys()),
        "sections": [[heading, ""] for heading in fmt.sections],
    }


def counts_from_json(
    text: str, format: str | ReportFormat, *, source: str = "<json>", limits: Limits = DEFAULT_LIMITS
) -> ReportCounts:
    """Read and check a counts document (see the module docs) for ``format``.

    Counts are strict: a JSON integer or ``null``; ``true``, ``"3"`` and ``3.0`` are refused,
    never read as numbers, and so are negative counts (except table 2's signed 本年增/减
    columns of the trial format).  Table 2's money columns take a decimal (JSON number or
    decimal text), read exactly as `Decimal`.  A table 4 block total given
    beside its parts must equal their sum (blank = 0); a missing total is computed by
    [`build_report`][zwgk.reports.build_report].  A section heading is one of the format's headings, with or
    without its numbering (``总体情况`` = ``一、总体情况``); a section whose text is blank is left out.

    Args:
        text: the JSON text.
        format: the format the report uses (its table 2 keys differ between formats).
        source: how to name the document in errors (a path).
        limits: ``max_file_bytes`` bounds the text's length and ``max_depth`` its nesting,
            checked before parsing (default `DEFAULT_LIMITS`).

    Returns:
        The checked counts.

    Raises:
        InvalidRecordsError: malformed JSON, unknown keys (with the valid keys listed), values
            that are not counts or amounts, inconsistent table 4 totals, unknown or repeated
            headings — every problem at once.
        UnknownNameError: an unknown format.
        LimitExceededError: the text is too long or nested too deeply.
    """
    fmt = get_format(format)
    check_json_text(text, limits=limits, source=source)
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                repeated.append(key)
            out[key] = value
        return out

    try:
        raw = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant, object_pairs_hook=pairs)
    except _NotFiniteError as exc:
        raise InvalidRecordsError(
            source,
            [
                Problem(
                    gettext("document"),
                    gettext("{value} is not a number JSON allows").format(value=exc),
                    None,
                    None,
                    gettext(_COUNT_EXPECTED),
                )
            ],
        ) from None
    except json.JSONDecodeError as exc:
        problem = Problem(
            gettext("line {line}, column {column}").format(line=exc.lineno, column=exc.colno),
            gettext("not valid JSON: {problem}").format(problem=exc.msg),
        )
        raise InvalidRecordsError(source, [problem]) from None
    if not isinstance(raw, dict):
        kind = _kind(raw)
        expected = gettext("a JSON object with optional table2, table4 and sections")
        problem = Problem(
            gettext("document"), gettext("{kind} is not an object").format(kind=kind), None, None, expected
        )
        raise InvalidRecordsError(source, [problem])
    problems: list[Problem] = [
        Problem(
            gettext("document"),
            gettext("key given more than once (which value is meant?)"),
            None,
            key,
            gettext("each key once"),
        )
        for key in dict.fromkeys(repeated)
    ]
    problems += [
        Problem(str(key), gettext("unknown member"), None, key, _one_of(_MEMBERS))
        for key in raw
        if key not in _MEMBERS
    ]
    table2 = _table2(fmt, raw.get("table2"), problems)
    table4 = _table4(raw.get("table4"), problems)
    sections = _sections(fmt, raw.get("sections"), problems)
    if problems:
        raise InvalidRecordsError(source, problems)
    return ReportCounts(fmt, table2, table4, sections)


def read_counts(
    path: str | Path, format: str | ReportFormat, *, limits: Limits = DEFAULT_LIMITS
) -> ReportCounts:
    """Read a counts file (UTF-8, else GB18030) with [`counts_from_json`][zwgk.reports.io.counts_from_json].

    Args:
        path: the file.
        format: the report format.
        limits: the file's size is checked before reading, then the bounds of
            [`counts_from_json`][zwgk.reports.io.counts_from_json] (default `DEFAULT_LIMITS`).

    Raises:
        LimitExceededError: the file exceeds a bound of ``limits``.
        MissingFileError: no such file.
        DataFileError: the file cannot be read or decoded.
        InvalidRecordsError: every problem of the document (see
            [`counts_from_json`][zwgk.reports.io.counts_from_json]).
    """
    target, text = read_input_text(path, "a .json counts file", limits=limits)
    return counts_from_json(text, format, source=str(target), limits=limits)


def _object(name: str, value: object, problems: list[Problem]) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(
            Problem(
                name,
                gettext("{kind} is not an object").format(kind=_kind(value)),
                None,
                value,
                gettext('{"key": value, ...} or null'),
            )
        )
        return None
    return value


def _unknown(where: str, what: str, key: str, known: tuple[str, ...]) -> Problem:
    return Problem(where, gettext("unknown {what}").format(what=what), None, key, _one_of(known))


def _one_of(names: tuple[str, ...]) -> str:
    return gettext("one of: {names}").format(names=", ".join(names))


def _count(where: str, value: object, *, signed: bool, problems: list[Problem]) -> int | None:
    expected = gettext(_SIGNED if signed else _COUNT_EXPECTED)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(
            Problem(where, gettext("{kind} is not a count").format(kind=_kind(value)), None, value, expected)
        )
        return None
    if value < 0 and not signed:
        problems.append(Problem(where, gettext("a count cannot be negative"), None, value, expected))
        return None
    return value


def _money(where: str, value: object, problems: list[Problem]) -> Decimal | None:
    if value is None:
        return None
    amount: Decimal | None = None
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = None
    if amount is None or not amount.is_finite():
        problems.append(
            Problem(
                where,
                gettext("{kind} is not an amount").format(kind=_kind(value)),
                None,
                value,
                gettext(_MONEY),
            )
        )
        return None
    if amount < 0:
        problems.append(Problem(where, gettext("an amount cannot be negative"), None, value, gettext(_MONEY)))
        return None
    return amount


def _table2(
    fmt: ReportFormat, value: object, problems: list[Problem]
) -> tuple[tuple[str, int | Decimal | None], ...] | None:
    cells = _object("table2", value, problems)
    if cells is None:
        return None
    keys = fmt.table2_keys()
    money = {c for b in fmt.table2_blocks for c in b.money_columns}
    signed = {c for b in fmt.table2_blocks for c in b.signed_columns}
    out: list[tuple[str, int | Decimal | None]] = []
    for key, cell in cells.items():
        where = f"table2.{key}"
        if key not in keys:
            problems.append(
                _unknown(where, gettext("table 2 cell of format {format}").format(format=fmt.id), key, keys)
            )
            continue
        column = key.partition(".")[2]
        if column in money:
            out.append((key, _money(where, cell, problems)))
        else:
            out.append((key, _count(where, cell, signed=column in signed, problems=problems)))
    return tuple(out)


def _table4(value: object, problems: list[Problem]) -> tuple[tuple[str, int | None], ...] | None:
    cells = _object("table4", value, problems)
    if cells is None:
        return None
    keys = Table4.keys()
    out: dict[str, int | None] = {}
    bad = False
    for key, cell in cells.items():
        where = f"table4.{key}"
        if key not in keys:
            problems.append(_unknown(where, gettext("table 4 cell"), key, keys))
            continue
        before = len(problems)
        out[key] = _count(where, cell, signed=False, problems=problems)
        bad = bad or len(problems) > before
    if not bad:
        for block in dict.fromkeys(k.partition(".")[0] for k in keys):
            total = out.get(f"{block}.total")
            parts = [k for k in keys if k.startswith(f"{block}.") and not k.endswith(".total")]
            given = sum(out.get(k) or 0 for k in parts)
            if total is not None and total != given:
                problems.append(
                    Problem(
                        f"table4.{block}.total",
                        gettext("the total is not the sum of {parts} (= {given}, blank = 0)").format(
                            parts=" + ".join(parts), given=given
                        ),
                        None,
                        total,
                        gettext("{given}, or leave it out to have it computed").format(given=given),
                    )
                )
    return tuple(out.items())


def _heading(fmt: ReportFormat, text: str) -> str | None:
    for heading in fmt.sections:
        if text.strip() in (heading, heading.partition("、")[2]):
            return heading
    return None


def _sections(fmt: ReportFormat, value: object, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(
            Problem(
                "sections",
                gettext("{kind} is not a list").format(kind=_kind(value)),
                None,
                value,
                f"[{_PAIR}, ...]",
            )
        )
        return ()
    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(value):
        where = f"sections[{index}]"
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(p, str) for p in item)):
            problems.append(Problem(where, gettext("not a [heading, text] pair of texts"), None, item, _PAIR))
            continue
        heading = _heading(fmt, item[0])
        if heading is None:
            problems.append(
                Problem(
                    f"{where}[0]",
                    gettext("unknown heading of format {format}").format(format=fmt.id),
                    None,
                    item[0],
                    _one_of(fmt.sections),
                )
            )
            continue
        if heading in seen:
            problems.append(
                Problem(
                    f"{where}[0]",
                    gettext("heading repeated (also sections[{index}])").format(index=seen[heading]),
                    None,
                    item[0],
                )
            )
            continue
        seen[heading] = index
        if item[1].strip():
            out.append((heading, item[1]))
    return tuple(out)
