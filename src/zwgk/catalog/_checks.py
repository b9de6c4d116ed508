"""Completeness checks a reviewer runs over a catalog; pure functions over the core values."""

from __future__ import annotations

import enum
import itertools
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

import attrs

from zwgk._i18n import Language, Message, msg, text
from zwgk._json_out import fields_dict, pydantic_core_schema
from zwgk._present import present
from zwgk._text import compact
from zwgk.catalog._model import Catalog, DisclosureItem, LegalBasis
from zwgk.catalog._texts import code_text, force_message, listed

__all__ = [
    "CheckReport",
    "Finding",
    "FindingCode",
    "ServiceGuideElement",
    "check_catalog",
    "check_item",
    "missing_guide_elements",
    "service_guide_elements",
]


class FindingCode(enum.Enum):
    """What a [`Finding`][zwgk.catalog.Finding] is about; the value is the Chinese label."""

    MISSING_LEGAL_BASIS = "缺少公开依据"
    BASES_NOT_ORDERED = "公开依据未按法律效力排列"
    MISSING_TIME_LIMIT = "缺少公开时限"
    UNPARSED_TIME_LIMIT = "公开时限无法识别"
    NO_CHANNEL = "未明确公开渠道"
    MISSING_MODE = "未明确公开方式"
    MISSING_BODY = "缺少公开主体"
    DUPLICATE_ITEM = "公开事项重复"
    SERVICE_GUIDE_INCOMPLETE = "办事指南要素不全"


Text = str | Message
"""A text of a finding: a `Message` worded when read, or plain text."""


