"""The sync engine against the real sandbox over loopback: happy path, corrections, auth, backoff, leases,
and the fault matrix of issue 3 (1,000 records, 30 % random failures, tokens expiring every 20 requests).

No mocks: the sandbox's own counts prove what reached the "province"; a :class:`ManualClock` shared by
the shop, the engine and the sandbox makes backoff, Retry-After and token expiry take no wall time.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from app.context import AppContext
from app.domain.clock import ManualClock
from app.ehr import outbox
from app.ehr.client import EhrClient
from app.ehr.overview import overview
from app.ehr.profiles import load_profile
from app.ehr.sandbox import Sandbox, run_sandbox
from app.ehr.sync import DrainCounts, SyncEngine, SyncPolicy
from localdb import models as m
from localdb.engine import Database
from tests.dbs import requires_postgres
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.integration.sync_helpers import CODE, PASSWORD, bulk_settle, outbox_rows


@pytest.fixture
def sb(tmp_path: Path, clock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: PASSWORD}, clock=clock) as sandbox:
        yield sandbox


def engine_for(ctx: AppContext, sb: Sandbox, password: list[str] | None = None, profile: str = "sandbox",
               policy: SyncPolicy | None = None, seed: int = 1, **overrides: Any) -> SyncEngine:  # fmt: skip
    secret = password or [PASSWORD]
    timeouts: dict[str, Any] = {"connect_timeout_s": 1, "read_timeout_s": 1}
    prof = load_profile(profile).with_overrides(base_url=sb.base_url, **{**timeouts, **overrides})
    client = EhrClient(prof, CODE, lambda: secret[0], ctx.clock)
    return SyncEngine(ctx.db, ctx.clock, client, ctx.shop.get, policy=policy, rng=random.Random(seed))


def drain_all(engine: SyncEngine, clock: ManualClock, max_passes: int = 10_000,
              before_pass: Any = None) -> DrainCounts:  # fmt: skip
    """Pass after pass, jumping the clock to the next due row, until nothing is waiting."""
    total = DrainCounts()
    for n in range(max_passes):
        if before_pass is not None:
            before_pass(n)
        total.add(engine.drain_once())
        wake = engine.wake_at()
        if wake is None:
            return total
        if wake > clock.now():
            clock.advance((wake - clock.now()).total_seconds())
    raise AssertionError("the outbox did not drain")


def test_settle_and_forget_happy_path(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    vehicle = make_vehicle(ctx)
    orders = [settle_in_full(ctx, make_order(ctx, vehicle, mileage=40000 + k)) for k in range(3)]
    engine = engine_for(ctx, sb)
    try:
        counts = engine.drain_once()
    finally:
        engine.close()
    assert (counts.accepted, counts.rejected, counts.retried, counts.sent) == (3, 0, 0, 3)
    rows = outbox_rows(ctx)
    assert [r.state for r in rows] == ["done"] * 3 and all('"duplicate": false' in r.receipt for r in rows)
    assert all(r.claimed_by is None and r.attempts == 1 for r in rows)
    assert [r.costlistcode for r in sb.records()] == [o.costlistcode for o in orders]  # settlement order
    assert sb.record(orders[0].costlistcode).content["basicInfo"]["vin"] == vehicle.vin  # type: ignore[union-attr]
    assert engine.last_success_at == clock.now()


def test_nothing_due_sends_nothing(ctx: AppContext, sb: Sandbox) -> None:
    engine = engine_for(ctx, sb)
    try:
        assert engine.drain_once().claimed == 0 and engine.wake_at() is None
    finally:
        engine.close()
    assert sb.stats().requests == 0


@pytest.mark.parametrize(("mode", "state", "corrections"), [("resend_same_code", "done", 1),
                                                             ("manual_only", "rejected", 0)])  # fmt: skip
def test_correction_follows_the_profile(ctx: AppContext, sb: Sandbox, mode: str, state: str, corrections: int) -> None:
    order = settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    engine = engine_for(ctx, sb, correction_mode=mode)
    try:
        engine.drain_once()
        fixed = ctx.settlement.start_correction(order.id)
        ctx.orders.update_header(fixed.id, _header(fixed, mileage=45999))
        settle_in_full(ctx, ctx.orders.get(fixed.id))
        engine.drain_once()
    finally:
        engine.close()
    first, second = outbox_rows(ctx)
    assert (first.state, second.state, second.revision) == ("done", state, 2)
    assert sb.stats().corrections == corrections and sb.stats().repeats == 0
    if mode == "manual_only":
        assert second.last_error_code == "sync.correction_manual_only" and second.attempts == 0
        problems = overview(ctx.db, ctx.clock).problems
        assert [p.kind for p in problems] == ["rejected"] and "省级" in problems[0].reason


def _header(order: Any, mileage: int) -> Any:
    from app.services.workorders import IntakeHeader

    return IntakeHeader(order.intake_at, mileage, order.fault_description, advisor_id=order.advisor_id)


def test_rejection_keeps_the_reason_and_is_listed(ctx: AppContext, sb: Sandbox) -> None:
    codes = bulk_settle(ctx, 4, vehicles=4, bad_vin=frozenset({2}))
    engine = engine_for(ctx, sb)
    try:
        counts = engine.drain_once()
    finally:
        engine.close()
    assert (counts.accepted, counts.rejected) == (3, 1)
    bad = outbox_rows(ctx)[2]
    assert bad.state == "rejected" and bad.record_key == codes[2] and '"field": "vin"' in bad.last_error
    [problem] = overview(ctx.db, ctx.clock).problems
    assert problem.kind == "rejected" and "车辆识别代码" in problem.reason and problem.plate.startswith("沪B")
    assert outbox.resend(ctx.db, bad.id, ctx.clock.now()) and outbox_rows(ctx)[2].state == "pending"


def test_wrong_password_pauses_until_the_settings_change(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 5, vehicles=5)
    secret = ["wrong"]
    engine = engine_for(ctx, sb, password=secret)
    try:
        first = engine.drain_once()
        assert first.auth_failed >= 1 and first.paused and first.sent == 0
        assert engine.auth_problem is not None and engine.auth_problem.params["code"] == "4"
        requests = sb.stats().requests
        assert engine.drain_once().paused and sb.stats().requests == requests  # no hammering
        clock.advance(60)
        assert engine.drain_once().claimed == 0
        secret[0] = PASSWORD
        engine.resume()
        counts = drain_all(engine, clock)
    finally:
        engine.close()
    assert counts.accepted == 5 and engine.auth_problem is None
    assert [r.state for r in outbox_rows(ctx)] == ["done"] * 5


def test_retry_after_is_honoured_and_backoff_is_capped(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 1)
    engine = engine_for(ctx, sb)
    try:
        sb.set_faults(http_status=429, http_count=1, retry_after_s=120)
        engine.drain_once()
        row = outbox_rows(ctx)[0]
        assert row.state == "pending" and row.next_attempt_at - clock.now() >= timedelta(seconds=120)
        sb.set_faults(http_status=503, http_count=None, retry_after_s=None)
        for _ in range(20):
            clock.advance((outbox_rows(ctx)[0].next_attempt_at - clock.now()).total_seconds())
            engine.drain_once()
        row = outbox_rows(ctx)[0]
        assert row.attempts == 21 and row.state == "pending"  # never gives up
        assert timedelta(seconds=150) <= row.next_attempt_at - clock.now() <= timedelta(seconds=300)
        sb.clear_faults()
        assert outbox.retry_now(ctx.db, clock.now()) == 1  # "立即重试"
        assert engine.drain_once().accepted == 1
    finally:
        engine.close()


def test_a_live_lease_is_respected_and_an_expired_one_reclaimed(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 4, vehicles=4)
    crashed = outbox.claim(ctx.db, "crashed-worker", clock.now(), timedelta(seconds=90), 2)
    assert len(crashed) == 2
    engine = engine_for(ctx, sb)
    try:
        assert engine.drain_once().accepted == 2  # only the two unclaimed rows
        assert {r.state for r in outbox_rows(ctx)[:2]} == {"in_flight"}
        clock.advance(91)
        assert engine.drain_once().accepted == 2
    finally:
        engine.close()
    # The crashed worker wakes up and tries to mark its rows: it no longer holds them.
    assert not outbox.mark_done(ctx.db, crashed[0], "crashed-worker", clock.now(), {}, 0)
    assert [r.state for r in outbox_rows(ctx)] == ["done"] * 4


def test_two_engines_never_send_the_same_row(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 200, vehicles=40)
    engines = [engine_for(ctx, sb, seed=k) for k in range(2)]
    try:
        threads = [threading.Thread(target=e.drain_once) for e in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        drain_all(engines[0], clock)
    finally:
        for e in engines:
            e.close()
    assert sb.stats().records == 200 and sb.stats().repeats == 0 and sb.stats().record_requests == 200


@requires_postgres
def test_a_claim_passes_over_rows_another_claimer_has_locked(ctx: AppContext, clock: ManualClock) -> None:
    """FOR UPDATE SKIP LOCKED: while another PC's claim transaction holds a row, this claim takes the other
    due rows at once instead of waiting for that transaction (or, behind it, for the writer lock)."""
    bulk_settle(ctx, 4, vehicles=4)
    this_pc = Database(ctx.db.url, connect_args={"options": "-c lock_timeout=2000"})  # a regression fails, not hangs
    try:
        with ctx.db.write(serialised=False) as other_pc:
            locked = other_pc.scalars(select(m.OutboxEntry.id).order_by(m.OutboxEntry.id).limit(1)
                                      .with_for_update()).one()  # fmt: skip
            with ctx.db.write() as counter:  # a settlement in progress at the counter holds the writer lock
                counter.connection()
                taken = outbox.claim(this_pc, "this-pc", clock.now(), timedelta(seconds=90), 10)
    finally:
        this_pc.dispose()
    assert len(taken) == 3 and locked not in {c.id for c in taken}


def test_one_vehicle_in_flight_and_settlement_order(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    codes = bulk_settle(ctx, 30, vehicles=3)
    engine = engine_for(ctx, sb, max_in_flight=4)
    try:
        sb.set_faults(failure_rate=0.3, seed=5)
        drain_all(engine, clock)
    finally:
        engine.close()
    received = [r.costlistcode for r in sb.records()]
    for v in range(3):
        mine = [c for i, c in enumerate(codes) if i % 3 == v]
        assert [c for c in received if c in mine] == mine


def _fault_pass(sb: Sandbox, rng: random.Random, ctx: AppContext) -> Any:
    """Before each pass: the 30 % random failures and token expiry stay on; some passes add a burst of
    429 + Retry-After, or a slow server that makes the client time out (after the record was stored)."""

    def before(n: int) -> None:
        sb.clear_faults()
        plan: dict[str, Any] = {"failure_rate": 0.3, "token_expiry_every": 20, "seed": n}
        roll = rng.random()
        if roll < 0.2:
            plan.update(http_status=429, http_count=rng.randint(1, 6), retry_after_s=rng.choice([1, 30, 90]))
        elif roll < 0.25 and n < 200:
            plan.update(latency_ms=700)  # the client's read timeout is 0.5 s: a timeout after storing
            threading.Timer(0.8, sb.set_faults, kwargs={"latency_ms": 0}).start()
        sb.set_faults(**plan)

    return before


@pytest.mark.slow
def test_fault_matrix_thousand_records_all_accepted(ctx: AppContext, sb: Sandbox, clock: ManualClock,
                                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    bad = frozenset({17, 333, 901})
    codes = bulk_settle(ctx, 1000, vehicles=120, bad_vin=bad)
    engine = engine_for(ctx, sb, read_timeout_s=0.5)
    try:
        total = drain_all(engine, clock, before_pass=_fault_pass(sb, random.Random(3), ctx))
    finally:
        engine.close()
    rows = outbox_rows(ctx)
    stats = sb.stats()
    ambiguous = sum(r.ambiguous_sends for r in rows)
    assert [r.record_key for r in rows if r.state == "rejected"] == [codes[i] for i in sorted(bad)]
    assert all('"field": "vin"' in r.last_error for r in rows if r.state == "rejected")
    assert [r.state for r in rows].count("done") == 997
    stored = {r.costlistcode for r in sb.records()}
    assert stored == {c for i, c in enumerate(codes) if i not in bad}  # nothing lost, nothing extra
    assert stats.repeats <= ambiguous
    assert total.duplicates <= ambiguous
    with capsys.disabled():
        print(f"\n[fault matrix] records=1000 accepted={997} rejected=3 record_requests={stats.record_requests} "
              f"ambiguous_sends={ambiguous} sandbox_repeats={stats.repeats} duplicate_accepted={total.duplicates}")


def test_before_store_faults_only_make_no_repeats(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 300, vehicles=60)
    rng = random.Random(11)

    def before(n: int) -> None:
        sb.clear_faults()
        kind = n % 4
        if kind == 0:
            sb.set_faults(drop_before_store=rng.randint(1, 12), token_expiry_every=20)
        elif kind == 1:
            sb.set_faults(http_status=503, http_count=rng.randint(1, 12))
        elif kind == 2:
            sb.set_faults(http_status=429, http_count=rng.randint(1, 12), retry_after_s=5)

    engine = engine_for(ctx, sb)
    try:
        drain_all(engine, clock, before_pass=before)
    finally:
        engine.close()
    rows = outbox_rows(ctx)
    assert {r.state for r in rows} == {"done"} and sb.stats().records == 300
    assert sum(r.ambiguous_sends for r in rows) > 0  # drops are ambiguous to the client …
    assert sb.stats().repeats == 0  # … but the sandbox proves none was a repeat


def test_needs_attention_after_a_day_while_retries_go_on(ctx: AppContext, sb: Sandbox, clock: ManualClock) -> None:
    bulk_settle(ctx, 2, vehicles=2)
    engine = engine_for(ctx, sb)
    try:
        sb.set_faults(http_status=503)
        engine.drain_once()
        clock.advance(25 * 3600)
        view = overview(ctx.db, ctx.clock)
        assert view.attention == 2 and {p.kind for p in view.problems} == {"attention"}
        assert "25" in view.problems[0].reason and view.status.needs_attention()
        sb.clear_faults()
        engine.drain_once()
    finally:
        engine.close()
    assert overview(ctx.db, ctx.clock).problems == ()


def test_training_folder_never_sends_to_a_real_profile(ctx: AppContext, sb: Sandbox) -> None:
    from app.domain.errors import DomainError
    from app.ehr.training import mark_training_folder

    mark_training_folder(ctx.db)
    with ctx.db.write() as s:
        s.execute(update(m.Setting).where(m.Setting.key == "x").values(value=1))
    real = load_profile("variant-a").with_overrides(base_url="https://ehr.example.com/")
    client = EhrClient(real, CODE, lambda: PASSWORD, ctx.clock)
    with pytest.raises(DomainError) as err:
        SyncEngine(ctx.db, ctx.clock, client, ctx.shop.get)
    assert err.value.code == "sync.training_to_real"
    client.close()


@pytest.mark.slow
def test_a_week_offline_then_everything_drains_in_order(ctx: AppContext, tmp_path: Path, clock: ManualClock) -> None:
    """2,000 records settled over a week with the province unreachable: the engine probes (one record per
    backoff step, not 2,000), flags the old ones, then drains all in settlement order per vehicle."""
    with run_sandbox(db_path=tmp_path / "reserve.db", accounts={CODE: PASSWORD}) as probe:
        port = probe.port  # a port nobody listens on once this block ends
    start = clock.now()
    codes = bulk_settle(ctx, 2000, vehicles=150, at=lambda i: start + timedelta(seconds=300 * i))
    prof = load_profile("sandbox").with_overrides(base_url=f"http://127.0.0.1:{port}/", connect_timeout_s=1,
                                                  read_timeout_s=1)  # fmt: skip
    engine = SyncEngine(ctx.db, clock, EhrClient(prof, CODE, lambda: PASSWORD, clock), ctx.shop.get,
                        rng=random.Random(2))  # fmt: skip
    try:
        attempts = 0
        for _hour in range(7 * 24):
            clock.advance(3600)
            attempts += engine.drain_once().claimed
        assert attempts < 7 * 24 * 12 * 2  # probing, not dialling every queued record
        view = overview(ctx.db, ctx.clock)
        assert view.status.done == 0 and view.attention > 1000
        with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: PASSWORD}, port=port, clock=clock) as sb:
            drain_all(engine, clock)
            received = [r.costlistcode for r in sb.records()]
    finally:
        engine.close()
    assert {r.state for r in outbox_rows(ctx)} == {"done"} and len(received) == 2000
    for v in range(150):
        mine = codes[v::150]
        assert [c for c in received if c in set(mine)] == mine
