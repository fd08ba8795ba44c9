"""Settlement: the one transaction that fixes the bill.

In one unit of work (``BEGIN IMMEDIATE`` on SQLite, so concurrent settlements queue): re-read the order,
check every blocking rule, require a confirmation for every warning, take the next number from the
per-day counter row, stamp the settle time, store payments and confirmations, and write the outbox entry
that the sync worker uploads. Settling an already settled order fails with ``workorder.already_settled``
and changes nothing, so a double click or a second window settles once.

A settled order is corrected by :meth:`SettlementService.start_correction`, which copies it into a new
editable revision with the same ``costlistcode``; settling that revision supersedes the original, which
stays in history unchanged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError, Issue, WarningsNotConfirmed
from app.domain.money import format_yuan
from app.domain.rules import check_dates, check_mileage
from app.domain.vin import vin_issues
from app.domain.workorder import OLD_PARTS, PAYMENT_METHODS, State, check_transition
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import Visibility
from app.services import billing, visible
from app.services.dto import Payment, ShopInfo, WorkOrderDetail
from app.services.mapping import to_detail
from app.services.storage import reading, writing
from app.services.workorders import complete_order, load_order, previous_visit
from localdb import models as m
from localdb.engine import Database


@dataclass(frozen=True)
class SettleRequest:
    discount_fen: int = 0
    payments: tuple[Payment, ...] = ()
    old_parts: str = "none"
    warranty_days: int | None = None
    warranty_km: int | None = None
    warranty_text: str = ""
    notes: str = ""
    # warning code → the user's reason (an empty reason is not a confirmation)
    confirmations: dict[str, str] = field(default_factory=dict)
    mileage_out: int | None = None  # used when settling an order that was not marked completed


def format_costlistcode(prefix: str, day: str, seq: int) -> str:
    """``<prefix>-<yyyyMMdd>-<seq>``: ASCII, at most 50 characters, unique per shop (ehr-protocol §8.4)."""
    return f"{prefix}-{day}-{seq:04d}"


def next_sequence(s: Session, day: str) -> int:
    """Increment the per-day counter row inside the caller's transaction and return the new value."""
    dialect = s.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = (
        insert(m.SettlementCounter)
        .values(day=day, last_seq=1)
        .on_conflict_do_update(
            index_elements=[m.SettlementCounter.day], set_={"last_seq": m.SettlementCounter.last_seq + 1}
        )
        .returning(m.SettlementCounter.last_seq)
    )
    return int(s.execute(stmt).scalar_one())


def settlement_issues(s: Session, wo: m.WorkOrder, when: datetime) -> list[Issue]:
    """Blocking rules raise; the returned list holds the warnings that need the user's confirmation."""
    problems: list[Issue] = []
    if not wo.labour_lines and not wo.part_lines:
        problems.append(Issue("settle.no_lines", "lines"))
    if not wo.fault_description.strip():
        problems.append(Issue("input.required", "fault_description", {"label": "故障描述"}))
    if wo.intake_mileage is None:
        problems.append(Issue("input.required", "intake_mileage", {"label": "送修里程"}))
    warnings: list[Issue] = []
    try:
        warnings += check_dates(local_date(wo.intake_at), local_date(when), local_date(when))
    except DomainError as e:
        problems += e.issues
    if problems:
        raise DomainError.of(problems)
    last_km, last_at = previous_visit(s, wo.vin, wo.id)
    warnings += check_mileage(
        wo.intake_mileage,
        last_km=last_km,
        last_date=local_date(last_at) if last_at else None,
        on_date=local_date(wo.intake_at),
    )
    warnings += vin_issues(wo.vin)
    return [w for w in warnings if not w.blocking]