@attrs.frozen
class Finding:
    """One defect of one item: its ``code``, where it is and a message naming the values.

    ``location`` and ``message`` are worded in the current language when read
    (`location_in`, `message_in` for another): one report can be shown in both.
    """

    code: FindingCode
    _location: Text = attrs.field(alias="location")
    sequence: str
    item: str
    _message: Text = attrs.field(alias="message")

    @property
    def location(self) -> str:
        """Where the item is (``row 9``; 第9行 in Chinese)."""
        return text(self._location)

    @property
    def message(self) -> str:
        """What is wrong, naming the values, in the current language."""
        return text(self._message)

    def location_in(self, lang: Language | None = None) -> str:
        """`location` in ``lang`` (default: the current language)."""
        return text(self._location, lang)

    def message_in(self, lang: Language | None = None) -> str:
        """`message` in ``lang`` (default: the current language)."""
        return text(self._message, lang)

    def label_in(self, lang: Language | None = None) -> str:
        """The code's name in ``lang``: its Chinese label in Chinese (缺少公开依据), else
        ``no legal basis`` …"""
        return code_text(self.code, lang)

    def text_in(self, lang: Language | None = None) -> str:
        """The finding as one line in ``lang``: location (item): kind: message."""
        return msg(
            "{location} ({item}): {label}: {message}",
            location=self._location,
            item=self.item,
            label=self.label_in(lang),
            message=self._message,
        ).render(lang)

    def __str__(self) -> str:
        return self.text_in()

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data: ``code`` (the [`FindingCode`][zwgk.catalog.FindingCode] name), ``label``
        (its Chinese label), ``location``, ``sequence``, ``item``, ``message`` (in the current
        language)."""
        return {"code": self.code.name, "label": self.code.value, **fields_dict(self, skip=("code",))}


@attrs.frozen(repr=False)
class CheckReport:
    """All findings of [`check_catalog`][zwgk.catalog.check_catalog], in row order, and the number of items
    checked."""

    findings: tuple[Finding, ...]
    items_checked: int

    @property
    def ok(self) -> bool:
        """True when nothing was found."""
        return not self.findings

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data (``zwgk catalog check --json``).

        Keys: ``items_checked``, ``ok`` and ``findings`` (each
        [`Finding.to_dict`][zwgk.catalog.Finding.to_dict]).
        """
        return {
            "items_checked": self.items_checked,
            "ok": self.ok,
            "findings": [f.to_dict() for f in self.findings],
        }

    def by_code(self) -> dict[FindingCode, tuple[Finding, ...]]:
        """Findings grouped by code, codes in declaration order, empty codes left out."""
        return {
            code: found
            for code in FindingCode
            if (found := tuple(f for f in self.findings if f.code is code))
        }

    def __repr__(self) -> str:
        text: str = present(self, "repr")
        return text

    def _repr_html_(self) -> str:
        """The findings as an HTML table, one row each (notebooks)."""
        text: str = present(self, "html")
        return text

    def to_xlsx(self) -> bytes:
        """The findings, one row each, as an XLSX workbook (extra ``zwgk[xlsx]``).

        An official file, in Chinese whatever the current language: Chinese headers and
        texts, the header row frozen, formula-safe text.
        """
        data: bytes = present(self, "xlsx")
        return data

    def to_frame(self) -> Any:
        """One row per finding (extra ``zwgk[pandas]``).

        Columns: ``location``, ``sequence``, ``item``, ``code`` (the [`FindingCode`][zwgk.catalog.FindingCode]
        name), ``label`` (its Chinese label) and ``message``.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        return present(self, "frame")


@attrs.frozen
class ServiceGuideElement:
    """An element a 办事指南 must disclose and the other words used for it."""

    name: str
    variants: tuple[str, ...] = ()

    def present_in(self, text: str) -> bool:
        """True if ``text`` mentions the element or a variant."""
        return any(word in text for word in (self.name, *self.variants))


@attrs.frozen
class _GuideRules:
    elements: tuple[ServiceGuideElement, ...]
    markers: tuple[str, ...]


def _resolve(elements: Sequence[ServiceGuideElement] | None, markers: Iterable[str] | None) -> _GuideRules:
    if elements is not None and markers is not None:
        return _GuideRules(tuple(elements), tuple(markers))
    rules = _guide_rules()
    return _GuideRules(
        rules.elements if elements is None else tuple(elements),
        rules.markers if markers is None else tuple(markers),
    )


def _guide_rules() -> _GuideRules:
    raw = tomllib.loads(
        resources.files("zwgk.catalog").joinpath("data/service_guide_elements.toml").read_text("utf-8")
    )
    elements = tuple(ServiceGuideElement(e["name"], tuple(e["variants"])) for e in raw["element"])
    return _GuideRules(elements, tuple(raw["markers"]))


def service_guide_elements() -> tuple[ServiceGuideElement, ...]:
    """The eleven 办事指南 elements of the seed implementation plan, with their variants.

    设定依据, 申请条件, 申请材料, 办理流程, 审批时限, 收费依据及标准, 审批决定证件, 年检要求,
    注意事项, 联系方式, 投诉渠道 (package data ``service_guide_elements.toml``, which cites
    its source).

    Returns:
        The elements in the order the source lists them.
    """
    return _guide_rules().elements


def missing_guide_elements(
    item: DisclosureItem, elements: Sequence[ServiceGuideElement] | None = None
) -> tuple[str, ...]:
    """Names of the ``elements`` that ``item``'s 公开内容 does not mention.

    Args:
        item: the item (its content elements are searched as one text).
        elements: the elements to require; by default `service_guide_elements`.

    Returns:
        The missing element names, in the order of ``elements``.
    """
    wanted = service_guide_elements() if elements is None else elements
    text = compact("、".join(item.content))
    return tuple(e.name for e in wanted if not e.present_in(text))


def _order_problem(bases: Sequence[LegalBasis]) -> Message | None:
    known = [(b, b.kind) for b in bases if b.kind is not None]
    for (before, kind_before), (after, kind_after) in itertools.pairwise(known):
        if kind_after.rank < kind_before.rank:
            return msg(
                "《{after}》({after_kind}) comes after 《{before}》({before_kind}); expected the order "
                "law, administrative regulation, local regulation, departmental rule, local government "
                "rule, normative document, other document",
                after=after.title,
                after_kind=force_message(kind_after),
                before=before.title,
                before_kind=force_message(kind_before),
            )
    return None


def check_item(
    item: DisclosureItem,
    *,
    guide_elements: Sequence[ServiceGuideElement] | None = None,
    guide_markers: Iterable[str] | None = None,
) -> tuple[Finding, ...]:
    """Findings for one item (everything but duplicates, which need the whole catalog).

    Args:
        item: the item.
        guide_elements: elements a service guide must have; default
            `service_guide_elements`.
        guide_markers: words (办事指南, 服务指南) whose presence in the item's name or
            content makes it a service-guide item; default from the same data file.

    Returns:
        The findings, in [`FindingCode`][zwgk.catalog.FindingCode] order.
    """
    rules = _resolve(guide_elements, guide_markers)
    found: list[Finding] = []

    def add(code: FindingCode, message: Message) -> None:
        found.append(Finding(code, item.where_message, item.sequence, item.name, message))

    if not item.legal_bases:
        add(
            FindingCode.MISSING_LEGAL_BASIS,
            msg("the legal basis is empty; expected at least one law, regulation or document"),
        )
    elif (problem := _order_problem(item.legal_bases)) is not None:
        add(FindingCode.BASES_NOT_ORDERED, problem)
    limit = item.time_limit
    if not limit.parts:
        add(
            FindingCode.MISSING_TIME_LIMIT,
            msg("the time limit is {text!r}; expected a time limit", text=limit.text)
            if limit.text.strip()
            else msg("the time limit is empty"),
        )
    elif limit.unparsed:
        shown = "; ".join(repr(t) for t in limit.unparsed)
        add(
            FindingCode.UNPARSED_TIME_LIMIT,
            msg("time limit {text!r}: not recognised: {clauses}", text=limit.text, clauses=shown),
        )
    if not item.channels:
        add(FindingCode.NO_CHANNEL, msg("channels and media: nothing ticked or named"))
    if not item.modes:
        add(FindingCode.MISSING_MODE, msg("disclosure mode: neither proactive nor on request ticked"))
    if not item.body.strip():
        add(FindingCode.MISSING_BODY, msg("the disclosing body is empty"))
    searched = compact(item.name + "、".join(item.content))
    if any(marker in searched for marker in rules.markers):
        missing = missing_guide_elements(item, rules.elements)
        if missing:
            add(
                FindingCode.SERVICE_GUIDE_INCOMPLETE,
                msg("missing {elements}", elements=listed(missing)),
            )
    return tuple(found)


def check_catalog(
    catalog: Catalog,
    *,
    guide_elements: Sequence[ServiceGuideElement] | None = None,
    guide_markers: Iterable[str] | None = None,
) -> CheckReport:
    """Run every completeness check over ``catalog``.

    Checks: missing 公开依据; bases not in descending legal force (the seed 劳保局政务公开
    示范点建设意见 asks that sources be "按法律效力的高低进行排列"; bases whose kind is
    unknown are skipped); missing or unrecognised 公开时限; no channel; no mode; no body;
    the same 一级/二级事项 twice; and, for service-guide items, the eleven 办事指南 elements.

    Args:
        catalog: the catalog.
        guide_elements: see [`check_item`][zwgk.catalog.check_item].
        guide_markers: see [`check_item`][zwgk.catalog.check_item].

    Returns:
        The report; ``report.ok`` is true when nothing was found.
    """
    rules = _resolve(guide_elements, guide_markers)
    findings: list[Finding] = []
    first_seen: dict[tuple[str, str], DisclosureItem] = {}
    for item in catalog.items:
        findings.extend(check_item(item, guide_elements=rules.elements, guide_markers=rules.markers))
        key = (compact(item.first_level), compact(item.second_level or ""))
        if key in first_seen:
            other = first_seen[key]
            findings.append(
                Finding(
                    FindingCode.DUPLICATE_ITEM,
                    item.where_message,
                    item.sequence,
                    item.name,
                    msg(
                        "same item as {where} (sequence {sequence})",
                        where=other.where_message,
                        sequence=other.sequence,
                    ),
                )
            )
        else:
            first_seen[key] = item
    return CheckReport(tuple(findings), len(catalog.items))
