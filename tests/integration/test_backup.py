"""Making backups on a real SQLite file: while another thread writes, daily when due, verified, audited,
refused without permission and on PostgreSQL; the pre-migration backup is the same kind of file; the
start-up integrity check names the newest good backup."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.backup import check_database
from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.security.permissions import FRONT_DESK, Actor
from localdb.audit_models import AuditEntry
from localdb.migrate import backup_sqlite_file
from localdb.sqlite_backup import check_copy, read_sidecar
from tests.dbs import sqlite_only
from tests.integration.backup_helpers import scalar, settle_orders
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full

pytestmark = sqlite_only("backups copy the SQLite file; on PostgreSQL the server's pg_dump does (tested below)")


def test_backup_while_another_thread_settles_orders(ctx: AppContext) -> None:
    """Each copy is one consistent snapshot: its row counts equal the source's at that moment, and every
    settled order's outbox entry (written in the same transaction) is in the same copy."""
    vehicle = make_vehicle(ctx)
    stop = threading.Event()
    errors: list[BaseException] = []
    settled: list[int] = []

    def writer() -> None:
        try:
            while not stop.is_set():
                settle_in_full(ctx, make_order(ctx, vehicle, mileage=40_000 + len(settled)))
                settled.append(1)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    results = []
    try:
        while len(settled) < 3:
            threading.Event().wait(0.01)
        for _ in range(4):
            results.append(ctx.backups.run())
            threading.Event().wait(0.05)
    finally:
        stop.set()
        thread.join(30)
    assert not errors, errors
    assert len(results) == 4 and all(r.verified for r in results)
    orders_seen = []
    for r in results:
        assert check_copy(r.path, r.counts).ok
        orders = scalar(r.path, "SELECT count(*) FROM work_orders WHERE state = 'settled'")
        assert orders == scalar(r.path, "SELECT count(*) FROM outbox") == r.counts["outbox"]
        orders_seen.append(orders)
    assert orders_seen == sorted(orders_seen) and orders_seen[-1] > 0
    assert orders_seen[0] < len(settled)  # the writer went on while the copies were made


def test_result_sidecar_and_audit_entry(ctx: AppContext) -> None:
    settle_orders(ctx, 2)
    result = ctx.backups.run()
    assert result.verified and result.kind == "manual" and result.size_bytes == result.path.stat().st_size
    assert result.path.parent == ctx.data_dir.backups and result.path.name.endswith("-manual.db")
    assert result.counts["work_orders"] == 2 and result.second_copy is None and result.second_copy_error is None
    meta = read_sidecar(result.path)
    assert meta is not None and meta["verified"] is True and meta["counts"] == result.counts
    [info] = ctx.backups.list()
    assert (info.path, info.kind, info.location, info.encrypted, info.verified) == (
        result.path, "manual", "local", False, True)  # fmt: skip
    with ctx.db.read() as s:
        names = s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "backup")).all()
    assert names == [result.path.name]


def test_daily_backup_is_due_once_per_local_day_and_runs_as_the_system(ctx: AppContext, clock: ManualClock) -> None:
    ctx.backups.run()  # a manual backup does not count as today's daily one
    first = ctx.backups.run_daily_if_due()
    assert first is not None and first.kind == "daily" and first.verified
    assert ctx.backups.run_daily_if_due() is None
    clock.advance(13 * 3600)  # 02:00 UTC + 13 h = 23:00 in Shanghai: still the same local day
    assert ctx.backups.run_daily_if_due() is None
    clock.advance(2 * 3600)  # 01:00 the next local day (still the same UTC day)
    second = ctx.backups.run_daily_if_due()
    assert second is not None and second.path != first.path
    with ctx.db.read() as s:
        actors = set(s.scalars(select(AuditEntry.actor_name).where(AuditEntry.action == "backup")))
    assert "系统" in actors


def test_a_week_of_daily_runs_rotates(ctx: AppContext, clock: ManualClock) -> None:
    for _ in range(10):
        assert ctx.backups.run_daily_if_due() is not None
        clock.advance(86400)
    dailies = [b for b in ctx.backups.list() if b.kind == "daily"]
    assert len(dailies) == 7  # 10 consecutive days: the last 7 days (weeks and months are within them)
    assert not [p for p in ctx.data_dir.backups.iterdir() if p.suffix == ".json" and not p.with_suffix("").exists()]


def test_backup_needs_the_backup_permission(ctx: AppContext) -> None:
    ctx.guard.login(Actor(None, "王丽", FRONT_DESK))
    with pytest.raises(DomainError) as refused:
        ctx.backups.run()
    assert refused.value.code == "auth.denied"
    with pytest.raises(DomainError):
        ctx.backups.restore(ctx.data_dir.database)
    with pytest.raises(DomainError):
        ctx.backups.set_second_folder(None, None)
    assert ctx.backups.run_daily_if_due() is not None  # the automatic run acts as the system
    ctx.guard.logout()


def test_pre_migration_backups_are_the_same_verified_files_and_keep_ten(ctx: AppContext) -> None:
    for _ in range(12):
        made = backup_sqlite_file(ctx.data_dir.database, ctx.data_dir.backups)
    assert made.name.endswith("-pre-migration.db")
    meta = read_sidecar(made)
    assert meta is not None and meta["verified"] is True and meta["kind"] == "pre-migration"
    kinds = [b.kind for b in ctx.backups.list()]
    assert kinds == ["pre-migration"] * 10


def _damage(db_file: Path) -> None:
    """Overwrite a page in the middle of the file (as a failing disk would)."""
    with db_file.open("r+b") as f:
        f.seek(4096 * 6)
        f.write(b"\xff" * 4096)


def test_integrity_check_names_the_newest_good_backup(ctx: AppContext, clock: ManualClock) -> None:
    settle_orders(ctx, 2)
    assert ctx.backups.integrity_check().ok
    older = ctx.backups.run()
    clock.advance(60)
    newer = ctx.backups.run()
    _damage(newer.path)  # the newest backup went bad too: the report must skip it
    data_dir = ctx.data_dir
    ctx.close()
    _damage(data_dir.database)
    report = check_database(data_dir)
    assert not report.ok and report.detail
    assert report.newest_good_backup == older.path
    assert str(older.path) in report.message() and "损坏" in report.message()
    assert str(older.path) in report.message("en")


def test_a_damaged_database_is_not_backed_up_as_good(ctx: AppContext) -> None:
    settle_orders(ctx, 1)
    ctx.backups.run()  # leaves the pool with a connection; damage the file underneath it
    ctx.db.dispose()
    _damage(ctx.data_dir.database)
    try:
        result = ctx.backups.run()
    except DomainError as exc:  # the damage was met while copying
        assert exc.code == "backup.failed"
    else:  # the damage was copied, and verification found it
        assert not result.verified and result.problem == "backup.integrity" and not result.path.exists()
    assert len(ctx.backups.list()) == 1


def test_clock_is_used_for_names(ctx: AppContext, clock: ManualClock) -> None:
    clock.advance(timedelta(days=3).total_seconds())
    result = ctx.backups.run()
    assert result.path.name.startswith("banshou-20261129T020000Z")
