"""Settlement on a real database: numbering, totals, outbox, double settlement, corrections, rollback."""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

import localdb.engine as engine_mod
from app.context import AppContext
from app.domain.errors import DomainError, StorageError, WarningsNotConfirmed
from app.services.dto import LabourLine, PartLine, Payment
from app.services.settlement import SettleRequest, next_sequence
from app.services.workorders import IntakeHeader
from localdb import models as m
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full


def test_settle_assigns_number_totals_and_outbox_in_one_go(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    # 0.5 h × 85.55 = 42.775 → 42.78; 4.5 L × 68.00 = 306.00; 45.00; fee 10.00
    assert order.totals.gross_fen == 4278 + 30600 + 4500 + 1000
    done = settle_in_full(ctx, order, discount_fen=78, old_parts="owner")
    assert done.state == "settled"
    assert done.costlistcode == "SH01-20261126-0001"
    assert done.totals.discount_fen == 78
    assert done.totals.due_fen == 40378 - 78
    assert done.settled_at == ctx.clock.now()
    assert done.parts[0].part_code == "SH01P00001"  # no code typed → shop SKU, never 无
    with ctx.db.read() as s:
        entry = s.scalars(select(m.OutboxEntry)).one()
        assert (entry.record_id, entry.record_key, entry.state, entry.vehicle_key) == (
            done.id,
            done.costlistcode,
            "pending",
            done.vehicle.vin,
        )
        row = s.get(m.WorkOrder, done.id)
        assert row is not None and row.due_fen == done.totals.due_fen


def test_numbers_run_per_local_day(ctx: AppContext) -> None:
    v = make_vehicle(ctx)
    first = settle_in_full(ctx, make_order(ctx, v, 1000))
    second = settle_in_full(ctx, make_order(ctx, v, 1100))
    ctx.clock.advance(15 * 3600)  # 2026-11-27 01:00 Shanghai
    third = settle_in_full(ctx, make_order(ctx, v, 1200))
    assert [first.costlistcode, second.costlistcode, third.costlistcode] == [
        "SH01-20261126-0001",
        "SH01-20261126-0002",
        "SH01-20261127-0001",
    ]


def test_settling_twice_settles_once(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    done = settle_in_full(ctx, order)
    with pytest.raises(DomainError) as err:
        settle_in_full(ctx, order)
    assert err.value.code == "workorder.already_settled"
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(m.OutboxEntry.id))) == 1
        assert s.get(m.SettlementCounter, "20261126").last_seq == 1  # type: ignore[union-attr]
    assert ctx.orders.get(order.id).costlistcode == done.costlistcode


def test_concurrent_settlements_get_distinct_numbers(ctx: AppContext) -> None:
    """Eight threads, each with its own sessions, settle eight orders at once: eight distinct numbers."""
    vins = [f"LSVAM4187C218{i:04d}" for i in range(8)]
    orders = [make_order(ctx, make_vehicle(ctx, f"沪A1234{i}", vin)) for i, vin in enumerate(vins)]
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(orders))

    def work(o: object) -> None:
        barrier.wait()
        try:
            results.append(settle_in_full(ctx, o).costlistcode or "")  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(results) == [f"SH01-20261126-{i:04d}" for i in range(1, 9)]


