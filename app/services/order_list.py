"""The work-order list: filtered, newest first, fetched a page at a time.

Keyset paging on ``(intake_at, id)`` walks the ``ix_work_orders_intake_at_id`` index backwards, so page
1000 costs the same as page 1 and the list opens instantly with hundreds of thousands of orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, and_, func, or_, select

from app.domain.clock import SHOP_TZ
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import Visibility
from app.services import visible
from app.services.dto import WorkOrderSummary
from app.services.mapping import order_no
from app.services.storage import reading
from app.services.vehicles import normalize_query
from localdb import models as m
from localdb.engine import Database


@dataclass(frozen=True)
class OrderFilter:
    states: tuple[str, ...] = ()
    date_from: date | None = None  # local dates, inclusive
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class Cursor:
    """Position after the last row of a page."""

    intake_at: datetime
    id: int


def _local_midnight_utc(d: date) -> datetime:
    return datetime.combine(d, time(0), tzinfo=SHOP_TZ)


def _filtered(stmt: Select, f: OrderFilter, contacts: bool = True) -> Select:
    """``contacts`` False: the text does not match owners' names and phones (a role that may not see
    them must not be able to find a phone number by typing digits until a row appears)."""
    if f.states:
        stmt = stmt.where(m.WorkOrder.state.in_(f.states))
    if f.date_from:
        stmt = stmt.where(m.WorkOrder.intake_at >= _local_midnight_utc(f.date_from))
    if f.date_to:
        stmt = stmt.where(m.WorkOrder.intake_at < _local_midnight_utc(f.date_to + timedelta(days=1)))
    text = normalize_query(f.text)
    if text:
        raw = f.text.strip()
        matches = [
            m.WorkOrder.plate.contains(text, autoescape=True),
            m.WorkOrder.costlistcode.contains(text, autoescape=True),
            m.WorkOrder.vin.endswith(text, autoescape=True),
        ]
        if contacts:
            matches += [
                m.WorkOrder.owner_name.contains(raw, autoescape=True),
                m.WorkOrder.owner_phone.contains(text, autoescape=True),
            ]
        stmt = stmt.where(or_(*matches))
    return stmt


class OrderListService:
    def __init__(self, db: Database, guard: Guard) -> None:
        self._db = db
        self._guard = guard

    def page(self, f: OrderFilter, after: Cursor | None = None, limit: int = 200) -> list[WorkOrderSummary]:
        view = Visibility.of(self._guard.require(Perm.VIEW_ORDERS))
        stmt = (
            select(
                m.WorkOrder.id,
                m.WorkOrder.state,
                m.WorkOrder.plate,
                m.WorkOrder.vin,
                m.WorkOrder.owner_name,
                m.WorkOrder.intake_at,
                m.WorkOrder.due_fen,
                m.WorkOrder.costlistcode,
                m.WorkOrder.settled_at,
                m.WorkOrder.revision,
                m.WorkOrder.superseded,
                m.OutboxEntry.state,
            )
            .outerjoin(
                m.OutboxEntry,
                and_(m.OutboxEntry.kind == "repair_record", m.OutboxEntry.record_id == m.WorkOrder.id),
            )
            .order_by(m.WorkOrder.intake_at.desc(), m.WorkOrder.id.desc())
            .limit(limit)
        )
        stmt = _filtered(stmt, f, view.contacts)
        if after is not None:
            stmt = stmt.where(
                m.WorkOrder.intake_at <= after.intake_at,  # redundant, but lets SQLite seek the index range
                or_(
                    m.WorkOrder.intake_at < after.intake_at,
                    and_(m.WorkOrder.intake_at == after.intake_at, m.WorkOrder.id < after.id),
                )
            )
        with reading(self._db) as s:
            return visible.order_summaries([
                WorkOrderSummary(
                    id=r[0],
                    order_no=order_no(r[0]),
                    state=r[1],
                    plate=r[2],
                    vin=r[3],
                    owner_name=r[4],
                    intake_at=r[5],
                    due_fen=r[6],
                    costlistcode=r[7],
                    settled_at=r[8],
                    revision=r[9],
                    upload_state="superseded" if r[10] else r[11],
                )
                for r in s.execute(stmt)
            ], view)

    def count(self, f: OrderFilter) -> int:
        view = Visibility.of(self._guard.require(Perm.VIEW_ORDERS))
        with reading(self._db) as s:
            return int(s.scalar(_filtered(select(func.count(m.WorkOrder.id)), f, view.contacts)) or 0)

    @staticmethod
    def cursor_after(row: WorkOrderSummary) -> Cursor:
        return Cursor(row.intake_at, row.id)
