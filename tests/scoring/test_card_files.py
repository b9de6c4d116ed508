"""Loading cards: built-ins, user files, the JSON Schema, and one DataFileError listing every problem."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from tests.scoring.helpers import field, item
from tests.support import normalised_schema

from zwgk.errors import DataFileError, UnknownNameError
from zwgk.scoring import list_cards, list_combinations, load_card, load_combination
from zwgk.scoring.io import card_from_dict, card_json_schema

CARDS_DIR = files("zwgk.scoring") / "cards"


def test_builtin_cards_are_listed_and_load() -> None:
    assert list_cards() == (
        "demonstration-site-standards",
        "gov-new-media-inspection-2019",
        "gov-website-inspection-2019",
        "kaifu-2013-departments",
        "kaifu-2013-streets",
        "kaifu-2013-windows",
    )
    for name in list_cards():
        card = load_card(name)
        assert card.name == name
        seeds = {
            "gov-": "国办秘函〔2019〕19号",
            "demonstration": "示范点建设意见",
        }
        cited = next(
            (s for prefix, s in seeds.items() if name.startswith(prefix)), "开福区2013年政务公开工作要点"
        )
        assert cited in card.source


@pytest.mark.parametrize(
    ("name", "items", "maximum"),
    [
        ("kaifu-2013-departments", 15, 100),
        ("kaifu-2013-windows", 3, 80),
        ("kaifu-2013-streets", 16, 100),
        ("demonstration-site-standards", 6, 6),
    ],
)
def test_builtin_card_structure_matches_the_seed(name: str, items: int, maximum: int) -> None:
    card = load_card(name)
    assert len(card.items) == items
    assert card.maximum == maximum
    assert [i.id for _, i in card.items] == [str(n) for n in range(1, items + 1)]
    for _, it in card.items:
        assert it.criteria
        assert it.title


def test_seed_item_values() -> None:
    departments = load_card("kaifu-2013-departments")
    assert [int(i.maximum or 0) for _, i in departments.items] == [
        5,
        5,
        5,
        5,
        5,
        20,
        5,
        10,
        5,
        5,
        5,
        5,
        5,
        10,
        5,
    ]
    streets = load_card("kaifu-2013-streets")
    assert [int(i.maximum or 0) for _, i in streets.items] == [
        5,
        5,
        5,
        5,
        15,
        5,
        5,
        10,
        5,
        5,
        7,
        5,
        5,
        5,
        5,
        8,
    ]
    windows = load_card("kaifu-2013-windows")
    assert [(s.title, s.bonus) for s in windows.sections] == [
        ("人员管理", False),
        ("业务管理", False),
        ("奖励加分", True),
    ]
    assert windows.item("3").maximum == 20


def test_ambiguous_items_document_their_interpretation() -> None:
    assert "全有或全无" in load_card("kaifu-2013-departments").item("8").notes
    assert "视情节" in load_card("kaifu-2013-windows").item("1").notes


def test_combinations() -> None:
    assert list_combinations() == (
        "kaifu-2013-department-with-window",
        "kaifu-2013-department-without-window",
    )
    with_window = load_combination("kaifu-2013-department-with-window")
    assert [(p.card, p.weight) for p in with_window.parts] == [
        ("kaifu-2013-departments", Decimal("0.6")),
        ("kaifu-2013-windows", Decimal("0.4")),
    ]
    for name in list_combinations():
        assert all(p.card in list_cards() for p in load_combination(name).parts)
    with pytest.raises(UnknownNameError):
        load_combination("nope")


def test_unknown_card_name() -> None:
    with pytest.raises(UnknownNameError) as info:
        load_card("kaifu-2014")
    assert "kaifu-2013-streets" in str(info.value)
    with pytest.raises(LookupError):
        load_card("kaifu-2014")


COMMITTED_SCHEMA = Path(__file__).parents[2] / "docs" / "schemas" / "card.schema.json"


def test_the_card_schema_is_committed_once() -> None:
    assert not (CARDS_DIR / "card.schema.json").is_file(), "the card schema lives in docs/schemas only"
    committed = json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    assert "zwgk schema --write docs/schemas" in committed["$comment"]


def test_committed_schema_is_current_and_validates_the_builtin_cards() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    shipped = json.loads(COMMITTED_SCHEMA.read_text(encoding="utf-8"))
    assert normalised_schema(shipped) == normalised_schema(json.loads(json.dumps(card_json_schema()))), (
        "docs/schemas/card.schema.json differs from the code; regenerate: zwgk schema --write docs/schemas"
    )
    for name in list_cards():
        data = tomllib.loads((CARDS_DIR / f"{name}.toml").read_text(encoding="utf-8"))
        jsonschema.validate(data, shipped)


def _card(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "mini",
        "title": "小卡",
        "source": "tests",
        "maximum": 5,
        "sections": [
            {
                "id": "s",
                "title": "测试",
                "items": [
                    item(
                        "1",
                        5,
                        [{"kind": "check", "when": "not ok", "points": -5, "reason": "扣5分"}],
                        [field("ok")],
                    )
                ],
            }
        ],
    }
    data.update(changes)
    return data


def test_card_from_dict_and_json_file(tmp_path: Path) -> None:
    assert card_from_dict(_card()).name == "mini"
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(_card()), encoding="utf-8")
    assert load_card(path).maximum == 5
    assert load_card(str(path)).title == "小卡"


def test_schema_problems_are_all_listed_with_locations() -> None:
    bad = _card(
        maximum="lots",
        sections=[
            {
                "id": "s",
                "title": "测试",
                "items": [
                    {
                        "id": "1",
                        "title": "x",
                        "criteria": "y",
                        "maximum": 5,
                        "rules": [{"kind": "explode"}],
                        "colour": "red",
                    }
                ],
            }
        ],
    )
    with pytest.raises(DataFileError) as info:
        card_from_dict(bad, source="bad.toml")
    locations = [p.location for p in info.value.problems]
    assert "maximum" in locations
    assert any(loc.startswith("sections.0.items.0.rules.0") for loc in locations)
    assert "sections.0.items.0.colour" in locations
    assert "bad.toml" in str(info.value)


def test_floats_in_card_data_are_rejected() -> None:
    with pytest.raises(DataFileError) as info:
        card_from_dict(_card(maximum=5.0))
    assert "binary float" in str(info.value)


def test_cross_reference_problems_are_all_listed() -> None:
    rules = [
        {"kind": "check", "when": "not missing_key", "points": -1, "reason": "r"},
        {"kind": "per_occurrence", "field": "ok", "points": -1, "reason": "r"},
        {"kind": "per_missing", "field": "ok", "points": -1, "reason": "r"},
        {"kind": "tiers", "field": "c", "tiers": [{"key": "x", "label": "X", "points": 1}]},
        {"kind": "discretionary", "field": "n", "range": [5, 3], "direction": "deduct", "reason": "r"},
        {"kind": "check", "when": "ok > 3", "points": -1, "reason": "r"},
        {"kind": "check", "when": "n", "points": -1, "reason": "r"},
        {
            "kind": "group",
            "label": "g",
            "start": 9,
            "maximum": 5,
            "rules": [{"kind": "zero_if", "when": "ok", "reason": "r"}],
        },
    ]
    evidence = [
        field("ok"),
        field("n", "amount"),
        field("c", "choice", options=[{"key": "x", "label": "X"}, {"key": "y", "label": "Y"}]),
        field("ok"),
        field("e", "elements"),
    ]
    data = _card(
        maximum=7,
        sections=[
            {
                "id": "s",
                "title": "t",
                "items": [
                    item("1", 5, rules, evidence, start=6),
                    item("1", None, [{"kind": "zero_if", "when": "ok", "reason": "r"}], []),
                ],
            }
        ],
        derived=[
            {"key": "g", "function": "nope", "inputs": {}},
            {"key": "h", "function": "longest_update_gap", "inputs": {"dates": "ok"}},
        ],
        vetoes=[{"id": "v", "when": "ghost", "reason": "r"}],
    )
    with pytest.raises(DataFileError) as info:
        card_from_dict(data)
    text = str(info.value)
    for expected in [
        "condition reads an unknown evidence key",
        "per_occurrence needs a count field",
        "per_missing needs a elements field",
        "tiers and the choice field's options differ",
        "bad discretionary range",
        "comparison on non-numeric field",
        "'n' alone needs a boolean field",
        "group start above its maximum",
        "duplicate evidence key",
        "a elements field needs options",
        "start above the item's maximum",
        "duplicate item id",
        "item of a non-bonus section without maximum",
        "unknown derivation function",
        "inputs do not match the function's parameters",
        "input dates needs a dates field",
        "maximum differs from the sum",
    ]:
        assert expected in text, expected


def test_bad_condition_text() -> None:
    data = _card(
        sections=[
            {
                "id": "s",
                "title": "t",
                "items": [
                    item("1", 5, [{"kind": "zero_if", "when": "ok and ok", "reason": "r"}], [field("ok")])
                ],
            }
        ]
    )
    with pytest.raises(DataFileError) as info:
        card_from_dict(data)
    assert "cannot read condition term 'ok and ok'" in str(info.value)


@pytest.mark.parametrize(
    ("text", "suffix", "message"),
    [("name = ", ".toml", "not valid TOML"), ("{", ".json", "not valid JSON"), ("[1]", ".json", "top level")],
)
def test_unparsable_files(tmp_path: Path, text: str, suffix: str, message: str) -> None:
    path = tmp_path / f"card{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_card(path)
    assert message in str(info.value)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "card.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataFileError) as info:
        load_card(path)
    assert "cannot read the file" in str(info.value)


def test_import_does_not_pull_in_pydantic() -> None:
    code = "import sys, zwgk.scoring\nprint('pydantic' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"
