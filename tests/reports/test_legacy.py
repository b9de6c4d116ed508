"""The 2008 format (reports on 2008–2018, 国务院令第492号): read from text, sections checked.

Golden values are read off the texts by hand: seed 003 (蓬莱市人力资源和社会保障局 2013年度政府信息
公开工作报告, published 2014-02-11, tests/reports/fixtures/report_2013_penglai.txt) and a
made-up text in the same shape with numbers.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zwgk._limits import Limits
from zwgk.errors import InvalidInputError, LimitExceededError
from zwgk.reports import AnnualReport, check_report, get_format, render_markdown, table3_from_counts
from zwgk.reports._legacy import parse_legacy_report

PENGLAI = (Path(__file__).parent / "fixtures" / "report_2013_penglai.txt").read_text("utf-8")
F2008 = get_format("2008")


def test_the_2008_format_follows_article_32() -> None:
    assert F2008.citation == "《中华人民共和国政府信息公开条例》（国务院令第492号）第三十一条、第三十二条"
    assert (F2008.first_year, F2008.last_year) == (2008, 2018)
    assert not F2008.has_table3
    assert F2008.table3_rows == ()
    assert F2008.publish_by == "03-31"  # 第三十一条: by 31 March
    assert F2008.sections == (
        "（一）主动公开政府信息的情况",
        "（二）依申请公开政府信息和不予公开政府信息的情况",
        "（三）政府信息公开的收费及减免情况",
        "（四）因政府信息公开申请行政复议、提起行政诉讼的情况",
        "（五）政府信息公开工作存在的主要问题及改进情况",
        "（六）其他需要报告的事项",
    )


def test_penglai_2013_title_sections_and_statistics() -> None:
    report = parse_legacy_report(PENGLAI)
    assert (report.agency, report.year, report.format.id) == ("蓬莱市人力资源和社会保障局", 2013, "2008")
    assert report.table3 is None
    headings = [h for h, _ in report.sections]
    assert headings[0] == "一、政务公开的主要做法"
    assert "(一)主动公开政府信息情况" in headings
    assert "(二)政府信息公开相关费用情况" in headings
    assert "(三)申请行政复议、提起行政诉讼情况" in headings
    assert "三、政务公开的主要成效及存在问题" in headings
    assert headings[-1] == "(四)强化监督,务求落实"
    assert (
        dict(report.sections)["(二)政府信息公开相关费用情况"] == "2013年没有产生依申请提供政府信息收费情况。"
    )
    # "2013年没有产生依申请提供政府信息收费情况" / "没有因政府信息公开申请行政复议和提起行政诉讼的案件"
    assert report.statistic("fees_yuan") == Decimal(0)
    assert report.statistic("review_cases") == 0
    assert report.statistic("litigation_cases") == 0
    # "全年共出版专栏2期共6版" is not a count of items; no request figures are stated
    assert report.statistic("proactive_items") is None
    assert report.statistic("requests_received") is None


def test_penglai_2013_lacks_the_request_section_and_other_matters() -> None:
    result = check_report(parse_legacy_report(PENGLAI))
    assert not result.ok
    assert result.violations == ()
    assert [(f.check, f.where) for f in result.format_findings] == [
        ("section_missing", "（二）依申请公开政府信息和不予公开政府信息的情况"),
        ("section_missing", "（六）其他需要报告的事项"),
    ]


def test_forcing_the_2021_format_on_the_2013_report_is_not_ok() -> None:
    result = check_report(parse_legacy_report(PENGLAI, format="2021"))
    assert not result.ok
    checks = [(f.check, f.where) for f in result.format_findings]
    assert ("section_missing", "三、收到和处理政府信息公开申请情况") in checks  # no table 3
    assert ("section_missing", "一、总体情况") in checks
    assert ("format_year", "2008") in checks


SYNTHETIC = """某县民政局2012年政府信息公开工作年度报告

