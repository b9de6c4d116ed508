"""Strategies for disclosure catalogs: real-shaped 公开时限 phrases, items and catalogs.

`time_limit_phrases` writes phrases the way catalogs do — an anchor event in one of
its wordings, a number in digits, full-width digits or Chinese numerals, a unit, the
words around them, sometimes in traditional characters or broken by spaces — and pairs
each with the parts it states (`TimeLimitCase`).  The expected parts are drawn
first and the text is written from them, never read back from the parser, so
``parse_time_limit(case.text)`` can be checked against ``case.parts``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from zwgk.catalog import (
    Anchor,
    AnnualDeadline,
    Audience,
    Catalog,
    DisclosureItem,
    DisclosureMode,
    DisplayPeriod,
    FiveOpen,
    Frequency,
    LegalBasis,
    LegalForce,
    Level,
    LimitPart,
    PeriodicLimit,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    SameAsAbove,
    TimeLimit,
    UnparsedLimit,
    classify_basis,
)
from zwgk.deadlines import PeriodUnit

__all__ = [
    "TimeLimitCase",
    "catalogs",
    "disclosure_items",
    "legal_bases",
    "limit_parts",
    "noisy_time_limit_texts",
    "time_limit_phrases",
    "time_limits",
]

_T = TypeVar("_T")


@attrs.frozen
class TimeLimitCase:
    """A 公开时限 phrase and what it states.

    Attributes:
        text: the phrase as a catalog might write it.
        parts: the limit parts it states, in order (``parse_time_limit(text).parts``
            should equal them).
        notes: presentation remarks it carries (条目化展示).
    """

    text: str
    parts: tuple[LimitPart, ...]
    notes: tuple[str, ...] = ()

    @property
    def expected(self) -> TimeLimit:
        """The [`TimeLimit`][zwgk.catalog.TimeLimit] that parsing ``text`` should give."""
        return TimeLimit(self.text, self.parts, self.notes)

    @property
    def expected_kind(self) -> type[LimitPart]:
        """The class of the first part (e.g. [`PeriodLimit`][zwgk.catalog.PeriodLimit])."""
        return type(self.parts[0])

    @property
    def expected_amount(self) -> int | None:
        """The first part's number of units (periods and display periods), else ``None``."""
        first = self.parts[0]
        return first.amount if isinstance(first, PeriodLimit | DisplayPeriod) else None

    @property
    def expected_unit(self) -> PeriodUnit | None:
        """The first part's unit (periods and display periods), else ``None``."""
        first = self.parts[0]
        return first.unit if isinstance(first, PeriodLimit | DisplayPeriod) else None


# --- wording, from the parser's documented grammar ---------------------------------------

