"""Who may do what: three access roles and the permissions each one holds.

The rule table lives here, once, and services ask :class:`app.security.guard.Guard` before they act, so
a button that a UI bug leaves visible still cannot do what the role may not (``事前审核``). The UI reads
the same table to hide what a role cannot use; hiding is convenience, the service check is the rule.

Staff roles on work orders (服务顾问, 前台, 技师, 店主) map onto access roles: an advisor works the
front desk. Technicians see work without prices or customers' phone numbers (``VIEW_PRICES`` and
``VIEW_CONTACTS``); the owner holds everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Perm(StrEnum):
    INTAKE = "intake"  # vehicles, owners, new work orders
    ORDERS = "orders"  # edit work orders: lines with prices, states
    WORK = "work"  # a technician's own work lines
    VIEW_ORDERS = "view_orders"  # see the list of work orders and their detail
    SETTLE = "settle"  # settle, correct, cancel
    PRINT = "print"  # settlement lists, history PDFs, handoff records
    VIEW_PRICES = "view_prices"
    VIEW_CONTACTS = "view_contacts"  # owners' names and phone numbers unmasked
    CUSTOMER_CARE = "customer_care"  # reminders, defect cases, emissions and accident records
    WASTE = "waste"  # hazardous-waste ledger and handoffs
    RATINGS = "ratings"  # owner ratings, follow-ups, dashboard
    REPORTS = "reports"
    EXPORT = "export"  # files that leave the PC (Excel, CSV)
    SETTINGS = "settings"  # shop details, app settings, EHR profile and credentials
    USERS = "users"
    BACKUP = "backup"  # backup and restore
    AUDIT = "audit"  # browse, export and verify the audit trail


OWNER = "owner"
FRONT_DESK = "frontdesk"
TECHNICIAN = "technician"
ACCESS_ROLES = (OWNER, FRONT_DESK, TECHNICIAN)

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    OWNER: frozenset(Perm),
    FRONT_DESK: frozenset({
        Perm.INTAKE, Perm.ORDERS, Perm.WORK, Perm.VIEW_ORDERS, Perm.SETTLE, Perm.PRINT, Perm.VIEW_PRICES,
        Perm.VIEW_CONTACTS, Perm.CUSTOMER_CARE,
    }),
    TECHNICIAN: frozenset({Perm.WORK, Perm.VIEW_ORDERS, Perm.WASTE}),
}

# Staff role (on work orders) → access role (what the account may do).
STAFF_TO_ACCESS = {"owner": OWNER, "frontdesk": FRONT_DESK, "advisor": FRONT_DESK, "technician": TECHNICIAN}


def access_role(staff_role: str) -> str:
    """Unknown staff roles get the narrowest access, never the widest."""
    return STAFF_TO_ACCESS.get(staff_role, TECHNICIAN)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in account, the first-setup stand-in, or the background system."""

    staff_id: int | None
    name: str
    role: str  # an access role

    def may(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS.get(self.role, frozenset())


# Before the first account exists the folder is being set up: its one user is the future owner.
SETUP_ACTOR = Actor(None, "初始设置", OWNER)
# Background work that no person starts (sync uploads, rating fetches) is recorded under this name.
SYSTEM_ACTOR = Actor(None, "系统", OWNER)


# What each permission lets a person do, in the words of the refusal message ("…没有权限：{what}").
PERM_LABELS: dict[Perm, tuple[str, str]] = {
    Perm.INTAKE: ("接车登记", "vehicle intake"),
    Perm.ORDERS: ("编辑工单", "editing work orders"),
    Perm.WORK: ("登记维修作业", "recording repair work"),
    Perm.VIEW_ORDERS: ("查看工单", "viewing work orders"),
    Perm.SETTLE: ("结算、更正或作废工单", "settling, correcting or cancelling work orders"),
    Perm.PRINT: ("打印", "printing"),
    Perm.VIEW_PRICES: ("查看价格", "seeing prices"),
    Perm.VIEW_CONTACTS: ("查看车主联系方式", "seeing owners' contact details"),
    Perm.CUSTOMER_CARE: ("客户服务（提醒、缺陷、排放与事故记录）",
                         "customer services (reminders, defects, emissions and accident records)"),
    Perm.WASTE: ("危险废物台账", "the hazardous-waste ledger"),
    Perm.RATINGS: ("车主评价与经营看板", "owner ratings and the dashboard"),
    Perm.REPORTS: ("报表", "reports"),
    Perm.EXPORT: ("导出文件", "exporting files"),
    Perm.SETTINGS: ("设置（本店信息、电子健康档案账号）", "settings (shop details, EHR account)"),
    Perm.USERS: ("账号管理", "managing accounts"),
    Perm.BACKUP: ("备份与恢复", "backup and restore"),
    Perm.AUDIT: ("审计日志", "the audit trail"),
}

ROLE_LABELS: dict[str, tuple[str, str]] = {
    OWNER: ("店主", "owner"),
    FRONT_DESK: ("前台", "front desk"),
    TECHNICIAN: ("技师", "technician"),
}
