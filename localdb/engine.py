"""Engine and short-lived sessions. One session per service call; never shared between threads.

SQLite runs with WAL, foreign keys on and a busy timeout. Write units of work start with
``BEGIN IMMEDIATE`` so two writers (the counter desk and the sync worker, or two processes) queue for the
write lock up front instead of failing halfway with a stale snapshot; reads stay deferred and never block
writers.

PostgreSQL (a shop whose PCs share one server) keeps the same rule so the services need not care which
engine they run on: they check, then act (a VIN not yet registered, waste still on hand, an order not yet
settled) and rely on no other writer acting in between. Every write unit of work therefore first takes one
transaction-scoped advisory lock, waiting at most as long as SQLite's busy timeout; it is released at
commit or rollback. Reads (READ COMMITTED) never wait for it. Code whose statements are safe against
concurrent writers on their own, like the outbox claim with its ``FOR UPDATE SKIP LOCKED``, may opt out
with ``write(serialised=False)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000

# The key of the PostgreSQL advisory lock every serialised writer takes ("BANS"); advisory locks are per
# database, so shops (or test databases) on one server do not share it.
WRITER_LOCK_KEY = 0x42414E53

# A handful of desk PCs and a sync process each hold a few connections; pre-ping replaces connections a
# server restart or a dropped network left dead instead of failing the next click with them.
_POSTGRES_ENGINE_DEFAULTS: dict[str, Any] = {
    "pool_size": 5,
    "max_overflow": 5,
    "pool_pre_ping": True,
    "pool_recycle": 1800,
    "connect_args": {"connect_timeout": 10, "application_name": "banshou"},
}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (pysqlite's own handling is broken)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """Owns the engine; hands out read and write sessions as context managers."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        if make_url(url).get_backend_name() == "postgresql":
            engine_kwargs = {**_POSTGRES_ENGINE_DEFAULTS, **engine_kwargs}
        self.engine = create_engine(url, **engine_kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            writer = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer, expire_on_commit=False)

    @property
    def writer_sessions(self) -> sessionmaker[Session]:
        """The factory behind :meth:`write`, for listeners that must see every write (the audit trail)."""
        return self._writer

    @classmethod
    def for_file(cls, path: Path) -> Database:
        return cls(sqlite_url(path))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self, *, serialised: bool = True) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any exception.

        ``serialised`` units of work never overlap another one on the same database (see the module
        docstring); on SQLite every writer is serialised anyway.
        """
        with self._writer() as session, session.begin():
            if serialised and not self.is_sqlite:
                session.execute(text(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}"))
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def resync_id_sequences(session: Session, tables: list[str]) -> None:
    """After rows were inserted with explicit ids (a bulk writer, a copy from another database), move each
    table's PostgreSQL id sequence past the largest id, so the next ordinary insert does not collide.
    SQLite needs nothing: it numbers new rows from the largest id present."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(
            text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {table}"),
            {"table": table},
        )
