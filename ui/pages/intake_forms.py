"""The two forms of the intake page: 新车登记 (vehicle and owner) and 接车 (the work-order header).

Each form lays out its fields in the order of the paper form, owns a red/amber message line under every
field, turns its fields into the service's input values, and checks on leaving a field what can be checked
without the database (plate and VIN shape). Everything else is the service's word.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.rules import parse_mileage
from app.domain.vin import normalize_vin, validate_vin, vin_issues, wmi_hint
from app.domain.workorder import LABOUR_STANDARDS, REPAIR_CATEGORIES, VEHICLE_TYPES, label
from app.i18n import language, render_error
from app.services.dto import StaffMember
from app.services.vehicles import VehicleInput
from app.services.workorders import IntakeHeader
from ui.models.catalogue import complaints
from ui.widgets.form_helpers import (
    FieldMessage,
    FormFeedback,
    clean_as_typed,
    from_shop_qdatetime,
    to_shop_qdatetime,
)
from ui.widgets.plate_edit import PlateEdit

LARGE_VEHICLE_TYPES = frozenset({"truck", "bus"})


def _code_combo(parent: QWidget, table: dict[str, tuple[str, str]], default: str) -> QComboBox:
    combo = QComboBox(parent)
    lang = language()
    for code in table:
        combo.addItem(label(table, code, lang), code)
    combo.setCurrentIndex(combo.findData(default))
    return combo


class _Form(QGroupBox):
    """A titled grid where each field has its label on the left and its message line underneath."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.general = FieldMessage(self)
        self.feedback = FormFeedback(self.general)

    def add_field(
        self, row: int, col: int, text: str, widget: QWidget, *names: str, span: int = 1, beside: QWidget | None = None
    ) -> FieldMessage:
        """Caption, field (with an optional hint ``beside`` it) and the message line under both."""
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        if beside is None:
            box.addWidget(widget)
        else:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(beside, 1)
            box.addLayout(line)
        message = FieldMessage(cell)
        box.addWidget(message)
        self.grid.addWidget(caption, row, col * 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.grid.addWidget(cell, row, col * 2 + 1, 1, span * 2 - 1, Qt.AlignmentFlag.AlignTop)  # a message grows down
        return self.feedback.register(message, *names)


class VehicleForm(_Form):
    """新车登记: plate (with colour), VIN (the maker hint pre-fills the brand), brand/model, engine number,
    vehicle type, owner and phone."""

    def __init__(self, home_province: str = "", parent: QWidget | None = None) -> None:
        super().__init__(self.tr("新车登记"), parent)
        self.plate = PlateEdit(home_province, self)
        self.vin = QLineEdit(self)
        self.vin.setMaxLength(30)
        self.vin.setPlaceholderText(self.tr("17 位，字母自动大写"))
        self.wmi_label = QLabel(self)
        self.wmi_label.setStyleSheet("color: #555;")
        self.brand_model = QLineEdit(self)
        self.brand_model.setMaxLength(60)
        self._brands = QStringListModel(self)
        self.brand_model.setCompleter(QCompleter(self._brands, self.brand_model))
        self.engine_no = QLineEdit(self)
        self.engine_no.setMaxLength(40)
        self.vehicle_type = _code_combo(self, VEHICLE_TYPES, "car")
        self.owner_name = QLineEdit(self)
        self.owner_name.setMaxLength(60)
        self.owner_phone = QLineEdit(self)
        self.owner_phone.setMaxLength(20)
        self._auto_brand = ""

        self.plate_message = self.add_field(0, 0, self.tr("车牌号码"), self.plate, "plate", "plate_colour", span=2)
        self.vin_message = self.add_field(1, 0, self.tr("车架号(VIN)"), self.vin, "vin", span=2, beside=self.wmi_label)
        self.add_field(2, 0, self.tr("品牌型号"), self.brand_model, "brand_model")
        self.add_field(2, 1, self.tr("发动机号"), self.engine_no, "engine_no")
        self.add_field(3, 0, self.tr("车辆类型"), self.vehicle_type, "vehicle_type")
        self.add_field(4, 0, self.tr("车主姓名"), self.owner_name, "owner_name")
        self.add_field(4, 1, self.tr("车主电话"), self.owner_phone, "owner_phone")
        self.grid.addWidget(self.general, 5, 0, 1, 4)

        clean_as_typed(self.vin, normalize_vin)
        self.vin.textChanged.connect(self._on_vin_text_changed)
        self.vin.editingFinished.connect(self._on_vin_editing_finished)
        self.plate.editing_finished.connect(self._on_plate_editing_finished)
        self.vehicle_type.currentIndexChanged.connect(self._on_vehicle_type_current_index_changed)

    def fields(self) -> list[QWidget]:
        """In Tab order (the order of the paper form)."""
        return [self.plate.line, self.plate.colour, self.vin, self.brand_model, self.engine_no,
                self.vehicle_type, self.owner_name, self.owner_phone]  # fmt: skip

    def values(self) -> VehicleInput:
        return VehicleInput(
            plate=self.plate.plate(),
            plate_colour=self.plate.plate_colour(),
            vin=self.vin.text(),
            brand_model=self.brand_model.text(),
            engine_no=self.engine_no.text(),
            vehicle_type=str(self.vehicle_type.currentData()),
            owner_name=self.owner_name.text(),
            owner_phone=self.owner_phone.text(),
        )

    def reset(self) -> None:
        self.plate.reset()
        for edit in (self.vin, self.brand_model, self.engine_no, self.owner_name, self.owner_phone):
            edit.clear()
        self.vehicle_type.setCurrentIndex(self.vehicle_type.findData("car"))
        self._auto_brand = ""
        self.feedback.clear()

    def _on_vin_text_changed(self, text: str) -> None:
        """Pre-fill the brand from the maker code while the brand is empty or still our own guess."""
        hint = wmi_hint(text)
        if hint is None:
            self.wmi_label.setText("")
            return
        self.wmi_label.setText(self.tr("厂商：{0}").format(hint.manufacturer_zh if language() != "en" else hint.manufacturer_en))
        self._brands.setStringList(list(hint.brands))
        guess = hint.brands[0] if hint.brands else ""
        if guess and self.brand_model.text() in ("", self._auto_brand):
            self.brand_model.setText(guess)
            self._auto_brand = guess

    def _on_vin_editing_finished(self) -> None:
        try:
            vin = validate_vin(self.vin.text())
        except DomainError as exc:
            self.vin_message.show_error(render_error(exc))
            return
        warnings = vin_issues(vin)
        if warnings:
            self.feedback.show_issues(warnings)
        else:
            self.vin_message.clear_message()

    def _on_plate_editing_finished(self) -> None:
        problem = self.plate.problem()
        if problem is None:
            self.plate_message.clear_message()
        else:
            self.plate_message.show_error(render_error(problem))

    def _on_vehicle_type_current_index_changed(self, _index: int) -> None:
        self.plate.set_large_vehicle(self.vehicle_type.currentData() in LARGE_VEHICLE_TYPES)


class IntakeForm(_Form):
    """接车: date, mileage (never 0 by default; the last one shown next to it), who brought the car, the
    complaint (autocompleted), repair category, labour standard and advisor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("接车信息"), parent)
        self.intake_at = QDateTimeEdit(self)
        self.intake_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.intake_at.setCalendarPopup(True)
        self.mileage = QLineEdit(self)
        self.mileage.setPlaceholderText(self.tr("公里（结算前必须填写）"))
        self.mileage.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.last_mileage = QLabel(self)
        self.last_mileage.setStyleSheet("color: #555;")
        self.bringer_name = QLineEdit(self)
        self.bringer_name.setMaxLength(60)
        self.bringer_phone = QLineEdit(self)
        self.bringer_phone.setMaxLength(20)
        self.fault = QLineEdit(self)
        self.fault.setMaxLength(200)
        self.fault.setPlaceholderText(self.tr("车主描述的故障现象，输入关键字可选常见描述"))
        fault_completer = QCompleter(list(complaints()), self.fault)
        fault_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        fault_completer.setMaxVisibleItems(12)
        self.fault.setCompleter(fault_completer)
        self.category = _code_combo(self, REPAIR_CATEGORIES, "MINOR_REPAIR")
        self.standard = _code_combo(self, LABOUR_STANDARDS, "industry")
        self.advisor = QComboBox(self)

        self.add_field(0, 0, self.tr("送修日期"), self.intake_at, "intake_date", "intake_at")
        self.mileage_message = self.add_field(0, 1, self.tr("送修里程"), self.mileage, "intake_mileage")
        self.grid.addWidget(self.last_mileage, 1, 2, 1, 2, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.add_field(2, 0, self.tr("送修人"), self.bringer_name, "bringer_name")
        self.add_field(2, 1, self.tr("送修人电话"), self.bringer_phone, "bringer_phone")
        self.add_field(3, 0, self.tr("故障描述"), self.fault, "fault_description", span=2)
        self.add_field(4, 0, self.tr("维修类别"), self.category, "repair_category")
        self.add_field(4, 1, self.tr("工时定额执行标准"), self.standard, "labour_standard")
        self.add_field(5, 0, self.tr("服务顾问"), self.advisor, "advisor")
        self.grid.addWidget(self.general, 6, 0, 1, 4)

    def fields(self) -> list[QWidget]:
        return [self.intake_at, self.mileage, self.bringer_name, self.bringer_phone, self.fault,
                self.category, self.standard, self.advisor]  # fmt: skip

    def set_advisors(self, advisors: list[StaffMember], keep: int | None) -> None:
        """Advisors by id; keep the current choice, else the first advisor (usually the one at the desk)."""
        self.advisor.clear()
        self.advisor.addItem(self.tr("（未指定）"), None)
        for member in advisors:
            self.advisor.addItem(member.name, member.id)
        index = self.advisor.findData(keep) if keep is not None else -1
        self.advisor.setCurrentIndex(index if index >= 0 else min(1, self.advisor.count() - 1))

    def set_owner_defaults(self, name: str, phone: str) -> None:
        """送修人 defaults to the owner: shown as placeholder; left empty, the service uses the owner."""
        self.bringer_name.setPlaceholderText(self.tr("同车主 {0}").format(name) if name else self.tr("同车主"))
        self.bringer_phone.setPlaceholderText(phone or self.tr("同车主"))

    def set_last_mileage(self, km: int | None, when: str = "") -> None:
        if km is None:
            self.last_mileage.setText(self.tr("上次里程：无记录"))
        else:
            self.last_mileage.setText(self.tr("上次里程：{0} 公里{1}").format(f"{km:,}", when))

    def reset(self, now: datetime) -> None:
        self.intake_at.setDateTime(to_shop_qdatetime(now))
        for edit in (self.mileage, self.bringer_name, self.bringer_phone, self.fault):
            edit.clear()
        self.category.setCurrentIndex(self.category.findData("MINOR_REPAIR"))
        self.standard.setCurrentIndex(self.standard.findData("industry"))
        self.last_mileage.clear()
        self.feedback.clear()

    def mileage_km(self) -> int | None:
        """Raises ``mileage.invalid`` for text that is not a whole number of kilometres."""
        return parse_mileage(self.mileage.text())

    def header(self) -> IntakeHeader:
        """The header for the service; raises ``DomainError`` when the mileage cannot be read.

        An empty mileage is allowed (a car towed in with a dead dashboard): settlement asks for it later,
        and nothing is ever filled in on the clerk's behalf.
        """
        return IntakeHeader(
            intake_at=from_shop_qdatetime(self.intake_at.dateTime()),
            intake_mileage=self.mileage_km(),
            fault_description=self.fault.text(),
            repair_category=str(self.category.currentData()),
            labour_standard=str(self.standard.currentData()),
            advisor_id=self.advisor.currentData(),
            bringer_name=self.bringer_name.text(),
            bringer_phone=self.bringer_phone.text(),
        )
