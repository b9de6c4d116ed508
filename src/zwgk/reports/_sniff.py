"""What a report file is, told from its content (never its name), and its text decoded.

Government sites serve report pages as ``.shtml``, ``.jsp``, ``.aspx``, ``.htm`` or with no
suffix at all, and attachments saved under the wrong one; so the first bytes decide:

=============================  ==========================================================
``%PDF-`` (first 1 KiB)        ``"pdf"``
zip with ``word/``             ``"docx"``
zip with ``xl/``               ``"xlsx"``
OLE2 (``D0 CF 11 E0 …``)       ``"xls"`` (a ``Workbook`` stream) or ``"doc"`` (``WordDocument``)
text starting with ``{``       ``"json"``
text with HTML markup          ``"html"``
other text                     ``"text"`` (a copy of a report without tables: the 2008 format)
=============================  ==========================================================

Text is decoded from its byte-order mark, else as UTF-8, else in the ``<meta charset>`` the
page declares (``gb2312`` and ``gbk`` are read as their superset GB18030), else GB18030.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from types import MappingProxyType

from zwgk._i18n import N_, gettext
from zwgk.errors import DataFileError, Problem

__all__ = ["KINDS", "decode_json", "decode_text", "refuse", "sniff"]

KINDS = ("html", "json", "pdf", "docx", "xlsx", "xls", "text")
"""The kinds of file a report is read from."""

_OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP = b"PK\x03\x04"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SUPERSETS = MappingProxyType({"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"})
_MARKUP = re.compile(r"<\s*(?:!doctype|html|head|body|table|meta|div|p|tr|td)\b", re.IGNORECASE)
EXPECTED = N_("an annual report as HTML, JSON, PDF (with a text layer), DOCX, XLSX or XLS")


def refuse(source: str, message: str, value: object = None, expected: str | None = None) -> DataFileError:
    """The error for a report file whose content zwgk refuses to read (one message per case;
    ``message`` and ``expected`` already worded, ``expected`` by default `EXPECTED`)."""
    wanted = gettext(EXPECTED) if expected is None else expected
    return DataFileError(source, [Problem(source, message, "content", value, wanted)])


def _zip_kind(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise refuse(
            source, gettext("a damaged zip file ({error})").format(error=type(exc).__name__)
        ) from None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    problem = gettext("a zip file that is neither a Word (DOCX) nor an Excel (XLSX) document")
    raise refuse(source, problem, names[:5])


def _ole2_kind(data: bytes, source: str) -> str:
    # The directory entries name the streams in UTF-16LE: Excel's Workbook (or Book, Excel 5),
    # Word's WordDocument.
    if "WordDocument".encode("utf-16-le") in data:
        raise refuse(
            source,
            gettext(
                "a legacy Word document (.doc), which zwgk does not read; "
                "save it as DOCX or PDF and read that"
            ),
            expected=gettext("DOCX or PDF"),
        )
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return "xls"
    raise refuse(
        source, gettext("a legacy Office (OLE2) file that is neither an Excel workbook nor a Word document")
    )


def sniff(data: bytes, source: str) -> str:
    """The kind of a report file (one of `KINDS`) from its first bytes.

    Raises:
        DataFileError: a legacy Word ``.doc`` (save it as DOCX or PDF), an empty file, or a
            zip or OLE2 file of another kind.
    """
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        return _zip_kind(data, source)
    if data.startswith(_OLE2):
        return _ole2_kind(data, source)
    if not data.strip():
        raise refuse(source, gettext("an empty file"))
    if data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] in (b"{", b"["):
        return "json"
    text = decode_text(data, source)
    if _MARKUP.search(text[:65536]):
        return "html"
    return "text"


def _declared(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    name = _SUPERSETS.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_json(data: bytes, source: str) -> str:
    """The text of a JSON report: UTF-8 only (RFC 8259), with or without a BOM.

    Raises:
        DataFileError: it is not UTF-8 text.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(
            source, gettext("not UTF-8 text"), data[:8], gettext("a JSON report saved as UTF-8 text")
        ) from None


def decode_text(data: bytes, source: str) -> str:
    """The text of an HTML or JSON report: BOM, else UTF-8, else the declared charset, else GB18030.

    Valid UTF-8 is taken as UTF-8 even when the page declares another charset (sites often
    copy a ``gb2312`` template onto UTF-8 pages; GBK text is almost never valid UTF-8).

    Raises:
        DataFileError: no encoding decodes it.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    tried = ["utf-8", _declared(data), "gb18030"]
    for encoding in dict.fromkeys(e for e in tried if e):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    problem = gettext("text in no known encoding (tried UTF-8, the declared charset, GB18030)")
    raise refuse(source, problem, data[:8])
