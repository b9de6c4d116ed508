"""One language per output (issue 13): catalog checks, compliance reports, import problems and
``zwgk catalog`` in zh and in en.

The scans (``tests.support``): a Chinese output holds no Latin words (ISO dates, numbers, file
names, option names and column letters aside); an English output holds Chinese only inside
citations and in the quoted data of the catalog itself (its title, item names, 公开时限 cells,
the 办事指南 elements it lacks, the official labels of its tick columns).  The golden Chinese
texts are written from the terms of the seed documents and of the catalogs (公开依据, 公开时限,
逾期公开, 办事指南要素不全), not pasted from the output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
from pathlib import Path

import pytest
from tests.support import assert_one_language

import zwgk
from zwgk._cli import main
from zwgk._i18n import Language
from zwgk.catalog import (
    Audience,
    Catalog,
    CheckReport,
    ComplianceReport,
    DisclosureMode,
    FindingCode,
    LegalForce,
    Level,
    LimitSource,
    PublicationStatus,
    check_catalog,
    check_compliance,
    read_catalog,
    sample_catalog,
    sample_publication_log,
)
from zwgk.catalog._display import catalog_html
from zwgk.catalog._texts import code_text, force_text, source_text, status_text, value_kind_text
from zwgk.catalog.io import sample_catalog_path, sample_publication_log_path
from zwgk.errors import InvalidRecordsError, UnknownLanguageError

AS_OF = dt.date(2026, 6, 30)
TAGS = re.compile(r"<[^>]+>")  # HTML tags are markup, not words
COLUMN_LETTERS = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}列")  # 第3行D列: a spreadsheet's column name


def _data(catalog: Catalog, report: ComplianceReport | None = None) -> list[str]:
    """The catalog's own text, quoted in either language: title, names, cells, labels."""
    tokens = [catalog.title or "", *(catalog.source or "",)]
    for item in catalog.items:
        tokens += [item.name, item.first_level, item.second_level or "", item.time_limit.text, item.body]
        tokens += [*item.time_limit.unparsed, *item.content, *item.channels]
    tokens += [m.value for m in (*DisclosureMode, *Audience, *Level)]
    if report is not None:
        tokens += [r.limit for r in report.results]
    return sorted((t for t in tokens if t), key=len, reverse=True)  # longest first: no partial cuts


def _plain(text: str) -> str:
    """HTML as its text: tags cut, entities (``&#x27;``) read."""
    return html.unescape(TAGS.sub("\n", text))


def _check_texts(report: CheckReport, lang: Language) -> str:
    with zwgk.language(lang):
        lines = [str(f) for f in report.findings] + [repr(report), report._repr_html_()]
    return _plain("\n".join(lines))


def _compliance_texts(report: ComplianceReport, lang: Language) -> str:
    with zwgk.language(lang):
        return _plain("\n".join([repr(report), report._repr_html_()]))


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return sample_catalog()


