"""The outbox table's claim and mark statements: the only SQL the sync engine runs.

Why every step is its own short committed transaction (``design.md`` "Sync queue"):

* **claim** sets ``state = in_flight``, ``claimed_by`` and ``lease_until`` and commits *before* anything is
  sent, so a second worker (the GUI's thread, a ``banshou sync`` process, or another PC on PostgreSQL)
  sees the claim and leaves the row alone until the lease runs out. The ``UPDATE`` repeats the "still
  claimable" condition in its ``WHERE`` and counts the rows it changed, so two claimers racing for the
  same row cannot both win, on any database.
* **mark** only changes a row this owner still holds (``claimed_by`` = us, ``state = in_flight``); a
  worker that overran its lease and lost the row to another one cannot overwrite that one's result.
* Only the oldest unfinished row of each vehicle (``vehicle_key``) is ever claimable, so records of one
  vehicle go out one at a time and in settlement order (the outbox id is assigned inside the settlement
  transaction, under the database's writer lock, so id order is settlement order).
* None of these needs the writer lock itself (``Database.write(serialised=False)``): on PostgreSQL the
  claim reads its candidates ``FOR UPDATE SKIP LOCKED``, so workers of several processes or PCs claiming
  at once pass over the rows another one is claiming instead of queueing behind it, while the settlement
  at the counter goes on. SQLite renders no ``FOR UPDATE``; there ``BEGIN IMMEDIATE`` queues claimers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from app.domain.errors import Issue
from localdb import models as m
from localdb.engine import Database

OE = m.OutboxEntry
UNFINISHED = ("pending", "in_flight")


@dataclass(frozen=True)
class Claim:
    """One row this worker now holds: everything needed to send it and to mark the result."""

    id: int
    kind: str
    record_id: int
    record_key: str
    revision: int
    vehicle_key: str
    attempts: int
    ambiguous_sends: int
    created_at: datetime


def _claimable(now: Any) -> Any:
    """Due pending rows, and in-flight rows whose owner's lease ran out (a crashed or hung worker)."""
    return or_(
        and_(OE.state == "pending", OE.next_attempt_at <= now),
        and_(OE.state == "in_flight", or_(OE.lease_until.is_(None), OE.lease_until < now)),
    )


def _is_head() -> Any:
    """No older unfinished row of the same vehicle exists (index ``ix_outbox_vehicle_key_id``)."""
    older = aliased(OE)
    return ~exists().where(older.vehicle_key == OE.vehicle_key, older.id < OE.id, older.state.in_(UNFINISHED))


def next_due(db: Database) -> datetime | None:
    """When the next row becomes claimable: a head row's attempt time, or an in-flight row's lease end."""
    with db.read() as s:
        pending = s.scalar(select(OE.next_attempt_at).where(OE.state == "pending", _is_head())
                           .order_by(OE.next_attempt_at).limit(1))  # fmt: skip
        leased = s.scalar(select(OE.lease_until).where(OE.state == "in_flight", OE.lease_until.is_not(None))
                          .order_by(OE.lease_until).limit(1))  # fmt: skip
    found = [t for t in (pending, leased) if t is not None]
    return min(found) if found else None


CANDIDATE_PAGE = 128


def _candidates(s: Session, now: datetime, after_id: int) -> list[OE]:
    """Due rows in id order, one page: due pending rows (index ``state, id``) and in-flight
    rows whose lease ran out. Cheap even with 10,000 queued rows, unlike a per-row "is head" subquery.
    On PostgreSQL the page is locked for this claim and rows another claimer has locked are left out."""
    pending = s.scalars(select(OE).where(OE.state == "pending", OE.id > after_id, OE.next_attempt_at <= now)
                        .order_by(OE.id).limit(CANDIDATE_PAGE).with_for_update(skip_locked=True))  # fmt: skip
    expired = s.scalars(select(OE).where(OE.state == "in_flight", OE.id > after_id,
                                         or_(OE.lease_until.is_(None), OE.lease_until < now))
                        .order_by(OE.id).limit(CANDIDATE_PAGE).with_for_update(skip_locked=True))  # fmt: skip
    return sorted([*pending, *expired], key=lambda r: r.id)[:CANDIDATE_PAGE]


def _heads_of(s: Session, vehicle_keys: set[str]) -> dict[str, int]:
    """Each vehicle's oldest unfinished row id (index ``vehicle_key, id``)."""
    rows = s.execute(select(OE.vehicle_key, func.min(OE.id)).where(OE.vehicle_key.in_(vehicle_keys),
                                                                   OE.state.in_(UNFINISHED))
                     .group_by(OE.vehicle_key)).all()  # fmt: skip
    return {key: head for key, head in rows}


