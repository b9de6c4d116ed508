"""How the request register's results show themselves in official files (the package's one
presentation module): the due list as an XLSX workbook."""

from __future__ import annotations

from collections.abc import Iterable

from zwgk._i18n import N_, Language, gettext, resolve
from zwgk._xlsx_out import Sheet, workbook_bytes
from zwgk.deadlines import ClockState
from zwgk.deadlines._explain import state_text
from zwgk.register._register import DueItem

__all__ = ["DUE_HEADERS", "due_headers", "due_xlsx", "state_label"]

#: The headers of `due_xlsx` as msgids (Chinese: 编号, 收到日期, 答复期限, 办理状态, 剩余工作日, 是否逾期).
DUE_HEADERS = (
    N_("Request id"),
    N_("Received"),
    N_("Reply due"),
    N_("Handling state"),
    N_("Working days left"),
    N_("Overdue?"),
)


def due_headers(lang: Language | None = None) -> tuple[str, ...]:
    """The headers of `due_xlsx` in ``lang``."""
    return tuple(gettext(h, lang) for h in DUE_HEADERS)


def state_label(state: str, lang: Language | None = None) -> str:
    """A due item's ``state`` (a [`ClockState`][zwgk.deadlines.ClockState] value) worded in ``lang``
    (计时中, 待补正 … / running, awaiting correction …); a value that is none of them is shown as
    it is."""
    try:
        return state_text(ClockState(state), lang)
    except ValueError:
        return state


def due_xlsx(items: Iterable[DueItem], lang: Language | None = None) -> bytes:
    """The due list of [`Register.due`][zwgk.register.Register.due] as an XLSX workbook in ``lang``
    (default: the current language; sheet 到期提醒 / Due list; the ``xlsx`` extra): working days left
    are numbers (negative: late; blank while the clock is stopped), the state is worded
    (计时中, 待补正, 待缴费 …), overdue is 是 or 否 (yes, no)."""
    lang = resolve(lang)
    yes, no = gettext("yes", lang), gettext("no", lang)
    rows = [
        (i.id, i.received, i.due, state_label(i.state, lang), i.working_days_left, yes if i.overdue else no)
        for i in items
    ]
    return workbook_bytes([Sheet(gettext("Due list", lang), due_headers(lang), rows)])
