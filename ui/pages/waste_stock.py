"""库存与转移: stock per container (with age) and the handoffs, with the actions a handoff goes through:
new handoff, confirm receipt, rejection (the load comes back by reversal rows) and the PDF for signatures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date, to_local
from app.waste.dto import Collector, ContainerStock, Handoff
from app.waste.handoff_pdf import suggested_name
from ui.dialogs.waste_handoff_dialog import WasteHandoffDialog
from ui.pages.waste_widgets import fmt_qty
from ui.tasks import run_in_background

STATUS = {"draft": "草稿", "in_transit": "运输中", "received": "已接收", "rejected": "被拒收"}


@dataclass(frozen=True)
class StockData:
    containers: list[ContainerStock]
    handoffs: list[Handoff]
    collectors: list[Collector]
    people: list[str]


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


class WasteStockView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stock_title = QLabel()
        self.stock_title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.stock = _table([self.tr("容器"), self.tr("废物"), self.tr("现存数量"), self.tr("单位"), self.tr("重量(千克)"),
                             self.tr("已入库(千克)"), self.tr("存放天数")])  # fmt: skip
        self.new_button = QPushButton(self.tr("新建转移…"))
        self.received_button = QPushButton(self.tr("确认已接收…"))
        self.reject_button = QPushButton(self.tr("接收方拒收…"))
        self.print_button = QPushButton(self.tr("打印交接记录…"))
        bar = QHBoxLayout()
        title = QLabel(self.tr("转移记录"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        bar.addWidget(title)
        bar.addStretch(1)
        for b in (self.new_button, self.received_button, self.reject_button, self.print_button):
            b.setMinimumHeight(40)
            bar.addWidget(b)
        self.handoffs = _table([self.tr("出厂时间"), self.tr("联单编号"), self.tr("接收单位"), self.tr("承运/车牌"),
                                self.tr("容器"), self.tr("重量(千克)"), self.tr("状态"), self.tr("接收日期")])  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.stock_title)
        layout.addWidget(self.stock, 1)
        layout.addLayout(bar)
        layout.addWidget(self.handoffs, 1)


class WasteStockPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._data: StockData | None = None
        self.view = v = WasteStockView()
        QVBoxLayout(self).addWidget(v)
        self.layout().setContentsMargins(0, 0, 0, 0)
        v.new_button.clicked.connect(self._on_new_button_clicked)
        v.received_button.clicked.connect(self._on_received_button_clicked)
        v.reject_button.clicked.connect(self._on_reject_button_clicked)
        v.print_button.clicked.connect(self._on_print_button_clicked)

    def reload(self) -> None:
        ctx = self._ctx

        def load() -> StockData:
            return StockData(ctx.waste.ledger.containers(with_empty=False), ctx.waste.handoffs.list(),
                             ctx.waste.collectors.list(), [m.name for m in ctx.staff.list() if m.active])  # fmt: skip

        run_in_background(self, load, self._show)

    def _show(self, data: StockData) -> None:
        self._data = data
        v = self.view
        hazardous_kg = sum((c.weight_kg for c in data.containers), start=0)
        v.stock_title.setText(self.tr("现有库存（{0} 个容器，合计 {1} 千克）").format(len(data.containers), fmt_qty(hazardous_kg)))  # type: ignore[arg-type]
        fill(v.stock, [[c.code, c.kind_name, fmt_qty(c.quantity), c.unit, fmt_qty(c.weight_kg), fmt_qty(c.stored_kg),
                        str(c.age_days) if c.age_days is not None else ""] for c in data.containers])  # fmt: skip
        fill(v.handoffs, [[to_local(h.departed_at).strftime("%Y-%m-%d %H:%M") if h.departed_at else "",
                           h.manifest_no, h.collector.name, f"{h.carrier_name} {h.carrier_plate}".strip(),
                           "、".join(line.container_code for line in h.lines), fmt_qty(h.total_kg),
                           STATUS.get(h.status, h.status), h.received_on.isoformat() if h.received_on else ""]
                          for h in data.handoffs])  # fmt: skip

    def _selected(self) -> Handoff | None:
        row = self.view.handoffs.currentRow()
        return self._data.handoffs[row] if self._data and 0 <= row < len(self._data.handoffs) else None

    def open_handoff_dialog(self) -> WasteHandoffDialog | None:
        if self._data is None:
            return None
        return WasteHandoffDialog(self._ctx, self._data.collectors, self._data.containers, self._data.people, self)

    def _on_new_button_clicked(self) -> None:
        dialog = self.open_handoff_dialog()
        if dialog is not None and dialog.exec():
            self.changed.emit()
            self.reload()

    def _run(self, job: object) -> None:
        run_in_background(self, job, lambda _r: (self.changed.emit(), self.reload()))  # type: ignore[arg-type]

    def _on_received_button_clicked(self) -> None:
        h = self._selected()
        if h is None:
            return
        today = local_date(self._ctx.clock.now()).isoformat()
        text, ok = QInputDialog.getText(self, self.tr("确认已接收"), self.tr("接收方在系统中确认接收的日期："), text=today)
        if ok:
            ctx = self._ctx
            self._run(lambda: ctx.waste.handoffs.confirm_received(h.id, date.fromisoformat(text.strip())))

    def _on_reject_button_clicked(self) -> None:
        h = self._selected()
        if h is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("接收方拒收"), self.tr("拒收原因（废物将冲回本店库存）："))
        if ok:
            ctx, person = self._ctx, h.handled_by
            self._run(lambda: ctx.waste.handoffs.reject(h.id, reason, person))

    def _on_print_button_clicked(self) -> None:
        h = self._selected()
        if h is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存交接记录"), suggested_name(h), "PDF (*.pdf)")
        if path:
            ctx = self._ctx
            run_in_background(self, lambda: Path(path).write_bytes(ctx.waste.reports.handoff_pdf(h.id)))
