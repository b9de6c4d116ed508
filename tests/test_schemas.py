"""The JSON Schemas: committed files equal the code, every schema is valid, real files validate.

Instances come from the package data and the public export functions (notice and card
files, the sample catalog, a hand-written ledger, a report built from it), never from the
schemas themselves.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zwgk._cli import main
from zwgk._cli._common import to_jsonable
from zwgk._schemas import all_schemas, get_schema, schema_descriptions, schema_text
from zwgk.catalog import catalog_to_json, sample_catalog
from zwgk.errors import UnknownNameError
from zwgk.reports import build_report, report_to_json
from zwgk.requests import Ledger, ledger_from_rows, ledger_to_json
from zwgk.scoring import Card, card_template, evidence_schema, list_cards, load_card
from zwgk.testing import evidence_for, ledgers

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = Path(__file__).parent.parent / "docs" / "schemas"
REGENERATE = "regenerate with: zwgk schema --write docs/schemas"


def validator(name: str) -> Any:
    return jsonschema.Draft202012Validator(get_schema(name), format_checker=jsonschema.FormatChecker())


def assert_valid(name: str, instance: object, where: str) -> None:
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, f"{where} does not fit schema {name!r}: " + "; ".join(
        f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]
    )


def as_json(data: object) -> Any:
    """TOML/zwgk values as JSON would carry them (dates → ISO strings, Decimal → text)."""
    return json.loads(json.dumps(to_jsonable(data)))


# --- the committed files ---------------------------------------------------------------


@pytest.mark.parametrize("name", list(schema_descriptions()))
def test_committed_file_equals_the_code(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"{path} is missing; {REGENERATE}"
    assert path.read_text(encoding="utf-8") == schema_text(get_schema(name)), (
        f"{path} differs from the code's schema {name!r}; {REGENERATE}"
    )


def test_no_stale_committed_files() -> None:
    expected = {f"{name}.schema.json" for name in schema_descriptions()}
    stale = sorted(p.name for p in SCHEMAS.iterdir() if p.name not in expected)
    assert not stale, f"docs/schemas holds files no schema produces: {stale}; delete them and {REGENERATE}"


@pytest.mark.parametrize("name", list(schema_descriptions()))
def test_schema_is_draft_2020_12(name: str) -> None:
    schema = get_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_boundary_model_has_a_schema() -> None:
    names = set(all_schemas())
    assert {"notice", "card", "combinations", "catalog", "catalog-item", "legal-basis"} <= names
    assert {"ledger", "ledger-event", "report"} <= names
    assert {f"evidence-{card}" for card in list_cards()} <= names


def test_unknown_schema_name() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown schema 'nope'; known: notice, card"):
        get_schema("nope")


# --- real instances --------------------------------------------------------------------


def test_bundled_notices_validate() -> None:
    folder = resources.files("zwgk.deadlines") / "data" / "notices"
    files = [e for e in folder.iterdir() if e.name.endswith(".toml")]
    assert len(files) > 20
    for entry in files:
        assert_valid("notice", as_json(tomllib.loads(entry.read_text(encoding="utf-8"))), entry.name)


def test_builtin_card_files_validate() -> None:
    folder = resources.files("zwgk.scoring") / "cards"
    cards = [e for e in folder.iterdir() if e.name.endswith(".toml") and e.name != "combinations.toml"]
    assert {e.name.removesuffix(".toml") for e in cards} == set(list_cards())
    for entry in cards:
        assert_valid("card", as_json(tomllib.loads(entry.read_text(encoding="utf-8"))), entry.name)
    combinations = (folder / "combinations.toml").read_text(encoding="utf-8")
    assert_valid("combinations", as_json(tomllib.loads(combinations)), "combinations.toml")


def test_sample_catalog_validates() -> None:
    document = json.loads(catalog_to_json(sample_catalog()))
    assert_valid("catalog", document, "the sample catalog")
    for i, item in enumerate(document["items"]):
        assert_valid("catalog-item", item, f"sample item {i}")
        for basis in item["legal_bases"]:
            assert_valid("legal-basis", basis, f"sample item {i} basis")


def small_ledger() -> Ledger:
    rows = [
        {"id": "2025-001", "applicant": "张三", "applicant_kind": "自然人", "received": "2025-03-03",
         "outcome": "予以公开", "closed": "2025-03-20", "channel": "网络",
         "events": [{"kind": "ExtensionGranted", "on": "2025-03-10", "working_days": 10}]},
        {"id": "2025-002", "applicant": "某某公司", "applicant_kind": "商业企业", "received": "2025-06-09",
         "outcome": "本机关不掌握相关政府信息", "closed": "2025-06-30", "pages": 0},
        {"id": "2025-003", "applicant": "李四", "applicant_kind": "自然人", "received": "2025-12-22"},
    ]  # fmt: skip
    return ledger_from_rows(rows)


def test_ledger_rows_validate() -> None:
    document = json.loads(ledger_to_json(small_ledger()))
    assert len(document["requests"]) == 3
    for row in document["requests"]:
        assert_valid("ledger", row, f"ledger row {row['id']}")
        for event in row["events"]:
            assert_valid("ledger-event", event, f"ledger row {row['id']} event")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_generated_ledgers_validate(ledger: Ledger) -> None:
    for row in json.loads(ledger_to_json(ledger))["requests"]:
        assert_valid("ledger", row, f"ledger row {row['id']}")


def test_built_report_validates() -> None:
    report = build_report(
        small_ledger(),
        2025,
        agency="某县人民政府办公室",
        table2={"regulations.issued": 1, "fees.amount": Decimal("1.5")},
        table4={"review.upheld": 1},
        sections=[("总体情况", "……")],
    )
    assert_valid("report", json.loads(report_to_json(report)), "the built report")


@pytest.mark.parametrize("name", list_cards())
def test_card_template_has_the_evidence_schema_keys(name: str) -> None:
    # The template is all nulls (to be filled in), so it is not itself valid evidence;
    # its keys are exactly the schema's properties.
    card = load_card(name)
    assert set(card_template(card)) == set(evidence_schema(card)["properties"])


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(list_cards()).map(load_card).flatmap(lambda c: st.tuples(st.just(c), evidence_for(c))))
def test_generated_evidence_validates(case: tuple[Card, dict[str, Any]]) -> None:
    card, evidence = case
    assert_valid(f"evidence-{card.name}", as_json(evidence), f"evidence for {card.name}")


# --- the command -----------------------------------------------------------------------


def test_cli_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(schema_descriptions())
    assert any("考核细则" in line for line in lines)


def test_cli_prints_one_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "notice"]) == 0
    out = capsys.readouterr().out
    assert out == schema_text(get_schema("notice"))
    assert "国办发明电" in out  # ensure_ascii=False


def test_cli_unknown_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown schema 'nope'" in err
    assert "evidence-kaifu-2013-windows" in err


def test_cli_writes_every_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out"
    assert main(["schema", "--write", str(target)]) == 0
    written = sorted(p.name for p in target.iterdir())
    assert written == sorted(f"{n}.schema.json" for n in schema_descriptions())
    assert (target / "card.schema.json").read_text(encoding="utf-8") == schema_text(get_schema("card"))
    assert len(capsys.readouterr().out.splitlines()) == len(written)


def test_cli_write_refuses_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert main(["schema", "--write", str(target)]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_cli_name_and_write_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "card", "--write", str(tmp_path)]) == 2
    assert "either a schema NAME or --write" in capsys.readouterr().err
