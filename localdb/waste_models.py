"""ORM models of the hazardous-waste ledger (HJ 1259-2022). Imported at the bottom of ``localdb.models``
so Alembic sees the tables.

Why the ledger is one table (:class:`WasteEntry`) with a stage column rather than five: the five record
types share almost every field, the batch-code chain links rows across stages, and stock is a plain sum.
Ledger rows are **append-only**: the service never updates or deletes them; a mistake is corrected by a
reversal row (``stage = "CX"``) that carries the opposite effect, a reason and the user's name. Each row
stores its own effect on stock (``stock_*`` for everything on site, ``stored_*`` for what sits in the
storage point), so stock per kind or per container is one ``SUM`` and never depends on re-deriving rules.

Quantities are exact Decimals with three places (kg to the gram, litres to the millilitre), stored as
integers like the other scaled columns.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from localdb.base import Base
from localdb.types import _ScaledDecimal


class Thousandths(_ScaledDecimal):
    """kg or litres with three decimals, stored as an integer count of grams or millilitres."""

    scale = 1000
    cache_ok = True


class WasteLocalKind(Base):
    """A kind the shop added itself (e.g. coolant with its locally required code); shipped kinds are data."""

    __tablename__ = "waste_local_kinds"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    list_name: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(8), default="")
    code: Mapped[str] = mapped_column(String(12), default="")
    hazard: Mapped[str] = mapped_column(String(12), default="")
    hazardous: Mapped[bool] = mapped_column(Boolean, default=True)
    unit: Mapped[str] = mapped_column(String(8))
    density_kg_per_l: Mapped[Decimal | None] = mapped_column(Thousandths)
    created_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime]


class WasteContainer(Base):
    """A drum, tray, bag or box that waste is collected in; its code is written on its HJ 1276 label."""

    __tablename__ = "waste_containers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    kind_key: Mapped[str] = mapped_column(String(40), index=True)
    container_type: Mapped[str] = mapped_column(String(40))
    facility_code: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class WasteBatchCounter(Base):
    """Per stage and day serial for batch codes (``HWCS20261126001``), incremented in the writing transaction."""

    __tablename__ = "waste_batch_counters"
    key: Mapped[str] = mapped_column(String(16), primary_key=True)  # stage + yyyymmdd
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class WasteCollector(Base):
    """A licensed receiver or pilot collector: a directory row, edited freely (it is not ledger data)."""

    __tablename__ = "waste_collectors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    licence_no: Mapped[str] = mapped_column(String(60))
    licence_expires: Mapped[date] = mapped_column(Date)
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    receiver_type: Mapped[str] = mapped_column(String(20), default="licensed")  # licensed | pilot | exempt
    province: Mapped[str] = mapped_column(String(20), default="")
    contract_start: Mapped[date | None] = mapped_column(Date)
    contract_end: Mapped[date | None] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(String(40), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class WasteHandoff(Base):
    """One pickup trip (转移): a workflow record whose status moves on; its ledger rows never change."""

    __tablename__ = "waste_handoffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    collector_id: Mapped[int] = mapped_column(ForeignKey("waste_collectors.id"), index=True)
    carrier_name: Mapped[str] = mapped_column(String(100), default="")
    carrier_plate: Mapped[str] = mapped_column(String(10), default="")
    manifest_no: Mapped[str] = mapped_column(String(14), default="")
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|in_transit|received|rejected
    treatment: Mapped[str] = mapped_column(String(40), default="")  # e.g. R4 / 综合利用
    payment_fen: Mapped[int] = mapped_column(Integer, default=0)  # > 0 collector pays the shop; < 0 shop pays
    handled_by: Mapped[str] = mapped_column(String(40), default="")
    departed_at: Mapped[datetime | None]
    received_on: Mapped[date | None] = mapped_column(Date)
    status_reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class WasteHandoffLine(Base):
    """One container (or part of one) leaving on a handoff."""

    __tablename__ = "waste_handoff_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    handoff_id: Mapped[int] = mapped_column(ForeignKey("waste_handoffs.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    container_id: Mapped[int] = mapped_column(ForeignKey("waste_containers.id"))
    kind_key: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[Decimal] = mapped_column(Thousandths)
    unit: Mapped[str] = mapped_column(String(8))
    weight_kg: Mapped[Decimal] = mapped_column(Thousandths)


class WasteEntry(Base):
    """One ledger row: 产生 CS, 入库 RK, 出库 CK, 委外 WWLY/WWCZ, or a reversal CX. Append-only."""

    __tablename__ = "waste_entries"
    __table_args__ = (
        Index("ix_waste_entries_container_id_occurred_at", "container_id", "occurred_at"),
        Index("ix_waste_entries_stage_occurred_at", "stage", "occurred_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    batch_code: Mapped[str] = mapped_column(String(24), unique=True)
    stage: Mapped[str] = mapped_column(String(4))
    occurred_at: Mapped[datetime]
    kind_key: Mapped[str] = mapped_column(String(40), index=True)
    # Snapshots, so an edited data file never rewrites history: HJ 1259 wants both names, category, code.
    shop_name: Mapped[str] = mapped_column(String(60))
    list_name: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(8), default="")
    code: Mapped[str] = mapped_column(String(12), default="")
    hazard: Mapped[str] = mapped_column(String(12), default="")
    hazardous: Mapped[bool] = mapped_column(Boolean, default=True)
    container_id: Mapped[int] = mapped_column(ForeignKey("waste_containers.id"))
    container_count: Mapped[int] = mapped_column(Integer, default=1)
    quantity: Mapped[Decimal] = mapped_column(Thousandths)  # native unit; negative on a reversal row
    unit: Mapped[str] = mapped_column(String(8))
    weight_kg: Mapped[Decimal] = mapped_column(Thousandths)  # negative on a reversal row
    stock_qty: Mapped[Decimal] = mapped_column(Thousandths)  # effect on what is on site
    stock_kg: Mapped[Decimal] = mapped_column(Thousandths)
    stored_qty: Mapped[Decimal] = mapped_column(Thousandths)  # effect on what is in the storage point
    stored_kg: Mapped[Decimal] = mapped_column(Thousandths)
    facility_code: Mapped[str] = mapped_column(String(40), default="")
    handled_by: Mapped[str] = mapped_column(String(40), default="")
    destination: Mapped[str] = mapped_column(String(100), default="")  # 去向
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"), index=True)
    handoff_id: Mapped[int | None] = mapped_column(ForeignKey("waste_handoffs.id"), index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("waste_entries.id"), unique=True)
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]


class WasteEntryLink(Base):
    """Batch-code chain: this row (e.g. an 入库) follows from that earlier row (its 产生 batch)."""

    __tablename__ = "waste_entry_links"
    entry_id: Mapped[int] = mapped_column(ForeignKey("waste_entries.id"), primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("waste_entries.id"), primary_key=True, index=True)


class WasteExpectation(Base):
    """Waste a completed or settled work order should have produced, waiting for a technician to confirm
    it with the real quantity or dismiss it with a reason. Keyed by the order's first revision so a
    correction of a settled order does not ask twice."""

    __tablename__ = "waste_expectations"
    __table_args__ = (UniqueConstraint("root_order_id", "kind_key", name="uq_waste_expectations_root_order_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    root_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"))
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    kind_key: Mapped[str] = mapped_column(String(40))
    expected_qty: Mapped[Decimal] = mapped_column(Thousandths)
    unit: Mapped[str] = mapped_column(String(8))
    source_parts: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | confirmed | dismissed
    reason: Mapped[str] = mapped_column(String(200), default="")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("waste_entries.id"))
    resolved_by: Mapped[str] = mapped_column(String(40), default="")
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime]

