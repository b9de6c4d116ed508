"""One language per output (issue 13): plan statuses, iCalendar texts, ``zwgk plan`` in zh and en.

The Chinese golden texts are the terms of the seed plans (完成时限, 责任单位, 按时完成, 逾期完成,
逾期未完成, 未到期); the plan's own data (task ids and titles, 责任单位, its recurrence phrases
such as 每月10日前) may appear in either language and is passed to the scans as allowed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.support import assert_one_language, without_options

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.errors import InvalidRecordsError, PlanRuleError, UnknownLanguageError
from zwgk.plans import Plan, PlanStatus, Recurrence, RelativeDue, State, plan_status
from zwgk.plans.io import load_plan, plan_from_dict

# The test plans' annual tasks fall due in early 2027, beyond the published calendar.
pytestmark = pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")

GOLDEN = Path(__file__).parent / "golden"
PLANS = ("office-2025.toml", "office-2026.toml")


def _data(plan: Plan, status: PlanStatus) -> list[str]:
    """The plan's own words: titles, units, phrases, ids and occurrence labels."""
    tokens = [plan.title, plan.name, *(p.title for p in plan.phases), *(p.id for p in plan.phases)]
    for t in plan.tasks:
        tokens += [t.id, t.title, "、".join(t.owners), *t.owners]
        if isinstance(t.due, Recurrence):
            tokens.append(t.due.text)
        if isinstance(t.due, RelativeDue):
            tokens.append(t.due.within.render())
    tokens += [r.occurrence for r in status.rows if r.occurrence]
    return sorted(set(tokens), key=len, reverse=True)  # longest first: a title holding an id


def _texts(status: PlanStatus, lang: Language) -> str:
    with zwgk.language(lang):
        basis = "\n".join(r.basis for r in status.rows)
        html = re.sub(r"<[^>]+>", " ", status._repr_html_())
        return "\n".join([status.render_text(), status.render_markdown(), html, basis])


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_status_in_one_language(name: str, lang: Language) -> None:
    plan = load_plan(GOLDEN / name)
    for day in (dt.date(2025, 10, 10), dt.date(2026, 1, 5), dt.date(2026, 3, 31)):
        status = plan_status(plan, day)
        assert_one_language(_texts(status, lang), lang, *_data(plan, status), "to_frame")


def test_golden_chinese_terms() -> None:
    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), dt.date(2025, 10, 10))
    labels = {s: s.label_in("zh") for s in State}
    assert labels == {
        State.DONE: "按时完成",
        State.DONE_LATE: "逾期完成",
        State.OVERDUE: "逾期未完成",
        State.OPEN: "未到期",
    }
    text = status.render_text(lang="zh")
    assert text.startswith("某局2025年政务公开工作方案（测试） — 截至 2025-10-10")
    assert "按责任单位：" in text
    md = status.render_markdown(lang="zh")
    assert "| 序号 | 工作任务 | 责任单位 | 完成时限 | 完成日期 | 状态 | 工作日 |" in md
    en = status.render_markdown(lang="en")
    assert "| No. | Task | Responsible units | Due | Done on | State | Working days |" in en
    assert "By responsible unit:" in status.render_text(lang="en")


def test_one_status_worded_in_both_languages() -> None:
    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), dt.date(2025, 10, 10))
    row = next(r for r in status.rows if r.state is State.OVERDUE)
    assert row.state.label_in("zh") == "逾期未完成"
    assert row.state.label_in("en") == row.state.label == "overdue"
    monthly = next(r for r in status.rows if r.occurrence == "2025-05")
    # 每月…: May's due day, 2025-05-31, is a Saturday; the next working day is 2025-06-03 (端午 06-02)
    assert monthly.basis_in("en").endswith("a rest day, moved to 2025-06-03")
    assert monthly.basis_in("zh").endswith("为休息日，顺延至 2025-06-03")
    with zwgk.language("zh"):
        assert monthly.basis == monthly.basis_in("zh")


