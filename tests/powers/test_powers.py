"""Power lists: categories, counts, diffs and the importer, on small hand-made lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from zwgk.catalog import LegalForce
from zwgk.errors import InvalidRecordsError, UnknownNameError
from zwgk.powers import (
    Flowchart,
    FlowFindingCode,
    FlowStep,
    PowerCategory,
    PowerItem,
    PowerList,
    check_flowchart,
    diff_power_lists,
    read_power_list,
)

P, L = PowerCategory.PENALTY, PowerCategory.LICENSING


def _list(*names: tuple[str, PowerCategory, str] | tuple[str, PowerCategory]) -> PowerList:
    return PowerList(tuple(PowerItem(n[0], n[1], remarks=n[2] if len(n) > 2 else "") for n in names))  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("行政许可", L),
        ("许可", L),
        ("其他", PowerCategory.OTHER),
        ("其他行政权力", PowerCategory.OTHER),
        ("公共服务", PowerCategory.PUBLIC_SERVICE),
        ("行政裁决", PowerCategory.ADJUDICATION),
    ],
)
def test_categories(text: str, category: PowerCategory) -> None:
    assert PowerCategory.parse(text) is category


def test_unknown_category_is_named() -> None:
    with pytest.raises(UnknownNameError, match="行政指导"):
        PowerCategory.parse("行政指导")


def test_counts() -> None:
    plist = PowerList(
        (
            PowerItem("a", L, unit="审批科"),
            PowerItem("b", P, unit="执法大队"),
            PowerItem("c", P, unit="执法大队"),
        )
    )
    assert dict(plist.counts_by_category()) == {L: 1, P: 2}
    assert dict(plist.counts_by_unit()) == {"审批科": 1, "执法大队": 2}


def test_diff_kept_added_removed_merged() -> None:
    old = _list(
        ("设立许可", L), ("虚假广告处罚", P), ("违法发布广告处罚", P), ("年检", L), ("甲", P), ("乙", P)
    )
    new = _list(
        ("设立许可", L),
        ("对违反广告管理规定行为的处罚（虚假广告处罚、违法发布广告处罚）", P),
        ("综合处罚", P, "由原“甲”“乙”合并"),
        ("备案", L),
    )
    diff = diff_power_lists(old, new)
    assert [(o.name, n.name) for o, n in diff.kept] == [("设立许可", "设立许可")]
    assert [i.name for i in diff.added] == ["备案"]
    assert [i.name for i in diff.removed] == ["年检"]
    assert [[o.name for o in m.old] for m in diff.merged] == [
        ["虚假广告处罚", "违法发布广告处罚"],
        ["甲", "乙"],
    ]
    assert [m.by_note for m in diff.merged] == [False, True]
    # 6 → 4: 1 kept + 1 removed + 4 merged old; 1 kept + 1 added + 2 mergers new
    assert diff.check_claim(6, 4).holds
    claim = diff.check_claim(47, 13)
    assert not claim.holds
    assert str(claim) == "claim 47 → 13 does not hold: the lists have 6 → 4 items"


def test_one_covered_item_is_not_a_merger() -> None:
    diff = diff_power_lists(_list(("年检", L)), _list(("年检和换证", L)))
    assert diff.merged == ()
    assert [i.name for i in diff.removed] == ["年检"]


def test_flowchart_findings() -> None:
    chart = Flowchart(
        "社会保险登记",
        (FlowStep("受理", "窗口受理岗", "即时", "电子监察"), FlowStep("审核", "审核岗", "", "")),
        basis="《中华人民共和国社会保险法》第五十七条",
        rights="",
        complaint_route="投诉电话12333",
    )
    assert [(f.code, f.step) for f in check_flowchart(chart)] == [
        (FlowFindingCode.STEP_NO_TIME_LIMIT, "审核"),
        (FlowFindingCode.STEP_NO_SUPERVISION, "审核"),
        (FlowFindingCode.NO_RIGHTS, None),
    ]


HEADER = ["序号", "职权名称", "职权类别", "实施依据", "实施主体", "办理时限", "收费标准", "备注"]


def _xlsx(path: Path, rows: list[list[object]], merges: list[str]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_xlsx_with_merged_cells(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["某县人力资源和社会保障局权力清单"],
        ["序号", "职权名称", "职权类别", "实施依据", "实施主体", "办理时限", None, "收费标准"],
        [None, None, None, None, None, "法定时限", "承诺时限", None],
        [
            1,
            "职业介绍机构设立许可",
            "行政许可",
            "《就业服务与就业管理规定》(劳动和社会保障部令第28号)；《中华人民共和国就业促进法》第四十条",
            "就业促进股",
            "20个工作日",
            "10个工作日",
            "不收费",
        ],
        [None] * 8,
        [
            2,
            "对用人单位违反劳动保障法律的处罚",
            "行政处罚",
            "《劳动保障监察条例》",
            "劳动监察大队",
            "60日",
            "30日",
            "不收费",
        ],
        [3, "对拒不支付劳动报酬的处罚", None, "《劳动保障监察条例》", None, "60日", "30日", "不收费"],
    ]
    path = _xlsx(
        tmp_path / "list.xlsx", rows, ["A1:H1", "F2:G2", "A2:A3", "B2:B3", "C2:C3", "C6:C7", "E6:E7"]
    )
    plist = read_power_list(path)
    assert plist.title == "某县人力资源和社会保障局权力清单"
    assert [(i.name, i.category, i.unit, i.row) for i in plist.items] == [
        ("职业介绍机构设立许可", L, "就业促进股", 4),
        ("对用人单位违反劳动保障法律的处罚", P, "劳动监察大队", 6),
        ("对拒不支付劳动报酬的处罚", P, "劳动监察大队", 7),
    ]
    first = plist.items[0]
    # the law is listed first (legal force), the sheet had the departmental rule first
    assert [b.kind for b in first.legal_bases] == [LegalForce.LAW, LegalForce.DEPARTMENTAL_RULE]
    assert first.bases_in_order is False
    assert first.time_limit.text == "10个工作日"  # the committed limit (承诺时限) is read
    assert first.fees == "不收费"


def test_csv_bad_rows_listed_together(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    lines = [",".join(HEADER), "1,甲,行政指导,,,,,", "2,,行政许可,,,,,", "3,乙,行政许可,《未闭合,,,,"]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InvalidRecordsError) as info:
        read_power_list(path)
    text = str(info.value)
    assert "row 2, column C" in text
    assert "行政指导" in text
    assert "row 3" in text
    assert "item has no name" in text
    assert "row 4, column D" in text
    assert "unbalanced" in text


def test_no_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    with pytest.raises(InvalidRecordsError, match="no header row"):
        read_power_list(path)
