"""Permissions enforced in the services (issue 7, item 2): every role × every guarded service method.

One data folder for the module (accounts are Argon2-hashed; made once, with a cheap hasher), holding an
order in every state, waste in the ledger, the special records and a rating. For each row of
:data:`ACTIONS` and each role the test logs in and calls the method:

- allowed → no ``auth.denied`` (any other outcome is fine: an earlier row may already have settled the
  order, and "already settled" is a domain answer, not a refusal);
- refused → ``auth.denied``, not one business row changed (a fingerprint of every table but the audit
  trail's), no export recorded, and exactly one ``permission_denied`` entry added to the audit trail.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.ehr.connection import EhrSettings, check_connection, configure, save_settings
from app.ehr.profiles import load_profile
from app.owner_services.accident import AccidentInput
from app.owner_services.defects import DefectInput
from app.owner_services.emissions import EmissionsInput
from app.owner_services.history import DEIDENTIFIED, FULL
from app.owner_services.reminders import RuleInput
from app.paths import DataDir
from app.ratings.parse import RatingInput
from app.security.accounts import AccountService
from app.security.credentials import CredentialStore
from app.security.log_privacy import configure_logging
from app.security.permissions import FRONT_DESK, OWNER, ROLE_PERMISSIONS, TECHNICIAN, Perm
from app.security.privacy import mask_name, mask_phone
from app.services.dto import LabourLine
from app.services.order_list import OrderFilter
from app.services.settlement import SettleRequest
from app.services.workorders import IntakeHeader
from app.settings import LARGE_FONT, SettingsStore
from app.waste.config import WasteConfig
from app.waste.dto import CollectorInput, GenerationInput, HandoffInput, HandoffLineInput
from app.waste.kinds import WasteKind
from localdb.audit_models import AuditEntry
from localdb.base import Base
from tests.conftest import SHOP
from tests.dbs import open_test_context
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.memory_keyring import MemoryKeyring

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
PASSWORDS = {OWNER: "Owner-pass-1", FRONT_DESK: "Desk-pass-22", TECHNICIAN: "Tech-pass-333"}
USERNAMES = {OWNER: "boss", FRONT_DESK: "desk", TECHNICIAN: "tech"}
OWNER_PHONE = "13800138000"  # make_vehicle's owner (张三)


@dataclass
class World:
    ctx: AppContext
    vehicle_id: int
    draft_id: int  # editable, with 李强's labour line
    completed_id: int  # ready to settle
    settled_id: int
    cancel_id: int
    stored_generation_id: int  # a 产生 row with its 入库 row
    loose_generation_id: int  # a 产生 row not yet stored
    batch_code: str
    container_id: int
    collector_id: int
    handoff_id: int
    defect_id: int
    rating_id: int
    technician_staff_id: int
    rule_id: int
    csv_path: Path
    # Inputs of the print and export rows, made once (making them may write a cache row).
    printed_order: Any
    dashboard: Any
    compliance: Any
    business: Any


def _make_world(root: Path) -> World:
    clock = ManualClock(NOW)
    ctx = open_test_context(DataDir(root / "data"), clock, for_session=True)
    # Argon2 at test strength: the rows log in ~300 times, the real hasher takes ~0.1 s each.
    ctx.accounts = AccountService(ctx.db, ctx.clock, ctx.guard, ctx.audit,
                                  hasher=PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1))  # fmt: skip
    # First setup: the folder's user acts as the owner until the first account exists.
    ctx.shop.configure(SHOP)
    ctx.staff.add("王丽", "advisor")
    li = ctx.staff.add("李强", "technician")
    vehicle = make_vehicle(ctx)
    settled = settle_in_full(ctx, make_order(ctx, vehicle, mileage=45000, hours_ago=9))  # before any later visit
    completed = make_order(ctx, vehicle, mileage=45300, hours_ago=7)
    cancel = make_order(ctx, vehicle, mileage=45400, hours_ago=6)
    draft = make_order(ctx, vehicle, mileage=45678, hours_ago=3)
    made, _stored = ctx.waste.ledger.generate(GenerationInput("lead_battery", Decimal(2), Decimal("31.5"),
                                                              handled_by="李强"))  # fmt: skip
    (loose,) = ctx.waste.ledger.generate(GenerationInput("lead_battery", Decimal(1), Decimal(15), handled_by="李强",
                                                         store_now=False))  # fmt: skip
    collector = ctx.waste.collectors.add(CollectorInput(
        name="上海绿源再生资源有限公司", licence_no="沪环危废经字 2024-031 号", licence_expires=date(2028, 1, 1),
        codes=("900-052-31",), contact="赵经理", phone="021-66668888"))  # fmt: skip
    handoff = ctx.waste.handoffs.create(HandoffInput(collector.id, (HandoffLineInput(made.container_id, Decimal(1),
                                                                                     Decimal(15)),)))  # fmt: skip
    rule_id = ctx.owner.reminders.add_default_rules()[0].id
    defect = ctx.owner.defects.flag(DefectInput(draft.id, "变速箱", "换挡冲击，车主电话 13912345678"))
    ctx.owner.emissions.save(draft.id, EmissionsInput("JC2026001", ("CO 超标",)))
    ctx.owner.accidents.save(settled.id, AccidentInput("平安保险", "PA2026001", 20000))
    assert settled.costlistcode is not None
    ctx.ratings.ingest([RatingInput("r-1", settled.costlistcode, vehicle.plate, NOW - timedelta(hours=1),
                                    dict.fromkeys(ctx.ratings.dimensions, 2), "等太久")], source="import")  # fmt: skip
    month = (date(2026, 11, 1), date(2026, 12, 1))
    dashboard = ctx.ratings.dashboard(*month)
    csv_path = root / "ratings.csv"
    csv_path.write_text("评价编号,车牌\n", encoding="utf-8")
    inputs = (ctx.orders.get(settled.id), dashboard, ctx.ratings.compliance(*month), ctx.ratings.business(*month))
    # Now the accounts: the owner, a front desk clerk, and 李强 (already on the orders) as technician.
    ctx.accounts.create_owner("店主老王", USERNAMES[OWNER], PASSWORDS[OWNER])
    ctx.accounts.add("前台小李", USERNAMES[FRONT_DESK], "frontdesk", PASSWORDS[FRONT_DESK])
    ctx.accounts.add("", USERNAMES[TECHNICIAN], "technician", PASSWORDS[TECHNICIAN], staff_id=li.id)
    ctx.accounts.logout()
    return World(ctx, vehicle.id, draft.id, completed.id, settled.id, cancel.id, made.id, loose.id, made.batch_code,
                 made.container_id, collector.id, handoff.id, defect.id, dashboard.lowest[0].id, li.id, rule_id,
                 csv_path, *inputs)  # fmt: skip


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = _make_world(tmp_path_factory.mktemp("permissions"))
    yield w
    w.ctx.close()


def login(ctx: AppContext, role: str) -> None:
    ctx.accounts.login(USERNAMES[role], PASSWORDS[role])


@pytest.fixture
def as_role(world: World) -> Callable[[str], None]:
    """Log in as ``role`` unless that role is already logged in (the table's rows come grouped by role)."""

    def switch(role: str) -> None:
        actor = world.ctx.guard.actor
        if actor is None or actor.role != role or actor.staff_id is None:
            login(world.ctx, role)

    return switch


# ----------------------------------------------------------------------------------------------- the table

Call = Callable[[World], Any]
Need = Perm | tuple[Perm, ...]


def _shop_name(w: World) -> str:
    shop = w.ctx.shop.get()
    assert shop is not None
    return shop.name


def _settle(w: World) -> Any:
    return w.ctx.settlement.settle(w.completed_id, SettleRequest(confirmations={"mileage.lower_than_last": "x"}))


def _header(w: World) -> IntakeHeader:
    return IntakeHeader(w.ctx.clock.now() - timedelta(hours=3), 45678, "发动机异响")


ACTIONS: list[tuple[str, Call, Need]] = [
    # shop, staff, settings, EHR account
    ("shop.configure", lambda w: w.ctx.shop.configure(SHOP), Perm.SETTINGS),
    ("staff.list", lambda w: w.ctx.staff.list(), Perm.VIEW_ORDERS),
    ("staff.add", lambda w: w.ctx.staff.add("新来的", "technician"), Perm.USERS),
    ("staff.set_active", lambda w: w.ctx.staff.set_active(w.technician_staff_id, True), Perm.USERS),
    ("accounts.list", lambda w: w.ctx.accounts.list(), Perm.USERS),
    ("settings.set", lambda w: SettingsStore(w.ctx.db, guard=w.ctx.guard).set(LARGE_FONT, True), Perm.SETTINGS),
    ("ehr.save_settings", lambda w: save_settings(w.ctx, EhrSettings()), Perm.SETTINGS),
    ("ehr.configure", lambda w: configure(w.ctx, CredentialStore(MemoryKeyring()), EhrSettings()), Perm.SETTINGS),
    ("ehr.check_connection", lambda w: check_connection(  # a closed loopback port: refused at once
        load_profile("variant-a").with_overrides(base_url="http://127.0.0.1:9"), "X", "pw", w.ctx), Perm.SETTINGS),
    # intake and vehicles
    ("vehicles.search", lambda w: w.ctx.vehicles.search("沪A"), Perm.INTAKE),
    ("vehicles.get", lambda w: w.ctx.vehicles.get(w.vehicle_id), Perm.VIEW_ORDERS),
    ("vehicles.visits", lambda w: w.ctx.vehicles.visits(w.vehicle_id), Perm.VIEW_ORDERS),
    ("vehicles.create", lambda w: make_vehicle(w.ctx, "沪B54321", "LFV2A21K6A3000001"), Perm.INTAKE),
    ("vehicles.update", lambda w: w.ctx.vehicles.update(w.vehicle_id, _vehicle_input(w)), Perm.INTAKE),
    # work orders
    ("orders.get", lambda w: w.ctx.orders.get(w.draft_id), Perm.VIEW_ORDERS),
    ("orders.mileage_warnings", lambda w: w.ctx.orders.mileage_warnings("LSVAM4187C2184847", 1), Perm.INTAKE),
    ("orders.open", lambda w: w.ctx.orders.open(w.vehicle_id, _header(w)), Perm.INTAKE),
    ("orders.update_header", lambda w: w.ctx.orders.update_header(w.draft_id, _header(w)), Perm.ORDERS),
    ("orders.save_lines", lambda w: w.ctx.orders.save_lines(w.draft_id, [], [], []), Perm.ORDERS),
    ("orders.save_own_labour", lambda w: w.ctx.orders.save_own_labour(
        w.draft_id, [LabourLine("检查异响", Decimal("0.3"), 0)]), Perm.WORK),
    ("orders.start_repair", lambda w: w.ctx.orders.start_repair(w.draft_id), Perm.WORK),
    ("orders.complete", lambda w: w.ctx.orders.complete(w.completed_id, w.ctx.clock.now(), 45310), Perm.ORDERS),
    ("orders.cancel", lambda w: w.ctx.orders.cancel(w.cancel_id, "车主不修了"), Perm.SETTLE),
    ("order_list.page", lambda w: w.ctx.order_list.page(OrderFilter()), Perm.VIEW_ORDERS),
    ("order_list.count", lambda w: w.ctx.order_list.count(OrderFilter()), Perm.VIEW_ORDERS),
    # settlement and printing
    ("settlement.warnings", lambda w: w.ctx.settlement.warnings(w.completed_id), Perm.SETTLE),
    ("settlement.settle", _settle, Perm.SETTLE),
    ("settlement.start_correction", lambda w: w.ctx.settlement.start_correction(w.settled_id), Perm.SETTLE),
    ("settlement.settlement_list_pdf", lambda w: w.ctx.settlement.settlement_list_pdf(w.printed_order, SHOP),
     Perm.PRINT),
    # hazardous waste
    ("waste.settings.save", lambda w: w.ctx.waste.settings.save(WasteConfig()), Perm.SETTINGS),
    ("waste.ledger.catalogue", lambda w: w.ctx.waste.ledger.catalogue(), Perm.WASTE),
    ("waste.ledger.add_local_kind", lambda w: w.ctx.waste.ledger.add_local_kind(WasteKind(
        key="coolant_x", name="废冷却液", list_name="", category="HW09", code="900-007-09", hazard="T",
        hazardous=True, unit="L")), Perm.WASTE),
    ("waste.ledger.open_container", lambda w: w.ctx.waste.ledger.open_container("lead_battery"), Perm.WASTE),
    ("waste.ledger.containers", lambda w: w.ctx.waste.ledger.containers(), Perm.WASTE),
    ("waste.ledger.generate", lambda w: w.ctx.waste.ledger.generate(GenerationInput(
        "lead_battery", Decimal(1), Decimal(15), handled_by="李强")), Perm.WASTE),
    ("waste.ledger.store_in", lambda w: w.ctx.waste.ledger.store_in(w.loose_generation_id, "李强"), Perm.WASTE),
    ("waste.ledger.reverse", lambda w: w.ctx.waste.ledger.reverse(w.loose_generation_id, "录错了", "李强"), Perm.WASTE),
    ("waste.ledger.stock", lambda w: w.ctx.waste.ledger.stock(), Perm.WASTE),
    ("waste.ledger.entries", lambda w: w.ctx.waste.ledger.entries(), Perm.WASTE),
    ("waste.ledger.chain", lambda w: w.ctx.waste.ledger.chain(w.batch_code), Perm.WASTE),
    ("waste.ledger.last_entry_at", lambda w: w.ctx.waste.ledger.last_entry_at(), Perm.WASTE),
    ("waste.collectors.list", lambda w: w.ctx.waste.collectors.list(), Perm.WASTE),
    ("waste.collectors.add", lambda w: w.ctx.waste.collectors.add(CollectorInput(
        "某回收公司", "沪环危废 2025-001", date(2028, 1, 1), ("900-052-31",))), Perm.WASTE),
    ("waste.collectors.update", lambda w: w.ctx.waste.collectors.update(w.collector_id, CollectorInput(
        "上海绿源再生资源有限公司", "沪环危废经字 2024-031 号", date(2028, 1, 1), ("900-052-31",))), Perm.WASTE),
    ("waste.handoffs.create", lambda w: w.ctx.waste.handoffs.create(HandoffInput(
        w.collector_id, (HandoffLineInput(w.container_id, Decimal(1), Decimal(1)),))), Perm.WASTE),
    ("waste.handoffs.dispatch", lambda w: w.ctx.waste.handoffs.dispatch(w.handoff_id, "李强"), Perm.WASTE),
    ("waste.handoffs.confirm_received", lambda w: w.ctx.waste.handoffs.confirm_received(
        w.handoff_id, date(2026, 11, 26)), Perm.WASTE),
    ("waste.handoffs.reject", lambda w: w.ctx.waste.handoffs.reject(w.handoff_id, "拒收", "李强"), Perm.WASTE),
    ("waste.handoffs.get", lambda w: w.ctx.waste.handoffs.get(w.handoff_id), Perm.WASTE),
    ("waste.handoffs.list", lambda w: w.ctx.waste.handoffs.list(), Perm.WASTE),
    ("waste.expected.refresh", lambda w: w.ctx.waste.expected.refresh(), Perm.WASTE),
    ("waste.expected.open", lambda w: w.ctx.waste.expected.open(), Perm.WASTE),
    ("waste.expected.confirm", lambda w: w.ctx.waste.expected.confirm(999, Decimal(1), None, "李强"), Perm.WASTE),
    ("waste.expected.dismiss", lambda w: w.ctx.waste.expected.dismiss(999, "车主带走", "李强"), Perm.WASTE),
    ("waste.alerts", lambda w: w.ctx.waste.alerts.alerts(), Perm.WASTE),
    ("waste.reports.period", lambda w: w.ctx.waste.reports.period(date(2026, 11, 1), date(2026, 11, 30)), Perm.WASTE),
    ("waste.reports.excel", lambda w: w.ctx.waste.reports.excel(date(2026, 11, 1), date(2026, 11, 30)), Perm.EXPORT),
    ("waste.reports.pdf", lambda w: w.ctx.waste.reports.pdf(date(2026, 11, 1), date(2026, 11, 30)), Perm.EXPORT),
    ("waste.reports.handoff_pdf", lambda w: w.ctx.waste.reports.handoff_pdf(w.handoff_id), Perm.WASTE),
    # vehicle history, reminders, defects, emissions, accidents
    ("history.build", lambda w: w.ctx.owner.history.build(w.vehicle_id, DEIDENTIFIED), Perm.PRINT),
    ("history.issue_deidentified", lambda w: w.ctx.owner.history.issue(w.vehicle_id, DEIDENTIFIED), Perm.PRINT),
    ("history.issue_full", lambda w: w.ctx.owner.history.issue(w.vehicle_id, FULL),
     (Perm.PRINT, Perm.VIEW_CONTACTS)),
    ("history.verify", lambda w: w.ctx.owner.history.verify("0000-0000-0000-0000"), Perm.CUSTOMER_CARE),
    ("reminders.rules", lambda w: w.ctx.owner.reminders.rules(), Perm.CUSTOMER_CARE),
    ("reminders.save_rule", lambda w: w.ctx.owner.reminders.save_rule(RuleInput("轮胎换位", 6, 10000, ("轮胎",))),
     Perm.CUSTOMER_CARE),
    ("reminders.add_default_rules", lambda w: w.ctx.owner.reminders.add_default_rules(), Perm.CUSTOMER_CARE),
    ("reminders.set_override", lambda w: w.ctx.owner.reminders.set_override(w.rule_id, w.vehicle_id,
                                                                            interval_months=3), Perm.CUSTOMER_CARE),
    ("reminders.clear_override", lambda w: w.ctx.owner.reminders.clear_override(w.rule_id, w.vehicle_id),
     Perm.CUSTOMER_CARE),
    ("reminders.due_list", lambda w: w.ctx.owner.reminders.due_list(), Perm.CUSTOMER_CARE),
    ("reminders.for_vehicle", lambda w: w.ctx.owner.reminders.for_vehicle(w.vehicle_id), Perm.CUSTOMER_CARE),
    ("reminders.mark_contacted", lambda w: w.ctx.owner.reminders.mark_contacted(w.rule_id, w.vehicle_id, "已联系"),
     Perm.CUSTOMER_CARE),
    ("reminders.export_csv", lambda w: w.ctx.owner.reminders.export_csv([], "店"), Perm.EXPORT),
    ("reminders.export_csv_unmasked", lambda w: w.ctx.owner.reminders.export_csv([], "店", unmasked=True),
     (Perm.EXPORT, Perm.VIEW_CONTACTS)),
    ("defects.flag", lambda w: w.ctx.owner.defects.flag(DefectInput(w.draft_id, "刹车", "异响")), Perm.WORK),
    ("defects.get", lambda w: w.ctx.owner.defects.get(w.defect_id), Perm.CUSTOMER_CARE),
    ("defects.list", lambda w: w.ctx.owner.defects.list(), Perm.CUSTOMER_CARE),
    ("defects.frequent", lambda w: w.ctx.owner.defects.frequent(), Perm.CUSTOMER_CARE),
    ("defects.export_excel", lambda w: w.ctx.owner.defects.export_excel([], "店", "—"), Perm.EXPORT),
    ("defects.export_pdf", lambda w: w.ctx.owner.defects.export_pdf([], "店", "—"), Perm.EXPORT),
    ("emissions.save", lambda w: w.ctx.owner.emissions.save(w.draft_id, EmissionsInput("JC1", ("HC 超标",))),
     Perm.CUSTOMER_CARE),
    ("emissions.get", lambda w: w.ctx.owner.emissions.get(w.draft_id), Perm.CUSTOMER_CARE),
    ("emissions.list", lambda w: w.ctx.owner.emissions.list(), Perm.CUSTOMER_CARE),
    ("emissions.remove", lambda w: w.ctx.owner.emissions.remove(w.cancel_id), Perm.CUSTOMER_CARE),
    ("emissions.export_excel", lambda w: w.ctx.owner.emissions.export_excel([], "店", "—"), Perm.EXPORT),
    ("accidents.save", lambda w: w.ctx.owner.accidents.save(w.settled_id, AccidentInput("平安保险", "PA1", 100)),
     Perm.CUSTOMER_CARE),
    ("accidents.get", lambda w: w.ctx.owner.accidents.get(w.settled_id), Perm.CUSTOMER_CARE),
    ("accidents.list", lambda w: w.ctx.owner.accidents.list(), Perm.CUSTOMER_CARE),
    ("accidents.insurers", lambda w: w.ctx.owner.accidents.insurers(), Perm.CUSTOMER_CARE),
    ("accidents.remove", lambda w: w.ctx.owner.accidents.remove(w.cancel_id), Perm.CUSTOMER_CARE),
    ("accidents.export_excel", lambda w: w.ctx.owner.accidents.export_excel([], "店", "—"), Perm.EXPORT),
    # ratings, dashboard, reports
    ("ratings.preview_file", lambda w: w.ctx.ratings.preview_file(w.csv_path), Perm.RATINGS),
    ("ratings.ingest", lambda w: w.ctx.ratings.ingest([], source="import"), Perm.RATINGS),
    ("ratings.record_followup", lambda w: w.ctx.ratings.record_followup(w.rating_id, "已回访", close=False),
     Perm.RATINGS),
    ("ratings.dashboard", lambda w: w.ctx.ratings.dashboard(date(2026, 11, 1), date(2026, 12, 1)), Perm.RATINGS),
    ("ratings.compliance", lambda w: w.ctx.ratings.compliance(date(2026, 11, 1), date(2026, 12, 1)), Perm.REPORTS),
    ("ratings.compliance_list", lambda w: w.ctx.ratings.compliance_list(date(2026, 11, 1), date(2026, 12, 1),
                                                                        "rejected"), Perm.REPORTS),
    ("ratings.business", lambda w: w.ctx.ratings.business(date(2026, 11, 1), date(2026, 12, 1)), Perm.REPORTS),
    ("ratings.ratings_excel", lambda w: w.ctx.ratings.ratings_excel(w.dashboard), Perm.EXPORT),
    ("ratings.compliance_excel", lambda w: w.ctx.ratings.compliance_excel(date(2026, 11, 1), date(2026, 12, 1),
                                                                          w.compliance), Perm.EXPORT),
    ("ratings.business_excel", lambda w: w.ctx.ratings.business_excel(w.business), Perm.EXPORT),
    ("ratings.monthly_pdf", lambda w: w.ctx.ratings.monthly_pdf("店", date(2026, 11, 1), date(2026, 12, 1)),
     Perm.EXPORT),
]  # fmt: skip


def _vehicle_input(w: World) -> Any:
    from app.domain.vin import with_check_digit
    from app.services.vehicles import VehicleInput

    return VehicleInput("沪A12345", 1, with_check_digit("LSVAM4187C2184847"), "大众朗逸", "CSS123456", "car", "张三",
                        OWNER_PHONE)  # fmt: skip


def allowed(role: str, need: Need) -> bool:
    needs = need if isinstance(need, tuple) else (need,)
    return all(p in ROLE_PERMISSIONS[role] for p in needs)


def fingerprint(ctx: AppContext) -> str:
    """Every business row's content: the audit trail's own tables and the live-change stamp left out."""
    digest = hashlib.sha256()
    with ctx.db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name.startswith("audit_"):
                continue
            rows = [r for r in s.execute(select(table)).all() if not (table.name == "settings" and r[0] == "db.data_version")]
            digest.update(repr((table.name, sorted(map(repr, rows)))).encode())
    return digest.hexdigest()


def audit_count(ctx: AppContext, action: str) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)) or 0)


