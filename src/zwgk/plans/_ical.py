"""iCalendar export of a plan's due dates (extra ``zwgk[ical]``, the ``icalendar`` library).

One all-day event (``VEVENT`` with a ``DATE`` value) per due date: the summary is the task
title (with the occurrence for a recurring task), the description names the 责任单位 and how
the date was counted, in the language asked for (the titles and units are the plan's own
text).  UIDs are stable (plan, task, occurrence), so re-importing an export
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt

from zwgk._i18n import Language, gettext, msg, resolve
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
    lang: Language | None = None,
) -> bytes:
    """The plan's due dates as an iCalendar file (RFC 5545), UTF-8 bytes.

    Args:
        plan: The plan.
        until: Last day for recurring occurrences (see [`zwgk.plans.due_dates`][]).
        calendar: The working-day calendar (default: the official one).
        stamp: ``DTSTAMP`` of every event (default: 00:00 UTC of the plan's first due date,
            so the same plan always gives the same bytes).
        lang: The language of the texts zwgk adds (``"zh"`` or ``"en"``; default: the
            current language).

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        MissingExtraError: ``icalendar`` is not installed (``pip install 'zwgk[ical]'``).
    """
    lang = resolve(lang)
    ical = import_extra("icalendar", "ical", gettext("iCalendar export"))
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
        title = (
            msg("{title} ({occurrence})", title=task.title, occurrence=d.occurrence) if d.occurrence else None
        )
        event.add("summary", title.render(lang) if title else task.title)
        event.add("dtstart", d.due)
        event.add("dtend", d.due + dt.timedelta(days=1))
        event.add("dtstamp", when)
        event.add("uid", f"{plan.name}/{d.task}/{d.occurrence or 'due'}@zwgk")
        lines = [msg("Due {day} ({basis})", day=d.due, basis=d.basis_in(lang)).render(lang)]
        if task.owners:
            lines.insert(0, msg("Responsible units: {owners}", owners="、".join(task.owners)).render(lang))
        event.add("description", "\n".join(lines))
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
