"""How a request ended: the outcome rows of table 3 of the annual report.

The vocabulary lives in the core because the clock validates the outcome of a
:class:`~zwgk.deadlines.Replied` event; :mod:`zwgk.requests` re-exports it with the articles
behind each row.
"""

from __future__ import annotations

import enum

from zwgk.deadlines._receipt import normalize_label
from zwgk.errors import UnknownNameError

__all__ = ["Outcome", "OutcomeGroup", "parse_outcome"]


class OutcomeGroup(enum.Enum):
    """The six groups of outcome rows of table 3 (（一） to （六）)."""

    DISCLOSED = "予以公开"
    PARTIALLY_DISCLOSED = "部分公开"
    WITHHELD = "不予公开"
    UNAVAILABLE = "无法提供"
    NOT_PROCESSED = "不予处理"
    OTHER = "其他处理"


class Outcome(enum.Enum):
    """One leaf row of table 3 section 三 (国办公开办函〔2021〕30号).

    The value is ``"group/leaf label"`` (or just the group for 予以公开 and 部分公开).
    """

    DISCLOSED = "予以公开"
    PARTIALLY_DISCLOSED = "部分公开"
    WITHHELD_STATE_SECRET = "不予公开/属于国家秘密"
    WITHHELD_PROHIBITED_BY_LAW = "不予公开/其他法律行政法规禁止公开"
    WITHHELD_SECURITY_STABILITY = "不予公开/危及“三安全一稳定”"
    WITHHELD_THIRD_PARTY = "不予公开/保护第三方合法权益"
    WITHHELD_INTERNAL_AFFAIRS = "不予公开/属于三类内部事务信息"
    WITHHELD_PROCESS_INFORMATION = "不予公开/属于四类过程性信息"
    WITHHELD_ENFORCEMENT_FILE = "不予公开/属于行政执法案卷"
    WITHHELD_ADMINISTRATIVE_QUERY = "不予公开/属于行政查询事项"
    UNAVAILABLE_NOT_HELD = "无法提供/本机关不掌握相关政府信息"
    UNAVAILABLE_NEEDS_CREATION = "无法提供/没有现成信息需要另行制作"
    UNAVAILABLE_STILL_UNCLEAR = "无法提供/补正后申请内容仍不明确"
    NOT_PROCESSED_PETITION = "不予处理/信访举报投诉类申请"
    NOT_PROCESSED_REPEAT = "不予处理/重复申请"
    NOT_PROCESSED_PUBLICATION = "不予处理/要求提供公开出版物"
    NOT_PROCESSED_EXCESSIVE = "不予处理/无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRMATION = "不予处理/要求行政机关确认或重新出具已获取信息"
    OTHER_NO_CORRECTION = "其他处理/申请人无正当理由逾期不补正"
    OTHER_FEE_UNPAID = "其他处理/申请人逾期未按收费通知要求缴纳费用"
    OTHER = "其他处理/其他"

    @property
    def group(self) -> OutcomeGroup:
        """The （一）–（六） group this row belongs to."""
        return OutcomeGroup(self.value.split("/", 1)[0])

    @property
    def label(self) -> str:
        """The row's own label (the leaf text, or the group for 予以公开 / 部分公开)."""
        return self.value.split("/", 1)[-1]


def parse_outcome(text: str | Outcome) -> Outcome:
    """Read an outcome from its full value, leaf label or English name.

    Raises:
        UnknownNameError: the text names no outcome row.
    """
    if isinstance(text, Outcome):
        return text
    key = normalize_label(str(text))
    for outcome in Outcome:
        if key in (normalize_label(outcome.value), normalize_label(outcome.label), outcome.name.lower()):
            return outcome
    raise UnknownNameError("outcome", text, [o.value for o in Outcome])
