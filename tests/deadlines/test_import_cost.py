"""What ``import zwgk.deadlines`` loads (issue 17 §4: no slower than ``import holidays``).

The language machinery opens and resolves nothing at import: gettext and pathlib load when a
text is first worded in a catalog's language, decimal when a value needs it.
"""

from __future__ import annotations

import datetime as dt
import decimal
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zwgk._i18n import format_number
from zwgk._lang import is_decimal
from zwgk.calendar import ChinaCalendar
from zwgk.deadlines import ConsultationEnded, ConsultationStarted, reply_deadline
from zwgk.errors import InvalidInputError


def _loaded_after(code: str, modules: tuple[str, ...]) -> list[str]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; {code}; print(' '.join(m for m in {modules!r} if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.split()


def test_import_loads_no_catalog_machinery() -> None:
    assert (
        _loaded_after("import zwgk.deadlines", ("gettext", "pathlib", "decimal", "pydantic", "numpy")) == []
    )


def test_the_first_chinese_text_loads_the_catalog() -> None:
    code = (
        "import zwgk, zwgk.deadlines as d, datetime as t; zwgk.set_language('zh'); "
        "d.reply_deadline(t.date(2025, 3, 3)).explain()"
    )
    assert _loaded_after(code, ("gettext",)) == ["gettext"]


@given(
    st.one_of(
        st.decimals(allow_nan=False),
        st.integers(),
        st.floats(),
        st.text(max_size=3),
        st.fractions(),
        st.none(),
    )
)
def test_is_decimal_is_isinstance_decimal(value: object) -> None:
    assert is_decimal(value) is isinstance(value, decimal.Decimal)


def test_numbers_in_messages_keep_their_form() -> None:
    assert format_number(decimal.Decimal("0.50")) == "0.50"
    assert format_number(decimal.Decimal("2E+1")) == "20"
    assert format_number(12) == "12"
    said = str(InvalidInputError("weight", decimal.Decimal("0.50"), "a number"))
    assert "got 0.50;" in said  # its digits, not Decimal('0.50')


def test_steps_are_the_same_for_equal_calendars() -> None:
    """The steps' cache keys a calendar by identity: equal calendars still give equal steps."""
    events = [ConsultationStarted(dt.date(2025, 3, 5)), ConsultationEnded(dt.date(2025, 3, 12))]
    a = reply_deadline(dt.date(2025, 3, 3), events, calendar=ChinaCalendar())
    b = reply_deadline(dt.date(2025, 3, 3), events, calendar=ChinaCalendar())
    assert a.calendar == b.calendar
    assert a.calendar is not b.calendar
    assert a.step_rows == b.step_rows
    assert a.explain() == b.explain() == reply_deadline(dt.date(2025, 3, 3), events).explain()
    estimated = ChinaCalendar(beyond="raise")
    with pytest.raises(LookupError):
        reply_deadline(dt.date(2040, 3, 3), events, calendar=estimated)
