"""机动车疑似缺陷线索报告: the flagged cases as a PDF for the manufacturer and the market regulator.

Layout: an overview table (one line per case, so a reader sees the pattern at once), the frequent
same-model same-component hints, then one detail block per case with the technician's description and
its photos. Built with the shared table helpers, page footer and font lock, from DTOs only.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table

from app.owner_services.defects import DefectView, FrequentHint
from app.reports.history_report import km, title_block
from app.reports.pages import paper_for
from app.reports.tables import Column, Field, Section, Styles, Subtotal, field_grid, line_table
from app.waste.report_pdf import build_pdf

TITLE = "机动车疑似缺陷线索报告"
PHOTO_HEIGHT = 45 * mm


def _photos(paths: Sequence[object], width: float) -> Flowable | str:
    """Up to four photos in a row, scaled to one height; a damaged file is named instead of shown."""
    cells: list[Flowable | str] = []
    for path in list(paths)[:4]:
        try:
            img = Image(str(path))
            scale = min(PHOTO_HEIGHT / img.imageHeight, (width / 4 - 4) / img.imageWidth)  # keep the aspect
            img.drawHeight, img.drawWidth = img.imageHeight * scale, img.imageWidth * scale
            cells.append(img)
        except Exception:  # reportlab raises various errors on unreadable images
            cells.append(f"（照片无法读取：{path}）")
    if not cells:
        return "无"
    return Table([cells], colWidths=[width / 4] * len(cells), hAlign="LEFT")


def _case(c: DefectView, styles: Styles, width: float) -> Flowable:
    grid = field_grid(
        [
            Section(
                f"案例 {c.id}　{c.brand_model}　{c.component}",
                [
                    [Field("发现日期", c.occurred_on.isoformat()), Field("车辆识别代码", c.vin),
                     Field("行驶里程(km)", km(c.mileage))],
                    [Field("品牌型号", c.brand_model), Field("故障部件", c.component), Field("车牌号码", c.plate)],
                    [Field("故障现象", c.symptom)],
                    [Field("技术描述", c.description or "—")],
                    [Field("检修技师", c.technician or "—"), Field("工单号", c.order_no),
                     Field("同型同部件其他案例", str(c.similar))],
                    [Field("照片", _photos(c.photos, width * 0.8))],
                ],
            )
        ],
        width=width,
        styles=styles,
    )
    return KeepTogether([grid, Spacer(0, 3 * mm)])


def _story(cases: Sequence[DefectView], hints: Sequence[FrequentHint], shop_name: str, period: str,
           styles: Styles, width: float) -> list[Flowable]:  # fmt: skip
    overview = line_table(
        "案例一览",
        [Column("编号", 5, "center"), Column("发现日期", 10, "center"), Column("品牌型号", 13),
         Column("车辆识别代码", 18), Column("里程(km)", 8, "right"), Column("故障部件", 12), Column("故障现象", 24),
         Column("照片", 5, "center")],
        [[str(c.id), c.occurred_on.isoformat(), c.brand_model, c.vin, km(c.mileage), c.component, c.symptom,
          str(len(c.photos))] for c in cases],
        width=width, styles=styles, subtotal=Subtotal("合计", f"{len(cases)} 例", 1), empty="本期没有登记缺陷线索",
    )
    story: list[Flowable] = [
        *title_block(styles, TITLE, f"报告单位：{shop_name}　期间：{period}"),
        overview,
        Spacer(0, 3 * mm),
    ]
    if hints:
        story.append(
            line_table(
                "提示：同车型、同部件多车出现",
                [Column("品牌型号", 20), Column("故障部件", 20), Column("车辆数", 8, "right"),
                 Column("案例数", 8, "right"), Column("期间", 24, "center")],
                [[h.brand_model, h.component, str(h.vehicles), str(h.cases), f"{h.first_on} 至 {h.last_on}"]
                 for h in hints],
                width=width, styles=styles, subtotal=Subtotal("合计", f"{len(hints)} 项", 1), empty="",
            )
        )
        story.append(Spacer(0, 3 * mm))
    story.append(
        Paragraph(
            "说明：以上为维修过程中发现的疑似缺陷线索，由维修技师根据检修情况填写，供生产企业和市场监督管理部门"
            "进一步调查参考，不构成缺陷认定。",
            styles.text,
        )
    )
    story.append(Spacer(0, 3 * mm))
    story += [_case(c, styles, width) for c in cases]
    return story


def render_defect_report(
    cases: Sequence[DefectView], hints: Sequence[FrequentHint], shop_name: str, period: str
) -> bytes:
    return build_pdf(
        paper_for("a4"), TITLE, shop_name, f"{TITLE}　{period}",
        lambda styles, width: _story(cases, hints, shop_name, period, styles, width), size=8.5,
    )
