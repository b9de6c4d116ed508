"""How a request ended: the outcome rows of table 3 of the annual report.

The vocabulary lives in the core because the clock validates the outcome of a
[`Replied`][zwgk.deadlines.Replied] event; [`zwgk.requests`][] re-exports it with the articles
behind each row.
"""

from __future__ import annotations

import enum
from functools import cache
from typing import Any

import attrs

from zwgk._text import lookup_label, normalize_label
from zwgk.errors import OutcomeRegimeError

__all__ = [
    "NoticeRecord",
    "Outcome",
    "OutcomeGroup",
    "ReplyNotice",
    "parse_outcome",
    "parse_reply_outcome",
    "withdrawal_outcome",
]


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

    @property
    def number(self) -> int:
        """The row number inside its group as printed in table 3 (1-based); 0 for 予以公开 and 部分公开."""
        return _numbers()[self]


@cache
def _numbers() -> dict[Outcome, int]:
    out: dict[Outcome, int] = {}
    seen: dict[OutcomeGroup, int] = {}
    for outcome in Outcome:
        if "/" not in outcome.value:
            out[outcome] = 0
            continue
        seen[outcome.group] = seen.get(outcome.group, 0) + 1
        out[outcome] = seen[outcome.group]
    return out


def parse_outcome(text: str | Outcome) -> Outcome:
    """Read an outcome row from the many ways registers and reports write it.

    Accepted: the full value (``"不予公开/属于国家秘密"``), the leaf label (``"属于国家秘密"``), the
    English name (``"withheld_state_secret"``), ``group-number`` forms (``"不予公开-1"``,
    ``"不予公开1"``), common short forms (``"逾期不补正"``, ``"不掌握"``, ``"国家秘密"``, ``"公开"``)
    and withdrawals (``"申请人撤回"``, ``"撤回申请"``, ``"申请人主动撤回"`` …), read as the row
    that ``deadlines/data/withdrawals.toml`` names (其他处理/其他, a documented default: no
    format's text says how withdrawals are counted).

    Raises:
        UnknownNameError: the text names no outcome row.
    """
    if isinstance(text, Outcome):
        return text
    return lookup_label(_aliases(), text, "outcome", [o.value for o in Outcome])


@cache
def _aliases() -> dict[str, Outcome]:
    aliases: dict[str, Outcome] = {}
    for outcome in Outcome:
        aliases[normalize_label(outcome.value)] = outcome
        aliases[normalize_label(outcome.name.lower())] = outcome
        if outcome.label != outcome.group.value:
            aliases.setdefault(normalize_label(outcome.label), outcome)
        if outcome.number:
            aliases[normalize_label(f"{outcome.group.value}{outcome.number}")] = outcome
    short = {
        "公开": Outcome.DISCLOSED,
        "同意公开": Outcome.DISCLOSED,
        "全部公开": Outcome.DISCLOSED,
        "国家秘密": Outcome.WITHHELD_STATE_SECRET,
        "三安全一稳定": Outcome.WITHHELD_SECURITY_STABILITY,
        "第三方合法权益": Outcome.WITHHELD_THIRD_PARTY,
        "内部事务信息": Outcome.WITHHELD_INTERNAL_AFFAIRS,
        "过程性信息": Outcome.WITHHELD_PROCESS_INFORMATION,
        "行政执法案卷": Outcome.WITHHELD_ENFORCEMENT_FILE,
        "行政查询事项": Outcome.WITHHELD_ADMINISTRATIVE_QUERY,
        "信息不存在": Outcome.UNAVAILABLE_NOT_HELD,
        "不掌握": Outcome.UNAVAILABLE_NOT_HELD,
        "本机关不掌握": Outcome.UNAVAILABLE_NOT_HELD,
        "需要另行制作": Outcome.UNAVAILABLE_NEEDS_CREATION,
        "信访举报投诉": Outcome.NOT_PROCESSED_PETITION,
        "公开出版物": Outcome.NOT_PROCESSED_PUBLICATION,
        "大量反复申请": Outcome.NOT_PROCESSED_EXCESSIVE,
        "逾期不补正": Outcome.OTHER_NO_CORRECTION,
        "逾期未缴纳信息处理费": Outcome.OTHER_FEE_UNPAID,
        "逾期未缴费": Outcome.OTHER_FEE_UNPAID,
        "其他处理": Outcome.OTHER,
    }
    aliases.update({normalize_label(k): v for k, v in short.items()})
    withdrawals = _read_data("withdrawals.toml")
    row = Outcome(withdrawals["row"])
    aliases.update({normalize_label(k): row for k in withdrawals["aliases"]})
    return aliases


