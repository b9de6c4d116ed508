"""Service statistics (政务服务): 即办件 / 承办件, on-time and early rates, exact totals and shares.

- **Counts**: [`ServiceCounts`][zwgk.services.ServiceCounts] with
  [`on_time_rate`][zwgk.services.ServiceCounts.on_time_rate] and
  [`early_rate`][zwgk.services.ServiceCounts.early_rate] (ratios to what was done, not shares of a partition).
- **Checks**: [`check_service_counts`][zwgk.services.check_service_counts] (identities and reported rates),
  [`check_rate`][zwgk.services.check_rate], [`check_total`][zwgk.services.check_total] (amounts in 万元/元,
  Decimal), all returning [`StatFinding`][zwgk.services.StatFinding]; shares of a whole go through
  [`zwgk.reports.check_shares`][], re-exported here, which accepts counts and Decimal amounts.
- **Numbers**: [`percent`][zwgk.services.percent], [`reported_percent`][zwgk.services.reported_percent],
  [`rounding_gap`][zwgk.services.rounding_gap].
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
