"""Shared helpers for the intake, order-editor and settlement UI tests.

Fixtures defined here are imported by the test modules that use them (pytest only reads conftest.py by
itself, and ``tests/ui/conftest.py`` belongs to the main-window tests).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.domain.vin import with_check_digit
from app.services.dto import FeeLine, LabourLine, PartLine, VehicleDetail, WorkOrderDetail
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader

VIN_OK = with_check_digit("LSVAU2180N2123456")  # LSV: SAIC Volkswagen, so the brand is pre-filled
VIN_BAD_CHECK = VIN_OK[:8] + ("1" if VIN_OK[8] != "1" else "2") + VIN_OK[9:]
PLATE = "沪A12345"
OWNER = "张三"
PHONE = "13800138000"
INTAKE_AT = datetime(2026, 11, 26, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai, before the test clock


@pytest.fixture(autouse=True)
def drain_background_jobs(ctx: AppContext) -> Iterator[None]:
    """Background jobs finish before the test database is closed (import this into a test module)."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def make_vehicle(
    ctx: AppContext, plate: str = PLATE, vin: str = VIN_OK, owner: str = OWNER, phone: str = PHONE
) -> VehicleDetail:
    return ctx.vehicles.create(
        VehicleInput(plate, 1, vin, "大众朗逸", "E123456", "car", owner, phone),
        {"vin.check_digit": "测试"} if vin != VIN_OK else None,
    )


def open_order(
    ctx: AppContext, vehicle_id: int, km: int | None = 12_345, category: str = "MINOR_REPAIR"
) -> WorkOrderDetail:
    advisor = ctx.staff.list("advisor")[0].id
    return ctx.orders.open(vehicle_id, IntakeHeader(INTAKE_AT, km, "刹车异响", category, advisor_id=advisor))


def standard_lines(ctx: AppContext) -> tuple[list[LabourLine], list[PartLine], list[FeeLine]]:
    """0.5 h × ¥85.55 = ¥42.78 (half-up), 4 L × ¥68.00, 1 × ¥45.50, fee ¥10.00 → ¥370.28."""
    technician = ctx.staff.list("technician")[0].id
    return (
        [LabourLine("更换机油机滤", Decimal("0.5"), 8555, technician)],
        [
            PartLine("机油", Decimal("4"), "升", 6800, "brand", brand="嘉实多"),
            PartLine("机油滤清器", Decimal("1"), "个", 4550, "oem", part_code="06L115562B"),
        ],
        [FeeLine("废油处理费", 1000)],
    )


def order_with_lines(ctx: AppContext, km: int | None = 12_345) -> WorkOrderDetail:
    vehicle = make_vehicle(ctx)
    order = open_order(ctx, vehicle.id, km)
    return ctx.orders.save_lines(order.id, *standard_lines(ctx))


def show(qtbot: QtBot, widget: QWidget, width: int = 1210, height: int = 700) -> None:
    """Size of the page area inside the 1366×768 main window (left navigation and bars taken off); the
    window is made active so that keyboard shortcuts reach it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def ime_commit(widget: QWidget, text: str) -> None:
    """Type Chinese or full-width text the way an IME delivers it (QTest's key clicks are ASCII only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