class SettlementService:
    """Settling, correcting (``SETTLE``) and printing the list (``PRINT``): the front desk and the owner."""

    def __init__(self, db: Database, clock: Clock, guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard

    def warnings(self, order_id: int) -> list[Issue]:
        """What the settle dialog must show for confirmation (blocking problems raise)."""
        self._guard.require(Perm.SETTLE)
        with reading(self._db) as s:
            wo = load_order(s, order_id)
            return settlement_issues(s, wo, self._clock.now())

    def settle(self, order_id: int, req: SettleRequest) -> WorkOrderDetail:
        actor = self._guard.require(Perm.SETTLE)
        now = self._clock.now()
        if req.old_parts not in OLD_PARTS:
            raise DomainError("settle.old_parts_invalid", "old_parts", value=req.old_parts)
        with writing(self._db, action="settle") as s:
            wo = load_order(s, order_id)
            if wo.state == State.SETTLED.value:
                raise DomainError("workorder.already_settled", None, number=wo.costlistcode or "")
            check_transition(wo.state, State.SETTLED)
            self._confirm(s, wo, now, req)
            t = billing.totals(wo.labour_lines, wo.part_lines, wo.fee_lines, req.discount_fen)
            self._check_payments(req.payments, t.due_fen)
            if wo.state != State.COMPLETED.value:
                complete_order(wo, now, req.mileage_out, wo.completion_cert_no, self._clock)
            shop = s.get(m.Shop, 1)
            if shop is None:
                raise DomainError("settle.shop_not_configured", None)
            day = local_date(now).strftime("%Y%m%d")
            if wo.costlistcode is None:  # a correction keeps the original number
                wo.costlistcode = format_costlistcode(shop.list_prefix, day, next_sequence(s, day))
            wo.labour_fen, wo.parts_fen, wo.other_fen = t.labour_fen, t.parts_fen, t.other_fen
            wo.discount_fen, wo.due_fen = t.discount_fen, t.due_fen
            wo.payments = [m.Payment(method=p.method, amount_fen=p.amount_fen) for p in req.payments]
            wo.old_parts = req.old_parts
            wo.warranty_days, wo.warranty_km = req.warranty_days, req.warranty_km
            wo.warranty_text, wo.notes = req.warranty_text.strip()[:200], req.notes.strip()
            vehicle = wo.vehicle
            wo.owner_name, wo.owner_phone = vehicle.owner.name, vehicle.owner.phone
            wo.state = State.SETTLED.value
            wo.settled_at = now
            wo.updated_at = now
            if wo.revision_of_id is not None:
                s.execute(
                    update(m.WorkOrder)
                    .where(m.WorkOrder.costlistcode == wo.costlistcode, m.WorkOrder.id != wo.id)
                    .values(superseded=True)
                )
            s.add(
                m.OutboxEntry(
                    kind="repair_record",
                    record_id=wo.id,
                    record_key=wo.costlistcode,
                    revision=wo.revision,
                    vehicle_key=wo.vin,
                    state="pending",
                    next_attempt_at=now,
                    created_at=now,
                    updated_at=now,
                )
            )
            s.flush()
            return visible.order_detail(to_detail(wo), Visibility.of(actor))

    def _confirm(self, s: Session, wo: m.WorkOrder, now: datetime, req: SettleRequest) -> None:
        warnings = settlement_issues(s, wo, now)
        vin_reason = wo.vehicle.vin_check_reason
        confirmations = dict(req.confirmations)
        if vin_reason and "vin.check_digit" not in confirmations:
            confirmations["vin.check_digit"] = vin_reason  # confirmed with a reason at intake
        missing = [w for w in warnings if not confirmations.get(w.code, "").strip()]
        if missing:
            raise WarningsNotConfirmed(missing)
        wo.confirmed_warnings = [
            m.ConfirmedWarning(code=w.code, params=w.params, reason=confirmations[w.code].strip()[:200], confirmed_at=now)
            for w in warnings
        ]

    @staticmethod
    def _check_payments(payments: tuple[Payment, ...], due_fen: int) -> None:
        for p in payments:
            if p.method not in PAYMENT_METHODS:
                raise DomainError("settle.payment_method_invalid", "payments", method=p.method)
            if p.amount_fen < 0:
                raise DomainError("money.negative", "payments", text=format_yuan(p.amount_fen))
        paid = sum(p.amount_fen for p in payments)
        if paid != due_fen:
            raise DomainError("settle.payments_mismatch", "payments", paid=format_yuan(paid), due=format_yuan(due_fen))

    def start_correction(self, order_id: int) -> WorkOrderDetail:
        """Copy a settled order into a new editable revision; the original stays untouched."""
        actor = self._guard.require(Perm.SETTLE)
        now = self._clock.now()
        with writing(self._db, action="correct") as s:
            wo = load_order(s, order_id)
            if wo.state != State.SETTLED.value or wo.superseded:
                raise DomainError("settle.correction_not_allowed", None, state=wo.state)
            open_rev = s.scalar(
                select(m.WorkOrder.id).where(
                    m.WorkOrder.costlistcode == wo.costlistcode, m.WorkOrder.state != State.SETTLED.value
                )
            )
            if open_rev is not None:
                raise DomainError("settle.correction_open", None, id=open_rev)
            new = m.WorkOrder(
                uuid=str(uuid.uuid4()),
                vehicle_id=wo.vehicle_id,
                vehicle=wo.vehicle,
                revision=wo.revision + 1,
                revision_of_id=wo.id,
                state=State.COMPLETED.value,
                settled_at=None,
                created_at=now,
                updated_at=now,
                **{c: getattr(wo, c) for c in _COPIED},
            )
            new.labour_lines = [_copy(x, m.LabourLine) for x in wo.labour_lines]
            new.part_lines = [_copy(x, m.PartLine) for x in wo.part_lines]
            new.fee_lines = [_copy(x, m.FeeLine) for x in wo.fee_lines]
            s.add(new)
            s.flush()
            return visible.order_detail(to_detail(new), Visibility.of(actor))

    def settlement_list_pdf(self, order: WorkOrderDetail, shop: ShopInfo, paper: str = "a4", lang: str = "zh_CN") -> bytes:
        """The JT/T 1133 list of ``order`` (from :meth:`WorkOrderService.get`) as PDF: ``PRINT``.

        Not an export in the privacy sense: the list is the customer's own bill and must name them."""
        self._guard.require(Perm.PRINT)
        from app.reports.settlement_list import render_settlement_list  # reportlab: only when printing

        return render_settlement_list(order, shop, paper=paper, lang=lang)


_COPIED = (
    "plate vin owner_name owner_phone intake_at intake_mileage bringer_name bringer_phone fault_description "
    "repair_category labour_standard advisor_id completed_at mileage_out completion_cert_no costlistcode "
    "labour_fen parts_fen other_fen discount_fen due_fen old_parts warranty_days warranty_km warranty_text notes"
).split()


def _copy(row: object, cls: type) -> object:
    skip = {"id", "work_order_id"}
    cols = [c.key for c in cls.__table__.columns if c.key not in skip]  # type: ignore[attr-defined]
    return cls(**{c: getattr(row, c) for c in cols})