# How catalogs name each anchor event (before 之日起).
_ANCHOR_WORDS: MappingProxyType[Anchor, tuple[str, ...]] = MappingProxyType({
    Anchor.FORMED_OR_CHANGED: ("信息形成或者变更", "该信息形成或者变更", "政府信息形成或者变更",
                               "信息形成或变更", "该政府信息形成或者变更"),
    Anchor.FORMED: ("信息形成", "该信息形成", "政府信息形成"),
    Anchor.MADE_OR_OBTAINED: ("制作或者获取该信息", "制作或获取", "信息制作或者获取"),
    Anchor.DECISION: ("作出行政决定", "作出行政许可决定", "作出处罚决定", "依法作出决定"),
    Anchor.APPROVAL: ("批准", "获得批准", "审核通过"),
    Anchor.ACCEPTANCE: ("受理", "受理申请", "申请受理"),
    Anchor.ISSUANCE: ("印发", "文件印发", "政策出台"),
    Anchor.COMPLETION: ("办结", "项目完成", "评审结束"),
})  # fmt: skip
_ANCHOR_LINKS = ("之日起", "之日起", "之日后", "之日以后", "后")
_ANCHORED_PREFIXES = ("自", "自", "应自", "应当自", "从")
_BARE_PREFIXES = ("", "", "应在", "应于", "须在")
_UNIT_WORDS: MappingProxyType[PeriodUnit, tuple[str, ...]] = MappingProxyType(
    {
        PeriodUnit.WORKING_DAYS: ("个工作日", "工作日"),
        PeriodUnit.DAYS: ("日", "天"),
        PeriodUnit.MONTHS: ("个月",),
    }
)
_WITHIN = ("内", "内", "以内", "之内", "")
_VERBS = ("予以公开", "公开", "", "主动公开", "向社会公布", "公示", "公开完毕")
_QUALITATIVE_WORDS: MappingProxyType[Qualitative, tuple[str, ...]] = MappingProxyType(
    {
        Qualitative.REAL_TIME: ("实时公开", "即时公开", "实时更新", "实时"),
        Qualitative.PROMPT: ("及时公开", "及时", "及时更新", "及时予以公开"),
        Qualitative.LONG_TERM: ("长期公开", "长期"),
        Qualitative.REGULAR: ("常态化公开", "常态化"),
        Qualitative.DYNAMIC: ("动态更新", "动态调整", "动态公开"),
    }
)
_FREQUENCY_WORDS: MappingProxyType[Frequency, tuple[str, ...]] = MappingProxyType(
    {
        Frequency.WEEKLY: ("每周", "每星期"),
        Frequency.MONTHLY: ("每月", "按月", "每月度"),
        Frequency.QUARTERLY: ("每季度", "每季", "按季度"),
        Frequency.HALF_YEARLY: ("每半年", "每半年度"),
        Frequency.YEARLY: ("每年", "每年度", "按年度"),
    }
)
_PERIODIC_VERBS = ("", "公开", "更新", "公开一次", "发布")
_ANNUAL_SUBJECTS = ("上一年度政府信息公开工作年度报告", "上年度决算", "年度工作计划", "上一年度工作总结")
_DISPLAY_LABELS = ("公示期", "公示期为", "公示期限为", "公告期", "公示时间为", "公示")
_AT_LEAST = ("不少于", "不得少于", "至少")
_SCOPES = ("行政许可、行政处罚事项", "行政许可事项", "补贴资金", "涉及群众切身利益的事项", "资金分配结果")
_SCOPE_WORDS = ("行政许可", "行政处罚", "事项", "信息", "涉及", "的", "结果", "名单", "补贴", "资金",
                "上一年度", "报告")  # fmt: skip
_NOTES = ("条目化展示", "清单化展示")
# Simplified → traditional for characters of these phrases (each folded back by the parser).
_TRADITIONAL = str.maketrans(
    "个内变开为后于时实长态报决许处罚获该发审项应须会结办动调周资务条",
    "個內變開為後於時實長態報決許處罰獲該發審項應須會結辦動調週資務條",
)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_CN_DIGITS = "零一二三四五六七八九"
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a common year: no 2月29日


