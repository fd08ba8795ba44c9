"""Passwords: the "type it twice" pair every form uses, changing one's own password, and the owner's reset.

Hashing (Argon2, ~0.1 s) runs off the GUI thread; the buttons are disabled meanwhile so a double click
cannot submit twice. Length and "the two entries match" are checked locally, the service checks again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.i18n import render
from app.security.accounts import MIN_PASSWORD, Account
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, FormFeedback


def password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(maxLength=128, placeholderText=placeholder)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class PasswordPair(QWidget):
    """A new password and its repetition, with one message line under them."""

    def __init__(self, parent: QWidget | None = None, minimum: int = MIN_PASSWORD,
                 short_code: str = "auth.password_short") -> None:
        super().__init__(parent)
        self._minimum = minimum
        self._short_code = short_code  # the catalogue's "too short" message, with {min}
        self.first = password_edit(self.tr("至少 {0} 个字符").format(minimum))
        self.second = password_edit(self.tr("再输入一次"))
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.first)
        layout.addWidget(self.second)
        layout.addWidget(self.message)
        self.first.textEdited.connect(self._on_text_edited)
        self.second.textEdited.connect(self._on_text_edited)

    def _on_text_edited(self, _text: str) -> None:
        self.message.clear_message()  # a verdict about the previous text is stale now

    def password(self) -> str:
        return self.first.text()

    def problem(self) -> str:
        """Why the pair cannot be used yet ("" when it can)."""
        if len(self.first.text()) < self._minimum:
            return render(self._short_code, {"min": self._minimum})
        if self.first.text() != self.second.text():
            return self.tr("两次输入的密码不一致，请重新输入。")
        return ""

    def check(self) -> bool:
        problem = self.problem()
        if problem:
            self.message.show_error(problem)
            self.first.setFocus()
            return False
        self.message.clear_message()
        return True

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.message.clear_message()


class ChangePasswordDialog(QDialog):
    """The logged-in person changes their own password (current password, new one twice)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(self.tr("修改我的密码"))
        self.old = password_edit()
        self.new = PasswordPair(self)
        self.message = FieldMessage(self)
        self.feedback = FormFeedback(self.message)
        self.old_message = self.feedback.register(FieldMessage(self), "old_password")
        self.feedback.register(self.new.message, "password")
        form = QFormLayout()
        form.addRow(self.tr("当前密码"), self.old)
        form.addRow("", self.old_message)
        form.addRow(self.tr("新密码"), self.new)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("修改密码"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a message shows
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.old.setMinimumWidth(320)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.feedback.clear()
        if not self.new.check():
            return
        old, new, accounts = self.old.text(), self.new.password(), self._ctx.accounts
        if old == new:
            self.new.message.show_error(self.tr("新密码不能与当前密码相同。"))
            return
        self.ok_button.setEnabled(False)
        run_in_background(self, lambda: accounts.change_own_password(old, new), self._on_changed, self._on_failed)

    def _on_changed(self, _result: object) -> None:
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.feedback.show_exception(exc)


class ResetPasswordDialog(QDialog):
    """The owner gives a staff member a temporary password; they must change it when they next log in."""

    def __init__(self, ctx: AppContext, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._account = account
        self.result_account: Account | None = None
        self.setWindowTitle(self.tr("重置密码 — {0}").format(account.name))
        intro = QLabel(self.tr(
            "为 {0}（登录名 {1}）设置一个临时密码，当面告诉本人。"
            "本人下次登录时必须改成自己的密码。重置也会解除锁定。").format(account.name, account.username))
        intro.setWordWrap(True)
        self.new = PasswordPair(self)
        self.message = FieldMessage(self)
        self.feedback = FormFeedback(self.message)
        self.feedback.register(self.new.message, "password")
        form = QFormLayout()
        form.addRow(self.tr("临时密码"), self.new)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("重置密码"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a message shows
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        intro.setMinimumWidth(440)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def _on_buttons_accepted(self) -> None:
        self.feedback.clear()
        if not self.new.check():
            return
        staff_id, password, accounts = self._account.staff_id, self.new.password(), self._ctx.accounts
        self.ok_button.setEnabled(False)
        run_in_background(self, lambda: accounts.reset_password(staff_id, password), self._on_reset, self._on_failed)

    def _on_reset(self, account: Account) -> None:
        self.result_account = account
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.feedback.show_exception(exc)
