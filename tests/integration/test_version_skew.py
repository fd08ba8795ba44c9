"""Version skew between PCs sharing a database: a client older than the schema refuses without touching it;
a shared (PostgreSQL) schema older than the client is upgraded only after the owner confirms; a SQLite file
keeps upgrading by itself after its backup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, make_url, select, text
from sqlalchemy.pool import NullPool

from app.cli import main as cli_main
from app.context import open_context
from app.dbconfig import DatabaseChoice, DatabasePasswords, save_choice
from app.domain.errors import DomainError
from app.i18n import render_error
from app.paths import DataDir
from app.schema_guard import UPGRADE_NOTICE_KEY, SchemaState
from localdb.engine import sqlite_url
from localdb.migrate import alembic_config, current_revision, head_revision
from localdb.models import Setting
from tests.dbs import fresh_database_url, requires_postgres
from tests.memory_keyring import MemoryKeyring

FUTURE = "9999_from_the_future"


def _previous_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    down = script.get_revision(head_revision()).down_revision  # type: ignore[union-attr]
    assert isinstance(down, str)
    return down


def _upgrade_to(url: str, revision: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def _never(_state: SchemaState) -> bool:
    raise AssertionError("a client too old for the schema must not even ask to migrate")


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    url = fresh_database_url(tmp_path)
    folder = DataDir(tmp_path / "newer")
    ctx = open_context(folder, database_url=url)
    with ctx.db.write() as s:
        s.merge(Setting(key=UPGRADE_NOTICE_KEY, value={"version": "9.9.9", "revision": FUTURE}))
        s.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})  # a newer Banshou was here
    ctx.close()
    with pytest.raises(DomainError) as err:
        open_context(DataDir(tmp_path / "older-pc"), database_url=url, confirm_migration=_never)
    assert err.value.code == "db.client_too_old"
    message = render_error(err.value)
    assert message.startswith("数据库由更新版本的扳手创建，请先在本机升级扳手") and "9.9.9" in message
    assert _revision(url) == FUTURE  # no migration was attempted


def test_an_older_sqlite_file_upgrades_by_itself_after_a_backup(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "one-pc.db")
    _upgrade_to(url, _previous_revision())
    ctx = open_context(DataDir(tmp_path / "shop"), database_url=url, confirm_migration=_never)
    try:
        assert ctx.backup_made is not None and ctx.backup_made.exists()
    finally:
        ctx.close()
    assert _revision(url) == head_revision()


@pytest.fixture
def older_postgres(tmp_path: Path) -> str:
    url = fresh_database_url(tmp_path, migrated=False)
    _upgrade_to(url, _previous_revision())
    return url


@requires_postgres
def test_an_older_shared_schema_waits_for_the_owner(tmp_path: Path, older_postgres: str) -> None:
    url, folder, previous = older_postgres, DataDir(tmp_path / "shop"), _previous_revision()
    with pytest.raises(DomainError) as err:
        open_context(folder, database_url=url)
    assert err.value.code == "db.migration_needs_confirmation" and "banshou db upgrade" in render_error(err.value)
    with pytest.raises(DomainError) as err:
        open_context(folder, database_url=url, confirm_migration=lambda _s: False)
    assert err.value.code == "db.migration_declined"
    assert _revision(url) == previous  # asked twice, changed nothing
    asked: list[SchemaState] = []
    ctx = open_context(folder, database_url=url, confirm_migration=lambda s: asked.append(s) or True)
    try:
        assert [(s.current, s.head, s.status) for s in asked] == [(previous, head_revision(), "behind")]
        with ctx.db.read() as s:
            notice = s.scalar(select(Setting.value).where(Setting.key == UPGRADE_NOTICE_KEY))
        assert notice["revision"] == head_revision() and notice["from"] == previous
    finally:
        ctx.close()
    assert _revision(url) == head_revision()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@requires_postgres
def test_banshou_db_upgrade_is_the_owners_confirmation(
    tmp_path: Path, older_postgres: str, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(older_postgres)
    choice = DatabaseChoice("postgresql", url.host or "", url.port or 5432, url.database or "", url.username or "")
    folder = DataDir(tmp_path / "shop")
    save_choice(folder, choice)
    DatabasePasswords().save(choice, url.password or "")
    assert cli_main(["--data-dir", str(folder.root), "shop", "show"]) == 2
    assert "banshou db upgrade" in capsys.readouterr().err
    assert cli_main(["--data-dir", str(folder.root), "db", "upgrade", "--yes"]) == 0
    assert _revision(older_postgres) == head_revision()
    assert cli_main(["--data-dir", str(folder.root), "db", "show"]) == 0
    assert f"结构版本 {head_revision()}" in capsys.readouterr().out
