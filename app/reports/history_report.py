"""机动车维修履历: a vehicle's repair history at this shop as a PDF (A4 portrait), for the owner or
de-identified for a used-car buyer or an export certificate.

Built from :class:`~app.owner_services.history.VehicleHistory` alone (no database), with the shared table
helpers and page footer; the verification code is printed in the body and in every page's footer, so a
single page shown on its own can still be checked. The de-identified form states what was removed,
because a reader must know the blanks are deliberate.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.domain.workorder import PART_CATEGORIES, REPAIR_CATEGORIES, VEHICLE_TYPES, label
from app.owner_services import deidentify as di
from app.owner_services.history import DEIDENTIFIED, IssuedHistory, VehicleHistory
from app.reports.pages import paper_for
from app.reports.tables import Column, Field, Section, Styles, Subtotal, field_grid, line_table
from app.waste.report_pdf import build_pdf

TITLE = "机动车维修履历"
SUBTITLE = {"full": "（车主版）", DEIDENTIFIED: "（去隐私版 · 供二手车交易或出口证明使用）"}
REMOVED_TEXT = {
    di.REMOVED_OWNER_NAME: "机动车所有人姓名",
    di.REMOVED_OWNER_PHONE: "联系电话",
    di.REMOVED_PLATE: "车牌号码已部分遮盖（仅保留省份简称、发牌机关代号和末两位）",
    di.REMOVED_FREE_TEXT: "故障描述、维修项目和配件名称中出现的电话号码及人名已以“***”遮盖",
}
SCOPE_NOTE = "本履历仅包括在本店结算的维修记录（更正过的以最新版本为准），不含费用金额，不代表车辆的全部维修情况。"


def km(value: int | None) -> str:
    """45678 → "45,678"; empty when no reading was taken."""
    return f"{value:,}" if value is not None else ""


def title_block(styles: Styles, title: str, subtitle: str) -> list[Flowable]:
    """The centred title with its subtitle, shared by the owner-service documents."""
    return [
        Paragraph(title, styles.title),
        Spacer(0, 1.5 * mm),
        Paragraph(subtitle, styles.center),
        Spacer(0, 3 * mm),
    ]


def _parts(h: VehicleHistory, index: int) -> str:
    return "\n".join(
        f"{p.name} {p.quantity.normalize():f}{p.unit}（{label(PART_CATEGORIES, p.category)}）"
        for p in h.visits[index].parts
    )


def _story(doc: IssuedHistory, styles: Styles, width: float) -> list[Flowable]:
    h = doc.history
    removed = set(h.removed)
    owner = "（已删除）" if di.REMOVED_OWNER_NAME in removed else h.owner_name
    phone = "（已删除）" if di.REMOVED_OWNER_PHONE in removed else h.owner_phone
    grid = field_grid(
        [
            Section(
                "车辆信息",
                [
                    [Field("车牌号码", h.plate), Field("车辆识别代码", h.vin)],
                    [Field("品牌型号", h.brand_model), Field("车辆类型", label(VEHICLE_TYPES, h.vehicle_type))],
                    [Field("机动车所有人", owner), Field("联系电话", phone)],
                ],
            ),
            Section(
                "出具单位",
                [
                    [Field("维修企业名称", h.shop_name), Field("统一社会信用代码", h.shop_credit_code)],
                    [Field("联系电话", h.shop_phone), Field("出具日期", h.issued_on.isoformat())],
                ],
            ),
        ],
        width=width,
        styles=styles,
    )
    columns = [
        Column("序号", 5, "center"),
        Column("结算日期", 10, "center"),
        Column("结算清单编号", 17),
        Column("里程(km)", 9, "right"),
        Column("维修类别", 8, "center"),
        Column("故障描述 / 维修项目", 26),
        Column("更换配件（配件类型）", 25),
    ]
    rows = [
        [
            str(i),
            v.settled_on.isoformat(),
            v.costlistcode,
            km(v.mileage),
            label(REPAIR_CATEGORIES, v.repair_category),
            "\n".join([f"故障：{v.fault}" if v.fault else "", *v.work]).strip(),
            _parts(h, i - 1),
        ]
        for i, v in enumerate(h.visits, start=1)
    ]
    visits = line_table(
        "维修记录",
        columns,
        rows,
        width=width,
        styles=styles,
        subtotal=Subtotal("合计", f"共 {len(h.visits)} 次", 1),
        empty="本店没有该车的结算记录",
    )
    notes = [Paragraph(SCOPE_NOTE, styles.text)]
    if h.form == DEIDENTIFIED:
        items = "；".join(REMOVED_TEXT[r] for r in h.removed if r in REMOVED_TEXT)
        notes.insert(0, Paragraph(f"去隐私说明：本版本已删除{items}。", styles.strong))
    verify = Paragraph(
        f"验证码：{doc.code}<br/>核验方式：向出具单位（电话 {h.shop_phone}）报出验证码，出具单位可调出签发时登记的内容"
        "（车辆识别代码、维修次数、各结算清单编号、最后一次里程）与本文件逐项核对。验证码按文件内容计算，内容被改动后将无法对应。",
        styles.text,
    )
    return [
        *title_block(styles, TITLE, SUBTITLE.get(h.form, "")),
        grid,
        Spacer(0, 3 * mm),
        visits,
        Spacer(0, 3 * mm),
        KeepTogether([*notes, Spacer(0, 2 * mm), verify]),
    ]


def render_history(doc: IssuedHistory) -> bytes:
    """The history document as PDF bytes (built under the CJK font lock by the shared builder)."""
    h = doc.history
    return build_pdf(
        paper_for("a4"),
        f"{TITLE}{SUBTITLE.get(h.form, '')} {h.plate}",
        h.shop_name,
        f"{TITLE}　验证码 {doc.code}",
        lambda styles, width: _story(doc, styles, width),
        size=8.5,
    )


def suggested_name(doc: IssuedHistory) -> str:
    """E.g. "维修履历_去隐私版_LSVAM4187C2184847_20261126.pdf" (VIN: the plate may be masked)."""
    h = doc.history
    form = "去隐私版" if h.form == DEIDENTIFIED else "车主版"
    return f"维修履历_{form}_{h.vin}_{h.issued_on:%Y%m%d}.pdf"
