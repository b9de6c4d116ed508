"""Which language zwgk words its texts in, and the compiled message catalogs.

The lowest layer of the package (below [`zwgk.errors`][], so that error messages can be
translated too).  It holds the one `ContextVar` of the language, the
process default and the lookup in the gettext catalogs under ``zwgk/locale`` (compiled from
the ``.po`` files at build time by ``hatch_build.py``).  It validates nothing: the public
switch is `zwgk._i18n`, which checks every language before it reaches this module and
raises [`UnknownLanguageError`][zwgk.errors.UnknownLanguageError].
"""

from __future__ import annotations

import contextvars
import functools
import os
import sys
import threading
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:  # loaded on first use: an import that words nothing reads no catalog
    import gettext
    from decimal import Decimal
    from pathlib import Path

__all__ = [
    "CATALOG_LOCALES",
    "DOMAIN",
    "ENV",
    "FALLBACK",
    "LANGUAGE",
    "LANGUAGES",
    "N_",
    "catalog_path",
    "gettext_",
    "is_decimal",
    "ngettext_",
    "requested",
    "set_default",
    "translation",
    "usable",
]

DOMAIN = "zwgk"
ENV = "ZWGK_LANG"
LANGUAGES = ("zh", "en")
FALLBACK = "en"  # the library's default: the language of the msgids (no catalog needed)
# The gettext locale of each language's catalog; English is the msgids themselves.
CATALOG_LOCALES = MappingProxyType({"zh": "zh_CN"})

# The language of the current context (``zwgk.language(lang)``); None: the process default.
LANGUAGE: contextvars.ContextVar[str | None] = contextvars.ContextVar("zwgk_language", default=None)
# The process default (``zwgk.set_language``): at most one value, replaced under _LOCK.
_DEFAULT: list[str] = []
_LOCK = threading.Lock()


def set_default(lang: str | None) -> None:
    """Replace the process default (``None``: back to ``ZWGK_LANG`` or English); checked by the caller."""
    with _LOCK:
        _DEFAULT[:] = [] if lang is None else [lang]


def requested() -> tuple[str, str]:
    """``(language, where it was set)``: the context, the process default, ``ZWGK_LANG`` or the fallback."""
    lang = LANGUAGE.get()
    if lang is not None:
        return lang, "zwgk.language()"
    with _LOCK:
        default = _DEFAULT[0] if _DEFAULT else None
    if default is not None:
        return default, "zwgk.set_language()"
    env = os.environ.get(ENV, "").strip()
    if env:
        return env, ENV
    return FALLBACK, "default"


def usable() -> str:
    """The requested language if it is one zwgk speaks, else English (for error messages only:
    the error that reports a bad ``ZWGK_LANG`` must itself be readable)."""
    lang = requested()[0]
    return lang if lang in LANGUAGES else FALLBACK


@functools.cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang`` (English: the msgids unchanged); read once per process.

    A missing catalog gives ``NullTranslations``; `zwgk._i18n.resolve` refuses such a
    language first, so no text is ever silently English in a Chinese output.
    """
    import gettext

    locale = CATALOG_LOCALES.get(lang)
    if locale is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, _locale_dir(), languages=[locale], fallback=True)


def catalog_path(lang: str) -> Path | None:
    """Where the compiled catalog of ``lang`` lives (``None`` for English, which needs none)."""
    locale = CATALOG_LOCALES.get(lang)
    return None if locale is None else _locale_dir() / locale / "LC_MESSAGES" / f"{DOMAIN}.mo"


@functools.cache
def _locale_dir() -> Path:
    """The folder of the compiled catalogs (pathlib loaded on first use: the import resolves nothing)."""
    from pathlib import Path

    return Path(__file__).resolve().parent / "locale"


def gettext_(msgid: str) -> str:
    """``msgid`` in the usable language (for [`zwgk.errors`][])."""
    return translation(usable()).gettext(msgid)


def ngettext_(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n`` in the usable language (for [`zwgk.errors`][])."""
    return translation(usable()).ngettext(singular, plural, n)


def is_decimal(value: object) -> TypeGuard[Decimal]:
    """Whether ``value`` is a `decimal.Decimal`, without importing `decimal` (1–2 ms of every
    import): while the module is not loaded, no value can be one."""
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for a marked, untranslated msgid
    """Mark ``msgid`` for extraction without translating it (tables worded later)."""
    return msgid
