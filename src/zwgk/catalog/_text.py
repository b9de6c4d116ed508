"""Text normalisation shared by the time-limit parser and the spreadsheet importer.

Pure functions, no state.  :func:`normalize` folds the variants people type or OCR into
one canonical form: full-width digits, letters and brackets (Unicode NFKC), the
traditional characters that occur in catalog phrases (信息形成或變更之日起3個工作日內),
Chinese numerals before a unit (二十个工作日 → 20个工作日) and all whitespace (Chinese
text has no meaningful spaces, and spreadsheet cells break lines anywhere).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["chinese_number", "compact", "normalize"]

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

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}  # fmt: skip
_UNITS = {"十": 10, "百": 100}
# A run of Chinese numerals directly before a counting unit or a date part.
_CN_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百]+(?=个?(?:工作日|日|天|月|周|星期|号))")
_SPACE = re.compile(r"\s+")


def chinese_number(text: str) -> int | None:
    """Value of a Chinese numeral such as ``二十``, ``十五``, ``一百零五`` or ``三〇``.

    Args:
        text: the numeral, made only of 零〇一二两三四五六七八九十百.

    Returns:
        The integer, or ``None`` if ``text`` is not a well-formed numeral.
    """
    if not text or any(c not in _DIGITS and c not in _UNITS for c in text):
        return None
    if all(c in _DIGITS for c in text):  # positional: 二〇 → 20
        return int("".join(str(_DIGITS[c]) for c in text))
    total = 0
    pending: int | None = None
    last_unit = 1000
    for char in text:
        if char in _DIGITS:
            if pending is not None and pending != 0:
                return None  # two digits in a row in unit notation (二三十)
            pending = _DIGITS[char]
        else:
            unit = _UNITS[char]
            if unit >= last_unit or pending == 0:
                return None  # units must fall (十十, 十百) and never follow 零
            total += (1 if pending is None else pending) * unit
            pending, last_unit = None, unit
    return total + (pending or 0)


def _replace_numeral(match: re.Match[str]) -> str:
    value = chinese_number(match.group(0))
    return match.group(0) if value is None else str(value)


def compact(text: str) -> str:
    """NFKC, traditional → simplified and whitespace removal, without numeral folding."""
    folded = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL)
    # Removing a space can put a combining mark next to a base character, which NFKC then
    # composes; so only when spaces were removed, repeat until nothing changes.
    for _ in range(4):
        step = _SPACE.sub("", folded)
        if step == folded:
            break
        folded = unicodedata.normalize("NFKC", step).translate(_TRADITIONAL)
    return folded


def normalize(text: str) -> str:
    """Canonical form of a phrase for matching: :func:`compact` plus Chinese numerals.

    Args:
        text: any string; never raises.

    Returns:
        The folded text.  ``normalize(normalize(t)) == normalize(t)`` for every ``t``.
    """
    return _CN_NUMERAL.sub(_replace_numeral, compact(text))
