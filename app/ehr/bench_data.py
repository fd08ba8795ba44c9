"""Volume for the sync tests and the sync benchmark: many settled orders with their outbox rows, fast.

One order is built through the real services up to the point of settling (lines and totals exactly as
the services write them); the copies are inserted settled, with bulk statements in one transaction, each
with its own vehicle slot, ``costlistcode``, owner snapshot and outbox row in settlement order – what
settling them one by one would upload. The template itself is never settled, so it can be deleted
afterwards (settled orders cannot be: ``localdb.immutability``). 10,000 of them take a few seconds. For
benchmark and test folders only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select

from app.context import AppContext
from app.domain.vin import with_check_digit
from app.services.dto import LabourLine, PartLine, WorkOrderDetail
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader
from localdb import models as m
from localdb.engine import resync_id_sequences


def _template(ctx: AppContext, vehicle_id: int) -> WorkOrderDetail:
    staff = ctx.staff.list("technician")
    technician = staff[0].id if staff else None
    wo = ctx.orders.open(vehicle_id, IntakeHeader(ctx.clock.now() - timedelta(hours=3), 45678, "发动机异响，冷车启动有哒哒声"))
    wo = ctx.orders.save_lines(
        wo.id,
        [LabourLine("更换机油机滤", Decimal("0.5"), 8555, technician)],
        [PartLine("机油", Decimal("4.5"), "升", 6800, "brand", brand="嘉实多"),
         PartLine("机油滤清器", Decimal("1"), "个", 4500, "oem", part_code="06A115561B")],
        [],
    )  # fmt: skip
    return wo


def _columns(row: m.Base, skip: set[str]) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}  # type: ignore[attr-defined]


def bulk_settle(ctx: AppContext, count: int, vehicles: int = 50, *, at: Callable[[int], datetime] | None = None,
                bad_vin: frozenset[int] = frozenset()) -> list[str]:  # fmt: skip
    """Settle ``count`` orders over ``vehicles`` vehicles; returns their costlistcodes in settlement order.

    ``at(i)`` gives the i-th settle time (default: now). Orders whose index is in ``bad_vin`` carry a VIN the
    sandbox rejects (letter I), for the "rejected ones end rejected" checks.
    """
    fleet = [ctx.vehicles.create(VehicleInput(f"沪B{n:05d}", 1, with_check_digit(f"LSVAM4180C3{n:06d}"), "大众朗逸",
                                              f"E{n:06d}", "car", "张三", "13800138000")) for n in range(vehicles)]
    template = _template(ctx, fleet[0].id)
    with ctx.db.write() as s:
        wo = s.get(m.WorkOrder, template.id)
        assert wo is not None
        base = _columns(wo, {"id"})
        labour = [_columns(x, {"id", "work_order_id"}) for x in wo.labour_lines]
        parts = [_columns(x, {"id", "work_order_id"}) for x in wo.part_lines]
        owner = wo.vehicle.owner
        base.update(state="settled", owner_name=owner.name, owner_phone=owner.phone, old_parts="none",
                    mileage_out=wo.mileage_out or wo.intake_mileage)
        s.delete(wo)
        s.flush()
        first_id = (s.scalar(select(m.WorkOrder.id).order_by(m.WorkOrder.id.desc()).limit(1)) or 0) + 1
        orders, lines, part_rows, outbox = [], [], [], []
        for i in range(count):
            vehicle = fleet[i % vehicles]
            when = at(i) if at else ctx.clock.now()
            vin = vehicle.vin if i not in bad_vin else "LSVAU218IN2183294"
            oid = first_id + i
            code = f"SH01-{when:%Y%m%d}-{i:06d}"
            orders.append({**base, "id": oid, "uuid": str(uuid.uuid4()), "vehicle_id": vehicle.id, "plate": vehicle.plate,
                           "vin": vin, "costlistcode": code, "settled_at": when, "created_at": when,
                           "updated_at": when, "intake_at": when - timedelta(hours=3),
                           "completed_at": when})  # fmt: skip
            lines += [{**x, "work_order_id": oid} for x in labour]
            part_rows += [{**x, "work_order_id": oid} for x in parts]
            outbox.append({"kind": "repair_record", "record_id": oid, "record_key": code, "revision": 1,
                           "vehicle_key": vehicle.vin, "state": "pending", "attempts": 0, "ambiguous_sends": 0,
                           "next_attempt_at": when, "last_error_code": "", "last_error": "", "receipt": "",
                           "created_at": when, "updated_at": when})  # fmt: skip
        s.execute(insert(m.WorkOrder), orders)
        resync_id_sequences(s, [m.WorkOrder.__tablename__])  # the orders came with their own ids
        s.execute(insert(m.LabourLine), lines)
        s.execute(insert(m.PartLine), part_rows)
        s.execute(insert(m.OutboxEntry), outbox)
    return [o["costlistcode"] for o in orders]
