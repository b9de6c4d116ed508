"""Helpers shared by tests of every package."""

from __future__ import annotations

import sys

import pytest

__all__ = ["hide_package"]


def hide_package(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    """Make every import of ``package`` fail for the rest of the test, as if not installed.

    ``None`` in :data:`sys.modules` makes both ``import`` statements and
    :func:`importlib.import_module` raise :class:`ImportError`.
    """
    names = [m for m in sys.modules if m == package or m.startswith(f"{package}.")]
    for name in names or [package]:
        monkeypatch.setitem(sys.modules, name, None)
