"""The rounds' boundary: evidence tables in; bulletins (DOCX) and results sheets (XLSX) out;
designation rules read from TOML.

- [`read_evidence_table`][zwgk.rounds.io.read_evidence_table] — a ``.csv`` (UTF-8 or GB18030) or ``.xlsx``
  file as rows (the first row holds the column names); [`rows_from_frame`][zwgk.rounds.io.rows_from_frame]
  does the same for a pandas DataFrame.  Pass the rows to [`zwgk.rounds.score_rounds`][].
- [`load_designations`][zwgk.rounds.io.load_designations] — built-in rule sets by name
  ([`list_designations`][zwgk.rounds.io.list_designations]) or a TOML file by path.
- [`write_bulletin_docx`][zwgk.rounds.io.write_bulletin_docx] — the 通报 as a Word document (extra
  ``zwgk[docx]``).
- [`write_results_xlsx`][zwgk.rounds.io.write_results_xlsx] — every round's results with Chinese headers, the
  header row frozen, every text cell written formula-safe (extra ``zwgk[xlsx]``).
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from zwgk._csv_guard import read_csv_rows
from zwgk._files import default_sheet, existing_file, load_workbook, read_input_text, sheet_rows, sheet_shape
from zwgk._i18n import Language, gettext, msg, resolve
from zwgk._json_guard import load_toml
from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk._optional import import_extra
from zwgk._xlsx_out import Sheet, write_workbook
from zwgk.errors import DataFileError, InvalidInputError, Problem, UnknownNameError
from zwgk.rounds._bulletin import bulletin_parts, result_headers, result_rows
from zwgk.rounds._designation import Decision, DesignationRule, DesignationRules, RuleKind
from zwgk.rounds._rounds import Rounds

__all__ = [
    "list_designations",
    "load_designations",
    "read_evidence_table",
    "rows_from_frame",
    "write_bulletin_docx",
    "write_results_xlsx",
]


def _header_rows(rows: Sequence[Sequence[object]]) -> list[dict[str, object]]:
    rows = [r for r in rows if any(v not in (None, "") for v in r)]
    if not rows:
        return []
    header = [str(h or "").strip() for h in rows[0]]
    return [{h: v for h, v in zip(header, row, strict=False) if h} for row in rows[1:]]


def read_evidence_table(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> list[dict[str, object]]:
    """Rows of an evidence table file (``.csv`` or ``.xlsx``; the first row names the columns).

    ``limits`` bounds the file size, rows, columns and cells (default
    `DEFAULT_LIMITS`); a workbook is pre-scanned before openpyxl loads it.

    Raises:
        MissingFileError: no such file.
        DataFileError: unreadable, over the limits, or another suffix.
    """
    target = existing_file(path, gettext("evidence table (.csv or .xlsx)"))
    suffix = target.suffix.lower()
    if suffix == ".csv":
        _, text = read_input_text(target, gettext("evidence table"), limits=limits)
        return _header_rows(read_csv_rows(text, limits=limits, source=target.name))
    if suffix == ".xlsx":
        openpyxl = import_extra("openpyxl", "xlsx", gettext("reading XLSX evidence tables"))
        workbook, shape = load_workbook(openpyxl, target, read_only=True, limits=limits)
        try:
            ws = default_sheet(workbook, target)
            rows = sheet_rows(ws, sheet_shape(shape, ws.title))
        finally:
            workbook.close()
        return _header_rows(rows)
    raise DataFileError(
        target.name,
        [Problem(str(target), gettext("unknown file type"), "suffix", suffix, gettext(".csv or .xlsx"))],
    )


def rows_from_frame(frame: Any) -> list[dict[str, object]]:
    """The rows of a pandas DataFrame (one per unit and period) as mappings."""
    return [
        dict(zip((str(c) for c in frame.columns), row, strict=True)) for row in frame.itertuples(index=False)
    ]


# ----------------------------------------------------------------------------- designation rules


def _rules_dir() -> Any:
    return importlib.resources.files("zwgk.rounds") / "data"


def list_designations() -> tuple[str, ...]:
    """Names of the built-in designation rule sets."""
    return tuple(
        sorted(e.name.removesuffix(".toml") for e in _rules_dir().iterdir() if e.name.endswith(".toml"))
    )


_RULE_KEYS = frozenset(
    {"id", "kind", "label", "rounds", "threshold", "count", "share", "min_total", "ties", "source", "notes"}
)


def designations_from_dict(data: Mapping[str, Any], *, source: str = "<dict>") -> DesignationRules:
    """Build a rule set from a mapping shaped like a designation file.

    Raises:
        DataFileError: lists every problem.
    """
    problems: list[Problem] = []
    rules: list[DesignationRule] = []
    problems.extend(
        Problem(source, gettext("missing or not text"), key, data.get(key), gettext("text"))
        for key in ("name", "card")
        if not isinstance(data.get(key), str)
    )
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append(Problem(source, gettext("no rules"), "rules", raw_rules, gettext("[[rules]] tables")))
        raw_rules = []
    for i, raw in enumerate(raw_rules):
        where = f"rules[{i}]"
        if not isinstance(raw, Mapping):
            problems.append(Problem(where, gettext("not a table"), None, raw, gettext("a [[rules]] table")))
            continue
        problems.extend(
            Problem(
                where,
                gettext("unknown key"),
                key,
                raw[key],
                msg("one of {names}", names=", ".join(sorted(_RULE_KEYS))).render(),
            )
            for key in sorted(set(raw) - _RULE_KEYS)
        )
        try:
            kind = RuleKind(raw.get("kind"))
        except ValueError:
            problems.append(
                Problem(
                    where,
                    gettext("unknown kind"),
                    "kind",
                    raw.get("kind"),
                    msg("one of {names}", names=", ".join(k.value for k in RuleKind)).render(),
                )
            )
            continue
        try:
            rules.append(
                DesignationRule(
                    id=str(raw.get("id", f"rule-{i + 1}")),
                    kind=kind,
                    label=str(raw.get("label", "")),
                    rounds=_whole(raw.get("rounds", 1), where, "rounds"),
                    threshold=_decimal(raw.get("threshold"), where, "threshold"),
                    count=None if raw.get("count") is None else _whole(raw["count"], where, "count"),
                    share=_decimal(raw.get("share"), where, "share"),
                    min_total=_decimal(raw.get("min_total"), where, "min_total"),
                    ties=str(raw.get("ties", "include")),
                    source=str(raw.get("source", "")),
                    notes=str(raw.get("notes", "")),
                )
            )
        except InvalidInputError as exc:
            problems.append(Problem(where, str(exc), exc.field, exc.value, exc.expected))
    if problems:
        raise DataFileError(source, problems)
    return DesignationRules(
        name=str(data["name"]),
        title=str(data.get("title", data["name"])),
        card=str(data["card"]),
        rules=tuple(rules),
        source=str(data.get("source", "")),
        notes=str(data.get("notes", "")),
    )


def _whole(value: object, where: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputError(f"{where}.{field}", value, gettext("a whole number"))
    return value


def _decimal(value: object, where: str, field: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InvalidInputError(
            f"{where}.{field}", value, gettext("an exact number: an integer or decimal text such as '0.1'")
        )
    try:
        return Decimal(value)
    except ArithmeticError:
        raise InvalidInputError(f"{where}.{field}", value, gettext("an exact number such as '0.1'")) from None


def load_designations(name_or_path: str | Path) -> DesignationRules:
    """A built-in rule set by name (``"demonstration-sites"``) or a TOML file by path.

    Numbers in the file are exact: TOML floats are read as decimals.

    Raises:
        UnknownNameError: neither a built-in name nor an existing file.
        DataFileError: the file is malformed (every problem listed).
    """
    name = str(name_or_path)
    if name in list_designations():
        text = (_rules_dir() / f"{name}.toml").read_text(encoding="utf-8")
        source = f"{name}.toml"
    else:
        path = Path(name_or_path)
        if not path.suffix:
            raise UnknownNameError(gettext("designation rules"), name, list_designations())
        target, text = read_input_text(
            existing_file(path, gettext("designation rules (.toml)")), gettext("designation rules")
        )
        source = target.name
    return designations_from_dict(
        load_toml(text, limits=DEFAULT_LIMITS, source=source, parse_float=Decimal), source=source
    )


# ----------------------------------------------------------------------------- writers


def write_bulletin_docx(
    rounds: Rounds,
    path: str | Path,
    *,
    period: str | None = None,
    decisions: Sequence[Decision] = (),
    issuer: str = "",
    lang: Language | None = None,
) -> Path:
    """Write the 通报 of ``period`` (default: the last) as a Word document in ``lang``
    (default: the current language); return the path.

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        MissingExtraError: python-docx is not installed (``pip install 'zwgk[docx]'``).
    """
    lang = resolve(lang)
    docx = import_extra("docx", "docx", gettext("writing bulletins as Word documents"))
    b = bulletin_parts(rounds, period, decisions, lang)
    doc = docx.Document()
    doc.add_heading(b.title, level=1)
    doc.add_paragraph(b.intro)
    doc.add_heading(gettext("Results", lang), level=2)
    table = doc.add_table(rows=1, cols=len(b.headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, b.headers, strict=True):
        cell.text = text
    for row in b.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if b.lost:
        doc.add_heading(gettext("Items that lost points", lang), level=2)
        for line in b.lost:
            doc.add_paragraph(line, style="List Bullet")
    if b.decisions:
        doc.add_heading(gettext("Dynamic management", lang), level=2)
        for line in b.decisions:
            doc.add_paragraph(line, style="List Bullet")
    if issuer:
        doc.add_paragraph(issuer)
    target = Path(path)
    doc.save(str(target))
    return target


def write_results_xlsx(rounds: Rounds, path: str | Path, *, lang: Language | None = None) -> Path:
    """Write every round's results in ``lang`` (default: the current language; headers 考核期,
    名次, 单位, 得分, 满分, 等次, 结论, 较上期; header row frozen; points as numbers; text
    formula-safe); return the path.

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        MissingExtraError: openpyxl is not installed (``pip install 'zwgk[xlsx]'``).
    """
    lang = resolve(lang)
    sheet = Sheet(gettext("Results", lang), result_headers(lang), result_rows(rounds, lang=lang))
    return write_workbook([sheet], path)
