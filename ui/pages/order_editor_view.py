"""Layout of the work-order editor: who and what at the top, the state actions, three line tables, and
the live totals. Only widgets here; :mod:`ui.pages.order_editor` wires them to the services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.models.line_table import LineTableModel
from ui.widgets.form_helpers import FieldMessage, right_label, scaled_font
from ui.widgets.line_delegates import make_line_table

STATE_COLOURS = {
    "draft": "#607d8b",
    "in_repair": "#1565c0",
    "completed": "#00796b",
    "settled": "#2e7d32",
    "cancelled": "#b71c1c",
}


class LineSection(QWidget):
    """A titled line table with add/remove buttons; Insert adds a row and Ctrl+Delete removes the selection."""

    def __init__(self, title: str, model: LineTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = QLabel(title, self)
        self.title.setFont(scaled_font(self, 1.1, bold=True))
        self.add_button = QToolButton(self)
        self.add_button.setText(self.tr("＋ 添加一行"))
        self.add_button.setToolTip(self.tr("添加一行（Insert）"))
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("－ 删除所选"))
        self.remove_button.setToolTip(self.tr("删除所选行（Ctrl+Delete）"))
        self.table: QTableView = make_line_table(model, self)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        head.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.add_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        self.add_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_shortcut = QShortcut(QKeySequence("Ctrl+Delete"), self)
        self.remove_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})

    def set_editable(self, editable: bool) -> None:
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.add_shortcut.setEnabled(editable)
        self.remove_shortcut.setEnabled(editable)


class TotalsPanel(QFrame):
    """工时费, 材料费, 其他费用 and 合计, right-aligned with fen; 合计 large."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.labour = right_label("0.00", self)
        self.parts = right_label("0.00", self)
        self.other = right_label("0.00", self)
        self.gross = right_label("0.00", self)
        self.gross.setFont(scaled_font(self, 1.6, bold=True))
        rows = [
            (self.tr("工时费"), self.labour),
            (self.tr("材料费"), self.parts),
            (self.tr("其他费用"), self.other),
            (self.tr("合计（元）"), self.gross),
        ]
        for row, (text, value) in enumerate(rows):
            grid.addWidget(QLabel(text, self), row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)


class OrderEditorView(QWidget):
    """Header summary, action buttons, the three line sections and the totals."""

    def __init__(self, labour: LineTableModel, parts: LineTableModel, fees: LineTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.plate = QLabel(self)
        self.plate.setFont(scaled_font(self, 1.8, bold=True))
        self.state_badge = QLabel(self)
        self.state_badge.setFont(scaled_font(self, 1.0, bold=True))
        self.revision = QLabel(self)
        self.list_number = QLabel(self)
        self.list_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.fault = QLabel(self)
        self.fault.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #555;")
        self.message = FieldMessage(self)

        self.save_button = self._button(self.tr("保存"), "Ctrl+S")
        self.start_button = self._button(self.tr("开始维修"))
        self.complete_button = self._button(self.tr("完工"))
        self.cancel_button = self._button(self.tr("作废"))
        self.settle_button = self._button(self.tr("结算"), "F9")
        self.print_button = self._button(self.tr("打印/预览"), "Ctrl+P")
        self.correct_button = self._button(self.tr("更正"))
        self.settle_button.setDefault(False)

        self.labour = LineSection(self.tr("工时"), labour, self)
        self.parts = LineSection(self.tr("材料"), parts, self)
        self.fees = LineSection(self.tr("其他费用"), fees, self)
        self.totals = TotalsPanel(self)
        self._lay_out()

    def _button(self, text: str, keys: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        if keys:  # text first: setText() resets the shortcut to the text's mnemonic
            button.setText(f"{text} ({keys})")
            button.setToolTip(f"{text}（{keys}）")
            button.setShortcut(QKeySequence(keys))
        return button

    def _lay_out(self) -> None:
        title = QHBoxLayout()
        for widget in (self.plate, self.state_badge, self.revision, self.list_number):
            title.addWidget(widget)
        title.addStretch(1)
        title.addWidget(self.status)
        actions = QHBoxLayout()
        for button in (self.save_button, self.start_button, self.complete_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.correct_button, self.print_button, self.settle_button):
            actions.addWidget(button)

        bottom = QWidget(self)
        bottom_row = QHBoxLayout(bottom)
        bottom_row.setContentsMargins(0, 0, 0, 0)
        bottom_row.addWidget(self.fees, 3)
        bottom_row.addWidget(self.totals, 2)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.labour, 3), (self.parts, 4), (bottom, 2)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.indexOf(widget), stretch)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.fault)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def set_state_badge(self, text: str, state: str) -> None:
        """State as text and colour (never colour alone)."""
        colour = STATE_COLOURS.get(state, "#555")
        self.state_badge.setText(f" {text} ")
        self.state_badge.setStyleSheet(f"color: white; background: {colour}; border-radius: 3px; padding: 2px 6px;")
