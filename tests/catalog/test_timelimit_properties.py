"""Properties of the time-limit parser: total, idempotent, and faithful to what it renders."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from zwgk._text import chinese_number, normalize
from zwgk.catalog import LimitPart, TimeLimit, UnparsedLimit, parse_time_limit
from zwgk.testing import limit_parts, noisy_time_limit_texts

phrases = noisy_time_limit_texts()


@given(st.one_of(st.text(), phrases))
@example("\ud800")  # a lone surrogate
@example("自信息形成或者变更之日起,")
@example("其中")
@example("其中1")
def test_never_raises_and_keeps_the_text(text: str) -> None:
    limit = parse_time_limit(text, warn=False)
    assert limit.text == text
    assert isinstance(limit, TimeLimit)


@given(limit_parts())
def test_round_trips_what_it_renders(parts: tuple[LimitPart, ...]) -> None:
    rendered = TimeLimit("", parts).render()
    again = parse_time_limit(rendered, warn=False)
    assert again.parts == parts
    assert again.render() == rendered


@given(st.one_of(st.text(), phrases))
@example("条目化展示、")
@example("条目化展示、0")
def test_rendering_a_parse_is_a_fixed_point(text: str) -> None:
    first = parse_time_limit(text, warn=False)
    second = parse_time_limit(first.render(), warn=False)
    assert second.parts == first.parts
    assert second.notes == first.notes


@given(st.one_of(st.text(), phrases))
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@given(st.integers(min_value=1, max_value=99))
def test_chinese_numerals_read_as_written(n: int) -> None:
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    if tens == 0:
        numeral = digits[ones]
    else:
        numeral = ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    assert chinese_number(numeral) == n
    assert parse_time_limit(f"{numeral}个工作日", warn=False).render() == f"{n}个工作日内"


@given(phrases)
def test_unparsed_parts_are_single_folded_clauses(text: str) -> None:
    limit = parse_time_limit(text, warn=False)
    for part in limit.parts:
        if isinstance(part, UnparsedLimit):
            assert part.text
            assert not set(part.text) & set(";,。 \n")
            assert normalize(part.text) == part.text
