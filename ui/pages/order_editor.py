"""The work-order editor: lines with live totals, save, and the state actions (start, complete, cancel,
settle, print, correct).

Every service call runs off the UI thread (:func:`ui.tasks.run_in_background`); while one runs the
tables are read-only and the buttons disabled, so a double click cannot save or settle twice. Actions that
depend on the stored lines (settle, print, state changes) save unsaved edits first. A failure is shown in
the message line under the buttons and the rows it names turn red; what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.errors import DomainError
from app.domain.money import format_yuan
from app.domain.workorder import (
    CERTIFICATE_CATEGORIES,
    EDITABLE_STATES,
    REPAIR_CATEGORIES,
    STATE_LABELS,
    State,
    label,
)
from app.i18n import language
from app.security.permissions import Perm
from app.services.dto import ShopInfo, StaffMember, WorkOrderDetail
from ui.dialogs.order_state_dialogs import CancelDialog, CompleteDialog
from ui.dialogs.print_preview import PrintPreviewDialog
from ui.dialogs.settle_dialog import SettleDialog
from ui.errors import message_for
from ui.models.catalogue import ShopHistory, labour_suggestions, load_shop_history, part_suggestions
from ui.models.line_models import line_models, live_totals
from ui.pages.order_editor_view import LineSection, OrderEditorView
from ui.tasks import run_in_background


def _load_bundle(ctx: AppContext, order_id: int) -> tuple[WorkOrderDetail, list[StaffMember], ShopInfo | None]:
    return ctx.orders.get(order_id), ctx.staff.list("technician"), ctx.shop.get()


class OrderEditorPage(QWidget):
    """``load(order_id)`` shows one work order; ``order_changed(id)`` tells the list to refresh that row."""

    order_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._order: WorkOrderDetail | None = None
        self._dirty = False
        self._busy = False
        self._applying = False
        self._paper = "a4"
        self._history_requested = False
        self._load_seq = 0
        self.labour_model, self.parts_model, self.fees_model = line_models(self)
        self._on_history_loaded(ShopHistory())  # the shipped catalogue until the shop's history arrives
        self.view = OrderEditorView(self.labour_model, self.parts_model, self.fees_model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.settle_dialog: SettleDialog | None = None
        self.preview_dialog: PrintPreviewDialog | None = None
        self._wire()
        self._update_actions()

    def _wire(self) -> None:
        v = self.view
        for model in self._models():
            model.lines_changed.connect(self._on_model_lines_changed)
        for section in (v.labour, v.parts, v.fees):
            self._wire_section(section)
        v.save_button.clicked.connect(self._on_save_button_clicked)
        v.start_button.clicked.connect(self._on_start_button_clicked)
        v.complete_button.clicked.connect(self._on_complete_button_clicked)
        v.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        v.settle_button.clicked.connect(self._on_settle_button_clicked)
        v.print_button.clicked.connect(self._on_print_button_clicked)
        v.correct_button.clicked.connect(self._on_correct_button_clicked)

    def _wire_section(self, section: LineSection) -> None:
        def add() -> None:
            if not self._editable():
                return
            row = section.model.add_row()
            section.table.setCurrentIndex(section.model.index(row, 0))
            section.table.setFocus()
            section.table.edit(section.table.currentIndex())

        def remove() -> None:
            if self._editable():
                section.model.remove_rows(section.selected_rows())

        section.add_button.clicked.connect(add)
        section.add_shortcut.activated.connect(add)
        section.remove_button.clicked.connect(remove)
        section.remove_shortcut.activated.connect(remove)

    # -- public API -------------------------------------------------------------------------------------
    def load(self, order_id: int) -> None:
        """Fetch the order, the technicians and the shop's labour rate off-thread, then show them."""
        self._set_busy(True, self.tr("正在打开工单…"))
        self._load_seq += 1
        ctx, seq = self._ctx, self._load_seq
        run_in_background(self, lambda: (seq, *_load_bundle(ctx, order_id)), self._on_loaded, self._on_failed)
        if not self._history_requested:
            self._history_requested = True
            run_in_background(self, lambda: load_shop_history(ctx), self._on_history_loaded, lambda _e: None)

    def order(self) -> WorkOrderDetail | None:
        return self._order

    def close_order(self) -> None:
        """Forget the open order and its unsaved edits: another person logged in at the locked window
        (ui/session.py), and must neither see nor save what the previous one left half-typed."""
        self._load_seq += 1  # a load still running is ignored when it returns
        self._order = None
        self._applying = True
        try:
            for model in self._models():
                model.set_lines([])
        finally:
            self._applying = False
        self._dirty = False
        self._busy = False
        v = self.view
        for text_label in (v.plate, v.revision, v.list_number, v.summary, v.fault, v.status, v.state_badge):
            text_label.clear()
        v.state_badge.setStyleSheet("")
        v.message.clear_message()
        self._update_actions()
        self._update_totals()

    def is_dirty(self) -> bool:
        return self._dirty

    def is_busy(self) -> bool:
        return self._busy

    def save(self, then: Callable[[WorkOrderDetail], None] | None = None) -> None:
        """Save the lines (blank rows dropped); cells that did not parse block the save and are named."""
        order = self._order
        if order is None or self._busy or not self._editable():
            return
        for model in self._models():
            model.drop_blank_rows()
        problems = [p for model in self._models() for p in model.cell_errors()]
        if problems:
            self.view.message.show_error("\n".join(problems))
            return
        labour, parts, fees = (model.lines() for model in self._models())
        ctx = self._ctx
        self._set_busy(True, self.tr("正在保存…"))

        def done(detail: WorkOrderDetail) -> None:
            self._apply_order(detail)
            self.view.status.setText(self.tr("已保存"))
            self.order_changed.emit(detail.id)
            if then is not None:
                then(detail)

        run_in_background(self, lambda: ctx.orders.save_lines(order.id, labour, parts, fees), done, self._on_failed)

    # -- loading and showing ----------------------------------------------------------------------------
    def _on_loaded(self, bundle: tuple[int, WorkOrderDetail, list[StaffMember], ShopInfo | None]) -> None:
        seq, detail, technicians, shop = bundle
        if seq != self._load_seq:
            return  # another order was asked for meanwhile
        known = {line.technician_id: line.technician_name for line in detail.labour if line.technician_id}
        self.labour_model.set_technicians(technicians, known)
        self.labour_model.default_rate_fen = shop.labour_rate_fen if shop else 0
        self._apply_order(detail)
        self.view.status.setText("")

    def _on_history_loaded(self, history: ShopHistory) -> None:
        self.labour_model.suggestions = labour_suggestions(history)
        self.parts_model.suggestions = part_suggestions(history)

    def _apply_order(self, detail: WorkOrderDetail) -> None:
        self._order = detail
        self._applying = True
        try:
            self.labour_model.set_lines(detail.labour)
            self.parts_model.set_lines(detail.parts)
            self.fees_model.set_lines(detail.fees)
        finally:
            self._applying = False
        self._dirty = False
        self.view.message.clear_message()
        self._show_header(detail)
        self._busy = False
        self._update_actions()
        self._update_totals()

    def _show_header(self, d: WorkOrderDetail) -> None:
        v, lang = self.view, language()
        v.plate.setText(d.vehicle.plate or d.vehicle.vin)
        state_text = label(STATE_LABELS, State(d.state), lang)
        if d.superseded:
            state_text = self.tr("{0}（已被更正）").format(state_text)
        v.set_state_badge(state_text, d.state)
        v.revision.setText(self.tr("第 {0} 版").format(d.revision) if d.revision > 1 else "")
        v.list_number.setText(self.tr("结算清单编号：{0}").format(d.costlistcode) if d.costlistcode else d.order_no)
        km = self.tr("{0} 公里").format(f"{d.intake_mileage:,}") if d.intake_mileage is not None else self.tr("未填里程")
        v.summary.setText(
            self.tr("车主 {0} {1} · {2} · VIN {3} · 送修 {4} · {5} · {6} · 服务顾问 {7}").format(
                d.vehicle.owner_name,
                d.vehicle.owner_phone,
                d.vehicle.brand_model or "—",
                d.vehicle.vin,
                to_local(d.intake_at).strftime("%Y-%m-%d %H:%M"),
                km,
                label(REPAIR_CATEGORIES, d.repair_category, lang),
                d.advisor_name or "—",
            )
        )
        v.fault.setText(self.tr("故障描述：{0}").format(d.fault_description or "—"))

    def _update_totals(self) -> None:
        panel = self.view.totals
        try:
            t = live_totals(self.labour_model, self.parts_model, self.fees_model)
        except DomainError:  # negative lines typed: the gross cannot be shown until they are fixed
            for label_ in (panel.labour, panel.parts, panel.other, panel.gross):
                label_.setText("—")
            return
        panel.labour.setText(format_yuan(t.labour_fen))
        panel.parts.setText(format_yuan(t.parts_fen))
        panel.other.setText(format_yuan(t.other_fen))
        panel.gross.setText(format_yuan(t.gross_fen, symbol=True))

    def _editable(self) -> bool:
        """Open, idle, and the person may edit orders (a technician sees them read-only; ui/session.py)."""
        return (self._order is not None and State(self._order.state) in EDITABLE_STATES and not self._busy
                and self._ctx.guard.can(Perm.ORDERS))

    def _update_actions(self) -> None:
        v, order = self.view, self._order
        state = State(order.state) if order else None
        editable = self._editable()
        for model in self._models():
            model.set_read_only(not editable)
        for section in (v.labour, v.parts, v.fees):
            section.set_editable(editable)
        idle = order is not None and not self._busy
        v.save_button.setEnabled(editable)
        v.start_button.setEnabled(editable and state == State.DRAFT)
        v.complete_button.setEnabled(editable and state in (State.DRAFT, State.IN_REPAIR))
        v.cancel_button.setEnabled(editable)
        v.settle_button.setEnabled(editable)
        v.print_button.setEnabled(idle)
        v.correct_button.setEnabled(idle and state == State.SETTLED and order is not None and not order.superseded)

    def _set_busy(self, busy: bool, status: str = "") -> None:
        self._busy = busy
        if status:
            self.view.status.setText(status)
        self._update_actions()

    def _models(self) -> tuple[Any, Any, Any]:
        return self.labour_model, self.parts_model, self.fees_model

    # -- slots ------------------------------------------------------------------------------------------
    def _on_model_lines_changed(self) -> None:
        self._update_totals()
        if not self._applying and self._order is not None:
            self._dirty = True
            self.view.status.setText(self.tr("有未保存的修改（Ctrl+S 保存）"))

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_actions()
        self.view.status.setText("")
        self.view.message.show_error(message_for(exc))
        if isinstance(exc, DomainError):
            for model in self._models():
                model.mark_issues(exc.issues)

    def _on_save_button_clicked(self) -> None:
        self.save()

    def _after_save(self, action: Callable[[], None]) -> None:
        """Run ``action`` on the stored order: unsaved edits are saved first."""
        if self._dirty and self._editable():
            self.save(then=lambda _detail: action())
        elif not self._busy:
            action()

    def _run_state(self, fn: Callable[[], WorkOrderDetail], status: str, then: Callable[[], None] | None = None) -> None:
        self._set_busy(True, status)

        def done(detail: WorkOrderDetail) -> None:
            self._apply_order(detail)
            self.view.status.setText("")
            self.order_changed.emit(detail.id)
            if then is not None:
                then()

        run_in_background(self, fn, done, self._on_failed)

    def _on_start_button_clicked(self) -> None:
        ctx, order_id = self._ctx, self._order_id()
        self._after_save(lambda: self._run_state(lambda: ctx.orders.start_repair(order_id), self.tr("正在更新…")))

    def _on_complete_button_clicked(self) -> None:
        self._after_save(lambda: self._ask_completion())

    def _ask_completion(self, then: Callable[[], None] | None = None) -> None:
        assert self._order is not None
        dialog = CompleteDialog(self._order, self._ctx.clock.now(), self)
        ctx, order_id = self._ctx, self._order.id

        def accepted() -> None:
            when, km, cert = dialog.values()
            self._run_state(lambda: ctx.orders.complete(order_id, when, km, cert), self.tr("正在保存完工信息…"), then)

        dialog.accepted.connect(accepted)
        dialog.open()

    def _on_cancel_button_clicked(self) -> None:
        assert self._order is not None
        dialog = CancelDialog(self._order, self)
        ctx, order_id = self._ctx, self._order.id
        dialog.accepted.connect(
            lambda: self._run_state(lambda: ctx.orders.cancel(order_id, dialog.value()), self.tr("正在作废…"))
        )
        dialog.open()

    def _on_settle_button_clicked(self) -> None:
        self._after_save(self._settle_after_save)

    def _settle_after_save(self) -> None:
        """Categories that need a completion certificate are completed first, with its number."""
        order = self._order
        assert order is not None
        if order.state != State.COMPLETED and order.repair_category in CERTIFICATE_CATEGORIES:
            self._ask_completion(then=self._open_settle_dialog)
        else:
            self._open_settle_dialog()

    def _open_settle_dialog(self) -> None:
        assert self._order is not None
        self.settle_dialog = SettleDialog(self._ctx, self._order, self)
        self.settle_dialog.settled.connect(self._on_settle_dialog_settled)
        self.settle_dialog.already_settled.connect(self._on_settle_dialog_already_settled)
        self.settle_dialog.open()

    def _on_settle_dialog_settled(self, detail: WorkOrderDetail) -> None:
        self._apply_order(detail)
        self.view.status.setText(self.tr("已结算，结算清单编号 {0}").format(detail.costlistcode))
        self.order_changed.emit(detail.id)
        self._open_preview()

    def _on_settle_dialog_already_settled(self) -> None:
        self.load(self._order_id())

    def _on_print_button_clicked(self) -> None:
        self._after_save(self._open_preview)

    def _open_preview(self) -> None:
        assert self._order is not None
        self.preview_dialog = PrintPreviewDialog(self._ctx, self._order, paper=self._paper, parent=self)
        self.preview_dialog.paper_changed.connect(self._on_preview_dialog_paper_changed)
        self.preview_dialog.open()

    def _on_preview_dialog_paper_changed(self, paper: str) -> None:
        self._paper = paper

    def _on_correct_button_clicked(self) -> None:
        ctx, order_id = self._ctx, self._order_id()

        def then() -> None:
            assert self._order is not None
            self.view.status.setText(self.tr("已生成第 {0} 版，修改后重新结算").format(self._order.revision))

        self._run_state(lambda: ctx.settlement.start_correction(order_id), self.tr("正在生成更正版本…"), then)

    def _order_id(self) -> int:
        assert self._order is not None
        return self._order.id
