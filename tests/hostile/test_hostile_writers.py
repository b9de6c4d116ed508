"""Every writer against hostile text (issue 11): formula prefixes and Markdown table breakers.

Formula cases: each OWASP prefix (``=``, ``+``, ``-``, ``@``, tab, CR) and the full-width
``＝＋－＠`` at the start of an applicant name (ledger) or a catalog cell, written to CSV and
XLSX.  The file must hold no cell a spreadsheet would run — a CSV cell starts with the
apostrophe, an XLSX cell is a string cell, never a formula — and zwgk must read back the
exact text.  Markdown cases: a unit name, title or reason with pipes, line breaks and
backslashes must leave every table row with its column count.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from zwgk._display import md_cell
from zwgk._neutralise import DANGEROUS_PREFIXES
from zwgk.catalog import Catalog, DisclosureItem
from zwgk.catalog.io import read_catalog, write_catalog_csv, write_catalog_xlsx
from zwgk.reports import AnnualReport, Table3, get_format
from zwgk.reports import render_markdown as report_markdown
from zwgk.requests import ApplicantKind, DisclosureRequest, Ledger
from zwgk.requests.io import ledger_to_csv, read_ledger, write_ledger
from zwgk.scoring import render_markdown as score_markdown
from zwgk.scoring import score
from zwgk.scoring.io import card_from_dict

# Every prefix but NUL, which neither a CSV reader (refused: binary) nor an XLSX cell can hold.
PREFIXES = tuple(p for p in DANGEROUS_PREFIXES if p != "\x00")
PREFIX_NAMES = {"=": "equals", "+": "plus", "-": "minus", "@": "at", "\t": "tab", "\r": "cr"}
PREFIX_NAMES |= {
    "＝": "fullwidth-equals",
    "＋": "fullwidth-plus",
    "－": "fullwidth-minus",
    "＠": "fullwidth-at",
}
PAYLOAD = 'HYPERLINK("http://evil.example")'


def test_every_owasp_prefix_is_covered() -> None:
    assert set(PREFIX_NAMES) == set(PREFIXES)
    assert set("=+-@\t\r＝＋－＠") <= set(PREFIXES)


# --------------------------------------------------------------------------- ledgers


def ledger(applicant: str) -> Ledger:
    return Ledger((DisclosureRequest("A1", applicant, ApplicantKind.NATURAL_PERSON, dt.date(2025, 3, 3)),))


def kept(text: str) -> str:
    """The applicant as the ledger keeps it: surrounding white space (tab, CR) stripped."""
    return text.strip()


def csv_cells(path: Path, encoding: str = "utf-8") -> list[str]:
    with path.open(encoding=encoding, newline="") as handle:
        return [c for row in csv.reader(handle) for c in row if c]


def xlsx_cells(path: Path) -> list[Any]:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(path)
    return [c for row in workbook.active.iter_rows() for c in row if c.value is not None]


def assert_no_formula_cells(cells: list[str]) -> None:
    assert not [c for c in cells if c.startswith(PREFIXES)], "a cell a spreadsheet would run"


@pytest.mark.parametrize("prefix", PREFIXES, ids=[PREFIX_NAMES[p] for p in PREFIXES])
def test_ledger_csv_neutralises_and_reads_back(prefix: str, tmp_path: Path) -> None:
    name = prefix + PAYLOAD
    path = write_ledger(ledger(name), tmp_path / "l.csv")
    cells = csv_cells(path)
    assert_no_formula_cells(cells)
    assert "'" + name in cells
    assert read_ledger(path).requests[0].applicant == kept(name)
    with path.open(encoding="utf-8", newline="") as handle:
        assert ledger_to_csv(ledger(name)) == handle.read()


@pytest.mark.parametrize("prefix", PREFIXES, ids=[PREFIX_NAMES[p] for p in PREFIXES])
def test_ledger_xlsx_writes_text_cells_and_reads_back(prefix: str, tmp_path: Path) -> None:
    name = prefix + PAYLOAD
    path = write_ledger(ledger(name), tmp_path / "l.xlsx")
    cells = xlsx_cells(path)
    assert {c.data_type for c in cells if isinstance(c.value, str)} == {"s"}  # never "f" (formula)
    (cell,) = [c for c in cells if c.value.endswith(PAYLOAD)]  # XML reads a CR back as LF
    assert cell.quotePrefix  # Excel keeps it text when the cell is edited
    assert read_ledger(path).requests[0].applicant == kept(name)


# --------------------------------------------------------------------------- catalogs


def catalog(text: str) -> Catalog:
    return Catalog((DisclosureItem(sequence="1", first_level=text, body=text, channels=(text,)),), title=text)


def imported(text: str) -> str:
    """The text as the catalog import keeps it: white space (tab, CR) folded, as in any catalog cell."""
    return " ".join(text.split())


@pytest.mark.parametrize("prefix", PREFIXES, ids=[PREFIX_NAMES[p] for p in PREFIXES])
def test_catalog_csv_neutralises_and_reads_back(prefix: str, tmp_path: Path) -> None:
    text = prefix + PAYLOAD
    path = write_catalog_csv(catalog(text), tmp_path / "c.csv")
    cells = csv_cells(path, "utf-8-sig")
    assert_no_formula_cells(cells)
    assert "'" + text in cells
    item = read_catalog(path).items[0]
    assert (item.first_level, item.body, item.channels) == (imported(text), imported(text), (imported(text),))


@pytest.mark.parametrize("prefix", PREFIXES, ids=[PREFIX_NAMES[p] for p in PREFIXES])
def test_catalog_xlsx_writes_text_cells_and_reads_back(prefix: str, tmp_path: Path) -> None:
    text = prefix + PAYLOAD
    path = write_catalog_xlsx(catalog(text), tmp_path / "c.xlsx")
    cells = xlsx_cells(path)
    assert {c.data_type for c in cells} == {"s"}
    assert_no_formula_cells([c.value for c in cells])
    item = read_catalog(path).items[0]
    assert (item.first_level, item.body, item.channels) == (imported(text), imported(text), (imported(text),))


class Exact(NamedTuple):
    id: str
    text: str


EXACT = [
    Exact("error-code-text", "#REF!"),
    Exact("apostrophe-then-text", "'张三"),
    Exact("plain-chinese", "张三"),
    Exact("inner-equals", "a=1"),
    Exact("negative-number-text", "-5"),
    Exact("pipe", "A|B"),
]


@pytest.mark.parametrize("case", EXACT, ids=[c.id for c in EXACT])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_ledger_text_round_trips_exactly(case: Exact, suffix: str, tmp_path: Path) -> None:
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    path = write_ledger(ledger(case.text), tmp_path / f"l{suffix}")
    assert read_ledger(path).requests[0].applicant == case.text


# --------------------------------------------------------------------------- Markdown

_UNESCAPED_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


def columns(line: str) -> int:
    """Unescaped pipes in a table line: one more than its cells."""
    return len(_UNESCAPED_PIPE.findall(line))


def assert_tables_intact(markdown: str) -> None:
    table: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            assert len({columns(row) for row in table}) == 1, table
            table = []


class Breaker(NamedTuple):
    id: str
    text: str


BREAKERS = [
    Breaker("pipe", "甲|乙局"),
    Breaker("newline", "甲局\n| x | y |"),
    Breaker("crlf", "甲局\r\n乙"),
    Breaker("backslash-pipe", "甲\\|乙"),
    Breaker("backslashes-pipe", "甲\\\\\\|乙"),
    Breaker("line-separator", "甲\u2028乙|"),
]


@pytest.mark.parametrize("case", BREAKERS, ids=[c.id for c in BREAKERS])
def test_md_cell_keeps_one_cell(case: Breaker) -> None:
    cell = md_cell(case.text)
    assert not set("\n\r\u2028") & set(cell)
    assert columns(f"| {cell} |") == 2


def _card(title: str) -> dict[str, Any]:
    from tests.display.conftest import CARD

    card = copy.deepcopy(CARD)
    item = card["sections"][0]["items"][0]
    item["title"] = title
    item["rules"][0]["reason"] = title
    return card


@pytest.mark.parametrize("case", BREAKERS, ids=[c.id for c in BREAKERS])
def test_score_markdown_escapes_unit_title_and_reason(case: Breaker) -> None:
    result = score(card_from_dict(_card(case.text)), {"late": True, "guide": True, "good": 0}, unit=case.text)
    markdown = score_markdown(result)
    assert_tables_intact(markdown)
    assert markdown.splitlines()[0].startswith("### ")
    assert not markdown.splitlines()[1]  # the heading stayed on one line


@pytest.mark.parametrize("case", BREAKERS, ids=[c.id for c in BREAKERS])
def test_report_markdown_escapes_the_agency(case: Breaker) -> None:
    fmt = get_format("2021")
    report = AnnualReport(case.text, 2025, fmt, Table3.from_mapping(fmt, {}))
    markdown = report_markdown(report)
    assert_tables_intact(markdown)
    assert markdown.splitlines()[1] == ""  # the title stayed on one line
