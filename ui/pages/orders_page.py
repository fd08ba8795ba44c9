"""工单: the work-order list with state, date and text filters, newest first.

The first page and the row count of each filter are read off the GUI thread; later pages come through the
model's ``fetchMore`` as the user scrolls (see :mod:`ui.models.order_list_model`). Typing in the search box
is debounced so a plate typed character by character costs one query, not seven.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date
from app.services.dto import WorkOrderSummary
from app.services.order_list import OrderFilter
from ui.models.order_list_model import (
    COL_COSTLIST,
    COL_DUE,
    COL_INTAKE,
    COL_ORDER_NO,
    COL_OWNER,
    COL_PLATE,
    COL_STATE,
    COL_UPLOAD,
    SUMMARY_ROLE,
    OrderListModel,
    state_labels,
)
from ui.tasks import run_in_background

SEARCH_DEBOUNCE_MS = 200
HEADER_KEY = "orders_page/header_state"
DEFAULT_WIDTHS = {  # fill the ~1190 px next to the navigation at 1366×768; 上传 takes the rest
    COL_ORDER_NO: 130,
    COL_PLATE: 110,
    COL_OWNER: 150,
    COL_INTAKE: 150,
    COL_STATE: 100,
    COL_DUE: 120,
    COL_COSTLIST: 220,
    COL_UPLOAD: 100,
}


class BadgeDelegate(QStyledItemDelegate):
    """Draws a state as a rounded badge: the model's colours behind the model's text (never colour alone)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if not text or not isinstance(background, QColor):
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 16, option.rect.width() - 4)
        height = min(metrics.height() + 6, option.rect.height() - 4)
        badge = QRect(0, 0, width, height)
        badge.moveCenter(option.rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor(index.data(Qt.ItemDataRole.ForegroundRole) or option.palette.text().color()))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class OrdersView(QWidget):
    """Lays out the filter bar, the table and the empty-state message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("查找：车牌、结算清单编号、车架号尾号、车主或电话 (Ctrl+F)"))
        self.search.setMinimumWidth(330)
        self.state = QComboBox()
        self.state.addItem(self.tr("全部状态"), None)
        for code, text in state_labels().items():
            self.state.addItem(text, code)
        self.use_dates = QCheckBox(self.tr("送修日期"))
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.state)
        bar.addSpacing(12)
        bar.addWidget(self.use_dates)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("至")))
        bar.addWidget(self.date_to)
        bar.addStretch(1)
        bar.addWidget(self.count)

        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setToolTip(self.tr("双击或按 Enter 打开工单"))
        self.empty = QLabel(wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #616161; font-size: 16pt;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)


class OrdersPage(QWidget):
    """The work-order list screen. Emits ``order_activated(id)`` on double-click or Enter."""

    order_activated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, page_size: int | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.view = OrdersView(self)
        self.model = OrderListModel(ctx.order_list, page_size or 200, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        v = self.view
        v.table.setModel(self.model)
        badge = BadgeDelegate(v.table)
        v.table.setItemDelegateForColumn(COL_STATE, badge)
        v.table.setItemDelegateForColumn(COL_UPLOAD, badge)
        header = v.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in DEFAULT_WIDTHS.items():
            header.resizeSection(col, width)
        saved = QSettings().value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)
        today = local_date(ctx.clock.now())
        v.date_to.setDate(QDate(today))
        v.date_from.setDate(QDate(today - timedelta(days=30)))

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._save_header = QTimer(self, singleShot=True, interval=500)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self._save_header.timeout.connect(self._on_save_header_timeout)
        header.sectionResized.connect(self._on_header_sectionResized)
        v.search.textChanged.connect(self._on_search_textChanged)
        v.state.currentIndexChanged.connect(self._on_state_currentIndexChanged)
        v.use_dates.toggled.connect(self._on_use_dates_toggled)
        v.date_from.dateChanged.connect(self._on_date_from_dateChanged)
        v.date_to.dateChanged.connect(self._on_date_to_dateChanged)
        v.table.activated.connect(self._on_table_activated)
        self.refresh()

    # -- public ------------------------------------------------------------------------------------------
    def current_filter(self) -> OrderFilter:
        v = self.view
        state = v.state.currentData()
        date_from = date_to = None
        if v.use_dates.isChecked():
            date_from, date_to = _to_date(v.date_from.date()), _to_date(v.date_to.date())
        return OrderFilter(states=(state,) if state else (), date_from=date_from, date_to=date_to, text=v.search.text())

    def refresh(self) -> None:
        """Reload the first page and the count for the current filter (F5, or after an order changed)."""
        self._debounce.stop()
        f = self.current_filter()
        keep = self._selected_id()
        self.model.begin_loading(f)
        self.view.count.setText(self.tr("正在读取…"))
        run_in_background(self, lambda: self.model.first_page(f), lambda rows: self._on_first_page(f, rows, keep))
        run_in_background(self, lambda: self._ctx.order_list.count(f), lambda n: self._on_count(f, n))

    def focus_search(self) -> None:
        self.view.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.search.selectAll()

    def save_state(self) -> None:
        QSettings().setValue(HEADER_KEY, self.view.table.horizontalHeader().saveState())

    # -- results -----------------------------------------------------------------------------------------
    def _on_first_page(self, f: OrderFilter, rows: list[WorkOrderSummary], keep: int | None) -> None:
        if not self.model.reset_rows(f, rows):
            return  # the filter changed while this page was read
        v = self.view
        if rows:
            v.stack.setCurrentWidget(v.table)
            ids = [r.id for r in rows]
            v.table.selectRow(ids.index(keep) if keep in ids else 0)
            return
        if f == OrderFilter():
            v.empty.setText(self.tr("还没有工单。按 Ctrl+N 接车。"))
        else:
            v.empty.setText(self.tr("没有符合条件的工单。请修改查找内容或筛选条件。"))
        v.stack.setCurrentWidget(v.empty)

    def _on_count(self, f: OrderFilter, n: int) -> None:
        if f != self.model.order_filter:
            return
        self.view.count.setText(self.tr("共 {0} 张工单").format(f"{n:,}"))

    def _selected_id(self) -> int | None:
        index = self.view.table.currentIndex()
        summary = index.data(SUMMARY_ROLE) if index.isValid() else None
        return summary.id if summary else None

    # -- slots -------------------------------------------------------------------------------------------
    def _on_search_textChanged(self, _text: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self.refresh()

    def _on_state_currentIndexChanged(self, _index: int) -> None:
        self.refresh()

    def _on_use_dates_toggled(self, checked: bool) -> None:
        self.view.date_from.setEnabled(checked)
        self.view.date_to.setEnabled(checked)
        self.refresh()

    def _on_date_from_dateChanged(self, value: QDate) -> None:
        if value > self.view.date_to.date():
            self.view.date_to.setDate(value)  # refreshes through its own signal
        elif self.view.use_dates.isChecked():
            self.refresh()

    def _on_date_to_dateChanged(self, value: QDate) -> None:
        if value < self.view.date_from.date():
            self.view.date_from.setDate(value)
        elif self.view.use_dates.isChecked():
            self.refresh()

    def _on_table_activated(self, index: QModelIndex) -> None:
        summary = index.data(SUMMARY_ROLE)
        if summary is not None:
            self.order_activated.emit(summary.id)

    def _on_header_sectionResized(self, _col: int, _old: int, _new: int) -> None:
        self._save_header.start()

    def _on_save_header_timeout(self) -> None:
        self.save_state()


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())

