"""Hostile notice files and bad scalar values (issue 11).

Each case names its input and the outcome: the error (class and a message fragment) or
the acceptance.  Notices are held to the law's shape (:mod:`zwgk.calendar._law`); scalar
calls refuse missing values (``NaT``, ``NA``, ``NaN``, ``None``) by name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from tests.calendar.helpers import NOTICE_2027_TOML, d

from zwgk._dates import parse_date
from zwgk._limits import Limits
from zwgk.calendar import ChinaCalendar, default_calendar, load_notices
from zwgk.calendar.io import bundled_notices, notice_from_mapping
from zwgk.catalog import parse_time_limit
from zwgk.deadlines import ConsultationEnded, ConsultationStarted, Replied, reply_deadline
from zwgk.errors import DataFileError, InvalidEventSequence, InvalidTypeError, LimitExceededError
from zwgk.scoring import load_card, score

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

HEAD = """\
document = "国办发明电〔2026〕99号"
title = "测试用，虚构"
year = 2027
kind = "{kind}"
issued = 2026-11-10
{extra}
"""
NEW_YEAR = """
[[periods]]
festivals = ["元旦"]
rest = [2027-01-01, 2027-01-03]
"""
SPRING = """
[[periods]]
festivals = ["春节"]
rest = [2027-02-05, 2027-02-12]
working = [2027-01-31, 2027-02-20]
"""


def _notice(*periods: str, kind: str = "annual", extra: str = "") -> str:
    return HEAD.format(kind=kind, extra=extra) + "".join(periods)


def _period(festival: str, first: str, last: str, working: str = "") -> str:
    return f'\n[[periods]]\nfestivals = ["{festival}"]\nrest = [{first}, {last}]\nworking = [{working}]\n'


# ---------------------------------------------------------------------------- one record

# name → (file text, None for acceptance or (error class, message fragment))
RECORDS: dict[str, tuple[str, tuple[type[Exception], str] | None]] = {
    "the made-up 2027 notice": (NOTICE_2027_TOML, None),
    "working day on a Tuesday (调休上班 on an ordinary weekday)": (
        _notice(_period("元旦", "2027-01-01", "2027-01-03", "2027-01-05"), SPRING),
        (DataFileError, "a weekend working day on a Tuesday"),
    ),
    "working day on a Saturday": (_notice(_period("元旦", "2027-01-01", "2027-01-03", "2027-02-20")), None),
    "rest day in another year": (
        _notice(
            NEW_YEAR,
            SPRING,
            _period("国庆节", "2027-10-01", "2027-10-07"),
            _period("元旦", "2027-12-31", "2028-01-02"),
        ),
        (DataFileError, "outside the notice's year 2027"),
    ),
    "working day two years on": (
        _notice(_period("元旦", "2027-01-01", "2027-01-03", "2029-01-06")),
        (DataFileError, "outside the notice's year 2027"),
    ),
    "working day in the previous December (allowed, noted)": (
        _notice(_period("元旦", "2027-01-01", "2027-01-03", "2026-12-26")),
        None,
    ),
    "working day in the previous November": (
        _notice(_period("元旦", "2027-01-01", "2027-01-03", "2026-11-28")),
        (DataFileError, "outside the notice's year 2027"),
    ),
    "rest days missing the statutory 除夕 and 初一": (
        _notice(NEW_YEAR, _period("春节", "2027-02-07", "2027-02-12")),
        (DataFileError, "statutory days of 春节"),
    ),
    "元旦 without 1 January": (
        _notice(_period("元旦", "2027-01-02", "2027-01-03")),
        (DataFileError, "statutory days of 元旦"),
    ),
    "劳动节 of one day where two are statutory (2025 rules)": (
        _notice(_period("劳动节", "2027-05-01", "2027-05-01")),
        (DataFileError, "statutory days of 劳动节"),
    ),
    "a festival without statutory days in an annual notice": (
        _notice(_period("抗战胜利纪念日", "2027-09-03", "2027-09-03")),
        (DataFileError, "has no statutory days"),
    ),
    "a festival without statutory days in a special notice": (
        _notice(_period("抗战胜利纪念日", "2027-09-03", "2027-09-03"), kind="special"),
        None,
    ),
    "every breach listed together": (
        _notice(
            _period("元旦", "2027-01-02", "2027-01-03", "2027-01-05"),
            _period("春节", "2027-12-30", "2028-01-03"),
        ),
        (DataFileError, "(4 problems)"),
    ),
    "not TOML": ("document = ", (DataFileError, "not valid TOML")),
    "deep TOML arrays": ("a = " + "[" * 500 + "]" * 500, (LimitExceededError, "max_depth")),
    "deep TOML tables": (
        "[" + ".".join("t" for _ in range(80)) + "]\nx = 1\n",
        (LimitExceededError, "max_depth"),
    ),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_a_notice_file(tmp_path: Path, name: str) -> None:
    text, outcome = RECORDS[name]
    path = tmp_path / "2027.toml"
    path.write_text(text, encoding="utf-8")
    if outcome is None:
        (notice,) = load_notices(path)
        assert notice.year == 2027
        return
    error, fragment = outcome
    with pytest.raises(error) as info:
        load_notices(path)
    assert fragment in str(info.value)
    assert "Traceback" not in str(info.value)


def test_the_previous_december_is_noted_on_the_record(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(_notice(_period("元旦", "2027-01-01", "2027-01-03", "2026-12-26")), encoding="utf-8")
    (notice,) = load_notices(path)
    assert notice.previous_december == (d("2026-12-26"),)


def test_every_problem_has_its_location(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(_notice(_period("元旦", "2027-01-01", "2027-01-03", "2027-01-05")), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_notices(path)
    (problem,) = info.value.problems
    assert problem.location == f"{path}: periods[0].working[0]"


# ---------------------------------------------------------------------------- encodings and sizes

JSON_CASES: dict[str, tuple[bytes, tuple[type[Exception], str] | None]] = {
    "non-UTF-8 bytes": (b"\xff\xfe\x00\xd8\x81\x30\xff", (DataFileError, "not UTF-8 or GB18030 text")),
    "deep JSON": (b"[" * 5000 + b"]" * 5000, (LimitExceededError, "max_depth")),
    "JSON top level a number": (b"1", (DataFileError, "a notice must be a table")),
    "JSON list of numbers": (b"[1, 2]", (DataFileError, "a notice must be a table")),
    "JSON null": (b"null", (DataFileError, "a notice must be a table")),
    "not JSON": (b"{", (DataFileError, "not valid JSON")),
    "an integer of 10,000 digits": (b'{"year": ' + b"9" * 10_000 + b"}", (DataFileError, "digits")),
}


@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_a_json_notice_file(tmp_path: Path, name: str) -> None:
    data, outcome = JSON_CASES[name]
    path = tmp_path / "n.json"
    path.write_bytes(data)
    assert outcome is not None
    error, fragment = outcome
    with pytest.raises(error) as info:
        load_notices(path)
    assert fragment in str(info.value)


def test_a_gb18030_notice_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_bytes(NOTICE_2027_TOML.encode("gb18030"))
    (notice,) = load_notices(path)
    assert "测试用" in notice.title


def test_a_utf8_bom_notice_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_bytes(NOTICE_2027_TOML.encode("utf-8-sig"))
    assert len(load_notices(path)) == 1


def test_a_file_larger_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(NOTICE_2027_TOML, encoding="utf-8")
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        load_notices(path, limits=Limits(max_file_bytes=100))


def test_a_folder_without_notices(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no notice files in the folder"):
        load_notices(tmp_path)


# ---------------------------------------------------------------------------- wrong types

WRONG_PATHS: dict[str, object] = {"None": None, "an int": 123, "bytes": b"2027.toml", "a list": ["a.toml"]}


@pytest.mark.parametrize("name", sorted(WRONG_PATHS))
def test_load_notices_refuses_a_non_path(name: str) -> None:
    with pytest.raises(InvalidTypeError, match="a path"):
        load_notices(WRONG_PATHS[name])  # type: ignore[arg-type]


def test_load_notices_refuses_a_non_limits(tmp_path: Path) -> None:
    with pytest.raises(InvalidTypeError, match="Limits"):
        load_notices(tmp_path, limits={"max_rows": 1})  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", [None, [], "document = 1", 7], ids=["None", "list", "str", "int"])
def test_notice_from_mapping_refuses_a_non_mapping(raw: object) -> None:
    with pytest.raises(InvalidTypeError, match="a mapping"):
        notice_from_mapping(raw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- between records


def test_a_contradiction_between_two_files(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(NOTICE_2027_TOML, encoding="utf-8")
    other = _notice(_period("春节", "2027-02-05", "2027-02-12", "2027-01-02")).replace("99号", "98号")
    (tmp_path / "b.toml").write_text(other, encoding="utf-8")
    with pytest.raises(DataFileError, match="2027-01-02 is a working day here and a rest day in"):
        load_notices(tmp_path)


def test_a_recorded_amendment_may_change_a_day(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(NOTICE_2027_TOML, encoding="utf-8")
    amendment = HEAD.format(kind="amendment", extra='amends = "国办发明电〔2026〕99号"').replace(
        "99号", "1号", 1
    ).replace("2026-11-10", "2027-01-20") + _period("春节", "2027-02-05", "2027-02-21")
    (tmp_path / "b.toml").write_text(amendment, encoding="utf-8")
    assert len(load_notices(tmp_path)) == 2


def test_an_amendment_naming_another_document_may_not(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(NOTICE_2027_TOML, encoding="utf-8")
    amendment = HEAD.format(kind="amendment", extra='amends = "国办发明电〔2026〕50号"').replace(
        "99号", "1号", 1
    ).replace("2026-11-10", "2027-01-20") + _period("春节", "2027-02-05", "2027-02-21")
    (tmp_path / "b.toml").write_text(amendment, encoding="utf-8")
    with pytest.raises(DataFileError, match="kind = 'amendment' with amends"):
        load_notices(tmp_path)


def test_the_bundled_notices_pass_every_rule(tmp_path: Path) -> None:
    folder = resources.files("zwgk.calendar") / "data" / "notices"
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            (tmp_path / entry.name).write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = load_notices(tmp_path)
    assert [n.document for n in loaded] == [n.document for n in bundled_notices()]
    assert ChinaCalendar(loaded) == default_calendar()


def test_the_bundled_amendments_are_the_recorded_exceptions() -> None:
    amendments = {n.document: n.amends for n in bundled_notices() if n.amends}
    assert amendments == {
        "国办发明电〔2019〕3号": "国办发明电〔2018〕15号",
        "国办发明电〔2020〕1号": "国办发明电〔2019〕16号",
    }


def test_a_bundled_notice_file_with_a_weekday_working_day_is_refused(tmp_path: Path) -> None:
    source = resources.files("zwgk.calendar") / "data" / "notices" / "2026.toml"
    path = tmp_path / "2026.toml"
    text = source.read_text(encoding="utf-8")
    path.write_text(text.replace("working = [", "working = [2026-03-03, ", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match="on a Tuesday"):
        load_notices(path)


# ---------------------------------------------------------------------------- scalar calls

MISSING: dict[str, object] = {
    "NaT": pd.NaT,
    "NA": pd.NA,
    "None": None,
    "nan": float("nan"),
    "numpy nan": np.float64("nan"),
}
NAMES = {"NaT": "(NaT)", "NA": "(NA)", "None": "(None)", "nan": "(NaN", "numpy nan": "(NaN"}

CALLS: dict[str, Callable[[Any], object]] = {
    "ChinaCalendar.is_working_day": lambda v: default_calendar().is_working_day(v),
    "ChinaCalendar.add_working_days": lambda v: default_calendar().add_working_days(v, 3),
    "ChinaCalendar.working_days_between (end)": lambda v: default_calendar().working_days_between(
        dt.date(2026, 1, 5), v
    ),
    "ChinaCalendar.day_kind": lambda v: default_calendar().day_kind(v),
    "reply_deadline": reply_deadline,
    "ConsultationEnded(on=)": lambda v: ConsultationEnded(on=v),
    "Replied(on=)": lambda v: Replied(on=v),
    "parse_date": lambda v: parse_date(v, "day"),
}


@pytest.mark.parametrize("value", sorted(MISSING))
@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_missing_value_is_refused_by_name(call: str, value: str) -> None:
    with pytest.raises(InvalidTypeError) as info:
        CALLS[call](MISSING[value])
    message = str(info.value)
    assert NAMES[value] in message
    assert "NaTType" not in message
    assert "missing date" in message


OTHER_BAD: dict[str, tuple[object, str]] = {
    "a numpy datetime64": (np.datetime64("2026-01-05"), "datetime64"),
    "a date as text": ("2026-01-05", "fromisoformat"),
    "an int": (20260105, "int"),
}


@pytest.mark.parametrize("value", sorted(OTHER_BAD))
@pytest.mark.parametrize("call", ["ChinaCalendar.is_working_day", "reply_deadline", "ConsultationEnded(on=)"])
def test_other_bad_scalars_are_named(call: str, value: str) -> None:
    bad, fragment = OTHER_BAD[value]
    with pytest.raises(InvalidTypeError, match=fragment):
        CALLS[call](bad)


def test_a_pandas_timestamp_is_a_datetime_and_accepted() -> None:
    assert default_calendar().is_working_day(pd.Timestamp("2026-01-05"))


@pytest.mark.parametrize("value", ["None", "nan", "NA", "NaT"])
def test_parse_time_limit_refuses_a_missing_cell(value: str) -> None:
    with pytest.raises(InvalidTypeError, match="a missing value"):
        parse_time_limit(MISSING.get(value, pd.NaT))  # type: ignore[arg-type]


def test_parse_time_limit_of_an_empty_pandas_cell() -> None:
    frame = pd.DataFrame({"时限": ["20个工作日内", None]})
    with pytest.raises(InvalidTypeError, match=r"\(NaN, an empty cell\)|\(None\)"):
        parse_time_limit(frame["时限"].iloc[1])


def test_score_refuses_a_card_name() -> None:
    with pytest.raises(InvalidTypeError, match="load_card"):
        score("kaifu-2013-windows", {})  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [123, None, 1.5, b"card"], ids=["int", "None", "float", "bytes"])
def test_load_card_refuses_a_non_path(value: object) -> None:
    with pytest.raises(InvalidTypeError, match="a card name"):
        load_card(value)  # type: ignore[arg-type]


def test_event_sequences_show_events_without_repr() -> None:
    with pytest.raises(InvalidEventSequence) as info:
        reply_deadline(d("2026-03-02"), [ConsultationEnded(on=d("2026-03-03"))])
    message = str(info.value)
    assert "ConsultationEnded on 2026-03-03" in message
    assert "datetime.date(" not in message
    with pytest.raises(InvalidEventSequence) as info:
        reply_deadline(
            d("2026-03-02"), [ConsultationStarted(d("2026-03-03")), ConsultationStarted(d("2026-03-04"))]
        )
    assert "ConsultationStarted on 2026-03-03, ConsultationStarted on 2026-03-04" in str(info.value)
    assert "party=" not in str(info.value)
