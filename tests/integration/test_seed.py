"""The seed generator and its two writers.

The bulk writer promises to leave exactly the rows the services would have written. The main test holds
it to that: one plan is written through the services (one call at a time, the clock replaying the plan's
times) into one folder and in bulk into another, and every table is compared row by row, every column,
ids and timestamps included. Only the ``uuid`` columns are left out of the comparison: the services call
``uuid.uuid4()`` while the bulk writer draws them from a seeded generator so a seed gives the same folder;
both are checked to be well-formed and unique instead.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from app.cli import main as cli_main
from app.context import AppContext, open_context
from app.domain.clock import ManualClock, local_date
from app.domain.errors import DomainError
from app.domain.plate import NEV_COLOURS, check_plate, colour_issue
from app.domain.vin import validate_vin, vin_issues
from app.domain.workorder import State
from app.live_changes import DATA_VERSION_KEY
from app.paths import DataDir
from app.seed import SeedPlan, bulk_write, generate, seed_folder, through_services
from app.services.order_list import OrderFilter
from app.services.workorders import needs_shop_sku
from localdb import models as m
from localdb.base import Base
from localdb.engine import Database
from tests.dbs import open_test_context

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
SEED = 13  # a 40-order plan from this seed covers every path listed in test_plan_covers_every_path
UUID_COLUMNS = frozenset({"uuid"})
# Tables the plan must fill; every other table is compared too (both sides empty, or equally filled by
# migrations), so a service that starts writing somewhere new at settlement is caught.
SEEDED_TABLES = frozenset(
    {
        "shop",
        "staff",
        "owners",
        "vehicles",
        "work_orders",
        "labour_lines",
        "part_lines",
        "fee_lines",
        "payments",
        "shop_parts",
        "settlement_counters",
        "outbox",
    }
)


@pytest.fixture(scope="module")
def plan() -> SeedPlan:
    return generate(40, SEED, NOW, corrected_share=0.1)


@pytest.fixture(scope="module")
def written(
    plan: SeedPlan, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[AppContext, AppContext]]:
    """The same plan written through the services (reference) and in bulk."""
    root = tmp_path_factory.mktemp("seed")
    reference = open_test_context(DataDir(root / "services"), ManualClock(NOW), for_session=True)
    bulk = open_test_context(DataDir(root / "bulk"), ManualClock(NOW), for_session=True)
    through_services(reference, plan)
    bulk_write(bulk.db, plan, bulk.guard)
    yield reference, bulk
    reference.close()
    bulk.close()


def _rows(db: Database, table_name: str, skip: frozenset[str] = frozenset()) -> list[tuple[object, ...]]:
    table = Base.metadata.tables[table_name]
    columns = [c for c in table.columns if c.name not in skip]
    stmt = select(*columns).order_by(*table.primary_key.columns)
    if table_name == "settings":  # a random stamp per write transaction (app/live_changes.py), not data
        stmt = stmt.where(table.c.key != DATA_VERSION_KEY)
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt)]


def test_plan_covers_every_path(plan: SeedPlan) -> None:
    """The equivalence test is only as good as what the small plan exercises."""
    outcomes = Counter(o.outcome for o in plan.orders)
    assert set(outcomes) == set(State)
    corrections = [o for o in plan.orders if o.correction is not None]
    assert len(corrections) >= 3
    assert any(
        len(c.correction.lines.fees) > len(c.lines.fees) for c in corrections if c.correction and c.lines
    )
    parts = [p for o in plan.orders if o.lines for p in o.lines.parts]
    assert any(needs_shop_sku(p.part_code) for p in parts) and any(p.part_code == "无" for p in parts)
    assert any(p.customer_supplied for p in parts)
    assert any(len(v.plate) == 8 for v in plan.vehicles)
    settled = [o for o in plan.orders if o.settle is not None]
    assert any(o.completed_at is None for o in settled)  # settled without "completed": implicit completion
    assert any(o.cert_no for o in plan.orders)
    assert any(len(o.settle.payments) > 1 for o in settled if o.settle)
    assert any(o.settle.discount_fen for o in settled if o.settle)
    assert any(o.outcome == State.CANCELLED and o.lines for o in plan.orders)
    assert any(o.header.bringer_name for o in plan.orders)


# The audit trail records how rows were written (by whom, when, under which random key), not what they are:
# the bulk writer is a seeding shortcut for synthetic folders and deliberately leaves no trail of its own.
NOT_COMPARED = frozenset({"audit_entries", "audit_head"})


@pytest.mark.parametrize("table", sorted(set(Base.metadata.tables) - NOT_COMPARED))
def test_bulk_rows_equal_service_rows(written: tuple[AppContext, AppContext], table: str) -> None:
    reference, bulk = written
    expected = _rows(reference.db, table, UUID_COLUMNS)
    actual = _rows(bulk.db, table, UUID_COLUMNS)
    if table in SEEDED_TABLES:
        assert expected, f"{table}: the reference run wrote nothing, so nothing was compared"
    for want, got in zip(expected, actual, strict=False):
        assert got == want, f"{table}: first differing row"
    assert len(actual) == len(expected)


def _tables_outside_models(db: Database) -> list[str]:
    """Tables a migration creates outside the ORM (the FTS vehicle search index, kept by triggers),
    without the shadow tables SQLite keeps for a virtual table. PostgreSQL's search index is GIN indexes
    on the model tables themselves, so there it finds none unless a migration added one."""
    if not db.is_sqlite:
        return sorted(set(inspect(db.engine).get_table_names()) - set(Base.metadata.tables) - {"alembic_version"})
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    return sorted(
        name
        for name, _ in rows
        if name not in Base.metadata.tables
        and name != "alembic_version"
        and not name.startswith("sqlite_")
        and not any(name.startswith(v + "_") for v in virtual)
    )


def test_tables_outside_the_models_are_equal(written: tuple[AppContext, AppContext]) -> None:
    reference, bulk = written
    names = _tables_outside_models(reference.db)
    assert names == _tables_outside_models(bulk.db)
    for name in names:
        query = f"SELECT rowid, * FROM {name} ORDER BY rowid"
        with reference.db.engine.connect() as a, bulk.db.engine.connect() as b:
            assert b.exec_driver_sql(query).all() == a.exec_driver_sql(query).all(), name


@pytest.mark.parametrize(("table", "column"), [("vehicles", "uuid"), ("work_orders", "uuid")])
def test_uuids_are_unique_version_4(written: tuple[AppContext, AppContext], table: str, column: str) -> None:
    column_ = Base.metadata.tables[table].c[column]
    for ctx in written:
        with ctx.db.engine.connect() as conn:
            values = list(conn.scalars(select(column_)))
        assert values and len(set(values)) == len(values)
        assert all(uuid.UUID(v).version == 4 for v in values)


def test_settlement_numbers_follow_local_settle_day(written: tuple[AppContext, AppContext]) -> None:
    """Settled after intake and before now; the number carries the local (Shanghai) day of the first
    settlement; the per-day counters end where the services would leave them; one outbox row each."""
    _, bulk = written
    wo = m.WorkOrder
    with bulk.db.read() as s:
        orders = s.execute(
            select(wo.id, wo.revision, wo.intake_at, wo.settled_at, wo.costlistcode).where(
                wo.state == State.SETTLED.value
            )
        ).all()
        counters = dict(s.execute(select(m.SettlementCounter.day, m.SettlementCounter.last_seq)).all())
        outbox = s.execute(select(m.OutboxEntry.record_id, m.OutboxEntry.revision)).all()
    per_day: Counter[str] = Counter()
    for _, revision, intake_at, settled_at, code in orders:
        assert intake_at < settled_at < NOW
        if revision == 1:
            day = local_date(settled_at).strftime("%Y%m%d")
            assert code.split("-")[1] == day
            per_day[day] += 1
    assert counters == dict(per_day)
    assert sorted(outbox) == sorted((r[0], r[1]) for r in orders)


def test_vehicles_pass_intake_checks() -> None:
    """VINs carry a valid check digit and plates pass the intake form's checks, with the right colour."""
    vehicles = generate(2000, 5, NOW).vehicles
    for v in vehicles:
        assert validate_vin(v.vin) == v.vin and vin_issues(v.vin) == []
        info = check_plate(v.plate)
        assert info.plate == v.plate
        assert colour_issue(info, v.plate_colour) is None
        assert (v.plate_colour in NEV_COLOURS) == (len(v.plate) == 8)
        assert len(v.owner_phone.replace("-", "")) in (11, 12) and v.owner_name
    assert len({v.vin for v in vehicles}) == len(vehicles) == len({v.plate for v in vehicles})
    assert len({v.plate[0] for v in vehicles}) >= 20  # plates from many provinces
    nev_share = sum(len(v.plate) == 8 for v in vehicles) / len(vehicles)
    assert 0.12 < nev_share < 0.18
    assert {93, 94} <= {v.plate_colour for v in vehicles}


