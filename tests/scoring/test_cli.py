"""The ``zwgk score``, ``zwgk cards`` and ``zwgk card-template`` commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.scoring.helpers import WEBSITE_CARD, WEBSITE_CLEAN, case_evidence, golden

from zwgk._cli import main


def _write(tmp_path: Path, case_name: str, name: str = "kaifu-2013-streets") -> Path:
    data = golden(name)
    evidence = case_evidence(data, next(c for c in data["cases"] if c["name"] == case_name))
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(evidence, ensure_ascii=False), encoding="utf-8")
    return path


def test_score_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "half-point-windows-facilities")
    assert main(["score", "kaifu-2013-streets", str(path), "--unit", "东风路街道"]) == 0
    out = capsys.readouterr().out
    assert "总分 96.5 / 100" in out
    assert "东风路街道" in out


def test_score_json_keeps_decimals_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "evidence.json"
    data = golden("kaifu-2013-windows")
    evidence = case_evidence(data, data["cases"][0])
    text = json.dumps(evidence).replace('"attendance_deduction": 0', '"attendance_deduction": 3.5')
    path.write_text(text, encoding="utf-8")
    assert main(["score", "kaifu-2013-windows", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "76.5"


def test_score_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "perfect")
    assert main(["score", "kaifu-2013-streets", str(path), "--format", "markdown"]) == 0
    assert "| 序号 | 考核内容 | 分值 | 得分 | 扣分/加分 |" in capsys.readouterr().out


def test_score_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "perfect")
    monkeypatch.setattr("sys.stdin", io.StringIO(path.read_text(encoding="utf-8")))
    assert main(["score", "kaifu-2013-streets", "-"]) == 0
    assert "总分 100 / 100" in capsys.readouterr().out


def test_failing_unit_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = WEBSITE_CARD
    evidence = {**WEBSITE_CLEAN, "site_unreachable": True}
    path = tmp_path / "ev.json"
    path.write_text(json.dumps(evidence), encoding="utf-8")
    assert main(["score", str(card), str(path)]) == 1
    assert "否决" in capsys.readouterr().out


def test_missing_evidence_exits_2_listing_everything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ev.json"
    path.write_text("{}", encoding="utf-8")
    assert main(["score", "kaifu-2013-windows", str(path)]) == 2
    err = capsys.readouterr().err
    assert "28 problems" in err
    assert "staff_not_assigned" in err


def test_lenient(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ev.json"
    path.write_text("{}", encoding="utf-8")
    assert main(["score", "kaifu-2013-windows", str(path), "--lenient"]) == 0
    assert "缺少证据" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"), [("{", "valid JSON"), ("[]", "JSON object"), (None, "readable")]
)
def test_bad_evidence_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    path = tmp_path / "ev.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["score", "kaifu-2013-windows", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_unknown_card(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card-template", "nope"]) == 2
    assert "unknown card" in capsys.readouterr().err


def test_cards(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cards"]) == 0
    out = capsys.readouterr().out
    assert "kaifu-2013-departments" in out
    assert "表三" in out
    assert "kaifu-2013-departments × 0.6 + kaifu-2013-windows × 0.4" in out
    assert main(["cards", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in data["cards"]] == [
        "kaifu-2013-departments",
        "kaifu-2013-streets",
        "kaifu-2013-windows",
    ]
    assert data["combinations"][0]["parts"] == {"kaifu-2013-departments": "0.6", "kaifu-2013-windows": "0.4"}


def test_card_template_and_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card-template", "kaifu-2013-departments"]) == 0
    template = json.loads(capsys.readouterr().out)
    assert template["period_start"] is None
    assert template["contact_elements"] is None
    assert len(template) == 27
    assert main(["card-template", "kaifu-2013-departments", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["contact_elements"]["items"]["enum"][0] == "name"
