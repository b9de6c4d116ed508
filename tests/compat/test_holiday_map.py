"""``ChinaCalendar.holiday_map``: a python-holidays-style view, against the real ``holidays.China``.

Compared over 2004–2026.  Differences, by category (each from the notices):

* dates python-holidays lists and the map does not: 2020-02-01/02, the weekend of the
  Spring Festival extension (国办发明电〔2020〕1号); the calendar records them as weekend rest
  days (2020-02-01 was a 调休 working Saturday the extension cancelled), and the map lists no
  plain weekend days.
* days python-holidays names as the holiday itself that are days off here (not statutory
  holidays of the 放假办法): 2015-09-03 (国发明电〔2015〕1号, a one-off day off) and
  2020-01-31 (the extension).
* names of days off: "春节（调休）" / "Day off (Chinese New Year (Spring Festival))" here,
  "Day off (substituted from …)" / "… (observed)" there (which weekend a day off was moved
  from is python-holidays' pairing, not a notice's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pytest

from zwgk.calendar import HolidayMap, default_calendar
from zwgk.errors import CalendarCoverageError, InvalidInputError

holidays = pytest.importorskip("holidays")
pytestmark = pytest.mark.filterwarnings("ignore::zwgk.errors.ProvisionalCalendarWarning")

YEARS = range(2004, 2027)
ONLY_PEER = {dt.date(2020, 2, 1), dt.date(2020, 2, 2)}
DAY_OFF_HERE_HOLIDAY_THERE = {dt.date(2015, 9, 3), dt.date(2020, 1, 31)}
LANGS = [("zh", "zh_CN"), ("en", "en_US")]


def _is_day_off(name: str) -> bool:
    return name.endswith("（调休）") or name.startswith("Day off (")


def _peer_day_off(name: str) -> bool:
    return "Day off" in name or "observed" in name or "调休" in name or "补休" in name


@pytest.mark.parametrize(("lang", "peer_lang"), LANGS)
def test_same_days_as_holidays_china_except_the_extension_weekend(lang: str, peer_lang: str) -> None:
    ours = default_calendar().holiday_map(YEARS, lang=lang)  # type: ignore[arg-type]
    peer = holidays.China(years=YEARS, language=peer_lang)
    assert set(ours) <= set(peer)
    assert set(peer) - set(ours) == ONLY_PEER
    assert len(ours) == 481


def test_categories_agree_except_two_days() -> None:
    ours = default_calendar().holiday_map(YEARS, lang="en")
    peer = holidays.China(years=YEARS)
    differ = {d for d in ours if _is_day_off(ours[d]) != _peer_day_off(peer[d])}
    assert differ == DAY_OFF_HERE_HOLIDAY_THERE


@pytest.mark.parametrize(("lang", "peer_lang"), LANGS)
def test_statutory_names_are_python_holidays_names(lang: str, peer_lang: str) -> None:
    ours = default_calendar().holiday_map(YEARS, lang=lang)  # type: ignore[arg-type]
    peer = holidays.China(years=YEARS, language=peer_lang)
    statutory = [d for d in ours if not _is_day_off(ours[d])]
    assert len(statutory) > 200
    assert {d: ours[d] for d in statutory} == {d: peer[d] for d in statutory}


def test_a_read_only_mapping() -> None:
    m = default_calendar().holiday_map(2024)
    assert isinstance(m, Mapping)
    assert isinstance(m, HolidayMap)
    # 国办发明电〔2023〕7号: 2月10日至17日放假调休; 2月10日–13日 statutory (2015 办法: 初一至初三 + …)
    assert dt.date(2024, 2, 10) in m
    assert m[dt.date(2024, 2, 10)] == "春节"
    assert m.get(dt.date(2024, 2, 15)) == "春节（调休）"
    assert dt.date(2024, 2, 17) not in m  # a plain Saturday of the period
    assert dt.date(2024, 2, 18) not in m  # a 调休 working Sunday
    assert m.get(dt.date(2024, 3, 1)) is None
    assert dt.datetime(2024, 10, 1, 9) in m
    assert m[dt.datetime(2024, 10, 1, 9)] == "国庆节"
    assert "2024-10-01" not in m
    assert list(m) == sorted(m)
    assert m.years == (2024,)
    assert "days=" in repr(m)
    with pytest.raises(TypeError):
        m[dt.date(2024, 3, 1)] = "x"  # type: ignore[index]
    assert default_calendar().holiday_map([2024], lang="en")[dt.date(2024, 1, 1)] == "New Year's Day"


def test_bad_lang_and_years_outside_raise() -> None:
    with pytest.raises(InvalidInputError, match="lang"):
        default_calendar().holiday_map(2024, lang="fr")  # type: ignore[arg-type]
    with pytest.raises(CalendarCoverageError):
        default_calendar().holiday_map(2003)
