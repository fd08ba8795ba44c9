"""What the sync page shows: counts, the oldest waiting record, last success, and the rows a person
must look at (rejected, or waiting longer than the attention threshold), each with its reason in words.

Read-only and Qt-free; the sync worker calls it off the GUI thread after each pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from app.domain.clock import Clock
from app.domain.errors import Issue
from app.ehr.outbox import issue_of
from app.ehr.results import explain
from app.services.outbox_status import ATTENTION_AFTER, OutboxStatus, OutboxStatusService
from localdb import models as m
from localdb.engine import Database

OE = m.OutboxEntry
WO = m.WorkOrder
MAX_LISTED = 500


@dataclass(frozen=True)
class ProblemRow:
    """One record that needs a person: ``kind`` is ``rejected`` or ``attention`` (still retrying)."""

    entry_id: int
    order_id: int
    costlistcode: str
    plate: str
    revision: int
    kind: str
    state: str
    reason: str  # plain words, in the current language
    issue: Issue | None
    created_at: datetime
    attempts: int


@dataclass(frozen=True)
class SyncOverview:
    status: OutboxStatus
    last_success_at: datetime | None
    problems: tuple[ProblemRow, ...]
    attention: int  # rows waiting longer than the threshold


def reason_text(code: str, text: str) -> tuple[str, Issue | None]:
    if not code:
        return "", None
    issue = issue_of(code, text)
    return explain(issue), issue


def overview(db: Database, clock: Clock, threshold: timedelta = ATTENTION_AFTER) -> SyncOverview:
    """Rejected rows whose order was not corrected since (a newer revision replaces them), and overdue
    waiting rows, oldest first."""
    status = OutboxStatusService(db, clock).status()
    now = clock.now()
    with db.read() as s:
        last = s.scalar(select(OE.updated_at).where(OE.state == "done").order_by(OE.updated_at.desc()).limit(1))
        overdue = OE.state.in_(("pending", "in_flight")) & (OE.created_at < now - threshold)
        attention = int(s.scalar(select(func.count()).select_from(OE).where(overdue)) or 0)
        rows = s.execute(
            select(OE, WO.plate, WO.superseded)
            .join(WO, (WO.id == OE.record_id) & (OE.kind == "repair_record"))  # waste rows: no order
            .where(
                ((OE.state == "rejected") & (WO.superseded.is_(False)))
                | overdue
            )
            .order_by(OE.id)
            .limit(MAX_LISTED)
        ).all()
        s.expunge_all()  # keep the loaded values: read() rolls back (and would expire them) on exit
    problems = []
    for entry, plate, _superseded in rows:
        kind = "rejected" if entry.state == "rejected" else "attention"
        reason, issue = reason_text(entry.last_error_code, entry.last_error)
        if kind == "attention":
            hours = int((now - entry.created_at).total_seconds() // 3600)
            reason = explain(Issue("sync.needs_attention", None, {"hours": hours, "reason": reason or "—"}))
        problems.append(ProblemRow(entry.id, entry.record_id, entry.record_key, plate, entry.revision, kind,
                                   entry.state, reason, issue, entry.created_at, entry.attempts))  # fmt: skip
    return SyncOverview(status, last, tuple(problems), attention)
