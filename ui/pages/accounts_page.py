"""账号: the owner's list of accounts — add, disable/enable, reset a password — plus one's own password
and the idle time after which the window locks.

Accounts are disabled, never deleted, so history keeps the name. Every read and write runs off the GUI
thread; dialogs are opened non-modally-blocking (``open()``), so the page stays responsive and testable.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.security.accounts import Account
from app.services.dto import StaffMember
from app.settings import IDLE_MINUTES, SettingsStore
from ui.dialogs.account_dialogs import AddAccountDialog
from ui.dialogs.password_dialogs import ChangePasswordDialog, ResetPasswordDialog
from ui.errors import message_for
from ui.models.account_model import ACCOUNT_ROLE, AccountModel
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, scaled_font


class AccountsView(QWidget):
    """Widgets only: the title, the action buttons, the table and the automatic-lock setting."""

    def __init__(self, model: AccountModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("账号"))
        title.setFont(scaled_font(self, 1.4, bold=True))
        hint = QLabel(self.tr("每个人用自己的账号登录，所做的修改记在本人名下。账号不能删除，只能停用，"
                              "以便历史记录保留姓名。"), wordWrap=True)
        hint.setStyleSheet("color: #555555;")
        self.add_button = QPushButton(self.tr("添加账号…"))
        self.toggle_button = QPushButton(self.tr("停用"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.own_password_button = QPushButton(self.tr("修改我的密码…"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        for button in (self.add_button, self.toggle_button, self.reset_button, self.own_password_button,
                       self.refresh_button):
            button.setMinimumHeight(34)
        self.toggle_button.setEnabled(False)
        self.reset_button.setEnabled(False)
        bar = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.own_password_button)
        bar.addWidget(self.refresh_button)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((140, 140, 110, 110, 90, 130)):
            header.resizeSection(col, width)
        self.message = FieldMessage(self)
        self.status = QLabel()
        self.status.setStyleSheet("color: #2e7d32;")

        self.idle = QComboBox()
        for minutes in IDLE_MINUTES.choices:
            self.idle.addItem(self.tr("从不自动锁定") if minutes == 0 else self.tr("{0} 分钟").format(minutes), minutes)
        idle_box = QGroupBox(self.tr("自动锁定"))
        idle_row = QHBoxLayout(idle_box)
        idle_row.addWidget(QLabel(self.tr("无人操作")))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(QLabel(self.tr("后锁定屏幕，需要重新登录。")), 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(idle_box)


class AccountsPage(QWidget):
    """``idle_minutes_changed(minutes)`` tells the session (ui/session.py) to use the new idle time."""

    idle_minutes_changed = Signal(int)

    def __init__(self, ctx: AppContext, settings: SettingsStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._settings = settings or SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard)
        self._loading_idle = False
        self.model = AccountModel(self)
        self.view = AccountsView(self.model, self)
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        v = self.view
        v.add_button.clicked.connect(self._on_add_button_clicked)
        v.toggle_button.clicked.connect(self._on_toggle_button_clicked)
        v.reset_button.clicked.connect(self._on_reset_button_clicked)
        v.own_password_button.clicked.connect(self._on_own_password_button_clicked)
        v.refresh_button.clicked.connect(self.refresh)
        v.table.selectionModel().currentRowChanged.connect(self._on_table_currentRowChanged)
        v.idle.currentIndexChanged.connect(self._on_idle_currentIndexChanged)

    # -- loading -----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, settings = self._ctx, self._settings
        run_in_background(self, lambda: (ctx.accounts.list(), ctx.clock.now(), settings.get(IDLE_MINUTES)),
                          self._on_loaded, self._on_failed)

    def _on_loaded(self, result: tuple[list[Account], object, int]) -> None:
        accounts, now, idle = result
        keep = self.selected()
        self.model.set_rows(accounts, now)  # type: ignore[arg-type]
        ids = [a.staff_id for a in accounts]
        if keep is not None and keep.staff_id in ids:
            self.view.table.selectRow(ids.index(keep.staff_id))
        self._update_buttons()
        self._loading_idle = True
        index = self.view.idle.findData(idle)
        self.view.idle.setCurrentIndex(index if index >= 0 else self.view.idle.findData(IDLE_MINUTES.default))
        self._loading_idle = False

    def _on_failed(self, exc: BaseException) -> None:
        self.view.message.show_error(message_for(exc))

    def selected(self) -> Account | None:
        index = self.view.table.currentIndex()
        value = index.data(ACCOUNT_ROLE) if index.isValid() else None
        return value if isinstance(value, Account) else None

    def select_username(self, username: str) -> bool:
        for row, account in enumerate(self.model.rows()):
            if account.username == username:
                self.view.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        account = self.selected()
        v = self.view
        v.toggle_button.setEnabled(account is not None)
        v.reset_button.setEnabled(account is not None)
        v.toggle_button.setText(self.tr("重新启用") if account is not None and not account.active else self.tr("停用"))

    def _done(self, text: str) -> None:
        self.view.message.clear_message()
        self.view.status.setText(text)
        self.refresh()

    # -- slots -------------------------------------------------------------------------------------------
    def _on_table_currentRowChanged(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()

    def _on_add_button_clicked(self) -> None:
        ctx = self._ctx

        def without_login() -> list[StaffMember]:
            taken = {a.staff_id for a in ctx.accounts.list()}
            return [m for m in ctx.staff.list() if m.id not in taken]

        self.view.add_button.setEnabled(False)
        run_in_background(self, without_login, self._open_add_dialog, self._on_add_failed)

    def _on_add_failed(self, exc: BaseException) -> None:
        self.view.add_button.setEnabled(True)
        self._on_failed(exc)

    def _open_add_dialog(self, staff: list[StaffMember]) -> None:
        self.view.add_button.setEnabled(True)
        dialog = AddAccountDialog(self._ctx, staff, self)
        dialog.accepted.connect(lambda: self._done(self.tr("已添加账号：{0}（{1}）").format(
            dialog.result_account.name, dialog.result_account.username) if dialog.result_account else ""))
        self._open(dialog)

    def _on_toggle_button_clicked(self) -> None:
        account = self.selected()
        if account is None:
            return
        active = not account.active
        accounts = self._ctx.accounts
        self.view.toggle_button.setEnabled(False)
        text = self.tr("已重新启用：{0}") if active else self.tr("已停用：{0}（此人不能再登录，历史记录保留）")
        run_in_background(self, lambda: accounts.set_active(account.staff_id, active),
                          lambda a: self._done(text.format(a.name)), self._on_toggle_failed)

    def _on_toggle_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self._on_failed(exc)

    def _on_reset_button_clicked(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = ResetPasswordDialog(self._ctx, account, self)
        dialog.accepted.connect(lambda: self._done(
            self.tr("已为 {0} 设置临时密码；本人下次登录时必须修改。").format(account.name)))
        self._open(dialog)

    def _on_own_password_button_clicked(self) -> None:
        dialog = ChangePasswordDialog(self._ctx, self)
        dialog.accepted.connect(lambda: self._done(self.tr("您的密码已修改。")))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _on_idle_currentIndexChanged(self, _index: int) -> None:
        if self._loading_idle:
            return
        minutes = int(self.view.idle.currentData())
        settings = self._settings
        run_in_background(self, lambda: settings.set(IDLE_MINUTES, minutes),
                          lambda _r: self._on_idle_saved(minutes), self._on_failed)

    def _on_idle_saved(self, minutes: int) -> None:
        self.view.status.setText(self.tr("自动锁定已改为：{0}").format(self.view.idle.currentText()))
        self.idle_minutes_changed.emit(minutes)
