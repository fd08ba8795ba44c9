"""The bottom of the settlement list: totals with the 大写, old parts, notes, signatures and rating QR.

Kept apart from :mod:`app.reports.settlement_blocks` (the top half) to keep both modules short. As
there, amounts are the DTO's own fen values; only 实收金额 is derived, from the payments, because the
DTO has no field for it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.domain.money import chinese_capitals, format_yuan
from app.domain.workorder import OLD_PARTS, PAYMENT_METHODS
from app.reports.qr import QrCode
from app.reports.settlement_blocks import ListContext
from app.reports.tables import grid_commands, widths

QR_SIZE = 21 * mm  # ≥ 20 mm keeps a 100-character URL scannable from a cheap phone (checked at 180 dpi)


# -------------------------------------------------------------------------------------------- totals


def totals(ctx: ListContext) -> Table:
    """Fee totals, discount, amount due with its 大写, amount received, payment methods, old parts."""
    order, st = ctx.order, ctx.styles
    tot = order.totals
    money = st.right

    def cap(key: str) -> Flowable:
        return st.para(ctx.t(key), st.center)

    data: list[list[Any]] = [
        [
            cap("labour_fee"),
            st.para(format_yuan(tot.labour_fen), money),
            cap("parts_fee"),
            st.para(format_yuan(tot.parts_fen), money),
            cap("other_fee"),
            st.para(format_yuan(tot.other_fen), money),
        ],
        [cap("gross"), st.para(format_yuan(tot.gross_fen), money), "", "", "", ""],
    ]
    commands: list[tuple] = []
    if tot.discount_fen > 0:
        data[1][2:4] = [cap("discount"), st.para(format_yuan(-tot.discount_fen), money)]
        commands.append(("SPAN", (4, 1), (5, 1)))
    else:
        commands.append(("SPAN", (2, 1), (5, 1)))
    data.append(
        [
            cap("due"),
            st.para(format_yuan(tot.due_fen, symbol=True), st.strong_right),
            cap("in_words"),
            st.para(chinese_capitals(tot.due_fen), st.strong),
            "",
            "",
        ]
    )
    # 挂账 (on account) is listed among the payments but is not money received.
    received = [p for p in order.payments if p.method != "credit"]
    paid = format_yuan(sum(p.amount_fen for p in received), symbol=True) if order.payments else ""
    methods = "；".join(
        f"{ctx.label(PAYMENT_METHODS, p.method)} {format_yuan(p.amount_fen)}" for p in order.payments
    )
    data.append([cap("paid"), st.para(paid, money), cap("payment"), st.para(methods), "", ""])
    old_parts = st.ticks([(ctx.label(OLD_PARTS, code), order.old_parts == code) for code in OLD_PARTS])
    data.append([cap("old_parts"), old_parts, "", "", "", ""])
    commands += [("SPAN", (3, 2), (5, 2)), ("SPAN", (3, 3), (5, 3)), ("SPAN", (1, 4), (5, 4))]
    table = Table(data, colWidths=widths(ctx.width, (13, 20, 13, 20, 14, 20)))
    table.setStyle(TableStyle(grid_commands(st) + commands))
    return table


# ------------------------------------------------------------------------------ notes and signatures


def warranty_lines(ctx: ListContext) -> list[str]:
    """The warranty sentence(s): days and/or km (whichever first), the free text, or the legal default."""
    order = ctx.order
    lines: list[str] = []
    if order.warranty_days is not None and order.warranty_km is not None:
        lines.append(ctx.t("warranty_both", days=order.warranty_days, km=f"{order.warranty_km:,}"))
    elif order.warranty_days is not None:
        lines.append(ctx.t("warranty_days", days=order.warranty_days))
    elif order.warranty_km is not None:
        lines.append(ctx.t("warranty_km", km=f"{order.warranty_km:,}"))
    if order.warranty_text:
        lines.append(ctx.t("warranty_text", text=order.warranty_text))
    return lines or [ctx.t("warranty_default")]


def notes(ctx: ListContext) -> Table:
    """The notes of §7 item 10: two copies, signing, customer-supplied parts, warranty, remarks."""
    st = ctx.styles
    items = [ctx.t("note_copies"), ctx.t("note_effect"), ctx.t("note_own_parts"), *warranty_lines(ctx)]
    if ctx.order.notes:
        items.append(ctx.t("remarks", text=ctx.order.notes))
    # Run on, as in the small print of a paper form: one item per line would push the signatures of
    # an ordinary order onto a second page.
    # A no-break space keeps "3." on the same line as its item.
    sep = "  " if ctx.lang == "en" else "　"
    numbered = sep.join(f"{i}.\u00a0{item}" for i, item in enumerate(items, start=1))
    table = Table([[st.para(f"{ctx.t('notes')}{ctx.colon}{numbered}")]], colWidths=[ctx.width])
    table.setStyle(TableStyle(grid_commands(st)))
    return table


def signatures(ctx: ListContext) -> Table:
    """Room for the shop's stamp and the customer's signature with date lines; the rating QR beside them.

    The QR code sits in this row (not by the notes) because the stamp needs the height anyway; with
    no rating URL the row simply has no third cell, rather than an empty box.
    """
    st = ctx.styles

    def block(key: str) -> list[Flowable]:
        return [st.para(ctx.t(key)), Spacer(1, 10 * mm), st.para(ctx.t("sign_date"))]

    row: list[Any] = [block("shop_sign"), block("customer_sign")]
    col_widths = widths(ctx.width, (1, 1))
    url = ctx.shop.rating_url.strip()
    if url:
        qr_width = QR_SIZE + 10 * mm
        row.append([QrCode(url, QR_SIZE), st.para(ctx.t("rating_caption"), st.center)])
        col_widths = [*widths(ctx.width - qr_width, (1, 1)), qr_width]
    table = Table([row], colWidths=col_widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
            ]
        )
    )
    return table
