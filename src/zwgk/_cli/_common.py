"""Helpers shared by the command-group modules: argument types and JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs

from zwgk._dates import DATE_FORMS, parse_date
from zwgk.errors import InvalidInputError

__all__ = ["date_arg", "emit_json", "to_jsonable"]


def date_arg(text: str) -> dt.date:
    """argparse type for a date: ``2026-09-28`` (or the other forms of :func:`zwgk._dates.parse_date`)."""
    try:
        return parse_date(text, "date")
    except InvalidInputError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r}; expected {DATE_FORMS}") from None


def to_jsonable(value: Any) -> Any:
    """Convert zwgk values (attrs classes, dates, enums, decimals) to JSON-ready data."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if attrs.has(type(value)):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in attrs.fields(type(value))}
    if isinstance(value, dict):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [to_jsonable(v) for v in value]
    return value


def emit_json(value: Any, default: Callable[[Any], Any] | None = None) -> None:
    """Print ``value`` as indented JSON (UTF-8, Chinese kept readable)."""
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2, default=default)
    sys.stdout.write("\n")
