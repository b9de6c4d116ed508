"""The ``Series.zwgk`` accessor: registered by ``import zwgk.pandas``, or by zwgk.calendar after pandas."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from zwgk.calendar import default_calendar
from zwgk.errors import MissingExtraError

pd = pytest.importorskip("pandas")


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_zwgk_calendar_alone_imports_no_pandas() -> None:
    assert _run("import sys, zwgk.calendar; print('pandas' in sys.modules)") == "False"


def test_registered_when_pandas_was_imported_first() -> None:
    assert _run("import pandas as pd, zwgk.calendar; print(hasattr(pd.Series, 'zwgk'))") == "True"


def test_not_registered_when_pandas_comes_later_until_zwgk_pandas() -> None:
    code = (
        "import zwgk.calendar, pandas as pd; a = hasattr(pd.Series, 'zwgk'); "
        "import zwgk.pandas; print(a, hasattr(pd.Series, 'zwgk'))"
    )
    assert _run(code) == "False True"


def test_without_pandas_zwgk_pandas_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None; import zwgk.calendar\n"
        "try:\n    import zwgk.pandas\nexcept ImportError as e:\n    print(type(e).__name__)"
    )
    assert _run(code) == MissingExtraError.__name__


def test_methods_answer_like_the_calendar() -> None:
    import zwgk.pandas  # noqa: F401 - registers the accessor

    cal = default_calendar()
    s = pd.Series(pd.to_datetime(["2024-02-09", "2024-02-10", None]), index=[3, 4, 5])
    # 2024 春节: 2月10日至17日放假调休, 2月18日（星期日）上班 (国办发明电〔2023〕7号).
    assert s.zwgk.is_working_day().tolist() == [True, False, False]
    moved = s.zwgk.add_working_days(1)
    assert list(moved.index) == [3, 4, 5]
    assert moved.iloc[0].date() == dt.date(2024, 2, 18) == cal.add_working_days(dt.date(2024, 2, 9), 1)
    assert pd.isna(moved.iloc[2])
    later = pd.Series(pd.to_datetime(["2024-02-19", "2024-02-19", "2024-02-19"]), index=[3, 4, 5])
    counts = s.iloc[:2].zwgk.working_days_between(later.iloc[:2])
    assert counts.tolist() == [2, 2]
    assert s.zwgk.add_working_days(0).iloc[0] == s.iloc[0]
    assert s.iloc[:1].zwgk.is_working_day(calendar=cal).tolist() == [True]