def test_mileage_never_decreases_across_settled_visits(tmp_path: Path) -> None:
    plan = generate(1500, 8, NOW)
    ctx = open_test_context(DataDir(tmp_path), ManualClock(NOW))
    try:
        bulk_write(ctx.db, plan, ctx.guard)
        with ctx.db.read() as s:
            rows = s.execute(
                select(m.WorkOrder.vehicle_id, m.WorkOrder.intake_mileage)
                .where(m.WorkOrder.state == State.SETTLED.value, m.WorkOrder.superseded.is_(False))
                .order_by(m.WorkOrder.vehicle_id, m.WorkOrder.intake_at)
            ).all()
    finally:
        ctx.close()
    by_vehicle: dict[int, list[int]] = defaultdict(list)
    for vehicle_id, km in rows:
        by_vehicle[vehicle_id].append(km)
    assert any(len(kms) > 3 for kms in by_vehicle.values())
    for kms in by_vehicle.values():
        assert kms == sorted(kms)


def test_same_seed_same_plan() -> None:
    assert generate(60, 4, NOW) == generate(60, 4, NOW)
    assert generate(60, 4, NOW) != generate(60, 5, NOW)


def test_seed_folder_refuses_the_real_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANSHOU_DATA_DIR", str(tmp_path / "real"))
    with pytest.raises(DomainError) as err:
        seed_folder(DataDir(tmp_path / "real"), orders=5)
    assert err.value.code == "seed.real_folder"
    assert not (tmp_path / "real").exists()