@pytest.mark.parametrize(("name", "call", "need"), ACTIONS, ids=[a[0] for a in ACTIONS])
@pytest.mark.parametrize("role", [OWNER, FRONT_DESK, TECHNICIAN])
def test_role_may_or_may_not(world: World, as_role: Callable[[str], None], role: str, name: str, call: Call,
                             need: Need) -> None:  # fmt: skip
    ctx = world.ctx
    as_role(role)
    if allowed(role, need):
        try:
            call(world)
        except DomainError as exc:
            assert exc.code not in ("auth.denied", "auth.login_required"), f"{role} refused {name}"
        return
    before, denied, exports = fingerprint(ctx), audit_count(ctx, "permission_denied"), audit_count(ctx, "export")
    with pytest.raises(DomainError) as err:
        call(world)
    assert err.value.code == "auth.denied", f"{role} got {err.value.code} for {name}"
    assert fingerprint(ctx) == before, f"{name} wrote although {role} was refused"
    assert audit_count(ctx, "permission_denied") == denied + 1
    assert audit_count(ctx, "export") == exports


def test_the_table_covers_every_role_rule() -> None:
    """Each role is refused something and allowed something, so no row of the table is vacuous."""
    for role in (FRONT_DESK, TECHNICIAN):
        assert any(not allowed(role, need) for _n, _c, need in ACTIONS)
        assert any(allowed(role, need) for _n, _c, need in ACTIONS)
    assert all(allowed(OWNER, need) for _n, _c, need in ACTIONS)


