"""How the request register's results show themselves in official files (the package's one
presentation module): the due list as an XLSX workbook."""

from __future__ import annotations

from collections.abc import Iterable

from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.deadlines import ClockState
from zwgk.register._register import DueItem

__all__ = ["DUE_HEADERS", "due_xlsx", "state_label"]

#: Chinese headers of `due_xlsx` (sheet 到期提醒).
DUE_HEADERS = ("编号", "收到日期", "答复期限", "办理状态", "剩余工作日", "是否逾期")


def state_label(state: str) -> str:
    """The Chinese label of a due item's ``state`` (a [`ClockState`][zwgk.deadlines.ClockState] value);
    a value that is none of them is shown as it is."""
    try:
        return ClockState(state).label
    except ValueError:
        return state


def due_xlsx(items: Iterable[DueItem]) -> bytes:
    """The due list of [`Register.due`][zwgk.register.Register.due] as an XLSX workbook
    (sheet 到期提醒; the ``xlsx`` extra): working days left are numbers (negative: late;
    blank while the clock is stopped), 办理状态 is the state's Chinese label (计时中, 待补正,
    待缴费 …; [`ClockState.label`][zwgk.deadlines.ClockState.label]), 是否逾期 is 是 or 否."""
    rows = [
        (i.id, i.received, i.due, state_label(i.state), i.working_days_left, "是" if i.overdue else "否")
        for i in items
    ]
    return workbook_bytes([Sheet("到期提醒", DUE_HEADERS, rows)])
