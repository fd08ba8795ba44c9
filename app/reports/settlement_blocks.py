"""The top of the JT/T 1133 settlement list (ehr-protocol.md §7): header, parties and job, line tables.

Every amount comes straight from the DTO's fen values (line amounts, subtotals, totals): the list must
agree to the fen with what was settled and uploaded, so nothing is added up again here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from reportlab.platypus import Table, TableStyle

from app.domain.clock import to_local
from app.domain.money import format_yuan
from app.domain.workorder import (
    LABOUR_STANDARDS,
    PART_CATEGORIES,
    REPAIR_CATEGORIES,
    VEHICLE_TYPES,
    State,
    label,
)
from app.reports.labels import LABELS, text
from app.reports.tables import (
    Column,
    Field,
    Section,
    Styles,
    Subtotal,
    field_grid,
    line_table,
    widths,
)
from app.services.dto import ShopInfo, WorkOrderDetail


def is_settled(order: WorkOrderDetail) -> bool:
    """Only a settled order with its number is a real list; anything else prints as a preview."""
    return order.state == State.SETTLED and bool(order.costlistcode)


@dataclass(frozen=True)
class ListContext:
    """What every block needs: the order, the shop, the language, the styles and the frame width."""

    order: WorkOrderDetail
    shop: ShopInfo
    lang: str
    styles: Styles
    width: float

    def t(self, key: str, **params: Any) -> str:
        return text(key, self.lang, **params)

    def label(self, table: dict[str, tuple[str, str]], code: str) -> str:
        return label(table, code, self.lang)

    @property
    def colon(self) -> str:
        return ": " if self.lang == "en" else "："


# ------------------------------------------------------------------------------------------ formatting


def _date(moment: datetime | None) -> str:
    return to_local(moment).strftime("%Y-%m-%d") if moment else ""


def _km(value: int | None) -> str:
    return f"{value:,} km" if value is not None else ""


def _hours(value: Decimal) -> str:
    return f"{value:.1f}"


def _quantity(value: Decimal, unit: str) -> str:
    number = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{number} {unit}".strip()


def _joined(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


# -------------------------------------------------------------------------------------------- header


def header(ctx: ListContext) -> Table:
    """Title in the middle, the list number (or the preview mark) top right, the work order top left."""
    order, st = ctx.order, ctx.styles
    shown = order.costlistcode if is_settled(order) else ctx.t("preview")
    number = [st.para(ctx.t("list_no"), st.right), st.para(shown or "", st.strong_right)]
    if order.revision > 1:
        number.append(st.para(ctx.t("revision", n=order.revision), st.right))
    left = [st.para(ctx.t("order_no")), st.para(order.order_no)]
    title = st.title
    if ctx.lang == "en":  # the English title is twice as long; keep it on one line
        title = title.clone("title_en", fontSize=title.fontSize * 0.7, leading=title.leading * 0.7)
    table = Table(
        [[left, st.para(ctx.t("title"), title), number]],
        colWidths=widths(ctx.width, (24, 52, 24)),
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
            ]
        )
    )
    return table


# ------------------------------------------------------------------------------------- field blocks


def parties_and_job(ctx: ListContext) -> Table:
    """Owner and vehicle, shop, and job facts in one grid so the columns line up down the page."""
    order, vehicle, shop, st = ctx.order, ctx.order.vehicle, ctx.shop, ctx.styles
    bringer = order.bringer_name
    if order.bringer_phone and order.bringer_phone != vehicle.owner_phone:
        bringer = f"{bringer}  {order.bringer_phone}".strip()
    standard = st.ticks(
        [(_standard_caption(ctx, code), order.labour_standard == code) for code in LABOUR_STANDARDS]
    )
    owner_rows = [
        [
            Field(ctx.t("owner"), vehicle.owner_name),
            Field(ctx.t("phone"), vehicle.owner_phone),
            Field(ctx.t("bringer"), bringer),
        ],
        [
            Field(ctx.t("plate"), vehicle.plate),
            Field(ctx.t("vin"), vehicle.vin),
            Field(ctx.t("engine_no"), vehicle.engine_no),
        ],
        [
            Field(ctx.t("brand_model"), vehicle.brand_model),
            Field(ctx.t("vehicle_type"), ctx.label(VEHICLE_TYPES, vehicle.vehicle_type)),
            Field(ctx.t("labour_standard"), standard),
        ],
    ]
    shop_rows = [
        [Field(ctx.t("shop_name"), shop.name, span=3), Field(ctx.t("credit_code"), shop.credit_code)],
        [
            Field(ctx.t("contact"), shop.contact),
            Field(ctx.t("phone"), shop.phone),
            Field(ctx.t("address"), shop.address),
        ],
    ]
    handed_back = order.completed_at or order.settled_at
    people = [Field(ctx.t("advisor"), order.advisor_name)]
    if order.completion_cert_no:
        people.append(Field(ctx.t("cert_no"), order.completion_cert_no))
    job_rows = [
        [
            Field(ctx.t("intake_date"), _date(order.intake_at)),
            Field(ctx.t("out_date"), _date(handed_back)),
            Field(ctx.t("settle_date"), _date(order.settled_at)),
        ],
        [
            Field(ctx.t("intake_mileage"), _km(order.intake_mileage)),
            Field(ctx.t("out_mileage"), _km(order.mileage_out)),
            Field(ctx.t("repair_category"), ctx.label(REPAIR_CATEGORIES, order.repair_category)),
        ],
        people,
        [Field(ctx.t("fault"), order.fault_description)],
    ]
    sections = [
        Section(ctx.t("sec_owner"), owner_rows),
        Section(ctx.t("sec_shop"), shop_rows),
        Section(ctx.t("sec_job"), job_rows),
    ]
    return field_grid(sections, width=ctx.width, styles=st)


def _standard_caption(ctx: ListContext, code: str) -> str:
    """ "行业" rather than "行业标准" beside the boxes, as on the paper form; unknown codes as the domain says."""
    key = f"standard_{code}"
    return ctx.t(key) if key in LABELS else ctx.label(LABOUR_STANDARDS, code)


# -------------------------------------------------------------------------------------- line tables


def labour_table(ctx: ListContext) -> Table:
    columns = [
        Column(ctx.t("col_no"), 5, "center"),
        Column(ctx.t("col_item"), 38),
        Column(ctx.t("col_hours"), 9, "right"),
        Column(ctx.t("col_rate"), 12, "right"),
        Column(ctx.t("col_labour_amount"), 12, "right"),
        Column(ctx.t("col_remark"), 22),
    ]
    rows = [
        [
            str(i),
            line.item,
            _hours(line.hours),
            format_yuan(line.rate_fen),
            format_yuan(line.amount_fen),
            _joined(line.technician_name, line.note),
        ]
        for i, line in enumerate(ctx.order.labour, start=1)
    ]
    return _lines(ctx, "sec_labour", columns, rows, ctx.order.totals.labour_fen, amount_column=4)


def parts_table(ctx: ListContext) -> Table:
    columns = [
        Column(ctx.t("col_no"), 5, "center"),
        Column(ctx.t("col_part_name"), 21),
        Column(ctx.t("col_part_code"), 14),
        Column(ctx.t("col_brand"), 9),
        Column(ctx.t("col_qty"), 9, "right"),
        Column(ctx.t("col_unit_price"), 10, "right"),
        Column(ctx.t("col_amount"), 11, "right"),
        Column(ctx.t("col_part_category"), 13, "center"),
        Column(ctx.t("col_supplied"), 10, "center"),
    ]
    rows = [
        [
            str(i),
            p.name,
            p.part_code,
            p.brand,
            _quantity(p.quantity, p.unit),
            format_yuan(p.unit_price_fen),
            format_yuan(p.amount_fen),
            ctx.label(PART_CATEGORIES, p.category),
            ctx.t("yes") if p.customer_supplied else ctx.t("no"),
        ]
        for i, p in enumerate(ctx.order.parts, start=1)
    ]
    return _lines(ctx, "sec_parts", columns, rows, ctx.order.totals.parts_fen, amount_column=6)


def fees_table(ctx: ListContext) -> Table:
    columns = [
        Column(ctx.t("col_no"), 5, "center"),
        Column(ctx.t("col_fee_name"), 71),
        Column(ctx.t("col_amount"), 24, "right"),
    ]
    rows = [[str(i), fee.name, format_yuan(fee.amount_fen)] for i, fee in enumerate(ctx.order.fees, start=1)]
    return _lines(ctx, "sec_fees", columns, rows, ctx.order.totals.other_fen, amount_column=2)


def _lines(
    ctx: ListContext,
    caption: str,
    columns: list[Column],
    rows: list[list[str]],
    subtotal_fen: int,
    *,
    amount_column: int,
) -> Table:
    """A line table whose 小计 is the DTO's subtotal, printed under the amount column."""
    subtotal = Subtotal(ctx.t("subtotal"), format_yuan(subtotal_fen), amount_column)
    return line_table(
        ctx.t(caption),
        columns,
        rows,
        width=ctx.width,
        styles=ctx.styles,
        subtotal=subtotal,
        empty=ctx.t("none"),
    )
