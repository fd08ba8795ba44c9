"""Puts the upload screens and the sync worker into the main window (kept here so the window's own module
only calls :func:`install_sync`).

Signals, all queued from the worker thread to the GUI thread:

- ``overview_changed`` → the sync page's numbers and list, and the status-bar queue indicator;
- ``row_state_changed`` → the work-order list reloads (coalesced: one reload per 400 ms at most), so a
  badge moves from 待上传 to 已接收 without the user doing anything;
- ``problem_changed`` / ``mode_changed`` → the sync page banner, the status bar and the window title;
- the editor's ``order_changed`` (e.g. settled) and 立即重试 wake the worker; saving the EHR settings
  rebuilds its engine; quitting the application stops it.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtWidgets import QListWidgetItem, QStyle

from ui.pages.ehr_settings_page import EhrSettingsPage
from ui.pages.sync_page import SyncPage
from ui.sync_worker import SyncWorker

LIST_RELOAD_MS = 400


def install_sync(window: Any, worker: SyncWorker | None) -> None:
    """Add 同步 and 电子健康档案 to the navigation; connect and start ``worker`` (None: pages only)."""
    ctx = window._ctx
    window.sync_page = SyncPage(ctx)
    window.ehr_settings_page = EhrSettingsPage(ctx)
    style = window.style()
    for page, text, icon in ((window.sync_page, QCoreApplication.translate("MainWindow", "同步"), QStyle.StandardPixmap.SP_BrowserReload),
                             (window.ehr_settings_page, QCoreApplication.translate("MainWindow", "电子健康档案"), QStyle.StandardPixmap.SP_DriveNetIcon)):  # fmt: skip
        window.stack.addWidget(page)
        item = QListWidgetItem(style.standardIcon(icon), text)
        item.setSizeHint(QSize(130, 48))
        window.nav.addItem(item)
    window.sync_page.open_order.connect(window.open_order)
    window.sync_worker = worker
    if worker is None:
        return
    reload_timer = QTimer(window, singleShot=True, interval=LIST_RELOAD_MS)
    reload_timer.timeout.connect(window.orders_page.refresh)
    window._sync_reload_timer = reload_timer
    worker.overview_changed.connect(window.sync_page.show_overview)
    worker.overview_changed.connect(lambda _view: window.refresh_queue())
    worker.row_state_changed.connect(lambda _change: reload_timer.start())
    worker.problem_changed.connect(window.sync_page.show_problem)
    worker.mode_changed.connect(window.sync_page.show_mode)
    base_title = window.windowTitle()
    worker.mode_changed.connect(lambda training: window.setWindowTitle(
        base_title + (QCoreApplication.translate("MainWindow", "（培训模式）") if training else "")))  # fmt: skip
    worker.mode_changed.connect(lambda training: window.shop_label.setToolTip(
        QCoreApplication.translate("MainWindow", "培训模式：记录只上传到本机模拟服务器") if training else ""))  # fmt: skip
    window.editor_page.order_changed.connect(lambda _id: worker.wake())
    window.sync_page.retry_requested.connect(worker.wake)
    window.ehr_settings_page.settings_saved.connect(worker.reconfigure)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(worker.shutdown)
    # The worker may already be gone when the window's destroyed signal arrives (it is the window's child).
    window.destroyed.connect(lambda *_: worker.shutdown() if shiboken6.isValid(worker) else None)
    worker.start()
