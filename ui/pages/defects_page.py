"""缺陷与专项: the three kinds of special records kept beside work orders, one tab each:
疑似缺陷 (for the manufacturer and the regulator, PDF + Excel, with the same-model hint),
排放维修 M站 (Excel for the emissions-station system) and 事故维修 (Excel for reconciling with insurers).

The tabs are one :class:`RecordTab` with different loaders, rows and exports, so they behave alike; every
read and export runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.context import AppContext
from app.domain.money import format_yuan
from app.owner_services.accident import AccidentRecord
from app.owner_services.defects import DefectView, FrequentHint
from app.owner_services.emissions import RESULTS, EmissionsRecord
from app.reports.history_report import km
from ui.dialogs.owner_common import ask_save_path, fill_rows, read_only_table, save_bytes
from ui.dialogs.owner_record_dialogs import DIALOGS
from ui.tasks import run_in_background

TAB_DEFECTS, TAB_EMISSIONS, TAB_ACCIDENTS = range(3)


@dataclass(frozen=True)
class Export:
    caption: str  # button text
    pattern: str  # file dialog filter
    name: str  # suggested file name
    make: Callable[[AppContext, list[Any], str], bytes]  # (ctx, records, shop name) → file bytes


@dataclass(frozen=True)
class TabSpec:
    kind: str  # key of ui.dialogs.owner_record_dialogs.DIALOGS
    add_caption: str
    headers: Sequence[str]
    load: Callable[[AppContext], list[Any]]
    row: Callable[[Any], list[str]]
    exports: Sequence[Export]
    empty: str
    right: Sequence[int] = ()
    stretch: int = -1  # the column that takes the spare width


def _defect_row(c: DefectView) -> list[str]:
    return [str(c.id), c.occurred_on.isoformat(), c.plate, c.brand_model, c.vin, km(c.mileage), c.component,
            c.symptom, str(len(c.photos)), c.technician, f"{c.similar} 例" if c.similar else ""]  # fmt: skip


def _emissions_row(r: EmissionsRecord) -> list[str]:
    return [r.order.order_no, r.order.intake_on.isoformat(), r.order.plate, r.test_report_no, "；".join(r.failed_items),
            r.repair, RESULTS.get(r.retest_result, r.retest_result), r.retest_report_no]  # fmt: skip


def _accident_row(r: AccidentRecord) -> list[str]:
    return [r.insurer, r.claim_no, "直赔" if r.direct_claim else "", r.order.order_no, r.order.plate,
            r.order.costlistcode or "未结算", format_yuan(r.loss_assessment_fen), format_yuan(r.order.due_fen),
            format_yuan(r.difference_fen)]  # fmt: skip


def _period(records: list[Any], when: Callable[[Any], date]) -> str:
    days = [when(r) for r in records]
    return f"{min(days)} 至 {max(days)}" if days else "—"


def _defect_pdf(ctx: AppContext, cases: list[DefectView], shop: str) -> bytes:
    return ctx.owner.defects.export_pdf(cases, shop, _period(cases, lambda c: c.occurred_on))


SPECS = (
    TabSpec("defect", "登记疑似缺陷…",
            ["编号", "发现日期", "车牌", "品牌型号", "VIN", "里程(km)", "故障部件", "故障现象", "照片", "技师", "同型同部件"],
            lambda ctx: ctx.owner.defects.list(), _defect_row,
            [Export("导出 PDF…", "PDF (*.pdf)", "疑似缺陷线索报告.pdf", _defect_pdf),
             Export("导出 Excel…", "Excel (*.xlsx)", "疑似缺陷线索.xlsx",
                    lambda ctx, rs, shop: ctx.owner.defects.export_excel(rs, shop, _period(rs, lambda c: c.occurred_on)))],
            "还没有登记疑似缺陷。维修中发现批量性、设计或制造方面的可疑故障时，点“登记疑似缺陷…”。", right=(5,), stretch=7),
    TabSpec("emissions", "登记排放维修…",
            ["工单号", "送修日期", "车牌", "检验报告编号", "不合格项目", "维修措施", "复检结果", "复检报告编号"],
            lambda ctx: ctx.owner.emissions.list(), _emissions_row,
            [Export("导出 Excel…", "Excel (*.xlsx)", "排放维修记录.xlsx",
                    lambda ctx, rs, shop: ctx.owner.emissions.export_excel(rs, shop, _period(rs, lambda r: r.order.intake_on)))],
            "还没有排放维修记录。排放检验不合格来修的车，接车后点“登记排放维修…”。", stretch=5),
    TabSpec("accident", "登记事故维修…",
            ["保险公司", "报案/理赔号", "直赔", "工单号", "车牌", "结算清单编号", "定损金额", "结算金额", "差额"],
            lambda ctx: ctx.owner.accidents.list(), _accident_row,
            [Export("导出对账 Excel…", "Excel (*.xlsx)", "事故维修对账.xlsx",
                    lambda ctx, rs, shop: ctx.owner.accidents.export_excel(rs, shop, _period(rs, lambda r: r.order.intake_on)))],
            "还没有事故维修记录。保险定损的车，点“登记事故维修…”填写保险公司、报案号和定损金额。", right=(6, 7, 8)),
)  # fmt: skip


class RecordTab(QWidget):
    """One list of special records: add, export, and an empty state that says what to do."""

    def __init__(self, ctx: AppContext, spec: TabSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.spec = spec
        self.records: list[Any] = []
        self.loaded = False
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #9a5b00; background: #fff4e0; padding: 4px 8px;")
        self.hint.hide()
        self.add_button = QPushButton(self.tr(spec.add_caption))
        self.export_buttons = [QPushButton(self.tr(e.caption)) for e in spec.exports]
        self.table = read_only_table([self.tr(h) for h in spec.headers], stretch=spec.stretch)
        self.empty = QLabel(self.tr(spec.empty))
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #546e7a; padding: 8px;")
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        for b in (self.add_button, *self.export_buttons):
            b.setMinimumHeight(34)
        for b in self.export_buttons:
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.count)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        for b, export in zip(self.export_buttons, spec.exports, strict=True):
            b.clicked.connect(lambda _c=False, e=export: self._on_export_button_clicked(e))

    def reload(self) -> None:
        ctx, spec = self._ctx, self.spec

        def load() -> tuple[list[Any], list[FrequentHint]]:
            return spec.load(ctx), ctx.owner.defects.frequent() if spec.kind == "defect" else []

        run_in_background(self, load, self._show)

    def _show(self, result: tuple[list[Any], list[FrequentHint]]) -> None:
        self.records, hints = result
        self.loaded = True
        fill_rows(self.table, [self.spec.row(r) for r in self.records], right=self.spec.right)
        self.empty.setVisible(not self.records)
        self.count.setText(self.tr("共 {0} 条").format(len(self.records)))
        for b in self.export_buttons:
            b.setEnabled(bool(self.records))
        text = "\n".join(self.tr("提示：{0} 的“{1}”近一年已在 {2} 辆车上出现（{3} 例），建议向生产企业和市场监管部门报告。").format(
            h.brand_model, h.component, h.vehicles, h.cases) for h in hints)  # fmt: skip
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def open_dialog(self) -> Any:
        return DIALOGS[self.spec.kind](self._ctx, self)

    def _on_add_button_clicked(self) -> None:
        dialog = self.open_dialog()
        if dialog.exec():
            self.reload()

    def _on_export_button_clicked(self, export: Export) -> None:
        path = ask_save_path(self, self.tr(export.caption.rstrip("…")), export.name, export.pattern)
        if path:
            self.export_to(export, path)

    def export_to(self, export: Export, path: str) -> None:
        ctx, rows = self._ctx, list(self.records)

        def make() -> bytes:
            shop = ctx.shop.get()
            return export.make(ctx, rows, shop.name if shop else "")

        save_bytes(self, path, make, lambda p: self.count.setText(self.tr("已导出到 {0}").format(p)))


class DefectsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet("QTabBar::tab { min-height: 32px; padding: 4px 14px; }")
        self.record_tabs = [RecordTab(ctx, spec) for spec in SPECS]
        for tab, caption in zip(self.record_tabs, (self.tr("疑似缺陷"), self.tr("排放维修（M站）"), self.tr("事故维修")),
                                strict=True):  # fmt: skip
            self.tabs.addTab(tab, caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.refresh()

    def refresh(self) -> None:
        for tab in self.record_tabs:
            tab.reload()
