"""End to end at the counter: intake → lines → settle (discount, two payments) → the settlement list PDF,
printed through the preview's print path and read back with pypdf; and a double click settles once."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.context import AppContext
from app.domain.money import chinese_capitals
from app.services.dto import Payment
from app.services.settlement import SettleRequest
from localdb.models import OutboxEntry
from tests.ui.helpers_orders import (
    VIN_OK,
    drain_background_jobs,  # noqa: F401  (autouse fixture)
    ime_commit,
    make_vehicle,
    open_order,
    order_with_lines,
    show,
    standard_lines,
)
from ui.dialogs.print_preview import PrintPreviewDialog, print_document
from ui.dialogs.settle_dialog import SettleDialog
from ui.models.line_table import LineTableModel
from ui.pages.intake_page import IntakePage
from ui.pages.order_editor import OrderEditorPage

LIST_NO = "SH01-20261126-0001"


def set_cell(model: LineTableModel, row: int, key: str, value: object) -> None:
    assert model.setData(model.index(row, model.column_index(key)), value, Qt.ItemDataRole.EditRole)


def outbox_entries(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count(OutboxEntry.id))) or 0)


def intake_new_car(ctx: AppContext, qtbot: QtBot) -> int:
    """Search first (nothing found), register the car, fill the intake form, 开单."""
    intake = IntakePage(ctx)
    show(qtbot, intake)
    qtbot.waitUntil(lambda: intake.view.intake_form.advisor.count() > 1)
    qtbot.keyClicks(intake.view.search, "a12345")
    qtbot.waitUntil(lambda: not intake.is_searching())
    assert intake.results_model.rowCount() == 0
    intake.view.new_vehicle_button.click()
    vehicle, form = intake.view.vehicle_form, intake.view.intake_form
    assert vehicle.plate.plate() == "沪A12345"
    qtbot.keyClicks(vehicle.vin, VIN_OK)
    ime_commit(vehicle.owner_name, "张三")
    qtbot.keyClicks(vehicle.owner_phone, "13800138000")
    qtbot.keyClicks(form.mileage, "12345")
    ime_commit(form.fault, "刹车异响，需要保养")
    with qtbot.waitSignal(intake.order_opened, timeout=5000) as opened:
        intake.view.open_button.click()
    return int(opened.args[0])


def enter_lines(page: OrderEditorPage) -> None:
    """¥42.78 labour (0.5 h × ¥85.55), ¥272.00 + ¥45.50 parts, ¥10.00 fee: ¥370.28."""
    labour, parts, fees = page.labour_model, page.parts_model, page.fees_model
    row = labour.add_row()
    set_cell(labour, row, "item", "更换机油机滤")  # the catalogue fills 0.5 h
    set_cell(labour, row, "rate_fen", "85.55")
    set_cell(labour, row, "technician_id", labour.choices("technician_id")[1][1])
    row = parts.add_row()
    set_cell(parts, row, "name", "机油")
    set_cell(parts, row, "quantity", "4")
    set_cell(parts, row, "unit_price_fen", "68")
    row = parts.add_row()
    set_cell(parts, row, "name", "机油滤清器")
    set_cell(parts, row, "unit_price_fen", "45.5")
    set_cell(parts, row, "part_code", "06L115562B")
    set_cell(parts, row, "category", "oem")
    row = fees.add_row()
    set_cell(fees, row, "name", "废油处理费")
    set_cell(fees, row, "amount_fen", "10")


def test_intake_to_settled_list_pdf(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    order_id = intake_new_car(ctx, qtbot)

    page = OrderEditorPage(ctx)
    show(qtbot, page)
    page.load(order_id)
    qtbot.waitUntil(lambda: page.order() is not None and not page.is_busy())
    enter_lines(page)
    assert page.view.totals.gross.text() == "¥370.28"

    qtbot.keyClick(page.view.labour.table, Qt.Key.Key_F9)  # 结算 saves the lines first
    qtbot.waitUntil(lambda: page.settle_dialog is not None and page.settle_dialog.is_ready())
    dialog = page.settle_dialog
    assert dialog is not None
    assert ctx.orders.get(order_id).totals.gross_fen == 37028  # saved before settling
    v = dialog.view
    assert v.due.text() == "¥370.28"
    qtbot.keyClicks(v.discount, "0.28")  # 抹零
    assert v.due.text() == "¥370.00"
    assert chinese_capitals(37000) in v.capitals.text()
    assert v.payments.rows[0].amount.text() == "370.00"  # one row, 微信, the full amount
    v.payments.rows[0].amount.setText("300.00")
    v.payments.rows[0].amount.textEdited.emit("300.00")
    assert not v.confirm_button.isEnabled() and "还差" in v.paid_status.text()
    v.payments.add_button.click()
    cash = v.payments.rows[1]
    cash.method.setCurrentIndex(cash.method.findData("cash"))
    assert cash.amount.text() == "70.00"  # the rest
    v.old_parts["shop"].click()
    assert "不能撤销" in v.notice.text()
    assert v.confirm_button.isEnabled()

    with qtbot.waitSignal(dialog.settled, timeout=5000):
        dialog.confirm()
        assert not v.confirm_button.isEnabled()  # disabled by the first click
        dialog.confirm()  # a double click
    qtbot.waitUntil(lambda: page.order() is not None and page.order().state == "settled")
    settled = ctx.orders.get(order_id)
    assert settled.costlistcode == LIST_NO
    assert settled.totals.discount_fen == 28 and settled.totals.due_fen == 37000
    assert settled.payments == (Payment("wechat", 30000), Payment("cash", 7000))
    assert settled.old_parts == "shop"
    assert outbox_entries(ctx) == 1  # settled once
    assert not page.view.save_button.isEnabled()  # read-only now

    preview = page.preview_dialog  # opened after settling, for printing
    assert preview is not None
    qtbot.waitUntil(preview.is_ready, timeout=15_000)
    archived = ctx.data_dir.settlement_lists / "2026-11" / f"结算清单_{LIST_NO}_沪A12345.pdf"
    assert preview.archived == archived and archived.exists()

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    pages = preview.print_to(printer)
    assert pages == preview.document.pageCount() >= 1
    assert len(PdfReader(printed).pages) == pages

    assert preview.pdf_bytes is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.pdf_bytes)).pages)
    squeezed = "".join(text.split())
    for expected in ("沪A12345", LIST_NO, "370.28", "370.00", "0.28", chinese_capitals(37000), VIN_OK):
        assert expected in squeezed, expected
    assert archived.read_bytes() == preview.pdf_bytes  # the filed list is the previewed one


def test_a_second_window_settling_the_same_order_is_told_it_is_already_settled(
    ctx: AppContext, qtbot: QtBot
) -> None:
    order = order_with_lines(ctx)
    page = OrderEditorPage(ctx)
    show(qtbot, page)
    page.load(order.id)
    qtbot.waitUntil(lambda: page.order() is not None and not page.is_busy())
    page.view.settle_button.click()
    qtbot.waitUntil(lambda: page.settle_dialog is not None and page.settle_dialog.is_ready())
    dialog = page.settle_dialog
    assert dialog is not None
    ctx.settlement.settle(order.id, SettleRequest(payments=(Payment("cash", 37028),)))  # the other window
    dialog.view.old_parts["owner"].click()
    with qtbot.waitSignal(dialog.already_settled, timeout=5000):
        dialog.confirm()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox) is not None)
    box = page.findChild(QMessageBox)
    assert "已经结算过了" in box.text() and "没有重复结算" in box.text()
    qtbot.waitUntil(lambda: page.order() is not None and page.order().state == "settled")  # the editor reloaded
    assert outbox_entries(ctx) == 1


@pytest.fixture
def lower_mileage_order(ctx: AppContext) -> int:
    vehicle = make_vehicle(ctx)
    open_order(ctx, vehicle.id, km=50_000)  # an earlier visit with more kilometres
    order = open_order(ctx, vehicle.id, km=40_000)
    ctx.orders.save_lines(order.id, *standard_lines(ctx))
    return order.id


def test_warnings_each_need_a_reason_before_settling(ctx: AppContext, qtbot: QtBot, lower_mileage_order: int) -> None:
    dialog = SettleDialog(ctx, ctx.orders.get(lower_mileage_order))
    show(qtbot, dialog, 900, 700)
    qtbot.waitUntil(dialog.is_ready)
    v = dialog.view
    assert v.warnings.codes() == ["mileage.lower_than_last"]
    v.old_parts["none"].click()
    assert not v.confirm_button.isEnabled()
    ime_commit(v.warnings.reason_edit("mileage.lower_than_last"), "更换过仪表")
    assert v.confirm_button.isEnabled()
    with qtbot.waitSignal(dialog.settled, timeout=5000) as settled:
        dialog.confirm()
    detail = settled.args[0]
    assert [(c.code, c.reason) for c in detail.confirmed_warnings] == [("mileage.lower_than_last", "更换过仪表")]


def test_blocking_problems_are_named_and_settling_stays_disabled(ctx: AppContext, qtbot: QtBot) -> None:
    vehicle = make_vehicle(ctx)
    order = open_order(ctx, vehicle.id, km=None)  # no mileage, no lines
    dialog = SettleDialog(ctx, order)
    show(qtbot, dialog, 900, 700)
    qtbot.waitUntil(dialog.is_ready)
    assert dialog.view.problems.kind == "error"
    assert "送修里程" in dialog.view.problems.text()
    dialog.view.old_parts["none"].click()
    assert not dialog.view.confirm_button.isEnabled()


def test_warranty_defaults_to_the_category_minimum_and_cannot_go_below(ctx: AppContext, qtbot: QtBot) -> None:
    vehicle = make_vehicle(ctx)
    order = open_order(ctx, vehicle.id, category="MAINT_L2")
    dialog = SettleDialog(ctx, order)
    show(qtbot, dialog, 900, 700)
    assert (dialog.view.warranty_days.value(), dialog.view.warranty_km.value()) == (30, 5000)
    dialog.view.warranty_days.setValue(5)
    assert dialog.view.warranty_days.value() == 30


def test_a_discount_larger_than_the_total_is_refused_in_place(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = SettleDialog(ctx, order_with_lines(ctx))
    show(qtbot, dialog, 900, 700)
    qtbot.waitUntil(dialog.is_ready)
    qtbot.keyClicks(dialog.view.discount, "999")
    assert dialog.view.discount_message.kind == "error" and "370.28" in dialog.view.discount_message.text()
    assert not dialog.view.confirm_button.isEnabled()


def test_print_document_keeps_the_continuous_paper_size(ctx: AppContext, qtbot: QtBot, tmp_path: Path) -> None:
    preview = PrintPreviewDialog(ctx, order_with_lines(ctx), paper="continuous")
    show(qtbot, preview, 900, 700)
    qtbot.waitUntil(preview.is_ready, timeout=15_000)
    assert preview.archived is None  # not settled: a preview, not filed
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cont.pdf"))
    assert print_document(preview.document, printer) >= 1
    width_pt = float(PdfReader(tmp_path / "cont.pdf").pages[0].mediabox.width)
    assert abs(width_pt - 241 / 25.4 * 72) < 3
    target = tmp_path / "saved" / "list.pdf"
    assert preview.save_to(target) and target.read_bytes() == preview.pdf_bytes
