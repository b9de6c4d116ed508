"""One language per output (issue 13): ``zwgk register`` and the due list in zh and en.

The Chinese golden texts are the terms of the Regulations and of the seed ledgers (答复期限,
计时中, 收到日期, 到期提醒, 是否逾期).  What the user recorded — request ids, the applicant
kind and channel (表三's column labels, 第三十一条's channels), names, event kinds as stored
(``ConsultationStarted``) — is data and may appear in either language.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.support import assert_one_language, without_options

from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.register import DueItem, due_xlsx

DATA = ["R1", "R2", "自然人", "商业企业", "当面提交", "互联网", "其他", "李四", "张三", "zwgk"]
DATA += ["ConsultationStarted", "ConsultationEnded", "Superseded", "Replied", "CorrectionRequested"]
DATA += ["consult", "reply", "correction", "sqlite"]


def _fill(db: str) -> None:
    common = ["--db", db, "--by", "李四"]
    assert main(["register", "init", "--db", db]) == 0
    add = ["register", "add", "R1", "--kind", "自然人", "--received", "2026-09-28", "--applicant", "张三"]
    assert main([*add, *common]) == 0
    assert main(["register", "event", "R1", "consult:2026-10-09..2026-10-20", *common]) == 0
    add2 = [
        "register",
        "add",
        "R2",
        "--kind",
        "商业企业",
        "--channel",
        "当面提交",
        "--submitted",
        "2026-10-12",
    ]
    assert main([*add2, *common]) == 0
    assert main(["register", "event", "R2", "correction:2026-10-14", *common]) == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_commands_in_one_language(lang: Language, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(db)
    capsys.readouterr()
    lines = [["register", "init", "--db", db]]
    lines += [["register", "show", "R1", "--db", db, "--show-names"], ["register", "show", "R2", "--db", db]]
    lines += [["register", "due", "--as-of", "2026-11-20", "--db", db]]
    lines += [["register", "export", "--output", str(tmp_path / "x.csv"), "--mask", "--db", db]]
    lines += [["register", "event", "R1", "--supersedes", "2", "--db", db, "--reason", "录入错误"]]
    lines += [["register", "purge", "R2", "--db", db]]
    for command in lines:
        main(["--lang", lang, *command])
    captured = capsys.readouterr()
    allowed = [db, str(tmp_path / "x.csv"), *DATA, "录入错误"]
    text = re.sub(r"\{[^}]*\}", " ", captured.out)  # the stored event detail (JSON)
    assert_one_language(text + captured.err, lang, *allowed)


def test_golden_chinese_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _fill(db)
    capsys.readouterr()
    assert main(["--lang", "zh", "register", "due", "--as-of", "2026-11-03", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2026-11-03 未办结申请2件\n")
    assert "R1  收到 2026-09-28  期限 2026-11-11  计时中  剩余6个工作日" in out
    assert "待补正  暂停计时" in out
    assert main(["--lang", "en", "register", "due", "--as-of", "2026-11-03", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 open requests on 2026-11-03\n")
    assert "R1  received 2026-09-28  due 2026-11-11  running  6 working days left" in out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_in_one_language(lang: Language, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("init", "add", "event", "show", "due", "import", "export", "purge"):
        with pytest.raises(SystemExit):
            main(["--lang", lang, "register", command, "--help"])
        text = capsys.readouterr().out
        if lang == "zh":
            text = without_options(text)
        typed = [
            "zwgk",
            "register",
            "URL",
            "NAME",
            "ID",
            "KIND",
            "DATE",
            "SEQ",
            "LEDGER",
            "FILE",
            "N",
            "AS_OF",
        ]
        typed += ["RECEIVED", "CHANNEL", "SUBMITTED", "SIGNED", "CONFIRMED", "APPLICANT", "IDENTIFIER"]
        typed += ["SUBJECT", "PAGES", "REASON", "OUTPUT", "FORMAT", "SUFFIX", "ZWGK_DB", "JSON", "SQLite"]
        typed += ["in_person", "post", "letter", "internet", "fax", "consult", "zwgk deadline", "csv", "xlsx"]
        typed += ["json", "toml", "html", "txt", "ZWGK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "zh_*", "zh"]
        typed += ["en", "PostgreSQL", "init", "add", "event", "show", "due", "import", "export", "purge"]
        chinese = [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "当面提交",
            "邮寄",
            "平信",
            "互联网",
            "传真",
        ]
        if lang == "en":
            text = re.sub(r"\s*\n\s*", "", text)  # a kind split by the wrapping (社会公益组\n织)
        tokens = sorted([*typed, *chinese], key=len, reverse=True)  # ZWGK_LANG before N
        assert_one_language(text, lang, *tokens, "text", "md", "json")


@pytest.mark.parametrize(
    ("lang", "sheet", "state", "yes"),
    [("zh", "到期提醒", "计时中", "是"), ("en", "Due list", "running", "yes")],
)
def test_due_xlsx_in_both_languages(lang: Language, sheet: str, state: str, yes: str) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import io

    items = (DueItem("R1", dt.date(2026, 3, 2), dt.date(2026, 3, 30), "running", -2, True),)
    book = openpyxl.load_workbook(io.BytesIO(due_xlsx(items, lang=lang)))
    ws = book[sheet]
    assert [c.value for c in ws[2]][3:] == [state, -2, yes]


def test_record_errors_worded_where_raised(tmp_path: Path) -> None:
    import zwgk
    from zwgk.errors import RegisterRecordError
    from zwgk.register import Register

    with Register(f"sqlite:///{tmp_path / 'r.db'}") as reg:
        reg.init()
        reg.add("R1", applicant_kind="自然人", received=dt.date(2026, 9, 28), by="李四")
        with zwgk.language("zh"), pytest.raises(RegisterRecordError) as zh:
            reg.add("R1", applicant_kind="自然人", received=dt.date(2026, 9, 28), by="李四")
        with pytest.raises(RegisterRecordError) as en:
            reg.record("NOPE", ["reply:2026-10-01"], by="李四")
    assert zh.value.problem == "已经登记过"
    assert en.value.problem == "not in the register"
