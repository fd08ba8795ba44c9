"""The waste screen (pytest-qt, offscreen): a technician logs a battery from a settled work order in two
taps, and a handoff takes two containers; screenshots at 1366×768 for a look by eye."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QThreadPool
from PySide6.QtGui import QPainter
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.services.dto import LabourLine, PartLine
from app.waste.dto import GenerationInput
from tests.integration.orders_helpers import make_vehicle, settle_in_full
from tests.integration.test_waste_ledger import MANIFEST, add_collector
from tests.ui.shots import shots_dir
from ui.pages.waste_page import TAB_STOCK, WastePage

SHOTS = shots_dir()
SIZE = QSize(1366, 768)


@pytest.fixture(autouse=True)
def _drain(ctx: AppContext) -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def settle_jobs(qtbot: QtBot) -> None:
    """Let background reads land while the widgets still exist (they refresh after every save)."""
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(100)


def battery_order(ctx: AppContext) -> int:
    from app.services.workorders import IntakeHeader

    technician = ctx.staff.list("technician")[0].id
    wo = ctx.orders.open(make_vehicle(ctx).id, IntakeHeader(ctx.clock.now(), 52000, "启动困难，蓄电池亏电"))
    wo = ctx.orders.save_lines(wo.id, [LabourLine("更换蓄电池", Decimal("0.5"), 8000, technician)],
                               [PartLine("蓄电池", Decimal(1), "个", 56000, "brand", brand="瓦尔塔")], [])  # fmt: skip
    return settle_in_full(ctx, wo).id


def show(qtbot: QtBot, ctx: AppContext) -> WastePage:
    page = WastePage(ctx)
    qtbot.addWidget(page)
    page.resize(SIZE)
    page.show()
    qtbot.waitUntil(lambda: page.entry.loaded, timeout=5000)
    return page


def test_technician_logs_a_battery_from_a_work_order_in_two_taps(qtbot: QtBot, ctx: AppContext) -> None:
    order_id = battery_order(ctx)
    page = show(qtbot, ctx)
    entry = page.entry.view
    assert entry.expected_list.count() == 1 and "废铅蓄电池" in entry.expected_list.item(0).text()
    rect = entry.expected_list.visualItemRect(entry.expected_list.item(0))
    qtbot.mouseClick(entry.expected_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # tap 1
    assert entry.quantity.text() == "1" and entry.weight.text() == "15"  # kg per piece from the data file
    assert "废铅蓄电池" in entry.kind_label.text() and "HW31 900-052-31" in entry.code_label.text()
    for button in (entry.save_button, *entry.keypad.buttons.values()):
        assert button.height() >= 48 and button.width() >= 48  # touch targets (ux.md)
    qtbot.mouseClick(entry.keypad.buttons["⌫"], Qt.MouseButton.LeftButton)  # the technician fixes the count
    qtbot.mouseClick(entry.keypad.buttons["1"], Qt.MouseButton.LeftButton)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "waste-technician.png"))
    qtbot.mouseClick(entry.save_button, Qt.MouseButton.LeftButton)  # tap 2
    qtbot.waitUntil(lambda: "已登记" in entry.message.text(), timeout=5000)
    [generation] = ctx.waste.ledger.entries(stages=("CS",))
    assert generation.work_order_id == order_id and generation.quantity == Decimal(1)
    assert generation.handled_by == "李强" and generation.weight_kg == Decimal(15)
    qtbot.waitUntil(lambda: entry.expected_list.count() == 1 and not entry.expected_list.item(0).data(Qt.ItemDataRole.UserRole + 1))
    assert ctx.waste.expected.open(refresh=False) == []
    settle_jobs(qtbot)


def test_handoff_with_two_containers(qtbot: QtBot, ctx: AppContext) -> None:
    oil, _ = ctx.waste.ledger.generate(GenerationInput("waste_oil", Decimal(180), Decimal("158.4"), handled_by="李强"))
    battery, _ = ctx.waste.ledger.generate(GenerationInput("lead_battery", Decimal(6), Decimal("88.2"), handled_by="李强"))
    add_collector(ctx)
    page = show(qtbot, ctx)
    page.tabs.setCurrentIndex(TAB_STOCK)
    qtbot.waitUntil(lambda: page.stock.view.stock.rowCount() == 2, timeout=5000)
    dialog = page.stock.open_handoff_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    v = dialog.view
    dialog.set_taken(oil.container_code, weight_kg="160.1")  # more than the books say: blocked
    dialog.set_taken(battery.container_code)
    v.carrier.setText("绿源物流")
    v.plate.setText("沪D12345")
    v.manifest.setText(MANIFEST)
    v.payment.setText("150")
    assert "2 个容器" in v.total.text()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(v.dispatch_button, Qt.MouseButton.LeftButton)
    assert "只有" in v.error.text() and dialog.result_handoff is None  # more than on hand: blocked, stays open
    dialog.set_taken(oil.container_code, weight_kg="158.4")
    _screenshot_with_dialog(page, dialog)
    qtbot.mouseClick(v.dispatch_button, Qt.MouseButton.LeftButton)
    handoff = dialog.result_handoff
    assert handoff is not None and handoff.status == "in_transit" and len(handoff.lines) == 2
    assert {line.container_code for line in handoff.lines} == {oil.container_code, battery.container_code}
    assert handoff.payment_fen == 15000 and handoff.manifest_no == MANIFEST
    assert ctx.waste.ledger.stock() == []
    settle_jobs(qtbot)


def _screenshot_with_dialog(page: WastePage, dialog: QPainter | object) -> None:
    """The page at 1366×768 with the modal dialog drawn centred on it, as the user sees it."""
    shot = page.grab()
    inner = dialog.grab()  # type: ignore[attr-defined]
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), Qt.GlobalColor.transparent)
    painter.drawPixmap(QPoint((shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 2), inner)
    painter.end()
    shot.save(str(SHOTS / "waste-handoff.png"))
