"""Which work orders count as the vehicle's record, shared by the history report, the reminders and the lists.

A record is a *settled* order that no correction replaced: a corrected order appears once, as its newest
revision, and drafts, open or cancelled orders are not history (nothing was handed over or paid).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from app.domain.clock import SHOP_TZ, local_date
from app.domain.errors import DomainError
from app.domain.workorder import State
from app.security.permissions import Actor, Perm
from app.security.privacy import masked, without_prices
from app.services.mapping import order_no
from app.services.workorders import load_order
from localdb import models as m


def current_settled() -> Select[tuple[m.WorkOrder]]:
    """Settled, not superseded orders (no ordering, no vehicle filter)."""
    return select(m.WorkOrder).where(
        m.WorkOrder.state == State.SETTLED.value, m.WorkOrder.superseded.is_(False)
    )


def settled_orders(s: Session, vehicle_id: int) -> Sequence[m.WorkOrder]:
    """A vehicle's record, oldest first, with its lines loaded (for the history report)."""
    stmt = (
        current_settled()
        .where(m.WorkOrder.vehicle_id == vehicle_id)
        .options(selectinload(m.WorkOrder.labour_lines), selectinload(m.WorkOrder.part_lines))
        .order_by(m.WorkOrder.settled_at, m.WorkOrder.id)
    )
    return s.scalars(stmt).all()


def record_mileage(wo: m.WorkOrder) -> int | None:
    """The odometer reading a visit proves: the intake mileage (the hand-back reading if none was taken)."""
    return wo.intake_mileage if wo.intake_mileage is not None else wo.mileage_out


@dataclass(frozen=True)
class OrderRef:
    """The work order a special record (defect, emissions, accident) belongs to, as lists show it."""

    id: int
    order_no: str
    state: str
    plate: str
    vin: str
    brand_model: str
    owner_name: str
    intake_on: date
    mileage: int | None
    costlistcode: str | None
    due_fen: int
    prices_hidden: bool = False  # due_fen is 0 because the role may not see prices (show "—")


def shown_ref(ref: OrderRef, actor: Actor) -> OrderRef:
    """The order reference as ``actor`` may see it: owner's name masked, amount hidden, by role."""
    if not actor.may(Perm.VIEW_CONTACTS):
        ref = masked(ref, names=("owner_name",))
    return ref if actor.may(Perm.VIEW_PRICES) else without_prices(ref, ("due_fen",))


def order_ref(wo: m.WorkOrder) -> OrderRef:
    return OrderRef(
        id=wo.id,
        order_no=order_no(wo.id),
        state=wo.state,
        plate=wo.plate,
        vin=wo.vin,
        brand_model=wo.vehicle.brand_model,
        owner_name=wo.owner_name,
        intake_on=local_date(wo.intake_at),
        mileage=record_mileage(wo),
        costlistcode=wo.costlistcode,
        due_fen=wo.due_fen,
    )


def usable_order(s: Session, order_id: int) -> m.WorkOrder:
    """The order a special record is attached to: it must exist and not be cancelled."""
    wo = load_order(s, order_id)
    if wo.state == State.CANCELLED.value:
        raise DomainError("special.order_cancelled", "work_order", order_no=order_no(wo.id))
    return wo


def local_range(date_from: date | None, date_to: date | None) -> tuple[datetime | None, datetime | None]:
    """Local calendar days (inclusive) → UTC bounds [start, end) for filtering on ``intake_at``."""
    start = datetime.combine(date_from, time(0), tzinfo=SHOP_TZ) if date_from else None
    end = datetime.combine(date_to + timedelta(days=1), time(0), tzinfo=SHOP_TZ) if date_to else None
    return start, end


def side_table_query(model: Any, date_from: date | None, date_to: date | None) -> Select[Any]:
    """Rows of a work-order side table (emissions, accident) with their order, by intake date (local days,
    inclusive), newest first; cancelled and superseded orders are left out."""
    start, end = local_range(date_from, date_to)
    stmt = (
        select(model, m.WorkOrder)
        .join(m.WorkOrder, m.WorkOrder.id == model.work_order_id)
        .where(m.WorkOrder.state != "cancelled", m.WorkOrder.superseded.is_(False))
        .order_by(m.WorkOrder.intake_at.desc(), m.WorkOrder.id.desc())
    )
    if start:
        stmt = stmt.where(m.WorkOrder.intake_at >= start)
    if end:
        stmt = stmt.where(m.WorkOrder.intake_at < end)
    return stmt
