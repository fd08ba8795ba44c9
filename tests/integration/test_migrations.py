"""Migrations: one linear chain, an empty database upgrades to head (on SQLite, and on PostgreSQL when the
suite runs there), downgrades run, and the models do not drift."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from app.context import open_context
from app.paths import DataDir
from localdb.base import Base
from localdb.engine import Database
from localdb.migrate import alembic_config, current_revision, head_revision, upgrade_to_head
from localdb.search_index import POSTGRES_INDEXES, include_in_autogenerate
from tests.dbs import fresh_database_url, requires_postgres, sqlite_only


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for rev in revisions:
        assert not isinstance(rev.down_revision, tuple), f"merge revision {rev.revision}"


def _drift(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        opts = {"compare_type": True, "include_name": include_in_autogenerate}
        return list(compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata))


def test_empty_database_upgrades_to_head_without_drift(tmp_path: Path) -> None:
    db = Database(fresh_database_url(tmp_path, migrated=False))
    assert upgrade_to_head(db.engine, backup_dir=tmp_path / "b") is None  # nothing to back up when empty
    assert current_revision(db.engine) == head_revision()
    assert _drift(db) == []
    db.dispose()


def test_downgrade_to_base_and_upgrade_again(tmp_path: Path) -> None:
    """Every migration's downgrade runs on this engine too, and leaves nothing behind that blocks a new
    upgrade (a search index, a trigger, an extension's index)."""
    db = Database(fresh_database_url(tmp_path))
    cfg = alembic_config(db.url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(db.engine)
    assert _drift(db) == []
    db.dispose()


@requires_postgres
def test_postgres_has_the_trigram_search_indexes(tmp_path: Path) -> None:
    db = Database(fresh_database_url(tmp_path))
    with db.engine.connect() as conn:
        found = dict(conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(:names)"
        ), {"names": list(POSTGRES_INDEXES)}).all())  # fmt: skip
    assert set(found) == set(POSTGRES_INDEXES)
    assert all("USING gin" in d and "gin_trgm_ops" in d for d in found.values())
    db.dispose()


@sqlite_only("PRAGMAs are SQLite's connection settings")
def test_sqlite_pragmas_are_set(tmp_path: Path) -> None:
    db = Database.for_file(tmp_path / "x.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()


@sqlite_only("the backup before an upgrade is a copy of the SQLite file")
def test_behind_database_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    """A database at an older revision is copied to backups/ (with its data) before it is upgraded."""
    folder = DataDir(tmp_path / "shop")
    ctx = open_context(folder)
    ctx.staff.add("王丽", "advisor")
    ctx.close()
    # Pretend the file was written by an older Banshou: its schema stamp is behind head.
    con = sqlite3.connect(folder.database)
    con.execute("UPDATE alembic_version SET version_num = 'older'")
    con.commit()
    con.close()
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert script.get_revision(head_revision()) is not None
    engine = create_engine(f"sqlite:///{folder.database}")
    try:
        upgrade_to_head(engine, backup_dir=folder.backups)
    except Exception:
        pass  # 'older' is not a real revision; what matters is that the backup exists before anything ran
    finally:
        engine.dispose()
    backups = list(folder.backups.glob("*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM staff").fetchall() == [("王丽",)]
    con.close()
