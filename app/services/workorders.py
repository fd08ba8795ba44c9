"""Work orders from intake to completion: header, lines, state changes. Settlement lives in
:mod:`app.services.settlement`; the paged list in :mod:`app.services.order_list`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError, Issue
from app.domain.rules import check_dates, check_mileage
from app.domain.workorder import (
    CERTIFICATE_CATEGORIES,
    LABOUR_STANDARDS,
    REPAIR_CATEGORIES,
    WARRANTY_MINIMUMS,
    State,
    check_editable,
    check_transition,
)
from app.security.guard import Guard
from app.security.permissions import Actor, Perm
from app.security.privacy import Visibility
from app.services import billing, visible
from app.services.dto import FeeLine, LabourLine, PartLine, WorkOrderDetail
from app.services.mapping import to_detail
from app.services.storage import reading, writing
from app.services.vehicles import check_phone
from localdb import models as m
from localdb.engine import Database


@dataclass(frozen=True)
class IntakeHeader:
    """What the clerk fills in when the car comes in."""

    intake_at: datetime  # UTC-aware
    intake_mileage: int | None
    fault_description: str
    repair_category: str = "MINOR_REPAIR"
    labour_standard: str = "industry"
    advisor_id: int | None = None
    bringer_name: str = ""
    bringer_phone: str = ""


def load_order(s: Session, order_id: int) -> m.WorkOrder:
    wo = s.get(m.WorkOrder, order_id)
    if wo is None:
        raise DomainError("input.not_found", None, what="工单", id=order_id)
    return wo


def previous_visit(s: Session, vin: str, order_id: int | None) -> tuple[int | None, datetime | None]:
    """Mileage and time of the latest earlier visit of this VIN (for the 'lower than last time' warning)."""
    stmt = (
        select(m.WorkOrder.intake_mileage, m.WorkOrder.intake_at)
        .where(m.WorkOrder.vin == vin, m.WorkOrder.state != State.CANCELLED.value)
        .where(m.WorkOrder.intake_mileage.is_not(None), m.WorkOrder.superseded.is_(False))
        .order_by(m.WorkOrder.intake_at.desc())
        .limit(1)
    )
    if order_id is not None:
        stmt = stmt.where(m.WorkOrder.id != order_id)
    row = s.execute(stmt).first()
    return (row[0], row[1]) if row else (None, None)


def needs_shop_sku(code: str) -> bool:
    """A part written without a real OE or brand number (empty or a placeholder such as '无')."""
    return not code or billing.is_placeholder_code(code)


def shop_sku(prefix: str, part_id: int) -> str:
    """The SKU format of the shop's own part catalogue (shared with the bulk seed writer)."""
    return f"{prefix}P{part_id:05d}"


def assign_sku(s: Session, prefix: str, name: str, brand: str, unit: str) -> str:
    """The shop's own SKU for a part without an OE or brand number: one per (name, brand), never '无'."""
    part = s.scalar(select(m.ShopPart).where(m.ShopPart.name == name, m.ShopPart.brand == brand))
    if part is None:
        part = m.ShopPart(name=name, brand=brand, unit=unit)
        s.add(part)
        s.flush()
        part.sku = shop_sku(prefix, part.id)
    return part.sku or ""


