"""The status bar's view of the upload queue: counts per state and the oldest waiting age."""

from __future__ import annotations

from datetime import timedelta

from app.context import AppContext
from app.domain.clock import ManualClock
from app.services.outbox_status import OutboxStatus, OutboxStatusService
from localdb.models import OutboxEntry


def _add(ctx: AppContext, record_id: int, state: str, age: timedelta) -> None:
    created = ctx.clock.now() - age
    with ctx.db.write() as s:
        s.add(
            OutboxEntry(
                kind="repair_record",
                record_id=record_id,
                record_key=f"SH01-20261126-{record_id:04d}",
                state=state,
                next_attempt_at=created,
                created_at=created,
                updated_at=created,
            )
        )


def test_empty_queue(ctx: AppContext) -> None:
    status = OutboxStatusService(ctx.db, ctx.clock).status()
    assert status == OutboxStatus()
    assert status.waiting == 0
    assert not status.needs_attention()


def test_counts_per_state_and_oldest_waiting_age(ctx: AppContext, clock: ManualClock) -> None:
    _add(ctx, 1, "pending", timedelta(hours=3))
    _add(ctx, 2, "pending", timedelta(minutes=5))
    _add(ctx, 3, "in_flight", timedelta(hours=5))
    _add(ctx, 4, "done", timedelta(days=9))  # older, but accepted: not waiting
    _add(ctx, 5, "done", timedelta(days=1))
    status = OutboxStatusService(ctx.db, clock).status()
    assert (status.pending, status.in_flight, status.done, status.rejected) == (2, 1, 2, 0)
    assert status.waiting == 3
    assert status.oldest_waiting_age == timedelta(hours=5)
    assert status.oldest_waiting_at == clock.now() - timedelta(hours=5)
    assert status.oldest_waiting_at.tzinfo is not None
    assert not status.needs_attention()


def test_age_follows_the_injected_clock_and_flags_attention(ctx: AppContext, clock: ManualClock) -> None:
    _add(ctx, 1, "pending", timedelta(hours=1))
    service = OutboxStatusService(ctx.db, clock)
    clock.advance(timedelta(hours=24).total_seconds())
    status = service.status()
    assert status.oldest_waiting_age == timedelta(hours=25)
    assert status.needs_attention()
    assert not status.needs_attention(threshold=timedelta(days=2))


def test_a_rejection_needs_attention(ctx: AppContext) -> None:
    _add(ctx, 1, "rejected", timedelta(minutes=1))
    status = OutboxStatusService(ctx.db, ctx.clock).status()
    assert status.rejected == 1 and status.waiting == 0
    assert status.oldest_waiting_age is None
    assert status.needs_attention()
