"""combine, rank, what_if and the renderers (text, Markdown, JSON, pandas)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from tests.scoring.helpers import case_evidence, golden
from tests.support import hide_package

from zwgk.errors import EvidenceError, InvalidInputError, InvalidTypeError, MissingExtraError
from zwgk.scoring import (
    ScoreResult,
    apply_combination,
    combine,
    load_card,
    load_combination,
    rank,
    render_markdown,
    render_text,
    result_to_dict,
    results_to_frame,
    score,
    what_if,
)


def _evidence(name: str, case_name: str) -> dict[str, Any]:
    data = golden(name)
    return case_evidence(data, next(c for c in data["cases"] if c["name"] == case_name))


def _result(name: str, case_name: str, unit: str = "") -> ScoreResult:
    return score(load_card(name), _evidence(name, case_name), unit=unit)


def test_combine_is_exact() -> None:
    a = _result("kaifu-2013-departments", "complaints-handled-praised-only")  # 94
    b = _result("kaifu-2013-windows", "bonus-innovation-praise")  # 98.5
    combined = combine([(a, "0.6"), (b, Decimal("0.4"))], title="表一×60%+表二×40%")
    assert combined.total == Decimal("95.8")
    assert [p.contribution for p in combined.parts] == [Decimal("56.4"), Decimal("39.4")]
    assert combined.passed


def test_combine_writes_totals_like_score() -> None:
    # 表二 golden case "attendance-and-leadership" scores 61.5; 102.5 × 0.6 is 61.5, not 61.50.
    a = _result("kaifu-2013-windows", "attendance-and-leadership")
    assert str(a.total) == "61.5"
    high = attrs.evolve(a, total=Decimal("102.5"))
    combined = combine([(high, "0.6")])
    assert str(combined.total) == "61.5"
    assert str(combined.parts[0].contribution) == "61.5"
    assert combined.total == Decimal("102.5") * Decimal("0.6")  # the value is unchanged
    hundred = attrs.evolve(a, total=Decimal(100))
    assert str(combine([(hundred, "1.00")]).total) == "100"  # never 1E+2
    assert str(combine([(hundred, Decimal("0.50"))]).total) == "50"
    assert str(combine([(hundred, "0")]).total) == "0"
    tenth = combine([(attrs.evolve(a, total=Decimal(1)), "0.1")] * 3)
    assert str(tenth.total) == "0.3"  # exact decimal, never via float (0.30000000000000004)
    assert result_to_dict(combined)["total"] == "61.5"


def test_combine_ignores_the_callers_decimal_context() -> None:
    import decimal

    a = attrs.evolve(_result("kaifu-2013-windows", "attendance-and-leadership"), total=Decimal("123.45"))
    with decimal.localcontext(decimal.Context(prec=2)):
        combined = combine([(a, "0.6"), (a, "0.4")])
    assert str(combined.parts[0].contribution) == "74.07"
    assert str(combined.total) == "123.45"


def test_combine_errors() -> None:
    a = _result("kaifu-2013-departments", "perfect")
    with pytest.raises(InvalidInputError):
        combine([])
    with pytest.raises(InvalidTypeError):
        combine([(a, 0.6)])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError):
        combine([(a, "sixty")])
    with pytest.raises(InvalidTypeError):
        combine([(a, None)])  # type: ignore[list-item]


def test_apply_combination_needs_exactly_its_cards() -> None:
    combination = load_combination("kaifu-2013-department-with-window")
    a = _result("kaifu-2013-departments", "perfect")
    with pytest.raises(InvalidInputError):
        apply_combination(combination, [a])
    streets = _result("kaifu-2013-streets", "perfect")
    b = _result("kaifu-2013-windows", "clean-no-bonus")
    with pytest.raises(InvalidInputError):
        apply_combination(combination, [a, b, streets])
    assert apply_combination(combination, [b, a]).total == Decimal(92)  # 100×0.6 + 80×0.4


def test_rank_ties_share_a_rank_and_vetoed_units_come_last() -> None:
    card = load_card("kaifu-2013-streets")
    results = [
        _result("kaifu-2013-streets", "stale-updates-rules-unpublished", "乙街道"),  # 92
        _result("kaifu-2013-streets", "perfect", "甲街道"),  # 100
        _result("kaifu-2013-streets", "windows-floor-no-documents", "丙街道"),  # 92
        _result("kaifu-2013-streets", "no-contacts-rules-unsound-late-requests", "丁街道"),  # 80
    ]
    vetoed = attrs.evolve(results[1], unit="戊镇", vetoes=("否决",), passed=False)
    ranking = rank([*results, vetoed])
    assert [(r.rank, r.result.unit) for r in ranking] == [
        (1, "甲街道"),
        (2, "丙街道"),
        (2, "乙街道"),
        (4, "丁街道"),
        (5, "戊镇"),
    ]
    assert card.name == results[0].card


def test_what_if_reports_the_delta() -> None:
    card = load_card("kaifu-2013-departments")
    evidence = _evidence("kaifu-2013-departments", "perfect")
    change = what_if(card, evidence, "contact_elements", ["name", "phone", "email"])
    assert change.delta == -3
    assert [(d.item, d.before, d.after) for d in change.items] == [("10", 5, 2)]
    assert change.before.total == 100
    assert change.after.total == 97
    with pytest.raises(EvidenceError):
        what_if(card, evidence, "no_such_key", True)


def test_text_report() -> None:
    result = _result("kaifu-2013-streets", "half-point-windows-facilities", "东风路街道")
    text = render_text(result, "zh")
    assert text.splitlines()[0] == "东风路街道 — 开福区街道(镇)政务公开政务服务考核细则(表三)"
    assert "总分 96.5 / 100" in text
    assert "-1.5  窗口缺一项扣0.5分（3次）" in text
    assert "缺：办公桌椅、柜台式办公" in text


def test_markdown_report() -> None:
    result = _result("kaifu-2013-windows", "bonus-capped")
    md = render_markdown(result, "zh")
    assert md.startswith("### 窗口单位考核细则(表二)")
    assert "| 3 | 窗口单位工作有创新,受到表彰,群众反映好。 | 20 | 20 |" in md
    assert "（其中加分 20）" in md


def test_report_of_a_vetoed_and_lenient_result() -> None:
    result = _result("kaifu-2013-streets", "perfect")
    lenient = score(
        load_card("kaifu-2013-streets"),
        {"period_start": "2026-01-01", "period_end": "2026-03-31"},
        lenient=True,
    )
    assert "缺少证据（按0分计）" in render_text(lenient, "zh")
    vetoed = attrs.evolve(result, vetoes=("否决",), passed=False)
    assert "否决（不合格）" in render_text(vetoed, "zh")


def test_json_form_is_exact_and_serialisable() -> None:
    result = _result("kaifu-2013-windows", "attendance-and-leadership")
    data = result_to_dict(result)
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["total"] == "61.5"
    item1 = data["items"][0]
    assert item1["points"] == "21.5"
    assert {
        "kind": "discretionary",
        "points": "-3.5",
        "reason": "窗口人员迟到、早退及请假次数多，酌情扣分",
        "evidence": {"attendance_deduction": "3.5"},
    } in item1["adjustments"]
    combined = combine([(result, "0.4")])
    assert result_to_dict(combined)["total"] == "24.6"
    streets = result_to_dict(_result("kaifu-2013-streets", "perfect"))
    assert streets["evidence"]["update_dates"][0] == "2026-01-20"


def test_results_to_frame() -> None:
    pytest.importorskip("pandas")
    results = [
        _result("kaifu-2013-streets", "perfect", "甲"),
        _result("kaifu-2013-streets", "no-innovation", "乙"),
    ]
    frame = results_to_frame(results)
    assert len(frame) == 32
    assert frame.loc[frame["unit"] == "乙", "points"].sum() == Decimal(92)
    assert set(frame.columns) >= {"unit", "item", "points", "total", "passed"}


def test_results_to_frame_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_package(monkeypatch, "pandas")
    with pytest.raises(MissingExtraError) as info:
        results_to_frame([])
    assert info.value.extra == "pandas"