def test_unknown_language_refused() -> None:
    status = plan_status(load_plan(GOLDEN / "office-2025.toml"), dt.date(2025, 10, 10))
    with pytest.raises(UnknownLanguageError):
        status.render_text(lang="fr")  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        State.DONE.label_in("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ical_texts_follow_the_language(lang: Language) -> None:
    icalendar = pytest.importorskip("icalendar")
    from zwgk.plans import to_ical

    plan = load_plan(GOLDEN / "office-2026.toml")
    cal = icalendar.Calendar.from_ical(to_ical(plan, lang=lang))
    texts = [str(e[key]) for e in cal.walk() if e.name == "VEVENT" for key in ("summary", "description")]
    status = plan_status(plan, dt.date(2026, 4, 30))
    assert_one_language("\n".join(texts), lang, *_data(plan, status))
    head = "责任单位：" if lang == "zh" else "Responsible units: "
    assert any(t.startswith(head) for t in texts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_in_one_language(lang: Language, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = GOLDEN / "office-2025.toml"
    plan = load_plan(path)
    status = plan_status(plan, dt.date(2025, 10, 10))
    allowed = [str(tmp_path / "s.md"), *_data(plan, status), "zwgk"]
    assert main(["--lang", lang, "plan", "status", str(path), "--as-of", "2025-10-10"]) == 1
    captured = capsys.readouterr()
    assert_one_language(captured.out + captured.err, lang, *allowed)
    out = tmp_path / "s.md"
    assert (
        main(
            [
                "--lang",
                lang,
                "plan",
                "status",
                str(path),
                "--as-of",
                "2025-10-10",
                "--as",
                "md",
                "--output",
                str(out),
            ]
        )
        == 1
    )
    captured = capsys.readouterr()
    assert_one_language(captured.out + captured.err + out.read_text(encoding="utf-8"), lang, *allowed)
    for command in (["plan", "--help"], ["plan", "status", "--help"], ["plan", "ical", "--help"]):
        with pytest.raises(SystemExit):
            main(["--lang", lang, *command])
        # the option names, metavars, file types and program name are what the user types
        typed = ["zwgk", "plan", "status", "sample", "ical", "SUBCOMMAND", "FILE", "AS_OF", "UNTIL", "OUTPUT"]
        typed += ["TOML", "YYYY-MM-DD", "toml", "json", "xlsx", "ics", "md", "text", "JSON", "iCalendar"]
        typed += ["FORMAT", "SUFFIX", "csv", "html", "txt"]
        help_text = capsys.readouterr().out
        if lang == "zh":
            help_text = without_options(help_text)
        languages = ["ZWGK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "zh_*", "zh", "en"]  # --lang's help
        assert_one_language(help_text, lang, *typed, *languages, "楚雄", "seed")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plan_errors_in_one_language(lang: Language) -> None:
    bad = {"tasks": [{"id": "a", "title": "甲", "due": "someday", "colour": 1}], "extra": 1}
    with zwgk.language(lang), pytest.raises(InvalidRecordsError) as caught:
        plan_from_dict(bad, source="p.toml")
    problems = "\n".join(f"{p.location} {p.message} {p.expected}" for p in caught.value.problems)
    assert_one_language(
        problems,
        lang,
        "tasks[0]",
        "YYYY-MM-DD",
        "YYYY/M/D",
        "YYYY.M.D",
        "YYYY年M月D日",
        "name",
        "title",
        "source",
        "roll_forward",
        "notes",
        "phases",
        "tasks",
        "after",
        "within",
        "every",
        "phase",
        "done",
        "due",
        "start",
        "end",
        "owners",
        "id",
    )
    with zwgk.language(lang), pytest.raises(PlanRuleError) as rule:
        plan_from_dict({"tasks": [{"id": "a", "title": "甲", "every": "偶尔", "start": "2026-01-01"}]})
    examples = "每月, 每季度, 每半年, 每年, 每周, 每月10日前, 每年1月31日前, 每20个工作日"
    assert rule.value.expected == (
        f"周期，例如 {examples}" if lang == "zh" else f"a recurrence such as {examples}"
    )
