"""Core values of a disclosure catalog (政务公开事项标准目录): frozen attrs classes and enums.

The columns follow the de-facto layout of the standard catalogs (国办发〔2017〕42号 pilot,
国办发〔2019〕54号 roll-out): 序号 · 公开事项 (一级事项, 二级事项) · 公开内容（要素） ·
公开依据 · 公开时限 · 公开主体 · 公开渠道和载体 · 公开对象 · 公开方式 · 公开层级, and
sometimes a 五公开 column.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, Self

import attrs

from zwgk._i18n import Message, gettext, msg
from zwgk._present import present
from zwgk._text import compact
from zwgk.catalog._timelimit import TimeLimit
from zwgk.errors import InvalidInputError

__all__ = [
    "Audience",
    "Catalog",
    "DisclosureItem",
    "DisclosureMode",
    "FiveOpen",
    "LegalBasis",
    "LegalForce",
    "Level",
]


class _Labelled(enum.Enum):
    """An enum whose value is its Chinese label, parsed from the variants people type."""

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {}

    @property
    def label(self) -> str:
        """The Chinese label."""
        return str(self.value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """The member for ``text`` (its label or a variant; spaces and 公开 suffixes ignored).

        Args:
            text: e.g. ``主动``, ``主动公开``, ``特定群众``.

        Returns:
            The member.

        Raises:
            InvalidInputError: ``text`` is not a label or a known variant.
        """
        key = compact(text)
        for member in cls:
            if key == member.value:
                return member
        variants = cls._variants()
        if key in variants:
            return cls(variants[key])
        known = [str(m.value) for m in cls] + sorted(variants)
        raise InvalidInputError(
            cls.__name__, text, gettext("one of {values}").format(values=gettext(", ").join(known))
        )


class DisclosureMode(_Labelled):
    """公开方式: proactive (主动公开) or on request (依申请公开)."""

    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {"主动": "主动公开", "依申请": "依申请公开", "申请公开": "依申请公开"}


class Audience(_Labelled):
    """公开对象: everyone (全社会) or a specific group (特定群体)."""

    PUBLIC = "全社会"
    SPECIFIC = "特定群体"

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {
            "社会公众": "全社会",
            "公众": "全社会",
            "全体社会": "全社会",
            "特定群众": "特定群体",
            "特定主体": "特定群体",
            "特定对象": "特定群体",
            "特定人群": "特定群体",
        }


class Level(_Labelled):
    """公开层级: the government level that discloses the item."""

    COUNTY = "县级"
    TOWNSHIP = "乡级"
    VILLAGE = "村级"

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {
            "区级": "县级",
            "县": "县级",
            "县区级": "县级",
            "县(市、区)级": "县级",
            "县(市、区)": "县级",
            "乡": "乡级",
            "镇级": "乡级",
            "乡镇级": "乡级",
            "乡镇": "乡级",
            "镇街级": "乡级",
            "街道级": "乡级",
            "乡(镇)级": "乡级",
            "乡(镇、街道)": "乡级",
            "村": "村级",
            "村(社区)": "村级",
            "村(社区)级": "村级",
            "社区级": "村级",
        }

    @classmethod
    def parse_many(cls, text: str) -> tuple[Level, ...]:
        """Levels named in one header or cell, e.g. ``乡、村级`` → (TOWNSHIP, VILLAGE).

        Args:
            text: a level label, a variant, or two joined by 、 or / (乡、村级, 县/乡).

        Returns:
            The levels in the order of this enum.

        Raises:
            InvalidInputError: a part is not a known level.
        """
        key = compact(text)
        joint = {"乡、村级": ("乡级", "村级"), "乡村级": ("乡级", "村级"), "县、乡级": ("县级", "乡级")}
        if key in joint:
            return tuple(cls(v) for v in joint[key])
        parts = [p for p in key.replace("/", "、").split("、") if p]
        found = {cls.parse(p) for p in parts} if parts else {cls.parse(key)}
        return tuple(m for m in cls if m in found)


class FiveOpen(_Labelled):
    """五公开: decision-making, execution, management, service, result."""

    DECISION = "决策"
    EXECUTION = "执行"
    MANAGEMENT = "管理"
    SERVICE = "服务"
    RESULT = "结果"

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {f"{m}公开": m for m in ("决策", "执行", "管理", "服务", "结果")}


class LegalForce(_Labelled):
    """Kind of a legal basis, declared in descending order of legal force (法律效力).

    The order follows 《中华人民共和国立法法》: laws above administrative regulations,
    above local regulations and rules; normative documents (规范性文件) are not legislation
    and rank below; ``OTHER`` (plans, standards, notices) ranks last.
    """

    LAW = "法律"
    ADMINISTRATIVE_REGULATION = "行政法规"
    LOCAL_REGULATION = "地方性法规"
    DEPARTMENTAL_RULE = "部门规章"
    LOCAL_GOVERNMENT_RULE = "地方政府规章"
    NORMATIVE_DOCUMENT = "规范性文件"
    OTHER = "其他"

    @classmethod
    def _variants(cls) -> dict[str, str]:
        return {
            "地方法规": "地方性法规",
            "规章": "部门规章",
            "政府规章": "地方政府规章",
            "行政规范性文件": "规范性文件",
            "其它": "其他",
        }

    @property
    def rank(self) -> int:
        """0 for 法律 (the strongest), increasing with weaker force."""
        return list(LegalForce).index(self)


@attrs.frozen
class LegalBasis:
    """One legal basis (公开依据): a document ``title``, optionally an ``article`` and a
    document or order ``number`` (``国办发〔2019〕54号``, ``人力资源社会保障部令第24号``).

    ``kind`` is ``None`` when it could not be determined from the title (zwgk does not
    guess); [`check_catalog`][zwgk.catalog.check_catalog] then leaves the basis out of the order
    check.
    """

    title: str
    kind: LegalForce | None = None
    article: str | None = None
    number: str | None = None

    def render(self) -> str:
        """The basis as catalogs write it: ``《中华人民共和国社会保险法》第八条``."""
        number = f"({self.number})" if self.number else ""
        return f"《{self.title}》{number}{self.article or ''}"


@attrs.frozen
class DisclosureItem:
    """One row of a catalog.

    Attributes:
        sequence: 序号 as written (``"1"``, ``"1.2"``, ``"一"``).
        first_level: 一级事项.
        second_level: 二级事项 (``None`` when the catalog has one name column).
        content: 公开内容（要素）, split into elements at line breaks, ``；`` and ``、``.
        legal_bases: 公开依据, in the order written.
        time_limit: 公开时限, raw text and parsed parts.
        body: 公开主体.
        channels: 公开渠道和载体, in the order written.
        audiences: 公开对象 ticked.
        modes: 公开方式 ticked.
        levels: 公开层级 ticked.
        five_open: 五公开 categories, if the catalog has that column.
        field: the 26 field guidelines' 领域 (e.g. ``就业``), if given.
        row: the source row (1-based, as the spreadsheet shows it), for messages.
    """

    sequence: str
    first_level: str
    second_level: str | None = None
    content: tuple[str, ...] = ()
    legal_bases: tuple[LegalBasis, ...] = ()
    time_limit: TimeLimit = attrs.field(factory=lambda: TimeLimit(""))
    body: str = ""
    channels: tuple[str, ...] = ()
    audiences: tuple[Audience, ...] = ()
    modes: tuple[DisclosureMode, ...] = ()
    levels: tuple[Level, ...] = ()
    five_open: tuple[FiveOpen, ...] = ()
    field: str | None = None
    row: int | None = attrs.field(default=None, eq=False)

    @property
    def name(self) -> str:
        """``一级事项 / 二级事项`` (or the first level alone)."""
        if self.second_level:
            return f"{self.first_level} / {self.second_level}"
        return self.first_level

    @property
    def where(self) -> str:
        """Where the item is, for messages: ``row 7`` or ``item 3`` (第7行, 序号3 in Chinese), in
        the current language."""
        return self.where_message.render()

    @property
    def where_message(self) -> Message:
        """`where` as a message, worded when read (a finding keeps it for either language)."""
        if self.row is not None:
            return msg("row {row}", row=self.row)
        return msg("item {sequence}", sequence=self.sequence)


@attrs.frozen(repr=False)
class Catalog:
    """A disclosure catalog: its items in order, a title and the source it was read from."""

    items: tuple[DisclosureItem, ...]
    title: str | None = None
    source: str | None = attrs.field(default=None, eq=False)

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[DisclosureItem]:
        return iter(self.items)

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The first items as an HTML table (notebooks)."""
        text: str = present(self, "html")
        return text

    def to_frame(self) -> Any:
        """One row per item (extra ``zwgk[pandas]``); see [`zwgk.catalog.io.catalog_to_dataframe`][]."""
        return present(self, "frame")

    def find_all(self, key: str) -> tuple[DisclosureItem, ...]:
        """The items whose 序号 equals ``key``; failing that, whose 二级事项; then 一级事项.

        Args:
            key: a sequence number or an item name, as a publication log names it
                (compared without spaces, full-width forms folded).

        Returns:
            The matching items of the first field that matches any, in catalog order.
        """
        wanted = compact(key)
        for attr in ("sequence", "second_level", "first_level"):
            found = tuple(
                item
                for item in self.items
                if (value := getattr(item, attr)) is not None and compact(value) == wanted
            )
            if found:
                return found
        return ()

    def find(self, key: str) -> DisclosureItem | None:
        """The first of [`find_all`][zwgk.catalog.Catalog.find_all], or ``None``.

        Args:
            key: a sequence number or an item name.

        Returns:
            The first matching item, or ``None``.
        """
        found = self.find_all(key)
        return found[0] if found else None
