"""Logging in: at start, at the lock screen (idle time or "switch user"), and the owner's recovery path.

One dialog with four steps, so nothing else can be reached in between:

1. login name + password (checked off the GUI thread: Argon2 takes ~0.1 s, the button is disabled
   meanwhile); wrong password, locked account (with minutes) and disabled account each say so plainly;
2. a new password, when the account must change it (new account, or reset by the owner);
3. "忘记店主密码": owner login name, the printed recovery code and a new password;
4. after a recovery, the *new* recovery code (the old one is used up), to print before continuing.

At start, closing the dialog ends the program. At the lock screen it cannot be closed: the only ways out
are a login or "退出扳手" (``quit_requested``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date
from app.security.accounts import Account
from ui.dialogs.password_dialogs import PasswordPair, password_edit
from ui.dialogs.recovery_code import RecoveryCodePanel, SheetInfo
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, FormFeedback, scaled_font
from ui.widgets.step_stack import StepStack

MODE_START, MODE_LOCK = "start", "lock"
STEP_LOGIN, STEP_CHANGE, STEP_RECOVER, STEP_NEW_CODE = range(4)


def _heading(text: str, parent: QWidget, factor: float = 1.3) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(parent, factor, bold=True))
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """``account`` holds who logged in once the dialog is accepted (``logged_in`` is emitted too)."""

    logged_in = Signal(object)  # Account
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, shop_name: str = "", mode: str = MODE_START, username: str = "",
                 locked_by: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._mode = mode
        self._shop_name = shop_name
        self._password = ""  # the login password, kept only until a forced change is done
        self._pending: Account | None = None
        self.account: Account | None = None
        self.setWindowTitle(self.tr("扳手 — 登录") if mode == MODE_START else self.tr("扳手 — 已锁定"))
        self.pages = StepStack(self)
        self.pages.addWidget(self._build_login(locked_by))
        self.pages.addWidget(self._build_change())
        self.pages.addWidget(self._build_recover())
        self.pages.addWidget(self._build_new_code())
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a message shows
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.pages)
        self.pages.setMinimumWidth(430)  # on the content: the layout sets the dialog's minimum
        if username:
            self.username.setText(username)
        self._wire()
        self.show_step(STEP_LOGIN)

    # -- building ----------------------------------------------------------------------------------------
    def _build_login(self, locked_by: str) -> QWidget:
        page = QWidget(self)
        shop = _heading(self._shop_name or self.tr("扳手"), page, 1.5)
        if self._mode == MODE_LOCK:
            text = (self.tr("屏幕已锁定（{0}）。请重新输入密码，或换人登录。").format(locked_by) if locked_by
                    else self.tr("请登录。"))
        else:
            text = self.tr("请输入您的登录名和密码。")
        self.intro = QLabel(text, page, wordWrap=True)
        self.username = QLineEdit(page, maxLength=40)
        self.password = password_edit()
        self.login_message = FieldMessage(page)
        self.login_button = QPushButton(self.tr("登录"), page)
        self.login_button.setMinimumHeight(36)
        self.login_button.setDefault(True)
        self.forgot_button = QPushButton(self.tr("忘记店主密码…"), page)
        self.forgot_button.setFlat(True)
        self.forgot_button.setStyleSheet("color: #1565c0; text-align: left;")
        self.forgot_button.setAutoDefault(False)
        self.quit_button = QPushButton(self.tr("退出") if self._mode == MODE_START else self.tr("退出扳手"), page)
        self.quit_button.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("登录名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(shop)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.login_message)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _build_change(self) -> QWidget:
        page = QWidget(self)
        title = _heading(self.tr("请设置您自己的密码"), page)
        intro = QLabel(self.tr("这是新账号，或者店主刚为您重置了密码。请设置一个只有您自己知道的新密码，"
                               "以后用它登录。"), page, wordWrap=True)
        self.change_pair = PasswordPair(page)
        self.change_message = FieldMessage(page)
        self.change_feedback = FormFeedback(self.change_message)
        self.change_feedback.register(self.change_pair.message, "password")
        self.change_button = QPushButton(self.tr("保存新密码并进入"), page)
        self.change_button.setMinimumHeight(36)
        self.change_back = QPushButton(self.tr("返回登录"), page)
        self.change_back.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("新密码"), self.change_pair)
        _assemble(page, title, intro, form, self.change_message, self.change_back, self.change_button)
        return page

    def _build_recover(self) -> QWidget:
        page = QWidget(self)
        title = _heading(self.tr("用恢复码重设店主密码"), page)
        intro = QLabel(self.tr("需要建立店主账号时打印（或抄写）的恢复码。输入店主的登录名、纸上的恢复码和新密码。"
                               "恢复码用过一次就作废，接下来会显示新的恢复码。员工忘记密码请找店主重置。"),
                       page, wordWrap=True)
        self.recover_username = QLineEdit(page, maxLength=40)
        self.recover_code = QLineEdit(page, maxLength=40, placeholderText="XXXXX-XXXXX-XXXXX-XXXXX")
        self.recover_pair = PasswordPair(page)
        self.recover_message = FieldMessage(page)
        self.recover_feedback = FormFeedback(self.recover_message)
        self.recover_feedback.register(self.recover_pair.message, "password")
        self.recover_button = QPushButton(self.tr("重设店主密码"), page)
        self.recover_button.setMinimumHeight(36)
        self.recover_back = QPushButton(self.tr("返回登录"), page)
        self.recover_back.setAutoDefault(False)
        form = QFormLayout()
        form.addRow(self.tr("店主登录名"), self.recover_username)
        form.addRow(self.tr("恢复码"), self.recover_code)
        form.addRow(self.tr("新密码"), self.recover_pair)
        _assemble(page, title, intro, form, self.recover_message, self.recover_back, self.recover_button)
        return page

    def _build_new_code(self) -> QWidget:
        page = QWidget(self)
        self.code_panel = RecoveryCodePanel(self._sheet_info, page)
        self.code_panel.title.setText(self.tr("店主密码已重设。这是新的恢复码"))
        self.code_continue = QPushButton(self.tr("继续"), page)
        self.code_continue.setMinimumHeight(36)
        self.code_continue.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.code_continue)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_panel)
        layout.addLayout(buttons)
        return page

    def _wire(self) -> None:
        self.username.returnPressed.connect(self._on_username_returnPressed)
        self.password.returnPressed.connect(self._on_login_button_clicked)
        self.login_button.clicked.connect(self._on_login_button_clicked)
        self.forgot_button.clicked.connect(self._on_forgot_button_clicked)
        self.quit_button.clicked.connect(self._on_quit_button_clicked)
        self.change_button.clicked.connect(self._on_change_button_clicked)
        self.change_pair.second.returnPressed.connect(self._on_change_button_clicked)
        self.change_back.clicked.connect(self._on_change_back_clicked)
        self.recover_button.clicked.connect(self._on_recover_button_clicked)
        self.recover_back.clicked.connect(self._on_recover_back_clicked)
        self.code_panel.confirmed_changed.connect(self.code_continue.setEnabled)
        self.code_continue.clicked.connect(self._on_code_continue_clicked)

    # -- public ------------------------------------------------------------------------------------------
    def step(self) -> int:
        return self.pages.currentIndex()

    def show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        self.adjustSize()  # the size of the step shown (ui/widgets/step_stack.py)
        focus = {STEP_LOGIN: self.password if self.username.text() else self.username,
                 STEP_CHANGE: self.change_pair.first, STEP_RECOVER: self.recover_username,
                 STEP_NEW_CODE: self.code_panel.print_button}[step]
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        for button, on in ((self.login_button, STEP_LOGIN), (self.change_button, STEP_CHANGE),
                           (self.recover_button, STEP_RECOVER), (self.code_continue, STEP_NEW_CODE)):
            button.setDefault(step == on)

    def _sheet_info(self) -> SheetInfo:
        account = self.account or self._pending
        return SheetInfo(self._shop_name, account.name if account else "", account.username if account else "",
                         local_date(self._ctx.clock.now()))

    # -- step 1: login -----------------------------------------------------------------------------------
    def _on_username_returnPressed(self) -> None:
        self.password.setFocus()

    def _on_login_button_clicked(self) -> None:
        if not self.login_button.isEnabled():
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.login_message.show_error(self.tr("请输入登录名。"))
            self.username.setFocus()
            return
        if not password:
            self.login_message.show_error(self.tr("请输入密码。"))
            self.password.setFocus()
            return
        self.login_message.clear_message()
        self._set_busy(True)
        accounts = self._ctx.accounts
        self._password = password
        run_in_background(self, lambda: accounts.login(username, password), self._on_login_done,
                          self._on_login_failed)

    def _set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.login_button.setText(self.tr("正在验证…") if busy else self.tr("登录"))
        self.username.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def _on_login_done(self, account: Account) -> None:
        self._set_busy(False)
        self.password.clear()
        if account.must_change_password:
            self._pending = account
            self.change_pair.clear()
            self.show_step(STEP_CHANGE)
            return
        self._password = ""
        self._finish(account)

    def _on_login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._password = ""
        self.password.clear()
        feedback = FormFeedback(self.login_message)
        feedback.show_exception(exc)
        self.password.setFocus()

    def _on_forgot_button_clicked(self) -> None:
        self.recover_username.setText(self.username.text().strip())
        self.recover_code.clear()
        self.recover_pair.clear()
        self.recover_message.clear_message()
        self.show_step(STEP_RECOVER)

    def _on_quit_button_clicked(self) -> None:
        if self._mode == MODE_LOCK:
            self.quit_requested.emit()
        super().reject()

    # -- step 2: a new password after login -------------------------------------------------------------
    def _on_change_button_clicked(self) -> None:
        if self.step() != STEP_CHANGE or not self.change_button.isEnabled():
            return
        self.change_feedback.clear()
        if not self.change_pair.check():
            return
        old, new = self._password, self.change_pair.password()
        if old == new:
            self.change_pair.message.show_error(self.tr("新密码不能与临时密码相同。"))
            return
        accounts = self._ctx.accounts
        self.change_button.setEnabled(False)
        run_in_background(self, lambda: accounts.change_own_password(old, new), self._on_changed,
                          self._on_change_failed)

    def _on_changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        self._password = ""
        assert self._pending is not None
        account, self._pending = replace(self._pending, must_change_password=False), None
        self._finish(account)

    def _on_change_failed(self, exc: BaseException) -> None:
        self.change_button.setEnabled(True)
        self.change_feedback.show_exception(exc)

    def _on_change_back_clicked(self) -> None:
        """Not now: the person is logged out again (they cannot work without their own password)."""
        if not self.change_back.isEnabled():
            return
        self._password = ""
        self._pending = None
        self.change_pair.clear()
        self.change_back.setEnabled(False)
        self.change_button.setEnabled(False)
        run_in_background(self, self._ctx.accounts.logout, self._on_logged_out, self._on_logged_out)

    def _on_logged_out(self, _result: object) -> None:
        self.change_back.setEnabled(True)
        self.change_button.setEnabled(True)
        self.show_step(STEP_LOGIN)

    # -- step 3: recovery --------------------------------------------------------------------------------
    def _on_recover_button_clicked(self) -> None:
        if self.step() != STEP_RECOVER or not self.recover_button.isEnabled():
            return
        self.recover_feedback.clear()
        username, code = self.recover_username.text().strip(), self.recover_code.text().strip()
        if not username or not code:
            self.recover_message.show_error(self.tr("请输入店主登录名和恢复码。"))
            return
        if not self.recover_pair.check():
            return
        password, ctx = self.recover_pair.password(), self._ctx

        def recover() -> tuple[str, Account]:
            new_code = ctx.accounts.recover_owner(username, code, password)
            actor = ctx.guard.actor
            owner = next(a for a in ctx.accounts.list() if actor is not None and a.staff_id == actor.staff_id)
            return new_code, owner

        self.recover_button.setEnabled(False)
        run_in_background(self, recover, self._on_recovered, self._on_recover_failed)

    def _on_recovered(self, result: tuple[str, Account]) -> None:
        self.recover_button.setEnabled(True)
        code, account = result
        self._pending = account
        self.recover_pair.clear()
        self.recover_code.clear()
        self.code_panel.set_code(code)
        self.show_step(STEP_NEW_CODE)

    def _on_recover_failed(self, exc: BaseException) -> None:
        self.recover_button.setEnabled(True)
        self.recover_feedback.show_exception(exc)

    def _on_recover_back_clicked(self) -> None:
        self.recover_pair.clear()
        self.recover_code.clear()
        self.show_step(STEP_LOGIN)

    # -- step 4: the new recovery code ------------------------------------------------------------------
    def _on_code_continue_clicked(self) -> None:
        if self.code_panel.is_confirmed() and self._pending is not None:
            account, self._pending = self._pending, None
            self._finish(account)

    # -- leaving -----------------------------------------------------------------------------------------
    def _finish(self, account: Account) -> None:
        self.account = account
        self.logged_in.emit(account)
        self.accept()

    def reject(self) -> None:
        """Escape or the close button: from a later step, back to the login; at the start's login, the
        program ends; the lock screen and the new recovery code cannot be closed."""
        if (self._mode == MODE_LOCK and self.step() == STEP_LOGIN) or self.step() == STEP_NEW_CODE:
            return
        if self.step() == STEP_CHANGE:
            self._on_change_back_clicked()
        elif self.step() == STEP_RECOVER:
            self._on_recover_back_clicked()
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() != QDialog.DialogCode.Accepted and (self._mode == MODE_LOCK or self.step() == STEP_NEW_CODE):
            event.ignore()
            return
        super().closeEvent(event)


def _assemble(page: QWidget, title: QLabel, intro: QLabel, form: QFormLayout, message: QWidget,
              back: QPushButton, action: QPushButton) -> None:
    """The layout every secondary step shares: heading, explanation, form, message, then back | action."""
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(back)
    buttons.addWidget(action)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(intro)
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addStretch(1)
    layout.addLayout(buttons)
