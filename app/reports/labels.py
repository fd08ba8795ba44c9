"""Printed captions of the reports, in Simplified Chinese (default) and English.

They live here rather than in Qt Linguist files because reports are rendered without Qt (in worker
threads, the CLI and tests), and rather than in the message catalogue because they are captions, not
messages about something that happened. Same shape as the label tables of :mod:`app.domain.workorder`.
"""

from __future__ import annotations

from typing import Any

LABELS: dict[str, tuple[str, str]] = {
    # header and footer
    "title": ("机动车维修费用结算清单", "Motor Vehicle Repair Settlement List"),
    "list_no": ("结算清单编号", "Settlement list No."),
    "preview": ("未结算 / 预览", "Not settled / Preview"),
    "revision": ("更正版 第{n}版", "Corrected edition, revision {n}"),
    "order_no": ("工单号", "Work order No."),
    "page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "watermark_preview": ("未结算  预览", "NOT SETTLED - PREVIEW"),
    "watermark_cancelled": ("已作废", "CANCELLED"),
    "watermark_superseded": ("已被更正版取代", "SUPERSEDED BY A CORRECTION"),
    # owner and vehicle
    "sec_owner": ("托修方及车辆信息", "Customer and vehicle"),
    "owner": ("机动车所有人", "Vehicle owner"),
    "bringer": ("送修人", "Brought in by"),
    "phone": ("联系电话", "Phone"),
    "brand_model": ("品牌型号", "Make and model"),
    "plate": ("车牌号码", "Plate No."),
    "engine_no": ("发动机号", "Engine No."),
    "vin": ("车辆识别代码", "VIN"),
    "vehicle_type": ("车辆类型", "Vehicle type"),
    "labour_standard": ("工时定额执行标准", "Labour-time standard"),
    # short tick-box captions (the field caption already says 标准); codes of LABOUR_STANDARDS
    "standard_industry": ("行业", "Industry"),
    "standard_manufacturer": ("制造企业", "Manufacturer"),
    # shop
    "sec_shop": ("承修方信息", "Repair shop"),
    "shop_name": ("维修企业名称", "Shop name"),
    "contact": ("联系人", "Contact"),
    "address": ("地址", "Address"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    # job
    "sec_job": ("维修信息", "Repair job"),
    "intake_date": ("送修日期", "Intake date"),
    "out_date": ("出厂日期", "Hand-back date"),
    "settle_date": ("结算日期", "Settle date"),
    "repair_category": ("维修类别", "Repair category"),
    "intake_mileage": ("送修里程", "Intake mileage"),
    "out_mileage": ("出厂里程", "Mileage out"),
    "advisor": ("服务顾问", "Service advisor"),
    "cert_no": ("竣工出厂合格证编号", "Completion certificate No."),
    "fault": ("故障描述", "Fault description"),
    # line tables
    "col_no": ("序号", "No."),
    "subtotal": ("小计", "Subtotal"),
    "none": ("无", "None"),
    "sec_labour": ("工时费用（金额单位：元）", "Labour (amounts in yuan)"),
    "col_item": ("维修项目", "Repair item"),
    "col_hours": ("结算工时", "Hours"),
    "col_rate": ("工时单价", "Rate per hour"),
    "col_labour_amount": ("工时费用", "Amount"),
    "col_remark": ("备注/技师", "Technician / note"),
    "sec_parts": ("材料费用（金额单位：元）", "Parts and materials (amounts in yuan)"),
    "col_part_name": ("材料名称", "Part name"),
    "col_part_code": ("配件编码", "Part No."),
    "col_brand": ("品牌", "Brand"),
    "col_qty": ("数量", "Qty"),
    "col_unit_price": ("单价", "Unit price"),
    "col_amount": ("金额", "Amount"),
    "col_part_category": ("配件类型", "Part category"),
    "col_supplied": ("是否托修方自备", "Supplied by customer"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "sec_fees": ("其他费用（金额单位：元）", "Other charges (amounts in yuan)"),
    "col_fee_name": ("项目", "Item"),
    # totals
    "labour_fee": ("工时费", "Labour"),
    "parts_fee": ("材料费", "Parts"),
    "other_fee": ("其他费用", "Other charges"),
    "gross": ("总费用", "Total"),
    "discount": ("优惠", "Discount"),
    "due": ("应付金额", "Amount due"),
    "in_words": ("大写", "In words (Chinese)"),
    "paid": ("实收金额", "Amount received"),
    "payment": ("支付方式", "Paid by"),
    "old_parts": ("旧件处理结果", "Old parts"),
    # notes and signatures
    "notes": ("说明", "Notes"),
    "note_copies": (
        "本结算清单一式两份，承修方、托修方各执一份。",
        "This list is made out in two copies, one for the shop and one for the customer.",
    ),
    "note_effect": (
        "本结算清单经托修方签字确认后生效。",
        "It takes effect when the customer has signed it.",
    ),
    "note_own_parts": (
        "托修方自备的配件，承修方不承担其质量保证责任。",
        "The shop gives no warranty on parts supplied by the customer.",
    ),
    "warranty_both": (
        "质量保证期：自出厂之日起 {days} 日或行驶 {km} 公里，以先达到者为准。",
        "Warranty: {days} days or {km} km from hand-back, whichever comes first.",
    ),
    "warranty_days": ("质量保证期：自出厂之日起 {days} 日。", "Warranty: {days} days from hand-back."),
    "warranty_km": ("质量保证期：自出厂之日起行驶 {km} 公里。", "Warranty: {km} km from hand-back."),
    "warranty_text": ("质量保证：{text}", "Warranty: {text}"),
    "warranty_default": (
        "质量保证期按《机动车维修管理规定》执行。",
        "Warranty as required by the Motor Vehicle Repair Regulations.",
    ),
    "remarks": ("备注：{text}", "Remarks: {text}"),
    "shop_sign": ("承修方（盖章）：", "Repair shop (stamp):"),
    "customer_sign": ("托修方签名：", "Customer signature:"),
    "sign_date": ("日期：________年_____月_____日", "Date: ____________________"),
    "rating_caption": ("扫码评价本次维修", "Scan to rate this repair"),
    # file names
    "file_settled": ("结算清单", "SettlementList"),
    "file_preview": ("预览", "Preview"),
    "file_revision": ("第{n}版", "rev{n}"),
}


def text(key: str, lang: str = "zh_CN", **params: Any) -> str:
    """The caption for ``key`` in ``lang`` ("en" or Chinese), with ``params`` filled in."""
    zh, en = LABELS[key]
    template = en if lang == "en" else zh
    return template.format(**params) if params else template
