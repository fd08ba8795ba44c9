"""事故车维修 records: the insurer's side of a repair (insurer, claim number, loss assessment, 直赔).

Kept beside the order (side table) because the repair itself is an ordinary work order. The list exists to
reconcile with insurers: for each claim, what the insurer assessed and what the shop billed, and under
direct claims (直赔, the insurer pays the shop instead of the owner) what the shop should collect from
whom.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.domain.clock import Clock
from app.domain.errors import DomainError, Issue
from app.domain.money import MAX_FEN, fen_to_yuan, format_yuan
from app.owner_services.export import Sheet, workbook
from app.owner_services.records import OrderRef, order_ref, shown_ref, side_table_query, usable_order
from app.security.guard import Guard
from app.security.permissions import Actor, Perm
from app.security.privacy import ExportGate, mask_name
from app.services.storage import reading, writing
from localdb import models as m
from localdb.engine import Database
from localdb.owner_services_models import AccidentRepair


@dataclass(frozen=True)
class AccidentInput:
    insurer: str
    claim_no: str
    loss_assessment_fen: int
    direct_claim: bool = False


@dataclass(frozen=True)
class AccidentRecord:
    order: OrderRef
    insurer: str
    claim_no: str
    loss_assessment_fen: int
    direct_claim: bool

    @property
    def difference_fen(self) -> int:
        """Billed minus assessed: positive means the bill exceeds what the insurer accepted."""
        return self.order.due_fen - self.loss_assessment_fen


def _check(data: AccidentInput) -> AccidentInput:
    problems: list[Issue] = []
    if not data.insurer.strip():
        problems.append(Issue("accident.insurer_required", "insurer"))
    if not data.claim_no.strip():
        problems.append(Issue("accident.claim_required", "claim_no"))
    if not 0 <= data.loss_assessment_fen <= MAX_FEN:
        problems.append(Issue("accident.amount_invalid", "loss_assessment"))
    if problems:
        raise DomainError.of(problems)
    return AccidentInput(data.insurer.strip()[:60], data.claim_no.strip()[:60], data.loss_assessment_fen,
                         data.direct_claim)  # fmt: skip


def _record(row: AccidentRepair, wo: m.WorkOrder, actor: Actor) -> AccidentRecord:
    ref = shown_ref(order_ref(wo), actor)
    assessed = row.loss_assessment_fen if not ref.prices_hidden else 0  # an amount like the bill
    return AccidentRecord(ref, row.insurer, row.claim_no, assessed, row.direct_claim)


class AccidentService:
    """Customer care (``CUSTOMER_CARE``); the reconciliation list for insurers is an export (``EXPORT``)."""

    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard
        self._exports = exports

    def save(self, work_order_id: int, data: AccidentInput) -> AccidentRecord:
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        data = _check(data)
        with writing(self._db) as s:
            wo = usable_order(s, work_order_id)
            row = s.get(AccidentRepair, work_order_id)
            if row is None:
                row = AccidentRepair(work_order_id=work_order_id)
                s.add(row)
            row.insurer, row.claim_no = data.insurer, data.claim_no
            row.loss_assessment_fen, row.direct_claim = data.loss_assessment_fen, data.direct_claim
            row.updated_at = self._clock.now()
            s.flush()
            return _record(row, wo, actor)

    def get(self, work_order_id: int) -> AccidentRecord | None:
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        with reading(self._db) as s:
            row = s.get(AccidentRepair, work_order_id)
            return _record(row, usable_order(s, work_order_id), actor) if row else None

    def remove(self, work_order_id: int) -> None:
        self._guard.require(Perm.CUSTOMER_CARE)
        with writing(self._db) as s:
            row = s.get(AccidentRepair, work_order_id)
            if row is not None:
                s.delete(row)

    def insurers(self) -> list[str]:
        """Insurers used before, for the entry field's completion (most used first)."""
        self._guard.require(Perm.CUSTOMER_CARE)
        with reading(self._db) as s:
            names = s.scalars(select(AccidentRepair.insurer)).all()
        return sorted(set(names), key=lambda n: (-names.count(n), n))

    def list(
        self, date_from: date | None = None, date_to: date | None = None, insurer: str | None = None
    ) -> list[AccidentRecord]:
        """Records by intake date (local days, inclusive), newest first; cancelled orders are left out."""
        actor = self._guard.require(Perm.CUSTOMER_CARE)
        stmt = side_table_query(AccidentRepair, date_from, date_to)
        if insurer:
            stmt = stmt.where(AccidentRepair.insurer == insurer)
        with reading(self._db) as s:
            return [_record(row, wo, actor) for row, wo in s.execute(stmt)]

    def export_excel(self, records: list[AccidentRecord], shop_name: str, period: str, *,
                     unmasked: bool = False) -> bytes:  # fmt: skip
        """:func:`export_xlsx` (no owner column; the owner's name on the records is masked all the same)."""
        rows = records if unmasked else [
            replace(r, order=replace(r.order, owner_name=mask_name(r.order.owner_name))) for r in records]
        return self._exports.export("accidents_excel", lambda: export_xlsx(rows, shop_name, period),
                                    unmasked=unmasked, entity="accident_repairs", rows=len(rows))  # fmt: skip


COLUMNS = (
    ("保险公司", 16), ("报案/理赔号", 22), ("直赔", 6), ("工单号", 11), ("送修日期", 11), ("车牌号码", 10),
    ("品牌型号", 14), ("结算清单编号", 22), ("定损金额(元)", 13), ("结算金额(元)", 13), ("差额(元)", 12),
)


def export_xlsx(records: list[AccidentRecord], shop_name: str, period: str) -> bytes:
    """The reconciliation list: one row per claim, amounts as numbers, a totals row."""
    rows = [
        [r.insurer, r.claim_no, "是" if r.direct_claim else "否", r.order.order_no, r.order.intake_on.isoformat(),
         r.order.plate, r.order.brand_model, r.order.costlistcode or "（未结算）", fen_to_yuan(r.loss_assessment_fen),
         fen_to_yuan(r.order.due_fen), fen_to_yuan(r.difference_fen)]
        for r in records
    ]
    assessed = sum(r.loss_assessment_fen for r in records)
    billed = sum(r.order.due_fen for r in records)
    footer = ["合计", f"{len(records)} 单", "", "", "", "", "", "", fen_to_yuan(assessed), fen_to_yuan(billed), fen_to_yuan(billed - assessed)]
    return workbook(
        Sheet("事故维修", "事故车维修理赔对账表",
              f"维修单位：{shop_name}　期间：{period}　定损合计 ¥{format_yuan(assessed)}，结算合计 ¥{format_yuan(billed)}",
              [t for t, _ in COLUMNS], [w for _, w in COLUMNS], rows, footer)
    )