def test_nobody_logged_in_must_log_in_first(world: World) -> None:
    ctx = world.ctx
    ctx.accounts.logout()
    denied = audit_count(ctx, "permission_denied")
    for call in (lambda: ctx.orders.get(world.draft_id), lambda: ctx.order_list.page(OrderFilter()),
                 lambda: ctx.waste.ledger.stock(), lambda: ctx.shop.configure(SHOP)):  # fmt: skip
        with pytest.raises(DomainError) as err:
            call()
        assert err.value.code == "auth.login_required"
    assert audit_count(ctx, "permission_denied") == denied + 4
    assert ctx.shop.get() is not None  # the shop's public details stay readable (title, login screen)


def test_background_work_runs_as_the_system_whoever_is_logged_in(world: World, as_role: Callable[[str], None]) -> None:
    as_role(FRONT_DESK)
    with world.ctx.guard.as_system():
        assert world.ctx.ratings.ingest([], source="ehr").added == 0  # the sync worker's rating fetch
    with pytest.raises(DomainError):
        world.ctx.ratings.ingest([], source="ehr")


# ------------------------------------------------------------------------------------------- privacy


def test_technician_sees_orders_without_prices_or_contacts(world: World, as_role: Callable[[str], None]) -> None:
    ctx = world.ctx
    as_role(TECHNICIAN)
    order = ctx.orders.get(world.settled_id)
    assert order.prices_hidden and order.totals.due_fen == 0 and order.totals.gross_fen == 0
    assert all(x.rate_fen == 0 and x.amount_fen == 0 for x in order.labour)
    assert all(p.unit_price_fen == 0 and p.amount_fen == 0 and not p.cost_price_fen for p in order.parts)
    assert all(p.amount_fen == 0 for p in order.payments) and all(f.amount_fen == 0 for f in order.fees)
    assert order.vehicle.owner_name == "张**" and order.vehicle.owner_phone == "138****8000"
    assert order.bringer_phone == "138****8000" and order.bringer_name == "张**"
    rows = ctx.order_list.page(OrderFilter())
    assert rows and all(r.owner_name.endswith("**") and r.due_fen == 0 and r.prices_hidden for r in rows)
    assert all(v.total_fen == 0 and v.prices_hidden for v in ctx.vehicles.visits(world.vehicle_id))
    # Typing digits of a phone number must not find orders for a role that may not see phone numbers.
    assert ctx.order_list.count(OrderFilter(text="0013800")) == 0


