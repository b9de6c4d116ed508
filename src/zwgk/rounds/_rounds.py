"""Assessment rounds: one card, many units, several periods (季度动态考评, 年终评估).

[`score_rounds`][zwgk.rounds.score_rounds] scores every row of an evidence table (one row per unit and period)
with [`zwgk.scoring.score`][], ranks each period with [`zwgk.scoring.rank`][] and keeps
the results in period order.  [`Rounds.trend`][zwgk.rounds.Rounds.trend] compares a unit's rounds: the change
of total since its previous round and the items that lost points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from zwgk._i18n import N_, Language, gettext, msg
from zwgk._present import present
from zwgk.errors import EvidenceError, InvalidRecordsError, Problem, UnknownNameError
from zwgk.rounds._table import PERIOD_COLUMNS, UNIT_COLUMNS, row_evidence
from zwgk.scoring import Card, CompiledCard, Ranking, ScoreResult, compile_card, rank, score

__all__ = ["ItemChange", "Round", "Rounds", "UnitTrend", "points_text", "score_rounds"]


def points_text(value: Decimal) -> str:
    """Points as plain decimal text: ``Decimal("95.80")`` → ``"95.8"``, ``100`` → ``"100"``."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


@attrs.frozen(repr=False)
class Round:
    """One period: every unit's result (in table order) and the ranking (best first)."""

    period: str
    results: tuple[ScoreResult, ...]
    ranking: tuple[Ranking, ...]

    def result(self, unit: str) -> ScoreResult | None:
        """The unit's result in this round, or ``None`` if it was not assessed."""
        return next((r for r in self.results if r.unit == unit), None)

    def place(self, unit: str) -> int | None:
        """The unit's rank (1 = best; ties share), or ``None``."""
        return next((p.rank for p in self.ranking if p.result.unit == unit), None)

    def __repr__(self) -> str:
        return f"<Round {self.period}: {len(self.results)} units>"


@attrs.frozen
class ItemChange:
    """An item whose points changed between two rounds (``delta = after − before``)."""

    item: str
    title: str
    before: Decimal
    after: Decimal
    delta: Decimal


@attrs.frozen
class UnitTrend:
    """A unit across the rounds.

    ``totals`` and ``places`` are per period (``None``: not assessed that round);
    ``change`` is the total of its last round minus that of the round before it
    (``None`` with fewer than two); ``lost`` the items that lost points between those two
    rounds, largest loss first; ``previous``/``latest`` name those rounds.
    """

    unit: str
    totals: tuple[tuple[str, Decimal | None], ...]
    places: tuple[tuple[str, int | None], ...]
    previous: str | None
    latest: str | None
    change: Decimal | None
    lost: tuple[ItemChange, ...]


@attrs.frozen(repr=False)
class Rounds:
    """The results of several rounds of one card ([`score_rounds`][zwgk.rounds.score_rounds])."""

    card: str
    card_title: str
    periods: tuple[str, ...]
    rounds: tuple[Round, ...]
    units: tuple[str, ...]

    def round(self, period: str) -> Round:
        """The round of ``period``.

        Raises:
            UnknownNameError: no such period.
        """
        for r in self.rounds:
            if r.period == period:
                return r
        raise UnknownNameError(N_("period"), period, self.periods)

    def trend(self, unit: str, *, until: str | None = None) -> UnitTrend:
        """The unit's trend over the rounds up to ``until`` (default: all).

        Raises:
            UnknownNameError: no such unit or period.
        """
        if unit not in self.units:
            raise UnknownNameError(N_("unit"), unit, self.units)
        rounds = (
            self.rounds if until is None else self.rounds[: self.periods.index(self.round(until).period) + 1]
        )
        scored = [(r.period, r.result(unit)) for r in rounds]
        present_rounds = [(p, res) for p, res in scored if res is not None]
        change: Decimal | None = None
        lost: tuple[ItemChange, ...] = ()
        previous = latest = None
        if len(present_rounds) >= 2:
            (previous, before), (latest, after) = present_rounds[-2], present_rounds[-1]
            change = after.total - before.total
            lost = _lost_items(before, after)
        elif present_rounds:
            latest = present_rounds[-1][0]
        return UnitTrend(
            unit=unit,
            totals=tuple((p, None if res is None else res.total) for p, res in scored),
            places=tuple((r.period, r.place(unit)) for r in rounds),
            previous=previous,
            latest=latest,
            change=change,
            lost=lost,
        )

    def trends(self, *, until: str | None = None) -> tuple[UnitTrend, ...]:
        """Every unit's trend, in unit order."""
        return tuple(self.trend(u, until=until) for u in self.units)

    def __repr__(self) -> str:
        return str(present(self, "repr"))

    def _repr_html_(self) -> str:
        return str(present(self, "html"))

    def to_frame(self) -> Any:
        """One row per period and unit: period, rank, unit, total, maximum, grade, verdict,
        change since the unit's previous round (extra ``zwgk[pandas]``)."""
        return present(self, "frame")

    def plot(self, *, labels: str = "auto") -> Any:
        """Each unit's total by period, one line per unit (extra ``zwgk[plot]``)."""
        return present(self, "plot", labels=labels)

    def bulletin_markdown(
        self, period: str | None = None, *, decisions: Sequence[object] = (), lang: Language | None = None
    ) -> str:
        """The 通报 of ``period`` (default: the last) as Markdown in ``lang`` (default: the
        current language); see [`zwgk.rounds`][].

        Raises:
            UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
        """
        return str(present(self, "bulletin", period=period, decisions=tuple(decisions), lang=lang))


