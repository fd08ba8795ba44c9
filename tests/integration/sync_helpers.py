"""Helpers for the sync tests (the volume builder lives in :mod:`app.ehr.bench_data`, shared with the
benchmark)."""

from __future__ import annotations

from sqlalchemy import select

from app.context import AppContext
from app.ehr.bench_data import bulk_settle
from localdb import models as m

CODE = "310115000000001"
PASSWORD = "s3cret-Pa55!"

__all__ = ["CODE", "PASSWORD", "bulk_settle", "outbox_rows"]


def outbox_rows(ctx: AppContext) -> list[m.OutboxEntry]:
    with ctx.db.read() as s:
        rows = list(s.scalars(select(m.OutboxEntry).order_by(m.OutboxEntry.id)))
        s.expunge_all()  # keep the loaded values: read() rolls back (and would expire them) on exit
        return rows
