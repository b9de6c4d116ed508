"""The names the clock uses: which deadline, where a request stands, which rule was broken."""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = ["ClockState", "DeadlineKind", "ViolationKind"]


class DeadlineKind(enum.StrEnum):
    """Which statutory deadline a [`Deadline`][zwgk.deadlines.Deadline] is."""

    REPLY = "reply"
    PROACTIVE = "proactive"
    ANNUAL_REPORT = "annual_report"
    REVIEW = "review"
    LITIGATION = "litigation"
    LITIGATION_AFTER_REVIEW = "litigation_after_review"
    FEE_PAYMENT = "fee_payment"

    @property
    def label(self) -> str:
        """Chinese label: 答复期限, 主动公开期限, 年度报告公布期限, 行政复议申请期限, …"""
        return _KIND_LABELS[self]


class ClockState(enum.StrEnum):
    """Where a request stands."""

    RUNNING = "running"
    AWAITING_CORRECTION = "awaiting_correction"
    AWAITING_PAYMENT = "awaiting_payment"
    ABANDONED = "abandoned"
    REPLIED = "replied"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """Chinese label: 计时中, 待补正, 待缴费, 视为放弃申请, 已答复, 已撤回."""
        return _STATE_LABELS[self]


class ViolationKind(enum.StrEnum):
    """A way the agency broke the Regulations' time rules."""

    LATE_CORRECTION_NOTICE = "late_correction_notice"
    REPEATED_CORRECTION_NOTICE = "repeated_correction_notice"
    LATE_EXTENSION = "late_extension"
    OVERSIZED_EXTENSION = "oversized_extension"
    EXTENSION_WHILE_STOPPED = "extension_while_stopped"
    LATE_DELAY = "late_delay"
    DELAY_WITHOUT_BASIS = "delay_without_basis"
    LATE_REPLY = "late_reply"


_KIND_LABELS = MappingProxyType(
    {
        DeadlineKind.REPLY: "答复期限",
        DeadlineKind.PROACTIVE: "主动公开期限",
        DeadlineKind.ANNUAL_REPORT: "年度报告公布期限",
        DeadlineKind.REVIEW: "行政复议申请期限",
        DeadlineKind.LITIGATION: "行政诉讼起诉期限",
        DeadlineKind.LITIGATION_AFTER_REVIEW: "复议后起诉期限",
        DeadlineKind.FEE_PAYMENT: "信息处理费缴纳期限",
    }
)
# 条例第三十条 (逾期不补正的，视为放弃申请), 第三十三条 (答复), 第四十二条 (信息处理费).
_STATE_LABELS = MappingProxyType(
    {
        ClockState.RUNNING: "计时中",
        ClockState.AWAITING_CORRECTION: "待补正",
        ClockState.AWAITING_PAYMENT: "待缴费",
        ClockState.ABANDONED: "视为放弃申请",
        ClockState.REPLIED: "已答复",
        ClockState.WITHDRAWN: "已撤回",
    }
)
