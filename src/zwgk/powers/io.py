"""The power lists' boundary: reading the spreadsheets offices publish.

- [`read_power_list`][zwgk.powers.read_power_list] (by suffix),
  [`read_power_list_csv`][zwgk.powers.io.read_power_list_csv],
  [`read_power_list_xlsx`][zwgk.powers.io.read_power_list_xlsx] (extra ``xlsx``),
  [`power_list_from_rows`][zwgk.powers.io.power_list_from_rows].
"""

from __future__ import annotations

from zwgk.powers._import import (
    power_list_from_rows,
    read_power_list,
    read_power_list_csv,
    read_power_list_xlsx,
)

__all__ = ["power_list_from_rows", "read_power_list", "read_power_list_csv", "read_power_list_xlsx"]
