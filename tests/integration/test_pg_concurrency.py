"""Several client processes on one PostgreSQL database, as several PCs of one shop would be.

Real processes (``multiprocessing`` with ``spawn``: a fresh interpreter each, own engine and connections),
started together behind a barrier so their transactions really overlap:

- desks settling different orders at the same moment get distinct, gap-free settlement-list numbers;
- sync workers draining one outbox against the sandbox upload every record exactly once (the sandbox's
  own store is the proof: records, repeats and record requests);
- a client killed with SIGKILL in the middle of a settlement (all its statements run, the commit not yet)
  leaves nothing behind: no number used, no outbox row, the order unchanged, the data stamp unmoved, and
  the next writer is not blocked by the dead one's locks.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.context import AppContext, open_context
from app.domain.clock import ManualClock
from app.domain.errors import StorageError
from app.ehr.sandbox import run_sandbox
from app.live_changes import read_state
from app.paths import DataDir
from app.services.dto import Payment
from app.services.settlement import SettleRequest
from localdb import models as m
from tests.dbs import ENV_VAR, requires_postgres
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.integration.sync_helpers import CODE, PASSWORD, bulk_settle

pytestmark = requires_postgres

SPAWN = mp.get_context("spawn")
DESKS = 6
SYNC_WORKERS = 3
RECORDS = 300
JOIN_S = 120


@pytest.fixture
def shared(tmp_path: Path, ctx: AppContext) -> tuple[str, AppContext]:
    """The shop's shared database (the ``ctx`` fixture's, which is a PostgreSQL database here) and a client."""
    assert os.environ.get(ENV_VAR)
    return ctx.db.url, ctx


def _client(url: str, folder: str, now_iso: str) -> AppContext:
    return open_context(DataDir(Path(folder)), ManualClock(datetime.fromisoformat(now_iso)), database_url=url)


def _join_all(processes: list[Any]) -> None:
    for p in processes:
        p.join(JOIN_S)
        assert p.exitcode == 0, f"{p.name} ended with {p.exitcode}"


# -- settling at the same moment -------------------------------------------------------------------------------
def _settle_at_once(url: str, folder: str, now_iso: str, order_id: int, due_fen: int, barrier: Any, out: Any) -> None:
    ctx = _client(url, folder, now_iso)
    try:
        assert not ctx.settlement.warnings(order_id)  # also warms this process up: the race is the settling
        barrier.wait(60)
        for attempt in range(1, 4):
            try:
                detail = ctx.settlement.settle(order_id, SettleRequest(payments=(Payment("wechat", due_fen),)))
                break
            except StorageError as exc:  # "busy, try again" on a loaded machine: the clerk clicks again
                if exc.code != "storage.locked" or attempt == 3:
                    raise
        out.put((order_id, detail.costlistcode))
    finally:
        ctx.close()


def test_desks_settling_at_the_same_moment_get_distinct_numbers(tmp_path: Path, shared: tuple[str, AppContext]) -> None:
    url, ctx = shared
    orders = [make_order(ctx, make_vehicle(ctx, f"沪A2000{k}", f"LSVAM4187C218400{k}")) for k in range(DESKS)]
    barrier, out = SPAWN.Barrier(DESKS), SPAWN.Queue()
    desks = [SPAWN.Process(target=_settle_at_once, name=f"desk-{k}",
                           args=(url, str(tmp_path / f"pc{k}"), ctx.clock.now().isoformat(), o.id, o.totals.due_fen,
                                 barrier, out)) for k, o in enumerate(orders)]  # fmt: skip
    for p in desks:
        p.start()
    _join_all(desks)
    numbers = dict(out.get(timeout=5) for _ in desks)
    assert sorted(numbers) == sorted(o.id for o in orders)
    assert sorted(numbers.values()) == [f"SH01-20261126-{n:04d}" for n in range(1, DESKS + 1)]
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == DESKS


# -- several sync workers ---------------------------------------------------------------------------------------
def _drain(url: str, folder: str, now_iso: str, base_url: str, barrier: Any, out: Any) -> None:
    from app.ehr.client import EhrClient
    from app.ehr.profiles import load_profile
    from app.ehr.sync import SyncEngine
    from app.services.outbox_status import OutboxStatusService

    ctx = _client(url, folder, now_iso)
    profile = load_profile("sandbox").with_overrides(base_url=base_url, connect_timeout_s=5, read_timeout_s=5)
    engine = SyncEngine(ctx.db, ctx.clock, EhrClient(profile, CODE, lambda: PASSWORD, ctx.clock), ctx.shop.get)
    sent = 0
    try:
        barrier.wait(60)
        deadline = time.monotonic() + 90
        while OutboxStatusService(ctx.db, ctx.clock).status().waiting and time.monotonic() < deadline:
            counts = engine.drain_once()
            sent += counts.sent
            if not counts.claimed:
                time.sleep(0.05)  # the rows left are another worker's, in flight
        out.put(sent)
    finally:
        engine.close()
        ctx.close()


def test_sync_workers_in_several_processes_upload_each_record_once(
    tmp_path: Path, shared: tuple[str, AppContext], clock: ManualClock
) -> None:
    url, ctx = shared
    codes = bulk_settle(ctx, RECORDS, vehicles=RECORDS)  # one record per vehicle: all claimable at once
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: PASSWORD}, clock=clock) as sb:
        barrier, out = SPAWN.Barrier(SYNC_WORKERS), SPAWN.Queue()
        workers = [SPAWN.Process(target=_drain, name=f"sync-{k}",
                                 args=(url, str(tmp_path / f"pc{k}"), clock.now().isoformat(), sb.base_url, barrier, out))
                   for k in range(SYNC_WORKERS)]  # fmt: skip
        for p in workers:
            p.start()
        _join_all(workers)
        sent = [out.get(timeout=5) for _ in workers]
        stats = sb.stats()
        stored = sorted(r.costlistcode for r in sb.records())
    assert sum(sent) == RECORDS and sum(1 for n in sent if n) > 1, f"per worker: {sent}"
    assert (stats.records, stats.repeats, stats.record_requests) == (RECORDS, 0, RECORDS)
    assert stored == sorted(codes)
    with ctx.db.read() as s:
        states = dict(s.execute(select(m.OutboxEntry.state, func.count()).group_by(m.OutboxEntry.state)).all())
    assert states == {"done": RECORDS}


# -- a client killed mid-transaction --------------------------------------------------------------------------
def _settle_and_hang_before_commit(url: str, folder: str, now_iso: str, order_id: int, due_fen: int, ready: Any) -> None:
    """Settle, but stop dead just before COMMIT (every statement of the unit of work has run)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    def hang(_session: Session) -> None:
        ready.set()
        time.sleep(600)

    ctx = _client(url, folder, now_iso)
    event.listen(Session, "before_commit", hang)
    ctx.settlement.settle(order_id, SettleRequest(payments=(Payment("wechat", due_fen),)))


