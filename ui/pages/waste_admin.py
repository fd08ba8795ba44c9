"""收集单位, 提醒 and 报表 tabs of the waste screen: the collectors directory with its licences, the alerts
panel, and the period exports (Excel and PDF), which are the way out to the national system because no
province offers a waste upload."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import local_date
from app.i18n import render
from app.waste.dto import Alert, Collector, CollectorInput
from app.waste.workdays import last_covered_year
from ui.errors import message_for
from ui.pages.waste_stock import _table, fill
from ui.tasks import run_in_background

SEVERITY = {"critical": ("严重", "#c62828"), "warn": ("注意", "#9a5b00"), "info": ("提示", "#1565c0")}
RECEIVER = {"licensed": "持证单位", "pilot": "试点收集单位", "exempt": "豁免利用单位"}


class CollectorsPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.table = _table([self.tr("名称"), self.tr("许可证编号"), self.tr("有效期至"), self.tr("剩余天数"),
                             self.tr("许可代码"), self.tr("类型"), self.tr("联系人")])  # fmt: skip
        self.name, self.licence, self.codes, self.contact = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.codes.setPlaceholderText(self.tr("用逗号分隔，例如 900-214-08, 900-052-31"))
        self.expires = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.expires.setDate(QDate.currentDate().addYears(1))
        self.add_button = QPushButton(self.tr("添加收集单位"))
        self.add_button.setMinimumHeight(40)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        form.addRow(self.tr("单位名称"), self.name)
        form.addRow(self.tr("许可证编号"), self.licence)
        form.addRow(self.tr("许可证有效期至"), self.expires)
        form.addRow(self.tr("许可的危废代码"), self.codes)
        form.addRow(self.tr("联系人/电话"), self.contact)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(self._on_add_button_clicked)

    def reload(self) -> None:
        run_in_background(self, self._ctx.waste.collectors.list, self._show)

    def _show(self, collectors: list[Collector]) -> None:
        fill(self.table, [[c.name, c.licence_no, c.licence_expires.isoformat(), str(c.days_left), "、".join(c.codes),
                           RECEIVER.get(c.receiver_type, c.receiver_type), f"{c.contact} {c.phone}".strip()]
                          for c in collectors])  # fmt: skip

    def _on_add_button_clicked(self) -> None:
        inp = CollectorInput(self.name.text(), self.licence.text(), self.expires.date().toPython(),
                             tuple(c.strip() for c in self.codes.text().replace("，", ",").split(",")),
                             contact=self.contact.text())  # fmt: skip

        def done(_c: Collector) -> None:
            self.error.clear()
            for edit in (self.name, self.licence, self.codes, self.contact):
                edit.clear()
            self.changed.emit()
            self.reload()

        run_in_background(self, lambda: self._ctx.waste.collectors.add(inp), done,
                          lambda exc: self.error.setText(message_for(exc)))  # fmt: skip


class AlertsPanel(QWidget):
    counted = Signal(int, int)  # critical, warn

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setStyleSheet("QListWidget { font-size: 12pt; } QListWidget::item { padding: 6px; }")
        last = last_covered_year()
        self.calendar = QLabel(self.tr("工作日按 chinese-calendar 节假日数据计算（数据到 {0} 年），每年需要升级一次。").format(last or "—"))
        self.calendar.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.calendar)

    def reload(self) -> None:
        run_in_background(self, self._ctx.waste.alerts.alerts, self._show)

    def _show(self, alerts: list[Alert]) -> None:
        self.list.clear()
        for a in alerts:
            label, colour = SEVERITY[a.severity]
            item = QListWidgetItem(f"【{label}】{render(a.code, a.params)}")
            item.setForeground(QColor(colour))
            self.list.addItem(item)
        if not alerts:
            self.list.addItem(self.tr("没有需要处理的提醒。"))
        self.counted.emit(sum(a.severity == "critical" for a in alerts), sum(a.severity == "warn" for a in alerts))


class ReportsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        today = local_date(ctx.clock.now())
        first = date(today.year, 1, 1)
        self.start = QDateEdit(QDate(first.year, first.month, first.day), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.end = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.excel_button = QPushButton(self.tr("导出 Excel…"))
        self.pdf_button = QPushButton(self.tr("导出 PDF…"))
        for b in (self.excel_button, self.pdf_button):
            b.setMinimumHeight(40)
        self.status = QLabel(wordWrap=True)
        note = QLabel(self.tr(
            "导出内容：HJ 1259 台账四张表（产生、入库、出库、委外）、按危废代码的申报数据（吨）和物料平衡核对。\n"
            "目前没有省份提供危废上传接口：请用导出的数据在全国固体废物管理信息系统中申报。"), wordWrap=True)  # fmt: skip
        row = QHBoxLayout()
        for w in (QLabel(self.tr("统计期间")), self.start, QLabel(self.tr("至")), self.end, self.excel_button, self.pdf_button):
            row.addWidget(w)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.excel_button.clicked.connect(self._on_excel_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)

    def _period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def export(self, kind: str, path: Path) -> None:
        start, end = self._period()
        reports = self._ctx.waste.reports
        render_fn = reports.excel if kind == "xlsx" else reports.pdf
        self.status.setText(self.tr("正在生成…"))
        run_in_background(self, lambda: path.write_bytes(render_fn(start, end)),
                          lambda _n: self.status.setText(self.tr("已保存：{0}").format(path)),
                          lambda exc: self.status.setText(message_for(exc)))  # fmt: skip

    def _ask(self, ext: str, pattern: str) -> None:
        start, end = self._period()
        name = f"危废台账_{start:%Y%m%d}-{end:%Y%m%d}.{ext}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出"), name, pattern)
        if path:
            self.export(ext, Path(path))

    def _on_excel_button_clicked(self) -> None:
        self._ask("xlsx", "Excel (*.xlsx)")

    def _on_pdf_button_clicked(self) -> None:
        self._ask("pdf", "PDF (*.pdf)")

