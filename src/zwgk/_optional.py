"""Importing optional extras on demand: the one helper every package uses.

It raises [`MissingExtraError`][zwgk.errors.MissingExtraError] naming the extra that installs the module.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from zwgk.errors import MissingExtraError

__all__ = ["import_extra"]


def import_extra(module: str, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` (an optional dependency) or say which extra installs it.

    Args:
        module: the module to import, e.g. ``"openpyxl"``.
        extra: the zwgk extra that provides it, e.g. ``"xlsx"``.
        purpose: what it is needed for, for the message.

    Returns:
        The module.

    Raises:
        MissingExtraError: the module cannot be imported.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, extra, purpose) from None
