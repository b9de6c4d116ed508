"""Annual-report formats read from ``reports/data/formats.toml`` (rows, columns, citations)."""

from __future__ import annotations

import enum
import tomllib
from functools import cache
from importlib import resources

import attrs

from zwgk._i18n import gettext
from zwgk._text import compact, normalize_label
from zwgk.errors import DataFileError, InvalidInputError, Problem, UnknownNameError
from zwgk.requests import ApplicantKind, Outcome

__all__ = [
    "APPLICANT_COLUMNS",
    "TABLE3_COLUMNS",
    "ReportFormat",
    "SectionRule",
    "Statistic",
    "Table2Block",
    "Table3Column",
    "Table3Row",
    "format_for_year",
    "formats_data_version",
    "get_format",
    "report_formats",
    "table4_layout",
]

_PATH = "reports/data/formats.toml"


class Table3Column(enum.Enum):
    """The seven columns of table 3, in the official order."""

    NATURAL_PERSON = "自然人"
    BUSINESS = "商业企业"
    RESEARCH_INSTITUTION = "科研机构"
    PUBLIC_INTEREST_ORGANIZATION = "社会公益组织"
    LEGAL_SERVICE_ORGANIZATION = "法律服务机构"
    OTHER_ORGANIZATION = "其他"
    TOTAL = "总计"

    @property
    def key(self) -> str:
        """Snake-case key used in JSON (``natural_person`` …, ``total``)."""
        return self.name.lower()

    @classmethod
    def of(cls, kind: ApplicantKind) -> Table3Column:
        """The column of an applicant kind."""
        return cls[kind.name]

    @classmethod
    def parse(cls, text: str | Table3Column) -> Table3Column:
        """Read a column from its key, label or ``ApplicantKind`` value.

        Raises:
            UnknownNameError: no such column.
        """
        if isinstance(text, Table3Column):
            return text
        for column in cls:
            if text in (column.key, column.value, column.name):
                return column
        if text in {"法人或其他组织/其他", "其他组织"}:
            return cls.OTHER_ORGANIZATION
        raise UnknownNameError(gettext("table 3 column"), text, [c.key for c in cls])


TABLE3_COLUMNS: tuple[Table3Column, ...] = tuple(Table3Column)
APPLICANT_COLUMNS: tuple[Table3Column, ...] = TABLE3_COLUMNS[:-1]


@attrs.frozen
class Table3Row:
    """One row of table 3: its key, the printed labels and the outcomes it counts."""

    key: str
    section: str
    group: str | None
    label: str | None
    outcomes: tuple[Outcome, ...]
    match: tuple[str, ...]

    @property
    def title(self) -> str:
        """The row's full label, e.g. ``三、本年度办理结果 （三）不予公开 1．属于国家秘密``."""
        return " ".join(p for p in (self.section, self.group, self.label) if p)

    @property
    def short(self) -> str:
        """The most specific label (leaf, else group, else section)."""
        return self.label or self.group or self.section

    @property
    def is_outcome(self) -> bool:
        """True for the rows summed into （七）总计."""
        return bool(self.outcomes)


@attrs.frozen
class Table2Block:
    """One block of table 2 (a clause of 《政府信息公开条例》第二十条) with rows × columns."""

    block: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[str, str], ...]
    money_columns: frozenset[str] = frozenset()
    signed_columns: frozenset[str] = frozenset()

    def cell_keys(self) -> tuple[str, ...]:
        """Cell keys ``row.column`` in reading order."""
        return tuple(f"{r}.{c}" for r, _ in self.rows for c, _ in self.columns)


@attrs.frozen
class SectionRule:
    """How a required section is recognised in a report's text.

    ``match``: groups of key phrases; a heading shows the section when every phrase of one
    group is in it (both folded by `zwgk._text.compact` and `zwgk._text.normalize_label`).
    ``table``: the table (2, 3 or 4; 0 none) whose presence in the report also shows the section.
    """

    heading: str
    match: tuple[tuple[str, ...], ...]
    table: int = 0

    def found_in(self, heading: str) -> bool:
        """True when ``heading`` names this section."""
        folded = normalize_label(compact(heading))
        return any(all(normalize_label(compact(p)) in folded for p in group) for group in self.match)


