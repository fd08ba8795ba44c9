"""The owner's security screens at 1366×768: accounts (add, disable), the audit trail (entries, readable
changes, export, verification) and backups (back up now, list, second folder, restore)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app.backup import BackupService
from app.context import AppContext
from app.security.credentials import CredentialStore
from tests.dbs import sqlite_only
from tests.memory_keyring import MemoryKeyring
from tests.ui.conftest import WAIT_MS
from tests.ui.security_helpers import STAFF_PASSWORD, add_staff_account, with_owner
from tests.ui.shots import shots_dir
from ui.dialogs.account_dialogs import AddAccountDialog
from ui.dialogs.password_dialogs import ResetPasswordDialog
from ui.main_window import MainWindow
from ui.models.audit_model import change_lines


def _owner_window(qtbot: QtBot, ctx: AppContext, page_name: str) -> MainWindow:
    owner = with_owner(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.session.set_account(owner)
    window.session.set_idle_timeout_ms(0)
    window.show()
    window.nav.setCurrentRow(window.stack.indexOf(getattr(window, page_name)))
    return window


def test_accounts_page_adds_and_disables_an_account(qtbot: QtBot, ctx: AppContext) -> None:
    window = _owner_window(qtbot, ctx, "accounts_page")
    page = window.accounts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    page.view.add_button.click()
    qtbot.waitUntil(lambda: isinstance(page.dialog, AddAccountDialog) and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = page.dialog
    assert isinstance(dialog, AddAccountDialog)
    assert dialog.existing_person.isEnabled()  # 王丽 and 李强 are on the staff list without a login
    dialog.existing_person.setChecked(True)
    dialog.staff.setCurrentIndex(dialog.staff.findText("李强"))
    assert dialog.role.currentData() == "technician"  # the staff member's role is proposed
    dialog.username.setText("liqiang")
    dialog.password.first.setText(STAFF_PASSWORD)
    dialog.password.second.setText(STAFF_PASSWORD)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert page.select_username("liqiang")
    added = page.selected()
    assert added is not None and added.role == "technician" and added.must_change_password
    page.view.toggle_button.click()
    qtbot.waitUntil(lambda: page.selected() is not None and not page.selected().active, timeout=WAIT_MS)
    assert page.view.toggle_button.text() == "重新启用"
    assert "已停用" in page.view.status.text()
    add_staff_account(ctx, "王丽", "wangli", "frontdesk", ready=False)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    window.grab().save(str(shots_dir() / "accounts.png"))


def test_owner_cannot_disable_their_own_account(qtbot: QtBot, ctx: AppContext) -> None:
    window = _owner_window(qtbot, ctx, "accounts_page")
    page = window.accounts_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    page.view.table.selectRow(0)
    page.view.toggle_button.click()
    qtbot.waitUntil(page.view.message.isVisible, timeout=WAIT_MS)
    assert "不能停用自己" in page.view.message.text()


def test_audit_page_lists_changes_readably_and_verifies_intact(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    window = _owner_window(qtbot, ctx, "audit_page")
    add_staff_account(ctx, "王丽", "wangli", "frontdesk")
    member = next(m for m in ctx.staff.list() if m.name == "李强")
    ctx.staff.set_active(member.id, False)
    page = window.audit_page
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > 5, timeout=WAIT_MS)
    rows = [page.model.entry(i) for i in range(page.model.rowCount())]
    disabled = next(r for r in rows if r.entity == "staff" and r.entity_id == str(member.id) and r.action == "update")
    assert change_lines(disabled) == ["启用: 是 → 否"]
    assert [r.seq for r in (page.model.entry(i) for i in range(page.model.rowCount()))] == sorted(
        (page.model.entry(i).seq for i in range(page.model.rowCount())), reverse=True)
    page.view.action.setCurrentIndex(page.view.action.findData("login"))
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1 and page.model.entry(0).action == "login", timeout=WAIT_MS)
    assert {page.model.entry(i).action for i in range(page.model.rowCount())} == {"login"}
    page.view.action.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() > 5, timeout=WAIT_MS)

    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
    assert page.report is not None and page.report.ok
    assert page.view.verdict.text().startswith("✔ 审计日志完整")

    target = tmp_path / "审计日志.csv"
    page.export_to(target)
    qtbot.waitUntil(target.exists, timeout=WAIT_MS)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["序号", "时间", "操作人"] and len(rows) > 5


def test_audit_page_names_the_first_broken_entry(qtbot: QtBot, ctx: AppContext) -> None:
    window = _owner_window(qtbot, ctx, "audit_page")
    for i in range(4):
        ctx.staff.add(f"员工{i}", "technician")
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET after = :a WHERE seq = 3"), {"a": '{"name":"别人"}'})
    page = window.audit_page
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS)
    assert page.report is not None and page.report.first_broken == 3
    assert "第 3 条被改动过" in page.view.verdict.text()
    assert page.view.locate_button.isVisible()
    page.view.locate_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.entry(0).seq == 3, timeout=WAIT_MS)


@pytest.fixture
def backup_ctx(ctx: AppContext) -> AppContext:
    """The backup service with an in-memory keyring, so a second folder with a passphrase can be set."""
    ctx.backups = BackupService(ctx.data_dir, ctx.db, ctx.clock, ctx.guard, ctx.audit,
                                secrets=CredentialStore(MemoryKeyring()))
    return ctx


@sqlite_only("the backup page copies the SQLite file; on PostgreSQL the server backs up (test_backup_postgres)")
def test_backup_page_backs_up_now_and_copies_to_the_second_folder(
    qtbot: QtBot, backup_ctx: AppContext, tmp_path: Path
) -> None:
    window = _owner_window(qtbot, backup_ctx, "backup_page")
    page = window.backup_page
    usb = tmp_path / "U盘"
    usb.mkdir()
    page.choose_folder(usb)
    page.view.passphrase.first.setText("短口令")
    page.view.passphrase.second.setText("短口令")
    page.view.save_second.click()
    assert "至少" in page.view.passphrase.message.text()  # checked before anything is saved
    page.view.passphrase.first.setText("店里的备份口令2026")
    page.view.passphrase.second.setText("店里的备份口令2026")
    page.view.save_second.click()
    qtbot.waitUntil(lambda: "已保存" in page.view.second_message.text(), timeout=WAIT_MS)
    assert backup_ctx.backups.second_folder() == usb.resolve()

    page.view.backup_button.click()
    assert not page.view.backup_button.isEnabled()
    qtbot.waitUntil(lambda: page.result is not None, timeout=WAIT_MS)
    result = page.result
    assert result is not None and result.verified and result.second_copy is not None
    assert result.second_copy.parent == usb.resolve()
    assert "✔ 备份完成并已校验" in page.view.verdict.text() and "第二备份位置" in page.view.verdict.text()
    qtbot.waitUntil(lambda: page.view.table.rowCount() == 2, timeout=WAIT_MS)  # local + encrypted copy
    window.grab().save(str(shots_dir() / "backups.png"))


@sqlite_only("the restore replaces the SQLite file; on PostgreSQL the server restores (test_backup_postgres)")
def test_restore_verifies_asks_twice_and_closes_the_window(
    qtbot: QtBot, backup_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _owner_window(qtbot, backup_ctx, "backup_page")
    page = window.backup_page
    made = backup_ctx.backups.run("manual")
    backup_ctx.staff.add("备份之后的员工", "technician")
    page.refresh()
    qtbot.waitUntil(lambda: page.view.table.rowCount() == 1, timeout=WAIT_MS)
    page.view.table.selectRow(0)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(page.restore, "ask", lambda title, _text, _ok: asked.append(title) or True)
    monkeypatch.setattr(page.restore, "tell", lambda title, body, error=False: told.append(body))
    page.view.restore_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=WAIT_MS * 2)
    assert asked == ["恢复备份", "确认恢复"]
    assert made.path.name in told[0] and "请重新启动扳手" in told[0]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    names = [m.name for m in backup_ctx.staff.list(include_inactive=True)]
    assert "备份之后的员工" not in names


def test_audit_page_on_a_busy_shop(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    """Hundreds of orders: the first page only, settlements in words, and the check with its seals."""
    window = _owner_window(qtbot, seeded_ctx, "audit_page")
    page = window.audit_page
    page.view.action.setCurrentIndex(page.view.action.findData("settle"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and page.model.entry(0).action == "settle", timeout=WAIT_MS)
    settled = next(page.model.entry(i) for i in range(page.model.rowCount())
                   if page.model.entry(i).entity == "work_orders" and "已结算" in "".join(change_lines(page.model.entry(i))))
    assert "状态: 已完工 → 已结算" in change_lines(settled)
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT_MS * 3)
    assert page.report is not None and page.report.ok and page.report.seals_checked > 100
    page.view.table.selectRow(0)
    window.grab().save(str(shots_dir() / "audit.png"))


def test_owner_resets_a_forgotten_staff_password(qtbot: QtBot, ctx: AppContext) -> None:
    window = _owner_window(qtbot, ctx, "accounts_page")
    add_staff_account(ctx, "王丽", "wangli", "frontdesk")
    page = window.accounts_page
    page.refresh()
    qtbot.waitUntil(lambda: page.select_username("wangli"), timeout=WAIT_MS)
    page.view.reset_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ResetPasswordDialog) and "王丽" in dialog.windowTitle()
    dialog.new.first.setText("Temp-reset-55")
    dialog.new.second.setText("Temp-reset-55")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "临时密码" in page.view.status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.select_username("wangli") and page.selected().must_change_password, timeout=WAIT_MS)
    assert ctx.accounts.login("wangli", "Temp-reset-55").must_change_password
