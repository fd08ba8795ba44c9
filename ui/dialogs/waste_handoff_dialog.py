"""新建转移: one pickup trip. Pick the collector, tick the containers leaving (quantity and weighed kg
pre-filled with what is in storage), enter carrier, plate and the manifest number from the national
system, then 确认出厂. The dialog says plainly that the step writes 出库/委外 records that can only be
undone by a rejection, and that we never make up manifest numbers."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.waste.dto import Collector, ContainerStock, Handoff, HandoffInput, HandoffLineInput
from ui.errors import message_for
from ui.pages.waste_widgets import TOUCH, fmt_qty, parse_qty

COL_TAKE, COL_CONTAINER, COL_KIND, COL_QTY, COL_UNIT, COL_KG = range(6)


class WasteHandoffView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collector = QComboBox()
        self.carrier = QLineEdit()
        self.plate = QLineEdit()
        self.manifest = QLineEdit()
        self.manifest.setPlaceholderText(self.tr("14 位数字，从全国固体废物管理信息系统照抄"))
        self.manifest.setMaxLength(20)
        self.payment = QLineEdit()
        self.payment.setPlaceholderText(self.tr("元；收集单位付给本店为正数，本店付费为负数"))
        self.treatment = QLineEdit()
        self.treatment.setPlaceholderText(self.tr("例如 R4 金属回收、综合利用"))
        self.person = QComboBox()
        for w in (self.collector, self.carrier, self.plate, self.manifest, self.payment, self.treatment, self.person):
            w.setMinimumHeight(34)
        form = QFormLayout()
        form.addRow(self.tr("接收单位"), self.collector)
        form.addRow(self.tr("承运人"), self.carrier)
        form.addRow(self.tr("车牌号"), self.plate)
        form.addRow(self.tr("联单编号"), self.manifest)
        form.addRow(self.tr("费用（元）"), self.payment)
        form.addRow(self.tr("利用/处置方式"), self.treatment)
        form.addRow(self.tr("经办人"), self.person)
        self.licence = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [self.tr("转移"), self.tr("容器"), self.tr("废物"), self.tr("数量"), self.tr("单位"), self.tr("称重(千克)")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH - 16)
        self.table.setMinimumHeight(150)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.warning = QLabel(self.tr("确认出厂后将写入出库和委外记录，不能删除；如接收方拒收，可在转移记录上选择“拒收”冲回。"
                                      "联单编号由全国系统生成，本软件只录入。"), wordWrap=True)  # fmt: skip
        self.warning.setStyleSheet("color: #9a5b00;")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #c62828; font-size: 11pt;")
        self.buttons = QDialogButtonBox()
        self.draft_button = self.buttons.addButton(self.tr("存为草稿"), QDialogButtonBox.ButtonRole.ActionRole)
        self.dispatch_button = self.buttons.addButton(self.tr("确认出厂"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        for b in (self.draft_button, self.dispatch_button, self.cancel_button):
            b.setMinimumHeight(40)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.licence)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class WasteHandoffDialog(QDialog):
    """Creates a handoff through the service; ``result_handoff`` holds it after a successful save."""

    def __init__(self, ctx: AppContext, collectors: list[Collector], containers: list[ContainerStock],
                 people: list[str], parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建危废转移"))
        self.resize(860, 700)
        self._ctx = ctx
        self._containers = [c for c in containers if c.stored_quantity > 0]
        self.result_handoff: Handoff | None = None
        self.view = v = WasteHandoffView()
        QVBoxLayout(self).addWidget(v)
        for c in collectors:
            v.collector.addItem(c.name, c)
        for name in people:
            v.person.addItem(name)
        v.table.setRowCount(len(self._containers))
        for r, c in enumerate(self._containers):
            take = QTableWidgetItem()
            take.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            take.setCheckState(Qt.CheckState.Unchecked)
            v.table.setItem(r, COL_TAKE, take)
            for col, text in ((COL_CONTAINER, c.code), (COL_KIND, c.kind_name), (COL_UNIT, c.unit)):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                v.table.setItem(r, col, item)
            for col, value in ((COL_QTY, c.stored_quantity), (COL_KG, c.stored_kg)):
                item = QTableWidgetItem(fmt_qty(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                v.table.setItem(r, col, item)
        v.collector.currentIndexChanged.connect(self._on_collector_currentIndexChanged)
        v.table.itemChanged.connect(self._on_table_itemChanged)
        v.draft_button.clicked.connect(self._on_draft_button_clicked)
        v.dispatch_button.clicked.connect(self._on_dispatch_button_clicked)
        v.cancel_button.clicked.connect(self.reject)
        self._on_collector_currentIndexChanged(v.collector.currentIndex())
        self._update_total()

    def row_of(self, container_code: str) -> int:
        return next(r for r, c in enumerate(self._containers) if c.code == container_code)

    def set_taken(self, container_code: str, taken: bool = True, weight_kg: str | None = None) -> None:
        """Tick a container (and optionally type the weighed kg), as a user does in the table."""
        row = self.row_of(container_code)
        state = Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        self.view.table.item(row, COL_TAKE).setCheckState(state)
        if weight_kg is not None:
            self.view.table.item(row, COL_KG).setText(weight_kg)

    def _lines(self) -> tuple[HandoffLineInput, ...]:
        t, lines = self.view.table, []
        for r, c in enumerate(self._containers):
            if t.item(r, COL_TAKE).checkState() == Qt.CheckState.Checked:
                qty = parse_qty(t.item(r, COL_QTY).text()) or Decimal(0)
                kg = parse_qty(t.item(r, COL_KG).text()) or Decimal(0)
                lines.append(HandoffLineInput(c.id, qty, kg))
        return tuple(lines)

    def _update_total(self) -> None:
        lines = self._lines()
        kg = sum((line.weight_kg for line in lines), Decimal(0))
        self.view.total.setText(self.tr("本次转移 {0} 个容器，合计 {1} 千克").format(len(lines), fmt_qty(kg)))

    def _on_table_itemChanged(self, _item: QTableWidgetItem) -> None:
        self._update_total()

    def _on_collector_currentIndexChanged(self, _index: int) -> None:
        c = self.view.collector.currentData()
        if not isinstance(c, Collector):
            self.view.licence.setText(self.tr("还没有收集单位：请先在“收集单位”中添加。"))
            return
        colour = "#c62828" if c.days_left < 0 else ("#9a5b00" if c.days_left <= 30 else "#2e7d32")
        self.view.licence.setStyleSheet(f"color: {colour};")
        self.view.licence.setText(self.tr("许可证 {0}，有效期至 {1}；许可代码：{2}").format(
            c.licence_no, c.licence_expires.isoformat(), "、".join(c.codes) or "—"))  # fmt: skip

    def _input(self) -> HandoffInput | None:
        v = self.view
        c = v.collector.currentData()
        if not isinstance(c, Collector):
            v.error.setText(self.tr("请先选择接收单位。"))
            return None
        payment = parse_qty(v.payment.text() or "0")
        if payment is None:
            v.error.setText(self.tr("费用请填写数字。"))
            return None
        return HandoffInput(c.id, self._lines(), manifest_no=v.manifest.text(), carrier_name=v.carrier.text(),
                            carrier_plate=v.plate.text(), payment_fen=int(payment * 100), treatment=v.treatment.text(),
                            handled_by=v.person.currentText())  # fmt: skip

    def _save(self, dispatch: bool) -> None:
        inp = self._input()
        if inp is None:
            return
        try:  # one short write; the dialog is modal and the user waits for its answer anyway
            self.result_handoff = self._ctx.waste.handoffs.create(inp, dispatch=dispatch)
        except Exception as exc:
            self.view.error.setText(message_for(exc))
            return
        self.accept()

    def _on_draft_button_clicked(self) -> None:
        self._save(dispatch=False)

    def _on_dispatch_button_clicked(self) -> None:
        self._save(dispatch=True)
