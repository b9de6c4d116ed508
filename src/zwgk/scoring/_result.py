"""Results of scoring: every point gained or lost, and why.

Results show themselves (``repr``, notebook HTML, DataFrames, plots) through the one lazy
hook `zwgk._present.present`, which reaches `zwgk.scoring._display`; this
module never imports it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from zwgk._i18n import gettext
from zwgk._json_out import pydantic_core_schema
from zwgk._present import present
from zwgk.errors import UnknownNameError
from zwgk.scoring._texts import Text, word

if TYPE_CHECKING:
    from zwgk._display import Labels
    from zwgk._i18n import Language

__all__ = [
    "Adjustment",
    "CombinedPart",
    "CombinedResult",
    "ItemDelta",
    "ItemResult",
    "Ranking",
    "ScoreResult",
    "SectionResult",
    "WhatIf",
]


@attrs.frozen
class Adjustment:
    """One change to a running score, with its reason and the evidence it used.

    ``kind`` is the rule kind or one of ``start`` (起评分), ``floor`` (不低于0分),
    ``ceiling`` (不超过分值), ``missing`` (lenient mode), ``rescale`` and ``bonus_gate``.  The
    adjustments of an item add up to its points; a section cap is reported on the section
    (`SectionResult.capped`), not as an item adjustment.
    """

    kind: str
    points: Decimal
    _reason: Text = attrs.field(alias="reason", repr=lambda reason: repr(word(reason)))
    evidence: tuple[tuple[str, object], ...] = ()

    @property
    def reason(self) -> str:
        """Why, in the current language (a card's own reason is quoted as the card words it)."""
        return word(self._reason)

    def reason_in(self, lang: Language | None = None) -> str:
        """Why, in ``lang``."""
        return word(self._reason, lang)


@attrs.frozen
class ItemResult:
    """The points of one item and how they came about."""

    section: str
    item: str
    title: str
    maximum: Decimal | None
    points: Decimal
    applicable: bool
    bonus: bool
    adjustments: tuple[Adjustment, ...]
    missing: tuple[str, ...] = ()


@attrs.frozen
class SectionResult:
    """The points of one section, after its cap (``capped`` is the amount the cap removed)."""

    id: str
    title: str
    points: Decimal
    bonus: bool
    capped: Decimal = Decimal(0)


@attrs.frozen(repr=False)
class ScoreResult:
    """The result of [`zwgk.scoring.score`][].

    Attributes:
        card: Name of the card.
        card_title: Its title.
        unit: Label of the unit scored (department, street ...), as given to ``score``.
        total: Final score: ``base`` plus ``bonus`` when it counts.
        base: Points of the non-bonus sections (rescaled when the card says so).
        bonus: Points of the bonus sections (before the bonus gate).
        bonus_counted: Whether ``bonus`` is part of ``total``.
        maximum: The base maximum the total is measured against.
        grade: Grade label from the card's bands (``None`` without bands).
        passed: False when a veto holds or the total is below the pass mark.  A card
            without a pass mark (``pass_mark is None``) sets no threshold, so ``passed`` only
            says "no veto": renderers then print 无及格线 / "no pass mark", never 通过.
        vetoes: Reasons of the vetoes that hold.
        items: Per-item results, in card order.
        sections: Per-section results.
        adjustments: Card-level adjustments (rescale, bonus gate).
        missing: Evidence keys that were missing (lenient mode only).
        evidence: The evidence as read (normalised) plus derived values, sorted by key.
    """

    card: str
    card_title: str
    unit: str
    total: Decimal
    base: Decimal
    bonus: Decimal
    bonus_counted: bool
    maximum: Decimal
    grade: str | None
    passed: bool
    vetoes: tuple[str, ...]
    items: tuple[ItemResult, ...]
    sections: tuple[SectionResult, ...]
    adjustments: tuple[Adjustment, ...] = ()
    missing: tuple[str, ...] = ()
    evidence: tuple[tuple[str, object], ...] = ()
    pass_mark: Decimal | None = None

    def item(self, item_id: str) -> ItemResult:
        """Return the result of the item with this id.

        Raises:
            zwgk.errors.UnknownNameError: No such item.
        """
        for it in self.items:
            if it.item == item_id:
                return it
        raise UnknownNameError(gettext("item"), item_id, [i.item for i in self.items])

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON data (``zwgk score --json``; the shape of ``zwgk schema score-result``).

        Keys: ``card``, ``card_title``, ``unit``, ``total``, ``base``, ``bonus``,
        ``bonus_counted``, ``maximum``, ``grade``, ``passed``, ``pass_mark``, ``vetoes``,
        ``missing``, ``items`` (each ``section``, ``item``, ``title``, ``maximum``, ``points``,
        ``applicable``, ``bonus``, ``missing``, ``adjustments``), ``sections`` (``id``,
        ``title``, ``points``, ``bonus``, ``capped``), ``adjustments`` (``kind``, ``points``,
        ``reason``, ``evidence``) and ``evidence``.  Points are decimal strings (exact).
        """
        from zwgk.scoring._result_json import result_dict

        return result_dict(self)

    def to_xlsx(self) -> bytes:
        """Sheet 得分明细 (one row per item, then 合计) as an XLSX workbook (extra ``zwgk[xlsx]``)."""
        data: bytes = present(self, "xlsx")
        return data

    def to_frame(self) -> Any:
        """One row per item, with each adjustment's reason (extra ``zwgk[pandas]``).

        See [`zwgk.scoring.results_to_frame`][] for several results at once.
        """
        return present(self, "frame")

    def plot(self, *, labels: Labels = "auto") -> Any:
        """Points against the maximum by section (extra ``zwgk[plot]``).

        Grey bars are the section maxima, coloured bars the points (bonus sections in
        orange); with ``labels="auto"`` section titles are Chinese when a CJK font is
        installed and English is not the language set, otherwise the sections' ids.
        Returns a matplotlib ``Figure``.
        """
        return present(self, "plot", labels=labels)


@attrs.frozen
class CombinedPart:
    """One weighted part of a [`CombinedResult`][zwgk.scoring.CombinedResult]: ``contribution = result.total ×
    weight``."""

    result: ScoreResult
    weight: Decimal
    contribution: Decimal


@attrs.frozen(repr=False)
class CombinedResult:
    """A weighted combination of results (表一 × 60% + 表二 × 40%).

    ``passed`` is true when every part passed; ``vetoes`` gathers the parts' vetoes.
    When no part's card has a pass mark, renderers print 无及格线 rather than 通过.
    """

    title: str
    unit: str
    total: Decimal
    parts: tuple[CombinedPart, ...]
    passed: bool
    vetoes: tuple[str, ...]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Pydantic's hook: accepted as a value, dumped (``mode="json"``) as ``to_dict()``."""
        return pydantic_core_schema(cls)

    def to_dict(self) -> dict[str, Any]:
        """The combination as JSON data (``zwgk schema combined-result``).

        Keys: ``title``, ``unit``, ``total``, ``passed``, ``vetoes`` and ``parts`` (each
        ``weight``, ``contribution`` and ``result``, a
        [`ScoreResult.to_dict`][zwgk.scoring.ScoreResult.to_dict]).
        """
        from zwgk.scoring._result_json import result_dict

        return result_dict(self)

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    def to_frame(self) -> Any:
        """One row per weighted part (extra ``zwgk[pandas]``)."""
        return present(self, "frame")


@attrs.frozen(repr=False)
class Ranking:
    """One place in [`zwgk.scoring.rank`][]: tied totals share a rank (1, 2, 2, 4).

    For the whole ranking (the tuple ``rank`` returns) use
    [`zwgk.scoring.rankings_to_frame`][] and [`zwgk.scoring.rankings_html`][].
    """

    rank: int
    result: ScoreResult | CombinedResult

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    def to_frame(self) -> Any:
        """This place as a one-row DataFrame (extra ``zwgk[pandas]``)."""
        return present(self, "frame")


@attrs.frozen
class ItemDelta:
    """How one item changed in a what-if."""

    item: str
    before: Decimal
    after: Decimal
    delta: Decimal


@attrs.frozen(repr=False)
class WhatIf:
    """The effect of changing one piece of evidence ([`zwgk.scoring.what_if`][])."""

    key: str
    old_value: object
    new_value: object
    before: ScoreResult
    after: ScoreResult
    delta: Decimal
    items: tuple[ItemDelta, ...]

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    def to_frame(self) -> Any:
        """One row per changed item (extra ``zwgk[pandas]``)."""
        return present(self, "frame")
