"""The period ledger report as a PDF (A4 landscape): the four HJ 1259 tables, the declaration figures in
tonnes and the mass-balance check, with the shared table helpers and page footer of ``app.reports``.

Every build holds :func:`~app.reports.fonts.using_cjk_font`, because reportlab's font subsetting is not
thread-safe and reports are rendered on worker threads.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from app.reports.fonts import using_cjk_font
from app.reports.pages import PageMarks, Paper, numbered_canvas
from app.reports.tables import Column, Styles, Subtotal, line_table, make_styles
from app.waste.report_data import TABLES
from app.waste.report_layout import (
    BALANCE_COLUMNS,
    DECLARATION_COLUMNS,
    DECLARATION_TOTALS,
    LEDGER_COLUMNS,
    Col,
    fmt,
    total,
)
from app.waste.reports import PeriodReport

A4_LANDSCAPE = Paper("a4-landscape", 297 * mm, 210 * mm, 10 * mm, 10 * mm, 14 * mm, shading=True)
A4_PORTRAIT = Paper("a4", 210 * mm, 297 * mm, 14 * mm, 14 * mm, 16 * mm, shading=True)


def build_pdf(paper: Paper, title: str, author: str, footer: str, make: Callable[[Styles, float], list[Flowable]],
              size: float = 7.5) -> bytes:  # fmt: skip
    """One document with the page footer ("第 N 页 共 M 页"), built under the font lock."""
    buffer = io.BytesIO()
    with using_cjk_font() as font:
        styles = make_styles(font, shading=paper.shading, size=size)
        doc = SimpleDocTemplate(
            buffer, pagesize=(paper.width, paper.height), leftMargin=paper.margin_x, rightMargin=paper.margin_x,
            topMargin=paper.margin_top, bottomMargin=paper.margin_bottom, title=title, author=author,
            creator="Banshou", invariant=True,
        )  # fmt: skip
        marks = PageMarks(font, footer, author, lambda page, pages: f"第 {page} 页 共 {pages} 页")
        doc.build(make(styles, paper.frame_width), canvasmaker=numbered_canvas(marks, paper))
    return buffer.getvalue()


def table(caption: str, columns: Sequence[Col], items: Sequence[object], *, styles: Styles, width: float,
          total_caption: str, total_columns: Sequence[int]) -> Flowable:  # fmt: skip
    """A line table of ``items``; the last of ``total_columns`` gets the total in the 合计 row."""
    cols = [Column(c.title, c.weight, c.align) for c in columns]
    values = [[c.value(item) for c in columns] for item in items]
    cells = [[fmt(v) for v in row] for row in values]
    sums = [fmt(total([row[i] for row in values])) for i in total_columns]
    subtotal = Subtotal(f"{total_caption}　" + "　".join(f"{columns[i].title} {s}" for i, s in zip(total_columns[:-1], sums, strict=False)),
                        sums[-1], total_columns[-1])  # fmt: skip
    return line_table(caption, cols, cells, width=width, styles=styles, subtotal=subtotal, empty="本期无记录")


def render_period_pdf(report: PeriodReport) -> bytes:
    def make(styles: Styles, width: float) -> list[Flowable]:
        story: list[Flowable] = [
            Paragraph("危险废物管理台账", styles.title),
            Spacer(0, 2 * mm),
            Paragraph(f"单位：{report.shop_name}　统计期间：{report.start.isoformat()} 至 {report.end.isoformat()}　"
                      f"依据：HJ 1259-2022；代码依据 {report.edition}", styles.text),
            Paragraph(report.edition_note, styles.text),
            Spacer(0, 3 * mm),
        ]
        for key, title, _stages in TABLES:
            columns = LEDGER_COLUMNS[key]
            weight = [c.title for c in columns].index("重量(kg)")
            story += [table(title, columns, report.tables[key], styles=styles, width=width, total_caption="合计",
                            total_columns=[weight]), Spacer(0, 3 * mm)]  # fmt: skip
        story += [
            table("危险废物申报汇总（吨）", DECLARATION_COLUMNS, report.declaration, styles=styles, width=width,
                  total_caption="合计", total_columns=list(DECLARATION_TOTALS)),
            Spacer(0, 3 * mm),
            table("物料平衡核对（工单更换件 ↔ 台账产生量）", BALANCE_COLUMNS, report.balance, styles=styles, width=width,
                  total_caption="差额合计", total_columns=[4]),
        ]  # fmt: skip
        return story

    return build_pdf(A4_LANDSCAPE, "危险废物管理台账", report.shop_name,
                     f"危险废物管理台账 {report.start.isoformat()}—{report.end.isoformat()}", make)  # fmt: skip
