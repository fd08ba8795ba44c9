"""维修履历: find a vehicle, preview its repair history in either form, save the PDF (which records the
verification code), and check a code someone presents.

The preview is the service's own :class:`VehicleHistory`, so what the clerk sees is what will print
(masked plate and all); the PDF is rendered and written off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.domain.clock import to_local
from app.domain.workorder import PART_CATEGORIES, label
from app.owner_services.history import DEIDENTIFIED, FULL, IssuedHistory, VehicleHistory, Verification
from app.reports.history_report import REMOVED_TEXT, km, render_history, suggested_name
from app.services.dto import VehicleSummary
from ui.dialogs.owner_common import ask_save_path, fill_rows, read_only_table, save_bytes
from ui.errors import message_for
from ui.tasks import run_in_background


class VehicleHistoryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入车牌、车架号后几位或车主手机号查找车辆"))
        self.search.setMinimumHeight(34)
        self.vehicles = read_only_table([self.tr("车牌"), self.tr("品牌型号"), self.tr("车主"), self.tr("来店次数"),
                                         self.tr("最近来店")], stretch=1)  # fmt: skip
        self.vehicles.setMaximumHeight(170)
        self.full_radio = QRadioButton(self.tr("车主版（完整）"))
        self.deid_radio = QRadioButton(self.tr("去隐私版（二手车交易 / 出口证明）"))
        self.full_radio.setChecked(True)
        self.form_group = QButtonGroup(self)
        self.form_group.addButton(self.full_radio)
        self.form_group.addButton(self.deid_radio)
        self.consent = QCheckBox(self.tr("车主同意显示完整车牌"))
        self.save_button = QPushButton(self.tr("保存 PDF 并登记验证码…"))
        self.save_button.setMinimumHeight(36)
        self.save_button.setEnabled(False)
        self.title = QLabel(self.tr("请先查找并选择车辆"))
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.visits = read_only_table([self.tr("结算日期"), self.tr("结算清单编号"), self.tr("里程(km)"),
                                       self.tr("维修项目"), self.tr("更换配件")], stretch=3)  # fmt: skip
        self.removed = QLabel()
        self.removed.setWordWrap(True)
        self.removed.setStyleSheet("color: #9a5b00;")
        self.issued = QLabel()
        self.issued.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("例如 1A2B-3C4D-5E6F-7081"))
        self.verify_button = QPushButton(self.tr("核验"))
        self.verify_result = QLabel(self.tr("有人拿着本店出具的履历来核实时，输入文件上的验证码。"))
        self.verify_result.setWordWrap(True)

        options = QHBoxLayout()
        for w in (self.full_radio, self.deid_radio, self.consent):
            options.addWidget(w)
        options.addStretch(1)
        options.addWidget(self.save_button)
        verify = QGroupBox(self.tr("核验验证码"))
        vrow = QHBoxLayout()
        vrow.addWidget(self.code, 1)
        vrow.addWidget(self.verify_button)
        vbox = QVBoxLayout(verify)
        vbox.addLayout(vrow)
        vbox.addWidget(self.verify_result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.vehicles)
        layout.addLayout(options)
        layout.addWidget(self.title)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.removed)
        layout.addWidget(self.issued)
        layout.addWidget(verify)


class VehicleHistoryPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._hits: list[VehicleSummary] = []
        self.history: VehicleHistory | None = None
        self.last_issued: IssuedHistory | None = None
        self.view = v = VehicleHistoryView()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(v)
        v.search.textChanged.connect(self._on_search_textChanged)
        v.vehicles.itemSelectionChanged.connect(self._on_vehicles_itemSelectionChanged)
        v.full_radio.toggled.connect(self._on_full_radio_toggled)
        v.consent.toggled.connect(self._on_consent_toggled)
        v.save_button.clicked.connect(self._on_save_button_clicked)
        v.verify_button.clicked.connect(self._on_verify_button_clicked)
        v.code.returnPressed.connect(self._on_verify_button_clicked)
        v.consent.setEnabled(False)

    # -- finding the vehicle -----------------------------------------------------------------------------
    def _on_search_textChanged(self, text: str) -> None:
        vehicles = self._ctx.vehicles
        run_in_background(self, lambda: vehicles.search(text), self._show_hits)

    def _show_hits(self, hits: list[VehicleSummary]) -> None:
        self._hits = hits
        fill_rows(self.view.vehicles, [[h.plate, h.brand_model, h.owner_name, str(h.visits),
                                        h.last_visit.isoformat() if h.last_visit else ""] for h in hits])  # fmt: skip
        if len(hits) == 1:
            self.view.vehicles.selectRow(0)

    def _selected_vehicle(self) -> int | None:
        row = self.view.vehicles.currentRow()
        return self._hits[row].id if 0 <= row < len(self._hits) else None

    def _on_vehicles_itemSelectionChanged(self) -> None:
        self.reload_preview()

    # -- preview -----------------------------------------------------------------------------------------
    def form(self) -> str:
        return FULL if self.view.full_radio.isChecked() else DEIDENTIFIED

    def _on_full_radio_toggled(self, full: bool) -> None:
        self.view.consent.setEnabled(not full)
        self.reload_preview()

    def _on_consent_toggled(self, _checked: bool) -> None:
        self.reload_preview()

    def reload_preview(self) -> None:
        vehicle_id = self._selected_vehicle()
        if vehicle_id is None:
            return
        history, form, consent = self._ctx.owner.history, self.form(), self.view.consent.isChecked()
        run_in_background(self, lambda: history.build(vehicle_id, form, plate_consent=consent), self._show_history)

    def _show_history(self, h: VehicleHistory) -> None:
        self.history = h
        v = self.view
        owner = f"　{h.owner_name} {h.owner_phone}" if h.owner_name else ""
        v.title.setText(self.tr("{0}　{1}　VIN {2}{3}　共 {4} 次结算").format(h.plate, h.brand_model, h.vin, owner, len(h.visits)))
        fill_rows(v.visits, [[x.settled_on.isoformat(), x.costlistcode, km(x.mileage), "、".join(x.work),
                              "、".join(f"{p.name}（{label(PART_CATEGORIES, p.category)}）" for p in x.parts)]
                             for x in h.visits], right=(2,))  # fmt: skip
        removed = "；".join(REMOVED_TEXT[r] for r in h.removed if r in REMOVED_TEXT)
        v.removed.setText(self.tr("去隐私：已删除{0}。").format(removed) if removed else "")
        v.save_button.setEnabled(bool(h.visits))

    # -- saving and verifying ----------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        vehicle_id = self._selected_vehicle()
        if vehicle_id is None or self.history is None:
            return
        name = f"维修履历_{'去隐私版' if self.form() == DEIDENTIFIED else '车主版'}_{self.history.vin}.pdf"
        path = ask_save_path(self, self.tr("保存维修履历"), name, "PDF (*.pdf)")
        if path:
            self.save_pdf(path)

    def save_pdf(self, path: str) -> None:
        """Issue the history (recording its code) and write the PDF to ``path``, off the GUI thread."""
        vehicle_id = self._selected_vehicle()
        if vehicle_id is None:
            return
        history, form, consent = self._ctx.owner.history, self.form(), self.view.consent.isChecked()

        def make() -> bytes:
            issued = history.issue(vehicle_id, form, plate_consent=consent)
            self.last_issued = issued
            return render_history(issued)

        save_bytes(self, path, make, self._on_saved)

    def _on_saved(self, path: str) -> None:
        code = self.last_issued.code if self.last_issued else ""
        name = suggested_name(self.last_issued) if self.last_issued else path
        self.view.issued.setText(self.tr("已保存 {0}，验证码 {1}（已登记，可随时核验）").format(name, code))

    def _on_verify_button_clicked(self) -> None:
        text, history = self.view.code.text(), self._ctx.owner.history
        run_in_background(self, lambda: history.verify(text), self._show_verification, self._on_verify_failed)

    def _show_verification(self, c: Verification) -> None:
        form = self.tr("去隐私版") if c.form == DEIDENTIFIED else self.tr("车主版")
        numbers = "、".join(c.list_numbers)
        self.view.verify_result.setStyleSheet("color: #2e7d32;")
        self.view.verify_result.setText(self.tr(
            "✔ 本店于 {0} 出具（{1}）：车牌 {2}，VIN {3}，{4}，共 {5} 次结算（{6} 至 {7}），最后里程 {8} km。\n"
            "结算清单编号：{9}\n请与对方文件逐项核对，任何一项不一致即说明文件被改动过。"
        ).format(to_local(c.issued_at).strftime("%Y-%m-%d %H:%M"), form, c.plate, c.vin, c.brand_model, c.visits,
                 c.first_on or "", c.last_on or "", km(c.last_mileage), numbers))  # fmt: skip

    def _on_verify_failed(self, exc: BaseException) -> None:
        self.view.verify_result.setStyleSheet("color: #c62828;")
        self.view.verify_result.setText("✘ " + message_for(exc))
