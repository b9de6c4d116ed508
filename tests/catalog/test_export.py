"""Export to CSV, XLSX, JSON and DataFrame; round trips; formula neutralisation; JSON Schema."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from zwgk.catalog import Catalog, DisclosureItem, read_catalog, sample_catalog
from zwgk.catalog.io import (
    catalog_from_json,
    catalog_json_schema,
    catalog_rows,
    catalog_to_dataframe,
    catalog_to_json,
    neutralize_formula,
    write_catalog_csv,
    write_catalog_json,
    write_catalog_xlsx,
)
from zwgk.errors import InvalidRecordsError, MissingExtraError
from zwgk.testing import catalogs


def dangerous_catalog() -> Catalog:
    return Catalog(
        (
            DisclosureItem(
                sequence="1",
                first_level='=HYPERLINK("http://x")',
                second_level="+1",
                content=("-2", "@SUM(A1)"),
                body="-负责人",
                channels=("=cmd|' /C calc'!A0",),
            ),
        ),
        title="@title",
    )


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("政府网站", "政府网站"), ("", ""), ("a=1", "a=1")],
)  # fmt: skip
def test_neutralize_formula(cell: str, written: str) -> None:
    assert neutralize_formula(cell) == written


def test_csv_export_neutralises_formulas(tmp_path: Path) -> None:
    path = write_catalog_csv(dangerous_catalog(), tmp_path / "out.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row if c]
    assert not [c for c in cells if c[0] in "=+-@\t\r"]
    assert '\'=HYPERLINK("http://x")' in cells
    assert "'@title" in cells
    assert read_catalog(path) == dangerous_catalog()


def test_xlsx_export_has_no_formula_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    path = write_catalog_xlsx(dangerous_catalog(), tmp_path / "out.xlsx")
    workbook = openpyxl.load_workbook(path)
    cells = [c for row in workbook.active.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type == "s" for c in cells)
    assert not [c.value for c in cells if str(c.value)[0] in "=+-@\t\r"]
    assert read_catalog(path) == dangerous_catalog()


def test_sample_round_trips_through_every_format(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    catalog = sample_catalog()
    for name in ("s.csv", "s.xlsx", "s.json"):
        path = tmp_path / name
        {"s.csv": write_catalog_csv, "s.xlsx": write_catalog_xlsx, "s.json": write_catalog_json}[name](
            catalog, path
        )
        assert read_catalog(path) == catalog, name


def test_header_rows_are_the_de_facto_layout() -> None:
    rows = catalog_rows(sample_catalog())
    assert rows[0] == ["示例县就业和社会保障领域基层政务公开标准目录"]
    assert rows[1][:8] == [
        "序号",
        "公开事项",
        "",
        "公开内容（要素）",
        "公开依据",
        "公开时限",
        "公开主体",
        "公开渠道和载体",
    ]
    assert rows[2][8:] == ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogs())
def test_any_catalog_round_trips_csv_and_json(tmp_path: Path, catalog: Catalog) -> None:
    write_catalog_csv(catalog, tmp_path / "h.csv")
    assert read_catalog(tmp_path / "h.csv") == catalog
    assert catalog_from_json(catalog_to_json(catalog)) == catalog


def test_json_is_valid_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = catalog_json_schema()
    document = json.loads(catalog_to_json(sample_catalog()))
    jsonschema.validate(document, schema)
    first = document["items"][0]
    assert first["time_limit"] == "自信息形成或者变更之日起20个工作日内"
    assert first["time_limit_parts"] == [
        {"kind": "PeriodLimit", "text": "自信息形成或者变更之日起20个工作日内", "amount": 20,
         "unit": "working_days", "anchor": "信息形成或者变更之日", "scope": None}
    ]  # fmt: skip
    assert schema["properties"]["items"]["type"] == "array"


def test_json_accepts_variants() -> None:
    text = json.dumps(
        {
            "items": [
                {
                    "first_level": "事项",
                    "modes": ["主动"],
                    "audiences": ["特定群众"],
                    "levels": ["镇街级"],
                    "legal_bases": [{"title": "某法", "kind": "规章"}],
                }
            ]
        }
    )
    item = catalog_from_json(text).items[0]
    assert [m.value for m in item.modes] == ["主动公开"]
    assert [a.value for a in item.audiences] == ["特定群体"]
    assert [v.value for v in item.levels] == ["乡级"]
    assert item.legal_bases[0].kind is not None
    assert item.legal_bases[0].kind.value == "部门规章"


def test_json_errors_list_every_field() -> None:
    text = json.dumps({"items": [{"modes": ["随便"]}, {"first_level": 3, "extra": 1}]})
    with pytest.raises(InvalidRecordsError) as info:
        catalog_from_json(text, source="bad.json")
    locations = [p.location for p in info.value.problems]
    assert "items/0/first_level" in locations
    assert any(loc.startswith("items/0/modes") for loc in locations)
    assert "items/1/first_level" in locations
    assert "items/1/extra" in locations


def test_malformed_json() -> None:
    with pytest.raises(InvalidRecordsError, match="invalid records in <json>"):
        catalog_from_json("{not json")


def test_dataframe() -> None:
    pytest.importorskip("pandas")
    frame = catalog_to_dataframe(sample_catalog())
    assert len(frame) == 32
    assert list(frame.columns[:4]) == ["row", "sequence", "first_level", "second_level"]
    row = frame.iloc[0]
    assert row["time_limit_kinds"] == "PeriodLimit"
    assert row["modes"] == "主动公开"
    assert row["levels"] == "县级、乡级"


def test_missing_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"zwgk\[pandas\]"):
        catalog_to_dataframe(sample_catalog())


def test_missing_openpyxl_on_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError, match=r"zwgk\[xlsx\]"):
        write_catalog_xlsx(sample_catalog(), tmp_path / "x.xlsx")
