"""Lists follow another client's writes: a second client (its own engine, as another PC) opens an order and
this window's work-order list shows it without F5; a list that is not on screen reloads when shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.context import AppContext, open_context
from app.i18n import render
from app.paths import DataDir
from app.services.order_list import OrderFilter
from app.services.workorders import IntakeHeader
from tests.conftest import SHOP
from tests.ui.conftest import WAIT_MS
from ui.live_refresh import LiveRefresh, install_live_refresh
from ui.main_window import AREA_INTAKE, AREA_ORDERS, MainWindow
from ui.models.order_list_model import SUMMARY_ROLE


@pytest.fixture
def other_pc(seeded_ctx: AppContext, tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_context(DataDir(tmp_path / "other-pc"), seeded_ctx.clock, database_url=seeded_ctx.db.url)
    yield ctx
    ctx.close()


def _window(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, LiveRefresh]:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.shop_label.text() == SHOP.name, timeout=WAIT_MS)
    live = install_live_refresh(window, interval_ms=100)
    qtbot.waitUntil(lambda: live.polls >= 1, timeout=WAIT_MS)
    return window, live


def _listed(window: MainWindow) -> set[int]:
    model = window.orders_page.model
    return {model.index(r, 0).data(SUMMARY_ROLE).id for r in range(model.rowCount())}


def _open_order_elsewhere(ctx: AppContext) -> int:
    plate = ctx.order_list.page(OrderFilter(), limit=1)[0].plate
    vehicle = ctx.vehicles.search(plate)[0]
    return ctx.orders.open(vehicle.id, IntakeHeader(ctx.clock.now(), None, "另一台电脑接的车")).id


def test_the_visible_list_shows_another_pcs_new_order(qtbot: QtBot, seeded_ctx: AppContext, other_pc: AppContext) -> None:
    window, _live = _window(qtbot, seeded_ctx)
    window.nav.setCurrentRow(AREA_ORDERS)
    qtbot.waitUntil(lambda: window.orders_page.model.loaded, timeout=WAIT_MS)
    new_id = _open_order_elsewhere(other_pc)
    qtbot.waitUntil(lambda: new_id in _listed(window), timeout=WAIT_MS)


def test_a_hidden_list_reloads_when_shown(qtbot: QtBot, seeded_ctx: AppContext, other_pc: AppContext) -> None:
    window, live = _window(qtbot, seeded_ctx)
    window.nav.setCurrentRow(AREA_INTAKE)
    polls = live.polls
    new_id = _open_order_elsewhere(other_pc)
    qtbot.waitUntil(lambda: live.polls >= polls + 2, timeout=WAIT_MS)
    assert new_id not in _listed(window)  # not on screen: nothing reloaded behind the clerk's back
    window.nav.setCurrentRow(AREA_ORDERS)
    qtbot.waitUntil(lambda: new_id in _listed(window), timeout=WAIT_MS)


def test_an_upgrade_by_another_pc_asks_this_one_to_upgrade(qtbot: QtBot, seeded_ctx: AppContext, other_pc: AppContext) -> None:
    _, live = _window(qtbot, seeded_ctx)
    with other_pc.db.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_newer'"))
    qtbot.waitUntil(lambda: live.label.isVisible() and "升级" in live.label.text(), timeout=WAIT_MS)
    assert live.label.text() == render("db.schema_moved")
