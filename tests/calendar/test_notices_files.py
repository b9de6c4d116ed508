"""Notice files: loading TOML/JSON, every problem reported with its location, JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from importlib import resources
from pathlib import Path

import attrs
import pytest
from tests.calendar.helpers import NOTICE_2027_TOML as GOOD_TOML
from tests.calendar.helpers import d

from zwgk.calendar import Festival, NoticeKind, default_calendar, load_notices
from zwgk.calendar.io import bundled_notices, notice_from_mapping, notice_json_schema
from zwgk.errors import DataFileError, UnknownNameError

BAD_TOML = """\
title = 7
year = 2027
kind = "yearly"
issued = "soon"
colour = "red"

[[periods]]
festivals = ["圣诞节"]
rest = [2027-01-01, 2027-01-03]
working = [2027-01-02]

[[periods]]
festivals = ["元旦"]
rest = [2027-01-03, 2027-01-01]

[[periods]]
festivals = ["春节"]
rest = [2027-02-05, 2027-02-12]
working = [2027-02-11]

[[periods]]
festivals = ["劳动节"]
rest = [2027-02-10, 2027-02-10]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_a_toml_notice(tmp_path: Path) -> None:
    (notice,) = load_notices(_write(tmp_path, "2027.toml", GOOD_TOML))
    assert notice.document == "国办发明电〔2026〕99号"
    assert notice.kind is NoticeKind.ANNUAL
    assert notice.year == 2027
    assert notice.issued == d("2026-11-10")
    assert [p.festivals for p in notice.periods] == [(Festival.NEW_YEAR,), (Festival.SPRING_FESTIVAL,)]
    assert notice.periods[1].working_days == (d("2027-01-31"), d("2027-02-20"))
    assert d("2027-02-08") in notice.dates


def test_load_a_json_list_and_a_folder(tmp_path: Path) -> None:
    data = tomllib.loads(GOOD_TOML)
    as_json = json.dumps([data, {**data, "document": "另一个〔2026〕1号"}], default=str, ensure_ascii=False)
    _write(tmp_path, "two.json", as_json)
    _write(tmp_path, "one.toml", GOOD_TOML)
    _write(tmp_path, "notes.txt", "ignored: not a notice file")
    assert [n.document for n in load_notices(tmp_path / "two.json")] == [
        "国办发明电〔2026〕99号",
        "另一个〔2026〕1号",
    ]
    assert len(load_notices(tmp_path)) == 3


def test_loaded_notice_extends_the_calendar(tmp_path: Path) -> None:
    cal = default_calendar().with_notices(load_notices(_write(tmp_path, "2027.toml", GOOD_TOML)))
    assert cal.coverage().last == d("2027-12-31")
    assert cal.is_working_day(d("2027-01-31"))  # a Sunday the made-up notice makes a working day
    assert cal.day_kind(d("2027-02-10")).notice == "国办发明电〔2026〕99号"
    assert default_calendar().coverage().last == d("2026-12-31")  # the original is unchanged