@attrs.frozen
class Statistic:
    """One statistic a format's reports give in their text (the 2008 format: no tables).

    ``patterns`` are regular expressions over the folded text with ``{n}`` where the number
    stands; ``none`` phrases state that there were none (the value is then 0).  ``money``:
    an amount (``Decimal``), else a count.
    """

    key: str
    label: str
    unit: str
    patterns: tuple[str, ...]
    none: tuple[str, ...] = ()
    money: bool = False


@attrs.frozen
class ReportFormat:
    """An annual-report format: its citation, sections and table layouts.

    ``has_table3`` is false for the 2008 format (reports under 国务院令第492号 had no national
    table); such a format has no table 3 rows, and its reports carry `statistics`
    read from the text instead.  ``section_rules`` say how each of ``sections`` is found in a
    report (all are required, ``sections_basis`` tags how sure that is); ``withdrawal_row``
    is the row of table 3 a withdrawn request (申请人撤回) is counted in.
    """

    id: str
    name: str
    citation: str
    first_year: int
    last_year: int | None
    basis: str
    sections: tuple[str, ...]
    table3_note: str
    table3_rows: tuple[Table3Row, ...]
    table2_blocks: tuple[Table2Block, ...]
    has_table3: bool = True
    section_rules: tuple[SectionRule, ...] = ()
    sections_basis: str = "P"
    statistics: tuple[Statistic, ...] = ()
    withdrawal_row: str | None = None
    withdrawal_basis: str | None = None
    publish_by: str | None = None

    def statistic(self, key: str) -> Statistic:
        """The statistic with this key.

        Raises:
            UnknownNameError: the format gives no such statistic.
        """
        for stat in self.statistics:
            if stat.key == key:
                return stat
        raise UnknownNameError(
            gettext("statistic of format {format}").format(format=self.id),
            key,
            [s.key for s in self.statistics],
        )

    @property
    def row_keys(self) -> tuple[str, ...]:
        """Table 3 row keys in official order."""
        return tuple(r.key for r in self.table3_rows)

    def row(self, key: str) -> Table3Row:
        """The table 3 row with this key.

        Raises:
            UnknownNameError: no such row in this format.
        """
        for r in self.table3_rows:
            if r.key == key:
                return r
        raise UnknownNameError(
            gettext("table 3 row of format {format}").format(format=self.id), key, self.row_keys
        )

    def row_index(self, key: str) -> int:
        """Position of a table 3 row (0-based)."""
        return self.row_keys.index(self.row(key).key)

    def outcome_rows(self) -> dict[Outcome, int]:
        """Each outcome mapped to the index of the row that counts it."""
        return {o: i for i, r in enumerate(self.table3_rows) for o in r.outcomes}

    def table2_keys(self) -> tuple[str, ...]:
        """All table 2 cell keys (``row.column``) in reading order."""
        return tuple(k for b in self.table2_blocks for k in b.cell_keys())

    def covers(self, year: int) -> bool:
        """True if reports on ``year`` use this format."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def _pairs(value: object) -> tuple[tuple[str, str], ...]:
    assert isinstance(value, list)
    return tuple((str(a), str(b)) for a, b in value)


@cache
def _load() -> tuple[tuple[ReportFormat, ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], str]:
    raw = tomllib.loads(resources.files("zwgk.reports").joinpath("data/formats.toml").read_text("utf-8"))
    problems: list[Problem] = []
    formats: list[ReportFormat] = []
    for fi, fmt in enumerate(raw.get("format", [])):
        rows: list[Table3Row] = []
        for ri, row in enumerate(fmt.get("table3", [])):
            where = f"format[{fi}].table3[{ri}]"
            try:
                outcomes = tuple(Outcome(o) for o in row.get("outcomes", []))
            except ValueError as exc:
                problems.append(Problem(where, str(exc), "outcomes", row.get("outcomes")))
                outcomes = ()
            rows.append(
                Table3Row(
                    key=row["key"],
                    section=row["section"],
                    group=row.get("group"),
                    label=row.get("label"),
                    outcomes=outcomes,
                    match=tuple(row["match"]),
                )
            )
        has_table3 = bool(fmt.get("has_table3", True))
        counted = [o for r in rows for o in r.outcomes]
        if has_table3 and sorted(o.value for o in counted) != sorted(o.value for o in Outcome):
            problems.append(
                Problem(f"format[{fi}]", gettext("outcome rows must count every outcome exactly once"))
            )
        blocks = tuple(
            Table2Block(
                block=b["block"],
                columns=_pairs(b["columns"]),
                rows=_pairs(b["rows"]),
                money_columns=frozenset(b.get("money_columns", [])),
                signed_columns=frozenset(b.get("signed_columns", [])),
            )
            for b in fmt.get("table2", [])
        )
        sections = tuple(fmt["sections"])
        matches = fmt.get("section_match", [])
        tables = fmt.get("section_tables", [0] * len(matches))
        if len(matches) != len(sections) or len(tables) != len(sections):
            problems.append(
                Problem(f"format[{fi}]", gettext("section_match and section_tables: one entry per section"))
            )
        rules = tuple(
            SectionRule(heading, tuple(tuple(g) for g in groups), int(table))
            for heading, groups, table in zip(sections, matches, tables, strict=False)
        )
        stats = tuple(
            Statistic(
                key=st["key"],
                label=st["label"],
                unit=st["unit"],
                patterns=tuple(st["patterns"]),
                none=tuple(st.get("none", [])),
                money=bool(st.get("money", False)),
            )
            for st in fmt.get("statistic", [])
        )
        withdrawal = fmt.get("withdrawal_row")
        if withdrawal is not None and withdrawal not in {r.key for r in rows}:
            problems.append(
                Problem(f"format[{fi}]", gettext("withdrawal_row names no row"), "withdrawal_row", withdrawal)
            )
        formats.append(
            ReportFormat(
                id=fmt["id"],
                name=fmt["name"],
                citation=fmt["citation"],
                first_year=int(fmt["first_year"]),
                last_year=fmt.get("last_year"),
                basis=fmt["basis"],
                sections=sections,
                table3_note=fmt["table3_note"],
                table3_rows=tuple(rows),
                table2_blocks=blocks,
                has_table3=has_table3,
                section_rules=rules,
                sections_basis=str(fmt.get("sections_required_basis", "P")),
                statistics=stats,
                withdrawal_row=withdrawal,
                withdrawal_basis=fmt.get("withdrawal_basis"),
                publish_by=fmt.get("publish_by"),
            )
        )
    if problems:
        raise DataFileError(_PATH, problems)
    t4 = raw["table4"]
    return tuple(formats), _pairs(t4["blocks"]), _pairs(t4["columns"]), str(raw["data_version"])


def report_formats() -> tuple[ReportFormat, ...]:
    """Every known annual-report format (2021 format first)."""
    return _load()[0]


def get_format(format_id: str | ReportFormat) -> ReportFormat:
    """The format with this id (``"2021"``, ``"2019-trial"`` or ``"2008"``; ``"2019"``, ``"trial"``
    and ``"2008-条例"`` also work).

    Raises:
        UnknownNameError: no such format.
    """
    if isinstance(format_id, ReportFormat):
        return format_id
    aliases = {"2019": "2019-trial", "trial": "2019-trial", "试行": "2019-trial", "2008-条例": "2008"}
    wanted = aliases.get(str(format_id), str(format_id))
    for fmt in report_formats():
        if fmt.id == wanted:
            return fmt
    raise UnknownNameError(gettext("report format"), format_id, [f.id for f in report_formats()])


def format_for_year(year: int) -> ReportFormat:
    """The format that reports on ``year`` use (2008–2018: the 2008 format, no tables;
    2019–2020: trial; 2021 on: 2021).

    Raises:
        InvalidInputError: ``year`` before the first format (2008, when 国务院令第492号 came into force).
    """
    for fmt in report_formats():
        if fmt.covers(year):
            return fmt
    first = min(f.first_year for f in report_formats())
    raise InvalidInputError(
        "year",
        year,
        gettext("{first} or later (the first annual reports, 国务院令第492号)").format(first=first),
    )


def table4_layout() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(blocks, columns) of table 4, each as ``(key, label)`` pairs."""
    _, blocks, columns, _ = _load()
    return blocks, columns


def formats_data_version() -> str:
    """Version string of the formats data file."""
    return _load()[3]
