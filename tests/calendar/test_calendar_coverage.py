"""Beyond the recorded notices: estimates that say so, or errors that name the bound."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from tests.calendar.helpers import d

from zwgk.calendar import ChinaCalendar, DayKind, default_calendar
from zwgk.errors import CalendarCoverageError, ProvisionalCalendarWarning, ZwgkWarning

LAST = d("2026-12-31")


@pytest.fixture(scope="module")
def cal() -> ChinaCalendar:
    return default_calendar()


@pytest.fixture(scope="module")
def strict() -> ChinaCalendar:
    return ChinaCalendar(beyond="raise")


def test_coverage_and_data_version(cal: ChinaCalendar) -> None:
    cov = cal.coverage()
    assert cov.first == d("2004-01-01")
    assert cov.last == LAST
    assert cov.estimated_until > LAST
    assert cov.data_version.startswith("2025-11-04+")  # issue date of 国办发明电〔2025〕7号
    assert "国办发明电〔2025〕7号" in cov.notices
    assert cal.beyond == "estimate"


def test_inside_coverage_there_is_no_warning(cal: ChinaCalendar) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # 11/23–27 (5), 11/30–12/4 (10), 12/7–11 (15), 12/14–18 (20)
        assert cal.add_working_days(d("2026-11-20"), 20) == d("2026-12-18")
        assert not cal.is_provisional(d("2026-12-24"))
        assert cal.day_kind(d("2026-12-24")).provisional is False


def test_the_last_week_of_the_final_year_is_provisional(cal: ChinaCalendar) -> None:
    # The next year's notice may set days from 29 December on (2019's set 2018-12-29..31), so
    # the last week of 2026 stays provisional until the 2027 notice is loaded.
    assert cal.coverage().settled_until == d("2026-12-24")
    assert cal.coverage().last == LAST
    assert cal.is_provisional(LAST)
    assert cal.day_kind(LAST).provisional is True
    with pytest.warns(ProvisionalCalendarWarning, match="2027 notice may still change the last week of 2026"):
        assert cal.add_working_days(d("2026-12-01"), 20) == d("2026-12-29")


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.is_working_day(d("2027-03-01")),
        lambda c: c.add_working_days(d("2026-12-20"), 20),  # crosses into 2027
        lambda c: c.add_working_days(d("2027-01-20"), -20),  # starts in 2027
        lambda c: c.working_days_between(d("2026-12-01"), d("2027-01-15")),
        lambda c: list(c.working_days(d("2026-12-28"), d("2027-01-08"))),
        lambda c: c.holidays(2027),
    ],
)
def test_beyond_coverage_warns(cal: ChinaCalendar, call: object) -> None:
    with pytest.warns(ProvisionalCalendarWarning, match="2026-12-31"):
        call(cal)  # type: ignore[operator]


def test_provisional_warning_is_a_visible_zwgk_warning() -> None:
    assert issubclass(ProvisionalCalendarWarning, ZwgkWarning)
    assert not issubclass(ProvisionalCalendarWarning, DeprecationWarning)


def test_results_say_they_are_provisional(cal: ChinaCalendar) -> None:
    assert cal.is_provisional(d("2027-01-01"))
    info = cal.day_kind(d("2027-01-01"))
    assert info.provisional
    assert info.kind is DayKind.STATUTORY_HOLIDAY  # 元旦 is statutory under 国务院令第795号
    with pytest.warns(ProvisionalCalendarWarning):
        periods = cal.holidays(2027)
    assert periods
    assert all(h.provisional for h in periods)
    assert all(h.working_days == () for h in periods)  # 调休 is never guessed


def test_estimated_year_rests_on_the_statutory_days(cal: ChinaCalendar) -> None:
    # 国务院令第795号 (from 2025): 13 days — the estimate rests on every one of them.
    # 2027: 元旦 1/1 (Fri); 春节 除夕 2/5 … 初三 2/8 (正月初一 2/6, a Saturday: 补休 follows);
    # 劳动节 5/1–5/2; 国庆 10/1–10/3.
    for day in ("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-10-01"):
        with pytest.warns(ProvisionalCalendarWarning):
            working = cal.is_working_day(d(day))
        assert not working, day
    with pytest.warns(ProvisionalCalendarWarning):
        working = cal.is_working_day(d("2027-03-01"))
    assert working


def test_raise_mode_names_the_last_covered_date(strict: ChinaCalendar) -> None:
    with pytest.raises(CalendarCoverageError, match="recorded through 2026-12-31") as err:
        strict.is_working_day(d("2027-01-04"))
    assert err.value.last == LAST
    assert err.value.day == d("2027-01-04")
    assert "with_notices" in str(err.value)
    with pytest.raises(CalendarCoverageError, match="2026-12-31"):
        strict.add_working_days(d("2026-12-20"), 20)
    with pytest.raises(CalendarCoverageError):
        strict.holidays(2027)
    assert strict.coverage().estimated_until == LAST
    with pytest.warns(ProvisionalCalendarWarning):  # the last week of 2026 is not yet settled
        assert strict.add_working_days(d("2026-12-01"), 20) == d("2026-12-29")


def test_before_2004_is_a_clear_error(cal: ChinaCalendar) -> None:
    with pytest.raises(CalendarCoverageError, match="recorded from 2004-01-01") as err:
        cal.is_working_day(d("2003-12-31"))
    assert err.value.first == d("2004-01-01")
    with pytest.raises(CalendarCoverageError, match="2004-01-01"):
        cal.add_working_days(d("2004-01-05"), -10)
    with pytest.raises(CalendarCoverageError):
        cal.holidays(2003)
    with pytest.raises(CalendarCoverageError):
        cal.working_days_between(d("2003-01-01"), d("2005-01-01"))


def test_beyond_the_estimate_horizon_raises(cal: ChinaCalendar) -> None:
    until = cal.coverage().estimated_until
    with pytest.raises(CalendarCoverageError, match=until.isoformat()):
        cal.is_working_day(until + dt.timedelta(days=1))


@pytest.mark.parametrize("n", [10**6, 10**18, -(10**6), -(10**18)])
def test_huge_n_raises(cal: ChinaCalendar, n: int) -> None:
    with pytest.raises(CalendarCoverageError, match="edge of the calendar"):
        cal.add_working_days(d("2020-06-01"), n)


def test_vector_path_follows_the_same_rules(cal: ChinaCalendar, strict: ChinaCalendar) -> None:
    np = pytest.importorskip("numpy")
    dates = np.array(["2026-12-01", "2027-01-04"], dtype="datetime64[D]")
    with pytest.warns(ProvisionalCalendarWarning):
        cal.is_working_day_array(dates)
    with pytest.raises(CalendarCoverageError, match="2026-12-31"):
        strict.is_working_day_array(dates)
    with pytest.raises(CalendarCoverageError, match="2004-01-01"):
        cal.add_working_days_array(np.array(["2003-05-05"], dtype="datetime64[D]"), 1)
    with pytest.raises(CalendarCoverageError):
        cal.add_working_days_array(np.array(["2020-05-05"], dtype="datetime64[D]"), 10**7)


def test_huge_n_names_the_start_and_the_edge() -> None:
    with pytest.raises(
        CalendarCoverageError, match=r"\+1000000000 working days from 2026-01-01 go beyond 2050-12-31"
    ):
        default_calendar().add_working_days(dt.date(2026, 1, 1), 10**9)


def test_holidays_of_an_absurd_year_names_the_year() -> None:
    with pytest.raises(CalendarCoverageError, match="year 1000000 is outside the calendar"):
        default_calendar().holidays(10**6)