def test_every_problem_of_a_file_is_reported_with_its_location(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.toml", BAD_TOML)
    with pytest.raises(DataFileError) as err:
        load_notices(path)
    where = [p.location for p in err.value.problems]
    expected = {
        "document": "required key missing",
        "title": "must be a string",
        "kind": "unknown notice kind",
        "issued": "not a date",
        "colour": "unknown key",
        "periods[0].festivals[0]": "unknown festival",
        "periods[0].working[0]": "a working day inside the rest range",
        "periods[1].rest": "last rest day is before the first",
        "periods[2].working[0]": "a working day inside the rest range",
        "periods[3]": "date also named by periods[2]",
    }
    for location, message in expected.items():
        matching = [p for p in err.value.problems if p.location == f"{path}: {location}"]
        assert matching, f"no problem reported at {location}; got {where}"
        assert any(message in p.message for p in matching), (location, [p.message for p in matching])
    assert isinstance(err.value, ValueError)
    assert str(path) in str(err.value)
    assert f"({len(err.value.problems)} problems)" in str(err.value)


OVERLAP = (
    GOOD_TOML
    + """
[[periods]]
festivals = ["劳动节"]
rest = [2027-02-10, 2027-02-10]
"""
)


def test_overlapping_periods(tmp_path: Path) -> None:
    path = _write(tmp_path, "overlap.toml", OVERLAP)
    with pytest.raises(DataFileError) as err:
        load_notices(path)
    (problem,) = err.value.problems
    assert problem.location == f"{path}: periods[2]"
    assert "date also named by periods[1]" in problem.message
    assert problem.value == d("2027-02-10")


def test_overlap_location_after_an_invalid_period(tmp_path: Path) -> None:
    text = OVERLAP.replace('festivals = ["元旦"]', 'festivals = ["圣诞节"]')
    path = _write(tmp_path, "overlap.toml", text)
    with pytest.raises(DataFileError) as err:
        load_notices(path)
    assert f"{path}: periods[2]" in [p.location for p in err.value.problems]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("broken.toml", "document = \n", "not valid TOML"),
        ("broken.json", '{"document": ', "not valid JSON"),
        ("list.toml", "periods = 3\n", "must be a non-empty list"),
        ("days.toml", GOOD_TOML.replace("2027-02-12]", "2027-04-12]"), "longer than 31 days"),
        ("amend.toml", GOOD_TOML.replace('"annual"', '"amendment"'), "must name the notice it amends"),
        ("year.toml", GOOD_TOML.replace("year = 2027", "year = true"), "not a plausible year"),
        (
            "when.toml",
            GOOD_TOML.replace("issued = 2026-11-10", "issued = 2026-11-10T08:00:00"),
            "without a time",
        ),
        (
            "rest.toml",
            GOOD_TOML.replace("rest = [2027-01-01, 2027-01-03]", "rest = [2027-01-01]"),
            "[first, last]",
        ),
        ("empty.toml", GOOD_TOML.replace('festivals = ["元旦"]', "festivals = []"), "missing or empty"),
        (
            "key.toml",
            GOOD_TOML.replace('festivals = ["元旦"]', 'festivals = ["元旦"]\nnote = 1'),
            "unknown key",
        ),
    ],
)
def test_single_problems(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(DataFileError, match=message.replace("[", r"\[").replace("]", r"\]")) as err:
        load_notices(path)
    assert all(str(path) in p.location for p in err.value.problems)


def test_a_json_top_level_that_is_not_an_object(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="a notice must be a table"):
        load_notices(_write(tmp_path, "n.json", "[1]"))


def test_missing_file_and_wrong_suffix(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no such file"):
        load_notices(tmp_path / "2027.toml")
    with pytest.raises(DataFileError, match="unsupported file type"):
        load_notices(_write(tmp_path, "2027.yaml", GOOD_TOML))


def test_problems_in_several_files_are_reported_together(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", "document = \n")
    _write(tmp_path, "b.json", "{")
    with pytest.raises(DataFileError) as err:
        load_notices(tmp_path)
    assert {Path(p.location.split(":")[0]).name for p in err.value.problems} == {"a.toml", "b.json"}


def test_notice_from_mapping_names_its_source() -> None:
    with pytest.raises(DataFileError, match="my-notice"):
        notice_from_mapping({"document": "x"}, "my-notice")


def test_festival_parser_accepts_common_variants() -> None:
    assert Festival.parse("国庆") is Festival.NATIONAL_DAY
    assert Festival.parse(" 五一 ") is Festival.LABOUR_DAY
    assert Festival.parse("mid_autumn") is Festival.MID_AUTUMN
    with pytest.raises(UnknownNameError, match="圣诞节"):
        Festival.parse("圣诞节")


# ---------------------------------------------------------------------------- JSON Schema


def _as_json(text: str) -> object:
    return json.loads(json.dumps(tomllib.loads(text), default=lambda v: v.isoformat()))


def test_schema_accepts_every_bundled_notice_file() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(notice_json_schema())
    jsonschema.Draft202012Validator.check_schema(notice_json_schema())
    folder = resources.files("zwgk.calendar") / "data" / "notices"
    files = [f for f in folder.iterdir() if f.name.endswith(".toml")]
    assert len(files) >= 23
    for f in files:
        validator.validate(_as_json(f.read_text(encoding="utf-8")))
    validator.validate(_as_json(GOOD_TOML))


def test_schema_rejects_what_the_loader_rejects() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(notice_json_schema())
    errors = list(validator.iter_errors(_as_json(BAD_TOML)))
    assert errors
    messages = " ".join(e.message for e in errors)
    assert "'document' is a required property" in messages
    assert "colour" in messages


def test_bundled_notices_cover_2004_to_2026() -> None:
    notices = bundled_notices()
    annual = sorted(n.year for n in notices if n.kind is NoticeKind.ANNUAL)
    assert annual == list(range(2004, 2027))
    assert {n.document for n in notices if n.kind is not NoticeKind.ANNUAL} >= {
        "国办发明电〔2020〕1号",  # the 2020 Spring Festival extension
        "国发明电〔2015〕1号",  # the 2015-09-03 Victory Day holiday
    }
    assert all(isinstance(n.issued, dt.date) for n in notices)


def test_a_notice_with_a_bundled_document_number_replaces_it() -> None:
    bundled = {n.document: n for n in bundled_notices()}
    original = bundled["国办发明电〔2025〕7号"]
    # A "corrected transcription" that drops the 10/10 working Saturday of 国庆节.
    national = original.periods[-1]
    corrected = attrs.evolve(
        original, periods=(*original.periods[:-1], attrs.evolve(national, working_days=(d("2026-09-20"),)))
    )
    cal = default_calendar().with_notices([corrected])
    assert len(cal.notices) == len(default_calendar().notices)
    assert not cal.is_working_day(d("2026-10-10"))
    assert default_calendar().is_working_day(d("2026-10-10"))
    assert cal.is_working_day(d("2026-09-20"))
