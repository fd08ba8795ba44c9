"""Small dialogs for the state changes that need input: 完工 (hand-back time, mileage out, certificate
number where the category requires one) and 作废 (a reason, always). They check what they can before
closing so the clerk fixes a typo in place; the service checks again."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.rules import parse_mileage
from app.domain.workorder import CERTIFICATE_CATEGORIES, REPAIR_CATEGORIES, label
from app.i18n import language, render_error
from app.services.dto import WorkOrderDetail
from ui.widgets.form_helpers import FieldMessage, from_shop_qdatetime, to_shop_qdatetime


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(dialog)
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("order_state_dialogs", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class CompleteDialog(QDialog):
    """完工: when the car was handed back, the mileage out, and the 竣工出厂合格证 number if required."""

    def __init__(self, order: WorkOrderDetail, now: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("完工"))
        self._order = order
        self.completed_at = QDateTimeEdit(to_shop_qdatetime(now), self)
        self.completed_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.completed_at.setCalendarPopup(True)
        self.mileage_out = QLineEdit(self)
        self.mileage_out.setPlaceholderText(
            self.tr("不填则与送修里程相同（{0} 公里）").format(order.intake_mileage)
            if order.intake_mileage is not None
            else self.tr("公里")
        )
        self.cert_no = QLineEdit(order.completion_cert_no, self)
        self.cert_no.setMaxLength(40)
        self.needs_cert = order.repair_category in CERTIFICATE_CATEGORIES
        category = label(REPAIR_CATEGORIES, order.repair_category, language())
        self.cert_no.setPlaceholderText(
            self.tr("{0}必填").format(category) if self.needs_cert else self.tr("选填")
        )
        self.message = FieldMessage(self)
        form = QFormLayout()
        form.addRow(self.tr("出厂日期"), self.completed_at)
        form.addRow(self.tr("出厂里程"), self.mileage_out)
        form.addRow(self.tr("竣工出厂合格证编号"), self.cert_no)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        box, self.ok_button = _buttons(self, self.tr("确认完工"))
        layout.addWidget(box)

    def values(self) -> tuple[datetime, int | None, str]:
        """(completed_at UTC, mileage out or None, certificate number); raises ``DomainError`` on bad input."""
        km = parse_mileage(self.mileage_out.text(), "mileage_out")
        cert = self.cert_no.text().strip()
        if self.needs_cert and not cert:
            raise DomainError("workorder.certificate_required", "completion_cert_no", category=self._order.repair_category)
        return from_shop_qdatetime(self.completed_at.dateTime()), km, cert

    def accept(self) -> None:
        try:
            self.values()
        except DomainError as exc:
            self.message.show_error(render_error(exc))
            return
        super().accept()


class CancelDialog(QDialog):
    """作废: the reason is required and kept with the order; the button waits until one is typed."""

    def __init__(self, order: WorkOrderDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("作废工单"))
        text = QLabel(
            self.tr("作废后这张工单（{0}，{1}）不能再修改或结算。请填写原因：").format(
                order.order_no, order.vehicle.plate
            ),
            self,
        )
        text.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("例如：车主取消维修"))
        box, self.ok_button = _buttons(self, self.tr("确认作废"))
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.reason)
        layout.addWidget(box)
        self.setMinimumWidth(420)

    def value(self) -> str:
        return self.reason.text().strip()
