"""One language per output (issue 13): power lists, their diffs' claim checks, flowchart findings
and the problems of reading a list, in zh and in en.

The Chinese names of the flowchart findings are the elements of seed 000 (劳保局政务公开示范点建设
意见, 四、3: 载明行使权力的重要依据、承办岗位、运行程序及相关接口、办理时限、监督制约环节、相对人的
权利、投诉举报途径和方式) as the codes' labels state them; the English ones are sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.support import assert_one_language

import zwgk
from zwgk._i18n import Language
from zwgk.errors import InvalidRecordsError, UnknownLanguageError
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

L, P = PowerCategory.LICENSING, PowerCategory.PENALTY


def _list(*names: str) -> PowerList:
    return PowerList(tuple(PowerItem(n, L) for n in names), title="示例权力清单")


def _chart() -> Flowchart:
    return Flowchart(
        "社会保险登记",
        (FlowStep("受理", "窗口受理岗", "即时", "电子监察"), FlowStep("审核")),
        basis="",
        rights="",
        complaint_route="",
    )


def test_flow_findings_in_chinese_are_the_seed_labels() -> None:
    findings = check_flowchart(_chart())
    assert [f.code for f in findings] == [
        FlowFindingCode.NO_BASIS,
        FlowFindingCode.STEP_NO_POST,
        FlowFindingCode.STEP_NO_TIME_LIMIT,
        FlowFindingCode.STEP_NO_SUPERVISION,
        FlowFindingCode.NO_RIGHTS,
        FlowFindingCode.NO_COMPLAINT_ROUTE,
    ]
    assert [f.text_in("zh") for f in findings] == [
        "未载明行使权力的依据",
        "审核：环节未载明承办岗位",
        "审核：环节未载明办理时限",
        "审核：环节未载明监督制约环节",
        "未载明相对人的权利",
        "未载明投诉举报途径和方式",
    ]
    assert findings[1].text_in("en") == "审核: the step does not name the post that handles it"
    for code in FlowFindingCode:  # every code has both texts; the Chinese one is its label
        found = [f for f in check_flowchart(Flowchart("x", ())) if f.code is code]
        for f in found:
            assert f.text_in("zh") == code.value


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_flow_findings_in_one_language(lang: Language) -> None:
    chart = Flowchart("x", ())
    with zwgk.language(lang):
        text = "\n".join(str(f) for f in (*check_flowchart(chart), *check_flowchart(_chart())))
    assert_one_language(text, lang, "审核")


def test_claim_check_in_both_languages() -> None:
    diff = diff_power_lists(_list("甲", "乙", "丙"), _list("甲", "乙"))
    claim = diff.check_claim(47, 13)
    assert claim.text_in("en") == "claim 47 → 13 does not hold: the lists have 3 → 2 items"
    assert claim.text_in("zh") == "“由47项精简为13项”不成立：两份清单分别为3项、2项"
    assert diff.check_claim(3, 2).text_in("zh") == "“由3项精简为2项”成立：两份清单分别为3项、2项"
    with zwgk.language("zh"):
        assert str(claim) == claim.text_in("zh")
    assert str(claim) == claim.text_in("en")
    with pytest.raises(UnknownLanguageError):
        claim.text_in("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_repr_in_one_language(lang: Language) -> None:
    with zwgk.language(lang):
        text = repr(_list("甲", "乙"))
    assert_one_language(text, lang, "示例权力清单", "PowerList")
    assert text == ("<权力清单 示例权力清单：2项>" if lang == "zh" else "<PowerList 示例权力清单: 2 items>")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_problems_in_one_language(tmp_path: Path, lang: Language) -> None:
    header = "序号,职权名称,职权类别,实施依据,实施主体,办理时限,收费标准,备注"
    path = tmp_path / "bad.csv"
    rows = [header, "1,甲,行政指导,,,,,", "2,,行政许可,,,,,", "3,乙,行政许可,《未闭合,,,,"]
    path.write_text("\n".join(rows), encoding="utf-8")
    with zwgk.language(lang), pytest.raises(InvalidRecordsError) as caught:
        read_power_list(path)
    problems = caught.value.problems
    assert [p.location for p in problems] == (
        ["第2行C列", "第3行", "第4行D列"] if lang == "zh" else ["row 2, column C", "row 3", "row 4, column D"]
    )
    text = "\n".join(f"{p.location} {p.message} {p.expected}" for p in problems)
    allowed = ["职权名称", "《》", "《", "》"] + [c.value for c in PowerCategory]
    assert_one_language(text.replace("C列", "").replace("D列", ""), lang, *allowed)
    if lang == "zh":
        assert [p.message for p in problems] == ["未知的职权类别", "事项没有名称", "书名号“《》”不成对"]
