"""``zwgk report …`` and ``zwgk fees …`` through ``zwgk._cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zwgk._cli import main

HERE = Path(__file__).parent


def test_report_build_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "build", str(HERE / "golden" / "ledger_2025.csv"), "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "| 一、本年新收政府信息公开申请数量 | 3 | 1 | 1 | 1 | 1 | 1 | 8 |" in out


def test_report_build_to_file_and_check_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = str(HERE / "golden" / "ledger_2020.csv")
    for form, name in (("json", "r.json"), ("html", "r.html")):
        target = tmp_path / name
        assert main(["report", "build", ledger, "--year", "2020", "--as", form, "--output", str(target)]) == 0
        assert "format 2019-trial" in capsys.readouterr().out
        assert main(["report", "check", str(target)]) == 0
        assert ": ok" in capsys.readouterr().out


def test_report_check_findings(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(HERE / "fixtures" / "report_2021.html"), str(HERE / "fixtures" / "report_trial.html")]
    assert main(["report", "check", *files, "--show-blanks"]) == 1
    out = capsys.readouterr().out
    assert "4 finding(s)" in out  # identities 1 and 3, sections 二 and 六 missing
    assert "likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2" in out
    assert "127 blank cell(s): a blank part counts as none" in out
    assert "· 表三" in out
    assert main(["report", "check", *files, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["status"] for d in data["files"]] == ["findings", "findings"]
    # the fixtures' misprints, as written into them: 表三 总计 column off by one (identities 1
    # and 3), 表四 行政复议 总计 0 where its parts add up to 1 (identity 4)
    assert [(d["file"], d["check"]) for d in data["findings"] if d["check"] != "section_missing"] == [
        (files[0], "identity_1"),
        (files[0], "identity_3"),
        (files[1], "identity_4"),
    ]
    assert "off by -1" in next(d["message"] for d in data["findings"] if d["check"] == "identity_4")


def test_report_check_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body>2013年度政府信息公开工作年度报告</body></html>", "utf-8")
    assert main(["report", "check", str(page)]) == 2
    assert "no table 3" in capsys.readouterr().err
    assert main(["report", "build", str(tmp_path / "missing.ods"), "--year", "2025"]) == 2


def test_report_shares(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "shares", "--total", "1218", "931:76.44", "126:10.34", "161:12.22"]) == 1
    out = capsys.readouterr().out
    assert "161/1218 = 13.2184% → 13.22% at 2 decimals, reported 12.22%" in out
    assert main(["report", "shares", "--total", "1218", "931:76.44", "126:10.34", "161:13.22", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["report", "shares", "--total", "3", "1:33.33", "2:66.67"]) == 0
    assert "all percentages match" in capsys.readouterr().out
    assert main(["report", "shares", "--total", "3", "1-33"]) == 2
    assert main(["report", "shares", "--total", "3", "x:33"]) == 2


def test_fees_per_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fees", "per-request", "--count", "12"]) == 0
    assert "total ¥200 for 12 requests" in capsys.readouterr().out
    assert main(["fees", "per-request", "--count", "3", "--already", "29", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["fee"] for f in data["fees"]] == ["100", "200", "200"]
    assert data["total"] == "500"
    assert main(["fees", "per-request", "--count", "-1"]) == 2
    assert main(["fees", "per-request", "--count", "1", "--already", "-1"]) == 2


def test_fees_per_request_from_ledger(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ledger = tmp_path / "l.csv"
    lines = ["id,applicant,applicant_kind,received"]
    lines += [f"{i},甲,自然人,2025-03-{1 + i % 28:02d}" for i in range(12)]
    ledger.write_text("\n".join(lines) + "\n", "utf-8")
    args = ["fees", "per-request", "--ledger", str(ledger), "--applicant", "甲", "--month", "2025-03"]
    assert main(args) == 0
    assert "total ¥200 for 12 requests" in capsys.readouterr().out
    assert main(["fees", "per-request", "--ledger", str(ledger)]) == 2
    assert main([*args[:-1], "March"]) == 2


def test_fees_per_volume(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fees", "per-volume", "--pages", "250", "30"]) == 0
    out = capsys.readouterr().out
    assert "250 pages: 1–30: 30 × ¥0 = ¥0; 31–100: 70 × ¥10 = ¥700" in out
    assert "→ ¥4700" in out
    assert main(["fees", "per-volume", "--pages", "101", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["total"] == "720"
    assert main(["fees", "per-volume", "--pages", "-5"]) == 2
