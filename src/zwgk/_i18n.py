"""One language per output: the switch, the message helpers and the formatting of values.

Every user-facing text of a converted module is an English msgid looked up in the gettext
catalogs under ``zwgk/locale`` (managed with Babel: ``babel.cfg``; compiled at build time).
The language is chosen, first match wins, by

1. ``lang=`` on a rendering call (``Deadline.explain(lang="zh")``);
2. `language` — a context manager (a `ContextVar`: threads and
   asyncio tasks keep their own);
3. `set_language` — the process default;
4. the ``ZWGK_LANG`` environment variable;
5. English (the msgids).  The CLI passes its ``--lang`` (default: the locale) as step 2.

A text that must be worded later, in whatever language is current then, is a
`Message` (a msgid and its arguments); ``str(message)`` words it.  Dates are ISO in
both languages (``2026-10-09``); numbers are plain digits.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Literal, cast

import attrs

from zwgk import _lang
from zwgk._lang import N_, is_decimal
from zwgk.errors import DataFileError, Problem, UnknownLanguageError

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = [
    "LANGUAGES",
    "N_",
    "Language",
    "Message",
    "current_language",
    "format_date",
    "format_number",
    "gettext",
    "language",
    "msg",
    "msg_n",
    "ngettext",
    "resolve",
    "set_language",
    "text",
]

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")


def resolve(lang: object = None, *, source: str = "lang") -> Language:
    """``lang`` checked (``None``: the current language, see the module docs); ``source``
    names where it was given, for the error.

    Raises:
        UnknownLanguageError: ``lang`` (or ``ZWGK_LANG``) is not ``"zh"`` or ``"en"``.
        DataFileError: the compiled catalog of the language is missing (a checkout that was
            never installed: run ``pip install -e .``).
    """
    value: object = lang
    if lang is None:
        value, source = _lang.requested()
    if value == "zh":
        _check_catalog("zh")
        return "zh"
    if value == "en":
        return "en"
    raise UnknownLanguageError(source, value, LANGUAGES)


def current_language() -> Language:
    """The language in force here (the context, the process default, ``ZWGK_LANG``, English)."""
    return resolve(None)


def set_language(lang: Language | None) -> None:
    """Set the process default language (``None``: back to ``ZWGK_LANG``, else English).

    A `language` block and ``lang=`` arguments still take precedence.

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"``, ``"en"`` or ``None``.
    """
    _lang.set_default(None if lang is None else resolve(lang))


@contextlib.contextmanager
def language(lang: Language) -> Iterator[Language]:
    """Word every text in ``lang`` inside the block (this thread or task only)::

        with zwgk.language("zh"):
            print(deadline.explain())

    Raises:
        UnknownLanguageError: ``lang`` is not ``"zh"`` or ``"en"``.
    """
    token = _lang.LANGUAGE.set(resolve(lang))
    try:
        yield cast("Language", _lang.LANGUAGE.get())
    finally:
        _lang.LANGUAGE.reset(token)


def gettext(msgid: str, lang: Language | None = None) -> str:
    """``msgid`` in ``lang`` (default: the current language)."""
    return _lang.translation(resolve(lang)).gettext(msgid)


def ngettext(singular: str, plural: str, n: int, lang: Language | None = None) -> str:
    """The form of ``singular``/``plural`` for ``n`` in ``lang`` (Chinese has one form)."""
    return _lang.translation(resolve(lang)).ngettext(singular, plural, n)


def format_date(day: dt.date) -> str:
    """A date in a message: ISO ``2026-10-09`` in both languages (official documents and
    spreadsheets in China use it as well; no ``2026年10月9日`` that a reader must parse back)."""
    return day.isoformat()


def format_number(value: int | Decimal) -> str:
    """A number in a message: plain digits, no grouping, no exponent (``1234``, ``-3``; a
    `Decimal` keeps its places: ``0.50``, and ``2E+1`` is ``20``)."""
    if is_decimal(value):
        return format(value, "f")
    return str(value)


@attrs.frozen(cache_hash=True)
class Message:
    """A text worded when it is read, in the language current then.

    ``msgid`` is the English text with ``{name}`` fields; ``args`` the values of the fields
    (dates, numbers, text, or other messages, worded in the same language).  With
    ``plural``, ``count`` names the argument that picks the form.  Equal messages are equal
    whatever the language; build them with `msg` and `msg_n`, which
    Babel's extractor finds.
    """

    msgid: str
    args: tuple[tuple[str, object], ...] = ()
    plural: str | None = None
    count: str | None = None

    def render(self, lang: Language | None = None) -> str:
        """The text in ``lang`` (default: the current language)."""
        lang = resolve(lang)
        values = dict(self.args)
        if self.plural is not None and self.count is not None:
            n = values[self.count]
            template = ngettext(self.msgid, self.plural, abs(n) if isinstance(n, int) else 0, lang)
        else:
            template = gettext(self.msgid, lang)
        return template.format(**{k: _word(v, lang) for k, v in values.items()})

    def __str__(self) -> str:
        return self.render()


def _word(value: object, lang: Language) -> str:
    if type(value) is str:  # the most common argument: a text already worded
        return value
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, dt.date):
        return format_date(value)
    if (isinstance(value, int) and not isinstance(value, bool)) or is_decimal(value):
        return format_number(value)
    return str(value)


def msg(msgid: str, /, **args: object) -> Message:
    """A `Message`: ``msg("due {day}", day=d)``."""
    return Message(msgid, tuple(args.items()))


def msg_n(singular: str, plural: str, count: str, /, **args: object) -> Message:
    """A `Message` with a plural form picked by the argument named ``count``::

    msg_n("{n} working day", "{n} working days", "n", n=3)
    """
    return Message(singular, tuple(args.items()), plural, count)


def text(value: str | Message, lang: Language | None = None) -> str:
    """``value`` worded: a `Message` rendered in ``lang``, plain text as it is."""
    return value.render(lang) if isinstance(value, Message) else value


def _check_catalog(lang: str) -> None:
    if not _catalog_exists(lang):
        raise DataFileError(
            str(_lang.catalog_path(lang)),
            [
                Problem(
                    "zwgk/locale",
                    # English by necessity: the catalog that would word it is the one missing
                    f"the compiled {lang} catalog is missing",
                    expected=N_("the .mo files compiled by the build hook (pip install -e . or a wheel)"),
                )
            ],
        )


@functools.cache
def _catalog_exists(lang: str) -> bool:
    """Whether ``lang`` needs no catalog (English) or its compiled one is installed (checked once)."""
    path = _lang.catalog_path(lang)
    return path is None or path.is_file()
