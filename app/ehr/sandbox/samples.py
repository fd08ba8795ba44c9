"""One fixed, settled work order and its shop: the training mode's first upload and the tests' fixture.

It lives in the package (not in ``tests/``) because training mode shows it too, and because the
golden files, the unit tests and the loopback tests must all map the very same order.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from app.services.dto import LabourLine, PartLine, ShopInfo, Totals, VehicleDetail, WorkOrderDetail

TRAINING_COMPANY_CODE = "310115000000001"
TRAINING_PASSWORD = "banshou-training"  # the sandbox's own account: not a secret, never a real province's
TRAINING_ACCOUNTS = {TRAINING_COMPANY_CODE: TRAINING_PASSWORD}


def sample_shop() -> ShopInfo:
    return ShopInfo(
        name="上海扳手汽车维修有限公司",
        credit_code="91310115MA1H8TRN0X",
        address="上海市浦东新区示例路 88 号",
        phone="021-50000000",
        company_code=TRAINING_COMPANY_CODE,
        list_prefix="BS",
        home_province="沪",
    )


def sample_order(costlistcode: str = "BS-20260105-0001", **changes: Any) -> WorkOrderDetail:
    """Settled 2026-01-05 (Asia/Shanghai), taken in 2026-01-03: valid against every §8 rule."""
    vehicle = VehicleDetail(
        id=1, plate="沪A12345", plate_colour=1, vin="LSVAU218XN2183294", brand_model="大众 朗逸",
        engine_no="DJN123456", vehicle_type="K33", owner_id=1, owner_name="王先生", owner_phone="13800000000",
    )  # fmt: skip
    labour = (
        LabourLine(item="更换火花塞", hours=Decimal("1.5"), rate_fen=10000, amount_fen=15000),
        LabourLine(item="检查点火线圈", hours=Decimal("0.5"), rate_fen=10000, amount_fen=5000),
    )
    parts = (
        PartLine(name="火花塞", quantity=Decimal("4"), unit="个", unit_price_fen=6500, category="brand",
                 part_code="NGK-ILKAR7B11", amount_fen=26000),
        PartLine(name="机油 5W-30", quantity=Decimal("4.50"), unit="升", unit_price_fen=8000,
                 category="brand", part_code="BS-000123", amount_fen=36000),
    )  # fmt: skip
    order = WorkOrderDetail(
        id=1, uuid="6f1c2a4e-0000-4000-8000-000000000001", order_no="WO-20260103-0001", state="settled",
        revision=1, revision_of=None, vehicle=vehicle,
        intake_at=datetime(2026, 1, 3, 1, 30, tzinfo=UTC), intake_mileage=58230,
        bringer_name="王先生", bringer_phone="13800000000", fault_description="发动机故障灯亮，怠速抖动",
        repair_category="MINOR_REPAIR", labour_standard="industry", advisor_id=1, advisor_name="李师傅",
        labour=labour, parts=parts, fees=(),
        totals=Totals(labour_fen=20000, parts_fen=62000, other_fen=0, gross_fen=82000, discount_fen=0,
                      due_fen=82000),
        costlistcode=costlistcode, settled_at=datetime(2026, 1, 5, 1, 0, tzinfo=UTC),
    )  # fmt: skip
    return dataclasses.replace(order, **changes) if changes else order


def with_vehicle(order: WorkOrderDetail, **changes: Any) -> WorkOrderDetail:
    """The order with some vehicle fields changed (plate, VIN, colour) – for rejection cases."""
    return dataclasses.replace(order, vehicle=dataclasses.replace(order.vehicle, **changes))
