"""Hypothesis strategies for zwgk's domain values (extra ``zwgk[testing]``).

Use them to property-test your own rules against zwgk:

```python
from hypothesis import given
from zwgk.testing import covered_dates, working_day_counts

@given(covered_dates(margin_days=366), working_day_counts())
def test_my_rule(day, n): ...
```

Every name here that draws values is a *function* returning a strategy (``received_dates()``,
``ledgers(max_size=5)``).

With zwgk installed, Hypothesis's plugin entry point registers the types too, so
``st.from_type(zwgk.deadlines.Deadline)`` draws real deadlines — for every public value type
of every package (calendar days and holidays, regimes, deadlines and their steps and
statuses, every request event class, requests, ledgers and fees, cards and score results,
catalogs and check reports, annual reports, power lists, plans, rounds, register rows),
built from the real notices and the bundled data and by running zwgk on drawn inputs (see
`zwgk.testing._values` and docs/reference/testing.md).  The plugin imports nothing of
zwgk when Hypothesis is imported; see `zwgk._hypothesis_plugin`.

Every strategy draws only values inside the settled calendar (the recorded holiday notices,
less the last week of the final year), so no
[`ProvisionalCalendarWarning`][zwgk.errors.ProvisionalCalendarWarning] is raised — unless asked:
``disclosure_requests(allow_provisional=True)``, ``ledgers(allow_provisional=True)``.  Requests are received
from 2019 (the 2019 regime, whose periods most rules assume); the 条例 itself applies from 2008-05-01
(`REGULATIONS_START`).
"""

from __future__ import annotations

from zwgk._lang import N_
from zwgk._optional import import_extra

import_extra("hypothesis", "testing", N_("zwgk.testing"))  # before the submodules, which import it

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
from zwgk.testing._dates import (  # noqa: E402
    added_notices,
    calendars,
    covered_dates,
    holiday_periods,
    rest_days,
    working_day_counts,
    working_days,
)
from zwgk.testing._requests import (  # noqa: E402
    FIRST_RECEIVED,
    LAST_EVENT,
    LAST_RECEIVED,
    REGULATIONS_START,
    InvalidReason,
    InvalidRequestCase,
    RequestCase,
    consultations,
    deadlines,
    disclosure_requests,
    event_gaps,
    events,
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
    "calendars",
    "covered_dates",
    "holiday_periods",
    "rest_days",
    "working_day_counts",
    "working_days",
    # requests
    "FIRST_RECEIVED",
    "LAST_EVENT",
    "LAST_RECEIVED",
    "REGULATIONS_START",
    "InvalidReason",
    "InvalidRequestCase",
    "RequestCase",
    "consultations",
    "deadlines",
    "disclosure_requests",
    "event_gaps",
    "events",
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

# The types defined here are registered by this package (the plugin registers the library's).
from hypothesis import strategies as _st  # noqa: E402

_st.register_type_strategy(RequestCase, lambda _: request_cases())
_st.register_type_strategy(InvalidRequestCase, lambda _: invalid_request_cases())
_st.register_type_strategy(TimeLimitCase, lambda _: time_limit_phrases())
