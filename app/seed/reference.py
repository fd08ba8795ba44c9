"""The reference writer: every spec entered through the real services, one call at a time.

It is slow (one transaction per call) and exists so that the bulk writer can be checked against it: the
equivalence test writes the same small plan both ways and compares the databases. The context's clock
must be a :class:`ManualClock`; it is moved to each event's time before the call, exactly as if a clerk
had clicked at that moment.
"""

from __future__ import annotations

from datetime import datetime

from app.context import AppContext
from app.domain.clock import ManualClock
from app.seed.plan import SeedPlan, Step, timeline


def _set_clock(clock: ManualClock, when: datetime) -> None:
    clock.advance((when - clock.now()).total_seconds())


def through_services(ctx: AppContext, plan: SeedPlan) -> None:
    """Write ``plan`` into an empty, migrated folder through the services, in timeline order."""
    clock = ctx.clock
    if not isinstance(clock, ManualClock):
        raise TypeError("through_services needs a ManualClock to replay the plan's times")
    _set_clock(clock, plan.start)
    ctx.shop.configure(plan.shop)
    for name, role in plan.staff:
        ctx.staff.add(name, role)
    vehicle_ids: dict[int, int] = {}
    order_ids: dict[int, int] = {}  # order index → id of its latest revision
    for when, index, step in timeline(plan):
        _set_clock(clock, when)
        spec = plan.orders[index]
        if step is Step.VEHICLE:
            vehicle_ids[spec.vehicle] = ctx.vehicles.create(plan.vehicles[spec.vehicle]).id
        elif step is Step.OPEN:
            order_ids[index] = ctx.orders.open(vehicle_ids[spec.vehicle], spec.header).id
        elif step is Step.LINES:
            assert spec.lines is not None
            ctx.orders.save_lines(
                order_ids[index], list(spec.lines.labour), list(spec.lines.parts), list(spec.lines.fees)
            )
        elif step is Step.START:
            ctx.orders.start_repair(order_ids[index])
        elif step is Step.COMPLETE:
            assert spec.completed_at is not None
            ctx.orders.complete(order_ids[index], spec.completed_at, spec.mileage_out, spec.cert_no)
        elif step is Step.CANCEL:
            ctx.orders.cancel(order_ids[index], spec.cancel_reason)
        elif step is Step.SETTLE:
            assert spec.settle is not None
            ctx.settlement.settle(order_ids[index], spec.settle)
        elif step is Step.CORRECT:
            order_ids[index] = ctx.settlement.start_correction(order_ids[index]).id
        elif step is Step.CORRECT_LINES:
            assert spec.correction is not None
            fixed = spec.correction.lines
            ctx.orders.save_lines(order_ids[index], list(fixed.labour), list(fixed.parts), list(fixed.fees))
        elif step is Step.CORRECT_SETTLE:
            assert spec.correction is not None
            ctx.settlement.settle(order_ids[index], spec.correction.settle)
    _set_clock(clock, plan.now)
