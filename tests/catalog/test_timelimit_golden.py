"""parse_time_limit against hand-written answers (FACTS §4 phrases and variants)."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from tests.catalog.helpers import expected_part, load_golden

from zwgk.catalog import Anchor, PeriodLimit, TimeLimit, parse_time_limit
from zwgk.deadlines import PeriodUnit
from zwgk.errors import UnparsedTimeLimitWarning, ZwgkWarning

CASES: list[dict[str, Any]] = load_golden("time_limits.toml")["case"]


def test_golden_covers_the_facts_phrases_and_forty_variants() -> None:
    assert len(CASES) >= 13 + 40


@pytest.mark.parametrize("case", CASES, ids=[repr(c["text"]) for c in CASES])
def test_phrase(case: dict[str, Any]) -> None:
    expected = tuple(expected_part(p) for p in case["parts"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        limit = parse_time_limit(case["text"])
    assert limit.parts == expected
    assert limit.notes == tuple(case.get("notes", ()))
    assert limit.text == case["text"]
    unparsed = [p for p in case["parts"] if p["kind"] == "unparsed"]
    assert [type(w.message) for w in caught] == ([UnparsedTimeLimitWarning] if unparsed else [])


def test_warning_names_the_text_and_clauses() -> None:
    with pytest.warns(UnparsedTimeLimitWarning) as record:
        limit = parse_time_limit("实时公开;依申请随时提供")
    warning = record[0].message
    assert isinstance(warning, ZwgkWarning)
    assert isinstance(warning, UnparsedTimeLimitWarning)
    assert warning.text == "实时公开;依申请随时提供"
    assert warning.clauses == ("依申请随时提供",)
    assert "依申请随时提供" in str(warning)
    assert limit.unparsed == ("依申请随时提供",)
    assert not limit.is_parsed


def test_no_warning_when_asked() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        limit = parse_time_limit("随到随办", warn=False)
    assert limit.unparsed == ("随到随办",)


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("信息形成(变更)20个工作日内", "自信息形成或者变更之日起20个工作日内"),
        ("20工作日", "20个工作日内"),
        ("自制作或获取该信息之日起20个工作日内公开", "自制作或者获取该信息之日起20个工作日内"),
        ("及时公开,公告期限为5个工作日", "及时公开;公示期5个工作日"),
        ("条目化展示、信息形成(变更)20个工作日内", "条目化展示;自信息形成或者变更之日起20个工作日内"),
        ("每年6月底前", "每年6月底前"),
        ("按季度更新", "每季度"),
        ("公示期不少于7日", "公示期不少于7日"),
        ("同上", "同上"),
        ("", ""),
        (
            "信息形成20个工作日内公开;其中行政许可、行政处罚事项应自作出行政决定之日起7个工作日内公示",
            "自信息形成之日起20个工作日内;其中行政许可、行政处罚事项自作出行政决定之日起7个工作日内",
        ),
    ],
)
def test_render_is_canonical_text(text: str, rendered: str) -> None:
    assert parse_time_limit(text).render() == rendered


def test_properties_of_a_limit() -> None:
    limit = parse_time_limit("信息形成20个工作日内公开;其中行政许可事项应自作出行政决定之日起7个工作日内公示")
    assert limit.is_parsed
    assert not limit.is_empty
    assert not limit.is_same_as_above
    assert limit.period == PeriodLimit(20, PeriodUnit.WORKING_DAYS, Anchor.FORMED)
    assert parse_time_limit("同上").is_same_as_above
    assert parse_time_limit("—").is_empty
    assert parse_time_limit("实时公开").period is None
    only_scoped = parse_time_limit("其中行政许可事项自作出行政决定之日起7个工作日内")
    assert only_scoped.period is None
    assert TimeLimit("").render() == ""


def test_non_string_input_is_coerced_not_raised() -> None:
    limit = parse_time_limit(20, warn=False)  # type: ignore[arg-type]
    assert limit.text == "20"
    assert limit.unparsed == ("20",)
