"""The accounts list as a Qt table model: one :class:`~app.security.accounts.Account` per row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.clock import to_local
from app.security.accounts import Account

COL_NAME, COL_USERNAME, COL_ROLE, COL_ACCESS, COL_ACTIVE, COL_LOCKED, COL_NOTE = range(7)
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


translate = QCoreApplication.translate  # literal calls below, so lupdate finds every string


def staff_role_labels() -> dict[str, str]:
    """Staff roles in the order the owner chooses among them."""
    return {"owner": translate("AccountModel", "店主"), "frontdesk": translate("AccountModel", "前台"), "advisor": translate("AccountModel", "服务顾问"), "technician": translate("AccountModel", "技师")}


def access_labels() -> dict[str, str]:
    return {"owner": translate("AccountModel", "全部功能"), "frontdesk": translate("AccountModel", "前台权限"), "technician": translate("AccountModel", "技师权限")}


def access_summary(staff_role: str) -> str:
    """What an account of this staff role can do, in a sentence (shown when the owner picks a role)."""
    if staff_role == "owner":
        return translate("AccountModel", "全部功能，包括设置、经营看板、账号、审计日志和备份。")
    if staff_role == "technician":
        return translate("AccountModel", "查看工单（不显示价格和车主电话）、危废台账。不能接车、改工单或结算。")
    return translate("AccountModel", "接车、工单、结算、打印、保养提醒与缺陷记录、上传队列。看不到经营看板、设置、账号、审计日志和备份。")


class AccountModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Account] = []
        self._now: datetime | None = None
        self._roles = staff_role_labels()
        self._access = access_labels()
        self._titles = [translate("AccountModel", "姓名"), translate("AccountModel", "登录名"), translate("AccountModel", "角色"), translate("AccountModel", "权限"), translate("AccountModel", "状态"), translate("AccountModel", "锁定"), translate("AccountModel", "备注")]

    def set_rows(self, rows: list[Account], now: datetime) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def account(self, row: int) -> Account:
        return self._rows[row]

    def rows(self) -> list[Account]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        return None

    def is_locked(self, account: Account) -> bool:
        return account.locked_until is not None and self._now is not None and account.locked_until > self._now

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        account, col = self._rows[index.row()], index.column()
        if role == ACCOUNT_ROLE:
            return account
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(account, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ACTIVE:
                return QColor("#2e7d32" if account.active else "#b71c1c")
            if col == COL_LOCKED and self.is_locked(account):
                return QColor("#b71c1c")
            if not account.active:
                return QColor("#9e9e9e")
        return None

    def _text(self, a: Account, col: int) -> str:
        if col == COL_NAME:
            return a.name
        if col == COL_USERNAME:
            return a.username
        if col == COL_ROLE:
            return self._roles.get(a.role, a.role)
        if col == COL_ACCESS:
            return self._access.get(a.access, a.access)
        if col == COL_ACTIVE:
            return translate("AccountModel", "启用") if a.active else translate("AccountModel", "已停用")
        if col == COL_LOCKED:
            if self.is_locked(a) and a.locked_until is not None:
                return translate("AccountModel", "锁定至 {0}").format(to_local(a.locked_until).strftime("%H:%M"))
            return "—"
        if col == COL_NOTE:
            return translate("AccountModel", "下次登录须改密码") if a.must_change_password else ""
        return ""
