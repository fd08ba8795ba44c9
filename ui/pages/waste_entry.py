"""现场登记: the technician's quick entry, made for the workshop (ux.md "technician screen").

Big kind buttons with drawn icons and Chinese names, a numeric keypad, and only the fields the ledger
needs: container (defaults to the kind's current one), quantity in its own unit, the weighed kg (pre-filled
from the data file's density or weight per piece), who did it. Expected waste from finished work orders
is listed on the left: one tap fills the form from the order, a second tap saves it. Nothing is saved for
the technician without that tap.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.services.dto import StaffMember
from app.waste.dto import ContainerStock, EntryView, Expectation, GenerationInput
from app.waste.kinds import WasteKind
from ui.errors import message_for
from ui.pages.waste_widgets import TOUCH, Keypad, fmt_qty, kind_icon, parse_qty
from ui.tasks import run_in_background

EXPECTATION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class EntryData:
    kinds: list[WasteKind]
    containers: list[ContainerStock]
    staff: list[StaffMember]
    expected: list[Expectation]


class WasteEntryView(QWidget):
    """Lays out the expected list, the kind grid and the entry form; no behaviour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        big = "font-size: 15pt;"
        self.expected_title = QLabel(self.tr("工单产生的待登记危废"))
        self.expected_title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.expected_list = QListWidget()
        self.expected_list.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { min-height: 52px; }")
        self.expected_list.setWordWrap(True)
        self.dismiss_button = QPushButton(self.tr("没有废物…"))
        self.dismiss_button.setMinimumHeight(TOUCH - 8)
        self.dismiss_button.setToolTip(self.tr("例如车主带走了旧件：填写原因后从列表中移除"))
        left = QVBoxLayout()
        left.addWidget(self.expected_title)
        left.addWidget(self.expected_list, 1)
        left.addWidget(self.dismiss_button)

        self.kind_grid = QGridLayout()
        self.kind_grid.setSpacing(6)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        middle = QVBoxLayout()
        title = QLabel(self.tr("1 选择废物"))
        title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        middle.addWidget(title)
        middle.addLayout(self.kind_grid)
        middle.addStretch(1)

        self.kind_label = QLabel(self.tr("请先选择废物"))
        self.kind_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.kind_label.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setStyleSheet("color: #455a64;")
        self.container = QComboBox()
        self.quantity = QLineEdit()
        self.unit_label = QLabel()
        self.weight = QLineEdit()
        self.order_label = QLabel(self.tr("不关联工单"))
        self.order_label.setStyleSheet("color: #455a64;")
        self.person = QComboBox()
        for w in (self.container, self.quantity, self.weight, self.person):
            w.setMinimumHeight(TOUCH - 4)
            w.setStyleSheet(big)
        for edit in (self.quantity, self.weight):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.unit_label.setStyleSheet(big)
        self.keypad = Keypad()
        self.save_button = QPushButton(self.tr("保存登记"))
        self.save_button.setMinimumHeight(TOUCH + 4)
        self.save_button.setStyleSheet("font-size: 17pt; font-weight: bold; background: #2e7d32; color: white;")
        self.message = QLabel(wordWrap=True)
        self.message.setStyleSheet("font-size: 12pt;")
        form = QGridLayout()
        form.setVerticalSpacing(6)
        rows = [(self.tr("容器"), self.container, None), (self.tr("数量"), self.quantity, self.unit_label),
                (self.tr("称重"), self.weight, QLabel(self.tr("千克"))), (self.tr("经办人"), self.person, None)]  # fmt: skip
        for r, (caption, field, suffix) in enumerate(rows):
            label = QLabel(caption)
            label.setStyleSheet(big)
            form.addWidget(label, r, 0)
            form.addWidget(field, r, 1)
            if suffix is not None:
                suffix.setStyleSheet(big)
                form.addWidget(suffix, r, 2)
        right = QVBoxLayout()
        right.setSpacing(4)
        step2 = QLabel(self.tr("2 填写数量并保存"))
        step2.setStyleSheet("font-size: 13pt; font-weight: bold;")
        right.addWidget(step2)
        right.addWidget(self.kind_label)
        facts = QHBoxLayout()  # code and source order share a line: the column must fit 768 px
        self.order_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.code_label.setMinimumWidth(170)  # "HW31 900-052-31 T,C" must never be squeezed by the order text
        facts.addWidget(self.code_label)
        facts.addWidget(self.order_label, 1)
        right.addLayout(facts)
        right.addLayout(form)
        right.addWidget(self.keypad)
        right.addWidget(self.save_button)
        right.addWidget(self.message)
        right.addStretch(1)

        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(middle, 3)
        layout.addLayout(right, 3)


