"""Helpers shared by tests of every package."""

from __future__ import annotations

import sys
from typing import Any

import pytest

__all__ = ["assert_json_ready", "hide_package", "normalised_schema"]


def hide_package(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    """Make every import of ``package`` fail for the rest of the test, as if not installed.

    ``None`` in :data:`sys.modules` makes both ``import`` statements and
    :func:`importlib.import_module` raise :class:`ImportError`.
    """
    names = [m for m in sys.modules if m == package or m.startswith(f"{package}.")]
    for name in names or [package]:
        monkeypatch.setitem(sys.modules, name, None)


def normalised_schema(schema: object) -> object:
    """A JSON Schema as committed files are compared with the code.

    Parsed JSON (key order and formatting never matter), without the ``$comment`` header,
    the ``$id`` the schema table adds and pydantic's generated ``title`` of each property,
    ``required`` as a sorted list — so that a pydantic minor release that only reorders or
    retitles does not fail the test, while every change of meaning (a type, a bound, a
    field) does.
    """
    if isinstance(schema, dict):
        out = {}
        for key, value in schema.items():
            if key in ("$comment", "$id") or (
                key == "title" and isinstance(value, str) and "properties" not in schema
            ):
                continue
            out[key] = (
                sorted(value) if key == "required" and isinstance(value, list) else normalised_schema(value)
            )
        return out
    if isinstance(schema, list):
        return [normalised_schema(v) for v in schema]
    return schema


JSON_TYPES = (dict, list, str, int, bool, type(None))


def assert_json_ready(value: Any, where: str = "") -> None:
    """Only dict/list/str/int/bool/None values and string keys, recursively (JSON-ready data)."""
    if isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, str), f"{where}: key {k!r}"
            assert_json_ready(v, f"{where}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            assert_json_ready(v, f"{where}[{i}]")
    else:
        assert isinstance(value, JSON_TYPES), f"{where}: {type(value).__name__}"
