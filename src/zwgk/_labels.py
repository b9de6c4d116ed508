"""Folding of the Chinese labels people type, so that variants match (one place for all parsers)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import TypeVar

from zwgk.errors import UnknownNameError

__all__ = ["lookup_label", "normalize_label"]

_T = TypeVar("_T")

_DROP = frozenset(" \t\r\n\u3000\"'“”‘’「」《》()（）[]【】、,.，。:：;；-—_/／")


def normalize_label(text: str) -> str:
    """Fold full-width forms (NFKC) and drop spaces, quotes and punctuation, to match labels.

    ``"（二）部分公开"`` and ``"(二) 部分公开"`` fold to the same key; so do ``"ordinary_letter"`` and
    ``"ordinary letter"``.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in _DROP)


def lookup_label(aliases: Mapping[str, _T], text: object, kind: str, known: Iterable[str]) -> _T:
    """The value ``aliases`` gives for ``text``, folded with :func:`normalize_label`.

    Tries the folded key, then its lower case, then the raw text stripped and lower-cased.

    Raises:
        UnknownNameError: no alias matches; the message names ``kind`` and lists ``known``.
    """
    raw = str(text)
    key = normalize_label(raw)
    for candidate in (key, key.lower(), raw.strip().lower()):
        found = aliases.get(candidate)
        if found is not None:
            return found
    raise UnknownNameError(kind, text, known)
