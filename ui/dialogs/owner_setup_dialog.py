"""First start (and the first start after upgrading from a version without accounts): the owner creates
their own account, then writes down or prints the recovery code.

Two steps in one dialog. Step 1 asks for name, login name and the password twice; creating the account
(two Argon2 hashes) runs off the GUI thread. Step 2 shows the recovery code; the dialog cannot be closed
there until the owner ticks "I have copied or printed it", because the account already exists and the code
is shown only once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
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
from app.security.accounts import OwnerSetup
from app.services.dto import ShopInfo
from ui.dialogs.password_dialogs import PasswordPair
from ui.dialogs.recovery_code import RecoveryCodePanel, SheetInfo
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, FormFeedback, install_enter_advances, scaled_font
from ui.widgets.step_stack import StepStack

STEP_ACCOUNT, STEP_CODE = range(2)


class OwnerAccountForm(QWidget):
    """Step 1: who the owner is and the password they will log in with."""

    def __init__(self, upgraded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("建立店主账号"))
        title.setFont(scaled_font(self, 1.4, bold=True))
        if upgraded:
            text = self.tr("这一版扳手开始使用账号：每个人用自己的登录名和密码登录，所做的修改都记在本人名下。"
                           "已有的工单和数据都保留。请先建立您（店主）自己的账号，之后在“账号”页为员工添加账号。")
        else:
            text = self.tr("每个人用自己的登录名和密码登录扳手，所做的修改都记在本人名下。"
                           "请先建立您（店主）自己的账号，之后在“账号”页为员工添加账号。")
        intro = QLabel(text, wordWrap=True)
        intro.setObjectName("ownerIntro")
        self.name = QLineEdit(maxLength=40, placeholderText=self.tr("例如：张建国"))
        self.username = QLineEdit(maxLength=40, placeholderText=self.tr("登录时输入，不含空格，例如 zhang"))
        self.password = PasswordPair(self)
        self.message = FieldMessage(self)
        self.feedback = FormFeedback(self.message)
        self.feedback.register(FieldMessage(self), "name")
        self.feedback.register(FieldMessage(self), "username")
        self.feedback.register(self.password.message, "password")
        form = QFormLayout()
        form.addRow(self.tr("店主姓名"), self.name)
        form.addRow("", self.feedback.message("name"))
        form.addRow(self.tr("登录名"), self.username)
        form.addRow("", self.feedback.message("username"))
        form.addRow(self.tr("密码"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        install_enter_advances(self, (self.name, self.username, self.password.first))


class OwnerSetupDialog(QDialog):
    """``exec()`` returns Accepted once the owner exists and has confirmed the recovery code."""

    def __init__(self, ctx: AppContext, shop: ShopInfo | None = None, upgraded: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._shop = shop
        self.setup: OwnerSetup | None = None
        self.setWindowTitle(self.tr("欢迎使用扳手 — 建立店主账号"))
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, True)
        self.form = OwnerAccountForm(upgraded, self)
        if shop is not None and shop.contact:
            self.form.name.setText(shop.contact)
        self.code_panel = RecoveryCodePanel(self._sheet_info, self)
        self.pages = StepStack(self)
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.code_panel)
        self.create_button = QPushButton(self.tr("建立账号"))
        self.create_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("退出"))
        self.continue_button = QPushButton(self.tr("继续，开始使用"))
        self.continue_button.setEnabled(False)
        self.continue_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.create_button, self.continue_button, self.quit_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a message shows
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.pages.setMinimumWidth(640)  # on the content: the layout sets the dialog's minimum
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.quit_button.clicked.connect(self.reject)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.code_panel.confirmed_changed.connect(self.continue_button.setEnabled)
        self.form.password.second.returnPressed.connect(self._on_create_button_clicked)

    def _sheet_info(self) -> SheetInfo:
        account = self.setup.account if self.setup else None
        return SheetInfo(self._shop.name if self._shop else "", account.name if account else "",
                         account.username if account else "", local_date(self._ctx.clock.now()))

    def step(self) -> int:
        return self.pages.currentIndex()

    # -- step 1 ------------------------------------------------------------------------------------------
    def _on_create_button_clicked(self) -> None:
        if self.step() != STEP_ACCOUNT or not self.create_button.isEnabled():
            return
        form = self.form
        form.feedback.clear()
        if not form.password.check():
            return
        name, username, password = form.name.text(), form.username.text(), form.password.password()
        accounts = self._ctx.accounts
        self.create_button.setEnabled(False)
        self.create_button.setText(self.tr("正在建立…"))
        run_in_background(self, lambda: accounts.create_owner(name, username, password), self._on_created,
                          self._on_create_failed)

    def _on_created(self, setup: OwnerSetup) -> None:
        self.setup = setup
        self.form.password.clear()
        self.code_panel.set_code(setup.recovery_code)
        self.pages.setCurrentIndex(STEP_CODE)
        self.adjustSize()
        self.create_button.hide()
        self.quit_button.hide()
        self.continue_button.show()
        self.continue_button.setDefault(True)

    def _on_create_failed(self, exc: BaseException) -> None:
        self.create_button.setEnabled(True)
        self.create_button.setText(self.tr("建立账号"))
        self.form.feedback.show_exception(exc)

    # -- step 2 ------------------------------------------------------------------------------------------
    def _on_continue_button_clicked(self) -> None:
        if self.code_panel.is_confirmed():
            self.accept()

    def reject(self) -> None:
        """Step 2 cannot be left without the tick: the account exists and the code is shown only once."""
        if self.step() == STEP_CODE:
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.step() == STEP_CODE and not self.code_panel.is_confirmed():
            event.ignore()
            return
        if self.step() == STEP_CODE:
            event.ignore()
            self.accept()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.step() == STEP_CODE and event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
