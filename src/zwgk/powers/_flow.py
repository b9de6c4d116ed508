"""The 流程图 of a power as a checked structure.

Seed 000 (劳保局政务公开示范点建设意见, 四、3) asks that every power in the 职权目录 have a
flowchart that "载明行使权力的重要依据、承办岗位、运行程序及相关接口、办理时限、监督制约环节、
相对人的权利、投诉举报途径和方式".  Read as a structure: the flowchart names its basis and
its steps (运行程序); every step names its post (承办岗位), its time limit (办理时限) and its
supervision point (监督制约环节); the flowchart states the person's rights (相对人的权利) and
the complaint route (投诉举报途径和方式).  [`check_flowchart`][zwgk.powers.check_flowchart] reports each
element missing as a named [`FlowFinding`][zwgk.powers.FlowFinding].
"""

from __future__ import annotations

import enum
from types import MappingProxyType

import attrs

from zwgk._i18n import N_, Language, Message, msg

__all__ = ["FlowFinding", "FlowFindingCode", "FlowStep", "Flowchart", "check_flowchart"]


class FlowFindingCode(enum.Enum):
    """What a flowchart lacks (the element of seed 000 in the label)."""

    NO_BASIS = "未载明行使权力的依据"
    NO_STEPS = "未载明运行程序"
    STEP_NO_POST = "环节未载明承办岗位"
    STEP_NO_TIME_LIMIT = "环节未载明办理时限"
    STEP_NO_SUPERVISION = "环节未载明监督制约环节"
    NO_RIGHTS = "未载明相对人的权利"
    NO_COMPLAINT_ROUTE = "未载明投诉举报途径和方式"


_CODES = MappingProxyType(
    {
        FlowFindingCode.NO_BASIS: N_("the basis for exercising the power is not stated"),
        FlowFindingCode.NO_STEPS: N_("the procedure is not stated"),
        FlowFindingCode.STEP_NO_POST: N_("the step does not name the post that handles it"),
        FlowFindingCode.STEP_NO_TIME_LIMIT: N_("the step does not state its time limit"),
        FlowFindingCode.STEP_NO_SUPERVISION: N_("the step does not name its supervision point"),
        FlowFindingCode.NO_RIGHTS: N_("the rights of the person concerned are not stated"),
        FlowFindingCode.NO_COMPLAINT_ROUTE: N_("the complaint route is not stated"),
    }
)


@attrs.frozen
class FlowStep:
    """One step (环节) of a flowchart: 受理, 审查, 决定, 送达 …"""

    name: str
    post: str = ""
    time_limit: str = ""
    supervision: str = ""


@attrs.frozen
class Flowchart:
    """The flowchart (流程图) of one power."""

    power: str
    steps: tuple[FlowStep, ...]
    basis: str = ""
    rights: str = ""
    complaint_route: str = ""


@attrs.frozen
class FlowFinding:
    """One missing element; ``step`` is the step's name (``None`` for the whole chart)."""

    code: FlowFindingCode
    step: str | None = None

    def __str__(self) -> str:
        return self.text_in()

    def text_in(self, lang: Language | None = None) -> str:
        """What is missing, in ``lang``: its Chinese label in Chinese (环节未载明承办岗位), an
        English sentence else; the step's name first."""
        what = Message(_CODES[self.code])
        if self.step:
            return msg("{step}: {what}", step=self.step, what=what).render(lang)
        return what.render(lang)


def check_flowchart(chart: Flowchart) -> tuple[FlowFinding, ...]:
    """Every element of seed 000 the flowchart lacks (blank text counts as missing).

    Returns:
        The findings in chart order (basis, steps, then rights and complaint route); empty
        when the flowchart is complete.
    """
    findings: list[FlowFinding] = []
    if not chart.basis.strip():
        findings.append(FlowFinding(FlowFindingCode.NO_BASIS))
    if not chart.steps:
        findings.append(FlowFinding(FlowFindingCode.NO_STEPS))
    for step in chart.steps:
        for text, code in (
            (step.post, FlowFindingCode.STEP_NO_POST),
            (step.time_limit, FlowFindingCode.STEP_NO_TIME_LIMIT),
            (step.supervision, FlowFindingCode.STEP_NO_SUPERVISION),
        ):
            if not text.strip():
                findings.append(FlowFinding(code, step.name))
    if not chart.rights.strip():
        findings.append(FlowFinding(FlowFindingCode.NO_RIGHTS))
    if not chart.complaint_route.strip():
        findings.append(FlowFinding(FlowFindingCode.NO_COMPLAINT_ROUTE))
    return tuple(findings)