@pytest.fixture(scope="module")
def compliance(catalog: Catalog) -> ComplianceReport:
    return check_compliance(catalog, sample_publication_log(), as_of=AS_OF)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_report_in_one_language(catalog: Catalog, lang: Language) -> None:
    report = check_catalog(catalog)
    assert report.findings  # the sample has one defect of each kind but two
    assert_one_language(_check_texts(report, lang), lang, *_data(catalog))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compliance_report_in_one_language(
    catalog: Catalog, compliance: ComplianceReport, lang: Language
) -> None:
    assert compliance.late
    assert compliance.gap_exceeded
    assert_one_language(_compliance_texts(compliance, lang), lang, *_data(catalog, compliance))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalog_views_in_one_language(catalog: Catalog, lang: Language) -> None:
    with zwgk.language(lang):
        # every row (the shared "… and N more" tail of zwgk._display.html_table is not this package's)
        text = _plain(repr(catalog) + "\n" + catalog_html(catalog, rows=len(catalog.items)))
    assert_one_language(text, lang, *_data(catalog))


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "argv",
    [
        ["catalog", "check", str(sample_catalog_path())],
        ["catalog", "compliance", str(sample_catalog_path()), str(sample_publication_log_path()),
         "--as-of", AS_OF.isoformat()],
        ["catalog", "compliance", str(sample_catalog_path()), str(sample_publication_log_path()),
         "--as-of", AS_OF.isoformat(), "--max-gap", "0"],
        ["catalog", "sample"],
    ],
    ids=["check", "compliance", "compliance-no-gap", "sample"],
)  # fmt: skip
def test_cli_prints_one_language(
    argv: list[str], lang: Language, catalog: Catalog, compliance: ComplianceReport,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert main([*argv, "--lang", lang]) in (0, 1)
    captured = capsys.readouterr()
    paths = [str(sample_catalog_path()), str(sample_publication_log_path())]
    assert_one_language(captured.out + captured.err, lang, *paths, "zwgk", *_data(catalog, compliance))


#: Options whose help the shared CLI helpers (zwgk._cli._common, _outputs, the --lang switch) write.
SHARED_OPTIONS = frozenset({"help", "json", "output_as", "output", "force", "stdin_as", "lang"})


def _catalog_help_texts() -> list[str]:
    """Every description and help text ``zwgk catalog`` itself gives (shared options aside)."""
    from zwgk._cli import build_parser

    parser = build_parser()
    group = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["catalog"]
    texts = [group.description or ""]
    parsers = [group]
    for action in group._actions:
        if isinstance(action, argparse._SubParsersAction):
            texts += [a.help or "" for a in action._choices_actions]
            parsers += list(action.choices.values())
    for sub in parsers[1:]:
        texts.append(sub.description or "")
    for sub in parsers:
        texts += [
            a.help or ""
            for a in sub._actions
            if a.dest not in SHARED_OPTIONS and not isinstance(a, argparse._SubParsersAction)
        ]
    return [t for t in texts if t]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_help_in_one_language(lang: Language) -> None:
    with zwgk.language(lang):
        texts = _catalog_help_texts()
    assert len(texts) >= 12
    # what a user types or reads as a name: formats, the data file and its key, the log's columns
    allowed = ["zwgk/catalog/data/compliance.toml", "update_gap", "formed_on", "published_on", "item",
               "CSV", "XLSX", "JSON", ".csv", ".xlsx", ".json"]  # fmt: skip
    for text in texts:
        assert_one_language(text, lang, *allowed)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_help_prints(lang: Language, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", lang, "catalog", "compliance", "--help"])
    out = capsys.readouterr().out
    assert ("按目录规定的公开时限核查发布记录" in out) == (lang == "zh")
    assert ("Judge a publication log" in out) == (lang == "en")


def _bad_catalog(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_text(
        "序号,一级事项,公开时限,公开方式,公开对象\n1,,及时,主动,全社会\n2,事项二,及时,哈,全社会\n"
        "3,事项三,及时,主动,全社会,多余\n4,事项四,及时,主动,群众\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_import_problems_in_one_language(tmp_path: Path, lang: Language) -> None:
    path = _bad_catalog(tmp_path)
    with zwgk.language(lang), pytest.raises(InvalidRecordsError) as caught:
        read_catalog(path)
    assert len(caught.value.problems) == 4  # one error lists every bad row
    problems = "\n".join(
        " ".join(str(x) for x in (p.location, p.message, p.expected or "")) for p in caught.value.problems
    )
    allowed = [
        "bad.csv",
        "哈",
        "多余",
        "群众",
        "全社会",
        "特定群体",
        "主动公开",
        "依申请公开",
        "主动",
        "依申请",
    ]
    allowed += [
        "一级事项",
        "申请公开",
        "社会公众",
        "公众",
        "全体社会",
        "特定群众",
        "特定主体",
        "特定对象",
        "特定人群",
    ]
    assert_one_language(COLUMN_LETTERS.sub("", problems), lang, *sorted(allowed, key=len, reverse=True))


def test_import_problems_golden_zh(tmp_path: Path) -> None:
    with zwgk.language("zh"), pytest.raises(InvalidRecordsError) as caught:
        read_catalog(_bad_catalog(tmp_path))
    nameless, mode, beyond, audience = caught.value.problems
    assert (nameless.location, nameless.message) == ("第2行", "事项没有名称")
    assert (mode.location, mode.message) == ("第3行D列", "未知的公开方式")
    assert (beyond.location, beyond.message) == ("第4行F列", "单元格位于最后一个表头列右侧")
    assert (audience.location, audience.message) == ("第5行E列", "未知的公开对象")


def test_log_problems_in_chinese(catalog: Catalog, tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("事项,形成日期,公开日期\n不存在的事项,2026-03-01,2026-02-01\n,3月1日,\n", encoding="utf-8")
    from zwgk.catalog.io import read_publication_log

    with zwgk.language("zh"), pytest.raises(InvalidRecordsError) as caught:
        read_publication_log(log, catalog=catalog)
    messages = [(p.location, p.message) for p in caught.value.problems]
    assert ("第2行A列", "目录中没有该事项") in messages
    assert ("第2行C列", "发布日期早于信息形成日期") in messages
    assert ("第3行B列", "不是日期") in messages
    assert ("第3行A列", "缺少事项") in messages


# --------------------------------------------------------------------------- golden texts and names


def test_finding_labels_are_the_seed_labels_in_chinese() -> None:
    # the Chinese name of each finding is its official label (the enum value), in English a sentence
    for code in FindingCode:
        assert code_text(code, "zh") == code.value
        assert_one_language(code_text(code, "en"), "en")
    assert code_text(FindingCode.SERVICE_GUIDE_INCOMPLETE, "en") == "service guide incomplete"


def test_every_worded_name_exists_in_both_languages() -> None:
    for force in LegalForce:
        assert force_text(force, "zh") == force.value  # 法律, 行政法规 … as 《立法法》 names them
        assert_one_language(force_text(force, "en"), "en")
    for status in PublicationStatus:
        assert status_text(status, "zh") == status.value  # 按时公开, 逾期公开, 尚未到期, 逾期未公开
    for source in LimitSource:
        assert source_text(source, "zh") == source.value
    for kind in ("DisclosureMode", "Audience", "Level", "FiveOpen", "LegalForce"):
        assert_one_language(value_kind_text(kind, "zh"), "zh")
    assert value_kind_text("DisclosureMode", "zh") == "公开方式"


def test_one_report_worded_in_both_languages(catalog: Catalog) -> None:
    report = check_catalog(catalog)
    missing = next(f for f in report.findings if f.code is FindingCode.MISSING_LEGAL_BASIS)
    assert missing.location_in("en") == "row 34"
    assert missing.location_in("zh") == "第34行"
    assert (
        missing.message_in("en")
        == "the legal basis is empty; expected at least one law, regulation or document"
    )
    assert missing.message_in("zh") == "公开依据为空，应至少列明一部法律、法规或文件"
    duplicate = next(f for f in report.findings if f.code is FindingCode.DUPLICATE_ITEM)
    assert duplicate.text_in("zh") == (
        "第33行（就业服务 / 职业供求信息）：公开事项重复：与第7行（序号4）的公开事项重复"
    )
    with zwgk.language("zh"):
        assert missing.message == "公开依据为空，应至少列明一部法律、法规或文件"
        assert missing.to_dict()["message"] == missing.message
        assert missing.to_dict()["label"] == "缺少公开依据"
    assert missing.to_dict()["message"].startswith("the legal basis is empty")
    assert missing.to_dict()["label"] == "缺少公开依据"  # the label is the code's Chinese label in JSON


def test_order_finding_golden_zh(catalog: Catalog) -> None:
    report = check_catalog(catalog)
    order = next(f for f in report.findings if f.code is FindingCode.BASES_NOT_ORDERED)
    assert order.message_in("zh").startswith("《中华人民共和国社会保险法》（法律）排在《")
    assert order.message_in("zh").endswith(
        "应按法律、行政法规、地方性法规、部门规章、地方政府规章、规范性文件、其他的顺序排列"
    )
    assert "(law) comes after" in order.message_in("en")


def test_cli_compliance_golden_lines(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["catalog", "compliance", str(sample_catalog_path()), str(sample_publication_log_path()),
            "--as-of", AS_OF.isoformat()]  # fmt: skip
    assert main([*argv, "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "逾期公开（逾期2个工作日）" in out
    assert "按时公开7条，逾期公开2条，逾期未公开0条，尚未到期1条；按时公开率77.78%" in out
    assert "两次更新的最长间隔：45个工作日（超过20个工作日的限值）" in out
    assert main([*argv, "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "published late (2 working days late)" in out
    assert "on time 7, late 2, overdue 0, pending 1; on-time rate 77.78%" in out


@pytest.mark.parametrize("bad", ["fr", "zh_CN"])
def test_unknown_languages_are_refused(catalog: Catalog, compliance: ComplianceReport, bad: str) -> None:
    report = check_catalog(catalog)
    with pytest.raises(UnknownLanguageError, match="lang: got"):
        report.findings[0].message_in(bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        report.findings[0].text_in(bad)  # type: ignore[arg-type]
    from zwgk.catalog._display import check_report_html, compliance_html

    with pytest.raises(UnknownLanguageError):
        check_report_html(report, bad)  # type: ignore[arg-type]
    with pytest.raises(UnknownLanguageError):
        compliance_html(compliance, bad)  # type: ignore[arg-type]


def test_the_findings_workbook_is_chinese_in_either_language(catalog: Catalog) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import io

    report = check_catalog(catalog)
    with zwgk.language("en"):
        data = report.to_xlsx()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("位置", "序号", "公开事项", "问题类型", "说明")
    assert rows[1][0] == "第10行"
    text = "\n".join(str(cell) for row in rows for cell in row if cell is not None)
    assert_one_language(text, "zh", *_data(catalog))
