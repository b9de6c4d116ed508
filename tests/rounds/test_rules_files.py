"""Designation rule files: the built-in set (seed 000) and malformed files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from zwgk.errors import DataFileError, InvalidInputError, MissingFileError, UnknownNameError
from zwgk.rounds import DesignationRule, RuleKind
from zwgk.rounds.io import designations_from_dict, list_designations, load_designations


def test_builtin_set_cites_seed_000() -> None:
    assert list_designations() == ("demonstration-sites",)
    rules = load_designations("demonstration-sites")
    assert rules.card == "demonstration-site-standards"
    assert "对不起示范作用的取消示范点资格" in rules.source
    assert [r.kind for r in rules.rules] == [RuleKind.DROP_BELOW, RuleKind.RECOMMEND_TOP]
    assert rules.rules[0].threshold == Decimal(6)
    assert "解读" in rules.rules[0].notes  # the threshold is zwgk's reading, and says so


def test_unknown_names_and_files(tmp_path: Path) -> None:
    with pytest.raises(UnknownNameError, match="demonstration-sites"):
        load_designations("nope")
    with pytest.raises(MissingFileError):
        load_designations(tmp_path / "nope.toml")


def test_every_problem_is_listed() -> None:
    with pytest.raises(DataFileError) as info:
        designations_from_dict(
            {
                "card": 3,
                "rules": [
                    "x",
                    {"kind": "drop_sideways"},
                    {"kind": "drop_below"},
                    {"kind": "drop_bottom", "count": 1, "share": "0.1", "colour": "red"},
                    {"kind": "recommend_top", "share": "0.1"},
                    {"kind": "drop_bottom", "share": "1.5"},
                    {"kind": "drop_bottom", "count": 1, "ties": "maybe"},
                    {"kind": "drop_below", "threshold": 0.5},
                    {"kind": "drop_below", "threshold": "x"},
                    {"kind": "drop_below", "threshold": 5, "rounds": 0},
                    {"kind": "drop_below", "threshold": 5, "rounds": True},
                ],
            }
        )
    text = str(info.value)
    expected = [
        "name",
        "card",
        "not a table",
        "unknown kind",
        "a threshold for drop_below",
        "exactly one of count or share",
        "unknown key",
        "count for recommend_top",
        "a share in (0, 1]",
        "'include' or 'exclude'",
        "an exact number",
        "at least 1",
        "a whole number",
    ]
    for part in expected:
        assert part in text, part
    with pytest.raises(DataFileError, match="no rules"):
        designations_from_dict({"name": "x", "card": "y"})


def test_rule_values_validate_themselves() -> None:
    with pytest.raises(InvalidInputError):
        DesignationRule("r", RuleKind.DROP_BELOW, "x", rounds=0, threshold=Decimal(1))
