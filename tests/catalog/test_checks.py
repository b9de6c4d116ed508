"""Completeness checks: each finding on a tiny item, and the sample catalog's known defects."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from zwgk.catalog import (
    Catalog,
    DisclosureItem,
    DisclosureMode,
    FindingCode,
    LegalBasis,
    LegalForce,
    check_catalog,
    check_item,
    parse_time_limit,
    sample_catalog,
)
from zwgk.catalog._checks import ServiceGuideElement, missing_guide_elements, service_guide_elements

LAW = LegalBasis("中华人民共和国就业促进法", LegalForce.LAW)
REG = LegalBasis("失业保险条例", LegalForce.ADMINISTRATIVE_REGULATION)
DOC = LegalBasis("就业补助资金管理办法", LegalForce.NORMATIVE_DOCUMENT, number="财社〔2017〕164号")
UNKNOWN = LegalBasis("某某办法", None)
SEED_ELEMENTS = ("设定依据", "申请条件", "申请材料", "办理流程", "审批时限", "收费依据及标准", "审批决定证件",
                 "年检要求", "注意事项", "联系方式", "投诉渠道")  # fmt: skip


def good(**changes: object) -> DisclosureItem:
    base = DisclosureItem(
        sequence="1",
        first_level="就业服务",
        second_level="招聘信息",
        content=("岗位信息",),
        legal_bases=(LAW, REG),
        time_limit=parse_time_limit("实时公开"),
        body="县人社局",
        channels=("政府网站",),
        modes=(DisclosureMode.PROACTIVE,),
    )
    import attrs

    return attrs.evolve(base, **changes)


def codes(item: DisclosureItem) -> list[FindingCode]:
    return [f.code for f in check_item(item)]


def test_a_complete_item_has_no_findings() -> None:
    assert codes(good()) == []
    assert check_catalog(Catalog((good(),))).ok


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"legal_bases": ()}, [FindingCode.MISSING_LEGAL_BASIS]),
        ({"legal_bases": (DOC, LAW)}, [FindingCode.BASES_NOT_ORDERED]),
        ({"legal_bases": (REG, UNKNOWN, LAW)}, [FindingCode.BASES_NOT_ORDERED]),
        ({"legal_bases": (LAW, UNKNOWN, REG, DOC)}, []),
        ({"time_limit": parse_time_limit("")}, [FindingCode.MISSING_TIME_LIMIT]),
        ({"time_limit": parse_time_limit("条目化展示")}, [FindingCode.MISSING_TIME_LIMIT]),
        ({"time_limit": parse_time_limit("随到随办", warn=False)}, [FindingCode.UNPARSED_TIME_LIMIT]),
        ({"channels": ()}, [FindingCode.NO_CHANNEL]),
        ({"modes": ()}, [FindingCode.MISSING_MODE]),
        ({"body": " "}, [FindingCode.MISSING_BODY]),
    ],
)
def test_each_finding(changes: dict[str, object], expected: list[FindingCode]) -> None:
    assert codes(good(**changes)) == expected


def test_order_message_names_both_bases() -> None:
    (finding,) = check_item(good(legal_bases=(DOC, LAW)))
    assert (
        "《中华人民共和国就业促进法》(law) comes after 《就业补助资金管理办法》(normative document)"
        in finding.message
    )
    assert finding.location == "item 1"
    assert "legal bases not in order of legal force" in str(finding)
    assert "公开依据未按法律效力排列" in finding.text_in("zh")


def test_duplicates_name_the_first_row() -> None:
    catalog = Catalog(
        (good(row=4), good(sequence="2", row=9), good(sequence="3", second_level="其他", row=10))
    )
    report = check_catalog(catalog)
    (finding,) = report.findings
    assert finding.code is FindingCode.DUPLICATE_ITEM
    assert finding.location == "row 9"
    assert "row 4 (sequence 1)" in finding.message


def test_service_guide_elements_are_the_seed_list() -> None:
    assert tuple(e.name for e in service_guide_elements()) == SEED_ELEMENTS


def test_service_guide_check() -> None:
    complete = good(content=("办事指南：" + "、".join(SEED_ELEMENTS),))
    assert codes(complete) == []
    words = (
        "办理依据、受理条件、所需材料、办理程序、承诺时限、收费标准、办理结果、"
        "年检、温馨提示、咨询电话、监督投诉"
    )
    variants = good(content=("办事指南", words))
    assert codes(variants) == []
    partial = good(content=("办事指南：设定依据、申请条件",))
    (finding,) = check_item(partial)
    assert finding.code is FindingCode.SERVICE_GUIDE_INCOMPLETE
    assert finding.message == "missing " + ", ".join(SEED_ELEMENTS[2:])
    assert finding.message_in("zh") == "缺少" + "、".join(SEED_ELEMENTS[2:])
    # an item that is not a service guide is not asked for the elements
    assert codes(good(content=("设定依据",))) == []


def test_custom_guide_rules() -> None:
    item = good(second_level="服务事项", content=("流程",))
    only = [ServiceGuideElement("流程"), ServiceGuideElement("电话", ("联系方式",))]
    found = check_item(item, guide_elements=only, guide_markers=["服务事项"])
    assert [f.message for f in found] == ["missing 电话"]
    assert missing_guide_elements(item, only) == ("电话",)
    assert missing_guide_elements(good(content=("联系方式",)), only) == ("流程",)
    report = check_catalog(Catalog((item,)), guide_markers=["服务事项"])
    assert [f.code for f in report.findings] == [FindingCode.SERVICE_GUIDE_INCOMPLETE]


# The sample's defects, written from the sample file itself (rows as the spreadsheet shows them).
SAMPLE_DEFECTS = [
    ("row 10", FindingCode.SERVICE_GUIDE_INCOMPLETE),
    ("row 19", FindingCode.BASES_NOT_ORDERED),
    ("row 32", FindingCode.NO_CHANNEL),
    ("row 33", FindingCode.DUPLICATE_ITEM),
    ("row 34", FindingCode.MISSING_LEGAL_BASIS),
    ("row 34", FindingCode.UNPARSED_TIME_LIMIT),
    ("row 35", FindingCode.MISSING_TIME_LIMIT),
]


def test_sample_catalog_has_exactly_its_documented_defects() -> None:
    catalog = sample_catalog()
    assert len(catalog) == 32
    report = check_catalog(catalog)
    assert [(f.location, f.code) for f in report.findings] == SAMPLE_DEFECTS
    assert list(report.by_code()) == [
        FindingCode.MISSING_LEGAL_BASIS,
        FindingCode.BASES_NOT_ORDERED,
        FindingCode.MISSING_TIME_LIMIT,
        FindingCode.UNPARSED_TIME_LIMIT,
        FindingCode.NO_CHANNEL,
        FindingCode.DUPLICATE_ITEM,
        FindingCode.SERVICE_GUIDE_INCOMPLETE,
    ]
    documented = tomllib.loads(
        resources.files("zwgk.catalog").joinpath("data/sample_employment_catalog.toml").read_text("utf-8")
    )
    assert [(f"row {d['row']}", FindingCode[d["code"]]) for d in documented["defect"]] == SAMPLE_DEFECTS
    assert documented["items"] == len(catalog)
