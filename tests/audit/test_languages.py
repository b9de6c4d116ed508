"""One language per output (issue 13): the audit's findings, notes, tables and ``zwgk report check``.

The folder holds consistent reports chosen by the test (so every finding is known by
construction): a series with a carry-over off by one, a jump and a missing year, a report whose
text misstates a share, and a file that is no report.  Each output is scanned: in Chinese no
Latin words but the check ids, the file names and option names; in English Chinese only in
citations, in the official labels quoted in brackets (``[上年结转]``), in the report's text quoted
in 「…」, and in the user's own data (agency names, the cell names of the tables).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.audit.helpers import report, write_json
from tests.support import assert_one_language

import zwgk
from zwgk._cli import main
from zwgk.audit import CHECKS, AuditTable, audit_paths, check_series
from zwgk.errors import UnknownLanguageError
from zwgk.reports import format_for_year

AGENCY = "某区司法局"
#: Every section of the 2021 format; the third restates 予以公开 as 5 where table 3 has 12 (its
#: share, 5 of 12 = 41.67%, is right).
TEXT = tuple(
    (
        heading,
        "本年新收政府信息公开申请12件，其中予以公开5件，占41.67%。" if heading.startswith("三") else "略。",
    )
    for heading in format_for_year(2024).sections
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "city"
    write_json(root, "a2021.json", report(AGENCY, 2021, new=10, carried_forward=1))
    write_json(root, "a2022.json", report(AGENCY, 2022, new=10, carried_over=2))  # 1 was carried forward
    write_json(root, "a2024.json", report(AGENCY, 2024, new=200))  # no 2023: a gap
    write_json(root, "c2022.json", report("某区民政局", 2022, new=10))
    write_json(root, "c2023.json", report("某区民政局", 2023, new=100))  # a jump
    narrative = report("某区教育局", 2024, new=12)
    write_json(root, "b2024.json", type(narrative)(**{**_fields(narrative), "sections": TEXT}))
    (root / "notes.txt").write_text("not a report", encoding="utf-8")
    return root


def _fields(value: object) -> dict[str, object]:
    import attrs

    return {a.name: getattr(value, a.name) for a in attrs.fields(type(value))}


def _data(table: AuditTable) -> list[str]:
    """The user's data in the table: agencies and the cell names (quoted, not worded)."""
    cells = {c for f in table.findings for c in (*f.cells, f.culprit or "")}
    blanks = {c for f in table.files for c in f.blanks}
    names = cells | blanks | {AGENCY, "某区教育局", "某区民政局"}
    return sorted((n for n in names if n), key=len, reverse=True)


def _scan(text: str, lang: str, table: AuditTable, folder: Path) -> None:
    """Scan ``text``; the readers' error texts (worded by zwgk.errors) are left out, and so are
    the file names."""
    for entry in table.unreadable:
        for line in str(entry.error).splitlines():
            text = text.replace(line, " ")
    text = re.sub(r"[\w/.-]+\.(?:json|txt)", " ", text.replace(str(folder), " "))
    if lang == "zh":
        assert_one_language(text, "zh", *sorted(CHECKS, key=len, reverse=True), "zwgk")
    else:
        for token in _data(table):
            text = text.replace(token, " ")
        quoted = re.sub(r"\[[^\[\]]*\]|「[^」]*」", " ", text)
        assert_one_language(quoted, "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_check_prints_one_language(
    folder: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "check", str(folder), "--series", "--lang", lang]) == 2
    captured = capsys.readouterr()
    with zwgk.language(lang):  # type: ignore[arg-type]
        table = audit_paths([folder], series=True)
    _scan(captured.out + captured.err, lang, table, folder)
    if lang == "zh":
        # written from the report format's terms: 上年结转 / 结转下年度继续办理, 值得一看 for a heuristic
        assert "共检查7个文件：5个通过，1个有问题，1个无法读取" in captured.out
        assert "正文写[予以公开]5，但" in captured.out
        assert "相差1" in captured.out
        assert "值得一看，不算违反" in captured.out
        assert "缺少2023年的报告" in captured.out
        assert "无法读取：" in captured.err
    else:
        assert "checked 7 file(s): 5 ok, 1 with findings, 1 unreadable" in captured.out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tables_and_views_in_one_language(folder: Path, lang: str, tmp_path: Path) -> None:
    (folder / "notes.txt").unlink()  # the readers' errors are zwgk.errors' texts, escaped in JSON
    with zwgk.language(lang):  # type: ignore[arg-type]
        table = audit_paths([folder], series=True)
        views = [repr(table), re.sub(r"<[^>]+>", "\n", table._repr_html_()), table.to_csv(), table.to_json()]
    text = "\n".join(views).replace(",", "\n")
    # CSV and JSON keys are ids (agency, year, file, …), the same in both languages
    ids = ("agency", "year", "file", "check", "cells", "culprit", "message", "other_file", "other_year")
    keys = ("files", "findings", "notes", "status", "format", "blanks", "error", "unreadable", "ok")
    if lang == "zh":
        text = re.sub(r'"(?:' + "|".join(ids + keys) + r')"', " ", text)
        text = re.sub(r"^(?:" + "|".join(ids) + r")$", " ", text, flags=re.M)
        text = text.replace("AuditTable", " ").replace("null", " ")  # the repr's class name; JSON's null
    _scan(text, lang, table, folder)


