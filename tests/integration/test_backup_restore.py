"""Restoring on a real SQLite file: the same data comes back, the previous database is kept aside, a
corrupt or altered backup is refused before anything changes, and the command line does the same (also
over a database too damaged to open)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main as cli_main
from app.context import AppContext, open_context
from app.domain.errors import DomainError
from app.paths import DataDir
from localdb.audit_models import AuditEntry
from localdb.sqlite_backup import open_read_only
from tests.dbs import sqlite_only
from tests.integration.backup_helpers import dump, settle_orders
from tests.integration.orders_helpers import make_order, make_vehicle

pytestmark = sqlite_only("restore replaces the SQLite file; on PostgreSQL the server restores (test_backup_postgres)")


def _audit_macs(db_file: Path) -> list[str]:
    conn = open_read_only(db_file) if not Path(f"{db_file}-wal").exists() else None
    if conn is None:
        import sqlite3

        conn = sqlite3.connect(db_file)
    try:
        return [r[0] for r in conn.execute("SELECT mac FROM audit_entries ORDER BY seq")]
    finally:
        conn.close()


def test_restore_gives_back_the_same_data(ctx: AppContext) -> None:
    settle_orders(ctx, 3)
    backup = ctx.backups.run()
    at_backup = dump(backup.path)
    chain_at_backup = _audit_macs(backup.path)
    settle_orders(ctx, 2, plate="沪B54321", vin17="LFV2A21K5C3456789")
    ctx.orders.cancel(make_order(ctx, make_vehicle(ctx, "沪C11111", "LSGPC52U5AF102938")).id, "客户取消")
    assert dump(ctx.data_dir.database) != at_backup

    result = ctx.backups.restore(backup.path)
    assert result.kept_aside is not None and result.kept_aside.parent == ctx.data_dir.root
    assert result.kept_aside.name.startswith("banshou-before-restore-")
    assert result.pre_restore_backup is not None and result.pre_restore_backup.name.endswith("-pre-restore.db")
    assert not result.migrated and result.needs_restart
    data_dir = ctx.data_dir
    ctx.close()

    assert dump(data_dir.database) == at_backup
    assert _audit_macs(data_dir.database)[: len(chain_at_backup)] == chain_at_backup
    assert len(dump(result.kept_aside)["work_orders"]) == 6  # the previous database, whole
    assert not list(data_dir.root.glob("*.restore-tmp*"))
    again = open_context(data_dir, ctx.clock)  # what the window does on restart
    try:
        with again.db.read() as s:
            actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)).all()
        assert actions == ["restore"]
        assert again.audit.verify().first_broken is None  # the chain goes on from the restored end
        settle_orders(again, 1, plate="沪D22222", vin17="LSVAG2180E2100235")  # and the shop can work on
    finally:
        again.close()


def _corrupt_copies(backup: Path, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    made: dict[str, Path] = {}
    for how in ("page_overwritten", "truncated", "not_sqlite", "row_edited"):
        target = folder / f"{how}.db"
        shutil.copy(backup, target)
        if how == "page_overwritten":
            with target.open("r+b") as f:
                f.seek(4096 * 5)
                f.write(b"\x00garbage" * 512)
        elif how == "truncated":
            with target.open("r+b") as f:
                f.truncate(target.stat().st_size // 2)
        elif how == "not_sqlite":
            target.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 200)
        made[how] = target
    # The one with a sidecar: a bit flipped inside a text value passes integrity_check but not the SHA-256.
    edited = folder / backup.name
    shutil.copy(backup, edited)
    shutil.copy(backup.with_name(backup.name + ".json"), edited.with_name(edited.name + ".json"))
    data = bytearray(edited.read_bytes())
    spot = data.find("发动机异响".encode())
    assert spot > 0
    data[spot] ^= 0x01
    edited.write_bytes(bytes(data))
    made["row_edited"] = edited
    return made


def test_a_corrupt_backup_is_refused_and_nothing_changes(ctx: AppContext, tmp_path: Path) -> None:
    settle_orders(ctx, 2)
    backup = ctx.backups.run()
    settle_orders(ctx, 1, plate="沪B54321", vin17="LFV2A21K5C3456789")
    before = dump(ctx.data_dir.database)
    backups_before = sorted(p.name for p in ctx.data_dir.backups.iterdir())
    expected = {"page_overwritten": ("backup.integrity", "backup.unreadable"), "truncated": ("backup.integrity",),
                "not_sqlite": ("backup.unreadable",), "row_edited": ("backup.damaged",)}  # fmt: skip
    for how, path in _corrupt_copies(backup.path, tmp_path / "bad").items():
        checked = ctx.backups.verify(path)
        assert not checked.ok and checked.problem_code in expected[how], (how, checked)
        assert checked.message() and checked.message("en")
        with pytest.raises(DomainError) as refused:
            ctx.backups.restore(path)
        assert refused.value.code in expected[how], how
    assert dump(ctx.data_dir.database) == before
    assert sorted(p.name for p in ctx.data_dir.backups.iterdir()) == backups_before  # no pre-restore backup
    assert not list(ctx.data_dir.root.glob("banshou-before-restore-*")) and not list(ctx.data_dir.root.glob("*.restore-tmp*"))
    with pytest.raises(DomainError) as missing:
        ctx.backups.restore(tmp_path / "nowhere.db")
    assert missing.value.code == "backup.file_missing"


def test_restore_is_refused_while_another_connection_holds_the_database(ctx: AppContext) -> None:
    import sqlite3

    settle_orders(ctx, 1)
    backup = ctx.backups.run()
    other = sqlite3.connect(ctx.data_dir.database)  # another window or a `banshou sync` process
    try:
        other.execute("SELECT count(*) FROM work_orders").fetchone()
        with pytest.raises(DomainError) as busy:
            ctx.backups.restore(backup.path)
        assert busy.value.code == "backup.db_busy"
    finally:
        other.close()
    assert not list(ctx.data_dir.root.glob("*.restore-tmp*"))
    assert ctx.backups.restore(backup.path).kept_aside is not None  # once it is closed, it works


def test_an_older_backup_is_migrated_when_restored(ctx: AppContext, tmp_path: Path) -> None:
    """A backup made by an older Banshou (here: schema 0006, before accounts and the audit trail) comes
    back at today's schema with its data, and the restore is the first entry of its new audit trail."""
    import sqlite3

    from alembic import command

    from localdb.migrate import alembic_config, head_revision

    old = tmp_path / "older.db"
    command.upgrade(alembic_config(f"sqlite:///{old}"), "0006")
    conn = sqlite3.connect(old)
    conn.execute("INSERT INTO staff (name, role, active) VALUES ('老张', 'technician', 1)")
    conn.commit()
    conn.close()
    assert ctx.backups.verify(old).ok

    result = ctx.backups.restore(old)
    assert result.migrated
    with ctx.db.read() as s:
        assert s.scalar(select(AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)) == "restore"
    conn = sqlite3.connect(ctx.data_dir.database)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert conn.execute("SELECT name FROM staff").fetchall() == [("老张",)]
    finally:
        conn.close()


