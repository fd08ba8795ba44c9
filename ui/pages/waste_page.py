"""危废台账: the hazardous-waste screen. Tabs in the order a shop uses them: the technician's 现场登记
first (the one used every day, with big buttons), then stock and handoffs, collectors, alerts, reports.

Every tab reads and writes through ``ctx.waste`` off the GUI thread; a save on one tab refreshes the
others (stock after an entry, alerts after a handoff). ``alerts_changed(critical, warn)`` lets the main
window put a count in its status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from app.context import AppContext
from app.security.permissions import Perm
from ui.pages.waste_admin import AlertsPanel, CollectorsPanel, ReportsPanel
from ui.pages.waste_entry import WasteEntryPanel
from ui.pages.waste_stock import WasteStockPanel
from ui.pages.waste_widgets import kind_icon

TAB_ENTRY, TAB_STOCK, TAB_COLLECTORS, TAB_ALERTS, TAB_REPORTS = range(5)


class WastePage(QWidget):
    alerts_changed = Signal(int, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.entry = WasteEntryPanel(ctx)
        self.stock = WasteStockPanel(ctx)
        self.collectors = CollectorsPanel(ctx)
        self.alerts = AlertsPanel(ctx)
        self.reports = ReportsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 36px; padding: 4px 16px; font-size: 12pt; }")
        self.tabs.addTab(self.entry, self.tr("现场登记"))
        self.tabs.addTab(self.stock, self.tr("库存与转移"))
        self.tabs.addTab(self.collectors, self.tr("收集单位"))
        self.tabs.addTab(self.alerts, self.tr("提醒"))
        self.tabs.addTab(self.reports, self.tr("报表导出"))
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #9a5b00; background: #fff4e0; padding: 4px 8px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        self.entry.entry_saved.connect(self._on_entry_entry_saved)
        self.stock.changed.connect(self._on_stock_changed)
        self.collectors.changed.connect(self._on_collectors_changed)
        self.alerts.counted.connect(self._on_alerts_counted)
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        self.refresh()

    def refresh(self) -> None:
        if not self._ctx.guard.can(Perm.WASTE):
            return  # not this role's screen (ui/session.py hides it); it reloads when shown to someone who may
        for panel in (self.entry, self.stock, self.collectors, self.alerts):
            panel.reload()
        cat = self._ctx.waste.ledger.catalogue  # the data file is read once per process: cheap
        self.banner.setText(self.tr("危废代码依据 {0}（数据版本 {1}）。{2}").format(
            cat().edition, cat().version, cat().check_required))  # fmt: skip

    def _on_entry_entry_saved(self) -> None:
        self.stock.reload()
        self.alerts.reload()

    def _on_stock_changed(self) -> None:
        self.entry.reload()
        self.alerts.reload()

    def _on_collectors_changed(self) -> None:
        self.stock.reload()
        self.alerts.reload()

    def _on_alerts_counted(self, critical: int, warn: int) -> None:
        self.alerts_changed.emit(critical, warn)
        text = self.tr("提醒")
        self.tabs.setTabText(TAB_ALERTS, f"{text}（{critical + warn}）" if critical + warn else text)

    def _on_tabs_currentChanged(self, index: int) -> None:
        if index == TAB_ALERTS:
            self.alerts.reload()


def install_waste(window: Any) -> WastePage:
    """Add 危废台账 to the main window: navigation entry, page, a status-bar alert count, and a refresh of
    the expected-waste list whenever a work order changes (kept here so the window's module only calls it)."""
    page = WastePage(window._ctx)
    window.waste_page = page
    window.stack.addWidget(page)
    item = QListWidgetItem(kind_icon("battery", 28), QCoreApplication.translate("MainWindow", "危废台账"))
    item.setSizeHint(QSize(130, 48))
    window.nav.addItem(item)
    label = QLabel()
    label.setStyleSheet("padding: 0 6px;")
    window.statusBar().addPermanentWidget(label)

    def show_count(critical: int, warn: int) -> None:
        colour = "#c62828" if critical else ("#9a5b00" if warn else "#2e7d32")
        label.setText(QCoreApplication.translate("MainWindow", "危废提醒 {0}").format(critical + warn) if critical + warn else QCoreApplication.translate("MainWindow", "危废正常"))
        label.setStyleSheet(f"padding: 0 6px; color: {colour};")

    page.alerts_changed.connect(show_count)
    window.editor_page.order_changed.connect(lambda _id: page.entry.reload())
    window.nav.currentRowChanged.connect(lambda _row: page.refresh() if window.stack.currentWidget() is page else None)
    return page
