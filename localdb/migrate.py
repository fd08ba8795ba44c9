"""Bring a database to the newest schema, after a file backup of a SQLite database that has data.

Alembic's scripts live inside the package (``localdb/migrations``) so installers ship them. The backup
uses SQLite's online backup API, which is consistent even while the WAL holds recent writes, and is verified
before anything is migrated (:mod:`localdb.sqlite_backup`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from localdb.backup_rotation import prune
from localdb.sqlite_backup import SUFFIX, BackupFailed, make_backup

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


def backup_sqlite_file(db_path: Path, backup_dir: Path, tag: str = "pre-migration") -> Path:
    """The verified pre-migration backup (:mod:`localdb.sqlite_backup`, the same code, names and checks as
    every other backup); keeps the newest 10 of that kind. Raises :class:`BackupFailed` if the copy cannot
    be made or does not verify: a database is never migrated without a good copy to go back to."""
    made = make_backup(db_path, backup_dir, tag, extra={"migrating_to": head_revision()})
    if not made.check.ok:
        raise BackupFailed(made.check.problem, made.check.detail)
    prune(backup_dir, UTC, SUFFIX, kinds=[tag])  # count-based for this kind: the calendar does not matter
    return made.path


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
        backup = backup_sqlite_file(Path(db_file), backup_dir)
    cfg = alembic_config(str(engine.url))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


# -- version skew: several clients on one database (issue 8) ----------------------------------------------

EMPTY, CURRENT, BEHIND, AHEAD, FOREIGN = "empty", "current", "behind", "ahead", "foreign"
_SHARED_UPGRADE_LOCK = 0x62616E73  # pg_advisory_xact_lock key ("bans"): one upgrader at a time


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against this client's migrations.

    ``status`` is one of :data:`EMPTY` (no tables: a new database), :data:`CURRENT`, :data:`BEHIND` (an
    older client made it; this one can upgrade it), :data:`AHEAD` (a newer client upgraded it: its
    revision is unknown here, so this client must not touch it) or :data:`FOREIGN` (tables but no
    Alembic stamp: not a Banshou database).
    """

    current: str | None
    head: str
    status: str


def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return frozenset(rev.revision for rev in script.walk_revisions())


def schema_state(engine: Engine) -> SchemaState:
    """Read-only look at the schema stamp; never migrates (a client that is too old must not try)."""
    head = head_revision()
    current = current_revision(engine)
    if current is None:
        status = FOREIGN if inspect(engine).get_table_names() else EMPTY
    elif current == head:
        status = CURRENT
    elif current in known_revisions():
        status = BEHIND
    else:
        status = AHEAD
    return SchemaState(current, head, status)


def upgrade_shared(engine: Engine) -> bool:
    """Upgrade a database several clients share, one upgrader at a time; True if this call migrated.

    On PostgreSQL a transaction-scoped advisory lock serialises two clients that were both told to
    upgrade: the second waits, then finds the schema at head and does nothing (the DDL and the Alembic
    stamp commit together, so nobody sees half a migration). A revision this client does not know is
    left alone: only a newer client may touch a newer schema.
    """
    cfg = alembic_config(str(engine.url))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SHARED_UPGRADE_LOCK})
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head_revision() or (current is not None and current not in known_revisions()):
            return False
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True
