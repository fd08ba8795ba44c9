"""Find before create: part of a plate, a VIN tail or a phone number finds the car, as the clerk types."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import event

from app.context import AppContext
from app.domain.plate import check_plate
from app.domain.vin import with_check_digit
from app.services.vehicles import VehicleInput
from localdb.search_index import POSTGRES_INDEXES
from tests.dbs import requires_postgres
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full


def _add(ctx: AppContext, plate: str, vin17: str, phone: str) -> int:
    data = VehicleInput(plate, check_plate(plate).proposed_colour, with_check_digit(vin17), "丰田卡罗拉", "", "car", "李四", phone)
    return ctx.vehicles.create(data).id


def test_search_by_plate_part_vin_tail_and_phone(ctx: AppContext) -> None:
    first = make_vehicle(ctx, "沪A12345", "LSVAM4187C2184847")
    other = _add(ctx, "粤BD98765", "LFV2A21K5D4000777", "13900008888")
    settle_in_full(ctx, make_order(ctx, first, mileage=45678))
    assert [v.id for v in ctx.vehicles.search("2345")] == [first.id]  # middle of the plate
    assert [v.id for v in ctx.vehicles.search("沪a")] == [first.id]  # two characters: the scan path
    assert [v.id for v in ctx.vehicles.search("bd987")] == [other]  # lower case is normalised
    assert [v.id for v in ctx.vehicles.search("000777")] == [other]  # VIN tail
    assert [v.id for v in ctx.vehicles.search("3900008")] == [other]  # phone
    hit = ctx.vehicles.search("沪A12345")[0]
    assert (hit.visits, hit.last_mileage, hit.owner_name) == (1, 45678, "张三")
    assert ctx.vehicles.search("99999") == []


def test_index_follows_edits_of_plate_and_owner_phone(ctx: AppContext) -> None:
    v = make_vehicle(ctx, "沪A12345", "LSVAM4187C2184847")
    data = VehicleInput("沪B54321", 1, v.vin, v.brand_model, v.engine_no, v.vehicle_type, v.owner_name, "13600001111")
    ctx.vehicles.update(v.id, data)
    assert ctx.vehicles.search("12345") == []
    assert [x.id for x in ctx.vehicles.search("54321")] == [v.id]
    assert [x.id for x in ctx.vehicles.search("3600001")] == [v.id]
    ctx.vehicles.update(v.id, replace(data, owner_phone="13700002222"))
    assert ctx.vehicles.search("3600001") == []
    assert [x.id for x in ctx.vehicles.search("3700002")] == [v.id]


@requires_postgres
def test_postgres_search_is_answered_by_the_trigram_indexes(ctx: AppContext) -> None:
    """The query the service sends can use all three pg_trgm GIN indexes (the planner is told to avoid
    sequential scans, as it would on its own at tens of thousands of vehicles)."""
    make_vehicle(ctx, "沪A12345", "LSVAM4187C2184847")
    sent: list[tuple[str, object]] = []

    def capture(_conn: object, _cursor: object, statement: str, params: object, *_rest: object) -> None:
        if "vehicles.plate LIKE" in statement:
            sent.append((statement, params))

    event.listen(ctx.db.engine, "before_cursor_execute", capture)
    try:
        assert ctx.vehicles.search("2345")
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", capture)
    statement, params = sent[0]
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {statement}", params).scalars())  # type: ignore[arg-type]
    assert all(name in plan for name in POSTGRES_INDEXES), plan
