"""Power lists (权力清单 / 职权目录): categories, items, lists and counts.

Since the 2014–2015 reforms every office publishes the administrative powers it exercises,
one row per power: its name, category (职权类别), legal bases (实施依据, ordered by legal
force), the handling unit (实施主体 / 责任单位), the time limit (办理时限) and fees
(收费标准).  Seed 000 (劳保局政务公开示范点建设意见) asks for exactly these: 职权名称按法律法规表达,
职权来源…按法律效力的高低进行排列, 责任科室(单位)岗位, 收费依据和标准.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

import attrs

from zwgk._i18n import gettext, msg, msg_n
from zwgk._text import lookup_label, normalize_label
from zwgk.catalog import LegalBasis, LegalForce, TimeLimit

__all__ = ["PowerCategory", "PowerItem", "PowerList", "order_by_force"]


class PowerCategory(enum.Enum):
    """职权类别 of a power-list item (FACTS §8; the ten common categories and 公共服务)."""

    LICENSING = "行政许可"
    PENALTY = "行政处罚"
    COERCION = "行政强制"
    LEVY = "行政征收"
    BENEFIT = "行政给付"
    INSPECTION = "行政检查"
    CONFIRMATION = "行政确认"
    REWARD = "行政奖励"
    ADJUDICATION = "行政裁决"
    OTHER = "其他行政权力"
    PUBLIC_SERVICE = "公共服务"

    @property
    def label(self) -> str:
        """The Chinese label (``"行政许可"``)."""
        return self.value

    @classmethod
    def parse(cls, text: str | PowerCategory) -> PowerCategory:
        """Read a category as spreadsheets write it (``"许可"``, ``"其他"``, ``"其他权力"``, ``"licensing"``).

        Raises:
            UnknownNameError: the text names no category (the message lists them all).
        """
        if isinstance(text, PowerCategory):
            return text
        return lookup_label(
            _category_aliases(), text, gettext("power category (职权类别)"), [c.value for c in cls]
        )


@cache
def _category_aliases() -> Mapping[str, PowerCategory]:
    aliases: dict[str, PowerCategory] = {}
    for category in PowerCategory:
        aliases[normalize_label(category.value)] = category
        aliases[category.name.lower()] = category
        aliases.setdefault(normalize_label(category.value.removeprefix("行政")), category)
    for text in ("其他", "其它", "其他权力", "其它行政权力", "其他(行政权力)", "其他职权", "其他类"):
        aliases[normalize_label(text)] = PowerCategory.OTHER
    for text in ("公共服务事项", "服务事项"):
        aliases[normalize_label(text)] = PowerCategory.PUBLIC_SERVICE
    return MappingProxyType(aliases)


def order_by_force(bases: tuple[LegalBasis, ...]) -> tuple[LegalBasis, ...]:
    """The bases ordered by legal force (法律 first), stable; bases of unknown kind keep their place last."""
    last = len(LegalForce)
    return tuple(sorted(bases, key=lambda b: last if b.kind is None else b.kind.rank))


@attrs.frozen
class PowerItem:
    """One power (职权) of a power list.

    Attributes:
        name: 职权名称 / 事项名称, spaces folded.
        category: 职权类别.
        legal_bases: 实施依据 / 设定依据 in descending legal force (see
            [`order_by_force`][zwgk.powers.order_by_force]); ``bases_in_order`` tells whether the sheet
            already listed them so.
        unit: 实施主体 / 责任单位 (the handling unit), ``""`` when not given.
        time_limit: 办理时限 / 承诺时限, parsed by [`zwgk.catalog.parse_time_limit`][] (never guessed).
        fees: 收费标准 / 收费依据 as written (``""``: none stated; ``"不收费"`` is kept as text).
        remarks: 备注 (a 合并 note is read by [`diff_power_lists`][zwgk.powers.diff_power_lists]).
        sequence: 序号 as written.
        row: the 1-based sheet row (0 when not read from a sheet).
    """

    name: str
    category: PowerCategory
    legal_bases: tuple[LegalBasis, ...] = ()
    unit: str = ""
    time_limit: TimeLimit = attrs.field(factory=lambda: TimeLimit(""))
    fees: str = ""
    remarks: str = ""
    sequence: str = ""
    row: int = 0
    bases_in_order: bool = True


@attrs.frozen(repr=False)
class PowerList:
    """A power list: its items in sheet order, its title and where it came from."""

    items: tuple[PowerItem, ...]
    title: str | None = None
    source: str = "<items>"

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        items = msg_n("{n} item", "{n} items", "n", n=len(self.items))
        return msg("<PowerList {name}: {items}>", name=self.title or self.source, items=items).render()

    def counts_by_category(self) -> Mapping[PowerCategory, int]:
        """Items per category, in the order of [`PowerCategory`][zwgk.powers.PowerCategory] (categories with
        none left out)."""
        counts = Counter(item.category for item in self.items)
        return MappingProxyType({c: counts[c] for c in PowerCategory if counts[c]})

    def counts_by_unit(self) -> Mapping[str, int]:
        """Items per handling unit, in first-seen order (``""`` for items without one)."""
        counts = Counter(item.unit for item in self.items)
        return MappingProxyType({unit: counts[unit] for unit in dict.fromkeys(i.unit for i in self.items)})
