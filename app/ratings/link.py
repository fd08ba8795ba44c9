"""Which job a rating is about: by settlement-list number first, else by plate and date.

An owner rates after the car is handed back, so for a plate the job is the latest settled order settled
before the rating (within :data:`PLATE_WINDOW`); an older visit is too far away to be a guess worth making.
The technicians come from the job's labour lines and the advisor from the order, as they were on the day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from localdb import models as m

PLATE_WINDOW = timedelta(days=60)


@dataclass(frozen=True)
class Link:
    work_order_id: int | None
    advisor_id: int | None
    technician_ids: tuple[int, ...]


def link_rating(session: Session, costlistcode: str, plate: str, rated_at: datetime) -> Link:
    wo = m.WorkOrder
    order_id: int | None = None
    advisor_id: int | None = None
    if costlistcode:
        row = session.execute(
            select(wo.id, wo.advisor_id).where(wo.costlistcode == costlistcode, wo.superseded.is_(False))
            .order_by(wo.revision.desc()).limit(1)
        ).first()  # fmt: skip
        if row is not None:
            order_id, advisor_id = row
    if order_id is None and plate:
        row = session.execute(
            select(wo.id, wo.advisor_id)
            .where(wo.plate == plate, wo.state == "settled", wo.superseded.is_(False),
                   wo.settled_at <= rated_at, wo.settled_at >= rated_at - PLATE_WINDOW)
            .order_by(wo.settled_at.desc()).limit(1)
        ).first()  # fmt: skip
        if row is not None:
            order_id, advisor_id = row
    if order_id is None:
        return Link(None, None, ())
    technicians = session.scalars(
        select(m.LabourLine.technician_id)
        .where(m.LabourLine.work_order_id == order_id, m.LabourLine.technician_id.is_not(None))
        .distinct().order_by(m.LabourLine.technician_id)
    ).all()  # fmt: skip
    return Link(order_id, advisor_id, tuple(t for t in technicians if t is not None))
