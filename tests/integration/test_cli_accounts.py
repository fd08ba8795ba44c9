"""The command line has no bypass: once accounts exist, changing commands need an account allowed to do
them, secrets come from standard input, and everything is audited under the logged-in name."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.context import open_context
from app.paths import DataDir
from tests.conftest import SHOP
from tests.dbs import sqlite_only
from tests.integration.orders_helpers import make_vehicle

CONFIGURE = ["shop", "configure", "--name", SHOP.name, "--credit-code", SHOP.credit_code, "--prefix", "SH01"]


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: Path, *argv: str,
         stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(folder), *argv])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "shop"
    assert _run(monkeypatch, capsys, folder, *CONFIGURE)[0] == 0  # first setup of an empty folder: no login
    code, out = _run(monkeypatch, capsys, folder, "account", "create-owner", "--name", "张老板", "--login", "boss",
                     stdin="Owner-pass-1\n")
    assert code == 0 and "恢复码" in out
    return folder


def test_changes_need_the_owner_and_are_audited_under_that_name(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(monkeypatch, capsys, folder, *CONFIGURE)
    assert code == 2 and "--user" in out
    code, out = _run(monkeypatch, capsys, folder, "--user", "boss", "--password-stdin", *CONFIGURE,
                     stdin="wrong-pass-1\n")
    assert code == 2 and "密码不正确" in out
    code, _ = _run(monkeypatch, capsys, folder, "--user", "boss", "--password-stdin", *CONFIGURE,
                   "--address", "新地址 1 号", stdin="Owner-pass-1\n")
    assert code == 0
    ctx = open_context(DataDir(folder))
    try:
        ctx.accounts.login("boss", "Owner-pass-1")
        rows = ctx.audit.entries(limit=100)
        change = next(r for r in rows if r.entity == "shop" and "新地址" in r.after)
        assert change.actor_name == "张老板"
        assert [r.action for r in rows].count("login_failed") == 1
    finally:
        ctx.close()


def test_a_front_desk_account_cannot_change_settings(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run(monkeypatch, capsys, folder, "--user", "boss", "--password-stdin", "account", "add", "--name",
                   "王丽", "--login", "wangli", "--role", "frontdesk", stdin="Owner-pass-1\nDesk-pass-1\n")
    assert code == 0
    code, out = _run(monkeypatch, capsys, folder, "--user", "wangli", "--password-stdin", *CONFIGURE,
                     stdin="Desk-pass-1\n")
    assert code == 2 and "没有权限" in out


def test_audit_verify_reports_intact_then_tampered(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    owner = ("--user", "boss", "--password-stdin")
    code, out = _run(monkeypatch, capsys, folder, *owner, "audit", "verify", stdin="Owner-pass-1\n")
    assert code == 0 and "完整" in out
    ctx = open_context(DataDir(folder))
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET actor_name = '别人' WHERE seq = 2"))
    ctx.close()
    code, out = _run(monkeypatch, capsys, folder, *owner, "audit", "verify", stdin="Owner-pass-1\n")
    assert code == 1 and "第 2 条被改动过" in out


def test_recovery_code_on_the_command_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "shop"
    _, out = _run(monkeypatch, capsys, folder, "account", "create-owner", "--name", "张老板", "--login", "boss",
                  stdin="Owner-pass-1\n")
    code_line = out.strip().splitlines()[-1].split("：")[-1]
    code, out = _run(monkeypatch, capsys, folder, "account", "recover", "--login", "boss",
                     stdin=f"{code_line}\nFresh-pass-2\n")
    assert code == 0 and "新的恢复码" in out
    code, _ = _run(monkeypatch, capsys, folder, "--user", "boss", "--password-stdin", "account", "list",
                   stdin="Fresh-pass-2\n")
    assert code == 0


@sqlite_only("the command line opens the data folder by its path, so the folder's own SQLite file")
def test_a_folder_with_data_but_no_accounts_must_get_its_owner_first(
        ctx: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    make_vehicle(ctx)  # type: ignore[arg-type]
    folder = ctx.data_dir.root  # type: ignore[attr-defined]
    code, out = _run(monkeypatch, capsys, folder, *CONFIGURE)
    assert code == 2 and "create-owner" in out


def test_backups_need_the_owner_on_the_command_line(
        folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(monkeypatch, capsys, folder, "backup")
    assert code == 2 and "--user" in out
    code, out = _run(monkeypatch, capsys, folder, "--user", "boss", "--password-stdin", "backup",
                     stdin="Owner-pass-1\n")
    assert code == 0, out
    assert list((folder / "backups").glob("*manual*.db"))
