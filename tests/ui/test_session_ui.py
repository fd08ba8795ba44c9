"""The window and who is at it: what each role sees, switching user without restarting, and the lock after
idle time — with real accounts (Argon2) on a real database, offscreen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.security.accounts import Account
from tests.ui.conftest import WAIT_MS
from tests.ui.security_helpers import (
    OWNER_PASSWORD,
    add_staff_account,
    dialog_over,
    staff_password,
    with_owner,
)
from tests.ui.shots import shots_dir
from ui.main_window import MainWindow
from ui.models.order_list_model import COL_DUE


def _window(qtbot: QtBot, ctx: AppContext, account: Account | None = None) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.session.set_account(account)
    window.show()
    return window


def _visible_areas(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count()) if not window.nav.item(row).isHidden()]


def _log_in(qtbot: QtBot, window: MainWindow, username: str, password: str) -> None:
    qtbot.waitUntil(lambda: window.session.login_dialog is not None and window.session.login_dialog.isVisible(),
                    timeout=WAIT_MS)
    dialog = window.session.login_dialog
    assert dialog is not None
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.login_button.click()
    qtbot.waitUntil(lambda: not window.session.is_locked(), timeout=WAIT_MS)


def test_setup_mode_asks_nobody_and_shows_everything(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    assert not window.session.is_locked() and window.session.login_dialog is None
    assert "初始设置" in window.session.user_label.text()
    assert {"设置", "经营看板", "账号", "审计日志", "危废台账", "接车"} <= set(_visible_areas(window))
    assert not window.session.switch_action.isEnabled()


def test_technician_sees_orders_and_waste_but_not_settings_or_prices(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    add_staff_account(ctx, "李师傅", "lishifu", "technician")
    account = ctx.accounts.login("lishifu", staff_password())
    window = _window(qtbot, ctx, account)
    areas = _visible_areas(window)
    assert "危废台账" in areas and "工单" in areas
    for hidden in ("设置", "经营看板", "接车", "账号", "审计日志", "电子健康档案", "同步"):
        assert hidden not in areas, hidden
    assert window.stack.currentWidget() is window.orders_page  # the first screen they may use
    assert window.orders_page.view.table.isColumnHidden(COL_DUE)
    editor = window.editor_page.view
    assert editor.save_button.isHidden() and editor.settle_button.isHidden()
    assert not editor.totals.isVisibleTo(window.editor_page) and not editor.fees.isVisibleTo(window.editor_page)
    assert not window.new_intake_action.isVisible()
    assert window.session.user_label.text() == "当前用户：李师傅（技师）"


def test_front_desk_has_no_owner_screens(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    add_staff_account(ctx, "王丽", "wangli", "frontdesk")
    account = ctx.accounts.login("wangli", staff_password())
    window = _window(qtbot, ctx, account)
    areas = _visible_areas(window)
    assert {"接车", "工单", "同步", "保养提醒"} <= set(areas)
    for hidden in ("设置", "经营看板", "电子健康档案", "账号", "审计日志", "备份与恢复"):
        assert hidden not in areas, hidden
    assert not window.orders_page.view.table.isColumnHidden(COL_DUE)


def test_switch_user_rebuilds_the_navigation_for_the_new_role(qtbot: QtBot, ctx: AppContext) -> None:
    owner = with_owner(ctx)
    add_staff_account(ctx, "李师傅", "lishifu", "technician")
    window = _window(qtbot, ctx, owner)
    assert "设置" in _visible_areas(window)
    window.session.switch_action.trigger()
    assert window.session.is_locked()
    assert not window.centralWidget().isVisible() and window.session.curtain.isVisible()
    _log_in(qtbot, window, "lishifu", staff_password())
    assert window.centralWidget().isVisible() and not window.session.curtain.isVisible()
    assert "设置" not in _visible_areas(window) and "危废台账" in _visible_areas(window)
    assert window.session.user_label.text() == "当前用户：李师傅（技师）"
    assert ctx.guard.actor is not None and ctx.guard.actor.name == "李师傅"
    actions = [(r.actor_name, r.action) for r in _trail_as_owner(ctx)]
    assert ("张建国", "logout") in actions and ("李师傅", "login") in actions


def _trail_as_owner(ctx: AppContext) -> list:
    current = ctx.guard.actor
    ctx.accounts.login("boss", OWNER_PASSWORD)
    try:
        return ctx.audit.entries(limit=50)
    finally:
        if current is not None:
            ctx.guard.login(current)


def test_idle_time_locks_the_window_and_the_same_person_continues(qtbot: QtBot, ctx: AppContext) -> None:
    owner = with_owner(ctx)
    window = _window(qtbot, ctx, owner)
    window.nav.setCurrentRow(window.stack.indexOf(window.audit_page))
    window.session.set_idle_timeout_ms(300)
    qtbot.waitUntil(window.session.is_locked, timeout=WAIT_MS)
    assert not window.centralWidget().isVisible()
    dialog = window.session.login_dialog
    assert dialog is not None and dialog.username.text() == "boss"  # who locked it, ready for the password
    dialog.reject()  # Escape does not open the lock
    assert window.session.is_locked()
    dialog_over(dialog, shots_dir() / "lock_screen.png", window)
    _log_in(qtbot, window, "boss", OWNER_PASSWORD)
    assert window.stack.currentWidget() is window.audit_page  # where they were
    window.session.set_idle_timeout_ms(0)


def test_another_person_at_the_lock_screen_starts_afresh(qtbot: QtBot, ctx: AppContext) -> None:
    owner = with_owner(ctx)
    add_staff_account(ctx, "王丽", "wangli", "frontdesk")
    window = _window(qtbot, ctx, owner)
    window.nav.setCurrentRow(window.stack.indexOf(window.dashboard_page))
    window.session.lock()
    _log_in(qtbot, window, "wangli", staff_password())
    assert window.stack.currentWidget() is window.intake_page
    assert "经营看板" not in _visible_areas(window)
