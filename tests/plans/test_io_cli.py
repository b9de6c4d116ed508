"""Plan files (TOML, JSON, XLSX in the office layout), the sample, the CLI and iCalendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from zwgk._cli import main
from zwgk.plans import plan_status, sample_plan, split_owners, to_ical
from zwgk.plans.io import load_plan, plan_from_rows, sample_plan_text

from .helpers import GOLDEN, assert_due, row


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("办公室、信息中心", ("办公室", "信息中心")),
        ("办公室，法制科,信息中心/人事科", ("办公室", "法制科", "信息中心", "人事科")),
        (["办公室", "办公室、财务科"], ("办公室", "财务科")),
        (" 、 ", ()),
    ],
)
def test_split_owners(text: str | list[str], owners: tuple[str, ...]) -> None:
    assert split_owners(text) == owners


def test_sample_is_seed_001_with_citations() -> None:
    plan = sample_plan()
    assert plan.name == "chuxiong-2018"
    assert all(t.source for t in plan.tasks)
    # 完成时限 as written in seed 001: 4/30, 6/30, 7/30 (验收阶段), 8/31; stated dates are not rolled
    # (2018-04-30 is a 劳动节 rest day, 国办发明电〔2017〕12号).
    status = plan_status(plan, dt.date(2018, 3, 1))
    assert_due(status, "2.1", dt.date(2018, 4, 30), "open")
    assert_due(status, "2.6.2", dt.date(2018, 6, 30), "open")
    assert_due(status, "4.4", dt.date(2018, 7, 30), "open")
    assert_due(status, "2.6.1", dt.date(2018, 8, 31), "open")
    assert_due(status, "4.1", dt.date(2018, 3, 31), "open")  # 准备阶段（2018年3月31日前）
    assert status.critical_path == ("2.1", "2.2", "4.3", "4.4")
    # As of Wed 2018-05-02: 4/30 passed; (4/30, 5/2]: 5/1 rest, 5/2 working → 1 day late
    assert row(plan_status(plan, dt.date(2018, 5, 2)), "2.1").working_days_late == 1


def test_xlsx_in_the_office_layout(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["某局2025年政务公开工作任务分解表"])
    ws.append(["序号", "工作任务", "责任单位", "完成时限", "备注", "前置任务", "开始日期", "完成日期"])
    ws.append([1, "召开动员部署会", "办公室", "2025年1月27日前", "", None, None, dt.datetime(2025, 1, 26)])
    ws.append([2, "印发实施方案", "办公室、法制科", "10个工作日内", "动员会后", 1, None, "2025-02-17"])
    ws.append(
        [
            3,
            "季度自查",
            "办公室/信息中心",
            "每季度",
            "",
            None,
            dt.datetime(2025, 1, 1),
            "2025Q1=2025-03-28；2025Q2:2025-07-01",
        ]
    )
    ws.append([4, "报送材料", "法制科", dt.datetime(2025, 9, 26), "", None, None, None])
    ws.append([None, None, None, None, None])
    path = tmp_path / "任务分解.xlsx"
    wb.save(path)
    plan = load_plan(path)
    assert plan.name == "任务分解"
    status = plan_status(plan, dt.date(2025, 10, 10))
    assert_due(status, "1", dt.date(2025, 1, 27), "done")
    assert_due(status, "2", dt.date(2025, 2, 14), "done-late")  # as in golden office-2025 plan-doc
    assert_due(status, "3", dt.date(2025, 6, 30), "done-late", "2025Q2")
    assert_due(status, "3", dt.date(2025, 9, 30), "overdue", "2025Q3")
    assert row(status, "2").owners == ("办公室", "法制科")
    assert row(status, "2").done == dt.date(2025, 2, 17)


def test_rows_without_header_or_columns() -> None:
    from zwgk.errors import InvalidRecordsError

    with pytest.raises(InvalidRecordsError, match="no header row"):
        plan_from_rows([["a", "b"]])
    with pytest.raises(InvalidRecordsError, match="missing column"):
        plan_from_rows([["序号", "工作任务"], [1, "x"]])
    with pytest.raises(InvalidRecordsError, match="empty"):
        plan_from_rows([["序号", "工作任务", "责任单位", "完成时限"], [1, "x", "办公室", None]])


def test_cli_status_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "status", str(GOLDEN / "office-2025.toml"), "--as-of", "2025-10-10", "--json"])
    assert code == 1  # some tasks are overdue
    data = json.loads(capsys.readouterr().out)
    first = data[0]
    assert (first["id"], first["due"], first["state"]) == ("kickoff", "2025-01-27", "done")
    notify = next(r for r in data if r["id"] == "notify")
    assert (notify["due"], notify["state"], notify["working_days_late"]) == ("2025-10-09", "overdue", 1)


def test_cli_status_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(GOLDEN / "office-2026.toml")
    assert main(["plan", "status", path, "--as-of", "2026-01-05", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("某局2026年一季度工作安排（测试） — 截至 2026-01-05")
    assert "按责任单位：" in out
    assert main(["plan", "status", path, "--as-of", "2026-01-05", "--as", "md", "--lang", "zh"]) == 0
    assert "| 序号 | 工作任务 | 责任单位 | 完成时限 | 完成日期 | 状态 | 工作日 |" in capsys.readouterr().out


def test_cli_sample_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "sample"]) == 0
    text = capsys.readouterr().out
    assert text == sample_plan_text()
    (tmp_path / "s.toml").write_text(text, encoding="utf-8")
    assert load_plan(tmp_path / "s.toml") == sample_plan()


def test_ical_has_one_event_per_due_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = load_plan(GOLDEN / "office-2026.toml")
    cal = icalendar.Calendar.from_ical(to_ical(plan))
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    # wd20 to end 4/30: #1 W20 = 1/29, #2 W40 = 3/4, #3 W60 = 4/1, #4 W80: 4/2–3 → 61–62, 4/4–6 清明 rest,
    # 4/7–10 → 63–66, 4/13–17 → 67–71, 4/20–24 → 72–76, 4/27–30 → 77–80: 4/30.  #5's period would start 5/1.
    dues = sorted(e.decoded("dtstart") for e in events if "wd20" in str(e["uid"]))
    assert dues == [dt.date(2026, 1, 29), dt.date(2026, 3, 4), dt.date(2026, 4, 1), dt.date(2026, 4, 30)]
    # tenth (每月10日前, end 3/31): 1/10, 2/10, 3/10 and 4/10, whose period (3/11–4/10) starts before the end;
    # report: 2026-01-31 only
    assert len(events) == 4 + 4 + 1
    assert main(["plan", "ical", str(GOLDEN / "office-2026.toml"), "--output", str(tmp_path / "p.ics")]) == 0
    assert (tmp_path / "p.ics").read_bytes() == to_ical(plan)
    assert main(["plan", "ical", str(GOLDEN / "office-2026.toml")]) == 0


def test_ical_needs_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support import hide_package

    from zwgk.errors import MissingExtraError

    hide_package(monkeypatch, "icalendar")
    with pytest.raises(MissingExtraError, match=r"zwgk\[ical\]"):
        to_ical(sample_plan())


def test_displays() -> None:
    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), dt.date(2025, 10, 10))
    assert (
        repr(status)
        == "<PlanStatus office-2025 as of 2025-10-10: 22 rows (done 11, done-late 3, overdue 3, open 5)>"
    )
    assert "<table>" in status._repr_html_()
    assert "关键路径：summary → publish（最后完成时限 2026-01-15）" in status.render_text(lang="zh")
    assert len(status.overdue) == 3
    frame = status.to_frame()
    assert list(frame["state"][:2]) == ["done", "done-late"]
    assert frame["owners"][1] == "办公室、法制科"
