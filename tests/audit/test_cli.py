"""``zwgk report check PATH…``: folders, --jobs, --series, one findings table, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.audit.helpers import FIXTURES, report, write_json

from zwgk._cli import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "report_2021.html", root / "sub" / "司法局2023.html")
    write_json(root, "司法局2022.json", report("某市某区司法局", 2022, new=9, carried_forward=1))
    return root


def test_a_folder_in_one_table_out(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    # the folder's own files first, then each sub-folder's
    assert out.splitlines() == [
        f"{folder}/司法局2022.json: 某市某区司法局 2022 (format 2021): ok",
        "  165 blank cell(s): a blank part counts as none, a blank total is read from its parts",
        f"{folder}/sub/司法局2023.html: 某市某区司法局 2023 (format 2021): 4 finding(s)",
        (
            "  - identity_1: column 总计: 一 + 二 = 16 + 1 = 17, "
            "but （七）总计 + 四 = 15 + 3 = 18 (off by 1) [表三 [（七）总计] × [总计]]"
        ),
        # the page's 四 总计 is 3 where its columns add to 1 + 1 = 2 (read off the page by hand)
        "      likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2",
        (
            "  - identity_3: row 四、结转下年度继续办理: 总计 is 3 but 1 + 1 + 0 + 0 + 0 + 0 = 2 (off by 1) "
            "[表三 [四、结转下年度继续办理] × [总计]]"
        ),
        "      likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2",
        # the page has no heading for 二 and none for 六
        "  - section_missing: section 二、主动公开政府信息情况 (国办公开办函〔2021〕30号) not found in the report",  # noqa: E501
        "  - section_missing: section 六、其他需要报告的事项 (国办公开办函〔2021〕30号) not found in the report",  # noqa: E501
        "  127 blank cell(s): a blank part counts as none, a blank total is read from its parts",
        "checked 2 file(s): 1 ok, 1 with findings, 0 unreadable",
    ]


def test_jobs_give_the_same_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", str(folder), "--json"]) == 1
    one = capsys.readouterr().out
    assert main(["report", "check", str(folder), "--json", "--jobs", "2"]) == 1
    assert capsys.readouterr().out == one
    assert main(["report", "check", str(folder), "--json", "--jobs", "0"]) == 1
    assert capsys.readouterr().out == one
    assert main(["report", "check", str(folder), "--jobs", "-2"]) == 2
    assert "jobs" in capsys.readouterr().err


def test_series(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2022 carried 1 forward, as the 2023 page's 上年结转 says: the series passes
    assert main(["report", "check", str(folder), "--series"]) == 1
    assert "series checks: 0 finding(s), 0 note(s)" in capsys.readouterr().out
    write_json(folder, "司法局2022.json", report("某市某区司法局", 2022, new=9, carried_forward=4))
    assert main(["report", "check", str(folder), "--series", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    series = [f for f in data["findings"] if f["check"] == "series_carry_over"]
    assert [(f["cells"][0], f["other_year"]) for f in series] == [
        ("表三 [二、上年结转政府信息公开申请数量] × [自然人]", 2022),
        ("表三 [二、上年结转政府信息公开申请数量] × [总计]", 2022),
    ]


def test_a_jump_alone_does_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_json(tmp_path, "a.json", report("局", 2022, new=10))
    write_json(tmp_path, "b.json", report("局", 2023, new=100))
    assert main(["report", "check", str(tmp_path), "--series"]) == 0
    out = capsys.readouterr().out
    assert "series checks: 1 finding(s)" in out
    assert "series_jump" in out


def test_csv_and_xlsx_outputs(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "findings.csv"
    assert main(["report", "check", str(folder), "--as", "csv", "--output", str(target)]) == 1
    assert "wrote" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("agency,year,file,check,cells,culprit,message")
    assert text.count("\n") == 5  # header and four findings (two identities, two sections)
    assert main(["report", "check", str(folder), "--as", "csv", "--output", str(target)]) == 2  # exists
    assert main(["report", "check", str(folder), "--as", "csv"]) == 1
    assert capsys.readouterr().out.startswith("agency,year,file")
    openpyxl = pytest.importorskip("openpyxl")
    book = tmp_path / "findings.xlsx"
    assert main(["report", "check", str(folder), "--as", "xlsx", "--output", str(book)]) == 1
    ws = openpyxl.load_workbook(book)["findings"]
    checks = ["identity_1", "identity_3", "section_missing", "section_missing"]
    assert [c.value for c in ws["D"]][1:] == checks


def test_unreadable_wins(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    assert main(["report", "check", str(folder)]) == 2
    captured = capsys.readouterr()
    assert f"zwgk: error: {folder}/notes.txt: cannot be read" in captured.err
    assert "checked 3 file(s): 1 ok, 1 with findings, 1 unreadable" in captured.out
