"""Derived evidence: ``longest_update_gap`` on hand-computed cases around Spring Festival 2026.

2026 notice 国办发明电〔2025〕7号 (src/zwgk/deadlines/data/notices/2026.toml): rest 2/15–2/23,
working Saturdays 2/14 and 2/28.  W(d) = working days in (2026-01-01, d] is spelled out in
tests/scoring/golden/kaifu-2013-departments.toml.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from zwgk.calendar import default_calendar
from zwgk.errors import EvidenceError, InvalidInputError, UnknownNameError
from zwgk.scoring import (
    Card,
    Check,
    Condition,
    Derivation,
    DerivationFunction,
    EvidenceField,
    FieldType,
    Item,
    Section,
    score,
)
from zwgk.scoring._derived import DERIVATIONS, longest_update_gap, updates_in_period
from zwgk.scoring._model import Comparison

D = dt.date
Q1 = (D(2026, 1, 1), D(2026, 3, 31))


@pytest.mark.parametrize(
    ("dates", "expected", "why"),
    [
        ([], 59, "no update: the whole quarter, 59 working days"),
        (
            [D(2026, 1, 20), D(2026, 2, 6), D(2026, 3, 9), D(2026, 3, 31)],
            17,
            "2/6 (26) → 3/9 (43): 31 calendar days but 17 working days",
        ),
        ([D(2026, 2, 6), D(2026, 3, 13), D(2026, 3, 31)], 26, "start → 2/6 is 26"),
        ([D(2026, 1, 20), D(2026, 2, 6), D(2026, 3, 13), D(2026, 3, 31)], 21, "2/6 (26) → 3/13 (47)"),
        ([D(2026, 1, 16), D(2026, 2, 13), D(2026, 3, 13), D(2026, 3, 31)], 20, "1/16 (11) → 2/13 (31)"),
        (
            [D(2026, 2, 13), D(2026, 1, 16), D(2026, 3, 31), D(2026, 3, 13), D(2026, 2, 13)],
            20,
            "order, duplicates",
        ),
        ([D(2026, 1, 15), D(2026, 2, 5), D(2026, 2, 27)], 23, "2/27 (36) → period end 3/31 (59)"),
    ],
)
def test_longest_update_gap_q1_2026(dates: list[dt.date], expected: int, why: str) -> None:
    assert longest_update_gap(default_calendar(), tuple(dates), *Q1) == expected, why


def test_spring_festival_rest_days_do_not_count() -> None:
    cal = default_calendar()
    # 2/13 (Fri) → 2/24 (Tue): 2/14 is a 调休 working Saturday, 2/15–2/23 rest → 2 working days
    assert longest_update_gap(cal, (D(2026, 2, 13), D(2026, 2, 24)), D(2026, 2, 13), D(2026, 2, 24)) == 2
    # 2/14 (working Sat) → 2/28 (working Sat): 2/24, 2/25, 2/26, 2/27, 2/28 → 5
    assert longest_update_gap(cal, (), D(2026, 2, 14), D(2026, 2, 28)) == 5


def test_period_start_counts_as_an_update_and_same_day_gives_zero() -> None:
    cal = default_calendar()
    assert longest_update_gap(cal, (D(2026, 3, 2),), D(2026, 3, 2), D(2026, 3, 2)) == 0


def test_dates_outside_the_period_are_rejected() -> None:
    with pytest.raises(InvalidInputError) as info:
        longest_update_gap(default_calendar(), (D(2026, 4, 1),), *Q1)
    assert info.value.field == "dates"
    assert info.value.value == ["2026-04-01"]


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(InvalidInputError) as info:
        updates_in_period(default_calendar(), (), D(2026, 3, 31), D(2026, 1, 1))
    assert info.value.field == "end"


class WeekdayCalendar:
    """A tiny synthetic calendar: Monday–Friday work, no holidays."""

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        sign = 1 if b >= a else -1
        lo, hi = (a, b) if sign == 1 else (b, a)
        days = (lo + dt.timedelta(days=i) for i in range(1, (hi - lo).days + 1))
        return sign * sum(1 for d in days if d.weekday() < 5)


def test_algorithm_on_a_synthetic_calendar() -> None:
    cal = WeekdayCalendar()
    # Mon 2026-03-02 .. Fri 2026-03-27: updates Fri 3/6 and Fri 3/20 → gaps 4, 10, 5
    assert longest_update_gap(cal, (D(2026, 3, 6), D(2026, 3, 20)), D(2026, 3, 2), D(2026, 3, 27)) == 10
    assert updates_in_period(cal, (D(2026, 3, 6), D(2026, 3, 6)), D(2026, 3, 2), D(2026, 3, 27)) == 1


def test_registry_is_read_only_and_typed() -> None:
    spec = DERIVATIONS["longest_update_gap"]
    assert spec.result is FieldType.COUNT
    assert dict(spec.parameters) == {"dates": FieldType.DATES, "start": FieldType.DATE, "end": FieldType.DATE}
    with pytest.raises(TypeError):
        DERIVATIONS["x"] = spec  # type: ignore[index]


def _python_card(function: str) -> Card:
    """A card built directly from core values (no card file, no pydantic)."""
    gap = Condition((Comparison("span", ">", Decimal(3)),), "span > 3")
    item = Item(
        "1",
        "测试",
        "间隔超过3天扣1分",
        Decimal(5),
        Decimal(5),
        (Check(gap, Decimal(-1), "间隔超过3天扣1分"),),
        (EvidenceField("first", FieldType.DATE, "首日"), EvidenceField("last", FieldType.DATE, "末日")),
    )
    return Card(
        name="python-card",
        title="直接构造的卡",
        source="tests",
        maximum=Decimal(5),
        sections=(Section("s", "测试", (item,)),),
        derived=(Derivation("span", function, (("a", "first"), ("b", "last"))),),
    )


def _calendar_days(calendar: object, a: dt.date, b: dt.date) -> int:
    return (b - a).days


CUSTOM = {
    "calendar_days": DerivationFunction(
        "calendar_days",
        (("a", FieldType.DATE), ("b", FieldType.DATE)),
        FieldType.COUNT,
        _calendar_days,
        "日历日",
    )
}


def test_custom_derivation_on_a_card_built_in_python() -> None:
    card = _python_card("calendar_days")
    evidence = {"first": "2026-03-01", "last": "2026-03-05"}
    result = score(card, evidence, derivations=CUSTOM)
    assert result.total == 4
    assert dict(result.evidence)["span"] == 4
    assert score(card, {**evidence, "last": "2026-03-03"}, derivations=CUSTOM).total == 5
    # evolve gives a new card whose lookup tables are rebuilt
    renamed = attrs.evolve(card, name="renamed")
    assert score(renamed, evidence, derivations=CUSTOM).card == "renamed"


def test_unknown_derivation_function_is_reported() -> None:
    with pytest.raises(EvidenceError) as info:
        score(_python_card("no_such_function"), {"first": "2026-03-01", "last": "2026-03-05"})
    assert info.value.problems[0].message == "unknown derivation function"


def test_unknown_item_ids() -> None:
    card = _python_card("calendar_days")
    with pytest.raises(UnknownNameError):
        card.item("9")
    result = score(card, {"first": "2026-03-01", "last": "2026-03-02"}, derivations=CUSTOM)
    with pytest.raises(UnknownNameError):
        result.item("9")
