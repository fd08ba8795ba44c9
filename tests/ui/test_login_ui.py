"""First start (the owner's account and recovery code), login with clear refusals, the forced new
password, and recovery with the printed code — through the real AccountService (Argon2) offscreen."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.i18n import render
from tests.conftest import SHOP
from tests.ui.conftest import WAIT_MS
from tests.ui.security_helpers import (
    OWNER_PASSWORD,
    add_staff_account,
    dialog_over,
    staff_password,
    with_owner,
)
from tests.ui.shots import shots_dir
from ui.dialogs.login_dialog import (
    MODE_START,
    STEP_CHANGE,
    STEP_LOGIN,
    STEP_NEW_CODE,
    STEP_RECOVER,
    LoginDialog,
)
from ui.dialogs.owner_setup_dialog import STEP_CODE, OwnerSetupDialog
from ui.session import sign_in_at_start

CODE = re.compile(r"^[A-Z2-9]{5}(?: - [A-Z2-9]{5}){3}$")


def _setup_dialog(qtbot: QtBot, ctx: AppContext) -> OwnerSetupDialog:
    dialog = OwnerSetupDialog(ctx, ctx.shop.get())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_first_start_creates_the_owner_and_shows_the_recovery_code(qtbot: QtBot, ctx: AppContext) -> None:
    assert ctx.guard.in_setup()
    dialog = _setup_dialog(qtbot, ctx)
    form = dialog.form
    form.name.setText("张建国")
    form.username.setText("boss")
    form.password.first.setText(OWNER_PASSWORD)
    form.password.second.setText(OWNER_PASSWORD + "?")
    dialog.create_button.click()
    assert form.password.message.isVisible() and "不一致" in form.password.message.text()
    assert ctx.guard.in_setup()  # nothing was created
    form.password.second.clear()
    qtbot.keyClicks(form.password.second, OWNER_PASSWORD)
    assert not form.password.message.isVisible()  # retyping clears the stale verdict
    dialog_over(dialog, shots_dir() / "owner_setup.png")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog.step() == STEP_CODE, timeout=WAIT_MS)

    code = dialog.code_panel.code.text()
    assert CODE.match(code), code
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # Escape / close: the code is shown once, so it cannot be skipped
    assert dialog.isVisible()
    dialog_over(dialog, shots_dir() / "recovery_code.png")
    sheet = pypdf.PdfReader(io.BytesIO(dialog.code_panel.sheet_pdf())).pages[0].extract_text()
    assert code.replace(" ", "") in sheet.replace(" ", "")
    assert SHOP.name in sheet and "备份加密口令" in sheet and "锁好" in sheet

    dialog.code_panel.confirm.setChecked(True)
    assert dialog.continue_button.isEnabled()
    dialog.continue_button.click()
    assert dialog.result() == OwnerSetupDialog.DialogCode.Accepted
    assert not ctx.guard.in_setup()
    assert ctx.guard.actor is not None and ctx.guard.actor.name == "张建国"
    assert dialog.setup is not None and dialog.setup.account.username == "boss"


def _login_dialog(qtbot: QtBot, ctx: AppContext) -> LoginDialog:
    dialog = LoginDialog(ctx, SHOP.name, MODE_START)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.login_button.click()
    assert not dialog.login_button.isEnabled()  # Argon2 runs off the GUI thread meanwhile
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled() or not dialog.isVisible(), timeout=WAIT_MS)


def test_wrong_password_then_right(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    ctx.accounts.logout()
    dialog = _login_dialog(qtbot, ctx)
    _try(qtbot, dialog, "boss", "not-the-password")
    assert dialog.login_message.isVisible()
    assert dialog.login_message.text() == render("auth.wrong_login")
    assert dialog.password.text() == "" and dialog.isVisible()
    dialog_over(dialog, shots_dir() / "login.png")
    _try(qtbot, dialog, "boss", OWNER_PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.account is not None and dialog.account.username == "boss"
    assert ctx.guard.actor is not None and ctx.guard.actor.staff_id == dialog.account.staff_id


def test_locked_and_disabled_accounts_are_told_plainly(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    clerk = add_staff_account(ctx, "王丽", "wangli", "frontdesk")
    ctx.accounts.set_active(clerk.staff_id, False)
    ctx.accounts.logout()
    dialog = _login_dialog(qtbot, ctx)
    _try(qtbot, dialog, "wangli", staff_password())
    assert dialog.login_message.text() == render("auth.disabled")
    for _ in range(5):
        _try(qtbot, dialog, "boss", "wrong-password")
    _try(qtbot, dialog, "boss", OWNER_PASSWORD)  # even the right password waits out the lock
    assert "锁定" in dialog.login_message.text() and "分钟" in dialog.login_message.text()
    assert dialog.isVisible()


def test_a_new_account_sets_its_own_password_first(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    add_staff_account(ctx, "李强", "liqiang", "technician", ready=False)
    ctx.accounts.logout()
    dialog = _login_dialog(qtbot, ctx)
    _try(qtbot, dialog, "liqiang", staff_password(ready=False))
    assert dialog.step() == STEP_CHANGE and dialog.isVisible()
    dialog.change_pair.first.setText("Liqiang-own-1")
    dialog.change_pair.second.setText("Liqiang-own-1")
    dialog.change_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert dialog.account is not None and not dialog.account.must_change_password
    ctx.accounts.logout()
    assert ctx.accounts.login("liqiang", "Liqiang-own-1").name == "李强"


def test_forgotten_owner_password_with_the_printed_code(qtbot: QtBot, ctx: AppContext) -> None:
    code = ctx.accounts.create_owner("张建国", "boss", OWNER_PASSWORD).recovery_code
    ctx.accounts.logout()
    dialog = _login_dialog(qtbot, ctx)
    dialog.username.setText("boss")
    dialog.forgot_button.click()
    assert dialog.step() == STEP_RECOVER and dialog.recover_username.text() == "boss"
    dialog.recover_code.setText(code.lower().replace("-", " "))  # as typed from paper
    dialog.recover_pair.first.setText("New-owner-pass-9")
    dialog.recover_pair.second.setText("New-owner-pass-9")
    dialog.recover_button.click()
    qtbot.waitUntil(lambda: dialog.step() == STEP_NEW_CODE, timeout=WAIT_MS)
    new_code = dialog.code_panel.code.text().replace(" ", "")
    assert new_code != code
    assert not dialog.code_continue.isEnabled()
    dialog.code_panel.confirm.setChecked(True)
    dialog.code_continue.click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    ctx.accounts.logout()
    assert ctx.accounts.login("boss", "New-owner-pass-9").username == "boss"


def test_escape_at_start_quits_but_not_from_a_later_step(qtbot: QtBot, ctx: AppContext) -> None:
    with_owner(ctx)
    ctx.accounts.logout()
    dialog = _login_dialog(qtbot, ctx)
    dialog.forgot_button.click()
    assert dialog.step() == STEP_RECOVER
    dialog.reject()  # Escape on a later step goes back to the login
    assert dialog.isVisible() and dialog.step() == STEP_LOGIN
    dialog.reject()
    assert dialog.result() == LoginDialog.DialogCode.Rejected and not dialog.isVisible()


def test_start_asks_an_upgraded_folder_for_the_owner_then_later_starts_log_in(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ctx`` has staff from before accounts existed: the upgrade wording, then a login on the next start."""
    seen: list[OwnerSetupDialog | LoginDialog] = []

    def run_setup(dialog: OwnerSetupDialog) -> int:
        seen.append(dialog)
        dialog.show()
        dialog.form.name.setText("张建国")
        dialog.form.username.setText("boss")
        dialog.form.password.first.setText(OWNER_PASSWORD)
        dialog.form.password.second.setText(OWNER_PASSWORD)
        dialog.create_button.click()
        qtbot.waitUntil(lambda: dialog.step() == STEP_CODE, timeout=WAIT_MS)
        dialog.code_panel.confirm.setChecked(True)
        dialog.continue_button.click()
        return dialog.result()

    monkeypatch.setattr(OwnerSetupDialog, "exec", run_setup)
    account = sign_in_at_start(ctx)
    assert account is not None and account.username == "boss"
    assert "这一版扳手开始使用账号" in seen[0].form.findChild(QLabel, "ownerIntro").text()

    ctx.accounts.logout()  # the next start

    def run_login(dialog: LoginDialog) -> int:
        seen.append(dialog)
        dialog.show()
        _try(qtbot, dialog, "boss", OWNER_PASSWORD)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", run_login)
    again = sign_in_at_start(ctx)
    assert isinstance(seen[-1], LoginDialog)
    assert again is not None and again.staff_id == account.staff_id
