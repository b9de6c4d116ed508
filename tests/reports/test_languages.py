"""One language per output (issue 13): report checks, share checks, fees, the reprs and the
``zwgk report`` / ``zwgk fees`` commands in zh and in en.

The scans (tests/support.py): a Chinese output holds no Latin words (ISO dates, numbers, format
ids and the user's own file names aside); an English output holds Chinese only inside
citations and in the official labels of the report format (表三's row and column labels, the
section headings, the table names), which are the format's data and are quoted as they are.
Golden Chinese texts are written from the terms of 国办公开办函〔2021〕30号 (表三, 勾稽关系 of its
rows, 结转下年度继续办理) and of 国办函〔2020〕109号 (按件计收, 11—30件 100元/件, 本月累计).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.support import assert_one_language

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.errors import InvalidInputError, InvalidRecordsError, UnknownLanguageError
from zwgk.reports import (
    IDENTITIES,
    ReportCheck,
    check_report,
    check_shares,
    load_report,
    report_formats,
    table4_layout,
)
from zwgk.requests import (
    DisclosureRequest,
    Ledger,
    monthly_request_fees,
    per_volume_fee,
    read_ledger,
    sample_ledger_path,
)

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
PAGES = [FIXTURES / "report_2021.html", FIXTURES / "report_trial.html"]
FORMAT_IDS = [f.id for f in report_formats()]
# the kinds of finding are identifiers (the JSON ``check`` field), shown as they are in both languages
CHECK_IDS = ["section_missing", "format_year", "total_blank", "culprit"]


def _official_labels() -> list[str]:
    """Every label of the formats' tables and sections (longest first, so a label is removed
    before a shorter one inside it)."""
    labels = {"表二", "表三", "表四", "一", "二", "四", "（七）总计", "总计"}
    for fmt in report_formats():
        for row in fmt.table3_rows:
            labels.update(p for p in (row.short, row.title, row.section, row.group, row.label) if p)
        labels.update(fmt.sections)
        labels.update(r.heading for r in fmt.section_rules)
    blocks, columns = table4_layout()
    labels.update(label for _, label in (*blocks, *columns))
    labels.update(part for _, label in blocks for part in label.split("/"))
    from zwgk.reports import TABLE3_COLUMNS

    labels.update(c.value for c in TABLE3_COLUMNS)
    return sorted(labels, key=len, reverse=True)


LABELS = _official_labels()


def _strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "\n", text))


def _check_texts(check: ReportCheck, lang: Language) -> str:
    with zwgk.language(lang):
        lines = [str(f) for f in check.findings] + [f.message for f in check.findings]
        lines += [check.culprit_note or "", repr(check), _strip_tags(check._repr_html_())]
        lines += [str(c) for s in check.culprit_sets for c in s]
    return "\n".join(lines)


def _checks() -> list[ReportCheck]:
    checks = [check_report(load_report(p)) for p in PAGES]
    # a trial-format report on 2022 (format_year) with its totals left blank (total_blank)
    trial = load_report(PAGES[1])
    import attrs

    table3 = trial.table3
    assert table3 is not None
    cells = tuple(tuple(None if i == 6 else v for i, v in enumerate(row)) for row in table3.cells)
    checks.append(check_report(attrs.evolve(trial, year=2022, table3=attrs.evolve(table3, cells=cells))))
    return checks


CHECKS = _checks()


def test_the_cases_cover_every_kind_of_finding() -> None:
    kinds = {f.check for c in CHECKS for f in c.findings}
    assert {"identity_1", "identity_3", "identity_4", "section_missing", "culprit"} <= kinds
    assert {"format_year", "total_blank"} <= kinds
    assert any(c.culprit_note for c in CHECKS)


@pytest.mark.parametrize("index", range(len(CHECKS)))
def test_check_texts_in_zh_have_no_english_words(index: int) -> None:
    assert_one_language(_check_texts(CHECKS[index], "zh"), "zh", *CHECK_IDS, *FORMAT_IDS)


@pytest.mark.parametrize("index", range(len(CHECKS)))
def test_check_texts_in_en_have_chinese_only_in_citations_and_labels(index: int) -> None:
    assert_one_language(_check_texts(CHECKS[index], "en"), "en", *LABELS)


def test_one_check_is_worded_in_both_languages() -> None:
    check = CHECKS[0]
    culprit = next(f for f in check.findings if f.check == "culprit")
    # 表三's row 四 总计 is 3 where its columns add up to 2 (the fixture's misprint, read by hand)
    assert culprit.message_in("en") == "likely 表三 [四、结转下年度继续办理] × [总计]: 3, consistent value 2"
    assert culprit.message_in("zh") == "可能有误：表三 [四、结转下年度继续办理] × [总计]：3，应为 2"
    with zwgk.language("zh"):
        assert check.culprits[0].__str__() == culprit.message_in("zh")
        assert check.to_dict()["violations"][0]["message"].startswith("“总计”列：一 + 二 = ")
    assert check.to_dict()["violations"][0]["message"].startswith("column 总计: 一 + 二 = ")
    missing = next(f for f in check.format_findings if f.where == "六、其他需要报告的事项")
    assert missing.message_in("zh") == "年报中未见“六、其他需要报告的事项”部分（国办公开办函〔2021〕30号）"


def test_identities_are_worded_from_the_format_terms() -> None:
    from zwgk.reports._check import identity_text

    assert identity_text(3, "zh") == "表三每行：总计 = 六类申请人各列之和"
    assert identity_text(1, "en") == IDENTITIES[1]
    for n in IDENTITIES:
        assert_one_language(identity_text(n, "zh"), "zh")
        assert_one_language(
            re.sub(r"\[[^]]*\]", "[]", identity_text(n, "en")), "en", *LABELS
        )  # quoted labels


def test_unknown_languages_are_refused() -> None:
    finding = CHECKS[0].findings[0]
    with pytest.raises(UnknownLanguageError):
        finding.message_in("fr")  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        CHECKS[1].culprit_note_in("zh_CN")  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        per_volume_fee(250).explain(lang="fr")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- shares


def test_share_findings_in_both_languages() -> None:
    # 2/3 written 66.6%: the exact share 66.67% truncated, not rounded; 1/3 written 133%: above 100
    findings = check_shares([1, 2], 3, ["133", "66.6"])
    assert {f.kind for f in findings} == {"share_range", "share", "share_truncated", "shares"}
    for f in findings:
        assert_one_language(f.message_in("zh"), "zh")
        assert_one_language(f.message_in("en"), "en")
    truncated = next(f for f in findings if f.kind == "share_truncated")
    assert truncated.message_in("zh") == (
        "第2项：2/3 = 66.667%，保留1位小数为66.7%，年报为66.6%：截断而非四舍五入（相差-0.1个百分点）"
    )
    assert truncated.message_in("en") == (
        "part 2: 2/3 = 66.667% → 66.7% at 1 decimal, reported 66.6%: "
        "truncated, not rounded (off by -0.1 points)"
    )


# --------------------------------------------------------------------------- fees and requests


def _month(n: int) -> list[DisclosureRequest]:
    return [DisclosureRequest(f"R-{i:03}", "甲", "自然人", dt.date(2025, 3, i)) for i in range(1, n + 1)]


def test_fee_texts_in_both_languages() -> None:
    fees = monthly_request_fees(_month(31))
    # 31st request of the month: the 31–40 band, 200元/件; the month so far 20 × 100 + 200 = 2200
    assert fees[30].explain(lang="zh") == "第31件 R-031：31–40件档，¥200/件 → ¥200；本月累计 ¥2200"
    assert fees[30].explain(lang="en") == (
        "request 31 R-031: tier 31–40 at ¥200 per request → ¥200; month total ¥2200"
    )
    assert per_volume_fee(0).explain("zh") == "无页数 → ¥0"
    volume = per_volume_fee(250)
    with zwgk.language("zh"):
        assert_one_language(repr(volume) + _strip_tags(volume._repr_html_()), "zh")
    assert_one_language(repr(volume) + _strip_tags(volume._repr_html_()), "en")


def test_ledger_and_report_reprs_in_both_languages() -> None:
    ledger = read_ledger(sample_ledger_path())
    report = load_report(PAGES[0])
    for lang in ("zh", "en"):
        with zwgk.language(lang):
            texts = [repr(ledger), repr(Ledger(())), repr(report), repr(report.table3)]
            texts.append(_strip_tags(ledger._repr_html_().split("<table")[0]))
        # the agency's name and the applicants are the user's data
        allowed = [report.agency, *(r.applicant for r in ledger)]
        text = "\n".join(texts)
        if lang == "zh":
            assert_one_language(text, "zh", *FORMAT_IDS, *allowed)
        else:
            assert_one_language(text, "en", *allowed)
    with zwgk.language("zh"):
        assert repr(report.table3).startswith("<表三 格式 2021：新收 ")


def test_ledger_errors_are_worded_in_the_current_language() -> None:
    late = DisclosureRequest("早", "甲", "自然人", dt.date(2020, 12, 31))
    with zwgk.language("zh"), pytest.raises(InvalidRecordsError) as info:
        monthly_request_fees([late])
    assert "收到日期早于收费办法施行日期（国办函〔2020〕109号）" in str(info.value)
    with zwgk.language("zh"), pytest.raises(InvalidInputError) as bad:
        check_shares([1], 0, ["1"])
    assert "正整数或 Decimal 金额" in str(bad.value)


# --------------------------------------------------------------------------- the commands


COMMANDS: list[list[str]] = [
    ["fees", "per-request", "--count", "12"],
    ["fees", "per-request", "--count", "3", "--already", "30"],
    ["fees", "per-volume", "--pages", "250", "1"],
    ["report", "shares", "--total", "1218", "931:76.44", "126:10.34", "161:12.22"],
    ["report", "shares", "--total", "3", "1:33.3", "2:66.7"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_commands_print_one_language(argv: list[str], lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--lang", lang]) in (0, 1)
    captured = capsys.readouterr()
    assert_one_language(captured.out + captured.err, lang, "zwgk")  # the program's name


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_commands_write_one_language(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger, report, counts = tmp_path / "ledger.csv", tmp_path / "report.md", tmp_path / "counts.json"
    assert main(["report", "sample", "--output", str(ledger), "--lang", lang]) == 0
    assert (
        main(["report", "build", str(ledger), "--year", "2025", "--output", str(report), "--lang", lang]) == 0
    )
    assert main(["report", "counts-template", "--year", "2025", "--output", str(counts), "--lang", lang]) == 0
    out = capsys.readouterr().out
    paths = [str(p) for p in (ledger, report, counts)]
    assert_one_language(out, lang, *paths)
    if lang == "zh":
        assert f"已写入 {report}（31件申请，格式 2021）" in out
    else:
        assert f"wrote {report} (31 requests, format 2021)" in out


def test_the_fee_table_golden_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    # 按件计收: 1–10件 free, 11—30件 100元/件: the 12th request of the month costs ¥100, ¥200 so far
    assert main(["--lang", "zh", "fees", "per-request", "--count", "12"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["序号", "申请", "档次", "收费", "本月累计"]
    assert lines[12].split() == ["12", "#12", "11–30", "¥100", "¥200"]
    assert lines[-1] == "合计 ¥200，共12件申请（国办函〔2020〕109号，按件计收）"


@pytest.mark.parametrize(
    ("argv", "chinese"),
    [
        (["report", "build"], "报告年度"),
        (["report", "sample"], "示例申请台账"),
        (["report", "counts-template"], "空白数据文件"),
        (["report", "shares"], "百分比所对应的总数"),
        (["fees", "per-request"], "本月申请件数"),
        (["fees", "per-volume"], "每件申请一个"),
    ],
)
def test_help_is_chinese(argv: list[str], chinese: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "zh", *argv, "--help"])
    assert chinese in capsys.readouterr().out


def test_money_in_messages_keeps_its_places() -> None:
    assert per_volume_fee(31).explain("zh").endswith(f"→ ¥{Decimal('10')}")


@given(
    st.lists(st.integers(0, 500), min_size=1, max_size=5),
    st.integers(1, 2000),
    st.lists(st.decimals(-5, 120, places=2, allow_nan=False), min_size=5, max_size=5),
)
def test_any_share_finding_is_in_one_language(parts: list[int], total: int, shown: list[Decimal]) -> None:
    findings = check_shares(parts, total, [str(s) for s in shown[: len(parts)]])
    for f in findings:
        assert_one_language(f.message_in("zh"), "zh")
        assert_one_language(f.message_in("en"), "en")


@given(st.integers(0, 80), st.integers(1, 60))
def test_any_monthly_fee_line_is_in_one_language(already: int, count: int) -> None:
    requests = [
        DisclosureRequest(f"R{i}", "甲", "自然人", dt.date(2025, 3, 1 + i % 28)) for i in range(count)
    ]
    for fee in monthly_request_fees(requests, already_counted=already):
        zh, en = fee.explain("zh"), fee.explain("en")
        assert_one_language(zh, "zh", fee.request_id)  # the request's id is the user's data
        assert_one_language(en, "en")
        # the same computed fee in both: the ordinal and the amounts agree
        assert zh.startswith(f"第{fee.ordinal}件 ")
        assert en.startswith(f"request {fee.ordinal} ")
        assert f"¥{fee.cumulative}" in zh
        assert f"¥{fee.cumulative}" in en