def _chinese_numeral(n: int) -> str:
    """``n`` (1–999) as written in Chinese: 二十, 十五, 一百零五, 三百一十."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{_CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CN_DIGITS[ones] if ones else "")


def _numbers(n: int) -> st.SearchStrategy[str]:
    """``n`` in digits, full-width digits or (up to 999) Chinese numerals."""
    forms = [str(n), str(n), str(n).translate(_FULL_WIDTH)]
    if n <= 999:
        forms.append(_chinese_numeral(n))
    if n == 2:
        forms.append("两")
    return st.sampled_from(forms)


_amounts = st.one_of(st.sampled_from([1, 3, 5, 7, 10, 15, 20, 30, 60, 90]), st.integers(1, 9999))


def _pick(draw: st.DrawFn, options: tuple[_T, ...]) -> _T:
    return draw(st.sampled_from(options))


def _month_days() -> st.SearchStrategy[tuple[int, int | None]]:
    return st.integers(1, 12).flatmap(
        lambda m: st.tuples(st.just(m), st.one_of(st.none(), st.integers(1, _MONTH_DAYS[m - 1])))
    )


# --- one clause: (its words, the part it states) -----------------------------------------

_Clause = tuple[list[str], LimitPart]


@st.composite
def _period(draw: st.DrawFn, scope: str | None = None) -> _Clause:
    amount = draw(_amounts)
    unit = draw(st.sampled_from(list(PeriodUnit)))
    anchor = draw(st.one_of(st.none(), st.sampled_from(list(Anchor))))
    unit_word = _pick(draw, _UNIT_WORDS[unit])
    if anchor is None:
        words = [_pick(draw, _BARE_PREFIXES)]
    else:
        words = [
            _pick(draw, _ANCHORED_PREFIXES),
            _pick(draw, _ANCHOR_WORDS[anchor]),
            _pick(draw, _ANCHOR_LINKS),
        ]
    number = draw(_numbers(amount))
    if number == "两" and not unit_word.startswith("个"):
        number = "2"
    words += [number, unit_word, _pick(draw, _WITHIN), _pick(draw, _VERBS)]
    return words, PeriodLimit(amount, unit, anchor, scope)


@st.composite
def _annual(draw: st.DrawFn) -> _Clause:
    month, day = draw(_month_days())
    words = [
        _pick(draw, ("每年", "每年", "每年度", "于每年")),
        draw(_numbers(month).filter(lambda s: s != "两")),
        "月",
    ]
    if day is None:
        words.append(_pick(draw, ("底", "末")))
    else:
        words += [draw(_numbers(day).filter(lambda s: s != "两")), _pick(draw, ("日", "号"))]
    words.append(_pick(draw, ("前", "之前", "以前")))
    subject = draw(st.one_of(st.none(), st.sampled_from(_ANNUAL_SUBJECTS)))
    if subject is not None:
        words += [_pick(draw, ("公开", "发布", "公布", "报送")), subject]
    return words, AnnualDeadline(month, day, subject)


@st.composite
def _periodic(draw: st.DrawFn, scope: str | None = None) -> _Clause:
    frequency = draw(st.sampled_from(list(Frequency)))
    words = [_pick(draw, _FREQUENCY_WORDS[frequency])]
    day = None
    if frequency is Frequency.MONTHLY and draw(st.booleans()):
        day = draw(st.integers(1, 31))
        words += [draw(_numbers(day).filter(lambda s: s != "两")), _pick(draw, ("日前", "号前", "日之前"))]
    words.append(_pick(draw, _PERIODIC_VERBS))
    return words, PeriodicLimit(frequency, day, scope)


@st.composite
def _qualitative(draw: st.DrawFn, scope: str | None = None) -> _Clause:
    kind = draw(st.sampled_from(list(Qualitative)))
    return [_pick(draw, ("", "", "应", "并")), _pick(draw, _QUALITATIVE_WORDS[kind])], QualitativeLimit(
        kind, scope
    )


@st.composite
def _display(draw: st.DrawFn, scope: str | None = None) -> _Clause:
    amount = draw(_amounts)
    unit = draw(st.sampled_from([PeriodUnit.WORKING_DAYS, PeriodUnit.DAYS]))
    at_least = draw(st.booleans())
    unit_word = _pick(draw, _UNIT_WORDS[unit])
    number = draw(_numbers(amount))
    if number == "两" and not unit_word.startswith("个"):
        number = "2"
    floor = _pick(draw, _AT_LEAST) if at_least else ""
    return [_pick(draw, _DISPLAY_LABELS), floor, number, unit_word], DisplayPeriod(
        amount, unit, at_least, scope
    )


@st.composite
def _scoped(draw: st.DrawFn) -> _Clause:
    """其中<scope><limit>: a limit that applies to part of the item only."""
    scope = draw(
        st.one_of(
            st.sampled_from(_SCOPES),
            st.lists(st.sampled_from(_SCOPE_WORDS), min_size=1, max_size=4).map("".join),
        )
    )
    words, part = draw(st.one_of(_period(scope), _periodic(scope), _qualitative(scope), _display(scope)))
    return ["其中", scope, *words], part


@st.composite
def _case(draw: st.DrawFn, *, same_as_above: bool, whitespace: bool, traditional: bool) -> TimeLimitCase:
    shape = draw(st.sampled_from(["period"] * 4 + ["annual", "periodic", "qualitative", "display", "compound"]
                                 + (["same"] if same_as_above else [])))  # fmt: skip
    notes: tuple[str, ...] = ()
    parts: tuple[LimitPart, ...]
    if shape == "same":
        words, parts = [_pick(draw, ("同上", "同上", "同上栏"))], (SameAsAbove(),)
    elif shape == "compound":
        first_words, first = draw(st.one_of(_period(), _annual(), _qualitative()))
        second_words, second = draw(_scoped())
        words = [*first_words, _pick(draw, ("；", "，", ";", "。")), *second_words]
        parts = (first, second)
    else:
        builder = {"period": _period, "annual": _annual, "periodic": _periodic,
                   "qualitative": _qualitative, "display": _display}[shape]  # fmt: skip
        words, part = draw(builder())
        parts = (part,)
        if shape != "display" and draw(st.integers(0, 9)) == 0:
            note = _pick(draw, _NOTES)
            words, notes = [note, "、", *words], (note,)
    words = [w for w in words if w]
    spaced = whitespace and draw(st.integers(0, 3)) == 0
    gaps = st.sampled_from(["", "", "", "", " ", "\n", "\u3000"]) if spaced else st.just("")
    text = words[0] + "".join(draw(gaps) + w for w in words[1:])
    if traditional and draw(st.integers(0, 3)) == 0:
        text = text.translate(_TRADITIONAL)
    return TimeLimitCase(text, parts, notes)


def time_limit_phrases(
    *, same_as_above: bool = True, whitespace: bool = True, traditional: bool = True
) -> st.SearchStrategy[TimeLimitCase]:
    """Real-shaped 公开时限 phrases, each with the parts it states.

    Periods (an anchor in one of its wordings, or none; 20个工作日, ２０工作日, 二十个工作日,
    3个月, 15天), annual dates (每年1月31日前公开…, 每年十二月底前), frequencies (每季度,
    每月10日前), qualitative limits (实时, 及时公开, 动态更新), display periods
    (公示期不少于7日), compound phrases with a 其中 clause, 同上, and 条目化展示 notes.

    Args:
        same_as_above: also draw 同上 (a catalog importer replaces it with the row above).
        whitespace: sometimes break the phrase with spaces, line breaks or U+3000.
        traditional: sometimes write it in traditional characters (個, 內, 變 …).

    Returns:
        A strategy of `TimeLimitCase`; ``parse_time_limit(case.text)`` should
        equal ``case.expected``.
    """
    return _case(same_as_above=same_as_above, whitespace=whitespace, traditional=traditional)


def time_limits() -> st.SearchStrategy[TimeLimit]:
    """[`TimeLimit`][zwgk.catalog.TimeLimit] values of real-shaped phrases (``st.from_type(TimeLimit)``)."""
    return time_limit_phrases().map(lambda case: case.expected)


# --- canonical parts (render → parse round trips) ----------------------------------------

_scope_text = st.lists(st.sampled_from(_SCOPE_WORDS), min_size=1, max_size=4).map("".join)
_any_amount = st.integers(min_value=1, max_value=9999)
_canonical_periods = st.builds(
    PeriodLimit,
    _any_amount,
    st.sampled_from(list(PeriodUnit)),
    st.one_of(st.none(), st.sampled_from(list(Anchor))),
)
_canonical_annuals = _month_days().flatmap(
    lambda md: st.builds(AnnualDeadline, st.just(md[0]), st.just(md[1]), st.one_of(st.none(), _scope_text))
)
_canonical_periodics = st.one_of(
    st.builds(PeriodicLimit, st.sampled_from(list(Frequency))),
    st.builds(PeriodicLimit, st.just(Frequency.MONTHLY), st.integers(1, 31)),
)
_canonical_qualitatives = st.builds(QualitativeLimit, st.sampled_from(list(Qualitative)))
_canonical_displays = st.builds(DisplayPeriod, _any_amount, st.sampled_from(list(PeriodUnit)), st.booleans())


@st.composite
def _canonical_scoped(draw: st.DrawFn) -> LimitPart:
    part = draw(
        st.one_of(_canonical_periods, _canonical_periodics, _canonical_qualitatives, _canonical_displays)
    )
    return attrs.evolve(part, scope=draw(_scope_text))


def limit_parts(max_size: int = 4) -> st.SearchStrategy[tuple[LimitPart, ...]]:
    """Tuples of limit parts (scoped or not) whose canonical rendering parses back to them.

    ``parse_time_limit(TimeLimit("", parts).render()).parts == parts``.
    """
    unscoped = st.one_of(
        _canonical_periods,
        _canonical_annuals,
        _canonical_periodics,
        _canonical_qualitatives,
        _canonical_displays,
    )
    return st.lists(st.one_of(unscoped, _canonical_scoped()), min_size=1, max_size=max_size).map(tuple)


# Fragments of real phrases, glued with noise: text the parser must survive.
_FRAGMENTS = (
    "自", "信息", "形成", "或者", "变更", "之日", "起", "20", "二十", "个", "工作日", "内", "予以公开",
    "每年", "1月31日", "前", "每季度", "实时", "及时", "公开", ";", ",", "其中", "、", "公示期", "5",
    "(", ")", "（", "）", "變", "個", "同上", "月", "底", "日", "天", "条目化展示", " ", "\n", "０",
)  # fmt: skip


def noisy_time_limit_texts() -> st.SearchStrategy[str]:
    """Text glued from fragments of real phrases and random characters (for totality tests).

    There is no expected answer: the parser must only never raise and stay consistent.
    """
    return st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join)


# --- items and catalogs ------------------------------------------------------------------

_BASIS_TITLES = ("中华人民共和国社会保险法", "失业保险条例", "就业补助资金管理办法", "某某规定")
_BASIS_NUMBERS = ("财社〔2017〕164号", "人力资源社会保障部令第24号")
_BASIS_ARTICLES = ("第八条", "第二十条第一款")


@st.composite
def _legal_basis(draw: st.DrawFn) -> LegalBasis:
    title = draw(st.sampled_from(_BASIS_TITLES))
    number = draw(st.one_of(st.none(), st.sampled_from(_BASIS_NUMBERS)))
    kind = classify_basis(title, number)
    if kind is None or draw(st.booleans()):
        kind = draw(st.sampled_from(list(LegalForce)))
    article = draw(st.one_of(st.none(), st.sampled_from(_BASIS_ARTICLES)))
    return LegalBasis(title, kind, article, number)


def legal_bases() -> st.SearchStrategy[LegalBasis]:
    """A legal basis (公开依据) whose kind is what its title says, or stated explicitly.

    (A basis is never drawn with ``kind=None``: that is written without a note, so reading
    it back would classify the title.)
    """
    return _legal_basis()


_SAME_AS_ABOVE_WORDS = frozenset({"同上", "同上栏", "同前"})  # a catalog importer replaces these cells
_HAN = st.text(
    alphabet=st.characters(whitelist_categories=["Lo"], min_codepoint=0x4E00, max_codepoint=0x9FFF),
    min_size=1,
    max_size=8,
).filter(lambda text: text not in _SAME_AS_ABOVE_WORDS)
# A channel cell reads 口 at the start of an option as an empty box (offices type 口 for □), so a
# channel named 口… cannot come back from a spreadsheet as itself: the catalogs never hold one.
_CHANNEL = _HAN.filter(lambda text: not text.startswith("口"))


def _ordered_subset(draw: st.DrawFn, values: list[_T]) -> tuple[_T, ...]:
    chosen = draw(st.sets(st.sampled_from(values)))
    return tuple(v for v in values if v in chosen)


@st.composite
def _item(draw: st.DrawFn, sequence: str) -> DisclosureItem:
    limit = draw(
        st.one_of(
            # an empty cell, and a formula-looking one (kept as text: one unparsed clause)
            st.sampled_from([TimeLimit(""), TimeLimit("=1+1", (UnparsedLimit("=1+1"),))]),
            time_limit_phrases(same_as_above=False, whitespace=False).map(lambda case: case.expected),
        )
    )
    return DisclosureItem(
        sequence=sequence,
        first_level=draw(_HAN),
        second_level=draw(st.one_of(st.none(), _HAN)),
        content=tuple(draw(st.lists(_HAN, max_size=3))),
        legal_bases=tuple(draw(st.lists(_legal_basis(), max_size=3))),
        time_limit=limit,
        body=draw(st.one_of(st.just(""), _HAN, st.just("-负责人"))),
        channels=tuple(dict.fromkeys(draw(st.lists(_CHANNEL, max_size=3)))),
        audiences=_ordered_subset(draw, list(Audience)),
        modes=_ordered_subset(draw, list(DisclosureMode)),
        levels=_ordered_subset(draw, [Level.COUNTY, Level.TOWNSHIP]),
        five_open=_ordered_subset(draw, list(FiveOpen)),
        field=draw(st.one_of(st.none(), st.sampled_from(["就业", "社会保险", "财政预决算"]))),
    )


def disclosure_items(sequence: str = "1") -> st.SearchStrategy[DisclosureItem]:
    """A catalog item whose every field survives a CSV, XLSX and JSON round trip.

    Its 公开时限 is a real-shaped phrase (see `time_limit_phrases`; no 同上, no
    whitespace) with its expected parts, an empty cell, or a formula-looking ``=1+1``.

    Args:
        sequence: the 序号 to give the item.
    """
    return _item(sequence)


@st.composite
def _catalog(draw: st.DrawFn, min_items: int, max_items: int) -> Catalog:
    count = draw(st.integers(min_items, max_items))
    return Catalog(tuple(draw(_item(str(n))) for n in range(1, count + 1)))


def catalogs(*, min_items: int = 1, max_items: int = 4) -> st.SearchStrategy[Catalog]:
    """A catalog of `disclosure_items` numbered 1, 2, … (no title; round-trips like its items).

    Args:
        min_items: the fewest items.
        max_items: the most items.
    """
    return _catalog(min_items, max_items)
