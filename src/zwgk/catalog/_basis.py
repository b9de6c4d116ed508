"""Reading the 公开依据 cell: split it into [`LegalBasis`][zwgk.catalog.LegalBasis] values and classify each.

Classification is by the title's form only, and only where the form is unambiguous
(《中华人民共和国立法法》 names the forms: 法律 end in 法, 行政法规 are 条例 of the State
Council, local 条例 carry a place name, 规章 are promulgated by a 令).  Anything else gets
``kind=None``: zwgk does not guess.  A cell may state the kind itself in brackets after the
title, ``《某某办法》(部门规章)``, which always wins.
"""

from __future__ import annotations

import re

from zwgk._i18n import gettext
from zwgk._text import compact
from zwgk.catalog._model import LegalBasis, LegalForce
from zwgk.errors import InvalidInputError

__all__ = ["classify_basis", "format_bases", "parse_legal_bases"]

_PROVINCES = (
    "北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|"
    "广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆"
)
_LOCAL = re.compile(rf"(?:{_PROVINCES})|[\u4e00-\u9fff]{{2,3}}(?:市|州|县|区)(?!场|民|域|级|间)")
_DOC_NUMBER = re.compile(
    r"\(([^()]*(?:〔\d{4}〕[^()]*号|令第?\d+号))\)|([\u4e00-\u9fff]+(?:〔\d{4}〕\d+号|令第?\d+号))"
)
_ORDER = re.compile(r"令(?:第?\d+号)?")
_KIND_NOTE = re.compile(
    r"\((法律|行政法规|地方性法规|地方法规|部门规章|地方政府规章|政府规章|规章|规范性文件|行政规范性文件|其他|其它)\)"
)
_TITLED = re.compile(r"《([^《》]*)》([^《]*)")
_SEPARATORS = " 、,;。:\n\t"


def classify_basis(title: str, number: str | None = None) -> LegalForce | None:
    """The kind of a basis from its title and document number, or ``None`` if unclear.

    Args:
        title: the title without 《》, e.g. ``中华人民共和国社会保险法``.
        number: the document or order number, e.g. ``国办发〔2019〕54号`` or
            ``人力资源社会保障部令第24号``.

    Returns:
        The [`LegalForce`][zwgk.catalog.LegalForce], or ``None`` when the title's form does not settle it.
    """
    name = compact(title)
    num = compact(number or "")
    local = _LOCAL.match(name) is not None
    if name.endswith("法") and not name.endswith(("办法", "方法", "做法")):
        return LegalForce.LAW
    if name.endswith("条例"):
        return LegalForce.LOCAL_REGULATION if local else LegalForce.ADMINISTRATIVE_REGULATION
    if _ORDER.search(num) and name.endswith(("办法", "规定", "细则", "规则")):
        return LegalForce.LOCAL_GOVERNMENT_RULE if "政府令" in num else LegalForce.DEPARTMENTAL_RULE
    if "〔" in num or name.startswith("关于") or name.endswith(("的通知", "的意见")):
        return LegalForce.NORMATIVE_DOCUMENT
    return None


def _basis(title: str, tail: str) -> LegalBasis:
    number: str | None = None
    kind: LegalForce | None = None
    if m := _DOC_NUMBER.search(tail):
        number = m.group(1) or m.group(2)
        tail = tail[: m.start()] + tail[m.end() :]
    if m := _KIND_NOTE.search(tail):
        kind = LegalForce.parse(m.group(1))
        tail = tail[: m.start()] + tail[m.end() :]
    article = tail.strip(_SEPARATORS) or None
    if kind is None:
        kind = classify_basis(title, number)
    return LegalBasis(title=title.strip(), kind=kind, article=article, number=number)


def parse_legal_bases(cell: str) -> tuple[LegalBasis, ...]:
    """Split a 公开依据 cell into bases, in the order written.

    Titles in 《》 are recognised wherever they are; text after a title up to the next one
    is its article (``第八条``), document number (``(国办发〔2019〕54号)``) and optional
    kind note (``(部门规章)``).  A cell without 《》 is split at line breaks and ``；``.

    Args:
        cell: the cell text.

    Returns:
        The bases; empty for an empty cell.

    Raises:
        InvalidInputError: a 《 has no closing 》.
    """
    text = cell.replace("（", "(").replace("）", ")").replace("；", ";").strip()
    if not text:
        return ()
    if text.count("《") != text.count("》"):
        raise InvalidInputError("公开依据", cell, gettext("every 《 closed by 》"))
    if "《" in text:
        return tuple(_basis(m.group(1), m.group(2)) for m in _TITLED.finditer(text))
    lines = [line.strip(_SEPARATORS) for line in re.split(r"[\n;]", text)]
    return tuple(_basis(line, "") for line in lines if line)


def format_bases(bases: tuple[LegalBasis, ...]) -> str:
    """The cell text for ``bases`` (one per line); [`parse_legal_bases`][zwgk.catalog.parse_legal_bases] reads
    it back.

    A kind that the title alone would not give is written as a note, ``(部门规章)``; a
    ``None`` kind is written without a note, so reading the text back classifies the title.

    Args:
        bases: the bases, in order.

    Returns:
        The cell text, one basis per line.
    """
    lines = []
    for basis in bases:
        text = f"《{basis.title}》"
        if basis.number:
            text += f"({basis.number})"
        if basis.kind is not None and basis.kind != classify_basis(basis.title, basis.number):
            text += f"({basis.kind.value})"
        lines.append(text + (basis.article or ""))
    return "\n".join(lines)