def test_day_counter_gives_distinct_numbers_even_without_the_writer_lock(ctx: AppContext) -> None:
    """The counter's single INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic on its own: on PostgreSQL,
    where writers may overlap, eight unserialised transactions still take eight distinct numbers."""
    numbers: list[int] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        with ctx.db.write(serialised=False) as s:
            numbers.append(next_sequence(s, "20261126"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(numbers) == list(range(1, 9))


def test_same_order_settled_from_two_threads_settles_once(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def work() -> None:
        barrier.wait()
        try:
            outcomes.append(settle_in_full(ctx, order).costlistcode or "")
        except DomainError as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["SH01-20261126-0001", "workorder.already_settled"]


def test_blocking_rules(ctx: AppContext) -> None:
    v = make_vehicle(ctx)
    empty = ctx.orders.open(v.id, _header(ctx))
    with pytest.raises(DomainError) as err:
        settle_in_full(ctx, empty)
    assert "settle.no_lines" in [i.code for i in err.value.issues]
    order = make_order(ctx, v, mileage=50000)
    with pytest.raises(DomainError) as err:
        ctx.settlement.settle(order.id, SettleRequest(payments=(Payment("cash", 1),)))
    assert err.value.code == "settle.payments_mismatch"
    with pytest.raises(DomainError) as err:
        ctx.settlement.settle(order.id, SettleRequest(discount_fen=order.totals.gross_fen + 1))
    assert err.value.code == "settle.discount_too_large"
    assert ctx.orders.get(order.id).state == "draft"  # nothing changed


def _header(ctx: AppContext) -> IntakeHeader:
    return IntakeHeader(ctx.clock.now() - timedelta(hours=1), 50000, "刹车异响")


def test_line_rules_reject_and_keep_nothing(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))
    bad = [
        ([LabourLine("换刹车片", Decimal("1.25"), 10000)], [], "line.hours_precision"),
        ([LabourLine("换刹车片", Decimal("1"), -1)], [], "line.price_negative"),
        ([], [PartLine("刹车片", Decimal("0"), "套", 100, "oem")], "line.quantity_not_positive"),
        ([], [PartLine("刹车片", Decimal("1.005"), "套", 100, "oem")], "line.quantity_precision"),
        ([], [PartLine("刹车片", Decimal("1"), "套", -100, "oem")], "line.price_negative"),
    ]
    for labour, parts, code in bad:
        with pytest.raises(DomainError) as err:
            ctx.orders.save_lines(order.id, labour, parts, [])
        assert code in [i.code for i in err.value.issues]
    assert ctx.orders.get(order.id).totals == order.totals


def test_mileage_lower_than_last_visit_needs_a_confirmation(ctx: AppContext) -> None:
    v = make_vehicle(ctx)
    settle_in_full(ctx, make_order(ctx, v, 50000, hours_ago=48))
    second = make_order(ctx, v, 40000, hours_ago=1)
    assert [w.code for w in ctx.settlement.warnings(second.id)] == ["mileage.lower_than_last"]
    with pytest.raises(WarningsNotConfirmed) as err:
        settle_in_full(ctx, second)
    assert [w.code for w in err.value.warnings] == ["mileage.lower_than_last"]
    done = settle_in_full(ctx, second, confirmations={"mileage.lower_than_last": "换过仪表"})
    assert [(w.code, w.reason) for w in done.confirmed_warnings] == [("mileage.lower_than_last", "换过仪表")]


def test_correction_makes_a_new_revision_and_keeps_the_original(ctx: AppContext) -> None:
    original = settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    with pytest.raises(DomainError):
        ctx.orders.save_lines(original.id, [], [], [])  # settled orders are read-only
    draft = ctx.settlement.start_correction(original.id)
    assert (draft.revision, draft.revision_of, draft.costlistcode) == (2, original.id, original.costlistcode)
    with pytest.raises(DomainError) as err:
        ctx.settlement.start_correction(original.id)
    assert err.value.code == "settle.correction_open"
    labour = [LabourLine("更换机油机滤", Decimal("1.0"), 8555)]
    draft = ctx.orders.save_lines(draft.id, labour, list(draft.parts), list(draft.fees))
    corrected = settle_in_full(ctx, draft)
    assert corrected.costlistcode == original.costlistcode and corrected.revision == 2
    before = ctx.orders.get(original.id)
    assert before.superseded and before.totals == original.totals and before.labour == original.labour
    with ctx.db.read() as s:
        entries = s.scalars(select(m.OutboxEntry).order_by(m.OutboxEntry.id)).all()
        assert [(e.record_id, e.revision) for e in entries] == [(original.id, 1), (corrected.id, 2)]


def test_database_failure_is_a_message_and_rolls_back(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the write lock: the clerk gets 'busy, nothing lost', nothing is half-written."""
    order = make_order(ctx, make_vehicle(ctx))
    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 100)  # fail in 0.1 s instead of 5 s
    ctx.db.engine.dispose()  # so that new connections pick the short timeout up
    other_process = engine_mod.Database(ctx.db.url)
    try:
        with other_process.write() as blocking:
            blocking.connection()  # takes the writer lock now (SQLite's BEGIN IMMEDIATE is lazy)
            with pytest.raises(StorageError) as err:
                settle_in_full(ctx, order)
    finally:
        other_process.dispose()
    assert err.value.code == "storage.locked"
    assert ctx.orders.get(order.id).state == "draft"
    with ctx.db.read() as s:
        assert s.scalar(select(func.count(m.OutboxEntry.id))) == 0
