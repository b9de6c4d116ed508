"""Text folding for every parser in zwgk: one home for NFKC, full-width forms, traditional
→ simplified characters, Chinese numerals and label lookup.

Pure functions, no state.  `normalize` folds the variants people type or OCR into
one canonical form: full-width digits, letters and brackets (Unicode NFKC), the
traditional characters that occur in catalog phrases (信息形成或變更之日起3個工作日內),
standard Chinese numerals before a unit (二十个工作日 → 20个工作日; non-standard ones such
as 两十 or 二二 are left as written) and all whitespace (Chinese text has no meaningful
spaces, and spreadsheet cells break lines anywhere).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TypeVar

from zwgk.errors import UnknownNameError

__all__ = ["chinese_number", "compact", "fold_width", "lookup_label", "normalize", "normalize_label"]

# Traditional → simplified, restricted to characters seen in catalog headers, marks and
# time-limit phrases.  Every target is a simplified character that never maps again, so
# ``normalize`` is idempotent (a property the tests check).
_TRADITIONAL_PAIRS = (
    "變变個个內内開开為为後后於于與与時时實实長长態态報报務务決决許许處处罰罚獲获該该"
    "製制發发佈布審审準准關关項项當当應应須须並并週周間间會会議议結结辦办範范圍围體体"
    "單单產产動动調调條条錄录種种類类專专區区網网欄栏紙纸質质廣广電电視视熱热線线鎮镇"
    "鄉乡縣县級级門门戶户號号據据規规勞劳險险養养醫医療疗對对層层眾众羣群數数點点屬属"
    "領领執执簡简載载責责員员証证證证費费標标檢检聯联繫系訴诉請请權权總总計计劃划導导"
    "來来舉举經经濟济業业補补貼贴場场殘残傷伤參参統统籌筹資资職职稱称機机構构歸归檔档"
    "傳传達达簽签續续屆届獎奖懲惩則则現现狀状"
)
_TRADITIONAL = str.maketrans(
    {_TRADITIONAL_PAIRS[i]: _TRADITIONAL_PAIRS[i + 1] for i in range(0, len(_TRADITIONAL_PAIRS), 2)}
)

_ONES = MappingProxyType({"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
# 十, 十五, 二十, 二十五 (a leading 一 only after 百: 一百一十, never 一十五 alone).
_TENS = re.compile(r"(?P<tens>[一二三四五六七八九]?)十(?P<ones>[一二三四五六七八九]?)")
# A run of Chinese numerals directly before a counting unit or a date part.
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+(?=个?(?:工作日|日|天|月|周|星期|号))")
_SPACE = re.compile(r"\s+")


def _tens(text: str, *, after_hundred: bool) -> int | None:
    """一…九 or 十…九十九 in standard form; after 百 the tens digit is written (一百一十)."""
    if not after_hundred and text in _ONES:
        return _ONES[text]
    m = _TENS.fullmatch(text)
    if m is None:
        return None
    if after_hundred and not m["tens"]:  # 一百十: the tens digit must be written after 百
        return None
    if not after_hundred and m["tens"] == "一":  # 一十五 alone: written 十五
        return None
    return (_ONES[m["tens"]] if m["tens"] else 1) * 10 + (_ONES[m["ones"]] if m["ones"] else 0)


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral written in the standard way, else ``None`` (never a guess).

    Accepted: 零 (〇); 一 … 九; 两 alone (两个工作日, 两天); 十, 十一 … 十九; 二十 … 九十九;
    一百 (两百) … 九百九十九 with 零 before a lone last digit (一百零五) and the tens digit
    written after 百 (一百一十, 三百二十五).  Everything else — positional strings (二二,
    三〇), 两 inside a number (两十, 十两), 一十五, 百, 一百五, 二三十 — is refused, so the
    phrase stays unparsed rather than read as a number nobody wrote.

    Args:
        text: the numeral.

    Returns:
        The integer, or ``None`` if ``text`` is not a standard numeral.
    """
    if text in ("零", "〇"):
        return 0
    if text == "两":
        return 2
    head, hundred, rest = text.partition("百")
    if not hundred:
        return _tens(text, after_hundred=False)
    lead = 2 if head == "两" else _ONES.get(head)
    if lead is None:
        return None
    if not rest:
        return lead * 100
    if rest[0] == "零":
        ones = _ONES.get(rest[1:])
        return None if ones is None else lead * 100 + ones
    tens = _tens(rest, after_hundred=True)
    return None if tens is None else lead * 100 + tens


def _replace_numeral(match: re.Match[str]) -> str:
    value = chinese_number(match.group(0))
    return match.group(0) if value is None else str(value)


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation folded to their plain forms (Unicode NFKC) only.

    Spaces, line breaks and characters are kept, for text whose layout matters (a published
    report's paragraphs, a table cell where ``1 234`` must stay refused).
    """
    return unicodedata.normalize("NFKC", text)


# Folding is memoised for short strings (cells, marks, labels, phrases repeat across rows):
# both functions are pure, so an LRU cache of their results changes nothing but the speed.
_MEMO_LENGTH = 128
_MEMO_SIZE = 1 << 16


def compact(text: str) -> str:
    """NFKC, traditional → simplified and whitespace removal, without numeral folding."""
    if not text:
        return ""
    if len(text) <= _MEMO_LENGTH:
        return _compact_memo(text)
    return _compact(text)


def _compact(text: str) -> str:
    if text.isascii():  # NFKC and the traditional table leave ASCII unchanged
        return _SPACE.sub("", text)
    folded = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL)
    # Removing a space can put a combining mark next to a base character, which NFKC then
    # composes; so only when spaces were removed, repeat until nothing changes.
    for _ in range(4):
        step = _SPACE.sub("", folded)
        if step == folded:
            break
        folded = unicodedata.normalize("NFKC", step).translate(_TRADITIONAL)
    return folded


_compact_memo = lru_cache(maxsize=_MEMO_SIZE)(_compact)


def normalize(text: str) -> str:
    """Canonical form of a phrase for matching: `compact` plus Chinese numerals.

    Args:
        text: any string; never raises.

    Returns:
        The folded text.  ``normalize(normalize(t)) == normalize(t)`` for every ``t``.
    """
    if len(text) <= _MEMO_LENGTH:
        return _normalize_memo(text)
    return _normalize(text)


def _normalize(text: str) -> str:
    return _CN_NUMERAL.sub(_replace_numeral, compact(text))


_normalize_memo = lru_cache(maxsize=_MEMO_SIZE)(_normalize)


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
    """The value ``aliases`` gives for ``text``, folded with `normalize_label`.

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
