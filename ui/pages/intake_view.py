"""Layout of the intake page: one search box with results and the chosen car's visits on the left; on the
right the chosen car (or the 新车登记 form) and the intake form, with 开单 at the bottom. Widgets only."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.vehicle_models import ReadOnlyTableModel
from ui.pages.intake_forms import IntakeForm, VehicleForm
from ui.widgets.form_helpers import scaled_font

HINT_PAGE, VEHICLE_PAGE, NEW_VEHICLE_PAGE = range(3)


def _list_view(model: ReadOnlyTableModel, parent: QWidget, stretch: int) -> QTableView:
    """A read-only list; column ``stretch`` takes the spare width (the long text, not the last number)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class IntakeView(QWidget):
    def __init__(
        self, results_model: ReadOnlyTableModel, visits_model: ReadOnlyTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("查找车辆：车牌的一部分、车架号后几位或手机号"))
        self.search.setClearButtonEnabled(True)
        self.search.setFont(scaled_font(self, 1.3))
        self.search.setMinimumHeight(36)
        self.search_status = QLabel(self)
        self.search_status.setWordWrap(True)
        self.search_status.setStyleSheet("color: #555;")
        self.results = _list_view(results_model, self, stretch=2)
        self.new_vehicle_button = QPushButton(self.tr("新车登记(&N)"), self)
        self.new_vehicle_button.setToolTip(self.tr("搜索不到这辆车时再登记新车（Alt+N）"))
        self.visits_title = QLabel(self.tr("最近来店记录"), self)
        self.visits_title.setFont(scaled_font(self, 1.0, bold=True))
        self.visits = _list_view(visits_model, self, stretch=2)
        self.visits.setToolTip(self.tr("双击未结算的记录可以直接打开那张工单"))

        self.hint = QLabel(self.tr("先在左侧搜索这辆车。\n找不到再点“新车登记”，避免同一辆车登记两次。"), self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #666;")
        self.vehicle_card = QLabel(self)
        self.vehicle_card.setWordWrap(True)
        self.vehicle_card.setTextFormat(Qt.TextFormat.RichText)
        self.vehicle_card.setFrameShape(QFrame.Shape.StyledPanel)
        self.vehicle_card.setMargin(8)
        self.vehicle_form = VehicleForm(parent=self)
        self.vehicle_pages: tuple[QWidget, ...] = (self.hint, self.vehicle_card, self.vehicle_form)
        self.intake_form = IntakeForm(self)
        self.open_button = QPushButton(self.tr("开单 (Ctrl+Enter)"), self)
        self.open_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.open_button.setFont(scaled_font(self, 1.15, bold=True))
        self.open_button.setMinimumHeight(36)
        self.busy = QLabel(self)
        self.busy.setStyleSheet("color: #555;")
        self.current_vehicle_page = HINT_PAGE
        self._lay_out()
        self._set_tab_order()
        self.show_vehicle_page(HINT_PAGE)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.search_status)
        left.addWidget(self.results, 3)
        left.addWidget(self.new_vehicle_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.visits_title)
        left.addWidget(self.visits, 2)

        right_box = QWidget(self)
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, 0, 0)
        for widget in self.vehicle_pages:
            right.addWidget(widget)
        right.addWidget(self.intake_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addWidget(self.open_button)
        right.addLayout(buttons)
        right.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(right_box)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 5)
        layout.addWidget(scroll, 6)

    def _set_tab_order(self) -> None:
        chain = [
            self.search,
            self.results,
            self.new_vehicle_button,
            *self.vehicle_form.fields(),
            *self.intake_form.fields(),
            self.open_button,
            self.visits,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def show_vehicle_page(self, page: int) -> None:
        """Hint, chosen car or new-vehicle form; hidden ones take no space, so the intake form moves up."""
        for index, widget in enumerate(self.vehicle_pages):
            widget.setVisible(index == page)
        self.current_vehicle_page = page
