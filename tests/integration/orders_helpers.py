"""Building realistic orders through the real services, for service and UI tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.context import AppContext
from app.domain.vin import with_check_digit
from app.services.dto import FeeLine, LabourLine, PartLine, Payment, VehicleDetail, WorkOrderDetail
from app.services.settlement import SettleRequest
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader


def make_vehicle(ctx: AppContext, plate: str = "沪A12345", vin17: str = "LSVAM4187C2184847") -> VehicleDetail:
    return ctx.vehicles.create(
        VehicleInput(plate, 1, with_check_digit(vin17), "大众朗逸", "CSS123456", "car", "张三", "13800138000")
    )


def make_order(ctx: AppContext, vehicle: VehicleDetail, mileage: int = 45678, hours_ago: int = 3) -> WorkOrderDetail:
    technician = ctx.staff.list("technician")[0].id
    wo = ctx.orders.open(
        vehicle.id,
        IntakeHeader(ctx.clock.now() - timedelta(hours=hours_ago), mileage, "发动机异响，冷车启动有哒哒声"),
    )
    return ctx.orders.save_lines(
        wo.id,
        [LabourLine("更换机油机滤", Decimal("0.5"), 8555, technician)],
        [
            PartLine("机油", Decimal("4.5"), "升", 6800, "brand", brand="嘉实多"),
            PartLine("机油滤清器", Decimal("1"), "个", 4500, "oem", part_code="06A115561B"),
        ],
        [FeeLine("废油处理费", 1000)],
    )


def settle_in_full(ctx: AppContext, order: WorkOrderDetail, **kwargs: object) -> WorkOrderDetail:
    due = order.totals.gross_fen - int(kwargs.get("discount_fen", 0))  # type: ignore[call-overload]
    req = SettleRequest(payments=(Payment("wechat", due),), **kwargs)  # type: ignore[arg-type]
    return ctx.settlement.settle(order.id, req)
