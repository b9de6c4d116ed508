"""Hypothesis properties of the engine on the built-in cards."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.scoring.helpers import WEBSITE_CARD

from zwgk.scoring import FieldType, combine, load_card, score
from zwgk.scoring.io import evidence_schema
from zwgk.testing import evidence_for

CARDS = {
    name: load_card(name) for name in ("kaifu-2013-departments", "kaifu-2013-windows", "kaifu-2013-streets")
}
BASE_CARDS = ["kaifu-2013-departments", "kaifu-2013-streets"]  # no bonus section


@pytest.mark.parametrize("name", BASE_CARDS)
@settings(max_examples=60)
@given(data=st.data())
def test_score_within_zero_and_maximum(name: str, data: st.DataObject) -> None:
    card = CARDS[name]
    result = score(card, data.draw(evidence_for(card)))
    assert 0 <= result.total <= card.maximum
    for item in result.items:
        assert item.maximum is not None
        assert 0 <= item.points <= item.maximum
        assert sum((a.points for a in item.adjustments), Decimal(0)) == item.points


@settings(max_examples=60)
@given(data=st.data())
def test_bonus_card_within_base_plus_bonus_cap(data: st.DataObject) -> None:
    card = CARDS["kaifu-2013-windows"]
    result = score(card, data.draw(evidence_for(card)))
    assert 0 <= result.base <= 80
    assert 0 <= result.bonus <= 20
    assert result.total == result.base + result.bonus


# Evidence keys where a larger value / True is a violation (more violations never raise a score).
VIOLATIONS: dict[str, list[str]] = {
    "kaifu-2013-departments": [
        "tasks_late",
        "coordination_inadequate",
        "window_complaints",
        "mass_petitions",
        "replies_late",
        "abuse_of_power",
        "complaints_ignored",
        "innovation_complaints",
        "complaint_channels_missing",
    ],
    "kaifu-2013-windows": [
        "staff_not_assigned",
        "staff_changed",
        "unapproved_staff_changes",
        "outfit_not_ready",
        "half_days_without_substitute",
        "unassisted_cases",
        "staff_returned",
        "projects_not_in_window",
        "guides_not_compiled",
        "guides_not_published",
        "guides_not_updated",
        "online_data_late",
        "projects_not_online",
        "projects_not_per_online_rules",
        "overdue_warnings",
        "green_channel_uncooperative",
        "handled_outside_centre",
        "statistics_months_late",
        "statistics_untrue",
        "error_complaints",
    ],
    "kaifu-2013-streets": [
        "missing_windows",
        "service_guides_missing",
        "ledger_missing",
        "quarterly_report_late",
        "complaints_received",
        "complaint_phone_missing",
        "suggestion_box_missing",
        "media_exposure",
        "petitions",
        "abuse_of_power",
    ],
}


def _worse(value: Any, field_type: FieldType) -> Any:
    return True if field_type is FieldType.BOOLEAN else value + 1


@pytest.mark.parametrize("name", list(CARDS))
@settings(max_examples=60)
@given(data=st.data())
def test_more_violations_never_raise_a_score(name: str, data: st.DataObject) -> None:
    card = CARDS[name]
    evidence = data.draw(evidence_for(card))
    key = data.draw(st.sampled_from(VIOLATIONS[name]))
    worse = {**evidence, key: _worse(evidence[key], card.fields[key].type)}
    assert score(card, worse).total <= score(card, evidence).total


@pytest.mark.parametrize("name", ["kaifu-2013-departments", "kaifu-2013-streets"])
@settings(max_examples=40)
@given(data=st.data())
def test_removing_elements_or_updates_never_raises_a_score(name: str, data: st.DataObject) -> None:
    card = CARDS[name]
    evidence = data.draw(evidence_for(card))
    keys = [
        k for k, f in card.fields.items() if f.type in (FieldType.ELEMENTS, FieldType.DATES) and evidence[k]
    ]
    if not keys:
        return
    key = data.draw(st.sampled_from(keys))
    fewer = {**evidence, key: evidence[key][1:]}
    assert score(card, fewer).total <= score(card, evidence).total


@pytest.mark.parametrize("name", list(CARDS))
@settings(max_examples=40)
@given(data=st.data(), seed=st.integers())
def test_result_independent_of_evidence_key_order(name: str, data: st.DataObject, seed: int) -> None:
    card = CARDS[name]
    evidence = data.draw(evidence_for(card))
    keys = list(evidence)
    random.Random(seed).shuffle(keys)
    assert score(card, {k: evidence[k] for k in keys}) == score(card, evidence)


WEIGHTS = st.integers(-200, 200).map(lambda n: Decimal(n) / 100)


@settings(max_examples=60)
@given(data=st.data(), w1=WEIGHTS, w2=WEIGHTS, k=WEIGHTS)
def test_combine_is_linear_in_the_weights(data: st.DataObject, w1: Decimal, w2: Decimal, k: Decimal) -> None:
    a = score(CARDS["kaifu-2013-departments"], data.draw(evidence_for(CARDS["kaifu-2013-departments"])))
    b = score(CARDS["kaifu-2013-windows"], data.draw(evidence_for(CARDS["kaifu-2013-windows"])))
    both = combine([(a, w1), (b, w2)]).total
    assert both == combine([(a, w1)]).total + combine([(b, w2)]).total
    assert combine([(a, k * w1), (b, k * w2)]).total == k * both
    assert combine([(a, Decimal("0.6")), (b, Decimal("0.4"))]).total == a.total * Decimal(
        "0.6"
    ) + b.total * Decimal("0.4")


VETO_CARD_FIELDS = ("site_unreachable", "serious_errors")


WEBSITE_EVIDENCE = st.fixed_dictionaries(
    {
        "has_services": st.booleans(),
        "stale_columns": st.integers(0, 12),
        "uninterpreted_policies": st.integers(0, 15),
        "guide_defects": st.integers(0, 30),
        "innovations": st.lists(st.integers(5, 10), max_size=5),
    }
)


@settings(max_examples=60)
@given(evidence=WEBSITE_EVIDENCE, vetoes=st.sets(st.sampled_from(VETO_CARD_FIELDS), min_size=1))
def test_a_veto_always_fails(evidence: dict[str, Any], vetoes: set[str]) -> None:
    card = load_card(WEBSITE_CARD)
    flags = {key: key in vetoes for key in VETO_CARD_FIELDS}
    result = score(card, {**evidence, **flags})
    assert result.passed is False
    assert len(result.vetoes) == len(vetoes)
    assert result.grade == "不合格"


@pytest.mark.parametrize("name", list(CARDS))
@settings(max_examples=20)
@given(data=st.data())
def test_generated_evidence_fits_the_evidence_schema(name: str, data: st.DataObject) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    import json

    card = CARDS[name]
    evidence = data.draw(evidence_for(card))
    as_json = json.loads(json.dumps(evidence, default=str))
    jsonschema.validate(as_json, evidence_schema(card))
    score(card, as_json)  # the JSON form scores too


@settings(max_examples=40, deadline=None)
@given(data=st.data(), lenient=st.booleans())
def test_remembered_results_equal_freshly_computed_ones(data: st.DataObject, lenient: bool) -> None:
    # The engine remembers item and section results per card; a copy of the card starts
    # with empty memos, so both must give equal results for the same evidence, also for
    # items that do not apply and (lenient) for missing evidence.
    import attrs

    from zwgk.testing import cards

    card = data.draw(cards(), label="card")
    evidence = [data.draw(evidence_for(card), label=f"evidence {i}") for i in range(2)]
    if lenient:
        dropped = data.draw(st.sets(st.sampled_from(sorted(card.fields))), label="dropped")
        evidence.append({k: v for k, v in evidence[0].items() if k not in dropped})
    warm = [score(card, ev, lenient=lenient) for ev in (*evidence, *evidence)]
    fresh = [score(attrs.evolve(card), ev, lenient=lenient) for ev in (*evidence, *evidence)]
    assert warm == fresh
