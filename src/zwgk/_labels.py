"""Folding of the Chinese labels people type, so that variants match (one place for all parsers)."""

from __future__ import annotations

import unicodedata

__all__ = ["normalize_label"]

_DROP = frozenset(" \t\r\n\u3000\"'“”‘’「」《》()（）[]【】、,.，。:：;；-—_/／")


def normalize_label(text: str) -> str:
    """Fold full-width forms (NFKC) and drop spaces, quotes and punctuation, to match labels.

    ``"（二）部分公开"`` and ``"(二) 部分公开"`` fold to the same key; so do ``"ordinary_letter"`` and
    ``"ordinary letter"``.
    """
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch not in _DROP)