一、概述
本年度我局认真贯彻《条例》。
二、主动公开政府信息情况
全年主动公开政府信息1,234条，其中规范性文件12条。
三、依申请公开政府信息情况
全年共受理政府信息公开申请十二件，已全部答复12件。其中同意公开八件，部分公开两件，不予公开一件，信息不存在1件。
四、政府信息公开的收费及减免情况
收取检索、复制费用共计120.50元，减免费用30元。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
本年度发生行政复议案件2件，行政诉讼1起。
六、存在的主要问题及改进情况
宣传不够。
七、其他需要报告的事项
无。
"""


def test_statistics_in_digits_and_chinese_numerals() -> None:
    report = parse_legacy_report(SYNTHETIC)
    assert (report.agency, report.year) == ("某县民政局", 2012)
    expected = {
        "proactive_items": 1234,
        "requests_received": 12,
        "requests_answered": 12,
        "answered_disclosed": 8,
        "answered_partially": 2,
        "answered_withheld": 1,
        "answered_nonexistent": 1,
        "answered_not_held": None,
        "answered_unclear": None,
        "fees_yuan": Decimal("120.50"),
        "fees_waived_yuan": Decimal(30),
        "review_cases": 2,
        "litigation_cases": 1,
    }
    assert dict(report.statistics) == expected
    result = check_report(report)
    assert result.ok  # every 第三十二条 topic has a heading; no arithmetic is claimed
    assert result.findings == ()
    assert "| 受理政府信息公开申请 | 12 | 件 |" in render_markdown(report)


def test_a_2012_report_in_the_2021_layout_gets_format_year() -> None:
    table = table3_from_counts(get_format("2021"), [0] * 6, [0] * 6, [[0] * 6] * 25, [0] * 6)
    result = check_report(AnnualReport("某局", 2012, get_format("2021"), table))
    assert [(f.check, f.where) for f in result.format_findings] == [("format_year", "2008")]
    assert not result.ok


def test_a_2022_report_in_the_trial_layout_gets_format_year() -> None:
    trial = get_format("2019-trial")
    table = table3_from_counts(trial, [0] * 6, [0] * 6, [[0] * 6] * len(trial.table3_rows), [0] * 6)
    result = check_report(AnnualReport("某局", 2022, trial, table))
    assert [(f.check, f.where) for f in result.format_findings] == [("format_year", "2021")]
    assert result.format_findings[0].message.startswith("the report on 2022 is laid out in format 2019-trial")


def test_a_2008_format_report_cannot_hold_table_3_or_unknown_statistics() -> None:
    table = table3_from_counts(get_format("2021"), [0] * 6, [0] * 6, [[0] * 6] * 25, [0] * 6)
    with pytest.raises(InvalidInputError, match="no table 3"):
        AnnualReport("某局", 2013, F2008, table)
    with pytest.raises(LookupError, match="statistic of format 2008"):
        AnnualReport("某局", 2013, F2008, None, statistics={"nonsense": 1})
    with pytest.raises(TypeError, match="statistics\\[review_cases\\]"):
        AnnualReport("某局", 2013, F2008, None, statistics={"review_cases": Decimal("1.5")})


def test_text_size_is_bounded() -> None:
    with pytest.raises(LimitExceededError):
        parse_legacy_report(PENGLAI, limits=Limits(max_file_bytes=100))


def test_a_2008_report_round_trips_through_json() -> None:
    from zwgk.reports.io import report_from_json, report_to_json

    report = parse_legacy_report(SYNTHETIC)
    text = report_to_json(report)
    assert '"table3": null' in text
    assert '"fees_yuan": "120.50"' in text
    assert report_from_json(text) == report


def test_real_heading_variants_find_the_topics() -> None:
    rules = dict(zip(F2008.sections, F2008.section_rules, strict=True))
    # headings of a published 2012 report (上海市), full-width forms folded
    assert rules["（四）因政府信息公开申请行政复议、提起行政诉讼的情况"].found_in("四、复议、诉讼情况")
    assert rules["（三）政府信息公开的收费及减免情况"].found_in("（三）依申请收费及减免情况")
    assert rules["（五）政府信息公开工作存在的主要问题及改进情况"].found_in("六、主要问题和改进措施")
    assert rules["（二）依申请公开政府信息和不予公开政府信息的情况"].found_in("三、依申请公开政府信息情况")
    assert not rules["（二）依申请公开政府信息和不予公开政府信息的情况"].found_in(
        "(三)申请行政复议、提起行政诉讼情况"
    )
