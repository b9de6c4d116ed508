"""zwgk — China's government-transparency (政务公开) rules as a library.

Subpackages, each with its own façade:

- [`zwgk.calendar`][] — the official working-day calendar (every State Council holiday
  notice, with 调休, and the statutory holiday rules);
- [`zwgk.deadlines`][] — the statutory periods and the request clock of the
  《政府信息公开条例》, counted on that calendar;
- [`zwgk.scoring`][] — a pure scorecard engine (考核细则) with built-in cards;
- [`zwgk.catalog`][] — disclosure catalogs (政务公开事项标准目录) and time-limit phrases;
- [`zwgk.requests`][] and [`zwgk.reports`][] — request ledgers, fees and annual reports;
- [`zwgk.errors`][] — the error and warning tree.

Every text zwgk words is in one language, Simplified Chinese or English:
`set_language` sets the process default, `language` a block's (``with
zwgk.language("zh"): ...``), ``ZWGK_LANG`` the environment's; rendering calls take
``lang=`` (see the explanation page "languages").

``import zwgk`` is cheap: subpackages are imported on first attribute access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "calendar",
    "catalog",
    "current_language",
    "deadlines",
    "errors",
    "language",
    "reports",
    "requests",
    "scoring",
    "set_language",
]

_SUBMODULES = frozenset({"calendar", "catalog", "deadlines", "errors", "reports", "requests", "scoring"})

# The language switch, from zwgk._i18n on first use.
_LANGUAGE_FUNCTIONS = frozenset({"current_language", "language", "set_language"})

if TYPE_CHECKING:
    from zwgk import calendar, catalog, deadlines, errors, reports, requests, scoring
    from zwgk._i18n import current_language, language, set_language


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"zwgk.{name}")
    if name in _LANGUAGE_FUNCTIONS:
        return getattr(importlib.import_module("zwgk._i18n"), name)
    raise AttributeError(f"module 'zwgk' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
