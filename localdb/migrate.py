"""Bring a database to the newest schema, after a file backup of a SQLite database that has data.

Alembic's scripts live inside the package (``localdb/migrations``) so installers ship them. The backup
uses SQLite's online backup API, which is consistent even while the WAL holds recent writes.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def head_revision() -> str:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite_file(db_path: Path, backup_dir: Path, tag: str) -> Path:
    """Copy a live SQLite database to ``backup_dir`` with a dated name; returns the new file."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_path.stem}-{stamp}-{tag}.db"
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_to_head(engine: Engine, *, backup_dir: Path | None = None) -> Path | None:
    """Upgrade to head. Returns the backup file made first, if any (only for a non-empty SQLite file
    whose schema is behind)."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    backup: Path | None = None
    db_file = engine.url.database
    if engine.dialect.name == "sqlite" and current is not None and backup_dir and db_file:
        backup = backup_sqlite_file(Path(db_file), backup_dir, f"before-{head}")
    cfg = alembic_config(str(engine.url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
