"""Helpers shared by tests of every package."""

from __future__ import annotations

import sys

import pytest

__all__ = ["hide_package", "normalised_schema"]


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
