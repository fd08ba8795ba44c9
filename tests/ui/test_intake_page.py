"""Intake: find before create (search as you type), the new-vehicle fallback, and opening the order."""

from __future__ import annotations

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.domain.clock import SHOP_TZ
from tests.ui.helpers_orders import (
    OWNER,
    PHONE,
    VIN_BAD_CHECK,
    VIN_OK,
    drain_background_jobs,  # noqa: F401  (autouse fixture)
    ime_commit,
    make_vehicle,
    open_order,
    show,
)
from ui.pages.intake_page import IntakePage, guess_new_vehicle
from ui.pages.intake_view import NEW_VEHICLE_PAGE, VEHICLE_PAGE


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> IntakePage:
    page = IntakePage(ctx)
    show(qtbot, page)
    form = page.view.intake_form
    qtbot.waitUntil(lambda: form.advisor.count() > 1)  # shop and advisors loaded off-thread
    return page


def search(qtbot: QtBot, page: IntakePage, text: str, hits: int) -> None:
    page.view.search.clear()
    qtbot.keyClicks(page.view.search, text)
    assert page.is_searching()
    qtbot.waitUntil(lambda: not page.is_searching())
    assert page.results_model.rowCount() == hits


@pytest.mark.parametrize("text", ["A123", "2123456"[-6:], "0013800"], ids=["plate part", "VIN tail", "phone"])
def test_search_as_you_type_finds_by_plate_vin_tail_or_phone(
    page: IntakePage, ctx: AppContext, qtbot: QtBot, text: str
) -> None:
    make_vehicle(ctx)
    make_vehicle(ctx, plate="沪B99999", vin=VIN_OK[:-6] + "777777", owner="李四", phone="13911112222")
    search(qtbot, page, text, hits=1)
    hit = page.results_model.row(0)
    assert hit.plate == "沪A12345" and hit.owner_name == OWNER
    assert "找到 1 辆车" in page.view.search_status.text()


def test_no_hit_says_what_to_do_next(page: IntakePage, qtbot: QtBot) -> None:
    search(qtbot, page, "Z9", hits=0)
    assert "新车登记" in page.view.search_status.text()


def test_choosing_a_hit_shows_its_visits_and_prefills_the_order(page: IntakePage, ctx: AppContext, qtbot: QtBot) -> None:
    vehicle = make_vehicle(ctx)
    open_order(ctx, vehicle.id, km=12_345)
    search(qtbot, page, "A12345", hits=1)
    qtbot.keyClick(page.view.search, Qt.Key.Key_Return)  # Enter takes the first hit
    qtbot.waitUntil(lambda: page.visits_model.rowCount() == 1)
    form = page.view.intake_form
    assert page.view.current_vehicle_page == VEHICLE_PAGE
    assert "沪A12345" in page.view.vehicle_card.text()
    assert "12,345" in form.last_mileage.text()
    assert OWNER in form.bringer_name.placeholderText() and form.bringer_phone.placeholderText() == PHONE
    assert QApplication.focusWidget() is form.mileage
    assert page.visits_model.row(0).costlistcode is None


def test_defaults_today_no_mileage_and_the_advisor(page: IntakePage) -> None:
    form = page.view.intake_form
    shown = form.intake_at.dateTime()
    assert (shown.date().year(), shown.date().month(), shown.date().day(), shown.time().hour()) == (2026, 11, 26, 10)
    assert form.mileage.text() == ""
    assert form.advisor.currentText() == "王丽"