def test_front_desk_sees_what_the_counter_needs(world: World, as_role: Callable[[str], None]) -> None:
    ctx = world.ctx
    as_role(FRONT_DESK)
    order = ctx.orders.get(world.settled_id)
    assert not order.prices_hidden and order.totals.due_fen > 0
    assert order.vehicle.owner_name == "张三" and order.vehicle.owner_phone == OWNER_PHONE
    assert ctx.order_list.count(OrderFilter(text="0013800")) > 0
    assert ctx.vehicles.search("0013800")[0].owner_phone == OWNER_PHONE


def test_technician_records_own_labour_and_cannot_touch_prices(world: World, as_role: Callable[[str], None]) -> None:
    ctx = world.ctx
    with ctx.guard.as_system():
        order = ctx.orders.open(world.vehicle_id, _header(world))
        order = ctx.orders.save_lines(order.id, [LabourLine("更换机油机滤", Decimal("0.5"), 8555, world.technician_staff_id),
                                                 LabourLine("四轮定位", Decimal("1"), 20000, None)], [], [])  # fmt: skip
    as_role(TECHNICIAN)
    shown = ctx.orders.save_own_labour(order.id, [LabourLine("更换机油机滤", Decimal("0.8"), 1, note="加了密封圈"),
                                                  LabourLine("检查底盘", Decimal("0.2"), 999_999)])  # fmt: skip
    assert shown.prices_hidden
    with ctx.guard.as_system():
        after = ctx.orders.get(order.id)
    assert [(x.item, x.hours, x.rate_fen, x.technician_id) for x in after.labour] == [
        ("四轮定位", Decimal("1"), 20000, None),  # someone else's line: untouched
        ("更换机油机滤", Decimal("0.8"), 8555, world.technician_staff_id),  # own line: its rate kept
        ("检查底盘", Decimal("0.2"), SHOP.labour_rate_fen, world.technician_staff_id),  # new: the shop's rate
    ]
    assert after.totals.labour_fen == 20000 + 6844 + 2000
    with pytest.raises(DomainError) as err:
        ctx.orders.save_lines(order.id, [], [], [])
    assert err.value.code == "auth.denied"


