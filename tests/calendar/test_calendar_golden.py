"""The real calendar against the golden files written from the notices (2004–2026).

Each ``golden/YYYY.csv`` lists every weekday rest day and every weekend working day of the
year, so it is the complete answer: a weekday not listed is a working day, a weekend day not
listed is a rest day.
"""

from __future__ import annotations

import collections
import datetime as dt

import pytest
from tests.calendar.helpers import (
    FIRST_YEAR,
    LAST_YEAR,
    GoldenDay,
    assert_kind,
    assert_rest_day,
    assert_working_day,
    d,
    days,
    golden_year,
    read_toml,
)

from zwgk.calendar import ChinaCalendar, DayKind, default_calendar

# Every day through 2026-12-31 is checked; the last week of 2026 is provisional (the 2027 notice
# may still change it), which these data tests do not assert on.
pytestmark = pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")


YEARS = range(FIRST_YEAR, LAST_YEAR + 1)


@pytest.fixture(scope="module")
def cal() -> ChinaCalendar:
    return default_calendar()


@pytest.mark.parametrize("year", YEARS)
def test_golden_year_is_the_complete_answer(cal: ChinaCalendar, year: int) -> None:
    golden = golden_year(year)
    assert golden, f"golden/{year}.csv is empty"
    for day in days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
        row = golden.get(day)
        weekend = day.weekday() >= 5
        if row is None:
            if weekend:
                assert_rest_day(cal, day, "(an ordinary weekend: not in the golden file)")
            else:
                assert_working_day(cal, day, "(an ordinary weekday: not in the golden file)")
        elif row.working:
            assert weekend, f"golden/{year}.csv lists weekday {day} as a working day"
            assert_working_day(cal, day, f"(调休上班 for {'、'.join(sorted(row.festivals))}, {row.notice})")
            assert_kind(cal, day, DayKind.ADJUSTED_WORKING)
        else:
            assert not weekend, f"golden/{year}.csv lists weekend {day} as a rest day"
            assert_rest_day(cal, day, f"({'、'.join(sorted(row.festivals))}, {row.notice})")
            assert cal.day_kind(day).kind in (DayKind.STATUTORY_HOLIDAY, DayKind.ADJUSTED_REST)


@pytest.mark.parametrize("year", YEARS)
def test_golden_festival_and_notice(cal: ChinaCalendar, year: int) -> None:
    for day, row in golden_year(year).items():
        info = cal.day_kind(day)
        assert info.notice == row.notice, f"{day}: notice {info.notice}, golden says {row.notice}"
        assert {f.value for f in info.festivals} == row.festivals, f"{day}: festivals {info.festivals}"
        assert info.provisional is False


def _arrangement_year(row: GoldenDay) -> int:
    # Days a notice sets in the previous December always belong to the next 元旦.
    return row.date.year + 1 if row.date.month == 12 and "元旦" in row.festivals else row.date.year


def _statutory_total(year: int) -> int:
    # FACTS §5 [V]: 10 days under the 1999 measures (to 2007), 11 for 2008–2024, 13 from
    # 2025 (国务院令第795号).
    if year <= 2007:
        return 10
    return 11 if year <= 2024 else 13


def test_weekday_rest_minus_weekend_work_is_statutory_days() -> None:
    net: collections.Counter[int] = collections.Counter()
    for year in YEARS:
        for row in golden_year(year).values():
            net[_arrangement_year(row)] += -1 if row.working else 1
    exceptions = {int(e["year"]): e for e in read_toml("statutory_exceptions.toml")["exception"]}  # type: ignore[attr-defined]
    for year in YEARS:
        if year in exceptions:
            exc = exceptions[year]
            assert exc["expected_statutory"] == _statutory_total(year)
            assert net[year] == exc["observed_net"], f"{year}: net {net[year]}, exception says {exc}"
            assert net[year] != _statutory_total(year), f"{year} is listed as an exception but is not one"
        else:
            assert net[year] == _statutory_total(year), (
                f"{year}: weekday rest days − weekend working days = {net[year]}, "
                f"statutory days = {_statutory_total(year)}"
            )


