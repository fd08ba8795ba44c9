"""Noticing that another client changed the shop's data, so open lists can refresh themselves.

Why polling a stamp rather than PostgreSQL's LISTEN/NOTIFY (README "Several PCs: PostgreSQL"):

- it works the same on both engines (a ``banshou sync`` process beside the window on one PC's SQLite
  file, several PCs on PostgreSQL), so there is one code path to test;
- LISTEN needs a dedicated connection held open for the life of the window, and a notification sent
  while that connection was down (Wi-Fi, a server restart) is lost for good; a poll after reconnecting
  still sees that the stamp moved;
- the cost is one primary-key read every two seconds per PC, nothing for a shop's server.

How: every write transaction on a tracked database ends by writing a fresh random stamp into the
``settings`` row :data:`DATA_VERSION_KEY`, in the same transaction as the change itself (so a rolled-back
or killed transaction leaves the stamp alone, and a committed change is never invisible). Writers do not
have to know: SQLAlchemy session events notice any flush or INSERT/UPDATE/DELETE and add the stamp just
before the commit. It is written last, so the row lock it takes on PostgreSQL is held only for the
commit itself and cannot take part in a deadlock. A random stamp instead of a counter needs no read
before the write and no JSON arithmetic, which differs between the engines; the poller only asks
"is it different from last time?".
"""

from __future__ import annotations

import uuid
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, TextClause, event, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import ORMExecuteState, Session

from localdb.engine import Database
from localdb.models import Setting

DATA_VERSION_KEY = "db.data_version"
_CHANGED = "banshou.data_changed"  # Session.info flag: this transaction wrote something
_SETTINGS: Table = Setting.__table__  # type: ignore[assignment]

_tracked: weakref.WeakSet[Any] = weakref.WeakSet()  # connection pools of tracked databases


def track_changes(db: Database) -> None:
    """Stamp every committed write on ``db`` from now on (called by ``open_context``)."""
    _tracked.add(db.engine.pool)


def new_stamp() -> str:
    return uuid.uuid4().hex


def stamp(session: Session) -> None:
    """Write a fresh stamp in ``session``'s transaction (an upsert: a new database has no row yet)."""
    conn = session.connection()  # the connection, not the session: this statement must not re-flag it
    value = new_stamp()
    done = conn.execute(update(_SETTINGS).where(_SETTINGS.c.key == DATA_VERSION_KEY).values(value=value))
    if done.rowcount == 0:
        insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(insert(_SETTINGS).values(key=DATA_VERSION_KEY, value=value).on_conflict_do_nothing())


def _is_tracked(session: Session) -> bool:
    try:
        bind = session.get_bind()
    except Exception:  # an unbound session is not ours
        return False
    return getattr(bind, "pool", None) in _tracked


_DML = ("INSERT", "UPDATE", "DELETE")


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    statement = state.statement
    if state.is_insert or state.is_update or state.is_delete or (
        isinstance(statement, TextClause) and statement.text.lstrip()[:6].upper() in _DML
    ):
        state.session.info[_CHANGED] = True


@event.listens_for(Session, "after_flush")
def _on_flush(session: Session, _context: Any) -> None:
    if session.new or session.dirty or session.deleted:
        session.info[_CHANGED] = True


@event.listens_for(Session, "before_commit")
def _on_before_commit(session: Session) -> None:
    session.flush()  # what commit would flush next; its changes count too
    if session.info.pop(_CHANGED, False) and _is_tracked(session):
        stamp(session)


@event.listens_for(Session, "after_rollback")
def _on_rollback(session: Session) -> None:
    session.info.pop(_CHANGED, None)


@dataclass(frozen=True)
class DataState:
    """What one poll saw: the data stamp and the schema revision (another PC may have upgraded it)."""

    stamp: str | None
    revision: str | None


def read_state(db: Database) -> DataState:
    """One short read of the stamp row and the Alembic revision."""
    with db.read() as s:
        value = s.execute(select(_SETTINGS.c.value).where(_SETTINGS.c.key == DATA_VERSION_KEY)).scalar()
        revision = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return DataState(str(value) if value is not None else None, revision)


class ChangeWatcher:
    """Compares each poll with the previous one. Qt-free: ``ui/live_refresh.py`` calls :meth:`poll` from a
    worker thread every two seconds and turns the answer into signals."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._last: DataState | None = None

    def poll(self) -> tuple[bool, bool]:
        """``(data_changed, schema_changed)`` since the previous poll; the first poll only remembers."""
        now = read_state(self._db)
        before, self._last = self._last, now
        if before is None:
            return False, False
        return now.stamp != before.stamp, now.revision != before.revision

    @property
    def revision(self) -> str | None:
        return self._last.revision if self._last else None


__all__ = ["DATA_VERSION_KEY", "ChangeWatcher", "DataState", "read_state", "stamp", "track_changes"]
