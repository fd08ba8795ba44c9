"""经营看板: the owner's screen — what owners say (ratings and follow-ups), whether the shop is compliant
(uploads), and what the business is doing, each leading with a few large numbers and their change, then
charts, then the lists behind them (ux.md). Every query, import, export and fetch runs off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date
from app.domain.errors import DomainError
from app.ehr.connection import load_settings
from app.ratings.aggregate import RatingsDashboard
from app.ratings.business import BusinessPanel
from app.ratings.compliance import CompliancePanel
from app.ratings.period import add_months, month_start
from ui.dialogs.owner_common import ask_unmasked
from ui.dialogs.ratings_import_dialog import RatingsImportDialog
from ui.pages.dashboard_ops import BusinessPanelView, CompliancePanelView
from ui.pages.dashboard_ratings import FollowupPanel, RatingsPanel
from ui.tasks import run_in_background

PERIODS = (("this_month", "本月"), ("last_month", "上月"), ("quarter", "近三个月"), ("year", "今年"),
           ("last_12", "近十二个月"))  # fmt: skip
TAB_RATINGS, TAB_FOLLOWUP, TAB_COMPLIANCE, TAB_BUSINESS = range(4)


def period_bounds(key: str, today: date) -> tuple[date, date]:
    """``[start, end)`` in shop-local days for a period choice; "this month" ends tomorrow (so far)."""
    this = month_start(today)
    return {
        "this_month": (this, add_months(this, 1)),
        "last_month": (add_months(this, -1), this),
        "quarter": (add_months(this, -2), add_months(this, 1)),
        "year": (date(today.year, 1, 1), date(today.year + 1, 1, 1)),
        "last_12": (add_months(this, -11), add_months(this, 1)),
    }[key]


@dataclass(frozen=True)
class DashboardData:
    ratings: RatingsDashboard
    compliance: CompliancePanel
    business: BusinessPanel


class DashboardView(QWidget):
    """Widgets only: the period bar, the action buttons and the four tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox()
        for key, text in PERIODS:
            self.period.addItem(self.tr(text), key)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.import_button = QPushButton(self.tr("导入评价…"))
        self.fetch_button = QPushButton(self.tr("获取新评价"))
        self.excel_button = QPushButton(self.tr("导出 Excel"))
        self.pdf_button = QPushButton(self.tr("月报 PDF"))
        self.status = QLabel()
        self.status.setStyleSheet("color: #666666;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计期间")))
        bar.addWidget(self.period)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        for button in (self.import_button, self.fetch_button, self.excel_button, self.pdf_button):
            bar.addWidget(button)
        self.ratings = RatingsPanel()
        self.followup = FollowupPanel()
        self.compliance = CompliancePanelView()
        self.business = BusinessPanelView()
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 30px; padding: 2px 14px; font-size: 11pt; }")
        self.tabs.addTab(self.ratings, self.tr("车主评价"))
        self.tabs.addTab(self.followup, self.tr("回访与人员"))
        self.tabs.addTab(self.compliance, self.tr("上传合规"))
        self.tabs.addTab(self.business, self.tr("经营分析"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)


class DashboardPage(DashboardView):
    loaded = Signal()  # after every refresh that reached the screen (tests wait on it)

    def __init__(self, ctx: AppContext, fetch_now: Any = None, parent: QWidget | None = None) -> None:
        """``fetch_now``: a callable asking the sync worker for a ratings fetch (None hides the button)."""
        super().__init__(parent)
        self._ctx = ctx
        self._fetch_now = fetch_now
        self._generation = 0
        self._pending: dict[str, object] = {}
        self.data: DashboardData | None = None
        self.fetch_button.setVisible(fetch_now is not None)
        self.period.currentIndexChanged.connect(self._on_period_currentIndexChanged)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.fetch_button.clicked.connect(self._on_fetch_button_clicked)
        self.excel_button.clicked.connect(self._on_excel_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.followup.followup_requested.connect(self._on_followup_followup_requested)
        self.compliance.list_requested.connect(self._on_compliance_list_requested)
        self.business.granularity_changed.connect(self._on_business_granularity_changed)

    def bounds(self) -> tuple[date, date]:
        return period_bounds(self.period.currentData(), local_date(self._ctx.clock.now()))

    def refresh(self) -> None:
        """Reload the three panels for the chosen period as three parallel background jobs (each shows
        as soon as it lands); a slower earlier load is dropped when it lands."""
        self._generation += 1
        generation = self._generation
        start, end = self.bounds()
        granularity = self.business.granularity.currentData() or "month"
        service = self._ctx.ratings
        self._pending = {"ratings": None, "compliance": None, "business": None}
        self.status.setText(self.tr("正在统计…"))
        jobs = {
            "ratings": lambda: service.dashboard(start, end),
            "compliance": lambda: service.compliance(start, end),
            "business": lambda: service.business(start, end, granularity),
        }
        for key, job in jobs.items():
            run_in_background(self, job, lambda result, key=key: self._on_part_loaded(generation, key, result),
                              lambda exc: self.status.setText(str(exc)))  # fmt: skip

    def _on_part_loaded(self, generation: int, key: str, result: object) -> None:
        if generation != self._generation:
            return
        self._pending[key] = result
        if key == "ratings" and isinstance(result, RatingsDashboard):
            self.ratings.show_dashboard(result)
            self.followup.show_dashboard(result)
        elif key == "compliance" and isinstance(result, CompliancePanel):
            self.compliance.show_panel(result)
        elif key == "business" and isinstance(result, BusinessPanel):
            self.business.show_panel(result)
        ratings, compliance, business = (self._pending[k] for k in ("ratings", "compliance", "business"))
        if isinstance(ratings, RatingsDashboard) and isinstance(compliance, CompliancePanel) \
                and isinstance(business, BusinessPanel):  # fmt: skip
            self.data = DashboardData(ratings, compliance, business)
            self.status.setText(self.tr("{0} 至 {1}").format(ratings.start.isoformat(), ratings.end.isoformat()))
            self.loaded.emit()

    # -- slots -------------------------------------------------------------------------------------

    def _on_period_currentIndexChanged(self, _index: int) -> None:
        self.refresh()

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_business_granularity_changed(self, _key: str) -> None:
        self.refresh()

    def _on_import_button_clicked(self) -> None:
        dialog = RatingsImportDialog(self._ctx.ratings, self)
        if dialog.exec() and dialog.result is not None:
            r = dialog.result
            self.status.setText(self.tr("已导入 {0} 条评价（{1} 条已对应工单，{2} 条以前已导入）").format(r.added, r.linked, r.skipped))
            self.refresh()

    def _on_fetch_button_clicked(self) -> None:
        if self._fetch_now is not None:
            self._fetch_now()
            self.status.setText(self.tr("已请求获取新评价，稍后刷新"))

    def _on_followup_followup_requested(self, rating_id: int, note: str, close: bool) -> None:
        service = self._ctx.ratings
        run_in_background(self, lambda: service.record_followup(rating_id, note, close=close), lambda _r: self.refresh())

    def _on_compliance_list_requested(self, key: str) -> None:
        start, end = self.bounds()
        service = self._ctx.ratings
        run_in_background(self, lambda: service.compliance_list(start, end, key),
                          lambda rows: self.compliance.show_rows(key, rows))  # fmt: skip

    def _on_excel_button_clicked(self) -> None:
        data = self.data
        if data is None:
            return
        index = self.tabs.currentIndex()
        name = {TAB_COMPLIANCE: "上传合规", TAB_BUSINESS: "经营分析"}.get(index, "车主评价")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出 Excel"), f"{name}_{data.ratings.start}.xlsx", "Excel (*.xlsx)")
        if path:
            start, end = self.bounds()
            unmasked = index not in (TAB_COMPLIANCE, TAB_BUSINESS) and ask_unmasked(self, self._ctx)  # owners' names
            run_in_background(self, lambda: self.write_excel(Path(path), index, data, start, end, unmasked),
                              lambda _r: self.status.setText(self.tr("已导出 {0}").format(path)))  # fmt: skip

    def write_excel(self, path: Path, tab: int, data: DashboardData, start: date, end: date,
                    unmasked: bool = False) -> None:  # fmt: skip
        """The current tab's workbook (runs off the GUI thread; the compliance lists are read there), made
        by the ratings service, which checks the permission, masks owners and records the export."""
        service = self._ctx.ratings
        if tab == TAB_COMPLIANCE:
            path.write_bytes(service.compliance_excel(start, end, data.compliance))
        elif tab == TAB_BUSINESS:
            path.write_bytes(service.business_excel(data.business))
        else:
            path.write_bytes(service.ratings_excel(data.ratings, unmasked=unmasked))

    def _on_pdf_button_clicked(self) -> None:
        start = month_start(self.bounds()[0])
        path, _ = QFileDialog.getSaveFileName(self, self.tr("月报 PDF"), f"月报_{start:%Y-%m}.pdf", "PDF (*.pdf)")
        if path:
            run_in_background(self, lambda: Path(path).write_bytes(self.monthly_pdf(start)),
                              lambda _r: self.status.setText(self.tr("已保存 {0}").format(path)))  # fmt: skip

    def monthly_pdf(self, month: date) -> bytes:
        """The one-page report for the calendar month of ``month`` (off the GUI thread)."""
        shop = self._ctx.shop.get()
        return self._ctx.ratings.monthly_pdf(shop.name if shop else "", month, add_months(month, 1))


def install_dashboard(window: Any) -> DashboardPage:
    """Add 经营看板 to the main window: navigation entry and page; refreshed whenever it is shown.
    The sync worker (when there is one) fetches ratings; the page's button only asks it to do so now."""
    try:  # the province's dimension set and export columns (default: the notice's five)
        profile = load_settings(window._ctx.db).resolve()
        window._ctx.ratings.use_profile_dimensions(profile.ratings_dimensions, profile.ratings_columns)
    except DomainError:
        pass  # no usable EHR settings yet: keep the default set
    worker = getattr(window, "sync_worker", None)
    poller = getattr(worker, "ratings_poller", None)
    fetch_now = None
    if poller is not None:
        def fetch_now() -> None:
            poller.request_now()
            worker.wake()
    page = DashboardPage(window._ctx, fetch_now)
    window.dashboard_page = page
    window.stack.addWidget(page)
    item = QListWidgetItem(window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView), QCoreApplication.translate("MainWindow", "经营看板"))
    item.setSizeHint(QSize(130, 48))
    window.nav.addItem(item)
    window.nav.currentRowChanged.connect(lambda _row: page.refresh() if window.stack.currentWidget() is page else None)
    return page