def test_a_client_killed_mid_settlement_leaves_nothing_half_written(tmp_path: Path, shared: tuple[str, AppContext]) -> None:
    url, ctx = shared
    order = make_order(ctx, make_vehicle(ctx))
    stamp_before = read_state(ctx.db).stamp
    state_before = order.state
    ready = SPAWN.Event()
    victim = SPAWN.Process(target=_settle_and_hang_before_commit, name="victim",
                           args=(url, str(tmp_path / "pc-victim"), ctx.clock.now().isoformat(), order.id,
                                 order.totals.due_fen, ready))  # fmt: skip
    victim.start()
    try:
        assert ready.wait(60), "the victim never reached its commit"
    finally:
        os.kill(victim.pid or 0, signal.SIGKILL)
        victim.join(30)
    assert victim.exitcode == -signal.SIGKILL
    with ctx.db.read() as s:
        row = s.get(m.WorkOrder, order.id)
        assert row is not None and (row.state, row.costlistcode, row.settled_at) == (state_before, None, None)
        assert s.scalar(select(func.count()).select_from(m.OutboxEntry)) == 0
        assert s.scalar(select(func.count()).select_from(m.SettlementCounter)) == 0
    assert read_state(ctx.db).stamp == stamp_before
    started = time.monotonic()
    settled = settle_in_full(ctx, ctx.orders.get(order.id))  # the dead client's locks are gone
    assert time.monotonic() - started < 5
    assert settled.costlistcode == "SH01-20261126-0001"  # its number was never used