def claim(db: Database, owner: str, now: datetime, lease: timedelta, limit: int,
          busy_vehicles: frozenset[str] = frozenset()) -> list[Claim]:  # fmt: skip
    """Take up to ``limit`` due rows, at most one per vehicle and only each vehicle's oldest, in one commit.

    ``busy_vehicles`` are vehicles this worker is still sending for (their head row is ours, in flight).
    """
    if limit <= 0:
        return []
    taken: list[Claim] = []
    with db.write(serialised=False) as s:
        after, seen = 0, set(busy_vehicles)
        while True:  # heads are nearly always on the first page; behind a vehicle in backoff, read on
            rows = _candidates(s, now, after)
            if not rows:
                break
            after = rows[-1].id
            heads = _heads_of(s, {r.vehicle_key for r in rows} - seen)
            for row in rows:
                if len(taken) >= limit:
                    break
                if row.vehicle_key in seen or heads.get(row.vehicle_key) != row.id:
                    continue
                seen.add(row.vehicle_key)
                changed = s.execute(
                    update(OE)
                    .where(OE.id == row.id, _claimable(now))
                    .values(state="in_flight", claimed_by=owner, lease_until=now + lease, updated_at=now)
                    .execution_options(synchronize_session=False)
                ).rowcount
                if changed == 1:
                    taken.append(Claim(row.id, row.kind, row.record_id, row.record_key, row.revision,
                                       row.vehicle_key, row.attempts, row.ambiguous_sends, row.created_at))  # fmt: skip
            if len(taken) >= limit:
                break
    return taken


def _mark(s: Session, entry_id: int, owner: str, **values: Any) -> bool:
    changed = s.execute(
        update(OE)
        .where(OE.id == entry_id, OE.claimed_by == owner, OE.state == "in_flight")
        .values(claimed_by=None, lease_until=None, **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    return bool(changed)


def issue_text(issue: Issue) -> tuple[str, str]:
    """(last_error_code, last_error) for a row: the message code and its parameters as JSON.

    Kept as code + parameters rather than a rendered sentence so the sync page can say it in the
    reader's language later (and the server's own ``status`` stays there verbatim).
    """
    detail = {"field": issue.field, "params": issue.params}
    return issue.code[:40], json.dumps(detail, ensure_ascii=False, default=str)


def issue_of(code: str, text: str) -> Issue:
    """The inverse of :func:`issue_text`; an unreadable ``last_error`` still yields a renderable issue."""
    try:
        detail = json.loads(text) if text else {}
    except json.JSONDecodeError:
        detail = {"params": {"status": text}}
    if not isinstance(detail, dict):
        detail = {}
    params = detail.get("params") if isinstance(detail.get("params"), dict) else {}
    return Issue(code, detail.get("field"), params)


def mark_done(db: Database, entry: Claim, owner: str, now: datetime, receipt: dict[str, Any],
              ambiguous: int) -> bool:  # fmt: skip
    with db.write(serialised=False) as s:
        return _mark(s, entry.id, owner, state="done", receipt=json.dumps(receipt, ensure_ascii=False),
                     attempts=entry.attempts + 1, ambiguous_sends=entry.ambiguous_sends + ambiguous,
                     last_error_code="", last_error="", updated_at=now)  # fmt: skip


def mark_rejected(db: Database, entry: Claim, owner: str, now: datetime, issue: Issue, *, sent: bool,
                  ambiguous: int = 0) -> bool:  # fmt: skip
    code, text = issue_text(issue)
    with db.write(serialised=False) as s:
        return _mark(s, entry.id, owner, state="rejected", attempts=entry.attempts + int(sent),
                     ambiguous_sends=entry.ambiguous_sends + ambiguous, last_error_code=code,
                     last_error=text, updated_at=now)  # fmt: skip


def mark_retry(db: Database, entry: Claim, owner: str, now: datetime, issue: Issue, when: datetime, *,
               sent: bool, ambiguous: int) -> bool:  # fmt: skip
    """Back to pending until ``when``; the reason stays visible on the row meanwhile."""
    code, text = issue_text(issue)
    with db.write(serialised=False) as s:
        return _mark(s, entry.id, owner, state="pending", next_attempt_at=when,
                     attempts=entry.attempts + int(sent), ambiguous_sends=entry.ambiguous_sends + ambiguous,
                     last_error_code=code, last_error=text, updated_at=now)  # fmt: skip


def release(db: Database, entries: list[Claim], owner: str, now: datetime) -> None:
    """Hand back rows claimed but never sent (shutting down, or sending paused): due again at once."""
    if not entries:
        return
    with db.write(serialised=False) as s:
        s.execute(
            update(OE)
            .where(OE.id.in_([e.id for e in entries]), OE.claimed_by == owner, OE.state == "in_flight")
            .values(state="pending", claimed_by=None, lease_until=None, next_attempt_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )


def retry_now(db: Database, now: datetime, entry_ids: list[int] | None = None) -> int:
    """"立即重试": pending rows become due now (all of them, or the given ones). In-flight rows are left."""
    stmt = update(OE).where(OE.state == "pending", OE.next_attempt_at > now)
    if entry_ids is not None:
        stmt = stmt.where(OE.id.in_(entry_ids))
    with db.write(serialised=False) as s:
        return int(s.execute(stmt.values(next_attempt_at=now, updated_at=now)
                             .execution_options(synchronize_session=False)).rowcount)  # fmt: skip


def resend(db: Database, entry_id: int, now: datetime) -> bool:
    """Put one rejected row back in the queue (after the cause was fixed outside the record itself,
    e.g. the province profile or the portal). A data mistake is fixed by a correction revision instead."""
    with db.write(serialised=False) as s:
        return bool(s.execute(
            update(OE).where(OE.id == entry_id, OE.state == "rejected")
            .values(state="pending", next_attempt_at=now, last_error_code="", last_error="", updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount)  # fmt: skip
