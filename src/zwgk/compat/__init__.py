"""Compatibility views: other libraries' APIs answered from zwgk's notices.

* `zwgk.compat.chinese_calendar` — the functions of the ``chinesecalendar`` package
  (``is_workday``, ``get_holiday_detail``, ``find_workday`` …) with its semantics.

The python-holidays view is [`zwgk.calendar.ChinaCalendar.holiday_map`][] and the
workalendar view [`zwgk.calendar.ChinaCalendar.as_workalendar`][]; see the how-to
"Migrate from other libraries".  Importing this package imports none of those libraries.
"""

__all__: list[str] = []
