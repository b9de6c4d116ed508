"""The engine's caches, kept beside the values they serve (never inside them).

Two bounded caches make repeated scoring fast without changing any result:

- the plans of the last few [`Card`][zwgk.scoring.Card] values scored, by identity (hashing
  a card costs more than scoring it), so ``score(card, …)`` in a loop compiles once;
- per [`CompiledCard`][zwgk.scoring.CompiledCard] a `Memo` of item and section results by
  the values of the evidence they read, and of text readings.  Results are immutable and a
  pure function of those values, so equal evidence may share one result object.  A memo
  lives as long as its plan (a weak reference) and holds at most
  `MEMO_LIMIT` entries per table.

Both are the only mutable state of [`zwgk.scoring`][]; clearing them changes nothing but
speed.
"""

from __future__ import annotations

import threading
import weakref

from zwgk.scoring._evidence import MEMO_LIMIT
from zwgk.scoring._model import Card
from zwgk.scoring._plan import CompiledCard, compile_card
from zwgk.scoring._result import ItemResult, SectionResult
from zwgk.scoring._texts import Text

__all__ = ["MEMO_LIMIT", "Memo", "memo_for", "plan_for"]

_RECENT_CARDS = 8
"""How many cards' plans `plan_for` remembers."""


class Memo:
    """Results and readings already computed for one plan (mutable; never shared outside the engine)."""

    __slots__ = ("items", "readings", "sections")

    def __init__(self, plan: CompiledCard) -> None:
        self.items: tuple[dict[object, ItemResult], ...] = tuple({} for _ in range(plan.item_count))
        self.sections: tuple[dict[object, tuple[tuple[ItemResult, ...], SectionResult]], ...] = tuple(
            {} for _ in plan.sections
        )
        self.readings: dict[tuple[str, object], tuple[object, Text | None]] = {}


_memos: weakref.WeakKeyDictionary[CompiledCard, Memo] = weakref.WeakKeyDictionary()
_recent: dict[int, CompiledCard] = {}  # id(card) → plan; the plan keeps its card alive
_lock = threading.Lock()


def memo_for(plan: CompiledCard) -> Memo:
    """The memo of ``plan`` (created on first use)."""
    memo = _memos.get(plan)
    if memo is None:
        with _lock:
            memo = _memos.setdefault(plan, Memo(plan))
    return memo


def plan_for(card: Card | CompiledCard) -> CompiledCard:
    """``card`` itself when compiled, else its plan: remembered for the last few cards scored.

    Raises:
        zwgk.errors.InvalidTypeError: ``card`` is neither (e.g. a card name).
    """
    if isinstance(card, CompiledCard):
        return card
    found = _recent.get(id(card))
    if found is not None and found.card is card:
        return found
    plan = compile_card(card)  # refuses what is not a Card
    with _lock:
        while len(_recent) >= _RECENT_CARDS:
            del _recent[next(iter(_recent))]  # the oldest
        _recent[id(card)] = plan
    return plan
