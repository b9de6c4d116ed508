"""Properties of rounds and designation rules over random checklist tables."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zwgk.rounds import designate, score_rounds
from zwgk.rounds.io import designations_from_dict
from zwgk.scoring import compile_card, load_card

CARD = compile_card(load_card("demonstration-site-standards"))
KEYS = [f.key for f in CARD.card.fields.values()]
UNITS = ["甲", "乙", "丙", "丁", "戊", "己"]

tables = st.lists(
    st.lists(st.booleans(), min_size=6, max_size=6), min_size=2 * len(UNITS), max_size=2 * len(UNITS)
)


def _rows(bits: list[list[bool]]) -> list[dict[str, object]]:
    return [
        {
            "unit": UNITS[i % len(UNITS)],
            "period": "2025" if i < len(UNITS) else "2026",
            **dict(zip(KEYS, b, strict=True)),
        }
        for i, b in enumerate(bits)
    ]


def _rules(kind: str, count: int, ties: str, rounds: int) -> object:
    return designations_from_dict(
        {
            "name": "p",
            "card": CARD.card.name,
            "rules": [{"kind": kind, "count": count, "ties": ties, "rounds": rounds}],
        }
    )


@given(tables)
def test_rankings_are_ordered_and_ties_share(bits: list[list[bool]]) -> None:
    rounds = score_rounds(CARD, _rows(bits))
    for rnd in rounds.rounds:
        totals = [p.result.total for p in rnd.ranking]
        assert totals == sorted(totals, reverse=True)
        for a, b in zip(rnd.ranking, rnd.ranking[1:], strict=False):
            assert (a.rank == b.rank) == (a.result.total == b.result.total)


@given(tables, st.integers(1, 6), st.sampled_from(["drop_bottom", "recommend_top"]), st.integers(1, 2))
def test_excluding_ties_never_takes_more_than_count(
    bits: list[list[bool]], count: int, kind: str, k: int
) -> None:
    rounds = score_rounds(CARD, _rows(bits))
    exclude = designate(rounds, _rules(kind, count, "exclude", k))  # type: ignore[arg-type]
    include = designate(rounds, _rules(kind, count, "include", k))  # type: ignore[arg-type]
    assert len(exclude) <= count
    assert {d.unit for d in exclude} <= {d.unit for d in include}
    if k == 1 and count <= len(UNITS):
        assert len(include) >= count  # ties at the boundary only add units
