"""The shop's registered details: one form, hosted by the first-start dialog and by the settings page.

Why one form class: the name, credit code and enterprise code go to the EHR exactly as typed, so both
places must check and save them the same way. The form validates what the domain can check on its own
(credit code, list prefix) when a field is left, and shows the service's verdict under the field it names
on submit; the typed text is never replaced by a normalised one until the save succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError, Issue
from app.domain.plate import PROVINCES
from app.domain.shopid import validate_credit_code, validate_prefix
from app.i18n import render_issue
from app.services.dto import ShopInfo
from app.services.settlement import format_costlistcode
from app.services.shop import ShopService
from ui.errors import show_error
from ui.tasks import run_in_background

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #666666;"

# Field key (as the service names it in DomainError.field) → domain check that needs no database.
_LOCAL_CHECKS: dict[str, Callable[[str], str]] = {
    "credit_code": validate_credit_code,
    "list_prefix": validate_prefix,
}


class ShopFormView(QWidget):
    """Lays out the fields, each with a red message line under it (hidden until there is something to say)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(maxLength=100, placeholderText=self.tr("必填，与经营备案登记的名称完全一致"))
        self.credit_code = QLineEdit(maxLength=24, placeholderText=self.tr("必填，18 位，见营业执照"))
        self.address = QLineEdit(maxLength=200)
        self.phone = QLineEdit(maxLength=40)
        self.contact = QLineEdit(maxLength=40)
        self.company_code = QLineEdit(maxLength=40, placeholderText=self.tr("由省级电子健康档案系统分配"))
        self.list_prefix = QLineEdit(maxLength=12, placeholderText=self.tr("必填，字母或数字，例如 SH01"))
        self.prefix_example = QLabel(styleSheet=HINT_STYLE)
        self.home_province = QComboBox()
        self.home_province.addItem(self.tr("（不预填）"), "")
        for char in PROVINCES:
            self.home_province.addItem(char, char)
        self.home_province.setMaxVisibleItems(16)
        self.labour_rate = QDoubleSpinBox(decimals=2, maximum=99999.99, singleStep=10.0)
        self.labour_rate.setSuffix(self.tr(" 元/小时"))
        self.labour_rate.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.general_error = QLabel(styleSheet=ERROR_STYLE, wordWrap=True, visible=False)

        self.fields: dict[str, QWidget] = {
            "name": self.name,
            "credit_code": self.credit_code,
            "address": self.address,
            "phone": self.phone,
            "contact": self.contact,
            "company_code": self.company_code,
            "list_prefix": self.list_prefix,
            "home_province": self.home_province,
            "labour_rate": self.labour_rate,
        }
        labels = {
            "name": self.tr("维修企业名称"),
            "credit_code": self.tr("统一社会信用代码"),
            "address": self.tr("地址"),
            "phone": self.tr("电话"),
            "contact": self.tr("联系人"),
            "company_code": self.tr("EHR 企业编码"),
            "list_prefix": self.tr("结算清单编号前缀"),
            "home_province": self.tr("本地车牌省份"),
            "labour_rate": self.tr("默认工时单价"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, widget in self.fields.items():
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            if key == "list_prefix":
                cell.addWidget(self.prefix_example)
            error = QLabel(styleSheet=ERROR_STYLE, visible=False)  # no wrap: keeps QFormLayout rows exact
            error.setObjectName(f"error_{key}")
            self.errors[key] = error
            cell.addWidget(error)
            label = QLabel(labels[key])
            label.setBuddy(widget)
            form.addRow(label, cell)
        form.addRow(self.general_error)
        self.home_province.setToolTip(self.tr("接车时车牌输入框预先填好的省份简称"))
        self.company_code.setToolTip(self.tr("上传维修记录时使用的 companycode；未接入系统时可以先空着"))


class ShopForm(QWidget):
    """The shop form's behaviour: load, check on leaving a field, submit through the service off-thread."""

    saved = Signal(object)  # ShopInfo as stored (normalised)
    busy_changed = Signal(bool)

    def __init__(self, shop: ShopService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shop = shop
        self._loaded: ShopInfo | None = None
        self._edited: set[str] = set()
        self.view = ShopFormView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        for key, widget in self.view.fields.items():
            widget.installEventFilter(self)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _text, k=key: self._edited.add(k))
                widget.editingFinished.connect(lambda k=key: self._on_field_editingFinished(k))
        self.view.list_prefix.textChanged.connect(self._on_list_prefix_textChanged)
        self._on_list_prefix_textChanged("")

    # -- data in and out ---------------------------------------------------------------------------------
    def set_info(self, info: ShopInfo | None) -> None:
        """Fill the fields (``None``: a new shop, only the defaults)."""
        self._loaded = info
        v = self.view
        info = info or ShopInfo("", "", "", "", "", "")
        v.name.setText(info.name)
        v.credit_code.setText(info.credit_code)
        v.address.setText(info.address)
        v.phone.setText(info.phone)
        v.contact.setText(info.contact)
        v.company_code.setText(info.company_code)
        v.list_prefix.setText(info.list_prefix)
        v.home_province.setCurrentIndex(max(v.home_province.findData(info.home_province), 0))
        v.labour_rate.setValue(info.labour_rate_fen / 100)
        self.clear_errors()

    def info(self) -> ShopInfo:
        """What is typed, as a ShopInfo; fields the form does not show keep their stored values."""
        v = self.view
        rate_fen = int(Decimal(f"{v.labour_rate.value():.2f}") * 100)
        typed = ShopInfo(
            name=v.name.text(),
            credit_code=v.credit_code.text(),
            address=v.address.text(),
            phone=v.phone.text(),
            company_code=v.company_code.text(),
            list_prefix=v.list_prefix.text(),
            contact=v.contact.text(),
            home_province=str(v.home_province.currentData() or ""),
            labour_rate_fen=rate_fen,
        )
        return replace(typed, rating_url=self._loaded.rating_url) if self._loaded else typed

    # -- messages ----------------------------------------------------------------------------------------
    def show_issues(self, issues: list[Issue]) -> None:
        """Each message under the field it names; the rest (no field, or one not on the form) at the end."""
        general: list[str] = []
        for issue in issues:
            label = self.view.errors.get(issue.field or "")
            if label is None:
                general.append(render_issue(issue))
            else:
                label.setText(render_issue(issue))
                label.setVisible(True)
        self.view.general_error.setText("\n".join(general))
        self.view.general_error.setVisible(bool(general))
        first = next((i.field for i in issues if i.field in self.view.fields), None)
        if first:
            self.view.fields[first].setFocus()

    def clear_errors(self) -> None:
        for label in self.view.errors.values():
            label.clear()
            label.setVisible(False)
        self.view.general_error.setVisible(False)
        self._edited.clear()

    def _set_error(self, key: str, issue: Issue | None) -> None:
        label = self.view.errors[key]
        label.setText(render_issue(issue) if issue else "")
        label.setVisible(issue is not None)

    def _check_locally(self, key: str) -> Issue | None:
        check = _LOCAL_CHECKS.get(key)
        widget = self.view.fields[key]
        if check is None or not isinstance(widget, QLineEdit):
            return None
        try:
            check(widget.text())
        except DomainError as e:
            return e.issues[0]
        return None

    # -- submit ------------------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Check, then save in the background; ``saved`` fires on success. False if a check failed here."""
        local = [issue for key in _LOCAL_CHECKS if (issue := self._check_locally(key))]
        self.clear_errors()
        if local:
            self.show_issues(local)
            return False
        info = self.info()
        self.busy_changed.emit(True)
        run_in_background(self, lambda: self._shop.configure(info), self._on_configure_done, self._on_configure_failed)
        return True

    def _on_configure_done(self, stored: ShopInfo) -> None:
        self.busy_changed.emit(False)
        self.set_info(stored)
        self.saved.emit(stored)

    def _on_configure_failed(self, exc: BaseException) -> None:
        self.busy_changed.emit(False)
        if isinstance(exc, DomainError):
            self.show_issues(exc.issues)
        else:
            show_error(self, exc)

    # -- slots -------------------------------------------------------------------------------------------
    def _on_field_editingFinished(self, key: str) -> None:
        if key in _LOCAL_CHECKS:
            self._set_error(key, self._check_locally(key))
        elif key in self._edited:  # a submit message is stale once the text changed
            self._set_error(key, None)
        self._edited.discard(key)

    def _on_list_prefix_textChanged(self, text: str) -> None:
        prefix = text.strip().upper() or "SH01"
        day = QDate.currentDate().toString("yyyyMMdd")
        self.view.prefix_example.setText(self.tr("编号示例：{0}").format(format_costlistcode(prefix, day, 1)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter moves to the next field, as on the paper form; it never submits half a form."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.focusNextChild()  # leaving the field runs its check (editingFinished)
                return True
        return super().eventFilter(watched, event)


class ShopSetupDialog(QDialog):
    """First start: the app cannot print a settlement list without the shop's registered identity."""

    def __init__(self, shop: ShopService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("欢迎使用扳手 — 填写维修企业信息"))
        intro = QLabel(
            self.tr(
                "开始接车之前，请填写贵店在道路运输管理部门备案的信息。"
                "这些信息会印在结算清单上，并上传到汽车维修电子健康档案系统。以后可以在“设置”里修改。"
            ),
            wordWrap=True,
        )
        self.form = ShopForm(shop, self)
        self.form.set_info(None)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存并开始使用"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.stored: ShopInfo | None = None
        self.form.saved.connect(self._on_form_saved)
        self.form.busy_changed.connect(self._on_form_busy_changed)

    def _on_buttons_accepted(self) -> None:
        self.form.submit()

    def _on_form_saved(self, info: ShopInfo) -> None:
        self.stored = info
        self.accept()

    def _on_form_busy_changed(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
