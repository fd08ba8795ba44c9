"""Owner ratings (五分评价) and the staff they concern.

A rating keeps its scores as a small JSON object keyed by dimension, because the dimension set is a
province setting (``ehr-protocol.md`` §5, §9 item 6), plus one column per known dimension and
``min_score`` / ``mean_x100``, so the dashboard's figures for a year of ratings are SQL aggregates.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from localdb import models as m
from localdb.base import Base


class Rating(Base):
    """One owner's rating of one job, from the EHR (``source="ehr"``) or a portal export (``"import"``)."""

    __tablename__ = "ratings"
    __table_args__ = (
        UniqueConstraint("external_id", name="uq_ratings_external_id"),
        Index("ix_ratings_rated_at", "rated_at"),
        Index("ix_ratings_min_score_rated_at", "min_score", "rated_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # The platform's id, or a digest of the row for exports without one: re-import never duplicates.
    external_id: Mapped[str] = mapped_column(String(80))
    source: Mapped[str] = mapped_column(String(10))
    costlistcode: Mapped[str] = mapped_column(String(50), default="")
    plate: Mapped[str] = mapped_column(String(10), default="")
    rated_at: Mapped[datetime]
    scores: Mapped[dict[str, int]] = mapped_column(JSON)
    # The known dimensions again as plain columns, so a year's averages, trend and distribution are SQL
    # aggregates; ``scores`` stays the record of what arrived (a future dimension keeps its value there).
    quality: Mapped[int | None] = mapped_column(Integer)
    efficiency: Mapped[int | None] = mapped_column(Integer)
    pricing: Mapped[int | None] = mapped_column(Integer)
    attitude: Mapped[int | None] = mapped_column(Integer)
    environment: Mapped[int | None] = mapped_column(Integer)
    keep_appointment: Mapped[int | None] = mapped_column(Integer)
    min_score: Mapped[int] = mapped_column(Integer)
    mean_x100: Mapped[int] = mapped_column(Integer)  # mean of the dimensions × 100, rounded
    comment: Mapped[str] = mapped_column(Text, default="")
    work_order_id: Mapped[int | None] = mapped_column(ForeignKey("work_orders.id"), index=True)
    advisor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    followup_state: Mapped[str] = mapped_column(String(8), default="")  # "" | "open" | "closed"
    followup_note: Mapped[str] = mapped_column(Text, default="")
    followup_closed_at: Mapped[datetime | None]
    received_at: Mapped[datetime]


class RatingTechnician(Base):
    """Which technicians worked on the rated job (from its labour lines), for per-technician averages."""

    __tablename__ = "rating_technicians"
    rating_id: Mapped[int] = mapped_column(ForeignKey("ratings.id", ondelete="CASCADE"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True, index=True)


class DashboardMonth(Base):
    """Cached typical-fault and top-item counts of one closed month, so a year's business panel reads
    twelve small rows instead of re-grouping ~100,000 orders and their lines on every open.

    ``fingerprint`` is the month's settled-order count, takings and highest order id: a new settlement,
    a correction or a cancellation changes it, and the month is counted again.
    """

    __tablename__ = "dashboard_months"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # "2026-03", shop-local
    fingerprint: Mapped[str] = mapped_column(String(80))
    counts: Mapped[dict[str, object]] = mapped_column(JSON)
    computed_at: Mapped[datetime]


# Covering indexes for the dashboard's year-long scans (business and compliance panels): the settled
# orders of a period and their lines are read from the index alone, without touching the wide rows.
# Declared here, next to the only code that needs them, so the order models stay as their owners keep them.
Index("ix_work_orders_dashboard", m.WorkOrder.state, m.WorkOrder.superseded, m.WorkOrder.settled_at,
      m.WorkOrder.labour_fen, m.WorkOrder.parts_fen, m.WorkOrder.other_fen, m.WorkOrder.due_fen)  # fmt: skip
Index("ix_labour_lines_dashboard", m.LabourLine.work_order_id, m.LabourLine.item, m.LabourLine.amount_fen)
Index("ix_part_lines_dashboard", m.PartLine.work_order_id, m.PartLine.name, m.PartLine.amount_fen)
