"""Open lists follow what other PCs (or a ``banshou sync`` process) write to the shared database.

Every :data:`POLL_MS` a timer asks :class:`app.live_changes.ChangeWatcher` — off the GUI thread, through
the shared pool (``ui/tasks.py``), never two polls at once — whether the data stamp or the schema moved.
Why polling and not LISTEN/NOTIFY is explained in :mod:`app.live_changes` and the README.

When the data changed:

- the work-order list reloads if it is on screen and showing its first page; if the clerk has scrolled
  further down, reloading would throw them back to the top, so the status bar says "按 F5 刷新" instead;
  a list that is not on screen reloads when it is shown next;
- the upload queue in the status bar and the sync page's numbers are re-read;
- the waste screen reloads if it is on screen (it reloads by itself whenever it is shown).

When the schema moved (another PC upgraded the database), a banner in the status bar asks this PC to
close and upgrade. A lost connection shows "正在重试" until a poll succeeds again.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

from app.ehr.overview import overview
from app.i18n import render
from app.live_changes import ChangeWatcher
from localdb.migrate import head_revision
from ui.tasks import run_in_background

log = logging.getLogger("banshou.ui.live")

POLL_MS = 2000


class LiveRefresh(QObject):
    """Polls for other clients' changes and refreshes the window's lists (installed by
    :func:`install_live_refresh`; a child of the window, so it stops when the window goes)."""

    def __init__(self, window: Any, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self._window = window
        self._watcher = ChangeWatcher(window._ctx.db)
        self._head = head_revision()
        self._busy = False
        self._orders_stale = False
        self.polls = 0  # completed polls (tests wait on it)
        self.label = QLabel()
        self.label.setStyleSheet("padding: 0 6px; color: #9a5b00;")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        window.nav.currentRowChanged.connect(self._on_nav_currentRowChanged)
        window.refresh_action.triggered.connect(self._on_refresh_action_triggered)

    def start(self) -> None:
        self.poll()  # the first poll only remembers the stamp
        self.timer.start()

    def poll(self) -> None:
        if self._busy:
            return  # a slow network: never pile polls up
        self._busy = True
        run_in_background(self._window, self._watcher.poll, self._on_polled, self._on_poll_failed)

    # -- results (GUI thread) ----------------------------------------------------------------------------
    def _on_polled(self, changed: tuple[bool, bool]) -> None:
        self._busy = False
        self.polls += 1
        data_changed, schema_changed = changed
        if schema_changed and self._watcher.revision != self._head:
            self._show(render("db.schema_moved"), "#c62828")
        elif self.label.text() == render("db.connection_lost"):
            self._show("")
        if data_changed:
            self._refresh_lists()

    def _on_poll_failed(self, exc: BaseException) -> None:
        self._busy = False
        log.info("change poll failed: %s", type(exc).__name__)
        self._show(render("db.connection_lost"))

    def _refresh_lists(self) -> None:
        w = self._window
        current = w.stack.currentWidget()
        orders = w.orders_page
        if current is orders and orders.model.rowCount() > orders.model.page_size:
            self._orders_stale = True
            self._show(QCoreApplication.translate("LiveRefresh", "其他电脑有新的修改，按 F5 刷新列表"))
        elif current is orders:
            orders.refresh()
        else:
            self._orders_stale = True
        w.refresh_queue()
        sync_page = getattr(w, "sync_page", None)
        if sync_page is not None:
            ctx = w._ctx
            run_in_background(sync_page, lambda: overview(ctx.db, ctx.clock), sync_page.show_overview, lambda _e: None)
        waste_page = getattr(w, "waste_page", None)
        if waste_page is not None and current is waste_page:
            waste_page.refresh()

    def _show(self, text: str, colour: str = "#9a5b00") -> None:
        self.label.setText(text)
        self.label.setStyleSheet(f"padding: 0 6px; color: {colour};")
        self.label.setVisible(bool(text))

    # -- slots ----------------------------------------------------------------------------------------------
    def _on_nav_currentRowChanged(self, _row: int) -> None:
        if self._orders_stale and self._window.stack.currentWidget() is self._window.orders_page:
            self._orders_stale = False
            self._clear_hint()
            self._window.orders_page.refresh()

    def _on_refresh_action_triggered(self) -> None:
        self._orders_stale = False  # F5 reloads the list itself (MainWindow)
        self._clear_hint()

    def _clear_hint(self) -> None:
        if self.label.text() not in ("", render("db.schema_moved")):
            self._show("")


def install_live_refresh(window: Any, interval_ms: int = POLL_MS) -> LiveRefresh:
    """Start following other clients' changes in ``window`` (called by ``ui.app.main``)."""
    live = LiveRefresh(window, interval_ms)
    window.live_refresh = live
    live.start()
    return live


__all__ = ["POLL_MS", "LiveRefresh", "install_live_refresh"]
