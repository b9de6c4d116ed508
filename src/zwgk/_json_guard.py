"""Loading JSON and TOML from the public without ``RecursionError`` (private; issue 11).

`json` and `tomllib` recurse once per nested array, object or inline table, so
``[[[[…]]]]`` 100,000 levels deep raises ``RecursionError`` — from deep inside, with a
traceback of thousands of frames.  `load_json` and `load_toml` measure the
nesting of the *text* first (a linear scan that skips strings and comments) and refuse
deeper than ``limits.max_depth`` before parsing; `check_depth` measures an
already-parsed value without recursing.  Malformed text raises
[`DataFileError`][zwgk.errors.DataFileError] with its line and column:

```python
    from zwgk._json_guard import load_json

_, text = read_input_text(path, "evidence file (.json)")          # zwgk._files
data = load_json(text, limits=limits, source=path.name, parse_float=Decimal)
```

Depth counts containers: ``1`` and ``"x"`` are depth 0, ``[]`` and ``{}`` depth 1,
``{"a": [1]}`` depth 2; ``max_depth`` is inclusive.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Callable
from typing import Any

from zwgk._i18n import gettext
from zwgk._limits import Limits, check_text_size
from zwgk.errors import DataFileError, LimitExceededError, Problem, cut

__all__ = ["check_depth", "check_json_text", "load_json", "load_toml", "text_depth"]


# One token per match: a whole JSON string, a lone quote (an unterminated string: the rest
# of the text is inside it, so the scan stops) or a bracket.  Possessive quantifiers keep
# the scan linear.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]++|\\.)*+"|"|[\[\]{}]', re.DOTALL)
# TOML: multi-line strings first, then single-line ones, comments, brackets, and a lone
# quote (unterminated: stop).  Table headers ``[a]``/``[[a]]`` open and close on their
# line, so they add at most 2 and only for a moment.
_TOML_TOKENS = re.compile(
    r'"""(?:[^"\\]++|\\.|"(?!""))*+""""{0,2}'
    r"|'''(?:[^']++|'(?!''))*+''''{0,2}"
    r'|"(?:[^"\\\n]++|\\.)*+"'
    r"|'[^'\n]*+'"
    r"|#[^\n]*+"
    r"|[\[\]{}]"
    r"|[\"']",
    re.DOTALL,
)
_OPEN = frozenset("[{")
_CLOSE = frozenset("]}")
_QUOTES = frozenset("\"'")


def _line_column(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return gettext("line {lineno}, column {colno}").format(lineno=line, colno=column)


def text_depth(text: str, *, toml: bool = False) -> int:
    """The deepest nesting of ``[``/``{`` in ``text`` outside strings (and TOML comments).

    Unbalanced or malformed text is measured as far as it goes (the parser reports the
    error); the scan stops at an unterminated string.
    """
    return _scan(text, toml, sys.maxsize)[0]


def _scan(text: str, toml: bool, bound: int) -> tuple[int, int]:
    """``(deepest, position)``: the deepest nesting, and where it first exceeded ``bound`` (or -1)."""
    depth = deepest = 0
    crossed = -1
    for match in (_TOML_TOKENS if toml else _JSON_TOKENS).finditer(text):
        token = match.group()
        if token in _OPEN:
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth == bound + 1:
                    crossed = match.start()
        elif token in _CLOSE:
            depth = max(depth - 1, 0)
        elif token in _QUOTES:
            break  # an unterminated string: nothing after it is structure
    return deepest, crossed


def _refuse_deep_text(text: str, limits: Limits, source: str, *, toml: bool) -> None:
    deepest, crossed = _scan(text, toml, limits.max_depth)
    if deepest > limits.max_depth:
        raise LimitExceededError.too_deep(source, limits.max_depth, deepest, _line_column(text, crossed))


def check_json_text(text: str | bytes, *, limits: Limits, source: str) -> None:
    """Refuse JSON text too long or nested too deeply, before any parser sees it.

    For readers that hand the text to another parser (pydantic's ``model_validate_json``):
    the same checks `load_json` makes first.  Bytes are measured as UTF-8 (undecodable
    bytes are left for the parser to report).

    Raises:
        LimitExceededError: longer than ``max_file_bytes`` or deeper than ``max_depth``.
    """
    if isinstance(text, bytes):
        check_text_size(text, limits, source)
        text = text.decode("utf-8", errors="replace")
    check_text_size(text, limits, source)
    _refuse_deep_text(text, limits, source, toml=False)


def check_depth(value: object, limits: Limits, source: str) -> None:
    """Refuse a parsed value (dicts, lists, tuples) nested deeper than ``limits.max_depth``.

    Iterative: it never recurses, whatever the depth.  ``value`` itself counts (``{"a": [1]}``
    is depth 2), as in `load_json`.

    Raises:
        LimitExceededError: the nesting exceeds ``max_depth``; the message gives the deepest
            nesting and the path to the first container beyond the bound (``"a.b[0]"``).
    """
    _check_depth(value, limits, source, root=0)


def _check_depth(value: object, limits: Limits, source: str, *, root: int) -> None:
    """``check_depth`` with the outermost ``root`` levels not counted (1 for a TOML document)."""
    bound = limits.max_depth + root
    deepest, crossed = 0, ""
    stack: list[tuple[object, int, str]] = [(value, 0, "")]
    while stack:
        item, depth, path = stack.pop()
        if isinstance(item, dict):
            children: list[tuple[str, object]] = [
                (f"{path}.{k}" if path else str(k), v) for k, v in item.items()
            ]
        elif isinstance(item, list | tuple):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(item)]
        else:
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if depth == bound + 1:
                crossed = path
        stack.extend((child, depth, where) for where, child in children)
    if deepest > bound:
        where = gettext("the value at {path}").format(path=cut(crossed)) if crossed else gettext("the top")
        raise LimitExceededError.too_deep(source, limits.max_depth, deepest - root, where)


def _invalid(source: str, where: str, message: str) -> DataFileError:
    return DataFileError(source, [Problem(where, message)])


class _TooManyDigitsError(Exception):
    def __init__(self, digits: int) -> None:
        self.digits = digits


def _bounded_int(text: str) -> int:
    """``int(text)``, but an integer too long for ``int`` is reported, not a bare ValueError."""
    bound = sys.get_int_max_str_digits()
    if bound and len(text.lstrip("-")) > bound:
        raise _TooManyDigitsError(len(text))
    return int(text)


class _ConstantError(Exception):
    def __init__(self, name: str) -> None:
        self.name = name


def _refuse_constant(name: str) -> object:
    """``NaN``, ``Infinity`` and ``-Infinity`` are not JSON (RFC 8259); Python reads them as floats."""
    raise _ConstantError(name)


def load_json(
    text: str,
    *,
    limits: Limits,
    source: str,
    parse_float: Callable[[str], Any] | None = None,
    parse_int: Callable[[str], Any] | None = None,
    parse_constant: Callable[[str], Any] | None = None,
    object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
) -> object:
    """``json.loads(text)`` that never raises ``RecursionError`` nor a bare ``JSONDecodeError``.

    The hooks are passed to `json.loads` (e.g. ``parse_float=Decimal``); exceptions
    they raise propagate unchanged.  Without ``parse_constant``, ``NaN``, ``Infinity`` and
    ``-Infinity`` (which are not JSON, though Python's reader accepts them) are refused.

    Args:
        text: the JSON document.
        limits: ``max_depth`` bounds the nesting, ``max_file_bytes`` the length.
        source: how messages name the input (``"evidence.json"``).

    Raises:
        LimitExceededError: nesting deeper than ``max_depth`` (found before parsing) or text
            longer than ``max_file_bytes`` characters.
        DataFileError: the text is not valid JSON (with line and column; ``NaN`` and
            ``Infinity`` included), or holds an integer longer than Python converts
            (``sys.get_int_max_str_digits()``).
    """
    check_text_size(text, limits, source)
    _refuse_deep_text(text, limits, source, toml=False)
    try:
        return json.loads(
            text,
            parse_float=parse_float,
            parse_int=parse_int or _bounded_int,
            parse_constant=parse_constant or _refuse_constant,
            object_pairs_hook=object_pairs_hook,
        )
    except json.JSONDecodeError as exc:
        raise _invalid(
            source,
            gettext("line {lineno}, column {colno}").format(lineno=exc.lineno, colno=exc.colno),
            gettext("not valid JSON: {msg}").format(msg=exc.msg),
        ) from None
    except _ConstantError as exc:
        raise _invalid(
            source, gettext("document"), gettext("{name} is not a number JSON allows").format(name=exc.name)
        ) from None
    except _TooManyDigitsError as exc:
        bound = sys.get_int_max_str_digits()
        raise _invalid(
            source,
            gettext("document"),
            gettext("an integer of {digits} digits; at most {bound} are read").format(
                digits=exc.digits, bound=bound
            ),
        ) from None
    except RecursionError:  # pragma: no cover - the scan refuses first; a last resort
        raise _invalid(source, gettext("document"), gettext("nested too deeply to parse")) from None


def load_toml(
    text: str, *, limits: Limits, source: str, parse_float: Callable[[str], Any] = float
) -> dict[str, Any]:
    """``tomllib.loads(text)`` that never raises ``RecursionError`` nor a bare ``TOMLDecodeError``.

    Nested arrays and inline tables are measured in the text before parsing; nesting made
    of table headers and dotted keys (``[a.b.c]``, ``a.b.c = 1``) is measured on the result.
    The document's root table is not counted (it has no brackets): ``a = [[1]]`` is depth 2.

    Raises:
        LimitExceededError: nesting deeper than ``max_depth``, or text longer than
            ``max_file_bytes`` characters.
        DataFileError: the text is not valid TOML (the message gives line and column).
    """
    check_text_size(text, limits, source)
    _refuse_deep_text(text, limits, source, toml=True)
    try:
        data = tomllib.loads(text, parse_float=parse_float)
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(
            source, gettext("document"), gettext("not valid TOML: {exc}").format(exc=exc)
        ) from None
    except RecursionError:
        raise _invalid(source, gettext("document"), gettext("nested too deeply to parse")) from None
    _check_depth(data, limits, source, root=1)
    return data
