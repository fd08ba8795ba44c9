"""同步 (upload) screen: where every record stands, and what a person must do about the few that are stuck.

Large numbers per state first (the owner glances at them), then the oldest waiting record and the last
success, then the list of rejected / needing-attention records with the reason in plain words. The page
never reads the database itself: it shows the :class:`SyncOverview` the sync worker emits, and its
buttons run their small writes through :func:`ui.tasks.run_in_background`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.errors import DomainError
from app.ehr import outbox
from app.ehr.overview import ProblemRow, SyncOverview
from ui.tasks import run_in_background

COLUMNS = ("结算清单编号", "车牌", "状态", "原因", "已尝试")


class SyncPageView(QWidget):
    """Widgets only; :class:`SyncPage` wires them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        title = QLabel(self.tr("电子健康档案上传"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.mode_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b71c1c; background: #ffebee; padding: 6px; border-radius: 4px;")
        self.problem_label.hide()
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.mode_label)
        outer.addLayout(head)
        outer.addWidget(self.problem_label)

        grid = QGridLayout()
        self.numbers: dict[str, QLabel] = {}
        tiles = (("pending", self.tr("待上传"), "#37474f"), ("in_flight", self.tr("上传中"), "#1565c0"),
                 ("done", self.tr("已接收"), "#2e7d32"), ("rejected", self.tr("被退回"), "#c62828"),
                 ("attention", self.tr("需关注"), "#ef6c00"))  # fmt: skip
        for col, (key, text, colour) in enumerate(tiles):
            tile = QFrame()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            box = QVBoxLayout(tile)
            number = QLabel("0")
            font = QFont(number.font())
            font.setPointSize(26)
            font.setBold(True)
            number.setFont(font)
            number.setStyleSheet(f"color: {colour};")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(text)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(number)
            box.addWidget(caption)
            grid.addWidget(tile, 0, col)
            self.numbers[key] = number
        outer.addLayout(grid)

        facts = QHBoxLayout()
        self.oldest_label = QLabel()
        self.last_success_label = QLabel()
        facts.addWidget(self.oldest_label)
        facts.addSpacing(24)
        facts.addWidget(self.last_success_label)
        facts.addStretch(1)
        outer.addLayout(facts)

        outer.addWidget(QLabel(self.tr("需要处理的记录（被退回，或等待超过 24 小时）")))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in (0, 1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        outer.addWidget(self.table, 1)
        self.empty_label = QLabel(self.tr("没有需要处理的记录。结算后记录会自动上传。"))
        self.empty_label.setStyleSheet("color: #2e7d32;")
        outer.addWidget(self.empty_label)

        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("立即重试"))
        self.retry_button.setToolTip(self.tr("等待中的记录马上再试一次"))
        self.open_button = QPushButton(self.tr("打开工单"))
        self.fix_button = QPushButton(self.tr("更正后重新上传"))
        self.fix_button.setToolTip(self.tr("建立这张工单的更正版本；改好后再次结算即自动上传"))
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.fix_button)
        outer.addLayout(buttons)


class SyncPage(QWidget):
    open_order = Signal(int)
    retry_requested = Signal()  # the worker should look at the queue now

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._rows: list[ProblemRow] = []
        self.view = SyncPageView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.retry_button.clicked.connect(self._on_retry_button_clicked)
        self.view.open_button.clicked.connect(self._on_open_button_clicked)
        self.view.fix_button.clicked.connect(self._on_fix_button_clicked)
        self.view.table.itemSelectionChanged.connect(self._update_buttons)
        self.view.table.doubleClicked.connect(lambda _i: self._on_open_button_clicked())
        self._update_buttons()

    # -- fed by the worker ---------------------------------------------------------------------------

    def show_overview(self, view: SyncOverview) -> None:
        st = view.status
        for key, value in (("pending", st.pending), ("in_flight", st.in_flight), ("done", st.done),
                           ("rejected", len([p for p in view.problems if p.kind == "rejected"])),
                           ("attention", view.attention)):  # fmt: skip
            self.view.numbers[key].setText(f"{value:,}")
        if st.oldest_waiting_age is None:
            self.view.oldest_label.setText(self.tr("没有等待上传的记录"))
        else:
            self.view.oldest_label.setText(self.tr("最早一条已等待：{0}").format(age_text(st.oldest_waiting_age)))
        self.view.last_success_label.setText(
            self.tr("最近一次上传成功：{0}").format(self._when(view.last_success_at))
        )
        self._fill(list(view.problems))

    def show_problem(self, text: str) -> None:
        self.view.problem_label.setText(text)
        self.view.problem_label.setVisible(bool(text))

    def show_mode(self, training: bool) -> None:
        self.view.mode_label.setText(self.tr("培训模式：上传到本机模拟服务器") if training else "")
        self.view.mode_label.setStyleSheet("color: #6a1b9a; font-weight: bold;")

    # -- slots -----------------------------------------------------------------------------------------

    def _on_retry_button_clicked(self) -> None:
        ctx = self._ctx
        run_in_background(self, lambda: outbox.retry_now(ctx.db, ctx.clock.now()), lambda _n: self.retry_requested.emit())

    def _on_open_button_clicked(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_order.emit(row.order_id)

    def _on_fix_button_clicked(self) -> None:
        row = self._selected()
        if row is None:
            return
        settlement = self._ctx.settlement

        def start() -> int:
            try:
                return settlement.start_correction(row.order_id).id
            except DomainError as exc:
                if exc.code == "settle.correction_open":  # a correction is already open: go there
                    return int(exc.params["id"])
                raise

        run_in_background(self, start, self.open_order.emit)

    # -- helpers ---------------------------------------------------------------------------------------

    def _fill(self, rows: list[ProblemRow]) -> None:
        selected = self._selected()
        self._rows = rows
        table = self.view.table
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            state = self.tr("被退回") if row.kind == "rejected" else self.tr("仍在重试")
            cells = (row.costlistcode + (f"（第{row.revision}版）" if row.revision > 1 else ""), row.plate, state,
                     row.reason, str(row.attempts))  # fmt: skip
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2:
                    item.setForeground(QColor("#c62828" if row.kind == "rejected" else "#ef6c00"))
                table.setItem(r, c, item)
            if selected is not None and row.entry_id == selected.entry_id:
                table.selectRow(r)
        table.resizeRowsToContents()
        self.view.empty_label.setVisible(not rows)
        self._update_buttons()

    def _selected(self) -> ProblemRow | None:
        indexes = self.view.table.selectionModel().selectedRows()
        if not indexes or indexes[0].row() >= len(self._rows):
            return None
        return self._rows[indexes[0].row()]

    def _update_buttons(self) -> None:
        row = self._selected()
        self.view.open_button.setEnabled(row is not None)
        self.view.fix_button.setEnabled(row is not None and row.kind == "rejected")

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return self.tr("尚无")
        return to_local(moment).strftime("%Y-%m-%d %H:%M")


def age_text(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} 分钟"
    if minutes < 48 * 60:
        return f"{minutes // 60} 小时 {minutes % 60} 分钟"
    return f"{minutes // 1440} 天 {minutes // 60 % 24} 小时"