def withdrawal_outcome() -> Outcome:
    """The row a withdrawn request (申请人撤回) is counted in (``deadlines/data/withdrawals.toml``)."""
    return Outcome(_read_data("withdrawals.toml")["row"])


class ReplyNotice(enum.Enum):
    """A reply notice (告知书) of the 2008 regime, named by its outcome.

    The kinds of reply of 《政府信息公开条例》（国务院令第492号）第二十一条, as offices named
    them; the article, the table-3 row each is counted in and the regimes that accept it are
    data (``deadlines/data/notices-2008.toml``), read through
    [`record`][zwgk.deadlines.io.ReplyNotice.record].
    """

    DISCLOSED = "同意公开告知书"
    PARTIALLY_DISCLOSED = "部分公开告知书"
    WITHHELD = "不予公开告知书"
    NOT_HELD = "非本机关掌握告知书"
    NONEXISTENT = "信息不存在告知书"
    UNCLEAR = "申请内容不明确告知书"

    @property
    def record(self) -> NoticeRecord:
        """The notice's data record: article, text, row of table 3, where it is accepted."""
        return _notices()[self]

    @property
    def row(self) -> Outcome | None:
        """The row of table 3 the notice is counted in; ``None``: the notice alone names no row."""
        return self.record.row

    @property
    def label(self) -> str:
        """The notice's name."""
        return self.value


@attrs.frozen
class NoticeRecord:
    """One notice of ``notices-2008.toml``.

    ``regime`` is the regime whose article the notice answers (its label is kept as the
    notice there); ``also`` the later regimes under which the label is read as ``row``.
    """

    notice: ReplyNotice
    aliases: tuple[str, ...]
    article: str
    text: str
    row: Outcome | None
    row_basis: str
    regime: str
    also: frozenset[str]
    note: str | None


def _read_notices() -> dict[str, Any]:
    return _read_data("notices-2008.toml")


@cache
def _read_data(name: str) -> dict[str, Any]:
    import tomllib  # imported on first use: import zwgk stays cheap (issue 17)
    from importlib import resources  # the same

    path = resources.files("zwgk.deadlines") / "data" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def _notices() -> dict[ReplyNotice, NoticeRecord]:
    raw = _read_notices()
    out: dict[ReplyNotice, NoticeRecord] = {}
    for record in raw["notice"]:
        notice = ReplyNotice(record["value"])
        out[notice] = NoticeRecord(
            notice=notice,
            aliases=tuple(record["aliases"]),
            article=record["article"],
            text=record["text"],
            row=Outcome(record["row"]) if "row" in record else None,
            row_basis=record["row_basis"],
            regime=raw["regime"],
            also=frozenset(record["also"]),
            note=record.get("note"),
        )
    return out


@cache
def _notice_aliases() -> dict[str, ReplyNotice]:
    aliases: dict[str, ReplyNotice] = {}
    for notice, record in _notices().items():
        for text in (notice.value, notice.name.lower(), *record.aliases):
            aliases[normalize_label(text)] = notice
    return aliases


def parse_reply_outcome(
    text: str | Outcome | ReplyNotice, regime: str | None = None
) -> Outcome | ReplyNotice:
    """Read a reply outcome: a row of table 3 or, under the 2008 regime, a notice (告知书).

    ``regime`` is the id of the request's regime (``"2008"``/``"2019"``; ``None``: no check).
    A notice label (``"同意公开告知书"``, ``"补正告知书"`` ...) stays a
    [`ReplyNotice`][zwgk.deadlines.io.ReplyNotice] under its own regime and with ``regime=None``; under a
    later regime listed in its record's ``also`` it is read as its row; under any other regime it is refused.
    Every other text is read by [`parse_outcome`][zwgk.deadlines.io.parse_outcome].

    Raises:
        OutcomeRegimeError: a notice with no meaning under ``regime``.
        UnknownNameError: the text names neither a row nor a notice.
    """
    if isinstance(text, Outcome):
        return text
    if isinstance(text, ReplyNotice):
        notice: ReplyNotice | None = text
    elif isinstance(text, str):
        notice = _notice_aliases().get(normalize_label(text))
    else:  # not text at all: parse_outcome names it in its error
        return parse_outcome(text)
    if notice is None:
        return parse_outcome(text)  # type: ignore[arg-type]  # a str here
    record = notice.record
    if regime is None or regime == record.regime:
        return notice
    if regime in record.also and record.row is not None:
        return record.row
    raise OutcomeRegimeError(
        notice.value if isinstance(text, ReplyNotice) else str(text),
        regime,
        record.article,
        "a row of table 3 (" + ", ".join(o.value for o in Outcome) + ")",
    )
