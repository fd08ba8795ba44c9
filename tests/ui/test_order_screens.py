"""The intake, editor, settle and preview screens at the 1366×768 design size.

Each screen must fit (its minimum size within the design size) and is grabbed to a PNG. With
``BANSHOU_SCREENSHOTS=1`` the PNGs go to ``docs/screenshots/`` for the README; otherwise to a temporary
folder, so the test still renders every screen with real data on every run.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.services.dto import FeeLine, LabourLine, PartLine, Payment
from app.services.settlement import SettleRequest
from tests.ui.helpers_orders import (
    drain_background_jobs,  # noqa: F401  (autouse fixture)
    make_vehicle,
    open_order,
    show,
    standard_lines,
)
from tests.ui.shots import shots_dir
from ui.dialogs.print_preview import PrintPreviewDialog
from ui.dialogs.settle_dialog import SettleDialog
from ui.main_window import MainWindow

DESIGN = QSize(1366, 768)


@pytest.fixture
def shots() -> Path:
    return shots_dir()


def fits(widget: QWidget) -> None:
    hint = widget.minimumSizeHint()
    assert hint.width() <= DESIGN.width() and hint.height() <= DESIGN.height(), hint


def has_ink(image: QImage) -> bool:
    """QPdfView paints pages on a worker thread: wait until some dark text is on screen."""
    return any(
        QColor(image.pixel(x, y)).lightness() < 100
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    )


def grab(widget: QWidget, path: Path) -> None:
    """Lay out what the last text changes asked for (a posted event), then grab like the screen would."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    fits(widget)
    image = widget.grab()
    assert image.width() <= DESIGN.width() and image.height() <= DESIGN.height()
    assert image.save(str(path))


def busy_order(ctx: AppContext) -> int:
    """A realistic job: a returning car (last time with more km: a warning), five labour lines, six parts,
    two fees."""
    vehicle = make_vehicle(ctx)
    open_order(ctx, vehicle.id, km=13_100)
    order = open_order(ctx, vehicle.id, km=12_345)
    technician = ctx.staff.list("technician")[0].id
    labour, parts, fees = standard_lines(ctx)
    labour += [
        LabourLine("更换前刹车片", Decimal("1.0"), 10000, technician),
        LabourLine("四轮定位", Decimal("0.8"), 10000, technician),
        LabourLine("空调系统检测", Decimal("0.5"), 10000, None),
        LabourLine("故障诊断（电脑检测）", Decimal("0.3"), 10000, technician),
    ]
    parts += [
        PartLine("前刹车片", Decimal("1"), "套", 38000, "brand", part_code="0986AB1234", brand="博世"),
        PartLine("空调滤清器", Decimal("1"), "个", 6500, "equivalent", brand="曼牌"),
        PartLine("刹车油", Decimal("1"), "瓶", 5800, "brand", brand="嘉实多"),
        PartLine("雨刮片", Decimal("2"), "片", 4500, "aftermarket", customer_supplied=True),
    ]
    fees.append(FeeLine("检测费", 5000))
    return ctx.orders.save_lines(order.id, labour, parts, fees).id


def test_intake_screen(seeded_ctx: AppContext, qtbot: QtBot, shots: Path) -> None:
    window = MainWindow(seeded_ctx)
    show(qtbot, window, DESIGN.width(), DESIGN.height())
    page = window.intake_page
    qtbot.waitUntil(lambda: page.view.intake_form.advisor.count() > 1)
    qtbot.keyClicks(page.view.search, "D1")  # returning customers with settled visits
    qtbot.waitUntil(lambda: not page.is_searching())
    assert page.results_model.rowCount() > 3
    page.view.results.selectRow(0)
    qtbot.waitUntil(lambda: page.visits_model.rowCount() > 0)
    qtbot.keyClicks(page.view.intake_form.mileage, "45210")
    grab(window, shots / "intake.png")


def test_editor_screen(ctx: AppContext, qtbot: QtBot, shots: Path) -> None:
    window = MainWindow(ctx)
    show(qtbot, window, DESIGN.width(), DESIGN.height())
    order_id = busy_order(ctx)
    window.open_order(order_id)
    page = window.editor_page
    qtbot.waitUntil(lambda: page.order() is not None and not page.is_busy())
    page.view.labour.table.setFocus()
    page.view.labour.table.setCurrentIndex(page.labour_model.index(0, 0))
    grab(window, shots / "editor.png")


def test_settle_screen(ctx: AppContext, qtbot: QtBot, shots: Path) -> None:
    order = ctx.orders.get(busy_order(ctx))
    dialog = SettleDialog(ctx, order)
    show(qtbot, dialog, 940, 720)
    qtbot.waitUntil(dialog.is_ready)
    qtbot.keyClicks(dialog.view.discount, "0.28")
    dialog.view.payments.rows[0].amount.setText("1000.00")
    dialog.view.payments.rows[0].amount.textEdited.emit("1000.00")
    dialog.view.payments.add_button.click()
    dialog.view.old_parts["owner"].click()
    assert dialog.view.warnings.codes()  # the lower mileage needs a reason: shown in the shot
    grab(dialog, shots / "settle.png")


def test_preview_screen(ctx: AppContext, qtbot: QtBot, shots: Path) -> None:
    order_id = busy_order(ctx)
    due = ctx.orders.get(order_id).totals.due_fen
    settled = ctx.settlement.settle(
        order_id,
        SettleRequest(
            payments=(Payment("wechat", due),),
            old_parts="owner",
            confirmations={"mileage.lower_than_last": "更换过仪表"},
        ),
    )
    dialog = PrintPreviewDialog(ctx, settled)
    show(qtbot, dialog, 1000, 720)
    qtbot.waitUntil(dialog.is_ready, timeout=15_000)
    qtbot.waitUntil(lambda: has_ink(dialog.pdf_view.viewport().grab().toImage()), timeout=15_000)
    grab(dialog, shots / "preview.png")
    assert dialog.archived is not None and dialog.archived.exists()
