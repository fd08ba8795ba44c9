"""Settled orders with chosen technicians and advisor, for the ratings, compliance and business tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.context import AppContext
from app.services.dto import LabourLine, PartLine, WorkOrderDetail
from app.services.workorders import IntakeHeader
from tests.integration.orders_helpers import make_vehicle, settle_in_full


def staff_id(ctx: AppContext, name: str) -> int:
    return next(s.id for s in ctx.staff.list() if s.name == name)


def settled_order(ctx: AppContext, n: int, technicians: list[int], advisor: int | None, *,
                  fault: str = "刹车异响", cost_fen: int | None = None) -> WorkOrderDetail:  # fmt: skip
    """Order ``n`` on its own vehicle (plate 沪A1000n): one labour line per technician, one part."""
    vehicle = make_vehicle(ctx, f"沪A{10000 + n}", f"LSVAM4187C2{184800 + n:06d}")
    wo = ctx.orders.open(vehicle.id, IntakeHeader(ctx.clock.now() - timedelta(hours=2), 40000 + n, fault,
                                                  advisor_id=advisor))  # fmt: skip
    lines = [LabourLine("更换刹车片", Decimal("1"), 10000, t) for t in technicians]
    part = PartLine("刹车片", Decimal("1"), "套", 30000, "oem", part_code="3501120XKZ16A", cost_price_fen=cost_fen)
    order = ctx.orders.save_lines(wo.id, lines, [part], [])
    return settle_in_full(ctx, order)
