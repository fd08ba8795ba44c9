"""Pieces shared by the owner-service screens and dialogs: read-only tables, the work-order picker, and
"save these bytes" off the GUI thread. One place, so the three screens behave alike."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.workorder import State
from app.i18n import render
from app.security.permissions import Perm
from app.services.dto import WorkOrderSummary
from app.services.order_list import OrderFilter
from ui.tasks import run_in_background


def read_only_table(headers: Sequence[str], stretch: int = -1) -> QTableWidget:
    """A sortable, row-selecting table; column ``stretch`` takes the spare width (the last by default)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    return table


def fill_rows(
    table: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[str | None] = (), right: Sequence[int] = ()
) -> None:
    """Replace the table's rows; ``colours`` tints a row's first cell (a badge with text, never colour alone)."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and r < len(colours) and colours[r]:
                item.setForeground(QColor(colours[r]))
            table.setItem(r, c, item)


def ask_save_path(parent: QWidget, caption: str, name: str, pattern: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, name, pattern)
    return path


def ask_unmasked(parent: QWidget, ctx: AppContext) -> bool:
    """Whether an export should carry owners' full names and phones: an explicit choice, asked only of a
    role that may see them (everyone else gets the masked file without a question); "No" is the default."""
    if not ctx.guard.can(Perm.VIEW_CONTACTS):
        return False
    answer = QMessageBox.question(parent, render("privacy.export_unmasked_title"),
                                  render("privacy.export_unmasked_question"),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def save_bytes(parent: QWidget, path: str, make: Callable[[], bytes], done: Callable[[str], None]) -> None:
    """Build the document off the GUI thread, write it, then call ``done(path)`` on the GUI thread."""

    def job() -> str:
        Path(path).write_bytes(make())
        return path

    run_in_background(parent, job, done)


class OrderPicker(QWidget):
    """Find a work order by plate, order number, list number or owner, as the clerk types."""

    picked = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[WorkOrderSummary] = []
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("车牌、结算清单编号、车主或电话"))
        self.choice = QComboBox()
        self.choice.setMinimumWidth(360)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.choice, 2)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textChanged.connect(self._on_search_textChanged)
        self.choice.currentIndexChanged.connect(self._on_choice_currentIndexChanged)

    def selected_id(self) -> int | None:
        i = self.choice.currentIndex()
        return self._rows[i].id if 0 <= i < len(self._rows) else None

    def find(self, text: str) -> None:
        """Search now (tests and callers that already know the text)."""
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)
        self._on_debounce_timeout()

    def _on_search_textChanged(self, _text: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        text, ctx = self.search.text().strip(), self._ctx
        wanted = tuple(s.value for s in State if s != State.CANCELLED)
        run_in_background(self, lambda: ctx.order_list.page(OrderFilter(states=wanted, text=text), limit=30), self._show)

    def _show(self, rows: list[WorkOrderSummary]) -> None:
        self._rows = rows
        self.choice.blockSignals(True)
        self.choice.clear()
        for r in rows:
            self.choice.addItem(f"{r.order_no}  {r.plate}  {r.owner_name}  {to_local(r.intake_at):%Y-%m-%d}")
        self.choice.blockSignals(False)
        if rows:
            self.choice.setCurrentIndex(0)
            self.picked.emit(rows[0].id)

    def _on_choice_currentIndexChanged(self, _index: int) -> None:
        picked = self.selected_id()
        if picked is not None:
            self.picked.emit(picked)
