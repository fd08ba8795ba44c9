"""Warnings that need one confirmation with a reason (VIN check digit, plate colour, odd mileage).

All warnings of one step are shown together, each amber with its own reason field, in one place: inline
in the settle dialog, or in one small dialog at intake. A warning counts as confirmed when its reason is
not blank; that reason is what the service stores and the EHR record may carry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import Issue
from app.i18n import render_issue
from ui.widgets.form_helpers import WARNING_BACKGROUND, WARNING_COLOUR


class WarningReasons(QWidget):
    """One amber sentence and one reason field per warning code."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._reasons: dict[str, QLineEdit] = {}

    def set_warnings(self, warnings: list[Issue], reasons: dict[str, str] | None = None) -> None:
        """Replace the list; reasons already typed for a code that is still warned about are kept."""
        kept = {code: edit.text() for code, edit in self._reasons.items()} | (reasons or {})
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._reasons.clear()
        for warning in warnings:
            if warning.code in self._reasons:
                continue
            text = QLabel(self.tr("⚠ {0}").format(render_issue(warning)), self)
            text.setWordWrap(True)
            text.setStyleSheet(f"color: {WARNING_COLOUR}; background: {WARNING_BACKGROUND}; padding: 3px;")
            reason = QLineEdit(kept.get(warning.code, ""), self)
            reason.setPlaceholderText(self.tr("核对无误的，请在这里填写原因（必填）"))
            reason.setMaxLength(200)
            reason.textChanged.connect(self.changed)
            self._layout.addWidget(text)
            self._layout.addWidget(reason)
            self._reasons[warning.code] = reason
        self.setVisible(bool(self._reasons))
        self.changed.emit()

    def codes(self) -> list[str]:
        return list(self._reasons)

    def reason_edit(self, code: str) -> QLineEdit:
        return self._reasons[code]

    def confirmations(self) -> dict[str, str]:
        return {code: edit.text().strip() for code, edit in self._reasons.items() if edit.text().strip()}

    def all_confirmed(self) -> bool:
        return all(edit.text().strip() for edit in self._reasons.values())

    def first_reason_edit(self) -> QLineEdit | None:
        return next(iter(self._reasons.values()), None)


class ConfirmWarningsDialog(QDialog):
    """One small dialog for all warnings of a submit; OK stays disabled until every reason is filled."""

    def __init__(self, warnings: list[Issue], reasons: dict[str, str] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("请确认以下提醒"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("这些内容看起来可能有误。请先核对；确认无误的，填写原因后继续。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reasons = WarningReasons(self)
        layout.addWidget(self.reasons)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(self.tr("确认并继续"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("返回修改"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reasons.changed.connect(self._on_reasons_changed)
        self.reasons.set_warnings(warnings, reasons)
        first = self.reasons.first_reason_edit()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_reasons_changed(self) -> None:
        self.ok_button.setEnabled(self.reasons.all_confirmed())

    def confirmations(self) -> dict[str, str]:
        return self.reasons.confirmations()
