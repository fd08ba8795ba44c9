"""ORM models of the shop's data. Money is integer fen (``*_fen``); hours and quantities are exact
Decimals stored as integers; times are UTC. Services own every write; the UI never sees these objects."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from localdb.base import Base
from localdb.types import Hundredths, Tenths


class Shop(Base):
    """The shop's registered identity; a single row (id 1). Printed on every list, sent as companyname."""

    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    contact: Mapped[str] = mapped_column(String(40), default="")
    company_code: Mapped[str] = mapped_column(String(40), default="")
    list_prefix: Mapped[str] = mapped_column(String(16))
    home_province: Mapped[str] = mapped_column(String(1), default="")
    labour_rate_fen: Mapped[int] = mapped_column(Integer, default=10000)
    updated_at: Mapped[datetime]


class Setting(Base):
    """Typed application settings are declared in app/settings.py; this table only stores their values."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Staff(Base):
    """A person of the shop; with a username and password hash also an account (``app/security``).

    Work orders, ratings and audit entries point at these rows, so they are disabled, never deleted.
    """

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    username: Mapped[str | None] = mapped_column(String(40), unique=True, index=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    recovery_hash: Mapped[str | None] = mapped_column(String(200))  # owner only: the printed recovery code
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)


class Owner(Base):
    __tablename__ = "owners"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(40), default="", index=True)


class Vehicle(Base):
    __tablename__ = "vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    plate: Mapped[str] = mapped_column(String(10), index=True)
    plate_colour: Mapped[int] = mapped_column(Integer, default=1)
    vin: Mapped[str] = mapped_column(String(17), unique=True)
    brand_model: Mapped[str] = mapped_column(String(60), default="")
    engine_no: Mapped[str] = mapped_column(String(40), default="")
    vehicle_type: Mapped[str] = mapped_column(String(20), default="car")
    # Indexed: PostgreSQL does not index foreign keys by itself, and the phone search joins owners to vehicles.
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"), index=True)
    # Why a failed VIN check digit was accepted at intake (e.g. an import without one); "" if it passed.
    vin_check_reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]

    owner: Mapped[Owner] = relationship(lazy="joined")


class WorkOrder(Base):
    """One revision of a work order. A correction of a settled order is a new row with the same
    ``costlistcode``, ``revision + 1`` and ``revision_of_id`` pointing at the row it corrects."""

    __tablename__ = "work_orders"
    __table_args__ = (
        UniqueConstraint("costlistcode", "revision", name="uq_work_orders_costlistcode_revision"),
        Index("ix_work_orders_intake_at_id", "intake_at", "id"),
        Index("ix_work_orders_state_intake_at", "state", "intake_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    # Snapshots: the list and the record show what was true for this visit.
    plate: Mapped[str] = mapped_column(String(10))
    vin: Mapped[str] = mapped_column(String(17), index=True)
    owner_name: Mapped[str] = mapped_column(String(60), default="")
    owner_phone: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(12), default="draft")
    intake_at: Mapped[datetime]
    intake_mileage: Mapped[int | None] = mapped_column(Integer)
    bringer_name: Mapped[str] = mapped_column(String(60), default="")
    bringer_phone: Mapped[str] = mapped_column(String(40), default="")
    fault_description: Mapped[str] = mapped_column(String(200), default="")
    repair_category: Mapped[str] = mapped_column(String(20), default="MINOR_REPAIR")
    labour_standard: Mapped[str] = mapped_column(String(20), default="industry")
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    completed_at: Mapped[datetime | None]
    mileage_out: Mapped[int | None] = mapped_column(Integer)
    completion_cert_no: Mapped[str] = mapped_column(String(40), default="")
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    settled_at: Mapped[datetime | None]
    costlistcode: Mapped[str | None] = mapped_column(String(50), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    revision_of_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"))
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    labour_fen: Mapped[int] = mapped_column(Integer, default=0)
    parts_fen: Mapped[int] = mapped_column(Integer, default=0)
    other_fen: Mapped[int] = mapped_column(Integer, default=0)
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    due_fen: Mapped[int] = mapped_column(Integer, default=0)
    old_parts: Mapped[str] = mapped_column(String(10), default="none")
    warranty_days: Mapped[int | None] = mapped_column(Integer)
    warranty_km: Mapped[int | None] = mapped_column(Integer)
    warranty_text: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    labour_lines: Mapped[list[LabourLine]] = relationship(
        order_by="LabourLine.seq", cascade="all, delete-orphan"
    )
    part_lines: Mapped[list[PartLine]] = relationship(order_by="PartLine.seq", cascade="all, delete-orphan")
    fee_lines: Mapped[list[FeeLine]] = relationship(order_by="FeeLine.seq", cascade="all, delete-orphan")
    payments: Mapped[list[Payment]] = relationship(cascade="all, delete-orphan")
    confirmed_warnings: Mapped[list[ConfirmedWarning]] = relationship(cascade="all, delete-orphan")
    vehicle: Mapped[Vehicle] = relationship()
    advisor: Mapped[Staff | None] = relationship()


class LabourLine(Base):
    __tablename__ = "labour_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(String(200))
    hours: Mapped[Decimal] = mapped_column(Tenths)
    rate_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(100), default="")

    technician: Mapped[Staff | None] = relationship()


class PartLine(Base):
    __tablename__ = "part_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    part_code: Mapped[str] = mapped_column(String(50))
    brand: Mapped[str] = mapped_column(String(40), default="")
    category: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal] = mapped_column(Hundredths)
    unit: Mapped[str] = mapped_column(String(10))
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    customer_supplied: Mapped[bool] = mapped_column(Boolean, default=False)
    cost_price_fen: Mapped[int | None] = mapped_column(Integer)


class FeeLine(Base):
    __tablename__ = "fee_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    amount_fen: Mapped[int] = mapped_column(Integer)


class Payment(Base):
    __tablename__ = "payments"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), index=True)
    method: Mapped[str] = mapped_column(String(10))
    amount_fen: Mapped[int] = mapped_column(Integer)


class ConfirmedWarning(Base):
    """A warning (VIN check digit, lower mileage, …) the user saw and confirmed, with their reason."""

    __tablename__ = "confirmed_warnings"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    params: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    reason: Mapped[str] = mapped_column(String(200), default="")
    confirmed_at: Mapped[datetime]


class ShopPart(Base):
    """The shop's own part catalogue: parts without an OE or brand number get a shop SKU from here."""

    __tablename__ = "shop_parts"
    __table_args__ = (UniqueConstraint("name", "brand", name="uq_shop_parts_name_brand"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str | None] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    brand: Mapped[str] = mapped_column(String(40), default="")
    unit: Mapped[str] = mapped_column(String(10), default="")


class SettlementCounter(Base):
    """Per-day sequence for settlement list numbers; incremented inside the settlement transaction."""

    __tablename__ = "settlement_counters"
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class OutboxEntry(Base):
    """One record revision waiting to leave the machine (transactional outbox, see design.md)."""

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("kind", "record_id", name="uq_outbox_kind_record_id"),
        Index("ix_outbox_state_next_attempt_at", "state", "next_attempt_at"),
        Index("ix_outbox_vehicle_key_id", "vehicle_key", "id"),  # sync: a vehicle's oldest unfinished row
        Index("ix_outbox_state_id", "state", "id"),  # sync: due rows in settlement order
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "repair_record"
    record_id: Mapped[int] = mapped_column(Integer)  # work_orders.id of the revision
    record_key: Mapped[str] = mapped_column(String(50))  # costlistcode
    revision: Mapped[int] = mapped_column(Integer, default=1)
    vehicle_key: Mapped[str] = mapped_column(String(17), default="")  # VIN: one in flight per vehicle
    state: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    ambiguous_sends: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error_code: Mapped[str] = mapped_column(String(40), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    receipt: Mapped[str] = mapped_column(Text, default="")
    claimed_by: Mapped[str | None] = mapped_column(String(60))
    lease_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


# Feature tables live in their own modules; importing them here registers them on Base.metadata.
from localdb import audit_models, owner_services_models, ratings_models, waste_models  # noqa: E402,F401
