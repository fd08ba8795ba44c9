"""Building blocks of the owner's dashboard: a big-number card with its change, and one table model for
the frozen dataclass rows the panels list (columns named once, the row object behind a custom role)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], object]
    width: int = 0  # 0: stretch


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: tuple[Any, ...] = ()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()].value(row)
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


def make_table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    apply_widths(view, model)
    return view


def apply_widths(view: QTableView, model: RowsModel) -> None:
    """Fixed widths for short columns, the rest stretch (again after a panel changes its columns)."""
    header = view.horizontalHeader()
    for i, column in enumerate(model.columns):
        if column.width:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(i, column.width)
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)


class Card(QFrame):
    """A big number, its caption and its change; clicking it emits ``clicked`` with the card's key."""

    clicked = Signal(str)

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: #ffffff; border: 1px solid #d8dde6; border-radius: 6px; }")
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555555; font-size: 10pt;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1f2d3d;")
        self.change = QLabel("")
        self.change.setStyleSheet("font-size: 9pt; color: #777777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        for w in (self.caption, self.value, self.change):
            layout.addWidget(w)
        self.setMinimumWidth(120)

    def show_value(self, text: str, change: float | None = None, note: str = "", *, higher_is_better: bool = True,
                   fmt: str = "{:+.2f}") -> None:  # fmt: skip
        self.value.setText(text)
        if change is None:
            self.change.setText(note)
            self.change.setStyleSheet("font-size: 9pt; color: #777777;")
            return
        good = (change >= 0) == higher_is_better
        arrow = "▲" if change > 0 else ("▼" if change < 0 else "＝")
        colour = "#2e7d32" if good or change == 0 else "#c62828"
        self.change.setText(f"{arrow} {fmt.format(change)} {note}".rstrip())
        self.change.setStyleSheet(f"font-size: 9pt; color: {colour};")

    def mousePressEvent(self, event: Any) -> None:
        self.clicked.emit(self.key)
        super().mousePressEvent(event)
