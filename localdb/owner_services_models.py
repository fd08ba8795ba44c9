"""ORM models of the services for owners and the authorities (issue 6): issued history reports, maintenance
reminder rules, suspected-defect cases, and the two work-order types kept as side tables.

Imported at the bottom of ``localdb.models`` so Alembic sees the tables.

Why side tables keyed by ``work_order_id`` for the emissions (M station) and accident types instead of a
type column on ``work_orders``: such an order is a repair record like any other (same life cycle, same
settlement, same EHR upload); the extra facts only matter to the lists and exports of that type, and the
work-order table stays untouched by a feature most shops use rarely.

Why reminders keep no "next due" column: the schedule is *derived* from the settled orders each time (the
last settled order whose labour matches the rule re-arms it), so a settlement, a correction or a cancelled
revision can never leave a stale due date behind. Only what a person did (the contacted mark) is stored,
tied to the order that armed the current cycle.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from localdb.base import Base


class HistoryIssue(Base):
    """One vehicle-history document the shop issued: its verification code and what it said."""

    __tablename__ = "history_issues"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # first 64 bits of the digest, hex
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the canonical text
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    form: Mapped[str] = mapped_column(String(12))  # "full" | "deidentified"
    canonical_text: Mapped[str] = mapped_column(Text)
    summary: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    issued_at: Mapped[datetime]


class ReminderRule(Base):
    """"Oil every 5,000 km or 6 months, whichever first": either interval may be empty."""

    __tablename__ = "reminder_rules"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    interval_km: Mapped[int | None] = mapped_column(Integer)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)  # matched in labour item names
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]


class ReminderOverride(Base):
    """A vehicle's own intervals for a rule (a taxi changes oil more often), or the rule switched off."""

    __tablename__ = "reminder_overrides"
    __table_args__ = (UniqueConstraint("rule_id", "vehicle_id", name="uq_reminder_overrides_rule_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("reminder_rules.id", ondelete="CASCADE"))
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    interval_km: Mapped[int | None] = mapped_column(Integer)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class ReminderContact(Base):
    """The front desk called (or messaged) the owner about one reminder cycle.

    ``anchor_order_id`` is the settled order that armed the cycle; a newer matching settlement starts a new
    cycle, so an old mark never hides a new reminder.
    """

    __tablename__ = "reminder_contacts"
    __table_args__ = (
        UniqueConstraint("rule_id", "vehicle_id", "anchor_order_id", name="uq_reminder_contacts_rule_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("reminder_rules.id", ondelete="CASCADE"))
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    anchor_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"))
    contacted_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(String(200), default="")


class DefectCase(Base):
    """A suspected quality defect of the vehicle or a part, flagged from a work order.

    VIN, model, plate and mileage are snapshots: the report must say what was true at that visit.
    """

    __tablename__ = "defect_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), index=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    vin: Mapped[str] = mapped_column(String(17))
    plate: Mapped[str] = mapped_column(String(10))
    brand_model: Mapped[str] = mapped_column(String(60), default="")
    mileage: Mapped[int | None] = mapped_column(Integer)
    occurred_on: Mapped[date] = mapped_column(Date)
    component: Mapped[str] = mapped_column(String(60))
    symptom: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    technician: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime]

    photos: Mapped[list[DefectPhoto]] = relationship(order_by="DefectPhoto.seq", cascade="all, delete-orphan")


class DefectPhoto(Base):
    """A photo copied into the data folder (``stored_path`` is relative to it, so backups carry it)."""

    __tablename__ = "defect_photos"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("defect_cases.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    stored_path: Mapped[str] = mapped_column(String(300))
    original_name: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64))


class EmissionsRepair(Base):
    """排放性能维护（M 站）: the repair of a vehicle that failed its emissions test (I/M programme)."""

    __tablename__ = "emissions_repairs"
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), primary_key=True)
    test_report_no: Mapped[str] = mapped_column(String(40), index=True)
    failed_items: Mapped[list[str]] = mapped_column(JSON, default=list)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    repair: Mapped[str] = mapped_column(Text, default="")
    retest_result: Mapped[str] = mapped_column(String(10), default="pending")  # pending | pass | fail
    retest_report_no: Mapped[str] = mapped_column(String(40), default="")
    retest_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime]


class AccidentRepair(Base):
    """事故车维修: the insurer's side of a repair, for reconciling claims."""

    __tablename__ = "accident_repairs"
    work_order_id: Mapped[int] = mapped_column(ForeignKey("work_orders.id"), primary_key=True)
    insurer: Mapped[str] = mapped_column(String(60), index=True)
    claim_no: Mapped[str] = mapped_column(String(60))
    loss_assessment_fen: Mapped[int] = mapped_column(Integer, default=0)  # 定损金额
    direct_claim: Mapped[bool] = mapped_column(Boolean, default=False)  # 直赔: the insurer pays the shop
    updated_at: Mapped[datetime]
