"""Helpers shared by tests of every package."""

from __future__ import annotations

import re
import sys
from typing import Any

import pytest

__all__ = [
    "assert_json_ready",
    "assert_one_language",
    "chinese_outside_citations",
    "hide_package",
    "latin_words",
    "normalised_schema",
    "without_options",
]


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


# ------------------------------------------------------------- one language per output (issue 13)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMERAL = "一二三四五六七八九十百零〇"
_CITATION = re.compile(
    r"《[^》]*》"  # a document's title
    # its version （2008年） or number （国办函〔2020〕109号）
    r"(?:（\d{4}年[^）]*）|（[\u4e00-\u9fff]+〔\d{4}〕\d+号）)?"
    # its articles: 第三十三条第二款, 第（二）项, 第三十二条、第三十四条
    rf"(?:、?第[{_NUMERAL}]+[条款项]|第（[{_NUMERAL}]+）项)*"
    r"|[\u4e00-\u9fff]+〔\d{4}〕\d+号"  # 国办函〔2020〕109号
    r"|国务院令第\d+号"
)
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_LATIN = re.compile(r"[A-Za-z]+")


def latin_words(text: str, *allowed: str) -> list[str]:
    """Latin words in ``text`` outside ISO dates and the ``allowed`` tokens (a data version)."""
    for token in allowed:
        text = text.replace(token, " ")
    return _LATIN.findall(_DATE.sub(" ", text))


def chinese_outside_citations(text: str) -> list[str]:
    """Each line of ``text`` that holds a CJK character outside a citation (the ``；`` that joins
    two citations counts as part of them)."""
    bad = []
    for line in text.splitlines():
        rest = _CITATION.sub("", line.replace("；《", "《"))
        if _CJK.search(rest):
            bad.append(line)
    return bad


def assert_one_language(text: str, lang: str, *allowed: str) -> None:
    """Fail unless ``text`` is in one language: for ``"zh"`` no Latin words (ISO dates, numbers
    and the ``allowed`` tokens aside — option names such as ``--lang``, a data version, the
    user's own data); for ``"en"`` no Chinese outside citations (and outside ``allowed``)."""
    if lang == "zh":
        words = latin_words(text, *allowed)
        assert not words, f"English words in Chinese output: {words[:20]}\n{text}"
    else:
        for token in allowed:
            text = text.replace(token, " ")
        lines = chinese_outside_citations(text)
        assert not lines, "Chinese outside citations in English output:\n" + "\n".join(lines[:20])


def without_options(help_text: str) -> str:
    """A ``--help`` text without the option names (``--as-of``, ``-h``) and ``{a,b}`` choices a
    user types as they are, before a one-language scan."""
    return re.sub(r"(?<![\w-])--?[\w-]+|\{[\w,]+\}", " ", help_text)
