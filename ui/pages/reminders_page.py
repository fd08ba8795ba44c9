"""保养提醒: the day's call list of vehicles due or overdue for maintenance, with the owner's phone, a
"contacted" mark with a note, and a CSV for the shop's SMS platform.

Overdue rows lead (most overdue first); the status column says it in words and colour (never colour
alone). The list is derived from settled orders each time it is read, so it is always current.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.owner_services.reminders import BY_DATE, OVERDUE, Reminder
from app.reports.history_report import km
from ui.dialogs.owner_common import ask_save_path, ask_unmasked, fill_rows, read_only_table, save_bytes
from ui.dialogs.owner_reminder_rules_dialog import ReminderRulesDialog
from ui.pages.defects_page import DefectsPage
from ui.pages.vehicle_history_page import VehicleHistoryPage
from ui.tasks import run_in_background

OVERDUE_COLOUR, DUE_COLOUR = "#c62828", "#e65100"


class RemindersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.lead = QSpinBox(minimum=0, maximum=60, suffix=self.tr(" 天内到期"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.contacted_button = QPushButton(self.tr("标记已联系…"))
        self.export_button = QPushButton(self.tr("导出短信 CSV…"))
        self.rules_button = QPushButton(self.tr("提醒规则…"))
        self.table = read_only_table([self.tr("状态"), self.tr("车牌"), self.tr("品牌型号"), self.tr("车主"),
                                      self.tr("电话"), self.tr("提醒项目"), self.tr("上次保养"), self.tr("到期日"),
                                      self.tr("依据"), self.tr("预计当前里程"), self.tr("已联系")], stretch=10)  # fmt: skip
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #546e7a; padding: 8px;")
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("显示")))
        bar.addWidget(self.lead)
        for b in (self.refresh_button, self.contacted_button, self.export_button, self.rules_button):
            b.setMinimumHeight(34)
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.count)


def row_of(r: Reminder) -> list[str]:
    status = f"逾期 {r.days_overdue} 天" if r.status == OVERDUE else "即将到期"
    last = f"{r.last_done_on:%Y-%m-%d} / {km(r.last_done_km)} km"
    due = r.due_on.isoformat() + (f"（{km(r.due_km)} km）" if r.due_km and r.reason != BY_DATE else "")
    reason = "按时间" if r.reason == BY_DATE else "按里程（估算）"
    estimated = f"约 {km(r.mileage.estimated_km)} km" if r.mileage.estimated_km is not None else ""
    contacted = f"{to_local(r.contacted_at):%m-%d %H:%M} {r.note}".strip() if r.contacted_at else ""
    return [status, r.plate, r.brand_model, r.owner_name, r.owner_phone, r.rule_name, last, due, reason, estimated,
            contacted]  # fmt: skip


class RemindersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.reminders: list[Reminder] = []
        self.loaded = False
        self.view = v = RemindersView()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(v)
        v.lead.setValue(ctx.owner.reminders.lead_days)
        v.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        v.lead.valueChanged.connect(self._on_lead_valueChanged)
        v.contacted_button.clicked.connect(self._on_contacted_button_clicked)
        v.export_button.clicked.connect(self._on_export_button_clicked)
        v.rules_button.clicked.connect(self._on_rules_button_clicked)
        self.refresh()

    def refresh(self) -> None:
        service, lead = self._ctx.owner.reminders, self.view.lead.value()
        run_in_background(self, lambda: (service.today(), service.due_list(lead_days=lead), bool(service.rules())),
                          self._show)  # fmt: skip

    def _show(self, result: tuple[object, list[Reminder], bool]) -> None:
        today, reminders, has_rules = result
        self.reminders = reminders
        self.loaded = True
        v = self.view
        v.title.setText(self.tr("今日保养提醒　{0}").format(today))
        colours = [OVERDUE_COLOUR if r.status == OVERDUE else DUE_COLOUR for r in reminders]
        fill_rows(v.table, [row_of(r) for r in reminders], colours, right=(9,))
        overdue = sum(1 for r in reminders if r.status == OVERDUE)
        called = sum(1 for r in reminders if r.contacted_at)
        v.count.setText(self.tr("共 {0} 条：逾期 {1}，即将到期 {2}；已联系 {3}").format(
            len(reminders), overdue, len(reminders) - overdue, called))  # fmt: skip
        if not has_rules:
            v.empty.setText(self.tr("还没有提醒规则。点“提醒规则…”添加，例如机油每 5000 公里或 6 个月。"))
        elif not reminders:
            v.empty.setText(self.tr("今天没有到期的保养提醒。"))
        else:
            v.empty.clear()
        v.empty.setVisible(bool(v.empty.text()))

    def _selected(self) -> Reminder | None:
        row = self.view.table.currentRow()
        return self.reminders[row] if 0 <= row < len(self.reminders) else None

    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _on_lead_valueChanged(self, _value: int) -> None:
        self.refresh()

    def _on_contacted_button_clicked(self) -> None:
        r = self._selected()
        if r is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("标记已联系"),
                                        self.tr("{0} {1}（{2}）：联系结果").format(r.plate, r.owner_name, r.owner_phone),
                                        text=r.note)  # fmt: skip
        if ok:
            self.mark_contacted(r, note)

    def mark_contacted(self, r: Reminder, note: str) -> None:
        service = self._ctx.owner.reminders
        run_in_background(self, lambda: service.mark_contacted(r.rule_id, r.vehicle_id, note), lambda _r: self.refresh())

    def _on_export_button_clicked(self) -> None:
        path = ask_save_path(self, self.tr("导出短信 CSV"), "保养提醒.csv", "CSV (*.csv)")
        if path:
            self.export_to(path, unmasked=ask_unmasked(self, self._ctx))

    def export_to(self, path: str, unmasked: bool = False) -> None:
        ctx, rows = self._ctx, list(self.reminders)

        def make() -> bytes:
            shop = ctx.shop.get()
            return ctx.owner.reminders.export_csv(rows, shop.name if shop else "", unmasked=unmasked)

        save_bytes(self, path, make, lambda p: self.view.count.setText(self.tr("已导出到 {0}").format(p)))

    def _on_rules_button_clicked(self) -> None:
        ReminderRulesDialog(self._ctx, self).exec()
        self.refresh()


def install_owner_services(window: Any) -> None:
    """Add 维修履历, 保养提醒 and 缺陷与专项 to the main window (kept here so the window's module only calls
    it). The two lists are re-read whenever their page is shown, because settlements elsewhere re-arm
    reminders and add orders to attach records to."""
    ctx, style = window._ctx, window.style()
    window.history_page = VehicleHistoryPage(ctx)
    window.reminders_page = RemindersPage(ctx)
    window.defects_page = DefectsPage(ctx)
    pixmaps = QStyle.StandardPixmap
    for page, text, icon in ((window.history_page, QCoreApplication.translate("MainWindow", "维修履历"), pixmaps.SP_FileDialogInfoView),
                             (window.reminders_page, QCoreApplication.translate("MainWindow", "保养提醒"), pixmaps.SP_MessageBoxInformation),
                             (window.defects_page, QCoreApplication.translate("MainWindow", "缺陷与专项"), pixmaps.SP_MessageBoxWarning)):  # fmt: skip
        window.stack.addWidget(page)
        item = QListWidgetItem(style.standardIcon(icon), text)
        item.setSizeHint(QSize(130, 48))
        window.nav.addItem(item)

    def on_row(_row: int) -> None:
        current = window.stack.currentWidget()
        if current in (window.reminders_page, window.defects_page):
            current.refresh()

    window.nav.currentRowChanged.connect(on_row)
