"""The work-order list as a Qt table model that pages through :class:`OrderListService` on demand.

Why keyset paging through ``canFetchMore``/``fetchMore``: a shop accumulates hundreds of thousands of
orders, and the view asks for more rows only when the user scrolls near the end, so the list never loads
everything. One page (about 200 rows) is a millisecond-scale indexed query, cheap enough to run inside
``fetchMore``; the first page of a new filter is loaded off-thread by the page and handed in with
:meth:`OrderListModel.reset_rows`, so typing in the search box never waits for the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.clock import to_local
from app.domain.money import format_yuan
from app.domain.workorder import State
from app.services.dto import WorkOrderSummary
from app.services.order_list import OrderFilter, OrderListService

PAGE_SIZE = 200

COL_ORDER_NO = 0
COL_PLATE = 1
COL_OWNER = 2
COL_INTAKE = 3
COL_STATE = 4
COL_DUE = 5
COL_COSTLIST = 6
COL_UPLOAD = 7
COLUMN_COUNT = 8

SUMMARY_ROLE = Qt.ItemDataRole.UserRole  # the row's WorkOrderSummary
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # state / upload state code of a badge column, else None

# Badge colours (text, background). Text is always shown too: colour is never the only signal.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    State.DRAFT: ("#455a64", "#eceff1"),
    State.IN_REPAIR: ("#0d47a1", "#e3f2fd"),
    State.COMPLETED: ("#e65100", "#fff3e0"),
    State.SETTLED: ("#1b5e20", "#e8f5e9"),
    State.CANCELLED: ("#757575", "#f5f5f5"),
}
UPLOAD_COLOURS: dict[str, tuple[str, str]] = {
    "pending": ("#455a64", "#eceff1"),
    "in_flight": ("#0d47a1", "#e3f2fd"),
    "done": ("#1b5e20", "#e8f5e9"),
    "rejected": ("#b71c1c", "#ffebee"),
    "superseded": ("#6a1b9a", "#f3e5f5"),
}


translate = QCoreApplication.translate  # literal calls below, so lupdate finds every string


def state_labels() -> dict[str, str]:
    """Work-order state → the word the shop uses (translated)."""
    return {
        State.DRAFT: translate("OrderListModel", "草稿"),
        State.IN_REPAIR: translate("OrderListModel", "维修中"),
        State.COMPLETED: translate("OrderListModel", "已完工"),
        State.SETTLED: translate("OrderListModel", "已结算"),
        State.CANCELLED: translate("OrderListModel", "已作废"),
    }


def upload_labels() -> dict[str, str]:
    """Outbox state of the order's record → queued / sending / accepted / rejected / corrected."""
    return {
        "pending": translate("OrderListModel", "待上传"),
        "in_flight": translate("OrderListModel", "上传中"),
        "done": translate("OrderListModel", "已接收"),
        "rejected": translate("OrderListModel", "被退回"),
        "superseded": translate("OrderListModel", "已更正"),
    }


def column_titles() -> list[str]:
    return [
        translate("OrderListModel", "工单号"),
        translate("OrderListModel", "车牌"),
        translate("OrderListModel", "车主"),
        translate("OrderListModel", "送修时间"),
        translate("OrderListModel", "状态"),
        translate("OrderListModel", "应付金额"),
        translate("OrderListModel", "结算清单编号"),
        translate("OrderListModel", "上传"),
    ]


class OrderListModel(QAbstractTableModel):
    """Rows of :class:`WorkOrderSummary`, newest first, for one :class:`OrderFilter` at a time."""

    def __init__(self, service: OrderListService, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = page_size
        self._filter = OrderFilter()
        self._rows: list[WorkOrderSummary] = []
        self._loaded = False  # the first page of the current filter has arrived
        self._exhausted = False
        self._titles = column_titles()
        self._states = state_labels()
        self._uploads = upload_labels()

    # -- state -------------------------------------------------------------------------------------------
    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def page_size(self) -> int:
        return self._page_size

    def first_page(self, f: OrderFilter) -> list[WorkOrderSummary]:
        """The first page of ``f`` (safe to call from a worker thread: the service opens its own session)."""
        return self._service.page(f, None, self._page_size)

    def begin_loading(self, f: OrderFilter) -> None:
        """Forget the rows of the old filter; nothing is fetched until :meth:`reset_rows` arrives."""
        self.beginResetModel()
        self._filter = f
        self._rows = []
        self._loaded = False
        self._exhausted = False
        self.endResetModel()

    def reset_rows(self, f: OrderFilter, rows: list[WorkOrderSummary]) -> bool:
        """Show the first page of ``f``. Ignored (returns False) if the filter changed meanwhile."""
        if f != self._filter:
            return False
        self.beginResetModel()
        self._rows = list(rows)
        self._loaded = True
        self._exhausted = len(rows) < self._page_size
        self.endResetModel()
        return True

    def summary(self, row: int) -> WorkOrderSummary:
        return self._rows[row]

    # -- paging ------------------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self._rows:
            return
        cursor = OrderListService.cursor_after(self._rows[-1])
        more = self._service.page(self._filter, cursor, self._page_size)
        self._exhausted = len(more) < self._page_size
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- table -------------------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == COL_DUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == SUMMARY_ROLE:
            return row
        if role == CODE_ROLE:
            return self._code(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_DUE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col in (COL_STATE, COL_UPLOAD):
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = self._badge_colours(row, col)
            if colours is None:
                return QColor("#9e9e9e") if role == Qt.ItemDataRole.ForegroundRole and row.state == State.CANCELLED else None
            return QColor(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1])
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PLATE:  # the list has no VIN column
            return translate("OrderListModel", "车架号：{0}").format(row.vin)
        return None

    def _text(self, row: WorkOrderSummary, col: int) -> str:
        if col == COL_ORDER_NO:
            if row.revision <= 1:
                return row.order_no
            return translate("OrderListModel", "{0}（第{1}版）").format(row.order_no, row.revision)
        if col == COL_PLATE:
            return row.plate
        if col == COL_OWNER:
            return row.owner_name
        if col == COL_INTAKE:
            return to_local(row.intake_at).strftime("%Y-%m-%d %H:%M")
        if col == COL_STATE:
            return self._states.get(row.state, row.state)
        if col == COL_DUE:
            return format_yuan(row.due_fen)
        if col == COL_COSTLIST:
            return row.costlistcode or ""
        if col == COL_UPLOAD:
            return self._uploads.get(row.upload_state, row.upload_state) if row.upload_state else ""
        return ""

    @staticmethod
    def _code(row: WorkOrderSummary, col: int) -> str | None:
        if col == COL_STATE:
            return row.state
        if col == COL_UPLOAD:
            return row.upload_state
        return None

    @staticmethod
    def _badge_colours(row: WorkOrderSummary, col: int) -> tuple[str, str] | None:
        if col == COL_STATE:
            return STATE_COLOURS.get(row.state)
        if col == COL_UPLOAD and row.upload_state:
            return UPLOAD_COLOURS.get(row.upload_state)
        return None
