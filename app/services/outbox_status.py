"""How full the upload queue is, for the status bar and the sync screen.

One small read (a grouped count and a ``min``) so the status bar can poll it every few seconds off the
GUI thread without competing with the counter for the database. The sync worker owns every write to the
outbox; this module never changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.domain.clock import Clock
from app.services.storage import reading
from localdb import models as m
from localdb.engine import Database

WAITING_STATES = ("pending", "in_flight")
"""Rows not yet accepted by the EHR: what the clerk reads as 待上传."""

ATTENTION_AFTER = timedelta(hours=24)
"""A record waiting longer than this is flagged "needs attention" while retries go on (design.md)."""


@dataclass(frozen=True)
class OutboxStatus:
    pending: int = 0
    in_flight: int = 0
    done: int = 0
    rejected: int = 0
    oldest_waiting_at: datetime | None = None  # created_at of the oldest pending/in-flight row (UTC)
    oldest_waiting_age: timedelta | None = None  # now − oldest_waiting_at, per the injected clock

    @property
    def waiting(self) -> int:
        """Rows still to be uploaded: pending plus in flight."""
        return self.pending + self.in_flight

    def needs_attention(self, threshold: timedelta = ATTENTION_AFTER) -> bool:
        """True when something was rejected or has waited longer than ``threshold``."""
        overdue = self.oldest_waiting_age is not None and self.oldest_waiting_age > threshold
        return self.rejected > 0 or overdue


class OutboxStatusService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def status(self) -> OutboxStatus:
        """Counts per state and the age of the oldest row still waiting (one read transaction)."""
        with reading(self._db) as s:
            counts = dict(s.execute(select(m.OutboxEntry.state, func.count()).group_by(m.OutboxEntry.state)).all())
            oldest = s.scalar(
                select(func.min(m.OutboxEntry.created_at)).where(m.OutboxEntry.state.in_(WAITING_STATES))
            )
        if oldest is not None and oldest.tzinfo is None:  # func.min bypasses the column's UTC type
            oldest = oldest.replace(tzinfo=UTC)
        age = max(self._clock.now() - oldest, timedelta(0)) if oldest is not None else None
        return OutboxStatus(
            pending=int(counts.get("pending", 0)),
            in_flight=int(counts.get("in_flight", 0)),
            done=int(counts.get("done", 0)),
            rejected=int(counts.get("rejected", 0)),
            oldest_waiting_at=oldest,
            oldest_waiting_age=age,
        )
