"""Minimal ``.xlsx`` files written part by part, so each hostile feature is exactly what the test says.

A workbook here is the five parts Excel needs to find a sheet: ``[Content_Types].xml``,
``_rels/.rels``, ``xl/workbook.xml``, ``xl/_rels/workbook.xml.rels`` and one
``xl/worksheets/sheet1.xml`` (plus ``xl/sharedStrings.xml`` when given).
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["MAIN", "sheet_xml", "workbook_bytes"]

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)


def sheet_xml(cells: str = "", *, dimension: str | None = None, merged: tuple[str, ...] = ()) -> str:
    """A worksheet part: ``cells`` is the ``<row>`` markup inside ``<sheetData>``."""
    head = f'<dimension ref="{dimension}"/>' if dimension else ""
    merges = ""
    if merged:
        merges = f'<mergeCells count="{len(merged)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merged)
        merges += "</mergeCells>"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">{head}'
        f"<sheetData>{cells}</sheetData>{merges}</worksheet>"
    )


def workbook_bytes(
    sheet: str | None = None,
    *,
    shared_strings: str | bytes | None = None,
    extra: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """An ``.xlsx`` with one sheet ``Sheet1`` whose part is ``sheet`` (an empty sheet by default)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet if sheet is not None else sheet_xml())
        if shared_strings is not None:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --------------------------------------------------------------------------- shared hostile parts
# Used by test_xlsx_guard (the guard alone) and test_hostile_readers (every reader).

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + f']><sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'
)
"""Shared strings with the "billion laughs" entities (10⁹ ``lol`` if expanded)."""

XXE = (
    '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c>'
    "</row></sheetData></worksheet>"
)
"""A worksheet whose only cell is an external entity (XXE)."""

BOMB_STRINGS = f'<sst xmlns="{MAIN}">' + "<si><t>a</t></si>" * 400_000 + "</sst>"
"""7 MB of shared strings that deflate about 400 times: a zip bomb's ratio."""


def row_xml(number: int, cells: str) -> str:
    """One ``<row r=number>`` of ``cells`` markup."""
    return f'<row r="{number}">{cells}</row>'


def _letters(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_rows(rows: list[list[str]], *, first: int = 1) -> str:
    """``<row>`` markup of inline-string cells (``A1``, ``B1`` …), one row per list, from row ``first``."""
    out = []
    for r, values in enumerate(rows, start=first):
        cells = "".join(
            f'<c r="{_letters(c)}{r}" t="inlineStr"><is><t xml:space="preserve">{_escape(v)}</t></is></c>'
            for c, v in enumerate(values, start=1)
            if v
        )
        out.append(row_xml(r, cells))
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
