"""Differential tests: zwgk against chinese_calendar and python-holidays, every day 2004–2026.

The two libraries are oracles only (test extra).  Every disagreement must be listed, with
the notice text that resolves it, in ``golden/oracle_disagreements.toml``; a new
disagreement — in zwgk's data or in an oracle's next release — fails the test.

python-holidays records 调休 as holidays named "Day off (substituted from …)"; the weekend
days they were moved from are its make-up working days, exposed in the installed version as
``holidays.China().weekend_workdays`` and used by its ``is_working_day``.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

import pytest
from tests.calendar.helpers import FIRST_YEAR, LAST_YEAR, d, days, golden_year, read_toml

from zwgk.calendar import ChinaCalendar, default_calendar

# Every day through 2026-12-31 is checked; the last week of 2026 is provisional (the 2027 notice
# may still change it), which these data tests do not assert on.
pytestmark = pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")


FIRST = dt.date(FIRST_YEAR, 1, 1)
LAST = dt.date(LAST_YEAR, 12, 31)
SUBSTITUTED = re.compile(r"substituted from (\d\d)/(\d\d)/(\d{4})")

chinese_calendar = pytest.importorskip("chinese_calendar")
holidays = pytest.importorskip("holidays")


@pytest.fixture(scope="module")
def cal() -> ChinaCalendar:
    return default_calendar()


@pytest.fixture(scope="module")
def holidays_china() -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return holidays.China(years=range(FIRST_YEAR - 1, LAST_YEAR + 2))


def _listed() -> set[tuple[dt.date, str]]:
    cases = read_toml("oracle_disagreements.toml")["case"]
    return {(c["date"], c["oracle"]) for c in cases}  # type: ignore[attr-defined,index]


def _oracle_says(oracle: str, holidays_china: object, day: dt.date) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if oracle == "chinese_calendar":
            return bool(chinese_calendar.is_workday(day))
        return bool(holidays_china.is_working_day(day))  # type: ignore[attr-defined]


@pytest.mark.parametrize("oracle", ["chinese_calendar", "holidays"])
def test_disagreements_are_exactly_the_listed_ones(
    cal: ChinaCalendar, holidays_china: object, oracle: str
) -> None:
    found = {
        (day, oracle)
        for day in days(FIRST, LAST)
        if _oracle_says(oracle, holidays_china, day) != cal.is_working_day(day)
    }
    listed = {case for case in _listed() if case[1] == oracle}
    assert found - listed == set(), f"new disagreements with {oracle}: {sorted(found - listed)}"
    assert listed - found == set(), (
        f"listed disagreements with {oracle} no longer occur: {sorted(listed - found)}"
    )


def test_every_listed_disagreement_is_resolved_from_the_notice(cal: ChinaCalendar) -> None:
    for case in read_toml("oracle_disagreements.toml")["case"]:  # type: ignore[attr-defined]
        day = case["date"]
        golden = golden_year(day.year)
        listed_working = golden[day].working if day in golden else day.weekday() < 5
        assert (case["our_kind"] == "working") == listed_working == cal.is_working_day(day), case
        if day in golden:
            assert golden[day].notice == case["notice"]
        assert "“" in case["explanation"], f"{day}: the resolution must quote the notice text"


def test_2005_12_31_is_a_working_saturday(cal: ChinaCalendar) -> None:
    # 国办发明电〔2005〕35号: “……12月31日（星期六）上班。” (chinese_calendar says rest.)
    assert cal.is_working_day(d("2005-12-31"))
    assert cal.day_kind(d("2005-12-31")).notice == "国办发明电〔2005〕35号"


def test_holidays_substitution_records_name_the_make_up_days(holidays_china: object) -> None:
    """The make-up days read from the "substituted from" labels are exactly ``weekend_workdays``."""
    from_labels: set[dt.date] = set()
    for name in holidays_china.values():  # type: ignore[attr-defined]
        for m in SUBSTITUTED.finditer(str(name)):
            from_labels.add(dt.date(int(m[3]), int(m[1]), int(m[2])))
    in_range = {x for x in from_labels if FIRST <= x <= LAST}
    structured = {x for x in holidays_china.weekend_workdays if FIRST <= x <= LAST}  # type: ignore[attr-defined]
    assert in_range == structured


def test_holidays_make_up_days_are_golden_working_weekends() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        china = holidays.China(years=range(FIRST_YEAR, LAST_YEAR + 1))
    golden_working = {
        day
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for day, row in golden_year(year).items()
        if row.working
    }
    theirs = {x for x in china.weekend_workdays if FIRST <= x <= LAST}
    listed = {day for day, oracle in _listed() if oracle == "holidays"}
    assert theirs ^ golden_working <= listed
