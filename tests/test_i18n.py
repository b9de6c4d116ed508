"""The message catalogs (issue 13): every message zwgk can show has a reviewed Chinese text.

The messages are extracted from ``src/`` with Babel exactly as ``pybabel extract`` does
(``babel.cfg``, the keywords below, as in docs/explanation/languages.md) and compared with
``zwgk/locale/zh_CN/LC_MESSAGES/zwgk.po``: a message missing there, with an empty text or
marked fuzzy fails, and so does a template (``zwgk.pot``) that lags behind the code.
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from zwgk import _lang
from zwgk._i18n import Message, format_date, format_number, gettext, msg, msg_n, ngettext

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "zwgk" / "locale"
PO = LOCALE / "zh_CN" / "LC_MESSAGES" / "zwgk.po"
POT = LOCALE / "zwgk.pot"
# pybabel extract -k N_ -k msg -k msg_n:1,2 (gettext, ngettext and _ are Babel's defaults).
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "msg": None, "msg_n": (1, 2)}
# Fields a translation may use beyond its msgid's: the regime's Chinese short name (《…》（2008年施行）),
# which the English text replaces by its instrument.
EXTRA_FIELDS = {
    "the Regulations ({instrument})": {"short"},
    "the Regulations on Open Government Information ({instrument}, in force from {day})": {"short"},
}


def _method_map() -> list[tuple[str, str]]:
    pairs = re.findall(r"^\[(\w+):\s*(\S+)\]", (ROOT / "babel.cfg").read_text(encoding="utf-8"), re.M)
    return [(pattern, method) for method, pattern in pairs]


def _extracted() -> set[str | tuple[str, str]]:
    found: set[str | tuple[str, str]] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "src"),
        method_map=_method_map(),
        keywords=KEYWORDS,
        comment_tags=(),
        directory_filter=lambda d: not os.path.basename(d).startswith(".") and "__pycache__" not in d,
    ):
        if isinstance(message, tuple):
            if message[0]:
                found.add((message[0], message[1]))
        elif message:
            found.add(message)
    return found


EXTRACTED = _extracted()


def _read(path: Path) -> Catalog:
    with path.open("rb") as f:
        return read_po(f)


def _key(m: object) -> str | tuple[str, str]:
    mid = m.id  # type: ignore[attr-defined]
    return (mid[0], mid[1]) if isinstance(mid, tuple) else mid


_PERCENT = re.compile(r"%(?:\((\w+)\))?[rsd]")


def _fields(text: str) -> set[str]:
    """The ``{name}`` fields of a text, or for argparse's %-texts its ``%(name)s``/``%s`` fields."""
    if _PERCENT.search(text) and "{" not in text:
        return {f"%{m.group(1) or ''}" for m in _PERCENT.finditer(text)}
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_extraction_finds_the_clock_and_the_errors() -> None:
    assert "request received" in EXTRACTED
    assert ("{n} working day", "{n} working days") in EXTRACTED
    assert "consultation ended but none was started" in EXTRACTED  # zwgk.errors
    assert "zwgk: error: {message}" in EXTRACTED  # zwgk._cli (a directory starting with _)


def test_every_message_has_a_reviewed_chinese_text() -> None:
    catalog = {_key(m): m for m in _read(PO) if m.id}
    missing = sorted(map(str, EXTRACTED - set(catalog)))
    empty = sorted(
        str(k)
        for k in EXTRACTED & set(catalog)
        if not all(catalog[k].string if isinstance(catalog[k].string, tuple) else [catalog[k].string])
    )
    fuzzy = sorted(str(k) for k in EXTRACTED & set(catalog) if catalog[k].fuzzy)
    assert not missing, f"messages with no zh_CN entry (pybabel update, then translate): {missing}"
    assert not empty, f"messages with an empty zh_CN text: {empty}"
    assert not fuzzy, f"fuzzy zh_CN entries (review them, then remove the flag): {fuzzy}"


def test_translations_use_only_the_fields_their_message_has() -> None:
    wrong = []
    for m in _read(PO):
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        texts = m.string if isinstance(m.string, tuple) else (m.string,)
        allowed = set().union(*map(_fields, ids)) | EXTRA_FIELDS.get(ids[0], set())
        wrong.extend(f"{ids[0]!r}: {t!r}" for t in texts if not _fields(t) <= allowed)
        if any(f.startswith("%") for f in allowed):  # %-formatting fails on a field left out
            wrong.extend(f"{ids[0]!r}: {t!r}" for t in texts if _fields(t) != allowed)
    assert not wrong, "translations naming fields the message does not pass:\n" + "\n".join(wrong)


def test_the_template_is_up_to_date() -> None:
    template = {_key(m) for m in _read(POT) if m.id}
    assert template == EXTRACTED, (
        f"zwgk.pot lags behind the code (pybabel extract): new {sorted(map(str, EXTRACTED - template))}, "
        f"gone {sorted(map(str, template - EXTRACTED))}"
    )


def test_the_compiled_catalog_is_installed() -> None:
    path = _lang.catalog_path("zh")
    assert path is not None
    assert path.is_file(), "run pip install -e . (hatch_build.py compiles the catalogs)"
    assert gettext("request received", "zh") == "收到申请"
    assert ngettext("{n} working day", "{n} working days", 3, "zh") == "{n}个工作日"
    assert gettext("request received", "en") == "request received"


def test_the_scan_test_would_fail_on_an_untranslated_message(tmp_path: Path) -> None:
    # The comparison itself, on a catalog lacking one message and fuzzy on another.
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        '#, fuzzy\nmsgid "request received"\nmsgstr "收到申请"\n',
        encoding="utf-8",
    )
    catalog = {_key(m): m for m in _read(po) if m.id}
    assert EXTRACTED - set(catalog)
    assert catalog["request received"].fuzzy


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_messages_word_dates_iso_and_numbers_plain(lang: str) -> None:
    import datetime as dt
    from decimal import Decimal

    day = dt.date(2026, 10, 9)
    assert format_date(day) == "2026-10-09"
    assert format_number(1234) == "1234"
    assert format_number(Decimal("0.50")) == "0.50"
    assert format_number(Decimal("2E+1")) == "20"
    m = msg_n("{n} working day", "{n} working days", "n", n=1)
    assert m.render(lang) == {"zh": "1个工作日", "en": "1 working day"}[lang]  # type: ignore[arg-type]
    nested = msg("due date set to {day}{rolled}", day=day, rolled="")
    assert nested.render(lang).count("2026-10-09") == 1  # type: ignore[arg-type]
    assert isinstance(nested, Message)
    assert nested == msg("due date set to {day}{rolled}", day=day, rolled="")  # value equality


def test_errors_word_marked_expected_texts_when_raised() -> None:
    """``expected`` of InvalidInputError/InvalidTypeError and a Problem's message/expected, marked
    with ``N_`` where they are written, are worded in the language current when shown."""
    import zwgk
    from zwgk.errors import InvalidInputError, InvalidTypeError, Problem

    with zwgk.language("zh"):
        assert str(InvalidInputError("factor", 0, "a number above 1")) == "factor：收到0；应为大于 1 的数"
        assert "应为大于 1 的数" in str(InvalidTypeError("factor", "x", "a number above 1"))
        shown = str(Problem("fees.toml", "missing or malformed", "effective", None, "a TOML date"))
        assert "缺失或格式有误" in shown
        assert "TOML 日期" in shown
        assert str(Problem("x", "", None, None, None)) == "x："  # an empty message is not the catalog header
    english = str(InvalidInputError("factor", 0, "a number above 1"))
    assert english == "factor: got 0; expected a number above 1"
