"""Service statistics (政务服务): 即办件 / 承办件, on-time and early rates, exact totals and shares.

- **Counts**: :class:`ServiceCounts` with :meth:`~ServiceCounts.on_time_rate` and
  :meth:`~ServiceCounts.early_rate` (ratios to what was done, not shares of a partition).
- **Checks**: :func:`check_service_counts` (identities and reported rates),
  :func:`check_rate`, :func:`check_total` (amounts in 万元/元, Decimal), all returning
  :class:`StatFinding`; shares of a whole go through :func:`zwgk.reports.check_shares`,
  re-exported here, which accepts counts and Decimal amounts.
- **Numbers**: :func:`percent`, :func:`reported_percent`, :func:`rounding_gap`.
"""

from __future__ import annotations

from zwgk.reports import ShareFinding, check_shares
from zwgk.services._stats import (
    ServiceCounts,
    StatFinding,
    check_rate,
    check_service_counts,
    check_total,
    percent,
    reported_percent,
    rounding_gap,
)

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # counts
    "ServiceCounts",
    # checks
    "StatFinding",
    "check_rate",
    "check_service_counts",
    "check_total",
    "ShareFinding",
    "check_shares",
    # numbers
    "percent",
    "reported_percent",
    "rounding_gap",
]
