"""Comparing two versions of a power list: kept, added, removed and merged items.

**Matching.** Names are compared after `zwgk._text.normalize_label` (full-width
folded, spaces and punctuation dropped).  An old item and a new item with the same folded
name (and the same category) are *kept*.

**Merged.** A new item with no old item of its name *merges* the unmatched old items
``O₁ … Oₖ`` (k ≥ 2) when, for every ``Oᵢ``, either

1. ``Oᵢ``'s folded name occurs in the new item's folded name (the new name covers it:
   ``对违反广告管理规定行为的处罚（虚假广告、违法发布广告）`` covers ``虚假广告``), or
2. the new item's 备注 contains ``合并`` and mentions ``Oᵢ``'s folded name (an explicit note:
   ``由原“A”“B”合并``).

An old item is merged into at most one new item (the first in sheet order that claims it).
A new item that would cover only one old item is not a merger: the old item is *renamed*
only if the lists say so, which they do not, so it is reported as removed and the new one
as added.  Everything else unmatched is *removed* (old) or *added* (new).

So ``len(old) == kept + removed + merged-old`` and ``len(new) == kept + added + mergers``;
a claim like "47 项精简为 13 项" is checked against the two list lengths by
[`PowerListDiff.check_claim`][zwgk.powers.PowerListDiff.check_claim].
"""

from __future__ import annotations

import attrs

from zwgk._i18n import Language, msg
from zwgk._text import normalize_label
from zwgk.powers._model import PowerItem, PowerList

__all__ = ["ClaimCheck", "Merger", "PowerListDiff", "diff_power_lists"]


@attrs.frozen
class Merger:
    """One new item that replaces several old ones; ``by_note`` when a 合并 remark said so."""

    new: PowerItem
    old: tuple[PowerItem, ...]
    by_note: bool


@attrs.frozen
class ClaimCheck:
    """A published "before → after" claim against the counts of the two lists."""

    claimed_before: int
    claimed_after: int
    before: int
    after: int

    @property
    def holds(self) -> bool:
        """Both counts match the lists."""
        return (self.claimed_before, self.claimed_after) == (self.before, self.after)

    def __str__(self) -> str:
        return self.text_in()

    def text_in(self, lang: Language | None = None) -> str:
        """The verdict as one line in ``lang`` (default: the current language)."""
        counts = {
            "claimed_before": self.claimed_before,
            "claimed_after": self.claimed_after,
            "before": self.before,
            "after": self.after,
        }
        if self.holds:
            said = msg(
                "claim {claimed_before} → {claimed_after} holds: the lists have {before} → {after} items",
                **counts,
            )
        else:
            said = msg(
                "claim {claimed_before} → {claimed_after} does not hold: "
                "the lists have {before} → {after} items",
                **counts,
            )
        return said.render(lang)


@attrs.frozen
class PowerListDiff:
    """The result of [`diff_power_lists`][zwgk.powers.diff_power_lists] (items in the order of their list)."""

    old: PowerList
    new: PowerList
    kept: tuple[tuple[PowerItem, PowerItem], ...]
    added: tuple[PowerItem, ...]
    removed: tuple[PowerItem, ...]
    merged: tuple[Merger, ...]

    def check_claim(self, before: int, after: int) -> ClaimCheck:
        """Check a published claim ("``before`` 项 → ``after`` 项") against the two lists."""
        return ClaimCheck(before, after, len(self.old), len(self.new))


def _key(item: PowerItem) -> str:
    return normalize_label(item.name)


def diff_power_lists(old: PowerList, new: PowerList) -> PowerListDiff:
    """Compare two versions of a power list (the rules are in the module docstring).

    Args:
        old: the earlier list.
        new: the later list.

    Returns:
        Kept pairs, added and removed items, and mergers.
    """
    old_by_key: dict[str, list[PowerItem]] = {}
    for item in old.items:
        old_by_key.setdefault(_key(item), []).append(item)
    kept: list[tuple[PowerItem, PowerItem]] = []
    unmatched_new: list[PowerItem] = []
    used: set[int] = set()
    for item in new.items:
        candidates = [o for o in old_by_key.get(_key(item), []) if id(o) not in used]
        same = [o for o in candidates if o.category is item.category] or candidates
        if same:
            used.add(id(same[0]))
            kept.append((same[0], item))
        else:
            unmatched_new.append(item)
    merged: list[Merger] = []
    added: list[PowerItem] = []
    for item in unmatched_new:
        name = _key(item)
        note = normalize_label(item.remarks)
        by_note = "合并" in item.remarks
        covered = [
            o
            for o in old.items
            if id(o) not in used and _key(o) and (_key(o) in name or (by_note and _key(o) in note))
        ]
        if len(covered) >= 2:
            used.update(id(o) for o in covered)
            merged.append(Merger(item, tuple(covered), any(_key(o) not in name for o in covered)))
        else:
            added.append(item)
    removed = tuple(o for o in old.items if id(o) not in used)
    return PowerListDiff(old, new, tuple(kept), tuple(added), removed, tuple(merged))
