"""``banshou db migrate-from-sqlite``: move a one-PC shop's SQLite database into an empty PostgreSQL database.

What makes it safe to switch a shop's data over:

- the SQLite file is never written: a private snapshot of it in a temporary folder is read (and upgraded
  there if its schema is older than this client), see :func:`_snapshot`;
- the target must be empty (only the migrations' own bookkeeping may be there), so nothing is ever
  overwritten or merged;
- everything is copied in **one PostgreSQL transaction**: every table in foreign-key order with ``COPY``
  (psycopg streams rows in batches; far faster than INSERTs), then the id sequences are moved past the
  copied ids, then each table's row count and a SHA-256 checksum are computed on both sides. Only if
  every table matches is the transaction committed — a mismatch or a crash leaves the target empty —
  and then ``ANALYZE`` gives the planner statistics for the new rows (autovacuum would only get there
  minutes later, and until then the list and the search run on guesses);
- the checksums are computed independently of the copy path: both sides are read back through the ORM
  column types (so a datetime shifted by a time zone, a boolean or a scaled decimal read differently
  would show), rows ordered by primary key, values normalised (datetimes as UTC ISO 8601, decimals as
  exact strings, JSON with sorted keys).

Tables outside the ORM metadata (SQLite's FTS5 ``vehicle_search*`` index, which PostgreSQL replaces
with its own trigram index) and ``alembic_version`` (the target has its own) are not copied.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Engine, String, Table, create_engine, delete, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from app.dbconfig import PROBE_ARGS
from app.domain.errors import DomainError
from localdb import models  # noqa: F401  (registers every table on Base.metadata)
from localdb.base import Base
from localdb.migrate import AHEAD, BEHIND, CURRENT, EMPTY, upgrade_shared, upgrade_to_head
from localdb.migrate import schema_state as read_schema_state
from localdb.search_index import TABLE as SEARCH_INDEX

BATCH_ROWS = 10_000
# Rows a migrated or briefly opened target may already hold that are bookkeeping, not shop data.
BOOKKEEPING_SETTINGS = ("db.data_version", "db.upgraded_by")


@dataclass(frozen=True)
class TableCopy:
    name: str
    rows: int
    checksum: str  # hex SHA-256, equal on both sides


@dataclass(frozen=True)
class CopyReport:
    source: Path
    tables: tuple[TableCopy, ...]
    skipped: tuple[str, ...]  # source tables not copied (FTS index, alembic_version)
    copy_s: float
    verify_s: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def seconds(self) -> float:
        return self.copy_s + self.verify_s


def copy_sqlite_to_postgres(source: Path, target_url: str, *, batch_rows: int = BATCH_ROWS) -> CopyReport:
    """Copy ``source`` into the (empty) PostgreSQL database at ``target_url``; verify; commit or nothing."""
    if not source.is_file():
        raise DomainError("db.source_missing", None, path=str(source))
    target = create_engine(target_url, poolclass=NullPool, **PROBE_ARGS)
    try:
        _prepare_target(target)
        with _readable_source(source) as reader:
            return _copy_and_verify(reader, target, source, batch_rows)
    finally:
        target.dispose()


# -- source ------------------------------------------------------------------------------------------------
class _Source:
    """The private snapshot being read: an engine (for checksums through the ORM types) and a raw sqlite3
    connection (for the copy, values as stored)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
        self.raw = sqlite3.connect(path)

    def table_names(self) -> set[str]:
        return {r[0] for r in self.raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def close(self) -> None:
        self.raw.close()
        self.engine.dispose()


@contextmanager
def _readable_source(path: Path) -> Iterator[_Source]:
    """A private snapshot of the source at this client's schema (upgraded in the snapshot if older).

    Reading a snapshot, not the file, keeps the shop's file exactly as it was: even a read-only SQLite
    connection to a WAL database leaves ``-wal``/``-shm`` files behind next to it.
    """
    with tempfile.TemporaryDirectory(prefix="banshou-migrate-") as tmp:
        readable = Path(tmp) / path.name
        _snapshot(path, readable)
        engine = create_engine(f"sqlite:///{readable}", poolclass=NullPool)
        try:
            state = read_schema_state(engine)
            if state.status == BEHIND:
                upgrade_to_head(engine)
        except DBAPIError:
            raise DomainError("db.source_not_banshou", None, path=str(path)) from None
        finally:
            engine.dispose()
        if state.status == AHEAD:
            raise DomainError("db.client_too_old", None, client=_client_version(), newer=state.current or "?")
        if state.status not in (CURRENT, BEHIND):
            raise DomainError("db.source_not_banshou", None, path=str(path))
        source = _Source(readable)
        try:
            yield source
        finally:
            source.close()


def _snapshot(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` that never writes next to it.

    A database nobody has open in WAL mode has no ``-wal``/``-shm`` files and its file is complete, so
    a plain byte copy is a consistent snapshot (checked: still no ``-wal`` and the same size and time
    afterwards). Otherwise (Banshou still running, or a crash left a WAL) SQLite's backup API reads it
    through a read-only connection, whose side files already exist.
    """
    sidecars = [source.with_name(source.name + suffix) for suffix in ("-wal", "-shm")]
    if not any(p.exists() for p in sidecars):
        before = source.stat()
        shutil.copyfile(source, target)
        after = source.stat()
        if not any(p.exists() for p in sidecars) and (before.st_size, before.st_mtime_ns) == (after.st_size, after.st_mtime_ns):
            return
        target.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _client_version() -> str:
    from app import __version__

    return __version__


# -- target ------------------------------------------------------------------------------------------------
def _prepare_target(target: Engine) -> None:
    """Create the schema in a new database; refuse a newer one, a foreign one, or one holding data."""
    state = read_schema_state(target)
    if state.status == AHEAD:
        raise DomainError("db.client_too_old", None, client=_client_version(), newer=state.current or "?")
    if state.status not in (EMPTY, CURRENT, BEHIND):
        raise DomainError("db.not_banshou", None)
    if state.status != CURRENT:
        upgrade_shared(target)  # a database with tables but no data yet: checked before anything is copied
    with target.connect() as conn:
        _refuse_data(conn)  # early, before the snapshot of a big file is taken


def _refuse_data(conn: Connection) -> None:
    """Refuse a target holding anything beyond what the migrations themselves wrote."""
    seeded = migration_seeded()
    for table in _tables():
        stmt = select(func.count()).select_from(table)
        if table.name == "settings":
            stmt = stmt.where(table.c.key.not_in(BOOKKEEPING_SETTINGS))
        rows = conn.execute(stmt).scalar_one()
        if rows > seeded.get(table.name, 0):
            raise DomainError("db.target_not_empty", None, table=table.name, rows=rows)


@cache
def migration_seeded() -> dict[str, int]:
    """Rows the migrations themselves write (e.g. the audit chain's head row), per table: a new database
    holds them before anyone used it. Found by migrating a scratch SQLite file, so a later migration that
    seeds a table is covered without a list to keep up to date."""
    with tempfile.TemporaryDirectory(prefix="banshou-pristine-") as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'pristine.db'}", poolclass=NullPool)
        try:
            upgrade_to_head(engine)
            with engine.connect() as conn:
                counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in _tables()}
        finally:
            engine.dispose()
    return {name: rows for name, rows in counts.items() if rows}


def _tables() -> list[Table]:
    """Every ORM table, parents before children (foreign-key order)."""
    return list(Base.metadata.sorted_tables)


# -- copy --------------------------------------------------------------------------------------------------
def _copy_and_verify(source: _Source, target: Engine, path: Path, batch_rows: int) -> CopyReport:
    tables = _tables()
    names = {t.name for t in tables}
    skipped = tuple(sorted(n for n in source.table_names() - names if n == "alembic_version" or n.startswith(SEARCH_INDEX)))
    unknown = source.table_names() - names - set(skipped) - {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
    if unknown:
        raise DomainError("db.source_not_banshou", None, path=str(path))
    started = time.perf_counter()
    with target.begin() as conn:
        conn.execute(text("SET LOCAL TIME ZONE 'UTC'"))  # SQLite keeps UTC datetimes without an offset
        _refuse_data(conn)  # again, in the copy's own transaction
        settings = Base.metadata.tables["settings"]
        conn.execute(delete(settings).where(settings.c.key.in_(BOOKKEEPING_SETTINGS)))
        for name in migration_seeded():  # the source's own rows replace what the migrations wrote
            conn.execute(delete(Base.metadata.tables[name]))
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        for table in tables:
            _copy_table(source.raw, cursor, table, batch_rows)
        for table in tables:
            _reset_sequence(conn, table)
        copied = time.perf_counter()
        results = [_compare(source.engine, conn, table) for table in tables]
        verified = time.perf_counter()
        # Leaving the block commits; a DomainError from _compare rolled everything back above.
    with target.connect() as conn:  # fresh statistics: without them the planner guesses (badly) at first
        conn.execute(text("ANALYZE " + ", ".join(f'"{t.name}"' for t in tables)))
        conn.commit()
    return CopyReport(path, tuple(results), skipped, copied - started, verified - copied)


def _copy_table(raw: sqlite3.Connection, cursor: Any, table: Table, batch_rows: int) -> None:
    """Stream one table with COPY. Values go as SQLite stores them: integers (also scaled decimals and
    booleans 0/1, which PostgreSQL's boolean input accepts), text, JSON text and naive UTC datetimes
    (read as UTC: the session's time zone is UTC)."""
    columns = [c.name for c in table.columns]
    quoted = ", ".join(f'"{c}"' for c in columns)
    order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
    rows = raw.execute(f'SELECT {quoted} FROM "{table.name}" ORDER BY {order}')
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        while batch := rows.fetchmany(batch_rows):
            for row in batch:
                copy.write_row(row)


def _reset_sequence(conn: Connection, table: Table) -> None:
    """Move a serial id's sequence past the copied ids, so the next insert does not collide."""
    pk = list(table.primary_key.columns)
    if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
        return
    conn.execute(
        text(f'SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE((SELECT max("{pk[0].name}") FROM "{table.name}"), 0) + 1, false)'),
        {"t": table.name, "c": pk[0].name},
    )  # fmt: skip


# -- verification ------------------------------------------------------------------------------------------
def _compare(source: Engine, target: Connection, table: Table) -> TableCopy:
    with source.connect() as src:
        source_rows, source_sum = table_checksum(src, table)
    target_rows, target_sum = table_checksum(target, table)
    if (source_rows, source_sum) != (target_rows, target_sum):
        raise DomainError("db.copy_mismatch", None, table=table.name, source_rows=source_rows,
                          target_rows=target_rows, source_sum=source_sum[:12], target_sum=target_sum[:12])  # fmt: skip
    return TableCopy(table.name, source_rows, source_sum)


def table_checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """Row count and SHA-256 of ``table``'s rows in primary-key order, values normalised.

    String keys are ordered byte-wise on both engines (``COLLATE "C"`` on PostgreSQL equals SQLite's
    default BINARY order), so both sides hash the rows in the same order.
    """
    postgres = conn.dialect.name == "postgresql"
    order = [c.collate("C") if postgres and isinstance(c.type, String) else c for c in table.primary_key.columns]
    stmt = select(*table.columns).order_by(*order)
    special = [(i, f) for i, f in enumerate(_normaliser(c.type) for c in table.columns) if f is not None]
    digest = hashlib.sha256()
    count = 0
    for row in _stream(conn, stmt):
        values = list(row)
        for i, normalise in special:
            values[i] = normalise(values[i])
        digest.update(repr(values).encode())
        count += 1
    return count, digest.hexdigest()


def _stream(conn: Connection, stmt: Any) -> Iterator[Any]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(stmt)
    yield from result


def _normaliser(column_type: Any) -> Callable[[Any], Any] | None:
    """How one column's values are made comparable across engines (None: compared as they are)."""
    if isinstance(column_type, JSON):
        return _json_value
    python_type = _python_type(column_type)
    if python_type is datetime:
        return _utc_iso
    if python_type is Decimal:
        return _decimal_text
    if python_type is bool:
        return _bool_value
    if python_type is date:
        return _date_iso
    return None


def _python_type(column_type: Any) -> type | None:
    try:
        return column_type.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None


def _utc_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:  # UTCDateTime already hands out UTC; anything else is converted
        value = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)
    return value.isoformat()


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else format(value.normalize(), "f")


def _bool_value(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _date_iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _json_value(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


__all__ = ["CopyReport", "TableCopy", "copy_sqlite_to_postgres", "table_checksum"]
