"""One language per output (issue 13): the request clock and ``zwgk deadline`` in zh and in en.

Golden texts: ``golden/languages.toml`` (written from the message rules and the hand-worked
dates of ``clock_cases.toml``).  The scans: a Chinese output holds no Latin letters (ISO dates,
numbers and the calendar data version aside); an English output holds Chinese only inside
citations (《…》 with its article, 〔year〕 document numbers, 国务院令第N号).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from tests.support import chinese_outside_citations, latin_words

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.deadlines import ClockPolicy, Deadline, reply_deadline
from zwgk.deadlines.io import parse_event_spec
from zwgk.errors import InvalidEventSequence, UnknownLanguageError

GOLDEN = tomllib.loads((Path(__file__).parent / "golden" / "languages.toml").read_text(encoding="utf-8"))
CASES = GOLDEN["case"]


def test_the_scans_catch_what_they_should() -> None:
    assert latin_words("2026-09-28  收到申请 (request received)") == ["request", "received"]
    assert latin_words("日历数据 2025-11-04+6dc64450", "2025-11-04+6dc64450") == []
    assert chinese_outside_citations("reply period starts: 20个工作日") == ["reply period starts: 20个工作日"]
    assert (
        chinese_outside_citations("[《政府信息公开条例》第三十一条；《政府信息公开条例》第三十三条第二款]")
        == []
    )
    assert (
        chinese_outside_citations("《政府信息公开条例》（2008年）第二十一条第（四）项 国办函〔2020〕109号")
        == []
    )
    assert chinese_outside_citations("[《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）]") == []
    assert chinese_outside_citations("[《政府信息公开条例》第三十二条、第三十四条]") == []
    assert chinese_outside_citations("abandoned (视为放弃申请)") == ["abandoned (视为放弃申请)"]


# A request per path of the clock: every handler, pause, violation and policy.
REQUESTS: list[tuple[str, list[str], dict[str, Any]]] = [
    ("2026-09-28", [], {}),
    ("2026-09-28", ["consult:2026-10-09..2026-10-20", "extend:2026-10-28+20", "reply:2026-12-20"], {}),
    ("2026-09-28", ["consult-agency:2026-10-09"], {}),
    ("2026-09-28", ["consult:2026-10-09"], {"consultation_open_end": "open"}),
    ("2026-09-28", ["fee:2026-10-09..2026-10-15", "reply:2026-11-20"], {}),
    ("2026-09-28", ["fee:2026-10-09"], {}),
    ("2026-09-28", ["fee:2026-10-09"], {"fee_pauses_clock": False}),
    ("2026-09-28", ["correction:2026-09-30..2026-10-12"], {}),
    ("2026-09-28", ["correction:2026-10-20..2026-10-26"], {}),
    ("2026-09-28", ["correction:2026-10-20..2026-10-26"], {"late_correction_restarts": False}),
    ("2026-09-28", ["correction:2026-11-20"], {}),
    ("2026-09-28", ["correction:2026-09-30", "correction:2026-10-09"], {}),
    ("2026-09-28", ["extend:2026-11-20+10", "extend:2026-10-20+30", "delay:2026-10-20..2026-12-05"], {}),
    ("2026-09-28", ["delay:2026-10-20..2026-10-24", "withdraw:2026-10-30"], {}),
    ("2026-09-28", ["delay:2026-10-20..2026-10-23", "reply:2026-10-29"], {}),
    ("2010-09-28", ["consult:2010-10-11"], {}),
    ("2010-09-28", ["consult-agency:2010-10-11..2010-10-20", "delay:2010-10-20..2010-12-31"], {}),
    ("2010-09-28", ["correction:2010-09-30"], {}),
]


def _deadline(received: str, specs: list[str], policy: dict[str, Any]) -> Deadline:
    events = [e for spec in specs for e in parse_event_spec(spec)]
    return reply_deadline(dt.date.fromisoformat(received), events, policy=ClockPolicy(**policy))


def _texts(deadline: Deadline, lang: Language) -> str:
    with zwgk.language(lang):
        status = deadline.status(deadline.start + dt.timedelta(days=40))
        return "\n".join([deadline.explain(), status.summary, deadline._repr_html_()])


@pytest.mark.parametrize(("received", "specs", "policy"), REQUESTS)
def test_zh_output_has_no_english_words(received: str, specs: list[str], policy: dict[str, Any]) -> None:
    deadline = _deadline(received, specs, policy)
    text = re.sub(r"<[^>]+>", " ", _texts(deadline, "zh"))  # HTML tags are markup, not words
    assert latin_words(text, deadline.data_version) == [], text


@pytest.mark.parametrize(("received", "specs", "policy"), REQUESTS)
def test_en_output_has_chinese_only_in_citations(
    received: str, specs: list[str], policy: dict[str, Any]
) -> None:
    deadline = _deadline(received, specs, policy)
    text = re.sub(r"<[^>]+>", "\n", _texts(deadline, "en"))
    assert chinese_outside_citations(text) == [], text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("received", "specs", "policy"), REQUESTS)
def test_cli_deadline_prints_one_language(
    received: str, specs: list[str], policy: dict[str, Any], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["deadline", "--received", received, "--on", received, "--lang", lang]
    argv += [a for spec in specs for a in ("--event", spec)]
    argv += ["--no-fee-pause"] if policy.get("fee_pauses_clock") is False else []
    argv += ["--late-correction-keeps-clock"] if policy.get("late_correction_restarts") is False else []
    argv += ["--consultation-open"] if policy.get("consultation_open_end") == "open" else []
    assert main(argv) in (0, 1)
    out = capsys.readouterr().out
    version = _deadline(received, specs, policy).data_version
    if lang == "zh":
        assert latin_words(out, version) == [], out
    else:
        assert chinese_outside_citations(out) == [], out


# --------------------------------------------------------------------------- golden texts


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_explanations_match_the_golden_texts(case: dict[str, Any], lang: str) -> None:
    deadline = _deadline(case["received"].isoformat(), case["events"], {})
    assert deadline.explain(lang=lang).splitlines() == case[f"explain_{lang}"]  # type: ignore[arg-type]
    status = deadline.status(case["status_on"])
    assert status.summary_in(lang) == case[f"status_{lang}"]  # type: ignore[arg-type]


def test_the_switch_context_process_default_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    deadline = reply_deadline(dt.date(2026, 9, 28))
    assert deadline.steps[0].event == "request received"  # default: English
    monkeypatch.setenv("ZWGK_LANG", "zh")
    assert deadline.steps[0].event == "收到申请"
    zwgk.set_language("en")  # the process default beats the environment
    assert zwgk.current_language() == "en"
    with zwgk.language("zh"):  # a block beats the process default
        assert deadline.steps[0].event == "收到申请"
        assert deadline.explain(lang="en").startswith("2026-09-28  request received")  # lang= beats all
    assert deadline.steps[0].event == "request received"
    zwgk.set_language(None)
    assert zwgk.current_language() == "zh"


@pytest.mark.parametrize("bad", ["fr", "zh_CN", "", None, 1])
def test_unknown_languages_are_refused_by_name(bad: object, monkeypatch: pytest.MonkeyPatch) -> None:
    deadline = reply_deadline(dt.date(2026, 9, 28))
    if bad is None:  # None means "current": a bad ZWGK_LANG is the culprit then
        monkeypatch.setenv("ZWGK_LANG", "klingon")
        with pytest.raises(UnknownLanguageError, match="ZWGK_LANG: got 'klingon'; expected a language"):
            deadline.explain()
        return
    with pytest.raises(UnknownLanguageError, match="lang: got"):
        deadline.explain(lang=bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError), zwgk.language(bad):  # type: ignore[arg-type]
        pass
    with pytest.raises(UnknownLanguageError):
        zwgk.set_language(bad)  # type: ignore[arg-type]


def test_errors_the_clock_raises_are_worded_in_the_current_language() -> None:
    events = [e for spec in ["consult:2026-10-09..2026-10-20"] for e in parse_event_spec(spec)]
    with pytest.raises(InvalidEventSequence) as en:
        reply_deadline(dt.date(2026, 10, 12), events)
    assert str(en.value).startswith("event dated before the request was received (2026-10-12): ")
    assert "ConsultationStarted on 2026-10-09" in str(en.value)
    with zwgk.language("zh"), pytest.raises(InvalidEventSequence) as zh:
        reply_deadline(dt.date(2026, 10, 12), events)
    assert str(zh.value).startswith("事项早于收到申请之日（2026-10-12）：征求意见开始（2026-10-09）")
    assert latin_words(str(zh.value)) == []


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "收到申请"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, "收到申请"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "request received"),
        ({"LANG": "C.UTF-8"}, "request received"),
        ({"LANG": "zh_CN.UTF-8", "ZWGK_LANG": "en"}, "request received"),
    ],
)
def test_cli_default_follows_the_locale(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["deadline", "--received", "2026-09-28"]) == 0
    assert expected in capsys.readouterr().out


def test_cli_lang_before_the_command_and_a_bad_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "zh", "deadline", "--received", "2026-09-28"]) == 0
    assert "收到申请" in capsys.readouterr().out
    assert main(["deadline", "--received", "2026-09-28", "--lang", "fr"]) == 2
    assert "--lang: got 'fr'; expected a language zwgk speaks: 'zh', 'en'" in capsys.readouterr().err


def test_cli_stderr_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "--received", "2026-09-28", "--event", "reply:2026-12-20"]
    assert main([*argv, "--lang", "zh"]) == 1
    assert capsys.readouterr().err == "zwgk：1项违规（退出码 1）\n"
    assert main([*argv, "--lang", "en"]) == 1
    assert capsys.readouterr().err == "zwgk: 1 violation (exit code 1)\n"


def test_cli_provisional_note_is_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--received", "2026-12-10", "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("zwgk：暂定：2026-12-10收到的申请的答复期限使用了2026-12-24之后的日期")
    assert latin_words(err.removeprefix("zwgk")) == []
    assert main(["deadline", "--received", "2026-12-10", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(
        "zwgk: provisional: the reply deadline of the request received 2026-12-10 uses days"
    )
    assert chinese_outside_citations(err) == []


def test_cli_json_words_texts_and_keeps_public_keys(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    argv = [
        "deadline",
        "--received",
        "2026-09-28",
        "--event",
        "reply:2026-12-20",
        "--on",
        "2026-10-09",
        "--json",
    ]
    assert main([*argv, "--lang", "zh"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["violations"][0]["detail"] == "在答复期限2026-10-30届满后35个工作日才答复"
    assert data["status"]["summary"] == "答复期限2026-10-30：剩余16个工作日"
    assert data["steps"][0]["event"] == "收到申请"
    assert "_detail" not in data["violations"][0]
    assert "_summary" not in data["status"]


@pytest.mark.parametrize(
    ("argv", "zh"),
    [
        (
            ["--event", "consult:2026-10-20..2026-10-09"],
            "--event：收到'consult:2026-10-20..2026-10-09'；应为不早于开始日期（2026-10-20）的结束日期",
        ),
        (["--event", "consult:2026-10-32"], "应为有效的日期（YYYY-MM-DD），而不是'2026-10-32'"),
        (["--on", "2026-09-01"], "on：收到2026-09-01；应为不早于2026-09-28的日期"),
    ],
)
def test_cli_input_errors_of_the_clock_in_chinese(
    argv: list[str], zh: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["deadline", "--received", "2026-09-28", *argv, "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zwgk：错误：")
    assert zh in err
    assert main(["deadline", "--received", "2026-09-28", *argv, "--lang", "en"]) == 2
    assert chinese_outside_citations(capsys.readouterr().err) == []
