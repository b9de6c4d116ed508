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
    assert main(["score", "kaifu-2013-streets", str(path), "--unit", "东风路街道", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "总分 96.5 / 100" in out
    assert "东风路街道" in out


def test_score_json_keeps_decimals_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "evidence.json"
    data = golden("kaifu-2013-windows")
    evidence = case_evidence(data, data["cases"][0])
    text = json.dumps(evidence).replace('"attendance_deduction": 0', '"attendance_deduction": 3.5')
    path.write_text(text, encoding="utf-8")
    assert main(["score", "kaifu-2013-windows", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "76.5"


def test_score_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "perfect")
    assert main(["score", "kaifu-2013-streets", str(path), "--as", "md", "--lang", "zh"]) == 0
    assert "| 序号 | 考核内容 | 分值 | 得分 | 扣分/加分 |" in capsys.readouterr().out


def test_score_from_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "perfect")
    monkeypatch.setattr("sys.stdin", io.StringIO(path.read_text(encoding="utf-8")))
    assert main(["score", "kaifu-2013-streets", "-", "--lang", "zh"]) == 0
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
    assert main(["score", "kaifu-2013-windows", str(path), "--lenient", "--lang", "zh"]) == 0
    assert "缺少证据" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"), [("{", "valid JSON"), ("[]", "JSON object"), (None, "no such file")]
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
        "demonstration-site-standards",
        "gov-new-media-inspection-2019",
        "gov-website-inspection-2019",
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


# --------------------------------------------------------------------------- combinations


_WITH_WINDOW = "kaifu-2013-department-with-window"


def _combination_evidence(tmp_path: Path, departments: str, windows: str | None) -> Path:
    """Evidence for a combination: each part's card name → that card's evidence (golden cases)."""
    evidence: dict[str, object] = {}
    for card, case_name in (("kaifu-2013-departments", departments), ("kaifu-2013-windows", windows)):
        if case_name is not None:
            data = golden(card)
            evidence[card] = case_evidence(data, next(c for c in data["cases"] if c["name"] == case_name))
    path = tmp_path / "combined.json"
    path.write_text(json.dumps(evidence, ensure_ascii=False), encoding="utf-8")
    return path


def test_score_combination_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Golden combination case 区市场监管局: 表一 94 × 0.6 + 表二 98.5 × 0.4 = 56.4 + 39.4 = 95.8
    path = _combination_evidence(tmp_path, "complaints-handled-praised-only", "bonus-innovation-praise")
    assert main(["score", _WITH_WINDOW, str(path), "--unit", "区市场监管局", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("区市场监管局 — 开福区区直部门（在区政务服务中心设置窗口）")
    assert "加权总分 95.8 = 94×0.6 + 98.5×0.4" in out
    assert "= 56.4（无及格线）" in out
    assert "= 39.4（无及格线）" in out
    assert "== kaifu-2013-departments（权重 0.6，计 56.4 分）" in out
    assert "== kaifu-2013-windows（权重 0.4，计 39.4 分）" in out
    assert "总分 94 / 100" in out  # each part's own report follows
    assert "总分 98.5 / 80（其中加分 18.5）" in out  # 表二: base 80 + bonus 18.5


def test_score_combination_json_and_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Golden case 区人社局: 82 × 0.6 + 61.5 × 0.4 = 49.2 + 24.6 = 73.8
    path = _combination_evidence(tmp_path, "organisation-lapses", "attendance-and-leadership")
    assert main(["score", _WITH_WINDOW, str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "73.8"
    assert [(p["weight"], p["contribution"]) for p in data["parts"]] == [("0.6", "49.2"), ("0.4", "24.6")]
    assert [p["result"]["total"] for p in data["parts"]] == ["82", "61.5"]
    assert main(["score", _WITH_WINDOW, str(path), "--as", "md", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "| 考核表 | 得分 | 权重 | 折算得分 | 结论 |" in out
    assert "| 合计 | | | 73.8 | |" in out
    assert out.count("| 序号 | 考核内容 | 分值 | 得分 | 扣分/加分 |") == 2


def test_score_combination_without_window(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _combination_evidence(tmp_path, "stale-updates-partial-powers-no-online", None)
    assert main(["score", "kaifu-2013-department-without-window", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == "83"


def test_failing_combination_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The 2013 seed cards have no veto and no pass mark, so make one part fail.
    import attrs

    import zwgk.scoring

    real = zwgk.scoring.score

    def failing_windows(card: zwgk.scoring.Card, evidence: dict[str, object], **kw: object) -> object:
        result = real(card, evidence, **kw)  # type: ignore[arg-type]
        return attrs.evolve(result, passed=False) if card.name == "kaifu-2013-windows" else result

    monkeypatch.setattr(zwgk.scoring, "score", failing_windows)
    path = _combination_evidence(tmp_path, "organisation-lapses", "attendance-and-leadership")
    assert main(["score", _WITH_WINDOW, str(path), "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "结论 未通过" in out
    assert "= 24.6（未通过）" in out


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        ({"kaifu-2013-departments": {}}, "no evidence for kaifu-2013-windows"),
        (
            {"kaifu-2013-departments": {}, "kaifu-2013-windows": {}, "kaifu-2013-streets": {}},
            "keys kaifu-2013-streets are not cards of it",
        ),
        ({"kaifu-2013-departments": [], "kaifu-2013-windows": {}}, "EVIDENCE['kaifu-2013-departments']"),
        ({"kaifu-2013-departments": {}, "kaifu-2013-windows": {}}, "missing evidence"),
    ],
)
def test_bad_combination_evidence_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], evidence: dict[str, object], message: str
) -> None:
    path = tmp_path / "ev.json"
    path.write_text(json.dumps(evidence), encoding="utf-8")
    assert main(["score", _WITH_WINDOW, str(path)]) == 2
    assert message in capsys.readouterr().err


def test_combination_template_has_the_evidence_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card-template", _WITH_WINDOW]) == 0
    template = json.loads(capsys.readouterr().out)
    assert list(template) == ["kaifu-2013-departments", "kaifu-2013-windows"]
    for card in template:
        assert main(["card-template", card]) == 0
        assert template[card] == json.loads(capsys.readouterr().out)  # every key of the card, null
        assert all(v is None for v in template[card].values())


def test_combination_template_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card-template", _WITH_WINDOW, "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["kaifu-2013-departments", "kaifu-2013-windows"]
    assert schema["additionalProperties"] is False
    assert "staff_not_assigned" in schema["properties"]["kaifu-2013-windows"]["properties"]


def test_scoring_the_filled_template_of_a_combination_lists_every_missing_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["card-template", _WITH_WINDOW]) == 0
    path = tmp_path / "template.json"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["score", _WITH_WINDOW, str(path)]) == 2
    assert "missing evidence" in capsys.readouterr().err


def test_cards_lists_cards_and_combinations_under_headings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cards"]) == 0
    out = capsys.readouterr().out
    cards_at, combinations_at = out.index("Cards:"), out.index("Combinations")
    assert cards_at < out.index("kaifu-2013-streets") < combinations_at
    assert combinations_at < out.index(_WITH_WINDOW)
    assert out.index("kaifu-2013-department-without-window") > combinations_at
