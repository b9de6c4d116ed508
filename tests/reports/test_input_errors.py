"""Bad input files and values at the boundary: every one is a zwgk error, every problem listed at once.

Review 47: missing / corrupt files, report-check keeping going, ledger duplicates and blank
rows, strict report JSON cells, strict published-cell parsing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk._cli import main
from zwgk.errors import DataFileError, InvalidRecordsError, LimitExceededError, MissingFileError
from zwgk.reports import load_report, render_html
from zwgk.reports.io import (
    ReportDocument,
    ReportParseError,
    parse_cell,
    parse_report_html,
    report_from_json,
    report_to_json,
)
from zwgk.requests import read_ledger
from zwgk.requests.io import ledger_from_rows

HERE = Path(__file__).parent
FIXTURE_2021 = HERE / "fixtures" / "report_2021.html"
LEDGER_2025 = HERE / "golden" / "ledger_2025.csv"

# ---------------------------------------------------------------- 1. missing / unreadable files


@pytest.mark.parametrize("name", ["nope.csv", "nope.json", "nope.xlsx"])
def test_read_ledger_missing_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with pytest.raises(MissingFileError) as info:  # also a FileNotFoundError
        read_ledger(path)
    assert info.value.path == str(path)
    assert isinstance(info.value, FileNotFoundError)
    assert "no such file" in str(info.value)


def test_read_ledger_directory(tmp_path: Path) -> None:
    folder = tmp_path / "dir.csv"
    folder.mkdir()
    with pytest.raises(MissingFileError, match="not a regular file"):
        read_ledger(folder)


def test_read_ledger_corrupt_xlsx(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("序号,公开事项\n1,x\n", "utf-8")  # a CSV saved under an .xlsx name
    with pytest.raises(DataFileError) as info:
        read_ledger(fake)
    (problem,) = info.value.problems
    assert problem.location == str(fake)
    assert problem.message == "not a readable workbook"
    assert problem.expected == "an .xlsx workbook (Office Open XML)"


def test_read_ledger_gb18030_csv(tmp_path: Path) -> None:
    # What Excel on a Chinese Windows writes; read as catalogs are (UTF-8, then GB18030).
    path = tmp_path / "gbk.csv"
    path.write_bytes("id,applicant,applicant_kind,received\n1,张三,自然人,2025-03-01\n".encode("gb18030"))
    (request,) = read_ledger(path).requests
    assert request.applicant == "张三"


def test_read_ledger_neither_utf8_nor_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,applicant\n\xff\xfe\xff,a\n")
    with pytest.raises(DataFileError, match="not UTF-8 or GB18030 text"):
        read_ledger(path)


def test_read_ledger_huge_csv_cell(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text('id,applicant\n"' + "x" * 200_000 + '",a\n', "utf-8")  # beyond csv's field limit
    # A limit error naming the cell, not csv's "field larger than field limit" (issue 11).
    with pytest.raises(
        LimitExceededError, match="row 2, column A has 200000 characters; the limit max_cell_chars"
    ):
        read_ledger(path)


@pytest.mark.parametrize("name", ["nope.html", "nope.htm", "nope.json"])
def test_load_report_missing_file(tmp_path: Path, name: str) -> None:
    with pytest.raises(MissingFileError, match=re.escape(str(tmp_path / name))):
        load_report(tmp_path / name)


def test_load_report_json_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b'{"format": "\xff\xfe"}')
    with pytest.raises(DataFileError, match="not UTF-8"):
        load_report(path)


def test_cli_missing_and_corrupt_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nope = str(tmp_path / "nope")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    commands = [
        ["report", "check", f"{nope}.html"],
        ["report", "build", f"{nope}.csv", "--year", "2025"],
        ["report", "build", str(fake), "--year", "2025"],
        ["fees", "per-request", "--ledger", f"{nope}.csv", "--applicant", "a", "--month", "2025-01"],
    ]
    for command in commands:
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert err.startswith("zwgk: error: "), err
        assert "Traceback" not in err
    assert main(["report", "build", f"{nope}.csv", "--year", "2025"]) == 2
    assert f"{nope}.csv" in capsys.readouterr().err


# ---------------------------------------------------------------- 2. `report check` keeps going


def _valid_page(tmp_path: Path) -> Path:
    page = tmp_path / "valid.html"
    assert (
        main(["report", "build", str(LEDGER_2025), "--year", "2025", "--as", "html", "--output", str(page)])
        == 0
    )
    return page


def test_check_keeps_going_after_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("", "utf-8")
    valid = _valid_page(tmp_path)
    capsys.readouterr()
    assert main(["report", "check", str(empty), str(valid)]) == 2
    captured = capsys.readouterr()
    assert f"zwgk: error: {empty}: cannot be read" in captured.err
    assert f"{valid}: " in captured.out
    assert ": ok" in captured.out  # the readable file after the bad one was still checked
    assert "checked 2 file(s): 1 ok, 0 with findings, 1 unreadable" in captured.out
    # the worst code wins: 2 even when another file breaks an identity
    assert main(["report", "check", str(FIXTURE_2021), str(empty), str(tmp_path / "gone.html")]) == 2
    captured = capsys.readouterr()
    assert "4 finding(s)" in captured.out
    assert captured.err.count("zwgk: error: ") == 2
    # without unreadable files: 1 if any report breaks an identity, else 0
    assert main(["report", "check", str(valid), str(FIXTURE_2021)]) == 1
    assert main(["report", "check", str(valid)]) == 0


def test_check_json_lists_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("", "utf-8")
    valid = _valid_page(tmp_path)
    capsys.readouterr()
    assert main(["report", "check", str(empty), str(valid), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    by_file = {d["file"]: d for d in data["files"]}
    assert by_file[str(valid)]["status"] == "ok"
    assert by_file[str(empty)]["status"] == "unreadable"
    assert "an empty file" in by_file[str(empty)]["error"]
    assert [(f["file"], f["check"]) for f in data["findings"]] == [(str(empty), "unreadable")]


# ---------------------------------------------------------------- 3. every ledger problem at once

REVIEW_LEDGER = (
    "id,申请人,申请人类型,收到日期,申请方式,办理结果,办结日期\n"
    "A1,张三,自然人,2025-11-20,当面,予以公开,2025-12-10\n"
    "A2,张三,外星人,2025-12-20,网上,部分公开,2026-01-15\n"
    "A3,李四,商业企业,2025-13-01,网上,部分公开,\n"
    "A4,王五,自然人,2025-03-01,网上,不予公开9,2025-03-05\n"
    "A5,王五,自然人,2025-03-01,网上,予以公开,2025-02-01\n"
    "A1,张三,自然人,2025-11-20,当面,予以公开,2025-12-10\n"
    ",,,,,,\n"
)


def test_duplicates_reported_with_the_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(REVIEW_LEDGER, "utf-8")
    with pytest.raises(InvalidRecordsError) as info:
        read_ledger(path)
    where = [(p.location, p.field) for p in info.value.problems]
    assert where == [
        ("row 3", "applicant_kind"),
        ("row 4", "received"),
        ("row 5", "outcome"),
        ("row 6", "closed"),
        ("row 7", "id"),  # the duplicate of A1 (row 2), in the same error
    ]  # the blank row 8 is skipped, not four "Field required"
    duplicate = info.value.problems[-1]
    assert duplicate.message == "duplicate id (also row 2)"
    assert duplicate.value == "A1"
    assert all(not p.message.startswith("Value error") for p in info.value.problems)


def test_blank_rows_keep_the_numbering(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text(
        "id,applicant,applicant_kind,received\n1,a,自然人,2025-03-01\n\n,,,\n4,b,火星人,2025-03-01\n", "utf-8"
    )
    with pytest.raises(InvalidRecordsError) as info:
        read_ledger(path)
    assert [p.location for p in info.value.problems] == ["row 5"]  # spreadsheet row of the bad line


def test_blank_rows_keep_the_numbering_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["id", "applicant", "applicant_kind", "received"])
    ws.append(["1", "a", "自然人", "2025-03-01"])
    ws.append([None, None, None, None])
    ws.append(["1", "b", "火星人", "2025-03-01"])
    book.save(tmp_path / "l.xlsx")
    with pytest.raises(InvalidRecordsError) as info:
        read_ledger(tmp_path / "l.xlsx")
    assert [(p.location, p.field) for p in info.value.problems] == [
        ("row 4", "id"),
        ("row 4", "applicant_kind"),
    ]


def test_missing_fields_extra_cells_and_unheaded_values() -> None:
    rows: list[dict[str | None, object]] = [
        {"id": "1", "applicant": "", "applicant_kind": "自然人", "received": "2025-03-01"},
        {"id": "2", "applicant": "b", "applicant_kind": "自然人", "received": "2025-03-01", None: ["x"]},
        {"id": "3", "applicant": "c", "applicant_kind": "自然人", "received": "2025-03-01", "": "y"},
        {"id": "4", "applicant": "d", "applicant_kind": "自然人", "received": "2025-03-01", "": ""},
    ]
    with pytest.raises(InvalidRecordsError) as info:
        ledger_from_rows(rows)
    problems = info.value.problems
    assert [(p.location, p.field, p.value) for p in problems] == [
        ("row 2", "applicant", None),
        ("row 3", "cells", ["x"]),
        ("row 4", "column", "y"),
    ]
    assert problems[0].message == "required field is blank or missing"


def test_json_unknown_key_located_at_its_row() -> None:
    rows = [
        {"id": "1", "applicant": "a", "applicant_kind": "自然人", "received": "2025-03-01"},
        {"id": "2", "applicant": "b", "applicant_kind": "自然人", "received": "2025-03-01", "note": "x"},
    ]
    with pytest.raises(InvalidRecordsError) as info:
        ledger_from_rows(rows, first_row=1)
    assert [(p.location, p.field, p.value) for p in info.value.problems] == [("row 2", "column", "note")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "3", "4"]), min_size=1, max_size=8))
def test_every_duplicate_is_reported_at_its_row(ids: list[str]) -> None:
    rows = [{"id": i, "applicant": "a", "applicant_kind": "自然人", "received": "2025-03-01"} for i in ids]
    first: dict[str, int] = {}
    expected = []
    for number, i in enumerate(ids, start=2):
        if i in first:
            expected.append((f"row {number}", f"duplicate id (also row {first[i]})"))
        first.setdefault(i, number)
    if not expected:
        assert len(ledger_from_rows(rows)) == len(ids)
        return
    with pytest.raises(InvalidRecordsError) as info:
        ledger_from_rows(rows)
    assert [(p.location, p.message) for p in info.value.problems] == expected


# ---------------------------------------------------------------- 4. strict report JSON cells


def _report_json() -> dict[str, object]:
    report = load_report(FIXTURE_2021)
    data: dict[str, object] = json.loads(report_to_json(report))
    return data


def test_report_json_refuses_booleans_and_text() -> None:
    data = _report_json()
    table3 = data["table3"]
    assert isinstance(table3, dict)
    table3["new"]["natural_person"] = True
    table3["carried_over"]["total"] = "3"
    table3["total"]["business"] = 2.0
    table4 = data["table4"]
    assert isinstance(table4, dict)
    table4["review.upheld"] = False
    data["table2"] = {"regulations.issued": "2", "licensing.decisions": 1.5, "fees.amount": True}
    with pytest.raises(InvalidRecordsError) as info:
        report_from_json(json.dumps(data), source="r.json")
    assert info.value.source == "r.json"
    found = {p.location: p for p in info.value.problems}
    assert set(found) == {
        "table3.new.natural_person",
        "table3.carried_over.total",
        "table3.total.business",
        "table4.review.upheld",
        "table2.fees.amount",
        "table2.regulations.issued",
        "table2.licensing.decisions",
    }
    assert found["table3.new.natural_person"].message == "the boolean true is not a count"
    assert found["table3.new.natural_person"].value is True
    assert found["table3.carried_over.total"].message == "the text '3' is not a count"
    assert "JSON integer" in str(found["table3.total.business"].expected)
    assert "万元" in str(found["table2.fees.amount"].expected)


def test_report_json_money_cells_take_decimals() -> None:
    from decimal import Decimal

    data = _report_json()
    data["table2"] = {"fees.amount": "1.5", "regulations.issued": 2}
    report = report_from_json(json.dumps(data))
    assert report.table2 is not None
    assert report.table2.raw("fees.amount") == Decimal("1.5")
    data["table2"] = {"fees.amount": 0.25}
    report = report_from_json(json.dumps(data))
    assert report.table2 is not None
    assert report.table2.raw("fees.amount") == Decimal("0.25")
    data["table2"] = {"fees.amount": "1.5万"}
    with pytest.raises(InvalidRecordsError, match=r"table2\.fees\.amount"):
        report_from_json(json.dumps(data))


def test_report_document_count_cells_of_table2() -> None:
    from decimal import Decimal

    data = _report_json()
    data["table2"] = {"regulations.issued": Decimal("2.5")}
    document = ReportDocument.model_validate(data)
    with pytest.raises(InvalidRecordsError, match=r"table2\.regulations\.issued"):
        document.to_report()


def test_report_json_negative_counts_reach_the_check() -> None:
    from zwgk.reports import check_report

    data = _report_json()
    table3 = data["table3"]
    assert isinstance(table3, dict)
    table3["withheld_1"]["natural_person"] = -1
    result = check_report(report_from_json(json.dumps(data)))
    assert 5 in {f.identity for f in result.violations}


def test_cli_check_strict_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _report_json()
    table3 = data["table3"]
    assert isinstance(table3, dict)
    table3["new"]["natural_person"] = True
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert main(["report", "check", str(path)]) == 2
    assert "table3.new.natural_person: the boolean true is not a count" in capsys.readouterr().err


# ---------------------------------------------------------------- 5. published cells: no guessing


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("123", 123),
        ("１２３", 123),
        (" 1,234 ", 1234),
        ("1，234", 1234),
        ("１，２３４", 1234),
        ("12,345,678", 12345678),
        ("0", 0),
        ("-3", -3),
        ("", None),
        ("-", None),
        ("—", None),
        ("——", None),
        ("/", None),
        ("无", None),
        ("\xa0", None),
    ],
)
def test_parse_cell_accepts(text: str, value: int | None) -> None:
    assert parse_cell(text) == value


@pytest.mark.parametrize(
    "text",
    ["1 234", "1\u3000234", "12,34", "1,2345", ",123", "123,", "1,,234", "1.0", "1.5", "+3", "十二", "3件"],
)
def test_parse_cell_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not a whole number"):
        parse_cell(text)


@given(st.integers(0, 10**9))
def test_parse_cell_thousands_round_trip(n: int) -> None:
    assert parse_cell(f"{n:,}") == n
    assert parse_cell(f"{n:,}".replace(",", "，")) == n
    assert parse_cell(str(n)) == n


def test_spaced_number_is_a_located_problem() -> None:
    html = render_html(load_report(FIXTURE_2021)).replace(">16<", ">1 6<", 1)
    assert ">1 6<" in html
    with pytest.raises(ReportParseError) as info:
        parse_report_html(html)
    (problem,) = info.value.problems
    assert problem.location.startswith("table 3 row ")
    assert problem.value == "1 6"
