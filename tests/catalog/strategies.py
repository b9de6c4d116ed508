"""Hypothesis strategies for the catalog tests: limit parts, phrases and catalog items."""

from __future__ import annotations

from hypothesis import strategies as st

from zwgk.catalog import (
    Anchor,
    AnnualDeadline,
    Audience,
    DisclosureItem,
    DisclosureMode,
    DisplayPeriod,
    Frequency,
    LegalBasis,
    LegalForce,
    Level,
    LimitPart,
    PeriodicLimit,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    TimeLimit,
    classify_basis,
    parse_time_limit,
)
from zwgk.deadlines import PeriodUnit

# Scopes and subjects from plain words (no digits, no punctuation the parser splits at).
_WORDS = [
    "行政许可",
    "行政处罚",
    "事项",
    "信息",
    "涉及",
    "的",
    "结果",
    "名单",
    "补贴",
    "资金",
    "上一年度",
    "报告",
]
scopes = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map("".join)
amounts = st.integers(min_value=1, max_value=9999)
units = st.sampled_from(list(PeriodUnit))


def _month_day() -> st.SearchStrategy[tuple[int, int | None]]:
    days = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}
    return st.integers(1, 12).flatmap(
        lambda m: st.tuples(st.just(m), st.one_of(st.none(), st.integers(1, days[m])))
    )


periods = st.builds(
    PeriodLimit, amounts, units, st.one_of(st.none(), st.sampled_from(list(Anchor))), st.none()
)
annuals = _month_day().flatmap(
    lambda md: st.builds(AnnualDeadline, st.just(md[0]), st.just(md[1]), st.one_of(st.none(), scopes))
)
periodics = st.one_of(
    st.builds(PeriodicLimit, st.sampled_from(list(Frequency))),
    st.builds(PeriodicLimit, st.just(Frequency.MONTHLY), st.integers(1, 31)),
)
qualitatives = st.builds(QualitativeLimit, st.sampled_from(list(Qualitative)))
displays = st.builds(DisplayPeriod, amounts, units, st.booleans())
unscoped_parts: st.SearchStrategy[LimitPart] = st.one_of(periods, annuals, periodics, qualitatives, displays)


@st.composite
def scoped(draw: st.DrawFn) -> LimitPart:
    """A part with a scope (其中…), as the second clause of a compound phrase."""
    import attrs

    part = draw(st.one_of(periods, periodics, qualitatives, displays))
    return attrs.evolve(part, scope=draw(scopes))


limit_parts = st.lists(st.one_of(unscoped_parts, scoped()), min_size=1, max_size=4).map(tuple)

# Text that looks like catalog phrases: fragments of real ones glued with noise.
_FRAGMENTS = [
    "自", "信息", "形成", "或者", "变更", "之日", "起", "20", "二十", "个", "工作日", "内", "予以公开",
    "每年", "1月31日", "前", "每季度", "实时", "及时", "公开", ";", ",", "其中", "、", "公示期", "5",
    "(", ")", "（", "）", "變", "個", "同上", "月", "底", "日", "天", "条目化展示", " ", "\n", "０",
]  # fmt: skip
phrases = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=3)), max_size=12).map("".join)


@st.composite
def _basis(draw: st.DrawFn) -> LegalBasis:
    """A basis whose kind is either what its title says or stated explicitly.

    (A ``None`` kind is written without a note, so reading back classifies the title.)
    """
    title = draw(
        st.sampled_from(["中华人民共和国社会保险法", "失业保险条例", "就业补助资金管理办法", "某某规定"])
    )
    number = draw(st.one_of(st.none(), st.sampled_from(["财社〔2017〕164号", "人力资源社会保障部令第24号"])))
    kind = classify_basis(title, number)
    if kind is None or draw(st.booleans()):
        kind = draw(st.sampled_from(list(LegalForce)))
    article = draw(st.one_of(st.none(), st.sampled_from(["第八条", "第二十条第一款"])))
    return LegalBasis(title, kind, article, number)


def _bases() -> st.SearchStrategy[tuple[LegalBasis, ...]]:
    return st.lists(_basis(), max_size=3).map(tuple)


_TEXT = st.text(
    alphabet=st.characters(whitelist_categories=["Lo"], max_codepoint=0x9FFF, min_codepoint=0x4E00),
    min_size=1,
    max_size=8,
)


@st.composite
def items(draw: st.DrawFn, sequence: int = 1) -> DisclosureItem:
    """A catalog item whose every field survives a CSV/XLSX/JSON round trip."""
    limit_text = draw(
        st.sampled_from(["自信息形成或者变更之日起20个工作日内", "实时公开", "", "每季度", "=1+1"])
    )

    def subset(values: list[object]) -> tuple[object, ...]:
        chosen = draw(st.sets(st.sampled_from(values)))
        return tuple(v for v in values if v in chosen)

    return DisclosureItem(
        sequence=str(sequence),
        first_level=draw(_TEXT),
        second_level=draw(st.one_of(st.none(), _TEXT)),
        content=tuple(draw(st.lists(_TEXT, max_size=3))),
        legal_bases=draw(_bases()),
        time_limit=parse_time_limit(limit_text, warn=False),
        body=draw(st.one_of(st.just(""), _TEXT, st.just("-负责人"))),
        channels=tuple(dict.fromkeys(draw(st.lists(_TEXT, max_size=3)))),
        audiences=subset(list(Audience)),  # type: ignore[arg-type]
        modes=subset(list(DisclosureMode)),  # type: ignore[arg-type]
        levels=subset([Level.COUNTY, Level.TOWNSHIP]),  # type: ignore[arg-type]
    )


def time_limits_from(parts: tuple[LimitPart, ...]) -> TimeLimit:
    """A TimeLimit holding ``parts`` with their canonical text."""
    limit = TimeLimit("", parts)
    return TimeLimit(limit.render(), parts)
