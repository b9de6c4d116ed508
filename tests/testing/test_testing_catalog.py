"""The catalog strategies of zwgk.testing: every real-shaped phrase parses to what it states."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk._text import chinese_number
from zwgk.catalog import (
    Catalog,
    DisclosureItem,
    DisplayPeriod,
    LegalBasis,
    PeriodLimit,
    Qualitative,
    QualitativeLimit,
    SameAsAbove,
    TimeLimit,
    parse_time_limit,
)
from zwgk.catalog.io import catalog_from_json, catalog_to_json
from zwgk.deadlines import PeriodUnit
from zwgk.testing import (
    TimeLimitCase,
    catalogs,
    disclosure_items,
    legal_bases,
    time_limit_phrases,
    time_limits,
)
from zwgk.testing._catalog import _chinese_numeral

# Characters the traditional variants use (each folded back by the parser).
TRADITIONAL = set("個內變開為後於時實長態報決許處罰獲該發審項應須會結辦動調週資務條")


@given(time_limit_phrases())
def test_every_phrase_parses_to_what_it_states(case: TimeLimitCase) -> None:
    assert parse_time_limit(case.text, warn=False) == case.expected


@given(time_limit_phrases())
def test_case_summary_matches_its_first_part(case: TimeLimitCase) -> None:
    first = case.parts[0]
    assert case.expected_kind is type(first)
    if isinstance(first, PeriodLimit | DisplayPeriod):
        assert (case.expected_amount, case.expected_unit) == (first.amount, first.unit)
    else:
        assert (case.expected_amount, case.expected_unit) == (None, None)


@given(time_limit_phrases(same_as_above=False, whitespace=False, traditional=False))
def test_switches_leave_out_what_they_name(case: TimeLimitCase) -> None:
    assert not any(isinstance(p, SameAsAbove) for p in case.parts)
    assert not any(c.isspace() for c in case.text)
    assert not set(case.text) & TRADITIONAL


def test_case_summary_by_hand() -> None:
    display = TimeLimitCase("公示期不少于5个工作日", (DisplayPeriod(5, PeriodUnit.WORKING_DAYS, True),))
    assert display.expected_kind is DisplayPeriod
    assert display.expected_amount == 5
    assert display.expected_unit is PeriodUnit.WORKING_DAYS
    assert display.expected == TimeLimit("公示期不少于5个工作日", display.parts)
    prompt = TimeLimitCase("及时公开", (QualitativeLimit(Qualitative.PROMPT),))
    assert (prompt.expected_amount, prompt.expected_unit) == (None, None)


@pytest.mark.parametrize(
    ("n", "written"),
    [(1, "一"), (2, "二"), (10, "十"), (15, "十五"), (20, "二十"), (31, "三十一"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (310, "三百一十"), (999, "九百九十九")],
)  # fmt: skip
def test_chinese_numerals_are_written_as_people_write_them(n: int, written: str) -> None:
    assert _chinese_numeral(n) == written


@given(st.integers(1, 999))
def test_chinese_numerals_read_back(n: int) -> None:
    assert chinese_number(_chinese_numeral(n)) == n


@given(time_limits())
def test_time_limits_are_what_their_text_parses_to(limit: TimeLimit) -> None:
    assert parse_time_limit(limit.text, warn=False) == limit


@given(legal_bases())
def test_legal_bases_always_state_their_kind(basis: LegalBasis) -> None:
    assert basis.kind is not None


@given(disclosure_items(sequence="7"))
def test_items_round_trip_json(item: DisclosureItem) -> None:
    assert item.sequence == "7"
    catalog = Catalog((item,))
    assert catalog_from_json(catalog_to_json(catalog)) == catalog


@given(catalogs(min_items=2, max_items=3))
def test_catalogs_are_numbered_in_order(catalog: Catalog) -> None:
    assert 2 <= len(catalog) <= 3
    assert [item.sequence for item in catalog] == [str(n) for n in range(1, len(catalog) + 1)]
