"""Dialogs that attach a special record to a work order: a suspected defect (with photos), an emissions
(M station) repair, an accident claim. Each starts from the order picker, validates through its service
(the message appears under the form and nothing typed is lost) and keeps the saved record in ``result``.

They share one base: the picker on top, a form in the middle, the error line and OK/Cancel below.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date
from app.domain.money import format_yuan, parse_yuan
from app.owner_services.accident import AccidentInput
from app.owner_services.defects import DefectInput
from app.owner_services.emissions import COMMON_FAILED_ITEMS, RESULTS, EmissionsInput
from ui.dialogs.owner_common import OrderPicker
from ui.errors import message_for


def _text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    return box


class RecordDialog(QDialog):
    """Order picker + form + error line + OK/Cancel; ``_save(order_id)`` does the work."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self._ctx = ctx
        self.result_record: Any = None
        self.picker = OrderPicker(ctx)
        self.form = QFormLayout()
        self.form.addRow(self.tr("工单"), self.picker)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _save(self, order_id: int) -> Any:
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        order_id = self.picker.selected_id()
        if order_id is None:
            self.error.setText(self.tr("请先在上面找到并选择工单。"))
            return
        try:  # one small write: done on the GUI thread, so the dialog can stay open on an error
            self.result_record = self._save(order_id)
        except Exception as exc:
            self.error.setText(message_for(exc))
            return
        self.accept()


class DefectDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("登记疑似缺陷"), parent)
        self.component = QLineEdit()
        self.component.setPlaceholderText(self.tr("例如：制动总泵、电子节气门"))
        self.symptom = QLineEdit()
        self.description = _text_box(80)
        self.description.setPlaceholderText(self.tr("检查过程、测量数据、故障码、判断依据"))
        self.technician = QComboBox(editable=True)
        self.technician.addItems([s.name for s in ctx.staff.list("technician") if s.active])
        self.photos = QListWidget()
        self.photos.setFixedHeight(70)
        self.add_photo = QPushButton(self.tr("添加照片…"))
        self.remove_photo = QPushButton(self.tr("移除"))
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        side = QVBoxLayout()
        side.addWidget(self.add_photo)
        side.addWidget(self.remove_photo)
        photo_row.addLayout(side)
        self.form.addRow(self.tr("故障部件"), self.component)
        self.form.addRow(self.tr("故障现象"), self.symptom)
        self.form.addRow(self.tr("技术描述"), self.description)
        self.form.addRow(self.tr("检修技师"), self.technician)
        self.form.addRow(self.tr("照片"), photo_row)
        self.add_photo.clicked.connect(self._on_add_photo_clicked)
        self.remove_photo.clicked.connect(self._on_remove_photo_clicked)

    def add_photos(self, paths: list[str]) -> None:
        for p in paths:
            item = QListWidgetItem(Path(p).name)
            item.setData(Qt.ItemDataRole.UserRole, p)
            self.photos.addItem(item)

    def _on_add_photo_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择照片"), "", self.tr("照片 (*.jpg *.jpeg *.png *.bmp)"))
        self.add_photos(paths)

    def _on_remove_photo_clicked(self) -> None:
        self.photos.takeItem(self.photos.currentRow())

    def _save(self, order_id: int) -> Any:
        photos = tuple(Path(self.photos.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.photos.count()))
        return self._ctx.owner.defects.flag(DefectInput(order_id, self.component.text(), self.symptom.text(),
                                                        self.description.toPlainText(), self.technician.currentText(),
                                                        photos))  # fmt: skip


class EmissionsDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("排放维修（M站）记录"), parent)
        self.report_no = QLineEdit()
        self.report_no.setPlaceholderText(self.tr("检测站出具的不合格检验报告编号"))
        self.failed = QListWidget()
        self.failed.setFixedHeight(110)
        for text in COMMON_FAILED_ITEMS:
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.failed.addItem(item)
        self.other_failed = QLineEdit()
        self.other_failed.setPlaceholderText(self.tr("其他不合格项目（可选）"))
        self.diagnosis = _text_box()
        self.repair = _text_box()
        self.retest_result = QComboBox()
        for code, text in RESULTS.items():
            self.retest_result.addItem(text, code)
        self.retest_no = QLineEdit()
        self.retest_on = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = local_date(ctx.clock.now())
        self.retest_on.setDate(QDate(today.year, today.month, today.day))
        self.form.addRow(self.tr("检验报告编号"), self.report_no)
        self.form.addRow(self.tr("不合格项目"), self.failed)
        self.form.addRow("", self.other_failed)
        self.form.addRow(self.tr("故障诊断"), self.diagnosis)
        self.form.addRow(self.tr("维修措施"), self.repair)
        self.form.addRow(self.tr("复检结果"), self.retest_result)
        self.form.addRow(self.tr("复检报告编号"), self.retest_no)
        self.form.addRow(self.tr("复检日期"), self.retest_on)

    def check_item(self, text: str) -> None:
        for i in range(self.failed.count()):
            if self.failed.item(i).text() == text:
                self.failed.item(i).setCheckState(Qt.CheckState.Checked)

    def _save(self, order_id: int) -> Any:
        items = [self.failed.item(i).text() for i in range(self.failed.count())
                 if self.failed.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        items += [t for t in self.other_failed.text().replace("，", ",").split(",") if t.strip()]
        result = self.retest_result.currentData()
        retest = self.retest_on.date().toPython() if result != "pending" else None
        return self._ctx.owner.emissions.save(order_id, EmissionsInput(
            self.report_no.text(), tuple(items), self.diagnosis.toPlainText(), self.repair.toPlainText(), result,
            self.retest_no.text(), retest))  # type: ignore[arg-type]  # fmt: skip


class AccidentDialog(RecordDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("事故维修（保险理赔）"), parent)
        self.insurer = QComboBox(editable=True)
        self.insurer.addItems(ctx.owner.accidents.insurers())
        self.insurer.setCurrentText("")
        self.claim_no = QLineEdit()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("元，例如 3500.00"))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.direct = QCheckBox(self.tr("直赔（保险公司直接向本店支付）"))
        self.form.addRow(self.tr("保险公司"), self.insurer)
        self.form.addRow(self.tr("报案/理赔号"), self.claim_no)
        self.form.addRow(self.tr("定损金额"), self.amount)
        self.form.addRow("", self.direct)
        self.amount.editingFinished.connect(self._on_amount_editingFinished)

    def _on_amount_editingFinished(self) -> None:
        try:
            self.amount.setText(format_yuan(parse_yuan(self.amount.text())))
        except Exception:
            pass  # the service reports it on OK

    def _save(self, order_id: int) -> Any:
        text = self.amount.text().replace(",", "").strip() or "0"
        return self._ctx.owner.accidents.save(order_id, AccidentInput(
            self.insurer.currentText(), self.claim_no.text(), parse_yuan(text, "loss_assessment"),
            self.direct.isChecked()))  # fmt: skip


DIALOGS: dict[str, Callable[[AppContext, QWidget | None], RecordDialog]] = {
    "defect": DefectDialog,
    "emissions": EmissionsDialog,
    "accident": AccidentDialog,
}
