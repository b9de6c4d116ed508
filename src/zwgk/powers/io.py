"""The power lists' boundary: reading the spreadsheets offices publish.

- :func:`read_power_list` (by suffix), :func:`read_power_list_csv`, :func:`read_power_list_xlsx`
  (extra ``xlsx``), :func:`power_list_from_rows`.
"""

from __future__ import annotations

from zwgk.powers._import import (
    power_list_from_rows,
    read_power_list,
    read_power_list_csv,
    read_power_list_xlsx,
)

__all__ = ["power_list_from_rows", "read_power_list", "read_power_list_csv", "read_power_list_xlsx"]
