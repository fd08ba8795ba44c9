"""Where a test's shop database lives: the one place that chooses SQLite or PostgreSQL.

Without ``BANSHOU_TEST_DATABASE_URL`` every test gets a migrated SQLite file in its own temporary folder.
With it (a PostgreSQL server URL whose role may ``CREATE DATABASE``), every test gets a database of its
own on that server instead: the first request of a test session migrates a template database from empty
(which is also the proof that the migrations run from empty on PostgreSQL) and each test then gets
``CREATE DATABASE … TEMPLATE`` of it, dropped again when the test ends (``drop_test_databases``, called by
an autouse fixture in ``tests/conftest.py``). A copy is a real, separate database, so isolation is the
same as with one SQLite file per test, and copying is far cheaper than migrating again.

Names carry the pytest process id, so several test runs (or several engineers) can share one server.
"""

from __future__ import annotations

import itertools
import os
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from app.context import AppContext, open_context
from app.domain.clock import Clock
from app.paths import DataDir
from localdb.engine import Database, sqlite_url
from localdb.migrate import upgrade_to_head

ENV_VAR = "BANSHOU_TEST_DATABASE_URL"

requires_postgres = pytest.mark.skipif(not os.environ.get(ENV_VAR), reason=f"set {ENV_VAR}")
"""For tests that only make sense against a PostgreSQL server (several clients on one database…)."""


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """Mark a test that is about SQLite itself (its files, its locks, its disk errors); it is skipped when
    the suite runs on PostgreSQL. ``reason`` says why the test cannot be made portable."""
    return pytest.mark.skipif(bool(os.environ.get(ENV_VAR)), reason=f"SQLite only: {reason}")


def pg_url_or_none() -> str | None:
    """The PostgreSQL server the suite runs against, or None when it runs on SQLite."""
    return os.environ.get(ENV_VAR) or None


def fresh_database_url(tmp_path: Path, *, migrated: bool = True) -> str:
    """A new database of its own for one test, at the schema head (or empty with ``migrated=False``).

    PostgreSQL databases are dropped when the test ends; a SQLite file lives in ``tmp_path``.
    """
    server = pg_url_or_none()
    if server is None:
        url = sqlite_url(_unused_file(tmp_path))
        if migrated:
            engine = create_engine(url, poolclass=NullPool)
            try:
                upgrade_to_head(engine)
            finally:
                engine.dispose()
        return url
    return _postgres.create(server, migrated=migrated)


def open_test_context(data_dir: DataDir, clock: Clock | None = None, *, for_session: bool = False) -> AppContext:
    """``open_context`` on the test engine: the data folder's own SQLite file, or a fresh PostgreSQL
    database (the data folder still holds everything else: backups, exports, settings).

    ``for_session``: the database outlives the test (a session fixture's template for :func:`open_copy`).
    """
    server = pg_url_or_none()
    if server is None:
        return open_context(data_dir, clock)
    return open_context(data_dir, clock, database_url=_postgres.create(server, migrated=True, for_session=for_session))


def open_copy(closed: AppContext, target: Path, clock: Clock | None = None) -> AppContext:
    """A private copy of a closed context's data folder and database, for one test (a seeded template
    is built once per session and each test changes its own copy)."""
    shutil.copytree(closed.data_dir.root, target)
    if closed.db.is_sqlite:
        return open_context(DataDir(target), clock)  # the copied folder holds the copied file
    return open_context(DataDir(target), clock, database_url=_postgres.clone(closed.db.url))


def read_only_database(ctx: AppContext) -> Database:
    """A second handle on the context's database that may read but not write: the SQLite file opened
    read-only, or a PostgreSQL session whose transactions are read-only."""
    if ctx.db.is_sqlite:
        return Database(f"sqlite:///file:{ctx.data_dir.database}?mode=ro&uri=true")
    return Database(ctx.db.url, connect_args={"options": "-c default_transaction_read_only=on"})


def drop_test_databases() -> None:
    """Drop the PostgreSQL databases made since the last call (the end of the previous test)."""
    _postgres.drop(session=False)


def drop_session_databases() -> None:
    """Drop what is left on the server at the end of the test session (templates, session fixtures)."""
    _postgres.drop(session=False)
    _postgres.drop(session=True)


def _drop_database(conn: Connection, name: str) -> None:
    """``WITH (FORCE)`` ends connections a test left open (a pool not disposed, a killed subprocess). But
    PostgreSQL 15 refuses it to a role without superuser rights while an autovacuum worker is in the
    database; a plain ``DROP`` cancels that worker by itself, so it is tried until the worker has gone."""
    try:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    except DBAPIError:
        pass
    deadline = time.monotonic() + 10
    while True:
        try:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            return
        except DBAPIError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _unused_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in itertools.count(1):
        candidate = folder / f"shop-{n}.db"
        if not candidate.exists():
            return candidate
    raise AssertionError("unreachable")


class _PostgresDatabases:
    """Creates and drops the test databases on the server named by the environment variable."""

    def __init__(self) -> None:
        self._admin: Engine | None = None
        self._server = ""
        self._template: str | None = None
        self._counter = itertools.count(1)
        self._made: dict[bool, list[str]] = {False: [], True: []}  # for_session → names
        self._prefix = f"bt_{os.getpid()}"

    def create(self, server: str, *, migrated: bool, for_session: bool = False) -> str:
        admin = self._admin_engine(server)
        if migrated and self._template is None:
            self._template = self._build_template(admin)
        return self._copy(self._template if migrated else "template0", for_session)

    def clone(self, url: str) -> str:
        """A copy of the database at ``url``, which must have no open connections."""
        source = make_url(url).database
        assert source is not None and self._admin is not None
        return self._copy(source, for_session=False)

    def drop(self, *, session: bool) -> None:
        names = self._made[session]
        if not names:
            return
        assert self._admin is not None
        with self._admin.connect() as conn:
            for name in names:
                _drop_database(conn, name)
        names.clear()

    def _copy(self, source: str | None, for_session: bool) -> str:
        assert self._admin is not None
        name = f"{self._prefix}_{next(self._counter)}"
        with self._admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        self._made[for_session].append(name)
        return self._url_of(name)

    def _admin_engine(self, server: str) -> Engine:
        if self._admin is None:
            self._server = server
            self._admin = create_engine(server, poolclass=NullPool, isolation_level="AUTOCOMMIT")
        return self._admin

    def _build_template(self, admin: Engine) -> str:
        name = f"{self._prefix}_template"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0')
        self._made[True].append(name)
        engine = create_engine(self._url_of(name), poolclass=NullPool)
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()  # CREATE DATABASE … TEMPLATE needs the template to have no connections
        return name

    def _url_of(self, name: str) -> str:
        return make_url(self._server).set(database=name).render_as_string(hide_password=False)


_postgres = _PostgresDatabases()