def _lost_items(before: ScoreResult, after: ScoreResult) -> tuple[ItemChange, ...]:
    old = {i.item: i for i in before.items}
    out = [
        ItemChange(i.item, i.title, old[i.item].points, i.points, i.points - old[i.item].points)
        for i in after.items
        if i.item in old and i.points < old[i.item].points
    ]
    return tuple(sorted(out, key=lambda c: (c.delta, _item_order(after, c.item))))


def _item_order(result: ScoreResult, item: str) -> int:
    return next(n for n, i in enumerate(result.items) if i.item == item)


def _column(
    rows: Sequence[Mapping[str, object]], given: str | None, choices: tuple[str, ...], what: str
) -> str:
    names: list[str] = []
    for row in rows:
        names.extend(k for k in row if k not in names)
    if given is not None:
        if given not in names:
            raise UnknownNameError(msg("{what} column", what=msg(what)).render(), given, names)
        return given
    for name in choices:
        if name in names:
            return name
    raise UnknownNameError(msg("{what} column", what=msg(what)).render(), choices[0], names)


def score_rounds(
    card: Card | CompiledCard,
    rows: Iterable[Mapping[str, object]],
    *,
    unit_column: str | None = None,
    period_column: str | None = None,
    periods: Sequence[str] | None = None,
    lenient: bool = False,
    calendar: Any = None,
) -> Rounds:
    """Score every row of an evidence table and rank each period.

    Args:
        card: The card (or its compiled plan).
        rows: One mapping per unit and period: a unit column (``unit``, ``单位``), a period
            column (``period``, ``考核期``) and the card's evidence keys.  See
            `zwgk.rounds._table` for how cells are read.
        unit_column: The unit column's name, if not one of the defaults.
        period_column: The period column's name, if not one of the defaults.
        periods: The period order (default: the periods found, sorted — ``2025Q4`` before
            ``2026Q1``, ``2025`` before ``2026``).
        lenient: Passed to [`zwgk.scoring.score`][] (missing evidence scores 0).
        calendar: Working-day calendar for derived evidence.

    Raises:
        InvalidRecordsError: rows without unit or period, duplicate (unit, period) rows,
            periods not in ``periods``, or evidence that does not fit the card — every
            row's problems listed together.
        UnknownNameError: a column named by ``unit_column``/``period_column`` is absent.
    """
    plan = card if isinstance(card, CompiledCard) else compile_card(card)
    table = list(rows)
    ucol = _column(table, unit_column, UNIT_COLUMNS, N_("unit"))
    pcol = _column(table, period_column, PERIOD_COLUMNS, N_("period"))
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    by_period: dict[str, list[ScoreResult]] = {}
    units: list[str] = []
    for n, row in enumerate(table, start=1):
        where = msg("row {n}", n=n).render()
        unit = str(row.get(ucol) or "").strip()
        period = str(row.get(pcol) or "").strip()
        if not unit or not period:
            problems.append(
                Problem(
                    where, gettext("no unit or period"), ucol if not unit else pcol, None, gettext("text")
                )
            )
            continue
        if (unit, period) in seen:
            problems.append(
                Problem(
                    where,
                    msg(
                        "second row for {unit} in {period} (first: row {first})",
                        unit=unit,
                        period=period,
                        first=seen[unit, period],
                    ).render(),
                    ucol,
                    unit,
                    gettext("one row per unit and period"),
                )
            )
            continue
        seen[unit, period] = n
        try:
            result = score(
                plan,
                row_evidence(plan.card, row, (ucol, pcol)),
                lenient=lenient,
                unit=unit,
                calendar=calendar,
            )
        except EvidenceError as exc:
            problems.extend(
                Problem(f"{where} ({unit}, {period}): {p.location}", p.message, p.field, p.value, p.expected)
                for p in exc.problems
            )
            continue
        by_period.setdefault(period, []).append(result)
        if unit not in units:
            units.append(unit)
    order = tuple(periods) if periods is not None else tuple(sorted(by_period))
    problems.extend(
        Problem(
            gettext("table"),
            gettext("period not in the order given"),
            pcol,
            p,
            msg("one of {names}", names=", ".join(order)).render(),
        )
        for p in by_period
        if p not in order
    )
    if problems:
        raise InvalidRecordsError(gettext("evidence table"), problems)
    rounds = tuple(Round(p, tuple(by_period.get(p, ())), rank(by_period.get(p, ()))) for p in order)
    return Rounds(plan.card.name, plan.card.title, order, rounds, tuple(units))
