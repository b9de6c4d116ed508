"""Hypothesis strategies for zwgk's domain values (extra ``zwgk[testing]``).

Use them to property-test your own rules against zwgk::

    from hypothesis import given
    from zwgk.testing import covered_dates, working_day_counts

    @given(covered_dates(margin_days=366), working_day_counts())
    def test_my_rule(day, n): ...

With zwgk installed, Hypothesis's plugin entry point registers the types too, so
``st.from_type(zwgk.deadlines.Deadline)`` draws real deadlines.

Every strategy draws only values inside the recorded holiday notices, so no
:class:`~zwgk.errors.ProvisionalCalendarWarning` is raised.
"""

from __future__ import annotations

from zwgk._optional import import_extra

import_extra("hypothesis", "testing", "zwgk.testing")  # before the submodules, which import it

from zwgk.testing._catalog import (  # noqa: E402
    TimeLimitCase,
    catalogs,
    disclosure_items,
    legal_bases,
    limit_parts,
    noisy_time_limit_texts,
    time_limit_phrases,
    time_limits,
)
from zwgk.testing._dates import added_notices, covered_dates, rest_days, working_day_counts, working_days  # noqa: E402
from zwgk.testing._requests import (  # noqa: E402
    FIRST_RECEIVED,
    LAST_EVENT,
    LAST_RECEIVED,
    InvalidReason,
    InvalidRequestCase,
    RequestCase,
    consultations,
    deadlines,
    disclosure_requests,
    event_gaps,
    extension_days,
    invalid_request_cases,
    ledgers,
    received_dates,
    request_cases,
)
from zwgk.testing._scoring import (  # noqa: E402
    RULE_KINDS,
    SYNTHETIC_CARD_NAME,
    builtin_cards,
    cards,
    evidence_for,
    evidence_values,
    synthetic_cards,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # dates and counts
    "added_notices",
    "covered_dates",
    "rest_days",
    "working_day_counts",
    "working_days",
    # requests
    "FIRST_RECEIVED",
    "LAST_EVENT",
    "LAST_RECEIVED",
    "InvalidReason",
    "InvalidRequestCase",
    "RequestCase",
    "consultations",
    "deadlines",
    "disclosure_requests",
    "event_gaps",
    "extension_days",
    "invalid_request_cases",
    "ledgers",
    "received_dates",
    "request_cases",
    # scoring
    "RULE_KINDS",
    "SYNTHETIC_CARD_NAME",
    "builtin_cards",
    "cards",
    "evidence_for",
    "evidence_values",
    "synthetic_cards",
    # catalogs
    "TimeLimitCase",
    "catalogs",
    "disclosure_items",
    "legal_bases",
    "limit_parts",
    "noisy_time_limit_texts",
    "time_limit_phrases",
    "time_limits",
]