OWNER_PW = "Owner-pass-1"


def _cli(data: DataDir, *args: str) -> int:
    return cli_main(["--data-dir", str(data.root), *args])


def _as_owner(data: DataDir, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    """A changing command on a folder with accounts: logged in, the password on stdin."""
    monkeypatch.setattr("sys.stdin", io.StringIO(OWNER_PW + "\n"))
    return _cli(data, "--user", "boss", "--password-stdin", *args)


def test_command_line_backup_list_verify_restore(ctx: AppContext, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    settle_orders(ctx, 2)
    ctx.accounts.create_owner("张老板", "boss", OWNER_PW)
    data_dir = ctx.data_dir
    ctx.close()
    assert _cli(data_dir, "backup") == 2  # a folder with accounts: only the owner backs up
    assert "--user" in capsys.readouterr().err
    assert _as_owner(data_dir, monkeypatch, "backup") == 0
    made = capsys.readouterr().out
    [backup] = sorted(data_dir.backups.glob("*-manual.db"))
    assert str(backup) in made and "已校验" in made
    assert _cli(data_dir, "backup", "list") == 0
    assert str(backup) in capsys.readouterr().out
    assert _cli(data_dir, "--lang", "en", "backup", "verify", str(backup)) == 0
    assert "good" in capsys.readouterr().out
    at_backup = dump(backup)

    again = open_context(data_dir, ctx.clock)
    again.accounts.login("boss", OWNER_PW)
    settle_orders(again, 1, plate="沪B54321", vin17="LFV2A21K5C3456789")
    again.close()
    assert _as_owner(data_dir, monkeypatch, "restore", str(backup)) == 0
    assert "已从" in capsys.readouterr().out
    assert dump(data_dir.database) == at_backup

    bad = data_dir.root / "bad.db"
    bad.write_bytes(b"nothing" * 1000)
    assert _cli(data_dir, "backup", "verify", str(bad)) == 1
    assert _as_owner(data_dir, monkeypatch, "restore", str(bad)) == 2
    assert "不是可用的数据库备份" in capsys.readouterr().err


def test_command_line_restores_over_a_database_too_damaged_to_open(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    settle_orders(ctx, 2)
    backup = ctx.backups.run()
    at_backup = dump(backup.path)
    data_dir = ctx.data_dir
    ctx.close()
    data_dir.database.write_bytes(b"\x00" * 8192)  # the disk ate it
    assert _cli(data_dir, "restore", str(backup.path)) == 0
    captured = capsys.readouterr()
    assert "已损坏" in captured.err and "已从" in captured.out
    assert dump(data_dir.database) == at_backup
    [aside] = data_dir.root.glob("banshou-before-restore-*.db")
    assert aside.read_bytes() == b"\x00" * 8192
