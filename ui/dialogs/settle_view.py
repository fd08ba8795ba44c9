"""Layout of the settle dialog and its payment rows; the wiring is in :mod:`ui.dialogs.settle_dialog`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.money import parse_yuan
from app.domain.workorder import OLD_PARTS, PAYMENT_METHODS, label
from app.i18n import language
from app.services.dto import Payment
from ui.widgets.form_helpers import FieldMessage, right_label, scaled_font
from ui.widgets.warning_reasons import WarningReasons

DEFAULT_METHOD = "wechat"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PaymentRow(QWidget):
    """One payment: method and amount; the amount is right-aligned yuan with fen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = language()
        self.method = QComboBox(self)
        for code in PAYMENT_METHODS:
            self.method.addItem(label(PAYMENT_METHODS, code, lang), code)
        self.amount = QLineEdit(self)
        self.amount.setAlignment(_RIGHT)
        self.amount.setPlaceholderText("0.00")
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.remove.setToolTip(self.tr("删除这种收款方式"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.method, 2)
        layout.addWidget(self.amount, 2)
        layout.addWidget(self.remove)

    def payment(self) -> Payment:
        """Raises ``DomainError`` (money.*) when the amount is not a valid non-negative amount."""
        return Payment(self.method.currentData(), parse_yuan(self.amount.text() or "0", "payments"))


class PaymentRows(QWidget):
    """One or more payment rows; ``changed`` fires on any edit so the sum check updates live."""

    changed = Signal()
    amount_edited = Signal()  # the user typed an amount (the dialog stops filling it in)
    row_added = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PaymentRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("＋ 添加收款方式"), self)
        self.add_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(lambda: self.add_row())

    def add_row(self, method: str = "cash", amount: str = "") -> PaymentRow:
        row = PaymentRow(self)
        row.method.setCurrentIndex(max(row.method.findData(method), 0))
        row.amount.setText(amount)
        row.method.currentIndexChanged.connect(self.changed)
        row.amount.textEdited.connect(self.amount_edited)
        row.amount.textEdited.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(row))
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        self._update_remove_buttons()
        self.row_added.emit(row)
        self.changed.emit()
        return row

    def _remove(self, row: PaymentRow) -> None:
        if len(self.rows) <= 1:
            return
        self.rows.remove(row)
        row.deleteLater()
        self._update_remove_buttons()
        self.changed.emit()

    def _update_remove_buttons(self) -> None:
        for row in self.rows:
            row.remove.setEnabled(len(self.rows) > 1)

    def payments(self) -> tuple[Payment, ...]:
        return tuple(row.payment() for row in self.rows)

    def paid_fen(self) -> int | None:
        try:
            return sum(p.amount_fen for p in self.payments())
        except DomainError:
            return None


class SettleView(QWidget):
    """Totals and the amount due (large, and in capitals) on the left; payment, old parts and warranty on
    the right; warnings, the irreversible-step notice and the buttons below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setFont(scaled_font(self, 1.2, bold=True))
        self.labour, self.parts, self.other, self.gross = (right_label("", self) for _ in range(4))
        self.discount = QLineEdit(self)
        self.discount.setAlignment(_RIGHT)
        self.discount.setPlaceholderText("0.00")
        self.discount_message = FieldMessage(self)
        self.due = right_label("", self)
        self.due.setFont(scaled_font(self, 2.6, bold=True))
        self.due.setStyleSheet("color: #b71c1c;")
        self.capitals = QLabel(self)
        self.capitals.setWordWrap(True)
        self.capitals.setFont(scaled_font(self, 1.25, bold=True))
        self.payments = PaymentRows(self)
        self.paid_status = QLabel(self)
        self.old_parts_group = QButtonGroup(self)
        self.old_parts: dict[str, QRadioButton] = {}
        self.warranty_days = QSpinBox(self)
        self.warranty_days.setRange(0, 3650)
        self.warranty_days.setSuffix(self.tr(" 天"))
        self.warranty_km = QSpinBox(self)
        self.warranty_km.setRange(0, 1_000_000)
        self.warranty_km.setSingleStep(1000)
        self.warranty_km.setSuffix(self.tr(" 公里"))
        self.warranty_text = QLineEdit(self)
        self.warranty_text.setMaxLength(200)
        self.warranty_text.setPlaceholderText(self.tr("选填，例如：新能源专用部件质保另行约定"))
        self.warnings = WarningReasons(self)
        self.warnings_status = QLabel(self)
        self.problems = FieldMessage(self)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #eef3fb; border: 1px solid #b0c4e4; padding: 6px;")
        self.message = FieldMessage(self)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(self.tr("确认结算"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self._lay_out()

    def _lay_out(self) -> None:
        money = QGroupBox(self.tr("费用"), self)
        grid = QGridLayout(money)
        rows = [
            (self.tr("工时费"), self.labour),
            (self.tr("材料费"), self.parts),
            (self.tr("其他费用"), self.other),
            (self.tr("合计"), self.gross),
            (self.tr("优惠"), self.discount),
        ]
        for row, (text, widget) in enumerate(rows):
            grid.addWidget(QLabel(text, money), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(self.discount_message, len(rows), 0, 1, 2)
        line = QFrame(money)
        line.setFrameShape(QFrame.Shape.HLine)
        grid.addWidget(line, len(rows) + 1, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("应付金额"), money), len(rows) + 2, 0)
        grid.addWidget(self.due, len(rows) + 2, 1)
        grid.addWidget(self.capitals, len(rows) + 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(rows) + 4, 1)  # keep the figures together at the top

        pay = QGroupBox(self.tr("收款方式"), self)
        pay_layout = QVBoxLayout(pay)
        pay_layout.addWidget(self.payments)
        pay_layout.addWidget(self.paid_status)

        old = QGroupBox(self.tr("旧件处理"), self)
        old_layout = QVBoxLayout(old)
        lang = language()
        for code in OLD_PARTS:
            button = QRadioButton(label(OLD_PARTS, code, lang), old)
            self.old_parts[code] = button
            self.old_parts_group.addButton(button)
            old_layout.addWidget(button)

        warranty = QGroupBox(self.tr("质量保证期（以先到者为准）"), self)
        w_layout = QGridLayout(warranty)
        w_layout.addWidget(self.warranty_days, 0, 0)
        w_layout.addWidget(QLabel(self.tr("或"), warranty), 0, 1)
        w_layout.addWidget(self.warranty_km, 0, 2)
        w_layout.addWidget(self.warranty_text, 1, 0, 1, 3)

        right = QVBoxLayout()
        for box in (pay, old, warranty):
            right.addWidget(box)
        right.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(money, 1)
        top.addLayout(right, 1)

        warnings_box = QWidget(self)
        warnings_layout = QVBoxLayout(warnings_box)
        warnings_layout.setContentsMargins(0, 0, 0, 0)
        warnings_layout.addWidget(self.warnings_status)
        warnings_layout.addWidget(self.problems)
        warnings_layout.addWidget(self.warnings)
        warnings_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(warnings_box)
        scroll.setMaximumHeight(150)
        self.warnings_scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(scroll)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
