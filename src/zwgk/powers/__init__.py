"""Power lists (权力清单 / 职权目录): items, counts, diffs between versions and flowcharts.

- **Models**: [`PowerList`][zwgk.powers.PowerList], [`PowerItem`][zwgk.powers.PowerItem],
  [`PowerCategory`][zwgk.powers.PowerCategory] (the ten categories of FACTS §8 and 公共服务); legal bases
  reuse [`zwgk.catalog.LegalBasis`][] ordered by [`order_by_force`][zwgk.powers.order_by_force], time limits
  [`zwgk.catalog.parse_time_limit`][].
- **Counts**: [`PowerList.counts_by_category`][zwgk.powers.PowerList.counts_by_category],
  [`PowerList.counts_by_unit`][zwgk.powers.PowerList.counts_by_unit].
- **Diffs**: [`diff_power_lists`][zwgk.powers.diff_power_lists] → [`PowerListDiff`][zwgk.powers.PowerListDiff]
  (kept, added, removed, [`Merger`][zwgk.powers.Merger]);
  [`PowerListDiff.check_claim`][zwgk.powers.PowerListDiff.check_claim] checks a "47 → 13" claim.
- **Flowcharts** (流程图, seed 000): [`Flowchart`][zwgk.powers.Flowchart], [`FlowStep`][zwgk.powers.FlowStep],
  [`check_flowchart`][zwgk.powers.check_flowchart] → [`FlowFinding`][zwgk.powers.FlowFinding] with a
  [`FlowFindingCode`][zwgk.powers.FlowFindingCode].
- **Reading**: [`read_power_list`][zwgk.powers.read_power_list] (CSV, XLSX); the readers are in
  [`zwgk.powers.io`][].
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
    """The [`zwgk.powers.io`][] module, imported on first use."""
    if name == "io":
        return importlib.import_module(f"{__name__}.io")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