def _export_details(ctx: AppContext, since: int) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(AuditEntry.after).where(AuditEntry.action == "export", AuditEntry.seq > since)
                              .order_by(AuditEntry.seq)))  # fmt: skip


def _head(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.max(AuditEntry.seq))) or 0)


def test_exports_mask_unless_the_owner_chooses_otherwise(world: World, as_role: Callable[[str], None]) -> None:
    ctx = world.ctx
    as_role(OWNER)
    reminders = ctx.owner.reminders.all_reminders(today=date(2027, 12, 1))
    assert reminders and reminders[0].owner_phone == OWNER_PHONE  # the owner sees them on screen
    start = _head(ctx)
    masked_csv = ctx.owner.reminders.export_csv(reminders, "店").decode("utf-8-sig")
    full_csv = ctx.owner.reminders.export_csv(reminders, "店", unmasked=True).decode("utf-8-sig")
    assert OWNER_PHONE not in masked_csv and mask_phone(OWNER_PHONE) in masked_csv and "张**" in masked_csv
    assert OWNER_PHONE in full_csv and "张三" in full_csv
    book = load_workbook(io.BytesIO(ctx.ratings.ratings_excel(ctx.ratings.dashboard(date(2026, 11, 1), date(2026, 12, 1)))))
    cells = {str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert mask_phone(OWNER_PHONE) in cells and OWNER_PHONE not in cells and mask_name("张三") in cells
    defects = load_workbook(io.BytesIO(ctx.owner.defects.export_excel(ctx.owner.defects.list(), "店", "—")))
    texts = " ".join(str(c.value) for ws in defects.worksheets for row in ws.iter_rows() for c in row)
    assert "13912345678" not in texts and "139****5678" in texts
    details = _export_details(ctx, start)
    assert [('"unmasked":true' in d, d.split('"what":"')[1].split('"')[0]) for d in details] == [
        (False, "reminders_sms_csv"), (True, "reminders_sms_csv"), (False, "ratings_excel"), (False, "defects_excel")]


def test_the_full_history_is_an_unmasked_export(world: World, as_role: Callable[[str], None]) -> None:
    ctx = world.ctx
    as_role(FRONT_DESK)
    start = _head(ctx)
    assert ctx.owner.history.issue(world.vehicle_id, FULL).history.owner_phone == OWNER_PHONE
    assert ctx.owner.history.issue(world.vehicle_id, DEIDENTIFIED).history.owner_phone == ""
    details = _export_details(ctx, start)
    assert ['"unmasked":true' in d for d in details] == [True, False]
    assert all('"what":"vehicle_history"' in d for d in details)


def test_logs_hold_no_phone_numbers_or_passwords(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        path = configure_logging(tmp_path / "logs")
        assert path is not None
        log = logging.getLogger("banshou.test")
        log.warning("login user=boss password=%s for owner %s", "S3cret-pass!", "13812345678")
        log.warning("request {'companypassword': 'Ehr-pass-9', 'access_token': 'tok-abc'} phone 021-5555 6666")
        try:
            raise ValueError("owner phone +86 139 1234 5678 rejected")
        except ValueError:
            log.exception("Authorization: Bearer eyJhbGciOi.secret")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)
    for secret in ("S3cret-pass!", "13812345678", "Ehr-pass-9", "tok-abc", "5555 6666", "139 1234 5678",
                   "eyJhbGciOi.secret"):  # fmt: skip
        assert secret not in text
    assert "138****5678" in text and "login user=boss" in text and "ValueError" in text
