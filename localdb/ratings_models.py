"""Owner ratings (五分评价) and the staff they concern.

A rating keeps its scores as a small JSON object keyed by dimension, because the dimension set is a
province setting (``ehr-protocol.md`` §5, §9 item 6); ``min_score`` and ``mean_x100`` are stored next to it
so the follow-up list and period averages are plain indexed queries on a year of ratings.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

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