def test_seed_folder_refuses_a_folder_with_data(tmp_path: Path) -> None:
    shop = open_context(DataDir(tmp_path / "shop"))  # seed writes a folder's own SQLite file, on any engine
    shop.staff.add("王丽", "advisor")
    shop.close()
    with pytest.raises(DomainError) as err:
        seed_folder(shop.data_dir, orders=5)
    assert err.value.code == "seed.folder_not_empty"


def test_seed_folder_fills_a_new_folder_once(tmp_path: Path) -> None:
    folder = DataDir(tmp_path / "demo")
    report = seed_folder(folder, orders=30, seed=2, now=NOW)
    assert report.written.orders == 30 and "30" in str(report)
    ctx = open_context(folder, ManualClock(NOW))
    try:
        assert ctx.order_list.count(OrderFilter()) == 30 + report.written.corrections
        assert ctx.shop.get() is not None
    finally:
        ctx.close()
    with pytest.raises(DomainError) as err:
        seed_folder(folder, orders=30, seed=2, now=NOW)
    assert err.value.code == "seed.folder_not_empty"


def test_cli_seed_needs_its_own_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / "cli")
    assert cli_main(["--data-dir", target, "seed", "--orders", "12"]) == 0
    assert "12" in capsys.readouterr().out
    assert cli_main(["--data-dir", target, "seed", "--orders", "12"]) == 2
    assert cli_main(["seed", "--orders", "12"]) == 2  # no --data-dir: never the default (real) folder
