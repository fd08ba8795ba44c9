"""Engine and short-lived sessions. One session per service call; never shared between threads.

SQLite runs with WAL, foreign keys on and a busy timeout. Write units of work start with
``BEGIN IMMEDIATE`` so two writers (the counter desk and the sync worker, or two processes) queue for the
write lock up front instead of failing halfway with a stale snapshot; reads stay deferred and never block
writers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000


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
        self.engine = create_engine(url, **engine_kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
            writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            writer = self.engine
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(writer, expire_on_commit=False)

    @classmethod
    def for_file(cls, path: Path) -> Database:
        return cls(sqlite_url(path))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any exception."""
        with self._writer() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
