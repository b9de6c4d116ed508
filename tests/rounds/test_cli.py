"""``zwgk rounds``: the bulletin, JSON, and the DOCX/XLSX files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zwgk._cli import main

SITES = str(Path(__file__).parent / "golden" / "sites.csv")


def test_bulletin_with_decisions(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "rounds",
                "demonstration-site-standards",
                SITES,
                "--designations",
                "demonstration-sites",
                "--lang",
                "zh",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("# 2026年政务公开考核结果通报\n")
    assert "| 1 | 丙 | 6 | — | 无及格线 | +1 |" in out
    assert "- 丙：推荐。规则 recommend-province" in out


def test_json_and_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("docx")
    pytest.importorskip("openpyxl")
    args = ["rounds", "demonstration-site-standards", SITES, "--period", "2025", "--json", "--lang", "zh"]
    assert main([*args, "--output", str(tmp_path / "b.docx"), "--output", str(tmp_path / "r.xlsx")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0] == {
        "period": "2024", "rank": 1, "unit": "丁", "total": "6", "maximum": "6",
        "grade": None, "verdict": "无及格线", "change": "—",
    }  # fmt: skip
    assert data["decisions"] == []
    assert (tmp_path / "b.docx").stat().st_size > 0
    assert (tmp_path / "r.xlsx").stat().st_size > 0


def test_unknown_period(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rounds", "demonstration-site-standards", SITES, "--period", "2030"]) == 2
    assert "unknown period '2030'" in capsys.readouterr().err
