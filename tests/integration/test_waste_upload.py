"""Waste handoffs through the outbox to the sandbox's §9.1 waste call, over loopback (issue 4, item 9).

No mocks: a handoff is dispatched through ``ctx.waste`` (the training profile enables waste upload, as the
app wires it), the engine drains the outbox against a real sandbox, and the sandbox's own store proves
what arrived. Repair records share the outbox and must come through untouched.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import update

from app.context import AppContext
from app.domain.clock import ManualClock
from app.ehr.client import EhrClient
from app.ehr.connection import EhrSettings, save_settings
from app.ehr.profiles import load_profile
from app.ehr.sandbox import Sandbox, run_sandbox
from app.ehr.sync import SyncEngine
from app.waste.dto import Handoff, HandoffInput, HandoffLineInput
from localdb import models as m
from localdb.waste_models import WasteHandoff
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.integration.sync_helpers import CODE, PASSWORD, outbox_rows
from tests.integration.test_waste_ledger import MANIFEST, add_collector, generate


@pytest.fixture
def sb(tmp_path: Path, clock: ManualClock) -> Iterator[Sandbox]:
    with run_sandbox(db_path=tmp_path / "sandbox.db", accounts={CODE: PASSWORD}, clock=clock) as sandbox:
        yield sandbox


@pytest.fixture
def engine(ctx: AppContext, sb: Sandbox) -> Iterator[SyncEngine]:
    prof = load_profile("sandbox").with_overrides(base_url=sb.base_url, connect_timeout_s=1, read_timeout_s=1)
    client = EhrClient(prof, CODE, lambda: PASSWORD, ctx.clock)
    eng = SyncEngine(ctx.db, ctx.clock, client, ctx.shop.get, rng=random.Random(1))
    yield eng
    eng.close()


def dispatch_handoff(ctx: AppContext, manifest: str = MANIFEST) -> Handoff:
    """Waste oil and a lead battery leave in one handoff: two container lines."""
    oil, _ = generate(ctx, "waste_oil", "100", "88")
    battery, _ = generate(ctx, "lead_battery", "3", "45")
    collector = add_collector(ctx)
    ctx.clock.advance(3600)  # type: ignore[attr-defined]
    return ctx.waste.handoffs.create(HandoffInput(
        collector, (HandoffLineInput(oil.container_id, Decimal(100), Decimal(88)),
                    HandoffLineInput(battery.container_id, Decimal(3), Decimal(45))),
        manifest_no=manifest, carrier_name="绿源物流", carrier_plate="沪D12345", handled_by="王丽"),
        dispatch=True)  # fmt: skip


def test_a_dispatched_handoff_reaches_the_sandbox_once(ctx: AppContext, sb: Sandbox, engine: SyncEngine) -> None:
    handoff = dispatch_handoff(ctx)
    [row] = outbox_rows(ctx)
    assert (row.kind, row.record_id, row.record_key, row.state) == ("waste_handoff", handoff.id, MANIFEST, "pending")

    counts = engine.drain_once()
    assert (counts.accepted, counts.rejected, counts.sent) == (1, 0, 1)
    [stored] = sb.waste_records()
    assert (stored.manifestno, stored.companycode, stored.repeats) == (MANIFEST, CODE, 0)
    info = stored.content
    assert info["handoverdate"] == "20261126"  # 11:00 in Shanghai, the profile's yyyyMMdd
    assert (info["receivername"], info["carrierplate"]) == ("上海绿源再生资源有限公司", "沪D12345")
    lines = [(w["wastecode"], w["containercode"], w["quantity"], w["unit"], w["weightkg"]) for w in info["wastelist"]]
    assert lines == [(line.code, line.container_code, format(line.quantity.normalize(), "f"), line.unit,
                      format(line.weight_kg.normalize(), "f")) for line in handoff.lines]  # fmt: skip
    assert [w["wastecode"] for w in info["wastelist"]] == ["900-214-08", "900-052-31"]
    [row] = outbox_rows(ctx)
    assert row.state == "done" and json.loads(row.receipt)["duplicate"] is False

    again = engine.drain_once()
    assert (again.claimed, again.sent) == (0, 0)
    assert len(sb.waste_records()) == 1 and sb.waste_records()[0].repeats == 0
    assert sb.stats().records == 0  # nothing went to the repair-record call


def test_a_manifest_the_sandbox_refuses_ends_rejected_with_the_field(ctx: AppContext, sb: Sandbox,
                                                                    engine: SyncEngine) -> None:  # fmt: skip
    handoff = dispatch_handoff(ctx)
    with ctx.db.write() as s:  # e.g. a handoff saved before the local check was tightened
        s.execute(update(WasteHandoff).where(WasteHandoff.id == handoff.id).values(manifest_no="2026310100012"))
    counts = engine.drain_once()
    assert (counts.rejected, counts.sent) == (1, 1)
    [row] = outbox_rows(ctx)
    assert (row.state, row.last_error_code) == ("rejected", "ehr.upload.rejected_field")
    detail = json.loads(row.last_error)
    assert detail["field"] == "manifestno" and "校验失败：manifestno" in detail["params"]["status"]
    assert sb.waste_records() == []
    assert engine.drain_once().claimed == 0  # rejected rows wait for a person


def test_repair_records_sync_unaffected_alongside_a_handoff(ctx: AppContext, sb: Sandbox,
                                                           engine: SyncEngine) -> None:  # fmt: skip
    order = settle_in_full(ctx, make_order(ctx, make_vehicle(ctx)))
    handoff = dispatch_handoff(ctx)
    assert handoff.id == order.id  # same record_id in both kinds: the row's kind must decide what is sent
    counts = engine.drain_once()
    assert (counts.accepted, counts.rejected, counts.sent) == (2, 0, 2)
    [record] = sb.records()
    assert record.costlistcode == order.costlistcode and record.repeats == 0
    assert record.content["basicInfo"]["vin"] == order.vehicle.vin
    assert [w.manifestno for w in sb.waste_records()] == [MANIFEST]
    assert {(r.kind, r.state) for r in outbox_rows(ctx)} == {("repair_record", "done"), ("waste_handoff", "done")}
    assert engine.drain_once().sent == 0


def test_a_real_province_profile_keeps_the_export_path(ctx: AppContext) -> None:
    save_settings(ctx, EhrSettings("variant-a"))
    assert load_profile("variant-a").waste_enabled is False
    dispatch_handoff(ctx)
    assert [r for r in outbox_rows(ctx) if r.kind == "waste_handoff"] == []
    with ctx.db.read() as s:
        assert s.query(m.OutboxEntry).count() == 0