def test_xlsx_headers_follow_the_language(folder: Path, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    table = audit_paths([folder], series=True)
    zh = openpyxl.load_workbook(table.to_xlsx(tmp_path / "zh.xlsx", lang="zh"))
    en = openpyxl.load_workbook(table.to_xlsx(tmp_path / "en.xlsx", lang="en"))
    assert zh.sheetnames == ["审计发现", "文件", "说明"]
    assert en.sheetnames == ["findings", "files", "notes"]
    assert [c.value for c in zh["文件"][1]] == [
        "文件",
        "状态",
        "机关",
        "年度",
        "格式",
        "发现数",
        "空白单元格数",
        "错误",
    ]
    assert [c.value for c in en["files"][1]][:2] == ["file", "status"]
    assert "无法读取" in [c.value for c in zh["文件"]["B"]]
    notes_zh = " ".join(str(c.value) for c in zh["说明"]["A"])
    assert_one_language(re.sub(r"[\w/.-]+\.json", " ", notes_zh), "zh")


def test_one_table_worded_in_both_languages(folder: Path) -> None:
    series = check_series(
        {"a.json": report(AGENCY, 2022, new=10, carried_forward=1), "b.json": report(AGENCY, 2023, new=9)}
    )
    finding = series.findings[-1]  # the 总计 column (the 自然人 column is off too)
    assert finding.check == "series_carry_over"
    english, chinese = finding.message_in("en"), finding.message_in("zh")
    assert english.endswith(
        "is 0, but 表三 [四、结转下年度继续办理] × [总计] of 2022 (a.json) is 1 (off by -1)"
    )
    assert chinese.startswith(f"{AGENCY}：2023年（b.json）的表三 [二、上年结转")
    assert chinese.endswith("为1（相差-1）")
    with zwgk.language("zh"):
        assert finding.message == chinese
        assert finding.to_dict()["message"] == chinese
    assert finding.message == english
    gap = check_series({"a.json": report(AGENCY, 2021), "c.json": report(AGENCY, 2023)})
    assert gap.notes_in("zh") == (
        f"{AGENCY}：2021年（a.json）与2023年（c.json）之间缺少2022年的报告；跨越缺失年度的结转不作检查",
    )


def test_an_unknown_language_is_refused(folder: Path, tmp_path: Path) -> None:
    table = check_series({"a.json": report(AGENCY, 2021), "c.json": report(AGENCY, 2023)})
    with pytest.raises(UnknownLanguageError):
        table.notes_in("fr")  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        table.to_csv(lang="fr")  # type: ignore[call-overload]
    audited = audit_paths([folder])
    with pytest.raises(UnknownLanguageError):
        audited.findings[0].message_in("fr")  # type: ignore[arg-type]


def test_workers_word_in_the_callers_language(folder: Path) -> None:
    """A process pool's workers do not inherit the language: the audit passes it on."""
    with zwgk.language("zh"):
        pooled = audit_paths([folder], jobs=2)
    (unread,) = pooled.unreadable
    assert "文件中没有表三" in str(unread.error)
    (finding,) = [f for f in pooled.findings if f.check == "unreadable"]
    assert finding.message_in("zh").startswith("无法读取：")


def test_help_of_report_check_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", "report", "check", "--help"])
    out = capsys.readouterr().out
    for text in (
        "审查已公开的年度报告",
        "读取和检查所用的进程数",
        "同时逐年比对每个机关的报告",
        "列出每个空白单元格",
    ):
        assert text in out
    for text in ("Audit published", "processes to read", "year against year", "list every blank cell"):
        assert text not in out


def test_json_keeps_its_keys(folder: Path) -> None:
    with zwgk.language("zh"):
        data = json.loads(audit_paths([folder]).to_json())
    assert set(data) == {"files", "findings", "notes"}
    assert {f["status"] for f in data["files"]} == {"ok", "findings", "unreadable"}
