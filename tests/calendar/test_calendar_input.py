"""Bad input to the calendar: each a clear error from zwgk's error tree."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.calendar.helpers import d

from zwgk.calendar import ChinaCalendar, Festival, HolidayPeriod, Notice, NoticeKind, default_calendar
from zwgk.errors import InvalidInputError, InvalidTypeError, ZwgkError

CAL = default_calendar()
UTC = dt.UTC


@pytest.mark.parametrize("value", ["2026-10-01", 20261001, 2026.0, None, [2026, 10, 1]])
def test_dates_must_be_dates(value: object) -> None:
    with pytest.raises(InvalidTypeError, match=r"datetime\.date") as err:
        CAL.is_working_day(value)  # type: ignore[arg-type]
    assert isinstance(err.value, TypeError)
    assert isinstance(err.value, ZwgkError)
    assert err.value.field == "day"


def test_a_string_date_gets_a_hint() -> None:
    with pytest.raises(InvalidTypeError, match="fromisoformat"):
        CAL.add_working_days("2026-09-28", 20)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: CAL.working_days_between("2026-01-01", d("2026-02-01")),
        lambda: CAL.working_days_between(d("2026-01-01"), None),
        lambda: CAL.day_kind(None),
        lambda: CAL.working_days(d("2026-01-01"), "2026-02-01"),
        lambda: CAL.next_working_day(1),
        lambda: CAL.is_provisional("2027-01-01"),
        lambda: CAL.holidays("2026"),
        lambda: CAL.holidays(2026.0),
    ],
)
def test_every_entry_point_checks_types(call: object) -> None:
    with pytest.raises(InvalidTypeError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("n", [1.0, 20.5, True, False, None, "20"])
def test_n_must_be_an_integer(n: object) -> None:
    with pytest.raises(InvalidTypeError, match="integer") as err:
        CAL.add_working_days(d("2026-09-28"), n)  # type: ignore[arg-type]
    assert err.value.field == "n"


def test_integer_like_n_is_accepted() -> None:
    np = pytest.importorskip("numpy")
    assert CAL.add_working_days(d("2026-09-28"), np.int64(20)) == d("2026-10-30")


def test_naive_datetime_is_taken_as_china_time() -> None:
    # 2026-09-30 23:30 (naive) is Wednesday 30 September: a working day.
    assert CAL.is_working_day(dt.datetime(2026, 9, 30, 23, 30))
    assert CAL.add_working_days(dt.datetime(2026, 9, 30, 23, 30), 1) == d("2026-10-08")


def test_aware_datetime_is_converted_to_china_standard_time() -> None:
    # 2026-09-30T20:00Z is 2026-10-01 04:00 in China: 国庆节, a rest day.
    evening_utc = dt.datetime(2026, 9, 30, 20, 0, tzinfo=UTC)
    assert not CAL.is_working_day(evening_utc)
    assert CAL.day_kind(evening_utc).date == d("2026-10-01")
    assert CAL.add_working_days(evening_utc, 1) == d("2026-10-08")
    # ... while 2026-09-30T15:59Z is still 23:59 on the 30th in China.
    assert CAL.is_working_day(dt.datetime(2026, 9, 30, 15, 59, tzinfo=UTC))
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert CAL.working_days_between(dt.datetime(2026, 9, 29, 12, tzinfo=new_york), d("2026-10-08")) == 1


def test_beyond_must_be_one_of_two_words() -> None:
    with pytest.raises(InvalidInputError, match="'estimate' or 'raise'") as err:
        ChinaCalendar(beyond="guess")  # type: ignore[arg-type]
    assert isinstance(err.value, ValueError)


def _annual(year: int) -> Notice:
    return Notice(
        document=f"虚构〔{year - 1}〕1号",
        title=f"a made-up {year} arrangement",
        year=year,
        kind=NoticeKind.ANNUAL,
        issued=dt.date(year - 1, 11, 1),
        periods=(HolidayPeriod((Festival.NEW_YEAR,), dt.date(year, 1, 1), dt.date(year, 1, 1)),),
    )


def test_annual_notices_with_a_gap_year_are_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"missing \[2031\]"):
        ChinaCalendar([_annual(2030), _annual(2032)], beyond="raise")


def test_adding_a_notice_two_years_ahead_is_refused() -> None:
    # Bundled notices end with 2026: a 2028 notice without a 2027 one leaves a gap.
    with pytest.raises(InvalidInputError, match=r"missing \[2027\]"):
        CAL.with_notices([_annual(2028)])


def test_a_calendar_needs_an_annual_notice() -> None:
    with pytest.raises(InvalidInputError, match="annual notice"):
        ChinaCalendar([], beyond="raise")


def test_calendar_is_immutable() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        CAL._first = d("2000-01-01")  # type: ignore[misc]


def test_vector_input_types() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(InvalidTypeError):
        CAL.is_working_day_array(np.array([1, 2, 3]))
    with pytest.raises(InvalidTypeError):
        CAL.is_working_day_array(np.array(["not a date"], dtype=object))
    with pytest.raises(InvalidTypeError, match="integer"):
        CAL.add_working_days_array(np.array(["2026-09-28"], dtype="datetime64[D]"), 1.5)


def test_vector_nat_propagates() -> None:
    np = pytest.importorskip("numpy")
    dates = np.array(["2026-09-28", "NaT"], dtype="datetime64[D]")
    out = CAL.add_working_days_array(dates, 20)
    assert out[0] == np.datetime64("2026-10-30")  # 9/29, 9/30, 10/8, 10/9, Sat 10/10, ... 10/30
    assert np.isnat(out[1])
    assert CAL.is_working_day_array(dates).tolist() == [True, False]
    counts = CAL.working_days_between_array(
        dates, np.array(["2026-10-30", "2026-10-30"], dtype="datetime64[D]")
    )
    assert counts[0] == 20
    assert np.isnan(counts[1])


def test_pandas_timestamps_follow_the_scalar_rules() -> None:
    pd = pytest.importorskip("pandas")
    assert not CAL.is_working_day(pd.Timestamp("2026-09-30T20:00Z"))  # 10/1 in China
    assert CAL.is_working_day(pd.Timestamp("2026-09-30 20:00"))  # naive: taken as China time


def test_vector_aware_datetimes_are_converted_to_china_time() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    evening_utc = pd.Series(pd.to_datetime(["2026-09-30T20:00Z"]))  # 2026-10-01 04:00 in China
    assert CAL.is_working_day_array(evening_utc).tolist() == [False]
    assert CAL.add_working_days_array(evening_utc, 1).dt.date.tolist() == [d("2026-10-08")]
    objects = np.array([dt.datetime(2026, 9, 30, 20, tzinfo=UTC)], dtype=object)
    assert CAL.is_working_day_array(objects).tolist() == [False]


def test_vector_object_dates_mixed_with_datetimes_and_missing_values() -> None:
    """The C-speed object path (pandas loaded) keeps the item path's answers."""
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    evening = dt.datetime(2026, 9, 30, 20, tzinfo=UTC)  # 2026-10-01 in China: a holiday
    naive_late = dt.datetime(2026, 9, 30, 23, 59)  # naive: 9/30 in China, a working day
    cases = [
        [d("2026-09-30"), evening],
        [evening, d("2026-09-30")],
        [d("2026-09-30"), evening, dt.datetime(2026, 9, 30, 20, tzinfo=dt.timezone(dt.timedelta(hours=8)))],
        [d("2026-09-30"), naive_late, None, float("nan"), pd.NA, pd.NaT],
    ]
    expected = [[True, False], [False, True], [True, False, True], [True, True, False, False, False, False]]
    for items, want in zip(cases, expected, strict=True):
        assert CAL.is_working_day_array(np.array(items, dtype=object)).tolist() == want
    with pytest.raises(InvalidTypeError):
        CAL.is_working_day_array(np.array([d("2026-09-30"), 1.5], dtype=object))
    with pytest.raises(InvalidTypeError):
        CAL.is_working_day_array(np.array([d("2026-09-30"), "2026-09-30"], dtype=object))