class WorkOrderService:
    """Who may do what here (see :mod:`app.security.permissions`): intake opens orders; the front desk
    edits headers and lines and records the hand-back (``ORDERS``: prices), cancels (``SETTLE``); a technician sees
    orders with prices and owners' contacts hidden, starts the repair and records their *own* labour lines
    (:meth:`save_own_labour`, ``WORK``) but never touches prices, parts, fees or other people's lines."""

    def __init__(self, db: Database, clock: Clock, guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard

    @staticmethod
    def _shown(wo: m.WorkOrder, actor: Actor) -> WorkOrderDetail:
        return visible.order_detail(to_detail(wo), Visibility.of(actor))

    # -- reading -----------------------------------------------------------------------------------------
    def get(self, order_id: int) -> WorkOrderDetail:
        actor = self._guard.require(Perm.VIEW_ORDERS)
        with reading(self._db) as s:
            return self._shown(load_order(s, order_id), actor)

    def mileage_warnings(self, vin: str, km: int | None, order_id: int | None = None) -> list[Issue]:
        """Warnings for the mileage field as the clerk types (shown amber next to the last mileage)."""
        self._guard.require(Perm.INTAKE)
        with reading(self._db) as s:
            last_km, last_at = previous_visit(s, vin, order_id)
        return check_mileage(
            km,
            last_km=last_km,
            last_date=local_date(last_at) if last_at else None,
            on_date=local_date(self._clock.now()),
        )

    # -- intake ------------------------------------------------------------------------------------------
    def _check_header(self, s: Session, h: IntakeHeader) -> IntakeHeader:
        problems: list[Issue] = []
        if h.intake_at.tzinfo is None:
            raise ValueError("intake_at must be timezone-aware")
        try:
            check_dates(local_date(h.intake_at), None, local_date(self._clock.now()))
            check_mileage(h.intake_mileage, last_km=None, last_date=None, on_date=local_date(h.intake_at))
        except DomainError as e:
            problems += e.issues
        fault = h.fault_description.strip()
        if len(fault) > 200:
            problems.append(Issue("input.too_long", "fault_description", {"label": "故障描述", "max": 200}))
        if h.repair_category not in REPAIR_CATEGORIES:
            problems.append(Issue("workorder.category_invalid", "repair_category", {"code": h.repair_category}))
        if h.labour_standard not in LABOUR_STANDARDS:
            problems.append(Issue("workorder.standard_invalid", "labour_standard", {"code": h.labour_standard}))
        if h.advisor_id is not None:
            advisor = s.get(m.Staff, h.advisor_id)
            if advisor is None or not advisor.active:
                problems.append(Issue("workorder.advisor_invalid", "advisor", {"id": h.advisor_id}))
        if problems:
            raise DomainError.of(problems)
        phone = check_phone(h.bringer_phone, "bringer_phone")
        return replace(h, fault_description=fault, bringer_name=h.bringer_name.strip()[:60], bringer_phone=phone)

    def open(self, vehicle_id: int, header: IntakeHeader) -> WorkOrderDetail:
        """Open a draft work order for a known vehicle; the vehicle and owner are snapshotted on it."""
        actor = self._guard.require(Perm.INTAKE)
        now = self._clock.now()
        with writing(self._db) as s:
            h = self._check_header(s, header)
            vehicle = s.get(m.Vehicle, vehicle_id)
            if vehicle is None:
                raise DomainError("input.not_found", None, what="车辆", id=vehicle_id)
            days, km = WARRANTY_MINIMUMS[h.repair_category]
            wo = m.WorkOrder(
                uuid=str(uuid.uuid4()),
                vehicle_id=vehicle.id,
                vehicle=vehicle,
                plate=vehicle.plate,
                vin=vehicle.vin,
                owner_name=vehicle.owner.name,
                owner_phone=vehicle.owner.phone,
                state=State.DRAFT.value,
                intake_at=h.intake_at,
                intake_mileage=h.intake_mileage,
                bringer_name=h.bringer_name or vehicle.owner.name,
                bringer_phone=h.bringer_phone or vehicle.owner.phone,
                fault_description=h.fault_description,
                repair_category=h.repair_category,
                labour_standard=h.labour_standard,
                advisor_id=h.advisor_id,
                warranty_days=days,
                warranty_km=km,
                revision=1,
                created_at=now,
                updated_at=now,
            )
            s.add(wo)
            s.flush()
            return self._shown(wo, actor)

    def update_header(self, order_id: int, header: IntakeHeader) -> WorkOrderDetail:
        actor = self._guard.require(Perm.ORDERS)
        with writing(self._db) as s:
            h = self._check_header(s, header)
            wo = load_order(s, order_id)
            check_editable(wo.state)
            if wo.repair_category != h.repair_category:
                wo.warranty_days, wo.warranty_km = WARRANTY_MINIMUMS[h.repair_category]
            wo.intake_at, wo.intake_mileage = h.intake_at, h.intake_mileage
            wo.fault_description, wo.repair_category = h.fault_description, h.repair_category
            wo.labour_standard, wo.advisor_id = h.labour_standard, h.advisor_id
            wo.bringer_name, wo.bringer_phone = h.bringer_name, h.bringer_phone
            wo.updated_at = self._clock.now()
            s.flush()
            return self._shown(wo, actor)

    # -- lines -------------------------------------------------------------------------------------------
    def save_lines(
        self,
        order_id: int,
        labour: list[LabourLine],
        parts: list[PartLine],
        fees: list[FeeLine],
    ) -> WorkOrderDetail:
        """Replace all lines of an editable order; amounts and totals are computed here, not trusted."""
        actor = self._guard.require(Perm.ORDERS)
        billing.validate_lines(labour, parts, fees)
        with writing(self._db) as s:
            wo = load_order(s, order_id)
            check_editable(wo.state)
            shop = s.get(m.Shop, 1)
            prefix = shop.list_prefix if shop else "BS"
            self._check_technicians(s, labour)
            wo.labour_lines = [_new_labour(x, i + 1) for i, x in enumerate(labour)]
            wo.part_lines = [self._part_row(s, prefix, i, x) for i, x in enumerate(parts)]
            wo.fee_lines = [m.FeeLine(seq=i + 1, name=x.name.strip(), amount_fen=x.amount_fen) for i, x in enumerate(fees)]
            self._retotal(wo, billing.totals(labour, parts, fees))
            s.flush()
            s.expire(wo, ["labour_lines", "part_lines", "fee_lines"])
            return self._shown(wo, actor)

    def _retotal(self, wo: m.WorkOrder, t: billing.Totals) -> None:
        wo.labour_fen, wo.parts_fen, wo.other_fen = t.labour_fen, t.parts_fen, t.other_fen
        wo.discount_fen, wo.due_fen = 0, t.due_fen
        wo.updated_at = self._clock.now()

    def save_own_labour(self, order_id: int, labour: list[LabourLine]) -> WorkOrderDetail:
        """A technician's own labour lines on an editable order: item, hours and note of the lines assigned
        to them, replaced as a set; everyone else's lines, the parts and the fees stay exactly as they are.

        Prices are not the technician's to set (they do not even see them): a line keeps the rate of the
        own line with the same item, and a new one gets the shop's labour rate. The rate and technician
        sent in are ignored, so a masked DTO sent back cannot zero a price. Own lines follow the others.
        """
        actor = self._guard.require(Perm.WORK)
        if actor.staff_id is None:
            raise DomainError("workorder.own_lines_need_account", None)
        with writing(self._db) as s:
            wo = load_order(s, order_id)
            check_editable(wo.state)
            shop = s.get(m.Shop, 1)
            if shop is None:
                raise DomainError("settle.shop_not_configured", None)
            rates = {x.item: x.rate_fen for x in wo.labour_lines if x.technician_id == actor.staff_id}
            mine = [replace(x, item=x.item.strip(), technician_id=actor.staff_id,
                            rate_fen=rates.get(x.item.strip(), shop.labour_rate_fen)) for x in labour]  # fmt: skip
            billing.validate_lines(mine, [], [])
            others = [x for x in wo.labour_lines if x.technician_id != actor.staff_id]
            last = max((x.seq for x in others), default=0)  # others' lines keep their numbers untouched
            wo.labour_lines = others + [_new_labour(x, last + i + 1) for i, x in enumerate(mine)]
            self._retotal(wo, billing.totals(wo.labour_lines, wo.part_lines, wo.fee_lines))
            s.flush()
            s.expire(wo, ["labour_lines"])
            return self._shown(wo, actor)

    @staticmethod
    def _check_technicians(s: Session, labour: list[LabourLine]) -> None:
        for i, line in enumerate(labour):
            if line.technician_id is not None and s.get(m.Staff, line.technician_id) is None:
                raise DomainError("workorder.technician_invalid", "labour", row=i + 1)

    @staticmethod
    def _part_row(s: Session, prefix: str, index: int, x: PartLine) -> m.PartLine:
        name, brand, code = x.name.strip(), x.brand.strip(), x.part_code.strip()
        if needs_shop_sku(code):
            code = assign_sku(s, prefix, name, brand, x.unit.strip())
        return m.PartLine(
            seq=index + 1,
            name=name,
            part_code=code,
            brand=brand,
            category=x.category,
            quantity=x.quantity,
            unit=x.unit.strip(),
            unit_price_fen=x.unit_price_fen,
            amount_fen=billing.part_amount(x.quantity, x.unit_price_fen),
            customer_supplied=x.customer_supplied,
            cost_price_fen=x.cost_price_fen,
        )

    # -- state changes -----------------------------------------------------------------------------------
    def start_repair(self, order_id: int) -> WorkOrderDetail:
        """开工: the technician who takes the car starts the repair (``WORK``, which the front desk has too)."""
        actor = self._guard.require(Perm.WORK)
        with writing(self._db) as s:
            wo = load_order(s, order_id)
            check_transition(wo.state, State.IN_REPAIR)
            wo.state = State.IN_REPAIR.value
            wo.updated_at = self._clock.now()
            return self._shown(wo, actor)

    def complete(
        self, order_id: int, completed_at: datetime, mileage_out: int | None, cert_no: str = ""
    ) -> WorkOrderDetail:
        """Hand-back: completion date and mileage out; a certificate number for 二级维护/总成/整车.

        The front desk's step (``ORDERS``): it fixes the hand-back facts printed on the list."""
        actor = self._guard.require(Perm.ORDERS)
        with writing(self._db) as s:
            wo = load_order(s, order_id)
            check_transition(wo.state, State.COMPLETED)
            complete_order(wo, completed_at, mileage_out, cert_no, self._clock)
            return self._shown(wo, actor)

    def cancel(self, order_id: int, reason: str) -> WorkOrderDetail:
        actor = self._guard.require(Perm.SETTLE)
        reason = reason.strip()
        if not reason:
            raise DomainError("workorder.cancel_reason_required", "cancel_reason")
        with writing(self._db, action="cancel") as s:
            wo = load_order(s, order_id)
            check_transition(wo.state, State.CANCELLED)
            wo.state = State.CANCELLED.value
            wo.cancel_reason = reason[:200]
            wo.updated_at = self._clock.now()
            return self._shown(wo, actor)


def _new_labour(x: LabourLine, seq: int) -> m.LabourLine:
    """A labour row from a DTO; the amount is computed here, never taken from the caller."""
    return m.LabourLine(
        seq=seq,
        item=x.item.strip(),
        hours=x.hours,
        rate_fen=x.rate_fen,
        amount_fen=billing.labour_amount(x.hours, x.rate_fen),
        technician_id=x.technician_id,
        note=x.note.strip()[:100],
    )


def complete_order(wo: m.WorkOrder, completed_at: datetime, mileage_out: int | None, cert_no: str, clock: Clock) -> None:
    """Shared by :meth:`WorkOrderService.complete` and settlement's implicit completion."""
    cert_no = cert_no.strip()
    if wo.repair_category in CERTIFICATE_CATEGORIES and not cert_no:
        raise DomainError("workorder.certificate_required", "completion_cert_no", category=wo.repair_category)
    today = local_date(clock.now())
    check_dates(local_date(wo.intake_at), local_date(completed_at), today)
    if mileage_out is not None:
        check_mileage(mileage_out, last_km=None, last_date=None, on_date=today)
        if wo.intake_mileage is not None and mileage_out < wo.intake_mileage:
            raise DomainError("workorder.mileage_out_lower", "mileage_out", km=mileage_out, intake=wo.intake_mileage)
    wo.state = State.COMPLETED.value
    wo.completed_at = completed_at
    wo.mileage_out = mileage_out if mileage_out is not None else wo.intake_mileage
    wo.completion_cert_no = cert_no[:40]
    wo.updated_at = clock.now()
