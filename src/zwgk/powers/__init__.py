"""Power lists (权力清单 / 职权目录): items, counts, diffs between versions and flowcharts.

- **Models**: :class:`PowerList`, :class:`PowerItem`, :class:`PowerCategory` (the ten
  categories of FACTS §8 and 公共服务); legal bases reuse :class:`zwgk.catalog.LegalBasis`
  ordered by :func:`order_by_force`, time limits :func:`zwgk.catalog.parse_time_limit`.
- **Counts**: :meth:`PowerList.counts_by_category`, :meth:`PowerList.counts_by_unit`.
- **Diffs**: :func:`diff_power_lists` → :class:`PowerListDiff` (kept, added, removed,
  :class:`Merger`); :meth:`PowerListDiff.check_claim` checks a "47 → 13" claim.
- **Flowcharts** (流程图, seed 000): :class:`Flowchart`, :class:`FlowStep`,
  :func:`check_flowchart` → :class:`FlowFinding` with a :class:`FlowFindingCode`.
- **Reading**: :func:`read_power_list` (CSV, XLSX); the readers are in :mod:`zwgk.powers.io`.
"""

from __future__ import annotations

import importlib
from typing import Any

from zwgk.powers._diff import ClaimCheck, Merger, PowerListDiff, diff_power_lists
from zwgk.powers._flow import Flowchart, FlowFinding, FlowFindingCode, FlowStep, check_flowchart
from zwgk.powers._import import read_power_list
from zwgk.powers._model import PowerCategory, PowerItem, PowerList, order_by_force

__all__ = [  # noqa: RUF022 - grouped by concern (façade convention), not alphabetical
    # models
    "PowerCategory",
    "PowerItem",
    "PowerList",
    "order_by_force",
    # diffs
    "ClaimCheck",
    "Merger",
    "PowerListDiff",
    "diff_power_lists",
    # flowcharts
    "FlowFinding",
    "FlowFindingCode",
    "FlowStep",
    "Flowchart",
    "check_flowchart",
    # reading
    "read_power_list",
]


def __getattr__(name: str) -> Any:
    """The :mod:`zwgk.powers.io` module, imported on first use."""
    if name == "io":
        return importlib.import_module(f"{__name__}.io")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
