"""危险废物转移交接记录: the handoff record printed for signatures by the shop, the carrier and the receiver.

It records what left, in which containers, with the weighed kg and the manifest number from the national
system. It says on its face that it does not replace the electronic manifest (the client never pretends
to run the 联单).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.domain.clock import to_local
from app.domain.money import format_yuan
from app.reports.tables import Field, Section, Styles, field_grid, grid_commands, widths
from app.services.dto import ShopInfo
from app.waste.dto import Handoff
from app.waste.report_layout import Col
from app.waste.report_pdf import A4_PORTRAIT, build_pdf, table

STATUS_TEXT = {"draft": "草稿", "in_transit": "运输中", "received": "已接收", "rejected": "被拒收"}
RECEIVER_TEXT = {"licensed": "持证经营单位", "pilot": "试点收集单位", "exempt": "豁免利用单位"}


def _money(fen: int) -> str:
    if fen == 0:
        return "无"
    who = "接收方支付给本单位" if fen > 0 else "本单位支付给接收方"
    return f"{who} {format_yuan(abs(fen))} 元"


LINE_COLUMNS = [
    Col("序号", 3, lambda x: str(x.seq), "center"),  # type: ignore[attr-defined]
    Col("废物名称", 10, lambda x: x.name),  # type: ignore[attr-defined]
    Col("类别", 5, lambda x: x.category),  # type: ignore[attr-defined]
    Col("代码", 8, lambda x: x.code),  # type: ignore[attr-defined]
    Col("危险特性", 5, lambda x: x.hazard),  # type: ignore[attr-defined]
    Col("容器编码", 7, lambda x: x.container_code),  # type: ignore[attr-defined]
    Col("容器类型", 10, lambda x: x.container_type),  # type: ignore[attr-defined]
    Col("数量", 5, lambda x: x.quantity, "right"),  # type: ignore[attr-defined]
    Col("单位", 4, lambda x: x.unit, "center"),  # type: ignore[attr-defined]
    Col("重量(kg)", 7, lambda x: x.weight_kg, "right"),  # type: ignore[attr-defined]
]


def _signatures(styles: Styles, width: float) -> Table:
    heads = ["移出人（本单位）经办人签字", "承运人签字", "接受人签字"]
    data = [[styles.para(h, styles.heading) for h in heads],
            ["", "", ""],
            [styles.para("日期：　　年　　月　　日") for _ in heads]]  # fmt: skip
    return Table(data, colWidths=widths(width, (1, 1, 1)), rowHeights=[None, 22 * mm, None],
                 style=TableStyle(grid_commands(styles, shaded_rows=1)))  # fmt: skip


def render_handoff_record(h: Handoff, shop: ShopInfo) -> bytes:
    departed = to_local(h.departed_at).strftime("%Y-%m-%d %H:%M") if h.departed_at else "（尚未出厂）"
    c = h.collector

    def make(styles: Styles, width: float) -> list[Flowable]:
        sections = [
            Section("移出人（产生单位）", [[Field("单位名称", shop.name), Field("统一社会信用代码", shop.credit_code)],
                                        [Field("地址", shop.address), Field("联系电话", shop.phone)]]),
            Section("接受人（利用/处置单位）", [[Field("单位名称", c.name), Field("类型", RECEIVER_TEXT.get(c.receiver_type, c.receiver_type))],
                                            [Field("许可证编号", c.licence_no), Field("有效期至", c.licence_expires.isoformat()),
                                             Field("联系人", f"{c.contact} {c.phone}".strip())]]),
            Section("承运与联单", [[Field("承运人", h.carrier_name or "—"), Field("车牌号", h.carrier_plate or "—"),
                                    Field("联单编号", h.manifest_no or "—")],
                                   [Field("出厂时间", departed), Field("状态", STATUS_TEXT.get(h.status, h.status)),
                                    Field("利用/处置方式", h.treatment or "—")],
                                   [Field("费用", _money(h.payment_fen)), Field("批次编码", "、".join(h.batch_codes) or "—")]]),
        ]  # fmt: skip
        return [
            Paragraph("危险废物转移交接记录", styles.title),
            Spacer(0, 4 * mm),
            field_grid(sections, width=width, styles=styles),
            Spacer(0, 3 * mm),
            table("转移的容器与数量", LINE_COLUMNS, list(h.lines), styles=styles, width=width, total_caption="合计",
                  total_columns=[9]),
            Spacer(0, 3 * mm),
            Paragraph("说明：本记录供三方核对签字并由本单位存档（保存不少于 10 年），不代替全国固体废物管理信息系统中的电子转移联单；"
                      "联单编号由该系统生成，本软件只录入、不生成。", styles.text),
            Spacer(0, 4 * mm),
            _signatures(styles, width),
        ]  # fmt: skip

    return build_pdf(A4_PORTRAIT, f"危险废物转移交接记录 {h.manifest_no}", shop.name,
                     f"转移记录 #{h.id} 联单 {h.manifest_no or '—'}", make, size=9)  # fmt: skip


def suggested_name(h: Handoff) -> str:
    day = to_local(h.departed_at).strftime("%Y%m%d") if h.departed_at else "草稿"
    return f"危废转移记录_{day}_{h.manifest_no or h.id}.pdf"

