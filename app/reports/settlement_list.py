"""机动车维修费用结算清单 (JT/T 1133-2017 Annex A) as a PDF, for A4 or the 241 mm continuous form.

The list is what the customer signs and takes home, so it prints the settled DTO exactly as it is (no
totals recomputed), embeds its font (a shop PC may have none), and gets a file name a person can find
again: settlement number + plate. Unsettled orders print as a clearly marked preview without a number.
"""

from __future__ import annotations

import io
import re

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, KeepTogether, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import Flowable

from app.domain.workorder import State
from app.reports.fonts import using_cjk_font
from app.reports.labels import text
from app.reports.pages import PageMarks, Paper, draw_watermark, numbered_canvas, paper_for
from app.reports.settlement_blocks import (
    ListContext,
    fees_table,
    header,
    is_settled,
    labour_table,
    parties_and_job,
    parts_table,
)
from app.reports.settlement_closing import notes, signatures, totals
from app.reports.tables import make_styles
from app.services.dto import ShopInfo, WorkOrderDetail

__all__ = ["render_settlement_list", "suggested_filename"]

_GAP = 2.5 * mm


def _lang(lang: str) -> str:
    return "en" if lang.startswith("en") else "zh_CN"


def render_settlement_list(
    order: WorkOrderDetail, shop: ShopInfo, *, paper: str = "a4", lang: str = "zh_CN"
) -> bytes:
    """The settlement list of ``order`` as PDF bytes.

    ``paper`` is "a4" (210 mm portrait) or "continuous" (241 mm × 11 in multi-part form for dot-matrix
    printers); ``lang`` is "zh_CN" or "en". Raises ``report.bad_paper`` or ``report.font_missing``.
    """
    sheet = paper_for(paper)
    with using_cjk_font() as font:
        ctx = ListContext(
            order=order,
            shop=shop,
            lang=_lang(lang),
            styles=make_styles(font, shading=sheet.shading),
            width=sheet.frame_width,
        )
        return _build(ctx, sheet)


def _build(ctx: ListContext, sheet: Paper) -> bytes:
    order = ctx.order
    marks = _page_marks(ctx)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(sheet.width, sheet.height),
        leftMargin=sheet.margin_x,
        rightMargin=sheet.margin_x,
        topMargin=sheet.margin_top,
        bottomMargin=sheet.margin_bottom,
        title=f"{ctx.t('title')} {order.costlistcode if is_settled(order) else ctx.t('preview')}",
        author=ctx.shop.name,
        subject=f"{order.vehicle.plate} {order.order_no}",
        creator="Banshou",
        invariant=True,  # same input → same bytes: reprints and tests can compare files
    )

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        draw_watermark(canvas, marks, sheet)

    doc.build(
        _story(ctx), onFirstPage=on_page, onLaterPages=on_page, canvasmaker=numbered_canvas(marks, sheet)
    )
    return buffer.getvalue()


def _story(ctx: ListContext) -> list[Flowable]:
    gap = Spacer(1, _GAP)
    closing = KeepTogether([totals(ctx), gap, notes(ctx), gap, signatures(ctx)])
    return [
        header(ctx),
        gap,
        parties_and_job(ctx),
        gap,
        labour_table(ctx),
        gap,
        parts_table(ctx),
        gap,
        fees_table(ctx),
        gap,
        closing,
    ]


def _page_marks(ctx: ListContext) -> PageMarks:
    order = ctx.order
    number = order.costlistcode if is_settled(order) else ctx.t("preview")
    if order.state == State.CANCELLED:
        watermark = ctx.t("watermark_cancelled")
    elif not is_settled(order):
        watermark = ctx.t("watermark_preview")
    elif order.superseded:
        watermark = ctx.t("watermark_superseded")
    else:
        watermark = ""
    return PageMarks(
        font=ctx.styles.font,
        footer_left=f"{ctx.t('list_no')}{ctx.colon}{number}",
        footer_right=f"{ctx.t('plate')}{ctx.colon}{order.vehicle.plate}",
        page_label=lambda page, pages: ctx.t("page", page=page, pages=pages),
        watermark=watermark,
    )


# ------------------------------------------------------------------------------------------ file name

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def _safe(part: str) -> str:
    """Characters Windows forbids in file names become "-"; runs of whitespace become one "_"."""
    return re.sub(r"\s+", "_", _UNSAFE.sub("-", part.strip()))


def suggested_filename(order: WorkOrderDetail, *, lang: str = "zh_CN") -> str:
    """E.g. "结算清单_SH01-20261126-0003_沪A12345.pdf", or "预览_<order no>_<plate>.pdf" when unsettled.

    A correction gets its revision ("…_第2版") so saving it never overwrites the original list.
    """
    lang = _lang(lang)
    if is_settled(order):
        parts = [text("file_settled", lang), order.costlistcode or ""]
    else:
        parts = [text("file_preview", lang), order.order_no]
    parts.append(order.vehicle.plate or order.vehicle.vin)
    if order.revision > 1:
        parts.append(text("file_revision", lang, n=order.revision))
    name = "_".join(p for p in (_safe(p) for p in parts) if p)
    return name.rstrip(". ")[:150] + ".pdf"
