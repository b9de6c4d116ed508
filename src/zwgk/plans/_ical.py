"""iCalendar export of a plan's due dates (extra ``zwgk[ical]``, the ``icalendar`` library).

One all-day event (``VEVENT`` with a ``DATE`` value) per due date: the summary is the task
title (with the occurrence for a recurring task), the description names the 责任单位 and how
the date was counted.  UIDs are stable (plan, task, occurrence), so re-importing an export
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt

from zwgk._optional import import_extra
from zwgk.calendar import ChinaCalendar
from zwgk.plans._model import Plan
from zwgk.plans._status import due_dates

__all__ = ["to_ical"]


def to_ical(
    plan: Plan,
    *,
    until: dt.date | None = None,
    calendar: ChinaCalendar | None = None,
    stamp: dt.datetime | None = None,
) -> bytes:
    """The plan's due dates as an iCalendar file (RFC 5545), UTF-8 bytes.

    Args:
        plan: The plan.
        until: Last day for recurring occurrences (see [`zwgk.plans.due_dates`][]).
        calendar: The working-day calendar (default: the official one).
        stamp: ``DTSTAMP`` of every event (default: 00:00 UTC of the plan's first due date,
            so the same plan always gives the same bytes).

    Raises:
        MissingExtraError: ``icalendar`` is not installed (``pip install 'zwgk[ical]'``).
    """
    ical = import_extra("icalendar", "ical", "iCalendar export")
    dues = due_dates(plan, until=until, calendar=calendar)
    titles = {t.id: t for t in plan.tasks}
    cal = ical.Calendar()
    cal.add("prodid", "-//zwgk//work plan//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", plan.title or plan.name)
    first = min((d.due for d in dues), default=dt.date(2000, 1, 1))
    when = stamp or dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
    for d in dues:
        task = titles[d.task]
        event = ical.Event()
        suffix = f"（{d.occurrence}）" if d.occurrence else ""
        event.add("summary", f"{task.title}{suffix}")
        event.add("dtstart", d.due)
        event.add("dtend", d.due + dt.timedelta(days=1))
        event.add("dtstamp", when)
        event.add("uid", f"{plan.name}/{d.task}/{d.occurrence or 'due'}@zwgk")
        lines = [f"完成时限 {d.due.isoformat()}（{d.basis}）"]
        if task.owners:
            lines.insert(0, "责任单位：" + "、".join(task.owners))
        event.add("description", "\n".join(lines))
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
