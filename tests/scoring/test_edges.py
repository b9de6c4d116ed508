"""Smaller paths: condition evaluation, evidence coercion, form bounds and card-file checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.scoring.helpers import field, item, synthetic

from zwgk.errors import DataFileError, EvidenceError
from zwgk.scoring import EvidenceField, FieldType, score
from zwgk.scoring._conditions import evaluate, parse_condition
from zwgk.scoring._evidence import coerce
from zwgk.scoring.io import card_from_dict, evidence_schema


@pytest.mark.parametrize(
    ("text", "values", "expected"),
    [
        ("not a or b", {"a": True, "b": False}, False),
        ("not a or b", {"a": False, "b": False}, True),
        ("a or n > 2", {"a": False, "n": 3}, True),
        ("a or n > 2", {"a": False, "n": None}, False),  # missing never holds
        ("a or n > 2", {"a": "yes", "n": True}, False),  # only real booleans and numbers count
        ("n <= 2.5 or a", {"n": Decimal("2.5")}, True),
    ],
)
def test_condition_evaluation(text: str, values: dict[str, object], expected: bool) -> None:
    assert evaluate(parse_condition(text), values) is expected


def test_coerce_directly() -> None:
    flag = EvidenceField("f", FieldType.BOOLEAN, "是否")
    assert coerce(flag, True) == (True, None)
    bounded = EvidenceField("x", FieldType.AMOUNT, "数值", minimum=Decimal(1), maximum=Decimal(3))
    assert coerce(bounded, "2") == (Decimal(2), None)
    assert coerce(bounded, 0) == (None, "an amount >= 1")
    assert coerce(bounded, 4) == (None, "an amount <= 3")
    many = EvidenceField("xs", FieldType.AMOUNTS, "数值列表")
    assert coerce(many, "1, 2") == (None, "a list")
    assert FieldType.ELEMENTS.label == "要素"


def test_bounds_reach_the_evidence_schema() -> None:
    card = synthetic(
        [
            {
                "id": "s",
                "title": "t",
                "items": [
                    item(
                        "1",
                        5,
                        [
                            {
                                "kind": "discretionary",
                                "field": "x",
                                "range": [1, 3],
                                "direction": "deduct",
                                "reason": "r",
                            }
                        ],
                        [field("x", "amount", minimum=0, maximum=3)],
                    )
                ],
            }
        ]
    )
    prop = evidence_schema(card)["properties"]["x"]
    assert (prop["x-zwgk-minimum"], prop["x-zwgk-maximum"]) == ("0", "3")
    with pytest.raises(EvidenceError) as info:
        score(card, {"x": 4})
    assert info.value.problems[0].expected.startswith("an amount <= 3")


def test_more_card_file_checks() -> None:
    data = {
        "name": "edges",
        "title": "t",
        "source": "s",
        "maximum": 5,
        "evidence": [field("a", options=[{"key": "x", "label": "X"}])],
        "derived": [
            {
                "key": "a",
                "function": "updates_in_period",
                "inputs": {"dates": "d", "start": "s0", "end": "s1"},
            }
        ],
        "sections": [
            {
                "id": "s",
                "title": "t",
                "items": [
                    item(
                        "1",
                        5,
                        [{"kind": "per_occurrence", "field": "ghost", "points": -1, "reason": "r"}],
                        [
                            field(
                                "c",
                                "choice",
                                options=[{"key": "x", "label": "X"}, {"key": "x", "label": "Y"}],
                            )
                        ],
                    )
                ],
            }
        ],
    }
    with pytest.raises(DataFileError) as info:
        card_from_dict(data)
    text = str(info.value)
    for expected in [
        "only choice/elements fields take options",
        "duplicate option keys",
        "per_occurrence reads an unknown evidence key",
        "duplicate evidence key",
        "input dates reads an unknown evidence key",
    ]:
        assert expected in text, expected
