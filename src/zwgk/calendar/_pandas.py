"""The ``Series.zwgk`` accessor: the calendar's vector methods on a pandas Series of dates.

Registered by `register_accessor`, which `zwgk.pandas` calls on import and
[`zwgk.calendar`][] calls on import only when pandas is already in ``sys.modules``.  This
module never imports pandas itself: the registration goes through
`zwgk._optional.import_extra`, at call time.
"""

from __future__ import annotations

from typing import Any

from zwgk._i18n import N_
from zwgk._optional import import_extra
from zwgk.calendar._calendar import ChinaCalendar, default_calendar

__all__ = ["ZwgkSeriesAccessor", "register_accessor"]


class ZwgkSeriesAccessor:
    """``series.zwgk``: working-day arithmetic on a Series of dates (``datetime64``; ``NaT`` passes through).

    Each method takes ``calendar=`` (default [`default_calendar`][zwgk.calendar.default_calendar]) and keeps
    the Series' index.  Semantics are the scalar methods': the start day is never counted.
    """

    def __init__(self, series: Any) -> None:
        self._series = series

    def is_working_day(self, *, calendar: ChinaCalendar | None = None) -> Any:
        """A boolean Series: whether each date is a working day (``NaT`` → ``False``)."""
        return (calendar or default_calendar()).is_working_day_array(self._series)

    def add_working_days(self, n: Any, *, calendar: ChinaCalendar | None = None) -> Any:
        """Each date moved ``n`` working days (strict: ``n=0`` returns the date unchanged)."""
        return (calendar or default_calendar()).add_working_days_array(self._series, n)

    def working_days_between(self, other: Any, *, calendar: ChinaCalendar | None = None) -> Any:
        """Working days in ``(self, other]`` element-wise (negative when ``other`` is earlier)."""
        return (calendar or default_calendar()).working_days_between_array(self._series, other)


def register_accessor() -> None:
    """Register ``Series.zwgk`` with pandas (idempotent).

    Raises:
        MissingExtraError: pandas is not installed (extra ``pandas``).
    """
    pd = import_extra("pandas", "pandas", N_("the Series.zwgk accessor"))
    if getattr(pd.Series, "zwgk", None) is not None:
        return
    pd.api.extensions.register_series_accessor("zwgk")(ZwgkSeriesAccessor)
