"""The JSON Schemas: committed files equal the code, every schema is valid, real files validate.

Instances come from the package data and the public export functions (notice and card
files, the sample catalog and publication log, a hand-written ledger, a report built from
it, score results of built-in and synthetic cards), never from the schemas themselves.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.support import normalised_schema

from zwgk._cli import main
from zwgk._cli._common import to_jsonable
from zwgk._schemas import REGENERATE as REGENERATE_COMMENT
from zwgk._schemas import all_schemas, get_schema, schema_descriptions, schema_text
from zwgk.catalog import Publication, sample_catalog, sample_publication_log
from zwgk.catalog.io import (
    catalog_to_json,
    publication_log_json_schema,
    publications_from_rows,
    sample_publication_log_path,
)
from zwgk.errors import InvalidRecordsError, UnknownNameError
from zwgk.reports import build_report
from zwgk.reports.io import report_to_json
from zwgk.requests import Ledger
from zwgk.requests.io import ledger_from_rows, ledger_to_json
from zwgk.scoring import (
    Card,
    CombinedResult,
    ScoreResult,
    apply_combination,
    card_template,
    combine,
    list_cards,
    list_combinations,
    load_card,
    load_combination,
    result_to_dict,
    score,
)
from zwgk.scoring.io import combined_result_json_schema, evidence_schema, score_result_json_schema
from zwgk.testing import builtin_cards, covered_dates, evidence_for, ledgers, synthetic_cards

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


def public(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema without the ``$id`` the table adds (the public functions give the body)."""
    assert schema["$id"].startswith("https://zwgk.readthedocs.io/schemas/")
    return {k: v for k, v in schema.items() if k != "$id"}


def as_json(data: object) -> Any:
    """TOML/zwgk values as JSON would carry them (dates → ISO strings, Decimal → text)."""
    return json.loads(json.dumps(to_jsonable(data)))


# --- the committed files ---------------------------------------------------------------


