"""Edges of rounds: spreadsheets, verdicts with vetoes and pass marks, units missing a round."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from zwgk.errors import DataFileError
from zwgk.rounds import designate, score_rounds
from zwgk.rounds._bulletin import verdict
from zwgk.rounds._table import cell_value, row_evidence
from zwgk.rounds.io import designations_from_dict, load_designations, read_evidence_table, write_bulletin_docx
from zwgk.scoring import load_card, score

KEYS = ["leadership_sound", "powers_cleared", "catalog_and_flowcharts", "content_complete", "forms_effective",
        "rules_complete"]  # fmt: skip
CARD = load_card("demonstration-site-standards")


def _row(unit: str, period: str, met: int) -> dict[str, object]:
    return {"unit": unit, "period": period, **{k: i < met for i, k in enumerate(KEYS)}}


def test_xlsx_evidence_table(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["单位", "考核期", *KEYS])
    ws.append(["甲", "2025", *["是"] * 6])
    ws.append([None] * 8)
    ws.append(["乙", 2025, *["是"] * 5, "否"])
    wb.save(tmp_path / "t.xlsx")
    rows = read_evidence_table(tmp_path / "t.xlsx")
    rounds = score_rounds(CARD, rows)
    assert [(p.result.unit, p.result.total) for p in rounds.round("2025").ranking] == [("甲", 6), ("乙", 5)]
    (tmp_path / "t.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown file type"):
        read_evidence_table(tmp_path / "t.txt")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert read_evidence_table(tmp_path / "empty.csv") == []


def test_cells_of_other_types() -> None:
    np = pytest.importorskip("numpy")
    assert cell_value(np.int64(3)) == 3
    assert cell_value(None) is None
    streets = load_card("kaifu-2013-streets")
    evidence = row_evidence(streets, {"update_dates": dt.date(2026, 1, 5), "unit": "x"}, ("unit",))
    assert evidence == {"update_dates": [dt.date(2026, 1, 5)]}


def test_verdicts() -> None:
    result = score(CARD, dict.fromkeys(KEYS, True))
    assert verdict(result, "zh") == "无及格线"
    assert verdict(attrs.evolve(result, pass_mark=Decimal(4)), "zh") == "通过"
    assert verdict(attrs.evolve(result, passed=False, pass_mark=Decimal(7)), "zh") == "未通过"
    assert verdict(attrs.evolve(result, passed=False, vetoes=("否决",)), "zh") == "否决（不合格）"
    assert verdict(result) == "no pass mark"
    assert verdict(attrs.evolve(result, passed=False, vetoes=("否决",)), "en") == "vetoed (failed)"


def test_a_unit_missing_a_round_is_not_decided_and_has_no_change() -> None:
    rows = [_row("甲", "2025", 6), _row("乙", "2025", 3), _row("甲", "2026", 6)]
    rounds = score_rounds(CARD, rows)
    assert repr(rounds.round("2026")) == "<Round 2026: 1 units>"
    trend = rounds.trend("乙")
    assert (trend.change, trend.latest, trend.totals) == (None, "2025", (("2025", 3), ("2026", None)))
    rules = designations_from_dict(
        {"name": "x", "card": CARD.name, "rules": [{"kind": "drop_below", "threshold": 6, "rounds": 2}]}
    )
    assert designate(rounds, rules) == ()  # 乙 was not assessed in 2026
    small = designations_from_dict(
        {"name": "x", "card": CARD.name, "rules": [{"kind": "drop_bottom", "share": "0.1"}]}
    )
    assert designate(rounds, small, at="2025") == ()  # floor(0.1 × 2) = 0 units
    assert score_rounds(CARD, rows, unit_column="unit").units == ("甲", "乙")


def test_docx_with_decisions(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    rows = [_row("甲", "2025", 6), _row("乙", "2025", 5), _row("甲", "2026", 5), _row("乙", "2026", 6)]
    rounds = score_rounds(CARD, rows)
    decisions = designate(rounds, load_designations("demonstration-sites"))
    path = write_bulletin_docx(rounds, tmp_path / "b.docx", decisions=decisions, lang="zh")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "动态管理" in texts
    assert "失分项目" in texts
    assert any(t.startswith("甲：取消资格") for t in texts)
