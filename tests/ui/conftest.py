"""UI fixtures: a CJK font, QSettings in a temporary folder, and a database seeded with a few hundred orders.

Seeding through the real services takes a few seconds, so it runs once per session into a template
folder; each test gets its own copy of the folder and its database (tests never share a database).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.vin import with_check_digit
from app.paths import DataDir
from app.services.dto import FeeLine, LabourLine, PartLine, Payment
from app.services.settlement import SettleRequest
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader
from localdb.models import OutboxEntry
from tests.conftest import SHOP
from tests.dbs import drop_test_databases, open_copy, open_test_context
from ui.app import apply_app_font, choose_cjk_family

SEED_ORDERS = 450
SEED_VEHICLES = 60
WAIT_MS = 10_000  # generous: waits end as soon as the condition holds, and the test machine is shared
SEED_NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # the `clock` fixture's start (10:00 in Shanghai)

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"]
_MODELS = ["大众朗逸", "丰田卡罗拉", "本田雅阁", "日产轩逸", "别克英朗", "比亚迪秦PLUS", "吉利帝豪", "哈弗H6"]
_PLATE_LETTERS = "ABCDEFGHJK"
_FAULTS = ["发动机异响，冷车启动有哒哒声", "常规保养", "刹车异响", "空调不制冷", "更换轮胎", "仪表盘故障灯亮"]


@pytest.fixture(scope="session", autouse=True)
def _qt_environment(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Chinese must render in screenshots, and QSettings must never touch the real user's config."""
    QCoreApplication.setOrganizationName("BanshouTests")
    QCoreApplication.setApplicationName("BanshouTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings")))
    apply_app_font(False, choose_cjk_family())


@pytest.fixture(autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """Overrides the root fixture: a screen's background jobs (``ui/tasks.py``) may still be running
    against the test's database when the test ends. They finish first, so none fails on a dropped
    PostgreSQL database (and, on SQLite, none writes to a folder after its test)."""
    yield
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    drop_test_databases()


@pytest.fixture(autouse=True)
def _fresh_qsettings() -> Iterator[None]:
    QSettings().clear()
    yield
    QSettings().clear()


def _owner(n: int) -> str:
    return _SURNAMES[n % len(_SURNAMES)] + _GIVEN[(n * 7) % len(_GIVEN)]


def seed_orders(ctx: AppContext, orders: int = SEED_ORDERS, vehicles: int = SEED_VEHICLES) -> None:
    """Orders in every state, oldest first, four hours apart, so the list has a few days per page."""
    technician = ctx.staff.list("technician")[0].id
    fleet = [
        ctx.vehicles.create(
            VehicleInput(
                plate=f"沪{_PLATE_LETTERS[n % len(_PLATE_LETTERS)]}{10000 + n * 37:05d}",
                plate_colour=1,
                vin=with_check_digit(f"LSVAM4180C2{n:06d}"),
                brand_model=_MODELS[n % len(_MODELS)],
                engine_no=f"E{n:06d}",
                vehicle_type="car",
                owner_name=_owner(n),
                owner_phone=f"139{n:08d}",
            )
        )
        for n in range(vehicles)
    ]
    now = ctx.clock.now()
    for k in range(orders):
        vehicle = fleet[k % vehicles]
        intake = now - timedelta(hours=4 * (orders - k))
        header = IntakeHeader(intake, 20000 + 50 * k, _FAULTS[k % len(_FAULTS)], advisor_id=None)
        wo = ctx.orders.open(vehicle.id, header)
        kind = k % 5
        if k % 23 == 0:
            ctx.orders.cancel(wo.id, "车主取消维修")
            continue
        if kind == 0:
            continue  # draft
        hours = Decimal(1 + k % 3) / 2
        wo = ctx.orders.save_lines(
            wo.id,
            [LabourLine("更换机油机滤", hours, 8555, technician)],
            [PartLine("机油", Decimal("4"), "升", 6800 + k, "brand", brand="嘉实多")],
            [FeeLine("废油处理费", 1000)] if k % 2 else [],
        )
        if kind == 1:
            ctx.orders.start_repair(wo.id)
        elif kind == 2:
            ctx.orders.complete(wo.id, now, None)
        else:
            ctx.settlement.settle(wo.id, SettleRequest(payments=(Payment("wechat", wo.totals.due_fen),)))
    _vary_upload_states(ctx)


def _vary_upload_states(ctx: AppContext) -> None:
    """The sync worker is someone else's: as it would have, mark older records accepted (a few rejected),
    the newest one sending and the last few still queued."""
    with ctx.db.write() as s:
        entries = s.scalars(select(OutboxEntry).order_by(OutboxEntry.id.desc())).all()
        for i, entry in enumerate(entries):
            if i < 3:
                entry.state = "pending"
            elif i == 3:
                entry.state = "in_flight"
            else:
                entry.state = "rejected" if i % 25 == 5 else "done"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> AppContext:
    """The seeded data folder, closed: tests get copies of it (:func:`tests.dbs.open_copy`)."""
    root = tmp_path_factory.mktemp("seeded") / "data"
    ctx = open_test_context(DataDir(root), ManualClock(SEED_NOW), for_session=True)
    try:
        ctx.shop.configure(SHOP)
        ctx.staff.add("王丽", "advisor")
        ctx.staff.add("李强", "technician")
        seed_orders(ctx)
    finally:
        ctx.close()
    return ctx


@pytest.fixture
def seeded_ctx(seeded_template: AppContext, tmp_path: Path, clock: ManualClock) -> Iterator[AppContext]:
    """A private copy of the seeded database (shop, two staff, 450 orders in every state)."""
    ctx = open_copy(seeded_template, tmp_path / "seeded", clock)
    yield ctx
    ctx.close()