@pytest.mark.parametrize("name", list(schema_descriptions()))
def test_committed_file_equals_the_code(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"{path} is missing; {REGENERATE}"
    committed = json.loads(path.read_text(encoding="utf-8"))
    code = json.loads(schema_text(get_schema(name)))
    assert committed["$comment"] == code["$comment"], (
        "every committed schema names the command that regenerates it"
    )
    assert normalised_schema(committed) == normalised_schema(code), (
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
    assert {"ledger", "ledger-event", "report", "publication-log"} <= names
    assert {"score-result", "combined-result"} <= names
    assert {f"evidence-{card}" for card in list_cards()} <= names


def test_unknown_schema_name() -> None:
    with pytest.raises(UnknownNameError, match=r"unknown schema 'nope'; known: notice, card"):
        get_schema("nope")


# --- real instances --------------------------------------------------------------------


def test_bundled_notices_validate() -> None:
    folder = resources.files("zwgk.calendar") / "data" / "notices"
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


# --- publication logs ------------------------------------------------------------------


def log_rows(rows: list[dict[str, Any]]) -> list[list[object]]:
    """Row mappings as the table ``publications_from_rows`` reads: header, then values."""
    header = list(dict.fromkeys(key for row in rows for key in row))
    return [header, *([row.get(key) for key in header] for row in rows)]


def test_publication_log_schema_is_the_public_one() -> None:
    expected = {**publication_log_json_schema(), "$comment": REGENERATE_COMMENT}
    assert public(get_schema("publication-log")) == expected


def test_sample_publication_log_rows_validate() -> None:
    with sample_publication_log_path().open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 10
    for i, row in enumerate(rows, start=2):
        assert_valid("publication-log", row, f"sample log row {i}")
    # the same mappings are what the reader reads
    assert publications_from_rows(log_rows(rows)) == sample_publication_log()


GOOD_LOG_ROWS = [
    {"item": "32", "formed_on": "2026-01-05", "published_on": "2026-01-30"},
    {"序号": 8, "信息形成日期": "2026/2/10", "发布日期": None},
    {"事项名称": "失业保险金申领", "形成日期": "2026年3月2日", "公开日期": "", "备注": "extra column"},
    {"公开事项": "4", "形成或变更日期": " 2026.4.30 ", "公布日期": "2026-05-08T09:30:00"},
]


@pytest.mark.parametrize("row", GOOD_LOG_ROWS)
def test_publication_log_variants_validate_and_read(row: dict[str, Any]) -> None:
    assert_valid("publication-log", row, "log row")
    (publication,) = publications_from_rows(log_rows([row]))
    assert publication.formed_on.year == 2026


BAD_LOG_ROWS = {
    "no formed-on column": {"事项": "32", "公开日期": "2026-01-30"},
    "no published-on column": {"事项": "32", "形成日期": "2026-01-05"},
    "no item column": {"形成日期": "2026-01-05", "公开日期": "2026-01-30"},
    "empty item": {"事项": "  ", "形成日期": "2026-01-05", "公开日期": "2026-01-30"},
    "empty formed-on date": {"事项": "32", "形成日期": "", "公开日期": "2026-01-30"},
    "null formed-on date": {"事项": "32", "形成日期": None, "公开日期": "2026-01-30"},
    "formed-on not a date": {"事项": "32", "形成日期": "下周一", "公开日期": "2026-01-30"},
    "published-on not a date": {"事项": "32", "形成日期": "2026-01-05", "公开日期": "20260130"},
}


@pytest.mark.parametrize("row", BAD_LOG_ROWS.values(), ids=BAD_LOG_ROWS.keys())
def test_bad_publication_log_rows_fail_schema_and_reader(row: dict[str, Any]) -> None:
    assert list(validator("publication-log").iter_errors(row))
    with pytest.raises(InvalidRecordsError):
        publications_from_rows(log_rows([row]))


_HEADERS = {"item": ["item", "事项", "序号"], "formed_on": ["formed_on", "形成日期", "变更日期"],
            "published_on": ["published_on", "公开日期", "发布日期"]}  # fmt: skip
_DATE_FORMATS = ["{:%Y-%m-%d}", "{0.year}/{0.month}/{0.day}", "{0.year}年{0.month}月{0.day}日",
                 "{0.year}.{0.month}.{0.day}"]  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_generated_log_rows_validate_and_read(data: st.DataObject) -> None:
    formed = data.draw(covered_dates(margin_days=40))
    published = data.draw(st.none() | st.integers(0, 30).map(lambda n: formed + dt.timedelta(days=n)))
    item = data.draw(st.integers(1, 40) | st.sampled_from(["1", "失业登记"]))
    keys = {field: data.draw(st.sampled_from(names)) for field, names in _HEADERS.items()}
    fmt = data.draw(st.sampled_from(_DATE_FORMATS))
    row = {
        keys["item"]: item,
        keys["formed_on"]: fmt.format(formed),
        keys["published_on"]: None if published is None else fmt.format(published),
    }
    assert_valid("publication-log", row, f"generated row {row}")
    assert publications_from_rows(log_rows([row])) == (Publication(str(item), formed, published),)


# --- score results ---------------------------------------------------------------------


def result_json(result: ScoreResult | CombinedResult) -> Any:
    """What a system receives: ``result_to_dict`` through a JSON round trip (no coercion)."""
    return json.loads(json.dumps(result_to_dict(result), ensure_ascii=False))


def test_result_schemas_are_the_public_ones() -> None:
    scored = {**score_result_json_schema(), "$comment": REGENERATE_COMMENT}
    combined = {**combined_result_json_schema(), "$comment": REGENERATE_COMMENT}
    assert public(get_schema("score-result")) == scored
    assert public(get_schema("combined-result")) == combined


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builtin_cards().flatmap(lambda c: st.tuples(st.just(c), evidence_for(c))))
def test_builtin_card_results_validate(case: tuple[Card, dict[str, Any]]) -> None:
    card, evidence = case
    assert_valid("score-result", result_json(score(card, evidence, unit="某局")), f"result of {card.name}")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(synthetic_cards().flatmap(lambda c: st.tuples(st.just(c), evidence_for(c))))
def test_synthetic_card_results_validate(case: tuple[Card, dict[str, Any]]) -> None:
    card, evidence = case
    assert_valid("score-result", result_json(score(card, evidence)), "result of a synthetic card")


@pytest.mark.parametrize("name", list_cards())
def test_lenient_results_without_evidence_validate(name: str) -> None:
    result = score(load_card(name), {}, lenient=True)
    assert result.missing
    assert_valid("score-result", result_json(result), f"lenient result of {name}")


@pytest.mark.parametrize("name", list_combinations())
def test_combined_results_validate(name: str) -> None:
    combination = load_combination(name)
    results = [score(load_card(p.card), {}, lenient=True, unit="某局") for p in combination.parts]
    document = result_json(apply_combination(combination, results))
    assert_valid("combined-result", document, f"combination {name}")
    assert list(validator("combined-result").iter_errors(document["parts"][0]["result"])), (
        "a part is no combination"
    )


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_generated_combinations_validate(data: st.DataObject) -> None:
    results = [score(c, data.draw(evidence_for(c)), unit="某局") for c in map(load_card, list_cards())]
    n = len(results)
    weights = data.draw(st.lists(st.decimals("0", "1", places=2), min_size=n, max_size=n))
    combined = combine(zip(results, weights, strict=True), title="表一×60%+表二×40%")
    assert_valid("combined-result", result_json(combined), "a generated combination")


def good_result() -> Any:
    return result_json(score(load_card("kaifu-2013-windows"), {}, lenient=True))


BAD_RESULTS = {
    "total as a JSON number": lambda d: d | {"total": 80},
    "total with a trailing zero": lambda d: d | {"total": "80.0"},
    "total in exponent form": lambda d: d | {"total": "1E+2"},
    "a key missing": lambda d: {k: v for k, v in d.items() if k != "grade"},
    "an unknown key": lambda d: d | {"score": "80"},
    "an unknown adjustment kind": lambda d: d
    | {"adjustments": [{"kind": "bonus", "points": "1", "reason": "", "evidence": {}}]},
    "an item without points": lambda d: d
    | {"items": [{k: v for k, v in d["items"][0].items() if k != "points"}]},
}  # fmt: skip


@pytest.mark.parametrize("change", BAD_RESULTS.values(), ids=BAD_RESULTS.keys())
def test_bad_results_do_not_validate(change: Any) -> None:
    assert not list(validator("score-result").iter_errors(good_result()))
    assert list(validator("score-result").iter_errors(change(good_result())))


def test_cli_score_json_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evidence = tmp_path / "evidence.json"
    evidence.write_text("{}", encoding="utf-8")
    main(["score", "kaifu-2013-windows", str(evidence), "--lenient", "--json"])
    assert_valid("score-result", json.loads(capsys.readouterr().out), "zwgk score --json")
    parts = {p.card: {} for p in load_combination("kaifu-2013-department-with-window").parts}
    evidence.write_text(json.dumps(parts), encoding="utf-8")
    main(["score", "kaifu-2013-department-with-window", str(evidence), "--lenient", "--json"])
    assert_valid("combined-result", json.loads(capsys.readouterr().out), "zwgk score COMBINATION --json")


# --- the command -----------------------------------------------------------------------


def test_cli_lists_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == list(schema_descriptions())
    assert any("a scorecard file (TOML or JSON)" in line for line in lines)
    assert main(["--lang", "zh", "schema"]) == 0
    assert any("考核细则文件（TOML 或 JSON）" in line for line in capsys.readouterr().out.splitlines())


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
