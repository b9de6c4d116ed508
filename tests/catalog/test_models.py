"""Enums accept the variants people type; legal bases are split and classified without guessing."""

from __future__ import annotations

import pytest

from zwgk.catalog import (
    Audience,
    Catalog,
    DisclosureItem,
    DisclosureMode,
    FiveOpen,
    LegalBasis,
    LegalForce,
    Level,
    classify_basis,
    parse_legal_bases,
)
from zwgk.catalog.io import format_bases
from zwgk.errors import InvalidInputError


@pytest.mark.parametrize(
    ("cls", "text", "expected"),
    [
        (DisclosureMode, "主动", DisclosureMode.PROACTIVE),
        (DisclosureMode, "主动公开", DisclosureMode.PROACTIVE),
        (DisclosureMode, " 依申请 ", DisclosureMode.ON_REQUEST),
        (Audience, "全社会", Audience.PUBLIC),
        (Audience, "社会公众", Audience.PUBLIC),
        (Audience, "特定群众", Audience.SPECIFIC),
        (Audience, "特定主体", Audience.SPECIFIC),
        (Level, "区级", Level.COUNTY),
        (Level, "镇街级", Level.TOWNSHIP),
        (Level, "乡（镇）级", Level.TOWNSHIP),
        (Level, "村（社区）", Level.VILLAGE),
        (FiveOpen, "决策公开", FiveOpen.DECISION),
        (FiveOpen, "结果", FiveOpen.RESULT),
        (LegalForce, "规章", LegalForce.DEPARTMENTAL_RULE),
        (LegalForce, "行政规范性文件", LegalForce.NORMATIVE_DOCUMENT),
    ],
)
def test_variants(cls: type[DisclosureMode], text: str, expected: object) -> None:
    assert cls.parse(text) is expected


def test_unknown_variant_names_the_choices() -> None:
    with pytest.raises(InvalidInputError) as info:
        DisclosureMode.parse("随便")
    assert isinstance(info.value, ValueError)
    assert info.value.field == "DisclosureMode"
    assert "主动公开" in info.value.expected


def test_levels_in_one_cell() -> None:
    assert Level.parse_many("乡、村级") == (Level.TOWNSHIP, Level.VILLAGE)
    assert Level.parse_many("县级/乡级") == (Level.COUNTY, Level.TOWNSHIP)
    assert Level.parse_many("县级") == (Level.COUNTY,)
    with pytest.raises(InvalidInputError):
        Level.parse_many("省级")


def test_legal_force_order() -> None:
    assert [f.rank for f in LegalForce] == list(range(7))
    assert LegalForce.LAW.label == "法律"


@pytest.mark.parametrize(
    ("title", "number", "expected"),
    [
        ("中华人民共和国社会保险法", None, LegalForce.LAW),
        ("就业促进法", None, LegalForce.LAW),
        ("失业保险金申领发放办法", None, None),
        ("失业保险金申领发放办法", "劳动和社会保障部令第8号", LegalForce.DEPARTMENTAL_RULE),
        ("湖南省某某规定", "湖南省人民政府令第200号", LegalForce.LOCAL_GOVERNMENT_RULE),
        ("工伤保险条例", None, LegalForce.ADMINISTRATIVE_REGULATION),
        ("人力资源市场暂行条例", None, LegalForce.ADMINISTRATIVE_REGULATION),
        ("云南省职工基本养老保险条例", None, LegalForce.LOCAL_REGULATION),
        ("长沙市就业促进条例", None, LegalForce.LOCAL_REGULATION),
        ("就业补助资金管理办法", "财社〔2017〕164号", LegalForce.NORMATIVE_DOCUMENT),
        ("关于做好失业保险工作的通知", None, LegalForce.NORMATIVE_DOCUMENT),
        ("某某工作方案", None, None),
    ],
)
def test_classify_basis(title: str, number: str | None, expected: LegalForce | None) -> None:
    assert classify_basis(title, number) is expected


def test_parse_legal_bases_cell() -> None:
    cell = ("《中华人民共和国社会保险法》第八条、第八十条\n"
            "《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）；"
            "《某某办法》(部门规章)第三条")  # fmt: skip
    law, doc, rule = parse_legal_bases(cell)
    assert law == LegalBasis("中华人民共和国社会保险法", LegalForce.LAW, "第八条、第八十条")
    assert doc.number == "国发〔2014〕8号"
    assert doc.kind is LegalForce.NORMATIVE_DOCUMENT
    assert rule == LegalBasis("某某办法", LegalForce.DEPARTMENTAL_RULE, "第三条")
    assert parse_legal_bases(format_bases((law, doc, rule))) == (law, doc, rule)
    assert rule.render() == "《某某办法》第三条"
    assert doc.render() == "《国务院关于建立统一的城乡居民基本养老保险制度的意见》(国发〔2014〕8号)"


def test_bases_without_brackets_and_empty() -> None:
    assert [b.title for b in parse_legal_bases("就业促进法\n某某规定；")] == ["就业促进法", "某某规定"]
    assert parse_legal_bases("  ") == ()


def test_unbalanced_brackets() -> None:
    with pytest.raises(InvalidInputError, match="《"):
        parse_legal_bases("《就业促进法")


def test_item_and_catalog_helpers() -> None:
    one = DisclosureItem("1", "就业", "招聘信息", row=5)
    two = DisclosureItem("2", "社保")
    catalog = Catalog((one, two), title="目录")
    assert one.name == "就业 / 招聘信息"
    assert two.name == "社保"
    assert one.where == "row 5"
    assert two.where == "item 2"
    assert len(catalog) == 2
    assert list(catalog) == [one, two]
    assert catalog.find("2") is two
    assert catalog.find("招聘信息") is one
    assert catalog.find(" 社保 ") is two
    assert catalog.find("无此项") is None


def test_find_all_prefers_sequence_then_names() -> None:
    a = DisclosureItem("1", "就业", "政策")
    b = DisclosureItem("2", "就业", "政策")
    c = DisclosureItem("政策", "社保")
    catalog = Catalog((a, b, c))
    assert catalog.find_all("政策") == (c,)  # the 序号 of c wins over two 二级事项
    assert catalog.find_all("就业") == (a, b)
    assert catalog.find_all("无") == ()
