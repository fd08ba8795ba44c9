"""The owner adds an account: a new staff member, or a login for someone already on the staff list
(whose name is on past work orders), with a role and a temporary password they change at first login."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.context import AppContext
from app.security.accounts import Account
from app.services.dto import StaffMember
from ui.dialogs.password_dialogs import PasswordPair
from ui.models.account_model import access_summary, staff_role_labels
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, FormFeedback


class AddAccountDialog(QDialog):
    """``staff_without_login``: active staff members who have no account yet (they can be given one)."""

    def __init__(self, ctx: AppContext, staff_without_login: list[StaffMember], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result_account: Account | None = None
        self.setWindowTitle(self.tr("添加账号"))
        self.new_person = QRadioButton(self.tr("新员工"))
        self.existing_person = QRadioButton(self.tr("已有员工（已在工单上出现过）"))
        self.new_person.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.new_person)
        group.addButton(self.existing_person)
        self.name = QLineEdit(maxLength=40, placeholderText=self.tr("姓名"))
        self.staff = QComboBox()
        for member in staff_without_login:
            self.staff.addItem(member.name, member)
        self.existing_person.setEnabled(bool(staff_without_login))
        self.staff.setEnabled(False)
        self.role = QComboBox()
        for code, text in staff_role_labels().items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(self.role.findData("frontdesk"))
        self.role_summary = QLabel(wordWrap=True)
        self.role_summary.setStyleSheet("color: #555555;")
        self.username = QLineEdit(maxLength=40, placeholderText=self.tr("登录时输入，不含空格"))
        self.password = PasswordPair(self)
        hint = QLabel(self.tr("临时密码请当面告诉本人；本人第一次登录时必须改成自己的密码。"), wordWrap=True)
        hint.setStyleSheet("color: #555555;")
        self.message = FieldMessage(self)
        self.feedback = FormFeedback(self.message)
        self.feedback.register(FieldMessage(self), "name")
        self.feedback.register(FieldMessage(self), "username")
        self.feedback.register(self.password.message, "password")
        form = QFormLayout()
        form.addRow(self.new_person, self.name)
        form.addRow("", self.feedback.message("name"))
        form.addRow(self.existing_person, self.staff)
        form.addRow(self.tr("角色"), self.role)
        form.addRow("", self.role_summary)
        form.addRow(self.tr("登录名"), self.username)
        form.addRow("", self.feedback.message("username"))
        form.addRow(self.tr("临时密码"), self.password)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("添加账号"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows when a message shows
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.username.setMinimumWidth(320)
        self.existing_person.toggled.connect(self._on_existing_person_toggled)
        self.staff.currentIndexChanged.connect(self._on_staff_currentIndexChanged)
        self.role.currentIndexChanged.connect(self._on_role_currentIndexChanged)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self._on_role_currentIndexChanged(self.role.currentIndex())

    def _on_existing_person_toggled(self, existing: bool) -> None:
        self.name.setEnabled(not existing)
        self.staff.setEnabled(existing)
        if existing:
            self._on_staff_currentIndexChanged(self.staff.currentIndex())

    def _on_staff_currentIndexChanged(self, _index: int) -> None:
        member = self.staff.currentData()
        if isinstance(member, StaffMember) and self.existing_person.isChecked():
            index = self.role.findData(member.role)
            if index >= 0:
                self.role.setCurrentIndex(index)

    def _on_role_currentIndexChanged(self, _index: int) -> None:
        self.role_summary.setText(access_summary(str(self.role.currentData())))

    def _on_buttons_accepted(self) -> None:
        self.feedback.clear()
        if not self.password.check():
            return
        member = self.staff.currentData() if self.existing_person.isChecked() else None
        staff_id = member.id if isinstance(member, StaffMember) else None
        name = member.name if isinstance(member, StaffMember) else self.name.text()
        role, username, password = str(self.role.currentData()), self.username.text(), self.password.password()
        accounts = self._ctx.accounts
        self.ok_button.setEnabled(False)
        run_in_background(self, lambda: accounts.add(name, username, role, password, staff_id=staff_id),
                          self._on_added, self._on_failed)

    def _on_added(self, account: Account) -> None:
        self.result_account = account
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.feedback.show_exception(exc)
