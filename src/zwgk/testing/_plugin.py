"""Hypothesis plugin: register zwgk's strategies so ``st.from_type`` works for zwgk types.

Loaded by Hypothesis through the ``hypothesis`` entry point declared in ``pyproject.toml``.
Registration is lazy (``st.deferred``): nothing is built until a strategy is drawn from.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    from zwgk.calendar import Notice
    from zwgk.deadlines import Deadline
    from zwgk.testing import _dates, _requests

    st.register_type_strategy(Deadline, st.deferred(_requests.deadlines))
    st.register_type_strategy(Notice, st.deferred(_dates.added_notices))
    st.register_type_strategy(_requests.RequestCase, st.deferred(_requests.request_cases))
    st.register_type_strategy(_requests.InvalidRequestCase, st.deferred(_requests.invalid_request_cases))
    from zwgk.scoring import Card
    from zwgk.testing import _scoring

    st.register_type_strategy(Card, st.deferred(_scoring.cards))  # built-in ∪ synthetic
    from zwgk.catalog import Catalog, DisclosureItem, LegalBasis, TimeLimit
    from zwgk.testing import _catalog

    st.register_type_strategy(TimeLimit, st.deferred(_catalog.time_limits))
    st.register_type_strategy(_catalog.TimeLimitCase, st.deferred(_catalog.time_limit_phrases))
    st.register_type_strategy(LegalBasis, st.deferred(_catalog.legal_bases))
    st.register_type_strategy(DisclosureItem, st.deferred(_catalog.disclosure_items))
    st.register_type_strategy(Catalog, st.deferred(_catalog.catalogs))
    from zwgk.requests import DisclosureRequest, Ledger

    st.register_type_strategy(DisclosureRequest, st.deferred(_requests.disclosure_requests))
    st.register_type_strategy(Ledger, st.deferred(_requests.ledgers))