def test_calendar_pickles() -> None:
    import pickle

    again = pickle.loads(pickle.dumps(CAL))
    assert again.coverage() == CAL.coverage()
    assert again.add_working_days(d("2026-09-28"), 20) == d("2026-10-30")


def test_vector_shape_mismatch_is_a_zwgk_error() -> None:
    np = pytest.importorskip("numpy")
    starts = np.array(["2026-09-28", "2026-09-29"], dtype="datetime64[D]")
    with pytest.raises(InvalidInputError, match="one integer or one per date"):
        CAL.add_working_days_array(starts, np.array([1, 2, 3]))
    with pytest.raises(InvalidInputError, match="one date or one per start date"):
        CAL.working_days_between_array(starts, np.array(["2026-10-01"] * 3, dtype="datetime64[D]"))


def test_default_calendar_is_built_once_for_all_threads() -> None:
    import threading

    from zwgk.calendar import _calendar

    _calendar._DEFAULT.clear()  # build it afresh, with eight threads racing for it
    barrier = threading.Barrier(8)
    seen: list[ChinaCalendar] = []

    def get() -> None:
        barrier.wait()
        seen.append(default_calendar())

    threads = [threading.Thread(target=get) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8
    assert all(cal is seen[0] for cal in seen)
    assert default_calendar() is seen[0]


def test_calendar_tables_are_read_only() -> None:
    kernel = default_calendar().kernel
    with pytest.raises(TypeError):
        kernel.days[0] = kernel.days[next(iter(kernel.days))]  # type: ignore[index]
    assert isinstance(kernel.cum, tuple)
    assert isinstance(kernel.workdays, tuple)
    assert ChinaCalendar(default_calendar().notices) == default_calendar()
