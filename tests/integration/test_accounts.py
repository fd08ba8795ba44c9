"""Accounts on a real database file: first owner, staff accounts, login, lockout, disabling, password
reset and the owner's recovery code. Passwords and recovery codes are never stored in the clear."""

from __future__ import annotations

import pytest

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.security.accounts import MAX_FAILURES
from app.security.permissions import FRONT_DESK, OWNER, TECHNICIAN
from tests.integration.secret_scan_helpers import every_row

OWNER_PW = "Owner-pass-2026"


def _code(fn: object, *args: object) -> str:
    with pytest.raises(DomainError) as err:
        fn(*args)  # type: ignore[operator]
    return err.value.code


@pytest.fixture
def owned(ctx: AppContext) -> AppContext:
    ctx.accounts.create_owner("张老板", "boss", OWNER_PW)
    return ctx


def test_first_owner_then_setup_mode_ends(ctx: AppContext) -> None:
    assert ctx.guard.in_setup() and not ctx.accounts.has_accounts()
    setup = ctx.accounts.create_owner("张老板", "boss", OWNER_PW)
    assert setup.account.access == OWNER and len(setup.recovery_code) == 23
    assert ctx.accounts.has_accounts() and not ctx.guard.in_setup()
    assert ctx.guard.current().name == "张老板"  # type: ignore[union-attr]
    assert _code(ctx.accounts.create_owner, "李", "boss2", OWNER_PW) == "auth.owner_exists"


def test_password_rules(ctx: AppContext) -> None:
    assert _code(ctx.accounts.create_owner, "张", "boss", "short") == "auth.password_short"
    assert _code(ctx.accounts.create_owner, "张", "boss", "aaaaaaaaaa") == "auth.password_weak"
    assert _code(ctx.accounts.create_owner, "张", "has space", OWNER_PW) == "auth.username_invalid"


def test_staff_accounts_log_in_with_their_role(owned: AppContext) -> None:
    owned.accounts.add("王丽", "wangli", "frontdesk", "Desk-pass-1")
    tech = owned.staff.list("technician")[0]
    owned.accounts.add("", "liqiang", "technician", "Tech-pass-1", staff_id=tech.id)
    assert _code(owned.accounts.add, "重名", "wangli", "advisor", "Desk-pass-2") == "auth.username_taken"
    owned.accounts.logout()
    assert owned.guard.current() is None  # accounts exist: nobody acts without logging in
    account = owned.accounts.login("wangli", "Desk-pass-1")
    assert account.access == FRONT_DESK and account.must_change_password
    owned.accounts.change_own_password("Desk-pass-1", "My-own-pass-9")
    owned.accounts.logout()
    assert owned.accounts.login("liqiang", "Tech-pass-1").access == TECHNICIAN
    assert owned.guard.current().staff_id == tech.id  # type: ignore[union-attr]  # same person as on orders


def test_wrong_passwords_lock_the_account_for_a_while(owned: AppContext, clock: ManualClock) -> None:
    owned.accounts.add("王丽", "wangli", "frontdesk", "Desk-pass-1")
    for _ in range(MAX_FAILURES):
        assert _code(owned.accounts.login, "wangli", "wrong-pass") == "auth.wrong_login"
    assert _code(owned.accounts.login, "wangli", "Desk-pass-1") == "auth.locked"
    clock.advance(5 * 60 + 1)
    assert owned.accounts.login("wangli", "Desk-pass-1").username == "wangli"
    owned.accounts.login("boss", OWNER_PW)
    failed = [e for e in owned.audit.entries(limit=500) if e.action == "login_failed"]
    assert len(failed) == MAX_FAILURES + 1
    assert _code(owned.accounts.login, "nobody", "whatever1") == "auth.wrong_login"


def test_disabled_accounts_cannot_log_in_and_the_owner_cannot_disable_themselves(owned: AppContext) -> None:
    desk = owned.accounts.add("王丽", "wangli", "frontdesk", "Desk-pass-1")
    owner_id = owned.guard.current().staff_id  # type: ignore[union-attr]
    assert _code(owned.accounts.set_active, owner_id, False) == "auth.cannot_disable_self"
    owned.accounts.set_active(desk.staff_id, False)
    assert _code(owned.accounts.login, "wangli", "Desk-pass-1") == "auth.disabled"
    assert [s.name for s in owned.staff.list(include_inactive=True) if s.id == desk.staff_id] == ["王丽"]


def test_owner_resets_a_staff_password(owned: AppContext) -> None:
    desk = owned.accounts.add("王丽", "wangli", "frontdesk", "Desk-pass-1")
    owned.accounts.reset_password(desk.staff_id, "Temp-pass-7")
    owned.accounts.logout()
    assert _code(owned.accounts.login, "wangli", "Desk-pass-1") == "auth.wrong_login"
    assert owned.accounts.login("wangli", "Temp-pass-7").must_change_password


def test_recovery_code_resets_the_owner_password_once(ctx: AppContext) -> None:
    code = ctx.accounts.create_owner("张老板", "boss", OWNER_PW).recovery_code
    ctx.accounts.logout()
    assert _code(ctx.accounts.recover_owner, "boss", "AAAAA-BBBBB-CCCCC-DDDDD", "New-pass-123") == \
        "auth.recovery_failed"
    next_code = ctx.accounts.recover_owner("boss", code.lower().replace("-", " "), "New-pass-123")
    assert next_code != code
    assert ctx.guard.current().role == OWNER  # type: ignore[union-attr]
    ctx.accounts.logout()
    assert ctx.accounts.login("boss", "New-pass-123").access == OWNER
    assert _code(ctx.accounts.recover_owner, "boss", code, "Other-pass-456") == "auth.recovery_failed"



def test_passwords_and_codes_are_not_in_the_database(ctx: AppContext) -> None:
    code = ctx.accounts.create_owner("张老板", "boss", OWNER_PW).recovery_code
    ctx.accounts.add("王丽", "wangli", "frontdesk", "Desk-pass-1")
    ctx.accounts.login("wangli", "Desk-pass-1")
    rows = every_row(ctx)
    ctx.db.dispose()
    files = b"".join(p.read_bytes() for p in ctx.data_dir.root.rglob("*") if p.is_file())  # the SQLite file, WAL
    for secret in (OWNER_PW, "Desk-pass-1", code, code.replace("-", "")):
        assert secret.encode() not in rows + files
    assert b"$argon2id$" in rows  # stored, but only as a hash
