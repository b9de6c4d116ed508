"""The festival anchor table (``data/festival_dates.toml``) against python-holidays' lunisolar tables.

zwgk uses these dates to tell statutory holidays from other rest days and to estimate
years without a notice; python-holidays keeps an independent table of the same dates.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources

import pytest

from zwgk.calendar import default_calendar

lunisolar = pytest.importorskip("holidays.calendars.chinese")

ANCHORS = {
    "lunar_new_year": "lunar_new_year_date",
    "dragon_boat": "dragon_boat_date",
    "mid_autumn": "mid_autumn_date",
    "qingming": "qingming_date",
}


def _table() -> dict[int, dict[str, dt.date]]:
    text = (resources.files("zwgk.calendar") / "data" / "festival_dates.toml").read_text(encoding="utf-8")
    return {int(year): dict(v) for year, v in tomllib.loads(text)["years"].items()}


def test_table_covers_the_calendar_and_its_estimates() -> None:
    years = set(_table())
    assert set(range(2004, 2027)) <= years
    assert max(years) >= default_calendar().coverage().estimated_until.year


@pytest.mark.parametrize("anchor", sorted(ANCHORS))
def test_festival_dates_agree_with_python_holidays(anchor: str) -> None:
    oracle = lunisolar._ChineseLunisolar()
    compared = 0
    for year, row in sorted(_table().items()):
        if not 1901 <= year <= 2099:
            continue
        theirs, _estimated = getattr(oracle, ANCHORS[anchor])(year)
        assert row[anchor] == theirs, f"{year} {anchor}: zwgk {row[anchor]}, python-holidays {theirs}"
        compared += 1
    assert compared >= 40


def test_spot_dates_from_the_2026_notice() -> None:
    # 国办发明电〔2025〕7号: 2月17日 is 正月初一 (2/15 is 腊月二十八); 端午 6/19; 中秋 9/25.
    row = _table()[2026]
    assert row["lunar_new_year"] == dt.date(2026, 2, 17)
    assert row["dragon_boat"] == dt.date(2026, 6, 19)
    assert row["mid_autumn"] == dt.date(2026, 9, 25)
