"""The one home of zwgk's JSON form: how a result becomes plain JSON data.

Every public result's ``to_dict()`` goes through `json_value`, and so does the CLI's
``--json``.  The rules, the same for every result:

- a date is an ISO string ``YYYY-MM-DD``;
- an enum is its value (the stable English id, e.g. ``"running"``);
- a `Decimal` is a string (``"12.50"``), so amounts and scores stay exact;
- a text worded when read (`zwgk._i18n.Message`) is its wording in the current language;
- an attrs value with ``to_dict()`` is that dict; any other attrs value is a dict of its
  public fields (a private field read through a property of its alias — ``_detail`` through
  ``detail`` — under that name; other underscore-named fields are left out);
- tuples, lists and sets are lists; mapping keys become strings;
- ``str``, ``int``, ``bool`` and ``None`` are kept; a ``float`` is kept as a number;
- anything else (a path) is its ``str()``.

Keys are snake_case and stable: a key is never renamed within a major version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any

import attrs

from zwgk._i18n import Message
from zwgk._lang import is_decimal
from zwgk._optional import import_extra

__all__ = ["fields_dict", "json_value", "pydantic_core_schema"]


def json_value(value: Any) -> Any:
    """``value`` as JSON-ready data (only dict, list, str, int, float, bool and ``None``)."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return json_value(value.value)
    if is_decimal(value):
        return str(value)
    if isinstance(value, Message):
        return value.render()
    if attrs.has(type(value)):
        to_dict = getattr(value, "to_dict", None)
        return to_dict() if callable(to_dict) else fields_dict(value)
    if isinstance(value, Mapping):
        return {str(json_value(k)): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        return [json_value(v) for v in value]
    return str(value)


def fields_dict(
    value: Any, *, first: Mapping[str, Any] | None = None, skip: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The public attrs fields of ``value`` in declaration order, as JSON data.

    Args:
        value: an attrs instance.
        first: keys put before the fields (e.g. ``{"kind": "fee_paid"}``).
        skip: field names left out.
    """
    out: dict[str, Any] = dict(first or {})
    cls = type(value)
    for f in attrs.fields(cls):
        name = f.name
        if name.startswith("_"):
            alias = f.alias or name
            if not isinstance(getattr(cls, alias, None), property):
                continue
            name = alias
        if name not in skip:
            out[name] = json_value(getattr(value, name))
    return out


def pydantic_core_schema(
    cls: type,
    from_dict: Callable[[Mapping[str, Any]], Any] | None = None,
    schema_module: str | None = None,
    schema_function: str | None = None,
) -> Any:
    """The pydantic core schema of a zwgk value class (its ``__get_pydantic_core_schema__``).

    Serialised (``mode="json"``, FastAPI responses) as ``to_dict()``; validated from an
    instance of ``cls`` or, with ``from_dict``, from that dict form.  The JSON Schema is that
    of the pydantic model ``schema_module.schema_function(cls)`` returns (a boundary module,
    which may import pydantic); without it, a plain object.  pydantic_core is reached
    through `import_extra`, so the
    pure cores never import pydantic themselves.
    """
    import importlib

    cs = import_extra("pydantic_core", "pydantic", f"{cls.__name__} as a pydantic field").core_schema

    def validate(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        if from_dict is not None and isinstance(value, Mapping):
            return from_dict(value)
        what = f"a {cls.__name__} or its dict form" if from_dict is not None else f"a {cls.__name__}"
        raise ValueError(f"expected {what}, got {type(value).__name__}")

    def json_schema(_schema: Any, handler: Any) -> Any:
        if schema_module is None or schema_function is None:
            return {"type": "object", "title": cls.__name__}
        model = getattr(importlib.import_module(schema_module), schema_function)(cls)
        return handler(model.__pydantic_core_schema__)

    return cs.no_info_plain_validator_function(
        validate,
        serialization=cs.plain_serializer_function_ser_schema(lambda v: v.to_dict(), when_used="json"),
        metadata={"pydantic_js_functions": [json_schema]},
    )
