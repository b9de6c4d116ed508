"""``zwgk catalog`` commands, run through zwgk._cli.main."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zwgk._cli import main
from zwgk.catalog import check_catalog, read_catalog
from zwgk.catalog.io import sample_catalog_path, sample_publication_log_path

# The reviewer's log: an impossible date, an unknown item, published before formed, and a
# date before the calendar (one problem each, all reported in one error).
BAD_LOG = """事项,形成日期,公开日期
1,2026-02-30,2026-03-05
999,2026-01-05,2026-01-10
1,2026-03-10,2026-03-01
1,1999-01-01,2026-01-10
"""


def test_check_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(sample_catalog_path())]) == 1
    out = capsys.readouterr().out
    assert "示例县就业和社会保障领域基层政务公开标准目录: 32 items" in out
    assert "row 34 (社会保障卡 / 社会保障卡申领): no legal basis" in out
    assert "7 defects" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(sample_catalog_path()), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == check_catalog(read_catalog(sample_catalog_path())).to_dict()  # --json is to_dict()
    assert data["items_checked"] == 32
    assert not data["ok"]
    assert [f["code"] for f in data["findings"]][:2] == ["SERVICE_GUIDE_INCOMPLETE", "BASES_NOT_ORDERED"]


def test_check_clean_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("序号,一级事项,公开依据,公开时限,公开主体,公开渠道和载体,公开方式\n"
                    "1,事项,《就业促进法》,实时公开,人社局,政府网站,主动\n", encoding="utf-8")  # fmt: skip
    assert main(["catalog", "check", str(path)]) == 0
    assert "no defects found" in capsys.readouterr().out


def test_check_xlsx_sheet_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from zwgk.catalog import sample_catalog
    from zwgk.catalog.io import write_catalog_xlsx

    pytest.importorskip("openpyxl")
    path = write_catalog_xlsx(sample_catalog(), tmp_path / "s.xlsx")
    assert main(["catalog", "check", str(path), "--sheet", "0"]) == 1
    assert main(["catalog", "check", str(path), "--sheet", "公开目录"]) == 1
    assert main(["catalog", "check", str(path), "--sheet", "无"]) == 2
    assert "unknown sheet" in capsys.readouterr().err


def test_check_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(tmp_path / "missing.csv")]) == 2
    assert "an existing file" in capsys.readouterr().err
    bad = tmp_path / "bad.csv"
    bad.write_text("序号,一级事项,公开方式\n1,事项,随便\n", encoding="utf-8")
    assert main(["catalog", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "row 2, column C" in err


def test_check_corrupt_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("openpyxl")
    fake = tmp_path / "fake.xlsx"  # the reviewer's reproducer: a CSV renamed .xlsx
    fake.write_text("序号,公开事项,,公开内容（要素）\n1,就业政策,政策文件,文件\n", encoding="utf-8")
    assert main(["catalog", "check", str(fake)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zwgk: error: invalid data file fake.xlsx")
    assert "expected an .xlsx workbook (Office Open XML)" in err
    assert "Traceback" not in err


def test_check_extra_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("序号,一级事项,公开方式\n1,事项,主动,extra\n", encoding="utf-8")
    assert main(["catalog", "check", str(path)]) == 2
    assert "row 2, column D: cell beyond the last header column; field 'column 4'; got 'extra'" in (
        capsys.readouterr().err
    )


def test_compliance_lists_every_problem_of_the_log_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "badlog.csv"
    log.write_text(BAD_LOG, encoding="utf-8")
    assert main(["catalog", "compliance", str(sample_catalog_path()), str(log), "--as-of", "2026-04-01"]) == 2
    err = capsys.readouterr().err
    assert "invalid records in badlog.csv (4 problems):" in err
    for expected in [
        "row 2, column B: not a date; field 'formed_on'; got '2026-02-30'",
        "row 3, column A: no such catalog item; field 'item'; got '999'",
        "row 4, column C: published before it was formed; field 'published_on'; got '2026-03-01'",
        "row 5, column B: date outside the calendar; field 'formed_on'; got '1999-01-01'",
    ]:
        assert expected in err


def test_compliance(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["catalog", "compliance", str(sample_catalog_path()), str(sample_publication_log_path())]
    assert main([*args, "--as-of", "2026-10-30"]) == 1
    out = capsys.readouterr().out
    assert "on time 7, late 2, overdue 1, pending 0; on-time rate 70.00%" in out
    assert "due 2026-05-12" in out
    assert "(2 working days late)" in out
    assert "exceeds the limit of 20" in out
    assert main([*args, "--as-of", "2026-10-30", "--json", "--max-gap", "0"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["on_time_rate"] == "0.7000"
    assert data["max_gap"] is None


def test_compliance_all_on_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "log.csv"
    log.write_text("事项,形成日期,公开日期\n1,2026-03-02,2026-03-10\n", encoding="utf-8")
    assert main(["catalog", "compliance", str(sample_catalog_path()), str(log), "--as-of", "2026-03-11"]) == 0
    assert "on-time rate 100.00%" in capsys.readouterr().out


def test_compliance_bad_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = tmp_path / "log.csv"
    log.write_text("事项,形成日期,公开日期\n999,2026-03-02,2026-03-10\n", encoding="utf-8")
    assert main(["catalog", "compliance", str(sample_catalog_path()), str(log), "--as-of", "2026-03-11"]) == 2
    assert "no such catalog item" in capsys.readouterr().err
    assert main(["catalog", "compliance", str(sample_catalog_path()), str(tmp_path / "none.csv")]) == 2


def test_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "sample"]) == 0
    assert capsys.readouterr().out.strip() == str(sample_catalog_path())
    assert main(["catalog", "sample", "--content"]) == 0
    assert capsys.readouterr().out.startswith("示例县就业和社会保障领域基层政务公开标准目录")
    assert main(["catalog", "sample", "--log", "--content"]) == 0
    assert capsys.readouterr().out.startswith("事项,形成日期,公开日期")
