"""``st.from_type`` works for every type zwgk.testing registers (through the plugin entry point)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zwgk.calendar import Notice
from zwgk.catalog import Catalog, DisclosureItem, LegalBasis, TimeLimit
from zwgk.deadlines import Deadline
from zwgk.requests import DisclosureRequest, Ledger
from zwgk.scoring import Card
from zwgk.testing import InvalidRequestCase, RequestCase, TimeLimitCase

REGISTERED = [
    Deadline,
    Notice,
    RequestCase,
    InvalidRequestCase,
    Card,
    DisclosureRequest,
    Ledger,
    TimeLimit,
    TimeLimitCase,
    LegalBasis,
    DisclosureItem,
    Catalog,
]


@pytest.mark.parametrize("kind", REGISTERED, ids=lambda t: t.__name__)
def test_from_type_draws_the_type(kind: type) -> None:
    @settings(max_examples=5)
    @given(st.from_type(kind))
    def draws(value: object) -> None:
        assert type(value) is kind

    draws()
