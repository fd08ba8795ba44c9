"""结算: the one irreversible step at the counter.

The dialog repeats the amount due in large type and in Chinese capitals, takes the discount (its own
line), one or more payments whose sum must equal the amount due (checked live), the old-parts outcome and
the warranty, and shows every warning with its own reason field. It says plainly that settling assigns
the list number and cannot be undone. The confirm button is disabled on the first click, so a double
click settles once; if the order was settled meanwhile (another window), that is shown as information and
the editor reloads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from app.context import AppContext
from app.domain.errors import DomainError, Issue, WarningsNotConfirmed
from app.domain.money import chinese_capitals, format_yuan, parse_yuan
from app.domain.workorder import WARRANTY_MINIMUMS
from app.i18n import render_error
from app.services.dto import Totals, WorkOrderDetail
from app.services.settlement import SettleRequest
from ui.dialogs.settle_view import DEFAULT_METHOD, PaymentRow, SettleView
from ui.errors import message_for
from ui.tasks import run_in_background

_OK, _BAD = "color: #2e7d32;", "color: #c62828;"


class SettleDialog(QDialog):
    """``settled(WorkOrderDetail)`` after a successful settlement; ``already_settled()`` when the order
    had been settled elsewhere (the caller reloads it)."""

    settled = Signal(object)
    already_settled = Signal()

    def __init__(self, ctx: AppContext, order: WorkOrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._order = order
        self._submitting = False
        self._warnings_ready = False
        self._blocked = False
        self._payment_follows_due = True
        self.setWindowTitle(self.tr("结算 — {0}").format(order.vehicle.plate or order.vehicle.vin))
        self.view = SettleView(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self._fill()
        self._wire()
        self._recompute()
        self._load_warnings()

    # -- set-up -----------------------------------------------------------------------------------------
    def _fill(self) -> None:
        v, order = self.view, self._order
        t = order.totals
        v.heading.setText(
            self.tr("{0}　{1}　工单 {2}").format(order.vehicle.plate or order.vehicle.vin, order.vehicle.owner_name, order.order_no)
            + (self.tr("　（更正第 {0} 版）").format(order.revision) if order.revision > 1 else "")
        )
        v.labour.setText(format_yuan(t.labour_fen))
        v.parts.setText(format_yuan(t.parts_fen))
        v.other.setText(format_yuan(t.other_fen))
        v.gross.setText(format_yuan(t.gross_fen))
        if t.discount_fen:  # a correction keeps the discount of the revision it corrects
            v.discount.setText(f"{t.discount_fen / 100:.2f}")
        v.payments.add_row(DEFAULT_METHOD)
        min_days, min_km = WARRANTY_MINIMUMS.get(order.repair_category, (0, 0))
        v.warranty_days.setMinimum(min_days)
        v.warranty_km.setMinimum(min_km)
        v.warranty_days.setValue(order.warranty_days if order.warranty_days is not None else min_days)
        v.warranty_km.setValue(order.warranty_km if order.warranty_km is not None else min_km)
        v.warranty_days.setToolTip(self.tr("本类别最少 {0} 天").format(min_days))
        v.warranty_km.setToolTip(self.tr("本类别最少 {0} 公里").format(min_km))
        v.warranty_text.setText(order.warranty_text)
        if not order.parts:
            v.old_parts["none"].setChecked(True)
        elif order.old_parts != "none":
            v.old_parts[order.old_parts].setChecked(True)
        v.notice.setText(
            self.tr(
                "确认结算后：系统分配结算清单编号、记录结算时间，并排队上传到汽车维修电子健康档案系统。"
                "结算不能撤销；如有错误，只能在工单上点“更正”生成新版本后重新结算。"
            )
        )
        v.warnings_status.setText(self.tr("正在检查需要确认的提醒…"))
        v.discount.setFocus(Qt.FocusReason.OtherFocusReason)

    def _wire(self) -> None:
        v = self.view
        v.discount.textEdited.connect(self._on_discount_text_edited)
        v.payments.changed.connect(self._on_payments_changed)
        v.payments.amount_edited.connect(self._on_payments_amount_edited)
        v.payments.row_added.connect(self._on_payments_row_added)
        v.old_parts_group.buttonClicked.connect(lambda _b: self._update_confirm())
        v.warnings.changed.connect(self._update_confirm)
        v.confirm_button.clicked.connect(self.confirm)
        v.cancel_button.clicked.connect(self.reject)

    def _load_warnings(self) -> None:
        ctx, order_id = self._ctx, self._order.id
        run_in_background(self, lambda: ctx.settlement.warnings(order_id), self._on_warnings_loaded, self._on_warnings_failed)

    # -- computing --------------------------------------------------------------------------------------
    def discount_fen(self) -> int:
        return parse_yuan(self.view.discount.text() or "0", "discount")

    def totals(self) -> Totals:
        """Gross from the saved order; the discount as typed (raises ``DomainError`` when it is wrong)."""
        t = self._order.totals
        if self.discount_fen() > t.gross_fen:
            raise DomainError("settle.discount_too_large", "discount", gross=format_yuan(t.gross_fen))
        return Totals(t.labour_fen, t.parts_fen, t.other_fen, t.gross_fen, self.discount_fen(), t.gross_fen - self.discount_fen())

    def due_fen(self) -> int | None:
        try:
            return self.totals().due_fen
        except DomainError:
            return None

    def _recompute(self) -> None:
        v = self.view
        try:
            due = self.totals().due_fen
        except DomainError as exc:
            v.discount_message.show_error(render_error(exc))
            v.due.setText("—")
            v.capitals.setText("")
        else:
            v.discount_message.clear_message()
            v.due.setText(format_yuan(due, symbol=True))
            v.capitals.setText(self.tr("大写：{0}").format(chinese_capitals(due)))
            if self._payment_follows_due and len(v.payments.rows) == 1:
                v.payments.rows[0].amount.setText(f"{due / 100:.2f}")
        self._update_paid_status()
        self._update_confirm()

    def _update_paid_status(self) -> None:
        v = self.view
        due, paid = self.due_fen(), v.payments.paid_fen()
        if paid is None:
            v.paid_status.setText(self.tr("收款金额格式不对，请填写如 120.50 的金额"))
            v.paid_status.setStyleSheet(_BAD)
        elif due is None:
            v.paid_status.setText("")
        elif paid == due:
            v.paid_status.setText(self.tr("✓ 已收 {0}，与应付金额一致").format(format_yuan(paid, symbol=True)))
            v.paid_status.setStyleSheet(_OK)
        else:
            gap = self.tr("还差 {0}") if paid < due else self.tr("多收 {0}")
            v.paid_status.setText(
                self.tr("已收 {0}，应付 {1}，").format(format_yuan(paid, symbol=True), format_yuan(due, symbol=True))
                + gap.format(format_yuan(abs(due - paid), symbol=True))
            )
            v.paid_status.setStyleSheet(_BAD)

    def is_ready(self) -> bool:
        """The warnings (or blocking problems) have been loaded."""
        return self._warnings_ready

    def is_submitting(self) -> bool:
        return self._submitting

    def can_confirm(self) -> bool:
        v = self.view
        due, paid = self.due_fen(), v.payments.paid_fen()
        return (
            not self._submitting
            and self._warnings_ready
            and not self._blocked
            and v.warnings.all_confirmed()
            and due is not None
            and paid == due
            and v.old_parts_group.checkedButton() is not None
        )

    def _update_confirm(self) -> None:
        self.view.confirm_button.setEnabled(self.can_confirm())

    def request(self) -> SettleRequest:
        v = self.view
        old_parts = next(code for code, button in v.old_parts.items() if button.isChecked())
        return SettleRequest(
            discount_fen=self.discount_fen(),
            payments=v.payments.payments(),
            old_parts=old_parts,
            warranty_days=v.warranty_days.value(),
            warranty_km=v.warranty_km.value(),
            warranty_text=v.warranty_text.text(),
            confirmations=v.warnings.confirmations(),
        )

    # -- slots ------------------------------------------------------------------------------------------
    def _on_discount_text_edited(self, _text: str) -> None:
        self._recompute()

    def _on_payments_changed(self) -> None:
        self._update_paid_status()
        self._update_confirm()

    def _on_payments_amount_edited(self) -> None:
        self._payment_follows_due = False

    def _on_payments_row_added(self, row: PaymentRow) -> None:
        """A second method pays the rest: pre-fill the amount still missing."""
        rows = self.view.payments.rows
        due = self.due_fen()
        if len(rows) < 2 or due is None:
            return
        self._payment_follows_due = False
        try:
            others = sum(r.payment().amount_fen for r in rows if r is not row)
        except DomainError:
            return
        row.amount.setText(f"{max(due - others, 0) / 100:.2f}")

    def _on_warnings_loaded(self, warnings: list[Issue]) -> None:
        self._warnings_ready = True
        v = self.view
        v.warnings.set_warnings(warnings)
        v.warnings_status.setText(
            self.tr("以下 {0} 条提醒需要填写原因后才能结算：").format(len(warnings)) if warnings else self.tr("没有需要确认的提醒。")
        )
        self._update_confirm()

    def _on_warnings_failed(self, exc: BaseException) -> None:
        """Blocking problems (no lines, no mileage …): say what to fix; settling stays disabled."""
        self._warnings_ready = True
        self._blocked = True
        self.view.warnings_status.setText(self.tr("结算前请先在工单上处理以下问题："))
        self.view.problems.show_error(message_for(exc))
        self._update_confirm()

    def confirm(self) -> None:
        """Settle once: the button is disabled before the service is called, and a second call is ignored."""
        if self._submitting or not self.can_confirm():
            return
        try:
            req = self.request()
        except DomainError as exc:
            self.view.message.show_error(render_error(exc))
            return
        self._submitting = True
        self._update_confirm()
        self.view.cancel_button.setEnabled(False)
        self.view.message.clear_message()
        ctx, order_id = self._ctx, self._order.id
        run_in_background(self, lambda: ctx.settlement.settle(order_id, req), self._on_settled, self._on_settle_failed)

    def _on_settled(self, detail: WorkOrderDetail) -> None:
        self.settled.emit(detail)
        self.accept()

    def _on_settle_failed(self, exc: BaseException) -> None:
        self._submitting = False
        self.view.cancel_button.setEnabled(True)
        if isinstance(exc, WarningsNotConfirmed):
            self.view.warnings.set_warnings(exc.warnings)
            self.view.message.show_error(self.tr("还有提醒没有填写原因，请填写后再确认结算。"))
        elif isinstance(exc, DomainError) and exc.code == "workorder.already_settled":
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("已结算"), render_error(exc), parent=self.parentWidget())
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.already_settled.emit()
            self.reject()
            return
        else:
            self.view.message.show_error(message_for(exc))
        self._update_confirm()
