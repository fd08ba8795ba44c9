"""What each role sees in the main window: navigation entries, menu actions, and the work-order screens.

A navigation entry is hidden when the role lacks the permission its screen needs (:data:`PAGE_PERMS`); a
screen nobody classified is the owner's only, until someone does. Technicians see the order list without
amounts and the editor read-only, without prices, other charges, totals or actions. Hiding is
convenience — the services refuse anyway (``app.security.guard``) — but the UI must not offer what fails.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.security.guard import Guard
from app.security.permissions import Perm
from ui.models.order_list_model import COL_DUE

# The window attribute of each screen → the permission it needs (editor: also hidden until an order opens).
PAGE_PERMS: tuple[tuple[str, Perm], ...] = (
    ("intake_page", Perm.INTAKE), ("orders_page", Perm.VIEW_ORDERS), ("editor_page", Perm.VIEW_ORDERS),
    ("settings_page", Perm.SETTINGS), ("sync_page", Perm.ORDERS), ("ehr_settings_page", Perm.SETTINGS),
    ("waste_page", Perm.WASTE), ("history_page", Perm.PRINT), ("reminders_page", Perm.CUSTOMER_CARE),
    ("defects_page", Perm.CUSTOMER_CARE), ("dashboard_page", Perm.RATINGS), ("accounts_page", Perm.USERS),
    ("audit_page", Perm.AUDIT), ("backup_page", Perm.BACKUP),
)
MONEY_COLUMNS = frozenset({"rate_fen", "amount", "unit_price_fen", "cost_price_fen", "amount_fen"})


def page_permission(window: Any, page: QWidget) -> Perm:
    for name, perm in PAGE_PERMS:
        if getattr(window, name, None) is page:
            return perm
    return Perm.SETTINGS


def apply_role(window: Any, guard: Guard) -> None:
    for row in range(window.nav.count()):
        page = window.stack.widget(row)
        allowed = guard.can(page_permission(window, page))
        item = window.nav.item(row)
        if page is window.editor_page:
            if not allowed:
                item.setHidden(True)  # otherwise it stays as it is: shown once an order is open
        else:
            item.setHidden(not allowed)
    current = window.nav.currentItem()
    if current is None or current.isHidden():
        go_first_visible(window)
    _apply_menus(window, guard)
    _apply_orders(window, guard)


def go_first_visible(window: Any) -> None:
    nav = window.nav
    for row in range(nav.count()):
        if not nav.item(row).isHidden():
            nav.setCurrentRow(row)
            return


def _apply_menus(window: Any, guard: Guard) -> None:
    window.new_intake_action.setVisible(guard.can(Perm.INTAKE))
    window.find_action.setVisible(guard.can(Perm.VIEW_ORDERS))
    areas = {f"Ctrl+{row + 1}": window.stack.widget(row) for row in range(min(4, window.stack.count()))}
    for action in window.findChildren(QAction):  # 转到 → Ctrl+1…4 follow the navigation
        page = areas.get(action.shortcut().toString(QKeySequence.SequenceFormat.PortableText))
        if page is not None:
            action.setVisible(guard.can(page_permission(window, page)))


def _apply_orders(window: Any, guard: Guard) -> None:
    """Technicians: the list without amounts; the editor read-only, without prices or actions."""
    prices, edit = guard.can(Perm.VIEW_PRICES), guard.can(Perm.ORDERS)
    window.orders_page.view.table.setColumnHidden(COL_DUE, not prices)
    editor = window.editor_page
    view = editor.view
    for model, section in ((editor.labour_model, view.labour), (editor.parts_model, view.parts)):
        for col, column in enumerate(model.columns):
            if column.key in MONEY_COLUMNS:
                section.table.setColumnHidden(col, not prices)
        section.add_button.setVisible(edit)
        section.remove_button.setVisible(edit)
    view.fees.parentWidget().setVisible(prices)  # other charges and the totals: money only
    for button in (view.save_button, view.start_button, view.complete_button, view.cancel_button):
        button.setVisible(edit)
    view.settle_button.setVisible(guard.can(Perm.SETTLE))
    view.correct_button.setVisible(guard.can(Perm.SETTLE))
    view.print_button.setVisible(guard.can(Perm.PRINT))
    editor._update_actions()  # read-only models and disabled buttons follow the new rights
