"""Every public reader against hostile and real-world inputs (issue 11).

Each case names its input, the reader, and what must happen: a named error (class and a
message fragment naming the limit, field or location) or acceptance with the right value.
The inputs are written to ``tmp_path``; the workbooks are built part by part
(``tests/hostile/workbooks.py``) so each hostile feature is exactly what the case says.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from tests.hostile.workbooks import (
    BILLION_LAUGHS,
    BOMB_STRINGS,
    MAIN,
    XXE,
    row_xml,
    sheet_xml,
    text_rows,
    workbook_bytes,
)

from zwgk._limits import DEFAULT_LIMITS, Limits
from zwgk.catalog.io import (
    catalog_from_json,
    read_catalog,
    read_catalog_csv,
    read_catalog_json,
    read_catalog_xlsx,
    read_publication_log,
)
from zwgk.errors import (
    DataFileError,
    InvalidRecordsError,
    LimitExceededError,
    ReportParseError,
    UnsafeFileError,
)
from zwgk.reports.io import counts_from_json, load_report, parse_report_html, read_counts, report_from_json
from zwgk.requests.io import ledger_from_rows, read_ledger
from zwgk.scoring.io import card_from_dict, load_card, read_evidence

pytest.importorskip("openpyxl")
pytest.importorskip("defusedxml")

CATALOG_HEAD = ["序号", "一级事项", "公开主体", "公开时限"]
CATALOG_ROW = ["1", "政策文件", "办公室", "实时公开"]
LEDGER_HEAD = ["id", "applicant", "applicant_kind", "received"]
LEDGER_ROW = ["A1", "张三", "自然人", "2025-03-03"]
LOG_HEAD = ["item", "formed_on", "published_on"]
LOG_ROW = ["政策文件", "2025-03-03", "2025-03-04"]
SMALL = Limits(max_rows=10, max_columns=8, max_cells=80, max_depth=8, max_cell_chars=100, max_file_bytes=4096)
HUGE_CELL = "x" * 200_000  # beyond csv's own field limit (131,072)


NO_STRINGS = f'<sst xmlns="{MAIN}"/>'


def deep_json(levels: int) -> str:
    return "[" * levels + "]" * levels


def deep_toml(levels: int) -> str:
    return "a = " + deep_json(levels) + "\n"


# --------------------------------------------------------------------------- file writers


def csv_text(rows: list[list[str]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def xlsx(
    rows: list[list[str]], *, merged: tuple[str, ...] = (), dimension: str | None = None, tail: str = ""
) -> bytes:
    return workbook_bytes(
        sheet_xml(text_rows(rows) + tail, merged=merged, dimension=dimension), shared_strings=NO_STRINGS
    )


def far_cell(rows: list[list[str]]) -> bytes:
    return xlsx(rows, tail=row_xml(1048576, '<c r="XFD1048576"><v>1</v></c>'))


def huge_merge(rows: list[list[str]]) -> bytes:
    return xlsx(rows, merged=("A100:XFD1048576",))


def many_merges(rows: list[list[str]]) -> bytes:
    return xlsx(rows, merged=tuple(f"A{r}:B{r}" for r in range(10, 10_012)))


def bomb(rows: list[list[str]]) -> bytes:
    return workbook_bytes(sheet_xml(text_rows(rows)), shared_strings=BOMB_STRINGS)


def laughs(rows: list[list[str]]) -> bytes:
    return workbook_bytes(sheet_xml(text_rows(rows)), shared_strings=BILLION_LAUGHS)


def xxe(rows: list[list[str]]) -> bytes:
    return workbook_bytes(XXE)


def long_xlsx_cell(rows: list[list[str]]) -> bytes:
    return xlsx([*rows, ["y" * 40_000]])


def many_rows(rows: list[list[str]]) -> list[list[str]]:
    return [rows[0]] + [rows[1]] * 20


def wide(rows: list[list[str]]) -> list[list[str]]:
    return [rows[0] + [f"c{i}" for i in range(20)], *rows[1:]]


class Case(NamedTuple):
    id: str
    name: str  # the file name (its suffix picks the reader)
    content: Callable[[], str | bytes]
    read: Callable[..., object]
    error: type[Exception] | None  # None: accepted
    message: str  # a fragment of the error, or of repr(result) when accepted
    limits: Limits = DEFAULT_LIMITS


_CATALOG = [CATALOG_HEAD, CATALOG_ROW]
_LEDGER = [LEDGER_HEAD, LEDGER_ROW]
_LOG = [LOG_HEAD, LOG_ROW]

_XLSX_READERS: list[tuple[str, list[list[str]], Callable[..., object], str]] = [
    ("catalog", _CATALOG, read_catalog_xlsx, "政策文件"),
    ("catalog-by-suffix", _CATALOG, read_catalog, "政策文件"),
    ("ledger", _LEDGER, read_ledger, "张三"),
    ("log", _LOG, read_publication_log, "政策文件"),
]
_CSV_READERS: list[tuple[str, list[list[str]], Callable[..., object], str, list[str]]] = [
    ("catalog", _CATALOG, read_catalog_csv, "政策文件", ["2", "z" * 100, "办公室", "实时公开"]),
    ("catalog-by-suffix", _CATALOG, read_catalog, "政策文件", ["2", "z" * 100, "办公室", "实时公开"]),
    ("ledger", _LEDGER, read_ledger, "张三", ["A2", "z" * 100, "自然人", "2025-03-03"]),
    ("log", _LOG, read_publication_log, "政策文件", ["z" * 100, "2025-03-03", "2025-03-04"]),
]


def _xlsx_cases() -> list[Case]:
    cases = []
    for kind, rows, read, accepted in _XLSX_READERS:

        def make(
            build: Callable[[list[list[str]]], bytes], rows: list[list[str]] = rows
        ) -> Callable[[], bytes]:
            return lambda: build(rows)

        cases += [
            Case(f"{kind}-xlsx-plain", "in.xlsx", make(xlsx), read, None, accepted),
            Case(
                f"{kind}-xlsx-lying-dimension-accepted",
                "in.xlsx",
                make(lambda r: xlsx(r, dimension="A1:XFD1048576")),
                read,
                None,
                accepted,
            ),
            Case(f"{kind}-xlsx-far-cell", "in.xlsx", make(far_cell), read, LimitExceededError, "max_rows"),
            Case(
                f"{kind}-xlsx-huge-merge",
                "in.xlsx",
                make(huge_merge),
                read,
                LimitExceededError,
                "max_merged_cells",
            ),
            Case(
                f"{kind}-xlsx-merge-cells",
                "in.xlsx",
                make(lambda r: xlsx(r, merged=("A5:H5000",))),
                read,
                LimitExceededError,
                "max_merged_cells",
                Limits(max_merged_cells=1_000),
            ),
            Case(
                f"{kind}-xlsx-many-merges",
                "in.xlsx",
                make(many_merges),
                read,
                LimitExceededError,
                "max_merged_ranges",
            ),
            Case(
                f"{kind}-xlsx-zip-bomb",
                "in.xlsx",
                make(bomb),
                read,
                LimitExceededError,
                "zip entry 'xl/sharedStrings.xml' expands",
            ),
            Case(
                f"{kind}-xlsx-entity-bomb",
                "in.xlsx",
                make(laughs),
                read,
                UnsafeFileError,
                "sharedStrings.xml",
            ),
            Case(f"{kind}-xlsx-xxe", "in.xlsx", make(xxe), read, UnsafeFileError, "sheet1.xml"),
            Case(
                f"{kind}-xlsx-long-cell",
                "in.xlsx",
                make(long_xlsx_cell),
                read,
                LimitExceededError,
                "max_cell_chars",
            ),
            Case(
                f"{kind}-xlsx-too-many-rows",
                "in.xlsx",
                make(lambda r: xlsx(many_rows(r))),
                read,
                LimitExceededError,
                "max_rows",
                SMALL,
            ),
            Case(
                f"{kind}-xlsx-too-wide",
                "in.xlsx",
                make(lambda r: xlsx(wide(r))),
                read,
                LimitExceededError,
                "max_columns",
                SMALL,
            ),
            Case(
                f"{kind}-xlsx-file-too-big",
                "in.xlsx",
                make(xlsx),
                read,
                LimitExceededError,
                "max_file_bytes",
                Limits(max_file_bytes=100),
            ),
            Case(
                f"{kind}-xlsx-not-a-zip",
                "in.xlsx",
                lambda: b"id,applicant\n",
                read,
                DataFileError,
                "workbook",
            ),
        ]
    return cases


def _csv_cases() -> list[Case]:
    cases = []
    for kind, rows, read, accepted, longest in _CSV_READERS:

        def make(
            build: Callable[[list[list[str]]], list[list[str]]], rows: list[list[str]] = rows
        ) -> Callable[[], str]:
            return lambda: csv_text(build(rows))

        cases += [
            Case(f"{kind}-csv-plain", "in.csv", make(lambda r: r), read, None, accepted),
            Case(
                f"{kind}-csv-200000-character-cell",
                "in.csv",
                make(lambda r: [*r, [HUGE_CELL]]),
                read,
                LimitExceededError,
                "row 3, column A has 200000 characters; the limit max_cell_chars is 32767",
            ),
            Case(
                f"{kind}-csv-cell-at-the-bound-accepted",
                "in.csv",
                make(lambda r, longest=longest: [*r, longest]),
                read,
                None,
                "z" * 100,
                Limits(max_cell_chars=100),
            ),
            Case(
                f"{kind}-csv-too-many-rows",
                "in.csv",
                make(many_rows),
                read,
                LimitExceededError,
                "max_rows",
                SMALL,
            ),
            Case(
                f"{kind}-csv-too-wide", "in.csv", make(wide), read, LimitExceededError, "max_columns", SMALL
            ),
            Case(
                f"{kind}-csv-file-too-big",
                "in.csv",
                make(lambda r: [*r, ["", "", "", "", "z" * 5000]]),
                read,
                LimitExceededError,
                "max_file_bytes",
                SMALL,
            ),
            Case(f"{kind}-csv-nul", "in.csv", lambda: "a,b\n\x00,c\n", read, DataFileError, "NUL"),
        ]
    return cases


def _deep_ledger() -> str:
    return json.dumps({"requests": [{"id": "A1", "x": json.loads(deep_json(100))}]})


def _ledger_events_cell(events: str) -> str:
    return csv_text([[*LEDGER_HEAD, "events"], [*LEDGER_ROW, events]])


_EVENT = '[{"kind": "ExtensionGranted", "on": "2025-03-20", "working_days": 20}]'

_HTML_TABLE = "<table><tr><td>本年新收</td></tr></table>"

_JSON_CASES = [
    Case("ledger-json-deep", "in.json", _deep_ledger, read_ledger, LimitExceededError, "max_depth"),
    Case(
        "ledger-json-100000-deep",
        "in.json",
        lambda: deep_json(100_000),
        read_ledger,
        LimitExceededError,
        "nests 100000 levels",
    ),
    Case(
        "ledger-json-too-big",
        "in.json",
        lambda: json.dumps({"requests": [dict(zip(LEDGER_HEAD, LEDGER_ROW, strict=True))] * 100}),
        read_ledger,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "ledger-json-plain",
        "in.json",
        lambda: json.dumps({"requests": [dict(zip(LEDGER_HEAD, LEDGER_ROW, strict=True))]}),
        read_ledger,
        None,
        "张三",
    ),
    Case(
        "ledger-csv-events-cell-deep",
        "in.csv",
        lambda: _ledger_events_cell(deep_json(500)),
        read_ledger,
        LimitExceededError,
        "row 2, events",
    ),
    Case(
        "ledger-csv-events-cell-accepted",
        "in.csv",
        lambda: _ledger_events_cell(_EVENT),
        read_ledger,
        None,
        "ExtensionGranted",
    ),
    Case(
        "catalog-json-deep",
        "in.json",
        lambda: deep_json(10_000),
        read_catalog_json,
        LimitExceededError,
        "max_depth",
    ),
    Case(
        "catalog-json-by-suffix-deep",
        "in.json",
        lambda: '{"items": ' + deep_json(200) + "}",
        read_catalog,
        LimitExceededError,
        "nests 201 levels",
    ),
    Case(
        "catalog-json-too-big",
        "in.json",
        lambda: '{"items": []}' + " " * 5000,
        read_catalog_json,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "report-json-deep", "in.json", lambda: deep_json(50_000), load_report, LimitExceededError, "max_depth"
    ),
    Case(
        "report-json-too-big",
        "in.json",
        lambda: "{}" + " " * 5000,
        load_report,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "report-html-too-big",
        "in.html",
        lambda: "<p>x</p>" * 1000,
        load_report,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "report-html-too-many-tables",
        "in.html",
        lambda: "<table></table>" * 1001,
        load_report,
        LimitExceededError,
        "the page has 1001 tables or more; the limit max_tables is 1000",
    ),
    Case(
        "report-html-nested-tables",
        "in.html",
        lambda: "<table>" * 5000,
        load_report,
        LimitExceededError,
        "max_tables",
    ),
    Case(
        "report-html-too-many-rows",
        "in.html",
        lambda: "<table>" + "<tr><td>1</td></tr>" * 11 + "</table>",
        load_report,
        LimitExceededError,
        "table 1 has 11 rows or more; the limit max_rows is 10",
        SMALL,
    ),
    Case(
        "report-html-too-wide",
        "in.html",
        lambda: "<table><tr>" + '<td colspan="600">x</td>' + "</tr></table>",
        load_report,
        LimitExceededError,
        "table 1, row 1 has 600 columns or more; the limit max_columns is 512",
    ),
    Case(
        "report-html-span-cells",
        "in.html",
        lambda: "<table>" + '<tr><td rowspan="1000" colspan="500">x</td></tr>' * 20 + "</table>",
        load_report,
        LimitExceededError,
        "max_cells",
    ),
    Case(
        "report-html-padded-grid",
        "in.html",
        lambda: "<table>" + "<tr></tr>" * 9 + '<tr><td colspan="8">x</td></tr></table>',
        load_report,
        LimitExceededError,
        "cells (10 rows × 8 columns)",
        Limits(max_cells=50),
    ),
    Case(
        "report-html-long-cell",
        "in.html",
        lambda: "<table><tr><td>" + "字" * 40_000 + "</td></tr></table>",
        load_report,
        LimitExceededError,
        "table 1, row 1, a cell has",
    ),
    Case(
        "report-html-deep-divs-no-table",
        "in.html",
        lambda: "<div>" * 100_000,
        load_report,
        ReportParseError,
        "no table 3",
    ),
    Case(
        "counts-json-deep",
        "in.json",
        lambda: deep_json(1000),
        lambda p, **kw: read_counts(p, "2021", **kw),
        LimitExceededError,
        "max_depth",
    ),
    Case(
        "counts-json-too-big",
        "in.json",
        lambda: "{}" + " " * 5000,
        lambda p, **kw: read_counts(p, "2021", **kw),
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "counts-json-plain",
        "in.json",
        lambda: "{}",
        lambda p, **kw: read_counts(p, "2021", **kw),
        None,
        "ReportCounts",
    ),
    Case("card-toml-deep", "card.toml", lambda: deep_toml(1000), load_card, LimitExceededError, "max_depth"),
    Case(
        "card-toml-deep-tables",
        "card.toml",
        lambda: "[" + ".".join("a" * 1 for _ in range(80)) + "]\n",
        load_card,
        LimitExceededError,
        "max_depth",
    ),
    Case(
        "card-json-deep",
        "card.json",
        lambda: '{"a": ' + deep_json(100_000) + "}",
        load_card,
        LimitExceededError,
        "max_depth",
    ),
    Case(
        "card-json-too-big",
        "card.json",
        lambda: "{}" + " " * 5000,
        load_card,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case("card-json-invalid", "card.json", lambda: '{"a": 1,}', load_card, DataFileError, "not valid JSON"),
    Case(
        "evidence-json-deep",
        "ev.json",
        lambda: '{"a": ' + deep_json(100_000) + "}",
        read_evidence,
        LimitExceededError,
        "max_depth",
    ),
    Case(
        "evidence-json-too-big",
        "ev.json",
        lambda: '{"a": "' + "x" * 5000 + '"}',
        read_evidence,
        LimitExceededError,
        "max_file_bytes",
        SMALL,
    ),
    Case(
        "evidence-json-not-an-object", "ev.json", lambda: "[1]", read_evidence, DataFileError, "not an object"
    ),
    Case("evidence-json-plain", "ev.json", lambda: '{"a": 1.5}', read_evidence, None, "Decimal('1.5')"),
]

CASES = _xlsx_cases() + _csv_cases() + _JSON_CASES


def shown(result: object) -> str:
    """What an accepted input read as: the items of a catalog, ledger or log; else the repr."""
    if isinstance(result, dict) or not hasattr(result, "__iter__"):
        return repr(result)
    return repr(list(result))  # type: ignore[call-overload]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reader(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.name
    content = case.content()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    if case.error is None:
        assert case.message in shown(case.read(path, limits=case.limits))
        return
    with pytest.raises(case.error) as info:
        case.read(path, limits=case.limits)
    assert case.message in str(info.value)
    assert len(str(info.value)) < 2_000  # one readable message, never the input itself
    if isinstance(info.value, LimitExceededError):
        assert "pass limits=Limits(" in str(info.value)


# --------------------------------------------------------------------------- in-memory readers


class Memory(NamedTuple):
    id: str
    call: Callable[[], object]
    error: type[Exception]
    message: str


_HUNDRED_MB = "x" * 100_000_000

MEMORY = [
    Memory(
        "catalog-json-text-deep", lambda: catalog_from_json(deep_json(5000)), LimitExceededError, "max_depth"
    ),
    Memory(
        "report-json-text-deep", lambda: report_from_json(deep_json(5000)), LimitExceededError, "max_depth"
    ),
    Memory(
        "counts-json-text-deep",
        lambda: counts_from_json(deep_json(5000), "2021"),
        LimitExceededError,
        "max_depth",
    ),
    Memory(
        "card-dict-deep",
        lambda: card_from_dict({"a": json.loads(deep_json(500))}),
        LimitExceededError,
        "the value at 'a",
    ),
    Memory(
        "ledger-rows-events-deep",
        lambda: ledger_from_rows(
            [{**dict(zip(LEDGER_HEAD, LEDGER_ROW, strict=True)), "events": deep_json(100)}]
        ),
        LimitExceededError,
        "max_depth",
    ),
    Memory(
        "ledger-rows-events-too-long",
        lambda: ledger_from_rows(
            [{**dict(zip(LEDGER_HEAD, LEDGER_ROW, strict=True)), "events": "[" + " " * 40_000 + "]"}]
        ),
        LimitExceededError,
        "max_cell_chars",
    ),
    Memory(
        "ledger-rows-100-MB-name-cut",
        lambda: ledger_from_rows(
            [{**dict(zip(LEDGER_HEAD, LEDGER_ROW, strict=True)), "applicant_kind": _HUNDRED_MB}]
        ),
        InvalidRecordsError,
        "(100000000 characters)",
    ),
    Memory(
        "report-html-100-MB-page",
        lambda: parse_report_html(_HUNDRED_MB),
        LimitExceededError,
        "the page has 100000000 characters; the limit max_file_bytes",
    ),
]


@pytest.mark.parametrize("case", MEMORY, ids=[c.id for c in MEMORY])
def test_in_memory_reader(case: Memory) -> None:
    with pytest.raises(case.error) as info:
        case.call()
    assert case.message in str(info.value)
    assert len(str(info.value)) < 2_000


def test_huge_file_refused_before_reading(tmp_path: Path) -> None:
    """A file over max_file_bytes is refused from its size: nothing is read."""
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_LIMITS.max_file_bytes + 1)  # sparse: no bytes written
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        read_ledger(path)
