"""接车 (intake): find the car first, create it only as a fallback, then open the work order.

Search runs as the clerk types (debounced, off the UI thread; a late answer to an older query is
dropped). Choosing a hit shows its last visits and pre-fills the order; 新车登记 opens the vehicle form,
pre-filled from what was searched. 开单 creates the vehicle if needed (warnings such as a wrong VIN check
digit are confirmed with a reason in one small dialog), then opens the order and emits
``order_opened(id)``. Whatever fails, the typed data stays where it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.context import AppContext
from app.domain.errors import DomainError, Issue, WarningsNotConfirmed
from app.domain.plate import PROVINCES
from app.services.dto import (
    ShopInfo,
    StaffMember,
    VehicleDetail,
    VehicleSummary,
    VisitSummary,
    WorkOrderDetail,
)
from app.services.vehicles import normalize_query
from app.services.workorders import IntakeHeader
from ui.models.vehicle_models import VehicleResultsModel, VisitsModel
from ui.pages.intake_view import HINT_PAGE, NEW_VEHICLE_PAGE, VEHICLE_PAGE, IntakeView
from ui.tasks import run_in_background
from ui.widgets.form_helpers import install_enter_advances
from ui.widgets.warning_reasons import ConfirmWarningsDialog

SEARCH_DELAY_MS = 250
_PHONE = re.compile(r"1\d{10}")


def guess_new_vehicle(text: str, home_province: str) -> dict[str, str]:
    """What the searched text probably was, to pre-fill the new-vehicle form: a phone, a VIN or a plate."""
    q = normalize_query(text)
    if not q:
        return {}
    if _PHONE.fullmatch(q):
        return {"phone": q}
    if len(q) == 17 and q.isascii():
        return {"vin": q}
    if q[0] in PROVINCES:
        return {"plate": q}
    return {"plate": home_province + q} if q[0].isalpha() and q.isascii() else {}


class IntakePage(QWidget):
    """``order_opened(id)`` after 开单; the main window then shows the order editor."""

    order_opened = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._home = ""
        self._search_seq = 0
        self._visits_seq = 0
        self._choose_first = False
        self._searching = False
        self._vehicle_id: int | None = None
        self._vin = ""
        self._reasons: dict[str, str] = {}
        self._busy = False
        self.confirm_dialog: ConfirmWarningsDialog | None = None
        self.results_model = VehicleResultsModel(self)
        self.visits_model = VisitsModel(self)
        self.view = IntakeView(self.results_model, self.visits_model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._wire()
        self.reset()

    def _wire(self) -> None:
        v = self.view
        v.search.textEdited.connect(self._on_search_text_edited)
        v.search.installEventFilter(self)
        self._search_timer.timeout.connect(self._run_search)
        v.results.selectionModel().currentRowChanged.connect(self._on_results_current_row_changed)
        v.results.activated.connect(self._on_results_activated)
        v.visits.doubleClicked.connect(self._on_visits_double_clicked)
        v.new_vehicle_button.clicked.connect(self._on_new_vehicle_button_clicked)
        v.intake_form.mileage.editingFinished.connect(self._on_mileage_editing_finished)
        v.open_button.clicked.connect(self.submit)
        install_enter_advances(self, [*v.vehicle_form.fields(), *v.intake_form.fields(), v.open_button])

    # -- public API -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the shop's home province and the advisors (settings may have changed)."""
        ctx = self._ctx
        run_in_background(self, lambda: (ctx.shop.get(), ctx.staff.list("advisor")), self._on_settings_loaded)

    def reset(self) -> None:
        """Ready for the next car: empty search, no vehicle chosen, fresh defaults (today, no mileage)."""
        v = self.view
        v.search.clear()
        self.results_model.set_rows([])
        self.visits_model.set_rows([])
        self._vehicle_id, self._vin, self._reasons = None, "", {}
        v.vehicle_form.reset()
        v.intake_form.reset(self._ctx.clock.now())
        v.intake_form.set_owner_defaults("", "")
        v.show_vehicle_page(HINT_PAGE)
        v.search_status.setText(self.tr("输入至少 2 个字符开始查找"))
        v.busy.clear()
        v.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """开单: create the vehicle first when it is new, then open the order."""
        v = self.view
        if self._busy:
            return
        if v.current_vehicle_page == HINT_PAGE:
            v.intake_form.general.show_error(self.tr("请先在左侧选择车辆，或点“新车登记”。"))
            return
        v.vehicle_form.feedback.clear()
        v.intake_form.feedback.clear()
        try:
            header = v.intake_form.header()
        except DomainError as exc:
            v.intake_form.feedback.show_issues(exc.issues)
            return
        if self._vehicle_id is None:
            self._create_vehicle(header)
        else:
            self._open_order(self._vehicle_id, header)

    # -- search -----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box, Down goes to the results and Enter takes the first hit."""
        if watched is self.view.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.results_model.rowCount():
                self.view.results.setFocus()
                self.view.results.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self._choose_first = True
                    self._search_timer.stop()
                    self._run_search()
                else:
                    self._choose_first_hit()
                return True
        return super().eventFilter(watched, event)

    def is_searching(self) -> bool:
        """A search is waiting for the typing pause or for its answer."""
        return self._searching

    def _on_search_text_edited(self, _text: str) -> None:
        self._searching = True
        self._search_timer.start()

    def _run_search(self) -> None:
        text = self.view.search.text()
        self._search_seq += 1
        seq, ctx = self._search_seq, self._ctx
        if len(normalize_query(text)) < 2:
            self._searching = False
            self.results_model.set_rows([])
            self.view.search_status.setText(self.tr("输入至少 2 个字符开始查找"))
            return
        self.view.search_status.setText(self.tr("正在查找…"))
        run_in_background(self, lambda: (seq, ctx.vehicles.search(text)), self._on_search_done)

    def _on_search_done(self, result: tuple[int, list[VehicleSummary]]) -> None:
        seq, hits = result
        if seq != self._search_seq:
            return  # an older query answered late
        self._searching = self._search_timer.isActive()
        self.results_model.set_rows(hits)
        text = self.view.search.text().strip()
        if hits:
            self.view.search_status.setText(self.tr("找到 {0} 辆车。↓ 选择，Enter 选第一辆").format(len(hits)))
        else:
            self.view.search_status.setText(
                self.tr("没有找到“{0}”。请核对后再查；确实是新车，点“新车登记”（Alt+N）。").format(text)
            )
        if self._choose_first:
            self._choose_first = False
            self._choose_first_hit()

    def _choose_first_hit(self) -> None:
        if self.results_model.rowCount():
            self.view.results.selectRow(0)
            self._focus_intake()

    def _focus_intake(self) -> None:
        self.view.intake_form.mileage.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- choosing a vehicle -----------------------------------------------------------------------------
    def _on_results_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choose_vehicle(self.results_model.row(current.row()))

    def _on_results_activated(self, _index: QModelIndex) -> None:
        self._focus_intake()

    def _choose_vehicle(self, vehicle: VehicleSummary | VehicleDetail) -> None:
        v, form = self.view, self.view.intake_form
        self._vehicle_id, self._vin = vehicle.id, vehicle.vin
        last_km = getattr(vehicle, "last_mileage", None)
        last_visit = getattr(vehicle, "last_visit", None)
        visits = getattr(vehicle, "visits", 0)
        v.vehicle_card.setText(
            self.tr("<b style='font-size:16pt'>{0}</b>　{1}<br>车主 {2}　{3}<br>VIN {4}　来店 {5} 次").format(
                vehicle.plate, vehicle.brand_model or "—", vehicle.owner_name, vehicle.owner_phone, vehicle.vin, visits
            )
        )
        v.show_vehicle_page(VEHICLE_PAGE)
        form.set_owner_defaults(vehicle.owner_name, vehicle.owner_phone)
        form.set_last_mileage(last_km, f"（{last_visit.isoformat()}）" if last_visit else "")
        if form.mileage.text().strip():
            self._on_mileage_editing_finished()
        self._visits_seq += 1
        seq, ctx, vehicle_id = self._visits_seq, self._ctx, vehicle.id
        run_in_background(self, lambda: (seq, ctx.vehicles.visits(vehicle_id)), self._on_visits_loaded)

    def _on_visits_loaded(self, result: tuple[int, list[VisitSummary]]) -> None:
        seq, visits = result
        if seq == self._visits_seq:
            self.visits_model.set_rows(visits)

    def _on_visits_double_clicked(self, index: QModelIndex) -> None:
        visit = self.visits_model.row(index.row())
        if visit.costlistcode is None:
            self.order_opened.emit(visit.work_order_id)

    def _on_new_vehicle_button_clicked(self) -> None:
        v, form = self.view, self.view.vehicle_form
        self.view.results.clearSelection()
        self.visits_model.set_rows([])
        self._vehicle_id, self._vin, self._reasons = None, "", {}
        form.reset()
        guess = guess_new_vehicle(v.search.text(), self._home)
        if "plate" in guess:
            form.plate.set_plate(guess["plate"])
        form.vin.setText(guess.get("vin", ""))
        form.owner_phone.setText(guess.get("phone", ""))
        v.intake_form.set_owner_defaults("", "")
        v.intake_form.set_last_mileage(None)
        v.show_vehicle_page(NEW_VEHICLE_PAGE)
        form.plate.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- checks while typing ----------------------------------------------------------------------------
    def _on_mileage_editing_finished(self) -> None:
        form = self.view.intake_form
        try:
            km = form.mileage_km()
        except DomainError as exc:
            form.feedback.show_issues(exc.issues)
            return
        form.mileage_message.clear_message()
        if km is None:
            return
        vin = self._vin or self.view.vehicle_form.vin.text()
        ctx = self._ctx
        run_in_background(self, lambda: ctx.orders.mileage_warnings(vin, km), self._on_mileage_checked, self._on_mileage_failed)

    def _on_mileage_checked(self, warnings: list[Issue]) -> None:
        if warnings:
            self.view.intake_form.feedback.show_issues(warnings)

    def _on_mileage_failed(self, exc: BaseException) -> None:
        self.view.intake_form.feedback.show_exception(exc)

    # -- submitting -------------------------------------------------------------------------------------
    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.view.open_button.setEnabled(not busy)
        self.view.busy.setText(text)

    def _create_vehicle(self, header: IntakeHeader) -> None:
        data, reasons, ctx = self.view.vehicle_form.values(), dict(self._reasons), self._ctx
        self._set_busy(True, self.tr("正在登记车辆…"))

        def done(detail: VehicleDetail) -> None:
            self._set_busy(False)
            self._choose_vehicle(detail)  # from now on a retry only opens the order: no duplicate car
            self._open_order(detail.id, header)

        run_in_background(
            self, lambda: ctx.vehicles.create(data, reasons), done, lambda exc: self._on_create_failed(exc, header)
        )

    def _on_create_failed(self, exc: BaseException, header: IntakeHeader) -> None:
        self._set_busy(False)
        if isinstance(exc, WarningsNotConfirmed):
            self.confirm_dialog = ConfirmWarningsDialog(exc.warnings, self._reasons, self)
            self.confirm_dialog.accepted.connect(lambda: self._on_confirm_dialog_accepted(header))
            self.confirm_dialog.open()
            return
        self.view.vehicle_form.feedback.show_exception(exc)

    def _on_confirm_dialog_accepted(self, header: IntakeHeader) -> None:
        assert self.confirm_dialog is not None
        self._reasons.update(self.confirm_dialog.confirmations())
        self._create_vehicle(header)

    def _open_order(self, vehicle_id: int, header: IntakeHeader) -> None:
        ctx = self._ctx
        self._set_busy(True, self.tr("正在开单…"))
        run_in_background(self, lambda: ctx.orders.open(vehicle_id, header), self._on_opened, self._on_open_failed)

    def _on_opened(self, detail: WorkOrderDetail) -> None:
        self._set_busy(False)
        self.order_opened.emit(detail.id)
        self.reset()

    def _on_open_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.view.intake_form.feedback.show_exception(exc)

    # -- settings ---------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _on_settings_loaded(self, result: tuple[ShopInfo | None, list[StaffMember]]) -> None:
        shop, advisors = result
        self._home = shop.home_province if shop else ""
        self.view.vehicle_form.plate.set_home_province(self._home)
        form = self.view.intake_form
        form.set_advisors(advisors, form.advisor.currentData())
