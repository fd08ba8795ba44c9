"""Waste ledger services on a real migrated SQLite database: the batch-code chain from generation to
handoff, reversals, blocked handoffs leaving the ledger unchanged, expected waste from work orders."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.context import AppContext
from app.domain.errors import DomainError
from app.waste.dto import CollectorInput, GenerationInput, HandoffInput, HandoffLineInput
from app.waste.kinds import WasteKind
from localdb.models import OutboxEntry
from localdb.waste_models import WasteEntry, WasteHandoff
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full

MANIFEST = "20263101000123"  # 2026 + 31 (Shanghai) + 01 + serial


def add_collector(ctx: AppContext, *, expires_in_days: int = 400, codes: tuple[str, ...] | None = None) -> int:
    today = ctx.clock.now().date()
    return ctx.waste.collectors.add(CollectorInput(
        name="上海绿源再生资源有限公司", licence_no="沪环危废经字 2024-031 号",
        licence_expires=today + timedelta(days=expires_in_days),
        codes=codes if codes is not None else ("900-214-08", "900-052-31", "900-041-49", "900-049-50"),
        contact="赵经理", phone="021-66668888",
    )).id  # fmt: skip


def generate(ctx: AppContext, kind: str, qty: str, kg: str | None = None, **kw: object) -> tuple:
    return ctx.waste.ledger.generate(GenerationInput(
        kind, Decimal(qty), Decimal(kg) if kg else None, handled_by="李强", **kw))  # type: ignore[arg-type]  # fmt: skip


def ledger_snapshot(ctx: AppContext) -> tuple[int, int, list]:
    with ctx.db.read() as s:
        entries = s.scalar(select(func.count()).select_from(WasteEntry))
        handoffs = s.scalar(select(func.count()).select_from(WasteHandoff))
    return entries or 0, handoffs or 0, [(k.kind_key, k.quantity, k.weight_kg) for k in ctx.waste.ledger.stock()]


def test_batch_code_chain_from_generation_to_handoff(ctx: AppContext) -> None:
    made, stored = generate(ctx, "lead_battery", "2", "31.5")
    assert made.batch_code == "HWCS20261126001" and made.stage == "CS"
    assert stored.batch_code == "HWRK20261126001" and stored.sources == (made.batch_code,)
    collector = add_collector(ctx)
    ctx.clock.advance(3600)
    handoff = ctx.waste.handoffs.create(HandoffInput(
        collector, (HandoffLineInput(made.container_id, Decimal(2), Decimal("31.5")),), manifest_no=MANIFEST,
        carrier_name="绿源物流", carrier_plate="沪D 12345", handled_by="王丽"), dispatch=True)  # fmt: skip
    assert handoff.status == "in_transit" and handoff.carrier_plate == "沪D12345"
    assert handoff.batch_codes == ("HWCK20261126001", "HWWWLY20261126001")
    chain = ctx.waste.ledger.chain(made.batch_code)
    assert [e.stage for e in chain] == ["CS", "RK", "CK", "WWLY"]
    assert [e.sources for e in chain] == [(), (made.batch_code,), (stored.batch_code,), ("HWCK20261126001",)]
    assert chain[-1].destination.startswith("上海绿源")
    assert ctx.waste.ledger.stock() == []
    ctx.clock.advance(86400)
    received = ctx.waste.handoffs.confirm_received(handoff.id, date(2026, 11, 27))
    assert received.status == "received"


def test_fifo_links_an_out_batch_to_the_storage_batches_it_empties(ctx: AppContext) -> None:
    first = generate(ctx, "waste_oil", "100", "88")
    second = generate(ctx, "waste_oil", "50", "44")
    container = first[0].container_id
    assert second[0].container_id == container  # the kind's current drum is reused
    collector = add_collector(ctx)
    h = ctx.waste.handoffs.create(HandoffInput(
        collector, (HandoffLineInput(container, Decimal(120), Decimal("105.6")),), manifest_no=MANIFEST,
        handled_by="王丽"), dispatch=True)  # fmt: skip
    out = next(e for e in ctx.waste.ledger.entries(stages=("CK",)) if e.handoff_id == h.id)
    assert out.sources == (first[1].batch_code, second[1].batch_code)
    [oil] = ctx.waste.ledger.stock()
    assert (oil.quantity, oil.weight_kg) == (Decimal("30.000"), Decimal("26.400"))


def test_reversal_is_a_new_row_and_keeps_the_original(ctx: AppContext) -> None:
    made, stored = generate(ctx, "catalyst", "1", "4.8")
    with pytest.raises(DomainError) as err:
        ctx.waste.ledger.reverse(made.id, "", "李强")
    assert err.value.code == "waste.reason_required"
    rev = ctx.waste.ledger.reverse(made.id, "录错了种类", "李强")
    assert {r.stage for r in rev} == {"CX"} and {r.reverses for r in rev} == {made.batch_code, stored.batch_code}
    assert all(r.weight_kg == Decimal("-4.800") and r.handled_by == "李强" for r in rev)
    views = {e.batch_code: e for e in ctx.waste.ledger.entries()}
    assert views[made.batch_code].weight_kg == Decimal("4.800")  # untouched
    assert views[made.batch_code].reversed_by
    assert ctx.waste.ledger.stock() == []
    with pytest.raises(DomainError) as again:
        ctx.waste.ledger.reverse(made.id, "再来一次", "李强")
    assert again.value.code == "waste.already_reversed"


def test_generation_checks_input(ctx: AppContext) -> None:
    for qty, code in (("0", "waste.quantity_not_positive"), ("-1", "waste.quantity_not_positive"),
                      ("1.5", "waste.pieces_whole"), ("0.0001", "waste.quantity_places")):  # fmt: skip
        with pytest.raises(DomainError) as err:
            generate(ctx, "lead_battery", qty)
        assert err.value.code == code
    with pytest.raises(DomainError) as err:
        ctx.waste.ledger.generate(GenerationInput("lead_battery", Decimal(1)))
    assert err.value.code == "waste.person_required"
    [made, _stored] = generate(ctx, "lead_battery", "1")  # kg estimated from the data file
    assert made.weight_kg == Decimal("15.000")


def test_outdated_battery_code_is_rejected_with_its_explanation(ctx: AppContext) -> None:
    with pytest.raises(DomainError) as err:
        ctx.waste.ledger.add_local_kind(WasteKind("old_battery", "废电瓶", "", "HW49", "900-044-49", "T", True, "个"))
    assert err.value.code == "waste.code_rejected" and "900-052-31" in err.value.params["reason"]
    coolant = ctx.waste.ledger.add_local_kind(WasteKind("coolant", "废冷却液", "", "HW06", "900-404-06", "T", True, "L",
                                                        density_kg_per_l=Decimal("1.07")))  # fmt: skip
    assert coolant.local and ctx.waste.ledger.catalogue().kind("coolant").code == "900-404-06"


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("expired", "waste.licence_expired"),
        ("not_licensed", "waste.code_not_licensed"),
        ("too_much", "waste.more_than_on_hand"),
        ("too_heavy", "waste.more_than_on_hand"),
        ("zero", "waste.quantity_not_positive"),
        ("negative", "waste.quantity_not_positive"),
        ("manifest_short", "waste.manifest_invalid"),
        ("manifest_letters", "waste.manifest_invalid"),
        ("manifest_province", "waste.manifest_invalid"),
        ("manifest_missing", "waste.manifest_required"),
    ],
)
def test_blocked_handoffs_leave_the_ledger_unchanged(ctx: AppContext, case: str, code: str) -> None:
    made, _ = generate(ctx, "waste_oil", "100", "88")
    collector = add_collector(ctx, expires_in_days=-1 if case == "expired" else 400,
                              codes=("900-052-31",) if case == "not_licensed" else None)  # fmt: skip
    qty, kg = {"too_much": ("101", "88"), "too_heavy": ("100", "88.001"), "zero": ("0", "88"),
               "negative": ("-5", "-4.4")}.get(case, ("100", "88"))  # fmt: skip
    manifest = {"manifest_short": "2026310100012", "manifest_letters": "2026310100012O",
                "manifest_province": "20269901000123", "manifest_missing": ""}.get(case, MANIFEST)  # fmt: skip
    before = ledger_snapshot(ctx)
    with pytest.raises(DomainError) as err:
        ctx.waste.handoffs.create(HandoffInput(collector, (HandoffLineInput(made.container_id, Decimal(qty), Decimal(kg)),),
                                               manifest_no=manifest, handled_by="王丽"), dispatch=True)  # fmt: skip
    assert err.value.code == code
    assert ledger_snapshot(ctx) == before


def test_rejected_handoff_brings_the_waste_back_and_uploads_when_enabled(ctx: AppContext) -> None:
    ctx.waste.handoffs._upload_enabled = lambda: True  # the profile's waste_enabled, as wired by the app
    made, _ = generate(ctx, "lead_battery", "3", "45")
    collector = add_collector(ctx)
    h = ctx.waste.handoffs.create(HandoffInput(collector, (HandoffLineInput(made.container_id, Decimal(3), Decimal(45)),),
                                               manifest_no=MANIFEST, handled_by="王丽"), dispatch=True)  # fmt: skip
    with ctx.db.read() as s:
        entry = s.scalars(select(OutboxEntry).where(OutboxEntry.kind == "waste_handoff")).one()
        assert (entry.record_id, entry.record_key, entry.state) == (h.id, MANIFEST, "pending")
    rejected = ctx.waste.handoffs.reject(h.id, "电池破损漏液，接收方拒收", "王丽")
    assert rejected.status == "rejected"
    [battery] = ctx.waste.ledger.stock()
    assert battery.quantity == Decimal(3) and battery.containers[0].stored_quantity == Decimal(3)


def test_expected_waste_from_a_settled_order_is_confirmed_or_dismissed(ctx: AppContext) -> None:
    order = make_order(ctx, make_vehicle(ctx))  # 4.5 L engine oil + 1 oil filter
    assert ctx.waste.expected.open() == []  # a draft order expects nothing yet
    settle_in_full(ctx, order)
    items = {e.kind_key: e for e in ctx.waste.expected.open()}
    assert set(items) == {"waste_oil", "oil_filter"}
    assert items["waste_oil"].expected_qty == Decimal("4.5") and items["waste_oil"].unit == "L"
    assert ctx.waste.expected.open() != [] and len(ctx.waste.expected.open()) == 2  # no duplicates on refresh
    made, _ = ctx.waste.expected.confirm(items["waste_oil"].id, Decimal("4.2"), None, "李强")
    assert made.work_order_id == order.id and made.weight_kg == Decimal("3.696")
    ctx.waste.expected.dismiss(items["oil_filter"].id, "车主带走旧滤芯", "李强")
    assert ctx.waste.expected.open() == []
    with pytest.raises(DomainError) as err:
        ctx.waste.expected.dismiss(items["oil_filter"].id, "again", "李强")
    assert err.value.code == "waste.expectation_closed"
