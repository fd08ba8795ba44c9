"""Who is at the window: login at start, the lock screen (idle time, "锁定", "切换用户"), what each role
sees, and the owner's security pages (账号, 审计日志, 备份与恢复).

- **At start** (:func:`sign_in_at_start`): a data folder without accounts (new, or upgraded from a
  version without them) asks the owner to create theirs and shows the recovery code; otherwise the login
  dialog. The window is built only after someone has logged in, so nothing loads under nobody's name.
- **Lock**: the window's content is hidden behind a curtain and a login dialog is shown over it. The same
  person logging in again continues where they were; anyone else gets a fresh window state (an open work
  order and a half-typed intake of the previous person are dropped, never saved under the new name).
  "切换用户" first saves or discards the editor's changes (asked), logs the person out, then locks.
  Idle time comes from the ``security.idle_minutes`` setting (0 = never; tests set milliseconds).
- **Roles**: a navigation entry is hidden when the role lacks the permission its screen needs, and so are
  menu actions and the order editor's buttons and prices (:mod:`ui.role_access`). Hiding is convenience:
  the services refuse anyway (``app.security.guard``).

In first-setup mode (no account exists yet: the tests' windows) nobody is asked to log in and nothing
locks; the setup user has the owner's rights.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.security.accounts import Account
from app.security.permissions import ROLE_LABELS, Perm
from app.settings import IDLE_MINUTES, SettingsStore
from ui.dialogs.login_dialog import MODE_LOCK, MODE_START, LoginDialog
from ui.dialogs.owner_setup_dialog import OwnerSetupDialog
from ui.dialogs.password_dialogs import ChangePasswordDialog
from ui.pages.accounts_page import AccountsPage
from ui.pages.audit_page import AuditPage
from ui.role_access import apply_role, go_first_visible
from ui.tasks import run_in_background

log = logging.getLogger("banshou.ui.session")

translate = QCoreApplication.translate  # literal calls below, so lupdate finds every string

ACTIVITY = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                      QEvent.Type.Wheel, QEvent.Type.TouchBegin})


def sign_in_at_start(ctx: AppContext) -> Account | None:
    """Before the window: create the owner (no accounts yet) or log in. ``None`` means "quit"."""
    shop = ctx.shop.get()
    if ctx.guard.in_setup():
        upgraded = bool(ctx.staff.list(include_inactive=True))  # an older folder already has staff
        setup = OwnerSetupDialog(ctx, shop, upgraded=upgraded)
        return setup.setup.account if setup.exec() == OwnerSetupDialog.DialogCode.Accepted and setup.setup else None
    dialog = LoginDialog(ctx, shop.name if shop else "", MODE_START)
    return dialog.account if dialog.exec() == LoginDialog.DialogCode.Accepted else None


def role_text(access: str) -> str:
    return {"owner": translate("Session", "店主"), "frontdesk": translate("Session", "前台"),
            "technician": translate("Session", "技师")}.get(access, ROLE_LABELS.get(access, (access,))[0])


class LockCurtain(QWidget):
    """Covers the whole window while it is locked (the login dialog sits on top of it)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockCurtain { background: #263238; } QLabel { color: #eceff1; }")
        self.title = QLabel(translate("Session", "扳手 · 已锁定"), self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addStretch(3)
        window.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())
        return False

    def cover(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()


class _ActivityFilter(QObject):
    """Application-wide: any key, click, move or wheel restarts the idle timer."""

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self._session = session

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._session.note_activity()
        return False


class Session(QObject):
    """Installed on the main window by :func:`install_security`; ``window.session``."""

    user_changed = Signal(object)  # Account of the person now logged in
    locked_changed = Signal(bool)

    def __init__(self, window: Any, settings: SettingsStore | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._ctx: AppContext = window._ctx
        self._settings = settings or SettingsStore(self._ctx.db, self._ctx.shop.get, guard=self._ctx.guard)
        self._locked = False
        self._locked_for: int | None = None  # staff id of who was working when the window locked
        self._idle_ms = 0
        self._idle_fixed = False
        self._shop_name = ""
        self.account: Account | None = None
        self.login_dialog: LoginDialog | None = None
        self.dialog: ChangePasswordDialog | None = None
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self._on_idle_timer_timeout)
        self.curtain = LockCurtain(window)
        self._build_status_bar()
        self._build_menu()
        self._activity = _ActivityFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
        window.nav.currentRowChanged.connect(self._on_nav_currentRowChanged)
        self.apply_access()
        self._show_user()
        run_in_background(window, lambda: (self._settings.get(IDLE_MINUTES), self._ctx.shop.get()),
                          self._on_settings_loaded, lambda exc: log.info("idle setting not read: %s", exc))
        if self._ctx.guard.actor is None and not self._ctx.guard.in_setup():
            QTimer.singleShot(0, self.lock)  # built without anyone logged in: ask first

    # -- building ----------------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self._window.statusBar()
        self.user_label = QLabel()
        self.user_label.setStyleSheet("padding: 0 6px; font-weight: bold;")
        # A link, not a button: a button is taller than the status bar's labels and would push the
        # window past 768 px.
        switch_text = translate("Session", "切换用户")
        self.switch_button = QLabel(f"<a href='switch'>{switch_text}</a>")
        self.switch_button.setToolTip(translate("Session", "退出当前账号，换人登录（Ctrl+Shift+L）"))
        self.switch_button.setStyleSheet("padding: 0 6px;")
        self.switch_button.linkActivated.connect(lambda _link: self.switch_user())
        bar.insertWidget(0, self.user_label)
        bar.insertWidget(1, self.switch_button)

    def _build_menu(self) -> None:
        bar = self._window.menuBar()
        existing = bar.actions()
        self.menu = QMenu(translate("Session", "账号(&U)"), self._window)
        if existing:
            bar.insertMenu(existing[-1], self.menu)  # before 帮助
        else:
            bar.addMenu(self.menu)
        self.lock_action = self._action(translate("Session", "锁定屏幕(&L)"), "Ctrl+L", self.lock)
        self.switch_action = self._action(translate("Session", "切换用户(&W)"), "Ctrl+Shift+L", self.switch_user)
        self.password_action = self._action(translate("Session", "修改我的密码(&P)…"), "", self.change_password)
        for action in (self.lock_action, self.switch_action, self.password_action):
            self.menu.addAction(action)

    def _action(self, text: str, keys: str, slot: Any) -> QAction:
        action = QAction(text, self._window)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{text.split('(&')[0]} ({keys})")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- who is logged in --------------------------------------------------------------------------------
    def accounts_exist(self) -> bool:
        return not self._ctx.guard.in_setup()

    def set_account(self, account: Account | None) -> None:
        """Who logged in before the window was built (ui/app.py), for the lock screen's login name."""
        self.account = account
        self._show_user()

    def _show_user(self) -> None:
        actor = self._ctx.guard.actor
        if self._locked:
            self.user_label.setText(translate("Session", "已锁定"))
        elif actor is None:
            self.user_label.setText(translate("Session", "初始设置（尚未建立账号）") if not self.accounts_exist()
                                    else translate("Session", "未登录"))
        else:
            self.user_label.setText(translate("Session", "当前用户：{0}（{1}）").format(actor.name, role_text(actor.role)))
        signed_in = actor is not None and not self._locked
        for widget in (self.switch_button, self.lock_action, self.switch_action, self.password_action):
            widget.setEnabled(signed_in)

    def _on_settings_loaded(self, result: tuple[int, Any]) -> None:
        minutes, shop = result
        self._shop_name = shop.name if shop else ""
        if not self._idle_fixed:
            self._apply_idle(minutes * 60_000)

    # -- idle time ---------------------------------------------------------------------------------------
    def set_idle_minutes(self, minutes: int) -> None:
        """The owner changed the setting (accounts page)."""
        self._apply_idle(minutes * 60_000)

    def set_idle_timeout_ms(self, ms: int) -> None:
        """A fixed idle time that the stored setting does not override (tests make it short); 0 = never."""
        self._idle_fixed = True
        self._apply_idle(ms)

    def _apply_idle(self, ms: int) -> None:
        self._idle_ms = max(0, ms)
        self.idle_timer.stop()
        self.note_activity()

    def note_activity(self) -> None:
        if self._locked or self._idle_ms <= 0 or self._ctx.guard.actor is None:
            return
        remaining = self.idle_timer.remainingTime()
        if remaining < 0 or remaining < self._idle_ms - 250:  # restarting on every mouse move costs nothing
            self.idle_timer.start(self._idle_ms)

    def _on_idle_timer_timeout(self) -> None:
        if not self._locked and self._ctx.guard.actor is not None:
            log.info("locking after %s ms without activity", self._idle_ms)
            self.lock()

    # -- locking -----------------------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        """Hide everything and ask for a login; the same person continues where they were."""
        if self._locked or not self.accounts_exist():
            return
        actor = self._ctx.guard.actor
        self._locked_for = actor.staff_id if actor is not None else None
        self._cover()
        self._open_login(locked_by=actor.name if actor is not None else "")

    def switch_user(self) -> None:
        """Save or discard the editor's changes (asked), log out, then show the login."""
        if self._locked or not self.accounts_exist() or self._ctx.guard.actor is None:
            return
        self._window._leave_editor(self._log_out_and_lock)

    def _log_out_and_lock(self) -> None:
        self._locked_for = None  # whoever logs in next starts afresh
        self._cover()
        accounts = self._ctx.accounts
        run_in_background(self._window, accounts.logout, lambda _r: self._open_login(""),
                          lambda exc: (log.warning("logout not recorded: %s", exc), self._open_login("")))

    def _cover(self) -> None:
        self._locked = True
        self.idle_timer.stop()
        window = self._window
        window.centralWidget().hide()  # hidden pages do not show refusals of their background reloads
        window.menuBar().setEnabled(False)
        self.curtain.cover()
        self._show_user()
        self.locked_changed.emit(True)

    def _open_login(self, locked_by: str) -> None:
        username = self.account.username if self.account is not None and locked_by else ""
        dialog = LoginDialog(self._ctx, self._shop_name, MODE_LOCK, username=username, locked_by=locked_by,
                             parent=self._window)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.logged_in.connect(self._on_login_dialog_logged_in)
        dialog.quit_requested.connect(self._on_login_dialog_quit_requested)
        self.login_dialog = dialog
        dialog.open()

    def _on_login_dialog_logged_in(self, account: Account) -> None:
        same = self._locked_for is not None and account.staff_id == self._locked_for
        self.account = account
        if not same:
            self._start_afresh()
        self._uncover()
        self.apply_access()
        if not same:
            self._go_first_visible()
        self.user_changed.emit(account)
        if self.login_dialog is not None:
            self.login_dialog.deleteLater()
            self.login_dialog = None

    def _uncover(self) -> None:
        self._locked = False
        self._locked_for = None
        window = self._window
        self.curtain.hide()
        window.centralWidget().show()
        window.menuBar().setEnabled(True)
        self._show_user()
        self.note_activity()
        self.locked_changed.emit(False)

    def _start_afresh(self) -> None:
        """Another person: nothing of the previous one's half-done work stays on screen or gets saved."""
        window = self._window
        window.editor_page.close_order()
        window.nav.item(window.stack.indexOf(window.editor_page)).setHidden(True)
        window.intake_page.reset()
        if self._ctx.guard.can(Perm.VIEW_ORDERS):
            window.orders_page.refresh()

    def _on_login_dialog_quit_requested(self) -> None:
        window = self._window
        if window.editor_page.is_dirty():
            answer = QMessageBox.question(
                self.login_dialog, translate("Session", "退出扳手"),
                translate("Session", "打开的工单有未保存的修改，退出会丢弃这些修改。确定退出吗？"))
            if answer != QMessageBox.StandardButton.Yes:
                QTimer.singleShot(0, lambda: self._open_login(""))
                return
            window.editor_page.close_order()
        self.login_dialog = None
        QTimer.singleShot(0, window.close)

    def change_password(self) -> None:
        if self._ctx.guard.actor is None:
            return
        dialog = ChangePasswordDialog(self._ctx, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._window.statusBar().showMessage(
            translate("Session", "密码已修改。"), 5000))
        self.dialog = dialog
        dialog.open()

    # -- what the role sees ------------------------------------------------------------------------------
    def apply_access(self) -> None:
        """Navigation, menus and the order screens for the rights of whoever is logged in now."""
        apply_role(self._window, self._ctx.guard)

    def _go_first_visible(self) -> None:
        go_first_visible(self._window)

    def _on_nav_currentRowChanged(self, _row: int) -> None:
        page = self._window.stack.currentWidget()
        if page is not None and page in [getattr(self._window, name, None)
                                         for name in ("accounts_page", "audit_page", "backup_page")]:
            page.refresh()


def _add_page(window: Any, page: QWidget, text: str, icon: QStyle.StandardPixmap) -> None:
    window.stack.addWidget(page)
    item = QListWidgetItem(window.style().standardIcon(icon), text)
    item.setSizeHint(QSize(130, 48))
    window.nav.addItem(item)


def install_security(window: Any) -> Session:
    """Add 账号, 审计日志 (and 备份与恢复 when the backup service exists), then the session: status-bar
    user, the 账号 menu, idle lock and role-based navigation. Called last by the window's constructor."""
    ctx = window._ctx
    settings = SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard)
    window.accounts_page = AccountsPage(ctx, settings)
    window.audit_page = AuditPage(ctx)
    _add_page(window, window.accounts_page, translate("MainWindow", "账号"), QStyle.StandardPixmap.SP_DirHomeIcon)
    _add_page(window, window.audit_page, translate("MainWindow", "审计日志"),
              QStyle.StandardPixmap.SP_FileDialogContentsView)
    if getattr(ctx, "backups", None) is not None:
        from ui.pages.backup_page import BackupPage

        window.backup_page = BackupPage(ctx)
        _add_page(window, window.backup_page, translate("MainWindow", "备份与恢复"), QStyle.StandardPixmap.SP_DriveHDIcon)
    session = Session(window, settings)
    window.session = session
    window.accounts_page.idle_minutes_changed.connect(session.set_idle_minutes)
    return session
