"""The work-order editor: live totals to the fen, messages that keep the rows, save, state actions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.services import billing
from app.services.dto import Payment
from app.services.settlement import SettleRequest
from tests.ui.helpers_orders import (
    drain_background_jobs,  # noqa: F401  (autouse fixture)
    ime_commit,
    make_vehicle,
    open_order,
    order_with_lines,
    show,
)
from ui.dialogs.order_state_dialogs import CancelDialog, CompleteDialog
from ui.models.line_table import LineTableModel
from ui.pages.order_editor import OrderEditorPage


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> OrderEditorPage:
    page = OrderEditorPage(ctx)
    show(qtbot, page)
    return page


def load(qtbot: QtBot, page: OrderEditorPage, order_id: int) -> None:
    page.load(order_id)
    qtbot.waitUntil(lambda: not page.is_busy() and page.order() is not None and page.order().id == order_id)


def set_cell(model: LineTableModel, row: int, key: str, value: object) -> None:
    assert model.setData(model.index(row, model.column_index(key)), value, Qt.ItemDataRole.EditRole)


def cell(model: LineTableModel, row: int, key: str) -> str:
    return model.index(row, model.column_index(key)).data(Qt.ItemDataRole.DisplayRole)


def test_load_shows_header_lines_and_totals(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    v = page.view
    assert v.plate.text() == "沪A12345"
    assert "草稿" in v.state_badge.text()
    assert "张三" in v.summary.text() and "12,345" in v.summary.text()
    assert page.labour_model.rowCount() == 1 and page.parts_model.rowCount() == 2 and page.fees_model.rowCount() == 1
    assert cell(page.labour_model, 0, "technician_id") == "李强"
    assert cell(page.labour_model, 0, "amount") == "42.78"  # 0.5 h × ¥85.55, half-up
    assert v.totals.gross.text() == "¥370.28"
    assert v.totals.gross.alignment() & Qt.AlignmentFlag.AlignRight
    assert not page.is_dirty()


def test_live_totals_match_billing_to_the_fen(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = open_order(ctx, make_vehicle(ctx).id)
    load(qtbot, page, order.id)
    labour, parts = page.labour_model, page.parts_model
    row = labour.add_row()
    assert cell(labour, row, "rate_fen") == "100.00"  # the shop's labour rate
    set_cell(labour, row, "item", "检查制动系统")
    set_cell(labour, row, "hours", "0.5")
    set_cell(labour, row, "rate_fen", "85.55")
    assert page.view.totals.labour.text() == "42.78"
    row = parts.add_row()
    set_cell(parts, row, "name", "刹车片")
    set_cell(parts, row, "quantity", "3")
    set_cell(parts, row, "unit_price_fen", "33.33")
    set_cell(parts, row, "unit", "套")
    expected = billing.totals(labour.lines(), parts.lines(), [])
    assert expected.gross_fen == 4278 + 9999
    assert page.view.totals.parts.text() == "99.99"
    assert page.view.totals.gross.text() == "¥142.77"
    assert page.is_dirty()
    page.save()
    qtbot.waitUntil(lambda: not page.is_busy() and not page.is_dirty())
    assert ctx.orders.get(order.id).totals.gross_fen == expected.gross_fen  # screen and database agree


def test_choosing_a_catalogue_item_fills_hours_unit_and_price(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = open_order(ctx, make_vehicle(ctx).id)
    load(qtbot, page, order.id)
    row = page.labour_model.add_row()
    set_cell(page.labour_model, row, "item", "更换机油机滤")
    assert cell(page.labour_model, row, "hours") == "0.5"
    row = page.parts_model.add_row()
    set_cell(page.parts_model, row, "name", "机油")
    assert cell(page.parts_model, row, "unit") == "升"
    assert cell(page.parts_model, row, "unit_price_fen") == "75.00"  # middle of ¥40–110
    assert "更换机油机滤" in page.labour_model.completions("item")


def test_bad_hours_and_negative_price_show_the_message_and_keep_the_rows(
    page: OrderEditorPage, ctx: AppContext, qtbot: QtBot
) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    set_cell(page.labour_model, 0, "hours", "abc")
    set_cell(page.parts_model, 0, "unit_price_fen", "-5")
    assert cell(page.labour_model, 0, "hours") == "abc"  # kept as typed
    page.save()
    message = page.view.message
    assert message.isVisible() and message.kind == "error"
    assert "第 1 行“工时”" in message.text() and "数字" in message.text()
    assert "负数" in message.text()
    assert page.labour_model.rowCount() == 1 and page.parts_model.rowCount() == 2
    assert cell(page.parts_model, 0, "unit_price_fen") == "-5"
    assert ctx.orders.get(order.id).totals.gross_fen == 37028  # nothing was saved


def test_a_service_error_names_the_row_and_keeps_what_was_typed(
    page: OrderEditorPage, ctx: AppContext, qtbot: QtBot
) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    set_cell(page.labour_model, 0, "hours", "1.25")  # two decimals: the service refuses
    page.save()
    qtbot.waitUntil(lambda: not page.is_busy() and page.view.message.isVisible())
    assert "1 位小数" in page.view.message.text()
    assert page.labour_model.row_records()[0].issue
    assert cell(page.labour_model, 0, "hours") == "1.25"
    assert page.is_dirty()


def test_save_with_ctrl_s_assigns_the_shop_sku_and_drops_blank_rows(
    page: OrderEditorPage, ctx: AppContext, qtbot: QtBot
) -> None:
    order = open_order(ctx, make_vehicle(ctx).id)
    load(qtbot, page, order.id)
    parts = page.parts_model
    row = parts.add_row()
    set_cell(parts, row, "name", "雨刮片")
    set_cell(parts, row, "part_code", "无")  # never make the user type 无: it means "no code"
    set_cell(parts, row, "unit", "对")
    set_cell(parts, row, "unit_price_fen", "88")
    assert cell(parts, row, "part_code") == "（自动编号）"
    page.labour_model.add_row()  # left blank
    with qtbot.waitSignal(page.order_changed, timeout=5000):
        qtbot.keyClick(page.view.parts.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.is_busy())
    saved = ctx.orders.get(order.id)
    assert saved.parts[0].part_code == "SH01P00001"
    assert saved.labour == ()
    assert cell(parts, 0, "part_code") == "SH01P00001"
    assert page.view.status.text() == "已保存"


def test_insert_adds_and_ctrl_delete_removes_a_row(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    table = page.view.fees.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    page.view.fees.add_shortcut.activated.emit()
    assert page.fees_model.rowCount() == 2
    table.selectRow(1)
    page.view.fees.remove_shortcut.activated.emit()
    assert page.fees_model.rowCount() == 1


def test_settled_order_is_read_only_and_correction_opens_a_new_revision(
    page: OrderEditorPage, ctx: AppContext, qtbot: QtBot
) -> None:
    order = order_with_lines(ctx)
    ctx.settlement.settle(order.id, SettleRequest(payments=(Payment("cash", 37028),)))
    load(qtbot, page, order.id)
    v = page.view
    assert "SH01-20261126-0001" in v.list_number.text()
    assert "已结算" in v.state_badge.text()
    assert not v.save_button.isEnabled() and not v.settle_button.isEnabled()
    assert not page.labour_model.setData(page.labour_model.index(0, 1), "2", Qt.ItemDataRole.EditRole)
    assert v.correct_button.isEnabled() and v.print_button.isEnabled()
    with qtbot.waitSignal(page.order_changed, timeout=5000) as changed:
        v.correct_button.click()
    qtbot.waitUntil(lambda: not page.is_busy())
    assert changed.args[0] != order.id
    assert page.order().revision == 2 and "第 2 版" in v.revision.text()
    assert v.save_button.isEnabled()
    assert page.labour_model.setData(page.labour_model.index(0, 1), "2", Qt.ItemDataRole.EditRole)


def test_complete_needs_the_certificate_for_second_level_maintenance(
    page: OrderEditorPage, ctx: AppContext, qtbot: QtBot
) -> None:
    vehicle = make_vehicle(ctx)
    order = open_order(ctx, vehicle.id, category="MAINT_L2")
    load(qtbot, page, order.id)
    page.view.complete_button.click()
    dialog = page.findChild(CompleteDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()
    assert dialog.isVisible() and "合格证" in dialog.message.text()
    qtbot.keyClicks(dialog.cert_no, "HG2026-001")
    qtbot.keyClicks(dialog.mileage_out, "12400")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not page.is_busy() and page.order().state == "completed")
    done = ctx.orders.get(order.id)
    assert done.completion_cert_no == "HG2026-001" and done.mileage_out == 12_400


def test_cancel_requires_a_reason(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    page.view.cancel_button.click()
    dialog = page.findChild(CancelDialog)
    assert dialog is not None and not dialog.ok_button.isEnabled()
    ime_commit(dialog.reason, "车主取消维修")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not page.is_busy() and page.order().state == "cancelled")
    assert not page.view.settle_button.isEnabled()
    assert ctx.orders.get(order.id).cancel_reason == "车主取消维修"


def test_start_repair_saves_pending_edits_first(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = order_with_lines(ctx)
    load(qtbot, page, order.id)
    set_cell(page.labour_model, 0, "hours", "1.0")
    page.view.start_button.click()
    qtbot.waitUntil(lambda: not page.is_busy() and page.order().state == "in_repair")
    assert ctx.orders.get(order.id).labour[0].hours == Decimal("1.0")


def test_enter_commits_a_cell_and_opens_the_next_one(page: OrderEditorPage, ctx: AppContext, qtbot: QtBot) -> None:
    order = open_order(ctx, make_vehicle(ctx).id)
    load(qtbot, page, order.id)
    page.view.labour.add_button.click()  # adds a row and starts editing its first cell
    table = page.view.labour.table
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    ime_commit(editor, "检查底盘")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert cell(page.labour_model, 0, "item") == "检查底盘"
    assert table.currentIndex().column() == page.labour_model.column_index("hours")
    hours_editor = QApplication.focusWidget()
    assert isinstance(hours_editor, QLineEdit) and hours_editor is not editor
    qtbot.keyClicks(hours_editor, "1.5")
    qtbot.keyClick(hours_editor, Qt.Key.Key_Return)
    assert page.view.totals.labour.text() == "150.00"
