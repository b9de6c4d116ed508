"""Every result's ``to_dict()`` is JSON-ready, and each command's ``--json`` is exactly it (issue 13).

Each CLI test runs the command and the library call on the same input and compares
``json.loads(stdout)`` with ``to_dict()``; the expected figures of the hand-made values come
from the values themselves as written here (counts, shares), not from the code.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from tests.audit.helpers import FIXTURES, report, write_json
from tests.support import assert_json_ready

from zwgk._cli import main
from zwgk._json_out import json_value
from zwgk.audit import AuditFinding, AuditTable, audit_paths
from zwgk.catalog import check_catalog, check_compliance, read_catalog, read_publication_log
from zwgk.catalog.io import sample_catalog_path, sample_publication_log_path
from zwgk.reports import CellRef, ReportCheck, check_report, check_shares
from zwgk.reports.io import load_report as read_report
from zwgk.reports.narrative import NarrativeFinding, check_narrative
from zwgk.scoring import ScoreResult, load_card, score


def test_json_value_rules() -> None:
    assert json_value(dt.date(2026, 1, 5)) == "2026-01-05"
    assert json_value(Decimal("12.50")) == "12.50"  # a decimal stays exact, as a string
    assert json_value((1, {"a": (dt.date(2026, 1, 5),)})) == [1, {"a": ["2026-01-05"]}]
    assert json_value(Path("x/y.json")) == "x/y.json"


# --- scoring ---------------------------------------------------------------------------------


def test_score_json_is_to_dict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evidence = tmp_path / "evidence.json"
    evidence.write_text("{}", encoding="utf-8")
    main(["score", "kaifu-2013-windows", str(evidence), "--lenient", "--json"])
    printed = json.loads(capsys.readouterr().out)
    result = score(load_card("kaifu-2013-windows"), {}, lenient=True)
    assert printed == result.to_dict()
    assert_json_ready(printed)
    assert printed["total"] == "0"
    assert printed["missing"]  # nothing given: every key is missing


# --- catalog ---------------------------------------------------------------------------------


def test_catalog_compliance_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    catalog, log = sample_catalog_path(), sample_publication_log_path()
    main(["catalog", "compliance", str(catalog), str(log), "--as-of", "2026-09-30", "--json"])
    printed = json.loads(capsys.readouterr().out)
    parsed = read_catalog(catalog)
    expected = check_compliance(parsed, read_publication_log(log, catalog=parsed), as_of=dt.date(2026, 9, 30))
    assert printed == expected.to_dict()
    assert printed["as_of"] == "2026-09-30"
    assert_json_ready(printed)


def test_catalog_finding_keeps_code_name_and_label() -> None:
    found = check_catalog(read_catalog(sample_catalog_path())).findings[0].to_dict()
    assert list(found) == ["code", "label", "location", "sequence", "item", "message"]
    assert found["code"].isupper()  # the FindingCode name; label is the Chinese one


# --- reports ---------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    root.mkdir()
    shutil.copy(FIXTURES / "report_2021.html", root / "司法局2023.html")
    write_json(root, "司法局2022.json", report("某市某区司法局", 2022, new=9, carried_forward=1))
    return root


def test_report_check_json_is_the_audit_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "check", str(folder), "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    table = audit_paths([folder])
    assert printed == table.to_dict()
    assert printed["findings"] == [f.to_dict() for f in table.findings]
    assert_json_ready(printed)


def test_report_check_to_dict(folder: Path) -> None:
    checked = check_report(read_report(folder / "司法局2023.html"))
    data = checked.to_dict()
    assert_json_ready(data)
    assert data["ok"] is False
    # the fixture's identity 1: 一 + 二 = 17 but （七）总计 + 四 = 18, off by 1
    first = data["violations"][0]
    assert first["check"] == "identity_1"
    assert first["cells"][0]["name"] == "表三 [（七）总计] × [总计]"
    assert first["off_by"] in (1, -1)
    assert data["culprits"] == [c.to_dict() for c in checked.culprits]
    narrative = [f.to_dict() for f in check_narrative(read_report(folder / "司法局2023.html"))]
    assert_json_ready(narrative)


def test_report_shares_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    # 161/1218 = 13.2184…% → 13.22%, reported 12.22%
    args = ["--total", "1218", "931:76.44", "126:10.34", "161:12.22"]
    assert main(["report", "shares", *args, "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    findings = check_shares([931, 126, 161], 1218, ["76.44", "10.34", "12.22"])
    assert printed == [f.to_dict() for f in findings]
    share = next(f for f in printed if f["kind"] == "share")
    assert (share["expected"], share["reported"], share["off_by"]) == ("13.22", "12.22", "-1.00")


def test_hand_made_findings_to_dict() -> None:
    cell = CellRef(3, "disclosed", "natural", "（一）予以公开", "自然人")
    narrative = NarrativeFinding("narrative_count", "三、收到和处理", "共收到申请12件", (cell,), 12, 13, "m")
    assert narrative.to_dict() == {
        "kind": "narrative_count",
        "section": "三、收到和处理",
        "quote": "共收到申请12件",
        "cells": [
            {
                "name": "表三 [（一）予以公开] × [自然人]",
                "table": 3,
                "row": "disclosed",
                "column": "natural",
                "row_label": "（一）予以公开",
                "column_label": "自然人",
            }
        ],
        "expected": 12,
        "reported": 13,
        "message": "m",
        "problem": True,
    }
    audit = AuditFinding("某局", 2023, "a.html", "identity_1", ("表三 [总计] × [总计]",), None, "m")
    assert audit.to_dict()["cells"] == ["表三 [总计] × [总计]"]
    assert list(audit.to_dict())[:4] == ["agency", "year", "file", "check"]


def test_results_as_pydantic_fields(folder: Path) -> None:
    from pydantic import BaseModel

    class Answer(BaseModel):
        score: ScoreResult
        check: ReportCheck
        audit: AuditTable

    result = score(load_card("kaifu-2013-windows"), {}, lenient=True)
    checked = check_report(read_report(folder / "司法局2023.html"))
    table = audit_paths([folder])
    dumped = json.loads(Answer(score=result, check=checked, audit=table).model_dump_json())
    assert dumped == {"score": result.to_dict(), "check": checked.to_dict(), "audit": table.to_dict()}
    assert Answer.model_json_schema(mode="serialization")["properties"]["score"]["title"] == "ScoreResult"
