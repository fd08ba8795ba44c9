"""The main window: a left navigation over one stacked screen per area, menus, and the status bar.

Contract with the screens (each built with the :class:`AppContext` and nothing else):

- ``IntakePage.order_opened(int)`` and ``OrdersPage.order_activated(int)`` → ``OrderEditorPage.load(id)``
  and the 工单详情/结算 area is shown (its navigation entry appears once an order is open);
- ``OrderEditorPage.order_changed(int)`` → the order list reloads and the upload queue is re-read;
- ``SettingsPage.shop_saved`` / ``large_font_changed`` → status bar shop name / application font.

The status bar always shows the shop, training mode and the upload queue (待上传 N), polled off the GUI
thread so a busy database never stalls the window. Geometry is per PC, so it goes to ``QSettings``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QWidget,
)

from app import __version__
from app.context import AppContext
from app.services.dto import ShopInfo
from app.services.outbox_status import OutboxStatus, OutboxStatusService
from app.settings import SettingsStore
from app.version import describe, licence_lines
from ui.app import apply_app_font
from ui.errors import message_for
from ui.pages.dashboard_page import install_dashboard
from ui.pages.intake_page import IntakePage
from ui.pages.order_editor import OrderEditorPage
from ui.pages.orders_page import OrdersPage
from ui.pages.reminders_page import install_owner_services
from ui.pages.settings_page import SettingsPage
from ui.pages.waste_page import install_waste
from ui.session import install_security
from ui.sync_wiring import install_sync
from ui.sync_worker import SyncWorker
from ui.tasks import run_in_background

DESIGN_SIZE = QSize(1366, 768)
MIN_SIZE = QSize(1024, 640)
QUEUE_POLL_MS = 5000
GEOMETRY_KEY = "main_window/geometry"

AREA_INTAKE, AREA_ORDERS, AREA_EDITOR, AREA_SETTINGS = range(4)


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, settings: SettingsStore | None = None, demo: bool = False, parent: QWidget | None = None,
        sync_worker: SyncWorker | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._outbox = OutboxStatusService(ctx.db, ctx.clock)
        self._polling = False
        self._leaving_confirmed = False
        self.setWindowTitle(self.tr("扳手 — 汽车维修管理") + (self.tr("（演示数据）") if demo else ""))
        self.setMinimumSize(MIN_SIZE)

        self.intake_page = IntakePage(ctx)
        self.orders_page = OrdersPage(ctx)
        self.editor_page = OrderEditorPage(ctx)
        self.settings_page = SettingsPage(ctx, settings or SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard))
        self.stack = QStackedWidget()
        for page in (self.intake_page, self.orders_page, self.editor_page, self.settings_page):
            self.stack.addWidget(page)
        self.nav = self._build_nav()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()

        self.nav.currentRowChanged.connect(self._on_nav_currentRowChanged)
        self.intake_page.order_opened.connect(self._on_intake_page_order_opened)
        self.orders_page.order_activated.connect(self._on_orders_page_order_activated)
        self.editor_page.order_changed.connect(self._on_editor_page_order_changed)
        self.settings_page.shop_saved.connect(self._on_settings_page_shop_saved)
        self.settings_page.large_font_changed.connect(self._on_settings_page_large_font_changed)
        self._queue_timer = QTimer(self, interval=QUEUE_POLL_MS)
        self._queue_timer.timeout.connect(self._on_queue_timer_timeout)
        self._queue_timer.start()

        self._restore_geometry()
        self.nav.setCurrentRow(AREA_INTAKE)
        run_in_background(self, ctx.shop.get, self._show_shop)
        self.refresh_queue()
        install_sync(self, sync_worker)  # 同步 + 电子健康档案 pages; starts the worker (ui/sync_wiring.py)
        install_waste(self)  # 危废台账 page, its navigation entry and status-bar alert count
        install_owner_services(self)  # 维修履历, 保养提醒, 缺陷与专项 (ui/pages/reminders_page.py)
        install_dashboard(self)  # 经营看板: ratings, upload compliance, business (ui/pages/dashboard_page.py)
        install_security(self)  # 账号, 审计日志, 备份; login, lock and what each role sees (ui/session.py)

    # -- building ----------------------------------------------------------------------------------------
    def _build_nav(self) -> QListWidget:
        nav = QListWidget()
        nav.setObjectName("navigation")
        nav.setFixedWidth(150)
        nav.setIconSize(QSize(28, 28))
        nav.setSpacing(2)
        nav.setStyleSheet(
            "#navigation { border: none; background: #263238; color: #eceff1; padding-top: 8px;"
            " outline: 0; show-decoration-selected: 1; }"
            "#navigation::item { padding: 10px 8px; border-radius: 4px; margin: 0 6px; }"
            "#navigation::item:selected { background: #1e88e5; color: white; }"
            "#navigation::item:hover:!selected { background: #37474f; }"
        )
        style = self.style()
        entries = [
            (self.tr("接车"), QIcon.ThemeIcon.DocumentNew, QStyle.StandardPixmap.SP_FileDialogNewFolder),
            (self.tr("工单"), QIcon.ThemeIcon.EditFind, QStyle.StandardPixmap.SP_FileDialogDetailedView),
            (self.tr("工单详情/结算"), QIcon.ThemeIcon.DocumentProperties, QStyle.StandardPixmap.SP_FileDialogContentsView),
            (self.tr("设置"), QIcon.ThemeIcon.DocumentProperties, QStyle.StandardPixmap.SP_ComputerIcon),
        ]
        for text, theme, fallback in entries:
            icon = QIcon.fromTheme(theme) if QIcon.hasThemeIcon(theme) else style.standardIcon(fallback)
            item = QListWidgetItem(icon, text)
            item.setSizeHint(QSize(130, 48))
            nav.addItem(item)
        nav.item(AREA_EDITOR).setHidden(True)  # appears once an order is opened
        return nav

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = text.split("(&")[0]
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.new_intake_action = self._action(self.tr("新建接车(&N)"), "Ctrl+N", self._on_new_intake_action_triggered)
        self.find_action = self._action(self.tr("查找工单(&F)"), "Ctrl+F", self._on_find_action_triggered)
        self.refresh_action = self._action(self.tr("刷新(&R)"), "F5", self._on_refresh_action_triggered)
        self.quit_action = self._action(self.tr("退出(&X)"), "Ctrl+Q", self.close)
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.new_intake_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("工单(&O)"))
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.refresh_action)
        go_menu = bar.addMenu(self.tr("转到(&G)"))
        for area in range(self.nav.count()):
            action = self._action(self.nav.item(area).text(), f"Ctrl+{area + 1}", lambda _c=False, a=area: self._go(a))
            go_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self._action(self.tr("关于扳手(&A)"), "", self._on_about_action_triggered))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.shop_label = QLabel(self.tr("未设置维修企业"))
        self.training_label = QLabel(self.tr("培训模式"))
        self.training_label.setToolTip(self.tr("尚未配置省级电子健康档案系统：记录只上传到内置的练习服务器。"))
        self.training_label.setStyleSheet("color: #e65100; font-weight: bold; padding: 0 6px;")
        self.queue_label = QLabel(self.tr("待上传 …"))
        self.queue_label.setStyleSheet("padding: 0 6px;")
        bar.addWidget(self.shop_label, 1)
        bar.addPermanentWidget(self.training_label)
        bar.addPermanentWidget(self.queue_label)
        self.version_label = QLabel(f"v{__version__}")  # support asks for it first (issue 9)
        self.version_label.setStyleSheet("color: #78909c; padding: 0 6px;")
        bar.addPermanentWidget(self.version_label)

    # -- navigation --------------------------------------------------------------------------------------
    def _go(self, area: int) -> None:
        if self.nav.item(area).isHidden():
            return  # no order open yet
        self.nav.setCurrentRow(area)

    def open_order(self, order_id: int) -> None:
        """Show one order in the editor (from intake or from the list), never dropping unsaved edits."""
        self._leave_editor(lambda: self._show_order(order_id))

    def _show_order(self, order_id: int) -> None:
        self.editor_page.load(order_id)
        self.nav.item(AREA_EDITOR).setHidden(False)
        self.nav.setCurrentRow(AREA_EDITOR)

    def _leave_editor(self, proceed: Callable[[], None]) -> bool:
        """Run ``proceed`` once the editor's changes are saved or knowingly dropped; False if cancelled."""
        if not self.editor_page.is_dirty():
            proceed()
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("有未保存的修改"),
            self.tr("当前工单有未保存的修改。先保存吗？\n选“不保存”将丢弃这些修改。"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            self.editor_page.save(then=lambda _detail: proceed())  # a failed save shows why and stays
        elif answer == buttons.Discard:
            proceed()
        return answer != buttons.Cancel

    def _on_leave_confirmed(self) -> None:
        self._leaving_confirmed = True
        QTimer.singleShot(0, self.close)  # not from inside the closeEvent that asked

    def _on_nav_currentRowChanged(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    def _on_intake_page_order_opened(self, order_id: int) -> None:
        self.open_order(order_id)

    def _on_orders_page_order_activated(self, order_id: int) -> None:
        self.open_order(order_id)

    def _on_editor_page_order_changed(self, _order_id: int) -> None:
        self.orders_page.refresh()
        self.refresh_queue()

    def _on_new_intake_action_triggered(self) -> None:
        """Ctrl+N from elsewhere returns to the intake as it was left (a half-typed intake survives a
        look at the list); pressed on the intake screen itself, it clears it for the next car."""
        if self.stack.currentWidget() is self.intake_page:
            self.intake_page.reset()
        else:
            self._go(AREA_INTAKE)

    def _on_find_action_triggered(self) -> None:
        self._go(AREA_ORDERS)
        self.orders_page.focus_search()

    def _on_refresh_action_triggered(self) -> None:
        self.orders_page.refresh()
        self.refresh_queue()

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于扳手"),
            self.tr(
                "扳手 Banshou — 汽车维修企业前台与电子健康档案上传。\n\n"
                "界面字体：文泉驿微米黑 (WenQuanYi Micro Hei)，Apache-2.0 或 GPL-3+（含字体例外）许可；"
                "如系统已安装 Noto Sans CJK SC 则优先使用。"
            )
            + f"\n\n{describe()}\n\n{licence_lines()}",  # names and licence ids: data, not prose
        )

    # -- status bar --------------------------------------------------------------------------------------
    def _show_shop(self, info: ShopInfo | None) -> None:
        self.shop_label.setText(info.name if info else self.tr("未设置维修企业"))

    def _on_settings_page_shop_saved(self, info: ShopInfo) -> None:
        self._show_shop(info)

    def _on_settings_page_large_font_changed(self, large: bool) -> None:
        apply_app_font(large)

    def refresh_queue(self) -> None:
        """Re-read the outbox counts off the GUI thread (skipped while the previous read is running)."""
        if self._polling:
            return
        self._polling = True
        run_in_background(self, self._outbox.status, self._on_queue_status, self._on_queue_status_failed)

    def _on_queue_timer_timeout(self) -> None:
        self.refresh_queue()

    def _on_queue_status(self, status: OutboxStatus) -> None:
        self._polling = False
        text = self.tr("待上传 {0}").format(status.waiting)
        if status.rejected:
            text += self.tr(" · 被退回 {0}").format(status.rejected)
        colour = "#c62828" if status.needs_attention() else ("#37474f" if status.waiting else "#2e7d32")
        self.queue_label.setText(text)
        self.queue_label.setStyleSheet(f"padding: 0 6px; color: {colour};")
        tip = self.tr("待上传 {0}，上传中 {1}，已接收 {2}，被退回 {3}").format(
            status.pending, status.in_flight, status.done, status.rejected
        )
        if status.oldest_waiting_age is not None:
            tip += "\n" + self.tr("最早一条已等待 {0}").format(self._age_text(status.oldest_waiting_age))
        self.queue_label.setToolTip(tip)

    def _on_queue_status_failed(self, exc: BaseException) -> None:
        self._polling = False  # polled every few seconds: a message box each time would be a storm
        self.queue_label.setText(self.tr("待上传 ?"))
        self.queue_label.setToolTip(self.tr("暂时无法读取上传队列：{0}").format(message_for(exc)))

    def _age_text(self, age: timedelta) -> str:
        minutes = int(age.total_seconds() // 60)
        if minutes < 60:
            return self.tr("{0} 分钟").format(minutes)
        if minutes < 48 * 60:
            return self.tr("{0} 小时").format(minutes // 60)
        return self.tr("{0} 天").format(minutes // (24 * 60))

    # -- geometry ----------------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The last geometry on this PC, else the 1366×768 the screens are designed for."""
        saved = QSettings().value(GEOMETRY_KEY)
        if saved is None or not self.restoreGeometry(saved):
            self.resize(DESIGN_SIZE)

    def wants_maximized(self) -> bool:
        """True on a screen smaller than the design size (a 1366×768 laptop minus its taskbar), where a
        maximised window uses the space best; ``ui.app.main`` shows the window accordingly."""
        if QSettings().value(GEOMETRY_KEY) is not None:
            return self.isMaximized()
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return False
        available = screen.availableGeometry().size()
        return available.width() < DESIGN_SIZE.width() or available.height() < DESIGN_SIZE.height()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor_page.is_dirty() and not self._leaving_confirmed:
            event.ignore()  # asked first; closes again once saved or knowingly discarded
            self._leave_editor(self._on_leave_confirmed)
            return
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        self.orders_page.save_state()
        self._queue_timer.stop()
        super().closeEvent(event)