def test_open_order_for_a_found_vehicle(page: IntakePage, ctx: AppContext, qtbot: QtBot) -> None:
    make_vehicle(ctx)
    search(qtbot, page, "A12345", hits=1)
    page.view.results.selectRow(0)
    form = page.view.intake_form
    qtbot.keyClicks(form.mileage, "23,456")
    ime_commit(form.fault, "刹车异响")
    with qtbot.waitSignal(page.order_opened, timeout=5000) as opened:
        qtbot.keyClick(form.fault, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order = ctx.orders.get(opened.args[0])
    assert order.intake_mileage == 23_456
    assert order.fault_description == "刹车异响"
    assert order.bringer_name == OWNER  # 送修人 defaults to the owner
    assert order.advisor_name == "王丽"
    assert order.intake_at == datetime(2026, 11, 26, 10, 0, tzinfo=SHOP_TZ)
    assert page.view.search.text() == "" and page.results_model.rowCount() == 0  # ready for the next car


def test_lower_mileage_than_last_time_is_an_amber_warning_on_leaving_the_field(
    page: IntakePage, ctx: AppContext, qtbot: QtBot
) -> None:
    vehicle = make_vehicle(ctx)
    open_order(ctx, vehicle.id, km=50_000)
    search(qtbot, page, "A12345", hits=1)
    page.view.results.selectRow(0)
    form = page.view.intake_form
    form.mileage.setFocus()
    qtbot.keyClicks(form.mileage, "40000")
    form.mileage.editingFinished.emit()
    qtbot.waitUntil(lambda: form.mileage_message.isVisible())
    assert form.mileage_message.kind == "warning"
    assert "50000" in form.mileage_message.text()


def test_mileage_that_is_not_a_number_is_red_on_submit_and_stays(page: IntakePage, ctx: AppContext, qtbot: QtBot) -> None:
    make_vehicle(ctx)
    search(qtbot, page, "A12345", hits=1)
    page.view.results.selectRow(0)
    form = page.view.intake_form
    qtbot.keyClicks(form.mileage, "12.5")
    page.submit()
    assert form.mileage_message.kind == "error"
    assert form.mileage.text() == "12.5"


def test_new_vehicle_form_is_prefilled_from_the_search(page: IntakePage, qtbot: QtBot) -> None:
    search(qtbot, page, "b54321", hits=0)
    page.view.new_vehicle_button.click()
    form = page.view.vehicle_form
    assert page.view.current_vehicle_page == NEW_VEHICLE_PAGE
    assert form.plate.plate() == "沪B54321"
    assert guess_new_vehicle("138 0013 8000", "沪") == {"phone": "13800138000"}
    assert guess_new_vehicle(VIN_OK.lower(), "沪") == {"vin": VIN_OK}


def fill_new_vehicle(page: IntakePage, qtbot: QtBot, vin: str) -> None:
    page.view.new_vehicle_button.click()
    form = page.view.vehicle_form
    form.plate.line.setFocus()
    qtbot.keyClicks(form.plate.line, "c12345")
    qtbot.keyClicks(form.vin, vin.lower())
    ime_commit(form.owner_name, "王五")
    qtbot.keyClicks(form.owner_phone, "13700001111")
    qtbot.keyClicks(page.view.intake_form.mileage, "8000")


def test_new_vehicle_with_a_bad_vin_shows_the_message_and_keeps_the_text(
    page: IntakePage, ctx: AppContext, qtbot: QtBot
) -> None:
    fill_new_vehicle(page, qtbot, VIN_OK[:16])  # one character short
    form = page.view.vehicle_form
    assert form.brand_model.text() == "大众"  # the maker code pre-filled the brand
    page.submit()
    qtbot.waitUntil(lambda: form.vin_message.isVisible())
    assert form.vin_message.kind == "error"
    assert "16" in form.vin_message.text()  # says how long it is
    assert form.vin.text() == VIN_OK[:16] and form.owner_name.text() == "王五"
    assert page.view.intake_form.mileage.text() == "8000"
    assert ctx.vehicles.search("C12345") == []


def test_vin_check_digit_warning_needs_a_reason_then_creates_and_opens(
    page: IntakePage, ctx: AppContext, qtbot: QtBot
) -> None:
    fill_new_vehicle(page, qtbot, VIN_BAD_CHECK)
    page.submit()
    qtbot.waitUntil(lambda: page.confirm_dialog is not None and page.confirm_dialog.isVisible())
    dialog = page.confirm_dialog
    assert dialog is not None
    assert dialog.reasons.codes() == ["vin.check_digit"]
    assert not dialog.ok_button.isEnabled()  # a confirmation is a reason, not a click
    ime_commit(dialog.reasons.reason_edit("vin.check_digit"), "进口车，无校验位")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(page.order_opened, timeout=5000) as opened:
        dialog.ok_button.click()
    order = ctx.orders.get(opened.args[0])
    assert order.vehicle.plate == "沪C12345" and order.vehicle.vin == VIN_BAD_CHECK
    assert order.vehicle.owner_name == "王五" and order.intake_mileage == 8000


def test_a_failed_open_after_creating_the_vehicle_does_not_create_it_twice(
    page: IntakePage, ctx: AppContext, qtbot: QtBot
) -> None:
    fill_new_vehicle(page, qtbot, VIN_OK)
    form = page.view.intake_form
    form.advisor.addItem("已离职", 999)  # the service refuses this advisor
    form.advisor.setCurrentIndex(form.advisor.count() - 1)
    page.submit()
    qtbot.waitUntil(lambda: form.general.isVisible() or any(m.isVisible() for m in form.findChildren(type(form.general))))
    assert len(ctx.vehicles.search("C12345")) == 1
    assert page.view.current_vehicle_page == VEHICLE_PAGE  # the car now exists; a retry only opens the order
    form.advisor.setCurrentIndex(1)
    with qtbot.waitSignal(page.order_opened, timeout=5000):
        page.submit()
    assert len(ctx.vehicles.search("C12345")) == 1


def test_a_page_closed_while_its_job_runs_ignores_the_late_answer(ctx: AppContext, qtbot: QtBot) -> None:
    page = IntakePage(ctx)
    page.refresh()  # answers after the page is gone
    shiboken6.delete(page)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.sendPostedEvents()
    QApplication.processEvents()  # pytest-qt fails the test if the callback raised
