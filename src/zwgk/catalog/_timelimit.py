"""The 公开时限 phrase parser: free text in, frozen values out, never an exception.

Catalogs state time limits in free text (《政府信息公开条例》第二十六条 gives the default:
自该政府信息形成或者变更之日起20个工作日内).  [`parse_time_limit`][zwgk.catalog.parse_time_limit] splits a
phrase into clauses (at ``;``, ``,`` and ``。``) and recognises each clause as one of:

- [`PeriodLimit`][zwgk.catalog.PeriodLimit] — *n* working days, days or months from an
  [`Anchor`][zwgk.catalog.Anchor] event (or from no stated event: ``20工作日``);
- [`AnnualDeadline`][zwgk.catalog.AnnualDeadline] — a date each year (每年1月31日前);
- [`PeriodicLimit`][zwgk.catalog.PeriodicLimit] — a recurring frequency (每月, 每季度, 每年; 每月10日前);
- [`QualitativeLimit`][zwgk.catalog.QualitativeLimit] — 实时, 及时, 长期, 常态化, 动态更新;
- [`DisplayPeriod`][zwgk.catalog.DisplayPeriod] — how long a notice stays up (公示期5个工作日), not a
  deadline;
- [`SameAsAbove`][zwgk.catalog.SameAsAbove] — 同上, resolved by the importer from the row above;
- [`UnparsedLimit`][zwgk.catalog.UnparsedLimit] — anything else, kept verbatim, with an
  [`UnparsedTimeLimitWarning`][zwgk.errors.UnparsedTimeLimitWarning].

A clause starting with 其中 gives its limit a *scope* (其中行政许可、行政处罚事项应自作出行政
决定之日起7个工作日内公示).  Presentation remarks (条目化展示) are kept as notes.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import warnings
from types import MappingProxyType
from typing import TypeAlias

import attrs

from zwgk._dates import missing_name
from zwgk._i18n import gettext
from zwgk._text import normalize
from zwgk.deadlines import PeriodUnit
from zwgk.errors import InvalidTypeError, UnparsedTimeLimitWarning

__all__ = [
    "Anchor",
    "AnnualDeadline",
    "DisplayPeriod",
    "Frequency",
    "LimitPart",
    "PeriodLimit",
    "PeriodicLimit",
    "Qualitative",
    "QualitativeLimit",
    "SameAsAbove",
    "TimeLimit",
    "UnparsedLimit",
    "parse_time_limit",
]


class Anchor(enum.Enum):
    """The event a period runs from; the value is the canonical Chinese wording.

    The start day itself is never counted (see [`zwgk.deadlines`][]).
    """

    FORMED_OR_CHANGED = "信息形成或者变更之日"  # 《政府信息公开条例》第二十六条
    FORMED = "信息形成之日"
    MADE_OR_OBTAINED = "制作或者获取该信息之日"
    DECISION = "作出行政决定之日"
    APPROVAL = "批准之日"
    ACCEPTANCE = "受理之日"
    ISSUANCE = "印发之日"
    COMPLETION = "办结之日"  # work/项目/事项/评审/鉴定 办结, 完成 or 结束; not 会议/公示结束


class Frequency(enum.Enum):
    """A recurring publication frequency; the value is the canonical wording."""

    WEEKLY = "每周"
    MONTHLY = "每月"
    QUARTERLY = "每季度"
    HALF_YEARLY = "每半年"
    YEARLY = "每年"


class Qualitative(enum.Enum):
    """A limit stated without a number; the value is the canonical wording."""

    REAL_TIME = "实时公开"
    PROMPT = "及时公开"
    LONG_TERM = "长期公开"
    REGULAR = "常态化公开"
    DYNAMIC = "动态更新"


def _scoped(scope: str | None, body: str) -> str:
    return body if scope is None else f"其中{scope}{body}"


@attrs.frozen
class PeriodLimit:
    """``amount`` units after the ``anchor`` event (``None``: the phrase names no event)."""

    amount: int
    unit: PeriodUnit
    anchor: Anchor | None = None
    scope: str | None = None

    def render(self) -> str:
        """Canonical Chinese text, e.g. ``自信息形成或者变更之日起20个工作日内``."""
        start = "" if self.anchor is None else f"自{self.anchor.value}起"
        return _scoped(self.scope, f"{start}{self.amount}{self.unit.label}内")


@attrs.frozen
class AnnualDeadline:
    """By a date each year: ``month``/``day`` (``day=None``: the month's last day)."""

    month: int
    day: int | None
    subject: str | None = None
    scope: str | None = None

    def render(self) -> str:
        """Canonical Chinese text, e.g. ``每年1月31日前公开上一年度公开年度报告``."""
        when = f"{self.month}月底" if self.day is None else f"{self.month}月{self.day}日"
        subject = "" if self.subject is None else f"公开{self.subject}"
        return _scoped(self.scope, f"每年{when}前{subject}")


@attrs.frozen
class PeriodicLimit:
    """Published at a ``frequency``; ``day`` is the day of the month for 每月N日前."""

    frequency: Frequency
    day: int | None = None
    scope: str | None = None

    def render(self) -> str:
        """Canonical Chinese text, e.g. ``每季度`` or ``每月10日前``."""
        day = "" if self.day is None else f"{self.day}日前"
        return _scoped(self.scope, f"{self.frequency.value}{day}")


@attrs.frozen
class QualitativeLimit:
    """A limit without a number (实时, 及时, 长期, 常态化, 动态更新)."""

    kind: Qualitative
    scope: str | None = None

    def render(self) -> str:
        """Canonical Chinese text, e.g. ``及时公开``."""
        return _scoped(self.scope, self.kind.value)


@attrs.frozen
class DisplayPeriod:
    """How long a notice stays displayed (公示期); a duration, **not** a deadline."""

    amount: int
    unit: PeriodUnit
    at_least: bool = False
    scope: str | None = None

    def render(self) -> str:
        """Canonical Chinese text, e.g. ``公示期5个工作日`` or ``公示期不少于7日``."""
        floor = "不少于" if self.at_least else ""
        return _scoped(self.scope, f"公示期{floor}{self.amount}{self.unit.label}")


@attrs.frozen
class SameAsAbove:
    """The cell says 同上: the limit of the row above applies (the importer resolves it)."""

    def render(self) -> str:
        """Always ``同上``."""
        return "同上"


@attrs.frozen
class UnparsedLimit:
    """A clause that was not recognised, kept as (normalised) text."""

    text: str

    def render(self) -> str:
        """The clause itself."""
        return self.text


LimitPart: TypeAlias = (
    PeriodLimit
    | AnnualDeadline
    | PeriodicLimit
    | QualitativeLimit
    | DisplayPeriod
    | SameAsAbove
    | UnparsedLimit
)


@attrs.frozen
class TimeLimit:
    """A 公开时限 cell: the raw ``text``, its recognised ``parts`` and presentation ``notes``.

    An empty cell (or ``/``, ``-``, ``无``) gives no parts.
    """

    text: str
    parts: tuple[LimitPart, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the cell states no time limit at all."""
        return not self.parts and not self.notes

    @property
    def is_parsed(self) -> bool:
        """True when at least one part is recognised and none is unparsed."""
        return bool(self.parts) and not self.unparsed

    @property
    def is_same_as_above(self) -> bool:
        """True when the cell is 同上."""
        return any(isinstance(p, SameAsAbove) for p in self.parts)

    @property
    def unparsed(self) -> tuple[str, ...]:
        """The clauses that were not recognised."""
        return tuple(p.text for p in self.parts if isinstance(p, UnparsedLimit))

    @property
    def period(self) -> PeriodLimit | None:
        """The first period without a scope (the limit for the item as a whole), if any."""
        for part in self.parts:
            if isinstance(part, PeriodLimit) and part.scope is None:
                return part
        return None

    def render(self) -> str:
        """Canonical Chinese text; ``parse_time_limit(t.render())`` has the same parts."""
        return ";".join([*self.notes, *(p.render() for p in self.parts)])


# --- grammar ----------------------------------------------------------------------------

_PREFIX = r"(?:应当|应|须|需|并|均|且)?(?:在|于|自|从)?"
_VERB = (
    r"(?:及时|主动|集中)?(?:予以|进行|向社会|在网上)?(?:主动)?"
    r"(?:公开|公示|公布|发布|更新|调整|录入|上传|展示)?(?:完毕|到位)?"
)
_ANCHOR_PATTERNS: tuple[tuple[Anchor, str], ...] = (
    (
        Anchor.MADE_OR_OBTAINED,
        r"(?:政府)?(?:信息)?(?:制作|产生)(?:或者|或|、|/)获取(?:该|相关)?(?:政府)?(?:信息)?",
    ),
    (
        Anchor.FORMED_OR_CHANGED,
        (
            r"(?:该|本|相关)?(?:政府)?(?:信息)?(?:形成|产生)"
            r"(?:或者|或是|或|、|/|\()(?:发生)?(?:变更|变化|改变)\)?"
        ),
    ),
    (Anchor.FORMED, r"(?:该|本|相关)?(?:政府)?(?:信息)?(?:形成|生成)"),
    (
        Anchor.DECISION,
        (
            r"(?:依法)?作出(?:行政|准予)?(?:许可|处罚|审批|强制|征收|复议)?决定"
            r"|(?:行政)?(?:许可|处罚|审批)?决定作出"
        ),
    ),
    (Anchor.APPROVAL, r"(?:获得|经|通过)?(?:批准|审批通过|审核通过|批复)"),
    (Anchor.ACCEPTANCE, r"(?:申请)?受理(?:申请)?"),
    (Anchor.ISSUANCE, r"(?:文件|政策|规范性文件)?(?:印发|签发|发布|出台)"),
    # 办结 is the conclusion of a piece of work or a procedure.  The end of a meeting, a
    # 公示, a training or an exam is another event (not 办结); such phrases stay unparsed.
    (
        Anchor.COMPLETION,
        r"(?:工作|项目|事项|评审|鉴定)?(?:办结|完成)|(?:工作|项目|事项|评审|鉴定)结束",
    ),
)
_ANCHORS = "|".join(f"(?:{pattern})" for _, pattern in _ANCHOR_PATTERNS)
# The same alternation with one named group per anchor, so a match says which one it was.
_NAMED_ANCHORS = "|".join(f"(?P<{a.name}>{pattern})" for a, pattern in _ANCHOR_PATTERNS)
_UNIT = r"(?P<unit>工作日|日|天|个月)"
_UNITS = MappingProxyType({"工作日": PeriodUnit.WORKING_DAYS, "日": PeriodUnit.DAYS, "天": PeriodUnit.DAYS,
          "个月": PeriodUnit.MONTHS})  # fmt: skip

_PERIOD = re.compile(
    rf"{_PREFIX}(?:(?P<anchor>{_NAMED_ANCHORS})(?:之日|之时|时)?(?:起|后|以后)?)?"
    rf"(?P<n>\d{{1,4}})个?{_UNIT}(?:以内|之内|内)?{_VERB}"
)
_ANCHOR_ONLY = re.compile(rf"{_PREFIX}(?:{_ANCHORS})(?:之日|之时)?(?:起|后|以后)")
_ANNUAL = re.compile(
    rf"{_PREFIX}(?:每年度|每年|次年|于每年)(?:的)?(?P<m>\d{{1,2}})月"
    r"(?:(?P<d>\d{1,2})[日号]|(?P<end>底|末))(?:前|之前|以前)"
    r"(?:(?:公开|发布|公布|报送)(?P<subject>.*))?"
)
_PERIODIC = re.compile(
    rf"{_PREFIX}(?:每|按)(?P<f>月度|月|季度|季|半年度|半年|年度|年|周|星期)"
    r"(?:(?P<d>\d{1,2})[日号](?:前|之前|以前))?"
    rf"(?:{_VERB})(?:一次|1次)?"
)
_FREQUENCIES = MappingProxyType(
    {"月": Frequency.MONTHLY, "月度": Frequency.MONTHLY, "季": Frequency.QUARTERLY,
     "季度": Frequency.QUARTERLY, "半年": Frequency.HALF_YEARLY, "半年度": Frequency.HALF_YEARLY,
     "年": Frequency.YEARLY, "年度": Frequency.YEARLY, "周": Frequency.WEEKLY, "星期": Frequency.WEEKLY}
)  # fmt: skip
_QUALITATIVE = re.compile(rf"{_PREFIX}(?P<q>实时|即时|及时|长期|常态化|动态)(?:更新|调整|维护)?{_VERB}")
_QUALITATIVE_KINDS = MappingProxyType({"实时": Qualitative.REAL_TIME, "即时": Qualitative.REAL_TIME,
                      "及时": Qualitative.PROMPT, "长期": Qualitative.LONG_TERM,
                      "常态化": Qualitative.REGULAR, "动态": Qualitative.DYNAMIC})  # fmt: skip
_DISPLAY = re.compile(
    r"(?:并|且)?(?:公示期限|公告期限|公示期|公告期|公示时间|公告时间|公示|公告)(?:为|是|:)?"
    rf"(?P<min>不少于|不得少于|不低于|至少)?(?P<n>\d{{1,4}})个?{_UNIT}(?:以上)?"
)
_SAME = re.compile(r"同上(?:栏)?|同前")
_NOTE = re.compile(r"(?:条目化|清单化|目录化|图解|分类|集中)展示")
_NOTE_PREFIX = re.compile(rf"(?P<note>{_NOTE.pattern})[、/]")
_FILLER = re.compile(r"(?:并|且)?(?:予以|主动|向社会)?(?:公开|公示|公布|发布)")
_EMPTY = frozenset({"", "/", "-", "--", "—", "——", "无", "空", "暂无"})
_SPLIT = re.compile(r"[;。,]+")
_DIGIT = re.compile(r"\d")
_MAX_SCOPE = 60
# Characters a limit can start with (prefixes, anchors, 每/按, qualitative words, 公示…);
# lets the scope search skip cuts that cannot begin a limit.
_BODY_START = frozenset("0123456789应须需并均且在于自从每次按实即及长常动公政信该本相形产生制依作行"
                        "准许处审决获经通批申受文规印签发出工项事活会办结完培评考鉴")  # fmt: skip


def _anchor_of(match: re.Match[str]) -> Anchor | None:
    if match["anchor"] is None:
        return None
    for anchor, _ in _ANCHOR_PATTERNS:
        if match[anchor.name] is not None:
            return anchor
    raise AssertionError(match["anchor"])  # pragma: no cover - the groups cover the alternation


def _body(clause: str, scope: str | None) -> LimitPart | None:
    """The limit a whole clause states, or ``None``.

    Cheap character tests skip the patterns that cannot match (each needs its key word).
    """
    has_digit = _DIGIT.search(clause) is not None
    if has_digit and (m := _PERIOD.fullmatch(clause)):
        amount = int(m["n"])
        if amount == 0:
            return None
        return PeriodLimit(amount, _UNITS[m["unit"]], _anchor_of(m), scope)
    if "月" in clause and (m := _ANNUAL.fullmatch(clause)):
        month = int(m["m"])
        day = None if m["d"] is None else int(m["d"])
        if not _valid_month_day(month, day):
            return None
        return AnnualDeadline(month, day, m["subject"] or None, scope)
    if ("每" in clause or "按" in clause) and (m := _PERIODIC.fullmatch(clause)):
        frequency = _FREQUENCIES[m["f"]]
        day = None if m["d"] is None else int(m["d"])
        if day is not None and (frequency is not Frequency.MONTHLY or not 1 <= day <= 31):
            return None
        return PeriodicLimit(frequency, day, scope)
    if m := _QUALITATIVE.fullmatch(clause):
        return QualitativeLimit(_QUALITATIVE_KINDS[m["q"]], scope)
    if has_digit and ("公示" in clause or "公告" in clause) and (m := _DISPLAY.fullmatch(clause)):
        amount = int(m["n"])
        if amount == 0:
            return None
        return DisplayPeriod(amount, _UNITS[m["unit"]], m["min"] is not None, scope)
    return None


def _valid_month_day(month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(2023, month, day)  # a common year: 2月29日 is no yearly date
    except ValueError:
        return False
    return True


def _scoped_clause(clause: str) -> LimitPart | None:
    """A clause 其中<scope><limit>: the shortest scope after which a limit follows."""
    rest = clause[2:]
    for cut in range(1, min(len(rest), _MAX_SCOPE + 1)):
        if rest[cut] not in _BODY_START or (rest[cut - 1].isdigit() and rest[cut].isdigit()):
            continue
        scope = rest[:cut]
        if scope.endswith(("应", "须", "需", "应当")):
            continue
        if (part := _body(rest[cut:], scope)) is not None:
            return part
    return None


def _clauses(text: str) -> list[str]:
    pieces = [p for p in _SPLIT.split(text) if p]
    merged: list[str] = []
    carry = ""
    for piece in pieces:
        if piece.endswith(("起", "后")) and _ANCHOR_ONLY.fullmatch(piece):  # …之日起,20个工作日内
            carry += piece
            continue
        merged.append(carry + piece)
        carry = ""
    if carry:
        merged.append(carry)
    return merged


def _parse_normalized(folded: str) -> tuple[tuple[LimitPart, ...], tuple[str, ...]]:
    if folded in _EMPTY:
        return (), ()
    parts: list[LimitPart] = []
    notes: list[str] = []
    for clause in _clauses(folded):
        rest = clause
        if "展示" in rest:
            while m := _NOTE_PREFIX.match(rest):
                notes.append(m["note"])
                rest = rest[m.end() :]
            if not rest:  # 条目化展示、 and nothing after it
                continue
            if _NOTE.fullmatch(rest):
                notes.append(rest)
                continue
        if rest[0] == "同" and _SAME.fullmatch(rest):
            parts.append(SameAsAbove())
            continue
        part = _scoped_clause(rest) if rest.startswith("其中") else _body(rest, None)
        if part is not None:
            parts.append(part)
        elif not (parts and _FILLER.fullmatch(rest)):  # …20个工作日内,予以公开
            parts.append(UnparsedLimit(rest))
    return tuple(parts), tuple(notes)


def parse_time_limit(text: str, *, warn: bool = True) -> TimeLimit:
    """Parse a 公开时限 phrase; never raises, never guesses.

    Traditional characters, full-width digits and brackets, Chinese numerals, spaces and
    line breaks are folded first.  Unrecognised clauses become [`UnparsedLimit`][zwgk.catalog.UnparsedLimit]
    parts holding their text.

    Args:
        text: the cell text, e.g. ``自信息形成或者变更之日起20个工作日内予以公开``.
        warn: emit [`UnparsedTimeLimitWarning`][zwgk.errors.UnparsedTimeLimitWarning] when a clause is not
            recognised (the importer passes ``False`` and reports through
            [`check_catalog`][zwgk.catalog.check_catalog]).

    Returns:
        The [`TimeLimit`][zwgk.catalog.TimeLimit] with ``text`` kept verbatim.

    Warns:
        UnparsedTimeLimitWarning: when ``warn`` is true and a clause is not recognised.

    Raises:
        InvalidTypeError: ``text`` is a missing value — ``None``, or the NaN, ``NA`` or
            ``NaT`` an empty pandas cell gives — not a phrase (skip such cells, or read the
            catalog with [`zwgk.catalog.read_catalog`][], which reports them).  Other
            non-strings (a number typed in a cell) are read as their text.
    """
    missing = missing_name(text)
    if missing is not None:
        raise InvalidTypeError.missing("text", text, missing, gettext("a 公开时限 phrase (str)"))
    parts, notes = _parse_normalized(normalize(str(text)))
    limit = TimeLimit(str(text), parts, notes)
    if warn and limit.unparsed:
        warnings.warn(UnparsedTimeLimitWarning(limit.text, limit.unparsed), stacklevel=2)
    return limit