class WasteEntryPanel(QWidget):
    """Wires the quick entry to the ledger and expected-waste services. Emits ``entry_saved`` after a save."""

    entry_saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kinds: dict[str, WasteKind] = {}
        self._containers: list[ContainerStock] = []
        self._expectation: Expectation | None = None
        self._weight_touched = False
        self.loaded = False
        self.view = v = WasteEntryView()
        QVBoxLayout(self).addWidget(v)
        self.layout().setContentsMargins(0, 0, 0, 0)
        v.keypad.attach(v.quantity, v.weight)
        v.kind_buttons.idClicked.connect(self._on_kind_buttons_idClicked)
        v.expected_list.currentRowChanged.connect(self._on_expected_list_currentRowChanged)
        v.dismiss_button.clicked.connect(self._on_dismiss_button_clicked)
        v.quantity.textChanged.connect(self._on_quantity_textChanged)
        v.weight.textEdited.connect(self._on_weight_textEdited)
        v.keypad.pressed.connect(self._on_keypad_pressed)
        v.save_button.clicked.connect(self._on_save_button_clicked)

    # -- loading -----------------------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self._ctx

        def load() -> EntryData:
            cat = ctx.waste.ledger.catalogue()
            kinds = [k for k in cat.kinds.values() if k.code or not k.hazardous]
            return EntryData(kinds, ctx.waste.ledger.containers(), ctx.staff.list(), ctx.waste.expected.open())

        run_in_background(self, load, self._show)

    def _show(self, data: EntryData) -> None:
        v = self.view
        if not self._kinds:
            for i, kind in enumerate(data.kinds):
                button = QToolButton()
                button.setText(kind.name.split("（")[0])
                button.setToolTip(f"{kind.name}\n{kind.category} {kind.code}".strip())
                button.setIcon(kind_icon(kind.icon, 40))
                button.setIconSize(QSize(34, 34))
                button.setCheckable(True)
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                button.setMinimumSize(QSize(150, TOUCH - 4))
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.setStyleSheet("QToolButton { font-size: 11pt; text-align: left; padding: 2px 4px; }"
                                     "QToolButton:checked { background: #bbdefb; border: 2px solid #1565c0; }")  # fmt: skip
                v.kind_buttons.addButton(button, i)
                v.kind_grid.addWidget(button, i // 2, i % 2)
                button.show()  # added after the screen is visible: not shown by the layout until events run
        self._kinds = {k.key: k for k in data.kinds}
        self._order = [k.key for k in data.kinds]
        self._containers = data.containers
        current_person = v.person.currentData()
        v.person.clear()
        for member in data.staff:
            if member.active:
                v.person.addItem(member.name, member.name)
        if current_person:
            v.person.setCurrentIndex(max(0, v.person.findData(current_person)))
        elif (tech := v.person.findText(next((m.name for m in data.staff if m.role == "technician"), ""))) >= 0:
            v.person.setCurrentIndex(tech)
        v.expected_list.blockSignals(True)
        v.expected_list.clear()
        for e in data.expected:
            item = QListWidgetItem(kind_icon(self._kinds[e.kind_key].icon if e.kind_key in self._kinds else "", 40),
                                   f"{e.plate}  {e.kind_name} {fmt_qty(e.expected_qty)} {e.unit}\n{e.order_label} · {e.source_parts}")  # fmt: skip
            item.setData(EXPECTATION_ROLE, e)
            v.expected_list.addItem(item)
        v.expected_list.setCurrentRow(-1)
        v.expected_list.blockSignals(False)
        v.expected_title.setText(self.tr("工单产生的待登记危废（{0}）").format(len(data.expected)))
        if not data.expected:
            v.expected_list.addItem(self.tr("暂无：完工或结算的工单中更换了蓄电池、机油、滤芯、三元催化器、轮胎等时会出现在这里。"))
            v.expected_list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        v.dismiss_button.setEnabled(False)
        self._expectation = None
        self.loaded = True

    # -- choosing ----------------------------------------------------------------------------------------
    def select_kind(self, key: str, container_id: int | None = None) -> None:
        v = self.view
        kind = self._kinds[key]
        button = v.kind_buttons.button(self._order.index(key))
        button.setChecked(True)
        v.kind_label.setText(kind.name)
        v.code_label.setText(f"{kind.category} {kind.code} {kind.hazard}".strip() if kind.hazardous else self.tr("一般固体废物"))
        v.unit_label.setText(kind.unit)
        v.container.clear()
        for c in self._containers:
            if c.kind_key == key:
                v.container.addItem(f"{c.code}（现有 {fmt_qty(c.quantity)} {c.unit}）", c.id)
        v.container.addItem(self.tr("新容器"), None)
        if container_id is not None:
            v.container.setCurrentIndex(max(0, v.container.findData(container_id)))
        else:
            v.container.setCurrentIndex(max(0, v.container.count() - 2))  # the newest existing container
        self._weight_touched = False
        self._update_estimate()
        v.quantity.setFocus()

    def _on_kind_buttons_idClicked(self, index: int) -> None:
        self._clear_expectation()
        self.select_kind(self._order[index])
        self.view.quantity.clear()
        self.view.weight.clear()

    def _on_expected_list_currentRowChanged(self, row: int) -> None:
        item = self.view.expected_list.item(row) if row >= 0 else None
        e = item.data(EXPECTATION_ROLE) if item else None
        if not isinstance(e, Expectation):
            return
        self._expectation = e
        self.select_kind(e.kind_key)
        self.view.quantity.setText(fmt_qty(e.expected_qty))
        self.view.order_label.setText(self.tr("来自工单 {0}（{1}）").format(e.order_label, e.plate))
        self.view.dismiss_button.setEnabled(True)

    def _clear_expectation(self) -> None:
        self._expectation = None
        self.view.order_label.setText(self.tr("不关联工单"))
        self.view.dismiss_button.setEnabled(False)
        self.view.expected_list.clearSelection()

    def _on_quantity_textChanged(self, _text: str) -> None:
        self._update_estimate()

    def _on_weight_textEdited(self, _text: str) -> None:
        self._weight_touched = True

    def _on_keypad_pressed(self, _key: str) -> None:
        if self.view.keypad.target() is self.view.weight:
            self._weight_touched = True

    def _update_estimate(self) -> None:
        kind = self._current_kind()
        qty = parse_qty(self.view.quantity.text())
        if kind is None or self._weight_touched:
            return
        estimate = kind.estimate_kg(qty) if qty is not None and qty > 0 else None
        self.view.weight.setText(fmt_qty(estimate))

    def _current_kind(self) -> WasteKind | None:
        checked = self.view.kind_buttons.checkedId()
        return self._kinds[self._order[checked]] if checked >= 0 else None

    # -- saving ------------------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        v, kind = self.view, self._current_kind()
        if kind is None:
            v.message.setText(self.tr("请先选择废物种类。"))
            return
        qty, kg = parse_qty(v.quantity.text()), parse_qty(v.weight.text())
        if qty is None:
            v.message.setText(self.tr("请填写数量。"))
            return
        person, container = v.person.currentData() or "", v.container.currentData()
        expectation, ctx = self._expectation, self._ctx
        if expectation is not None:
            def job() -> tuple[EntryView, ...]:
                return ctx.waste.expected.confirm(expectation.id, qty, kg, person, container)
        else:
            def job() -> tuple[EntryView, ...]:
                return ctx.waste.ledger.generate(GenerationInput(kind.key, qty, kg, container, handled_by=person))
        v.save_button.setEnabled(False)
        run_in_background(self, job, self._on_saved, self._on_save_failed)

    def _on_saved(self, written: tuple[EntryView, ...]) -> None:
        v = self.view
        v.save_button.setEnabled(True)
        first = written[0]
        v.message.setStyleSheet("font-size: 12pt; color: #2e7d32;")
        v.message.setText(self.tr("已登记 {0}：{1} {2} {3}（{4} 千克），容器 {5}").format(
            first.batch_code, first.shop_name, fmt_qty(first.quantity), first.unit, fmt_qty(first.weight_kg),
            first.container_code))  # fmt: skip
        v.quantity.clear()
        v.weight.clear()
        self._clear_expectation()
        self.entry_saved.emit()
        self.reload()

    def _on_save_failed(self, exc: BaseException) -> None:
        self.view.save_button.setEnabled(True)
        self.view.message.setStyleSheet("font-size: 12pt; color: #c62828;")
        self.view.message.setText(message_for(exc))

    def _on_dismiss_button_clicked(self) -> None:
        e = self._expectation
        if e is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("没有废物"), self.tr("原因（例如：车主带走旧电池）："))
        if not ok:
            return
        ctx, person = self._ctx, self.view.person.currentData() or ""
        run_in_background(self, lambda: ctx.waste.expected.dismiss(e.id, reason, person), lambda _r: self.reload(),
                          self._on_save_failed)  # fmt: skip

