"""What a client does at start when the database's schema and its own migrations disagree (version skew).

Several PCs share one PostgreSQL database, and they are upgraded one at a time, so at some point one PC
runs an older Banshou than the schema and another a newer one:

- **schema newer than this client** (a revision this client does not know): refuse with
  ``db.client_too_old``. Never try to migrate — there is nothing to migrate *to*, and an old client
  writing into a newer schema can break rules it does not know about.
- **schema older, shared database (PostgreSQL)**: upgrading locks every other PC out until it is
  upgraded too, so it happens only after the owner confirms (``confirm`` callback: a question in the
  window, ``banshou db upgrade`` on the command line). Without a confirmation the start stops with
  ``db.migration_needs_confirmation``. After upgrading, a settings row (:data:`UPGRADE_NOTICE_KEY`) records
  which version upgraded it, so the older PCs' refusal can say which version to install.
- **schema older, one PC (SQLite)**: migrate automatically after a file backup, as before.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from app import __version__
from app.dberrors import classify_connect_error
from app.domain.errors import DomainError
from localdb.engine import Database
from localdb.migrate import (
    AHEAD,
    CURRENT,
    EMPTY,
    FOREIGN,
    SchemaState,
    schema_state,
    upgrade_shared,
    upgrade_to_head,
)
from localdb.models import Setting

log = logging.getLogger("banshou.schema")

UPGRADE_NOTICE_KEY = "db.upgraded_by"

ConfirmMigration = Callable[[SchemaState], bool]
"""Asked before a shared database is upgraded; True means the owner agreed."""


def prepare_schema(db: Database, backup_dir: Path | None, confirm: ConfirmMigration | None = None) -> Path | None:
    """Bring the database to this client's schema or refuse; returns the SQLite backup made, if any."""
    try:
        state = schema_state(db.engine)
    except DBAPIError as exc:
        if db.is_sqlite:
            raise  # locked, read-only, not a database: the callers' storage messages say it best
        raise classify_connect_error(exc, db.engine.url) from None
    if state.status == CURRENT:
        return None
    if state.status == AHEAD:
        raise too_old(db, state)
    if state.status == FOREIGN:
        raise DomainError("db.not_banshou", None)
    if db.is_sqlite:
        backup = upgrade_to_head(db.engine, backup_dir=backup_dir)
        if state.status != EMPTY:
            record_upgrade(db, state)
        return backup
    if state.status == EMPTY:
        upgrade_shared(db.engine)  # a new database: nobody else can be using it yet
        return None
    return _upgrade_shared_after_confirmation(db, state, confirm)


def _upgrade_shared_after_confirmation(db: Database, state: SchemaState, confirm: ConfirmMigration | None) -> None:
    if confirm is None:
        raise needs_confirmation(state)
    if not confirm(state):
        raise DomainError("db.migration_declined", None)
    if upgrade_shared(db.engine):
        record_upgrade(db, state)
        log.info("database upgraded from %s to %s", state.current, state.head)
        return
    after = schema_state(db.engine)  # another PC upgraded it while the owner was reading the question
    if after.status == AHEAD:
        raise too_old(db, after)


def needs_confirmation(state: SchemaState) -> DomainError:
    return DomainError("db.migration_needs_confirmation", None, current=state.current or "", head=state.head,
                       client=__version__)  # fmt: skip


def record_upgrade(db: Database, state: SchemaState) -> None:
    """Remember who upgraded the schema: the older PCs' refusal names the version to install."""
    notice = {"revision": state.head, "from": state.current, "version": __version__, "host": socket.gethostname(),
              "at": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip
    with db.write() as s:
        s.merge(Setting(key=UPGRADE_NOTICE_KEY, value=notice))


def upgrade_notice(db: Database) -> dict[str, Any] | None:
    """The last upgrade's record, if any (read with the ``settings`` table every version has)."""
    try:
        with db.read() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == UPGRADE_NOTICE_KEY))
    except Exception:  # an unreadable notice must not hide the refusal it would only decorate
        return None
    return value if isinstance(value, dict) else None


def too_old(db: Database, state: SchemaState) -> DomainError:
    notice = upgrade_notice(db) or {}
    newer = str(notice.get("version") or state.current or "?")
    return DomainError("db.client_too_old", None, client=__version__, newer=newer)


__all__ = ["UPGRADE_NOTICE_KEY", "ConfirmMigration", "SchemaState", "prepare_schema", "too_old", "upgrade_notice"]
