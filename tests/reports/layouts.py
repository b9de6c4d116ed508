"""Report tables laid out as the formats print them, written out as HTML, DOCX, XLSX, XLS and PDF.

A layout is a list of merged blocks ``(r0, c0, r1, c1, text)`` (inclusive) on a grid; every
writer draws the same blocks, so each reader is tested on the same published shape.  The
values (:data:`VALUES3`, :data:`VALUES4`, :data:`VALUES2`) are written here by hand: a
consistent 2021-format report (一 12 + 二 1 = （七）总计 12 + 四 1; 6 + 2 + 1 + 3 = 12).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

import attrs

from zwgk.reports import TABLE3_COLUMNS, get_format, table4_layout

Block = tuple[int, int, int, int, str]

# row key -> its seven cells (自然人, 商业企业 … 其他, 总计); rows not listed are blank
VALUES3: dict[str, tuple[int | None, ...]] = {
    "new": (10, 2, None, None, None, None, 12),
    "carried_over": (1, None, None, None, None, None, 1),
    "disclosed": (5, 1, None, None, None, None, 6),
    "partially_disclosed": (2, None, None, None, None, None, 2),
    "withheld_4": (1, None, None, None, None, None, 1),
    "unavailable_1": (2, 1, None, None, None, None, 3),
    "total": (10, 2, 0, 0, 0, 0, 12),
    "carried_forward": (1, None, None, None, None, None, 1),
}
VALUES4: tuple[int | None, ...] = (1, None, None, 1, 2) + (None,) * 4 + (0,) + (None,) * 4 + (0,)
VALUES2: dict[str, int | Decimal] = {
    "regulations.issued": 0,
    "regulations.repealed": 0,
    "regulations.in_force": 3,
    "normative_documents.issued": 5,
    "normative_documents.repealed": 1,
    "normative_documents.in_force": 40,
    "licensing.decisions": 120,
    "penalties.decisions": 35,
    "enforcement_measures.decisions": 2,
    "fees.amount": Decimal("1.25"),
}


def _text(value: object) -> str:
    return "" if value is None else str(value)


@attrs.frozen
class Layout:
    rows: int
    columns: int
    blocks: tuple[Block, ...]

    def slice(self, start: int, stop: int) -> Layout:
        """Rows ``start``..``stop - 1`` as their own table (blocks cut at the edges)."""
        kept = tuple(
            (max(r0, start) - start, c0, min(r1, stop - 1) - start, c1, t)
            for r0, c0, r1, c1, t in self.blocks
            if r1 >= start and r0 < stop
        )
        return Layout(stop - start, self.columns, kept)


def table3_layout(values: dict[str, tuple[int | None, ...]] = VALUES3, fmt_id: str = "2021") -> Layout:
    """Table 3: three label columns (section / group / leaf, merged as printed) and seven numbers."""
    fmt = get_format(fmt_id)
    blocks: list[Block] = [
        (0, 0, 2, 2, ""),
        (0, 3, 0, 9, "申请人情况"),
        (1, 3, 2, 3, "自然人"),
        (1, 4, 1, 8, "法人或其他组织"),
        (1, 9, 2, 9, "总计"),
    ]
    blocks += [(2, 4 + i, 2, 4 + i, c.value) for i, c in enumerate(TABLE3_COLUMNS[1:6])]
    rows = fmt.table3_rows
    r = 3
    for i, row in enumerate(rows):
        at = r + i
        if row.group is None:
            blocks.append((at, 0, at, 2, row.section))
        else:
            if i == 0 or rows[i - 1].section != row.section:
                span = sum(1 for x in rows if x.section == row.section)
                blocks.append((at, 0, at + span - 1, 0, row.section))
            if row.label is None:
                blocks.append((at, 1, at, 2, row.group))
            else:
                if rows[i - 1].group != row.group:
                    span = sum(1 for x in rows if x.group == row.group)
                    blocks.append((at, 1, at + span - 1, 1, row.group))
                blocks.append((at, 2, at, 2, row.label))
        cells = values.get(row.key, (None,) * 7)
        blocks += [(at, 3 + c, at, 3 + c, _text(v)) for c, v in enumerate(cells)]
    return Layout(3 + len(rows), 10, tuple(blocks))


def table4_layout_blocks(values: Sequence[int | None] = VALUES4) -> Layout:
    """Table 4: 行政复议 (5 columns) and 行政诉讼 (two blocks of 5), then one row of 15 numbers."""
    blocks_, columns = table4_layout()
    labels = [label for _, label in columns]
    blocks: list[Block] = [(0, 0, 0, 4, "行政复议"), (0, 5, 0, 14, "行政诉讼")]
    blocks += [(1, i, 2, i, label) for i, label in enumerate(labels)]
    blocks += [(1, 5, 1, 9, blocks_[1][1].split("/")[-1]), (1, 10, 1, 14, blocks_[2][1].split("/")[-1])]
    blocks += [(2, 5 + i, 2, 5 + i, label) for i, label in enumerate(labels * 2)]
    blocks += [(3, i, 3, i, _text(v)) for i, v in enumerate(values)]
    return Layout(4, 15, tuple(blocks))


def table2_layout(values: dict[str, int | Decimal] = VALUES2, fmt_id: str = "2021") -> Layout:
    """Table 2: each 第二十条 block as printed, four columns wide (narrow blocks merge cells)."""
    fmt = get_format(fmt_id)
    width = 1 + max(len(b.columns) for b in fmt.table2_blocks)
    blocks: list[Block] = []
    r = 0
    for block in fmt.table2_blocks:
        blocks.append((r, 0, r, width - 1, block.block))
        r += 1
        spans = _spans(len(block.columns), width - 1)
        blocks.append((r, 0, r, 0, "信息内容"))
        blocks += [
            (r, 1 + a, r, 1 + b, label) for (a, b), (_, label) in zip(spans, block.columns, strict=True)
        ]
        r += 1
        for key, label in block.rows:
            blocks.append((r, 0, r, 0, label))
            for (a, b), (column, _) in zip(spans, block.columns, strict=True):
                blocks.append((r, 1 + a, r, 1 + b, _text(values.get(f"{key}.{column}"))))
            r += 1
    return Layout(r, width, tuple(blocks))


def _spans(n: int, width: int) -> list[tuple[int, int]]:
    if n == width:
        return [(i, i) for i in range(n)]
    return [(i, i) for i in range(n - 1)] + [(n - 1, width - 1)]


# ----------------------------------------------------------------------------- writers


def html_table(layout: Layout, attrs_: str = 'border="1"', spacer_at: int | None = None) -> str:
    starts = {(b[0], b[1]): b for b in layout.blocks}
    out = [f"<table {attrs_}>"]
    for r in range(layout.rows):
        if spacer_at == r:
            out.append('<tr height="0">' + "<td></td>" * layout.columns + "</tr>")
        cells = []
        for c in range(layout.columns):
            if (r, c) in starts:
                r0, c0, r1, c1, text = starts[(r, c)]
                cells.append(f'<td rowspan="{r1 - r0 + 1}" colspan="{c1 - c0 + 1}">{text}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def docx_bytes(paragraphs: Sequence[str], tables: Sequence[Layout | str]) -> bytes:
    """A Word document: the paragraphs, then for each item a table (a Layout) or a paragraph."""
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    for item in tables:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        table = document.add_table(rows=item.rows, cols=item.columns)
        for r0, c0, r1, c1, text in item.blocks:
            cell = table.cell(r0, c0)
            if (r1, c1) != (r0, c0):
                cell = cell.merge(table.cell(r1, c1))
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(title: str, tables: Sequence[Layout]) -> bytes:
    """One sheet: the title, then each table after a blank row, merged cells as printed."""
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = title
    top = 3
    for layout in tables:
        for r0, c0, r1, c1, text in layout.blocks:
            value: object = int(text) if text.isdigit() else (float(text) if "." in text else text)
            ws.cell(top + r0, 1 + c0, value if text else None)
            if (r1, c1) != (r0, c0):
                ws.merge_cells(start_row=top + r0, start_column=1 + c0, end_row=top + r1, end_column=1 + c1)
        top += layout.rows + 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls_bytes(title: str, tables: Sequence[Layout]) -> bytes:
    """The same sheet as :func:`xlsx_bytes`, as a legacy .xls (xlwt)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("报告")
    ws.write(0, 0, title)
    top = 2
    for layout in tables:
        for r0, c0, r1, c1, text in layout.blocks:
            value: object = int(text) if text.isdigit() else text
            if (r1, c1) != (r0, c0):
                ws.write_merge(top + r0, top + r1, c0, c1, value)
            else:
                ws.write(top + r0, c0, value)
        top += layout.rows + 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf_bytes(
    paragraphs: Sequence[str], tables: Sequence[Layout], *, break_before: int | None = None
) -> bytes:
    """A PDF with a text layer (reportlab's built-in CJK font STSong-Light: no font file needed).

    ``break_before``: the row of the first table before which a page break splits it.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=9, leading=12)
    story: list[object] = [Paragraph(p, style) for p in paragraphs]
    parts: list[Layout] = []
    for i, layout in enumerate(tables):
        if i == 0 and break_before is not None:
            parts += [layout.slice(0, break_before), layout.slice(break_before, layout.rows)]
        else:
            parts.append(layout)
    for i, layout in enumerate(parts):
        data = [[""] * layout.columns for _ in range(layout.rows)]
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), "STSong-Light", 7),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]
        for r0, c0, r1, c1, text in layout.blocks:
            data[r0][c0] = text
            if (r1, c1) != (r0, c0):
                commands.append(("SPAN", (c0, r0), (c1, r1)))
        story.append(Table(data, style=TableStyle(commands)))
        if break_before is not None and i == 0:
            story.append(PageBreak())
        else:
            story.append(Paragraph(" ", style))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(story)
    return out.getvalue()