def test_calendar_counts_match_golden_per_year(cal: ChinaCalendar) -> None:
    """Working days per calendar year, by iteration and by counting, equal what the golden file implies."""
    for year in YEARS:
        golden = golden_year(year).values()
        jan1, dec31 = dt.date(year, 1, 1), dt.date(year, 12, 31)
        weekdays = sum(1 for day in days(jan1, dec31) if day.weekday() < 5)
        expected = weekdays - sum(not r.working for r in golden) + sum(r.working for r in golden)
        assert len(list(cal.working_days(jan1, dec31))) == expected, year
        if year > FIRST_YEAR:
            assert cal.working_days_between(jan1 - dt.timedelta(days=1), dec31) == expected, year


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        ("2026-01-01", DayKind.STATUTORY_HOLIDAY),  # 元旦 (国办发明电〔2025〕7号)
        ("2026-01-02", DayKind.ADJUSTED_REST),  # 调休 for the 1/4 Sunday
        ("2026-01-03", DayKind.WEEKEND_REST),  # Saturday inside the period
        ("2026-01-04", DayKind.ADJUSTED_WORKING),  # “1月4日（周日）上班”
        ("2026-02-17", DayKind.STATUTORY_HOLIDAY),  # 正月初一
        ("2026-10-01", DayKind.STATUTORY_HOLIDAY),
        ("2026-10-07", DayKind.ADJUSTED_REST),
        ("2026-10-10", DayKind.ADJUSTED_WORKING),  # “10月10日（周六）上班”
        ("2026-10-12", DayKind.WORKING_WEEKDAY),
        ("2026-10-17", DayKind.WEEKEND_REST),
    ],
)
def test_day_kinds_2026(cal: ChinaCalendar, day: str, kind: DayKind) -> None:
    assert_kind(cal, day, kind)


def test_2020_spring_festival_extension_overrides_the_annual_notice(cal: ChinaCalendar) -> None:
    # 国办发明电〔2020〕1号: 春节 extended to 2/2; the 2/1 (Saturday) working day is cancelled.
    assert_rest_day(cal, "2020-01-31")
    assert_rest_day(cal, "2020-02-01")
    assert_working_day(cal, "2020-02-03")
    assert cal.day_kind(d("2020-01-31")).notice == "国办发明电〔2020〕1号"


def test_holidays_of_2026_list_each_period(cal: ChinaCalendar) -> None:
    periods = cal.holidays(2026)
    assert [h.label for h in periods] == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"]
    national = periods[-1]
    assert (national.first, national.last) == (d("2026-10-01"), d("2026-10-07"))
    assert national.working_days == (d("2026-09-20"), d("2026-10-10"))
    assert national.notices == ("国办发明电〔2025〕7号",)
    assert all(not h.provisional for h in periods)


def test_holidays_include_days_set_in_previous_december(cal: ChinaCalendar) -> None:
    # 国办发明电〔2006〕49号 (the 2007 notice) made 2006-12-30 and 12-31 working days.
    new_year = cal.holidays(2007)[0]
    assert new_year.label == "元旦"
    assert d("2006-12-30") in new_year.working_days
    assert d("2006-12-31") in new_year.working_days


@pytest.mark.parametrize(
    ("year", "statutory"),
    [
        # 国务院令第795号 (13 days): 元旦 1/1; 春节 除夕–初三 2/16–2/19; 清明 4/5 (a Sunday);
        # 劳动节 5/1–5/2; 端午 6/19; 中秋 9/25; 国庆 10/1–10/3.
        (
            2026,
            (
                "2026-01-01 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-04-05 2026-05-01 2026-05-02 "
                "2026-06-19 2026-09-25 2026-10-01 2026-10-02 2026-10-03"
            ),
        ),
        # 国务院令第644号 (11 days, 春节 初一–初三 without 除夕): 1/1; 1/31–2/2; 清明 4/5;
        # 5/1; 端午 6/2; 中秋 9/8; 10/1–10/3.
        (
            2014,
            (
                "2014-01-01 2014-01-31 2014-02-01 2014-02-02 2014-04-05 2014-05-01 2014-06-02 2014-09-08 "
                "2014-10-01 2014-10-02 2014-10-03"
            ),
        ),
    ],
)
def test_statutory_holidays_of_a_year(cal: ChinaCalendar, year: int, statutory: str) -> None:
    expected = {d(x) for x in statutory.split()}
    found = {day for h in cal.holidays(year) for day in h.statutory_days}
    assert found == expected
    for day in expected:
        assert_kind(cal, day, DayKind.STATUTORY_HOLIDAY)


def test_2014_new_years_eve_was_worked(cal: ChinaCalendar) -> None:
    # 国办发明电〔2013〕28号: 春节 1月31日至2月6日; 除夕 (1/30) was no longer a statutory day.
    assert_working_day(cal, "2014-01-30")
    assert_rest_day(cal, "2014-01-31")
