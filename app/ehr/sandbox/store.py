"""The sandbox's memory: records, how often each came again, and a log of every request.

Its own SQLite file, separate from any shop database, so a training or test run can be inspected (or
thrown away) on its own. The per-request log holds what a test needs to prove delivery semantics
(path, variant, outcome code, the fault applied) and never a token or a password.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.ehr.sandbox.ratings import SimulatedRating

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    companycode TEXT NOT NULL,
    costlistcode TEXT NOT NULL,
    content TEXT NOT NULL,
    warnings TEXT NOT NULL,
    received_at TEXT NOT NULL,
    repeats INTEGER NOT NULL DEFAULT 0,
    corrections INTEGER NOT NULL DEFAULT 0,
    refused_corrections INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (companycode, costlistcode)
);
CREATE TABLE IF NOT EXISTS waste_records (
    companycode TEXT NOT NULL,
    manifestno TEXT NOT NULL,
    content TEXT NOT NULL,
    received_at TEXT NOT NULL,
    repeats INTEGER NOT NULL DEFAULT 0,
    corrections INTEGER NOT NULL DEFAULT 0,
    refused_corrections INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (companycode, manifestno)
);
CREATE TABLE IF NOT EXISTS ratings (
    id TEXT PRIMARY KEY,
    companycode TEXT NOT NULL,
    costlistcode TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_ratings_company_created ON ratings (companycode, created_at, id);
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    variant TEXT NOT NULL,
    kind TEXT NOT NULL,
    companycode TEXT,
    costlistcode TEXT,
    code TEXT,
    http_status INTEGER NOT NULL,
    fault TEXT NOT NULL
);
"""


class PutResult(StrEnum):
    NEW = "new"
    REPEAT = "repeat"  # identical content again: counted, answered 已存在（重复上传）
    CORRECTED = "corrected"  # same costlistcode, new content, corrections accepted
    REFUSED = "refused"  # same costlistcode, new content, corrections refused ("3")


@dataclass(frozen=True)
class StoredRecord:
    companycode: str
    costlistcode: str
    content: dict[str, Any]
    warnings: tuple[str, ...]
    received_at: str
    repeats: int
    corrections: int
    refused_corrections: int


@dataclass(frozen=True)
class StoredWaste:
    """One handoff received on the §9.1 waste call (``content`` is its ``wasteInfo``)."""

    companycode: str
    manifestno: str
    content: dict[str, Any]
    received_at: str
    repeats: int
    corrections: int
    refused_corrections: int


@dataclass(frozen=True)
class LoggedRequest:
    id: int
    at: str
    method: str
    path: str
    variant: str
    kind: str  # token | record | time | ratings | waste | unknown
    companycode: str | None
    costlistcode: str | None
    code: str | None
    http_status: int
    fault: str


@dataclass(frozen=True)
class SandboxStats:
    records: int
    repeats: int  # identical records received again (the number the sync engine must keep low)
    corrections: int
    refused_corrections: int
    requests: int
    record_requests: int


class SandboxStore:
    """Thread-safe: one connection, one lock; every write is its own transaction."""

    def __init__(self, path: Path | str) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        # WAL + NORMAL: no fsync per commit. With the default rollback journal every record cost two
        # fsyncs (~30 ms), which capped the whole sync pipeline at ~30 records/s on an ordinary disk.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        with self._lock, self._db:
            self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def put_waste(self, companycode: str, manifestno: str, content: dict[str, Any], at: datetime, *,
                  refuse_corrections: bool) -> PutResult:  # fmt: skip
        """A waste handoff, keyed by manifest number, with the same repeat and correction rules as records."""
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        key = (companycode, manifestno)
        where = " WHERE companycode = ? AND manifestno = ?"
        with self._lock, self._db:
            row = self._db.execute("SELECT content FROM waste_records" + where, key).fetchone()
            if row is None:
                self._db.execute("INSERT INTO waste_records (companycode, manifestno, content, received_at)"
                                 " VALUES (?, ?, ?, ?)", (*key, text, at.isoformat()))  # fmt: skip
                return PutResult.NEW
            if row["content"] == text:
                self._db.execute("UPDATE waste_records SET repeats = repeats + 1" + where, key)
                return PutResult.REPEAT
            if refuse_corrections:
                self._db.execute("UPDATE waste_records SET refused_corrections = refused_corrections + 1" + where, key)
                return PutResult.REFUSED
            self._db.execute("UPDATE waste_records SET content = ?, received_at = ?, corrections = corrections + 1"
                             + where, (text, at.isoformat(), *key))  # fmt: skip
            return PutResult.CORRECTED

    def waste_records(self) -> list[StoredWaste]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM waste_records ORDER BY received_at, manifestno").fetchall()
        return [StoredWaste(**{**dict(r), "content": json.loads(r["content"])}) for r in rows]

    def put_record(self, companycode: str, costlistcode: str, content: dict[str, Any],
                   warnings: tuple[str, ...], at: datetime, *, refuse_corrections: bool) -> PutResult:  # fmt: skip
        """Store, count a repeat, accept or refuse a correction – decided atomically per record."""
        text = json.dumps(content, ensure_ascii=False, sort_keys=True)
        key = (companycode, costlistcode)
        with self._lock, self._db:
            row = self._db.execute(
                "SELECT content FROM records WHERE companycode = ? AND costlistcode = ?", key
            ).fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO records (companycode, costlistcode, content, warnings, received_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (*key, text, json.dumps(list(warnings)), at.isoformat()),
                )
                return PutResult.NEW
            if row["content"] == text:
                self._db.execute(
                    "UPDATE records SET repeats = repeats + 1 WHERE companycode = ? AND costlistcode = ?", key
                )
                return PutResult.REPEAT
            if refuse_corrections:
                self._db.execute(
                    "UPDATE records SET refused_corrections = refused_corrections + 1"
                    " WHERE companycode = ? AND costlistcode = ?",
                    key,
                )
                return PutResult.REFUSED
            self._db.execute(
                "UPDATE records SET content = ?, warnings = ?, received_at = ?, corrections = corrections + 1"
                " WHERE companycode = ? AND costlistcode = ?",
                (text, json.dumps(list(warnings)), at.isoformat(), *key),
            )
            return PutResult.CORRECTED

    def log_request(self, at: datetime, method: str, path: str, variant: str, kind: str, *,
                    companycode: str | None, costlistcode: str | None, code: str | None,
                    http_status: int, fault: str) -> None:  # fmt: skip
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO requests (at, method, path, variant, kind, companycode, costlistcode, code,"
                " http_status, fault) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (at.isoformat(), method, path, variant, kind, companycode, costlistcode, code, http_status,
                 fault),
            )  # fmt: skip

    def records(self) -> list[StoredRecord]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM records ORDER BY received_at, costlistcode").fetchall()
        return [_record(r) for r in rows]

    def record(self, costlistcode: str, companycode: str | None = None) -> StoredRecord | None:
        query = "SELECT * FROM records WHERE costlistcode = ?"
        params: tuple[str, ...] = (costlistcode,)
        if companycode is not None:
            query += " AND companycode = ?"
            params += (companycode,)
        with self._lock:
            row = self._db.execute(query, params).fetchone()
        return None if row is None else _record(row)

    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            rows = self._db.execute("SELECT * FROM requests ORDER BY id").fetchall()
        return [LoggedRequest(**dict(r)) for r in rows]

    def stats(self) -> SandboxStats:
        with self._lock:
            rec = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(repeats), 0), COALESCE(SUM(corrections), 0),"
                " COALESCE(SUM(refused_corrections), 0) FROM records"
            ).fetchone()
            req = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(kind = 'record'), 0) FROM requests"
            ).fetchone()
        return SandboxStats(rec[0], rec[1], rec[2], rec[3], req[0], req[1])

    def rate_due(self, companycode: str, now: datetime,
                 simulate: Callable[[str, dict[str, Any], datetime], SimulatedRating | None]) -> int:  # fmt: skip
        """Store the simulated ratings whose time has come (idempotent: a rating is stored once)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT costlistcode, content, received_at FROM records WHERE companycode = ?"
                " AND costlistcode NOT IN (SELECT costlistcode FROM ratings WHERE companycode = ?)",
                (companycode, companycode),
            ).fetchall()
        due = [r for r in (simulate(row["costlistcode"], json.loads(row["content"]),
                                    datetime.fromisoformat(row["received_at"])) for row in rows)
               if r is not None and r.created_at <= now]  # fmt: skip
        with self._lock, self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO ratings (id, companycode, costlistcode, created_at, content) VALUES (?, ?, ?, ?, ?)",
                [(r.id, companycode, r.costlistcode, r.created_at.isoformat(), json.dumps(r.wire(), ensure_ascii=False))
                 for r in due],
            )  # fmt: skip
        return len(due)

    def ratings_page(self, companycode: str, page: int, size: int) -> tuple[list[dict[str, Any]], int]:
        """One 0-based page of a company's ratings, oldest first (new ones only ever append)."""
        with self._lock:
            total = self._db.execute("SELECT COUNT(*) FROM ratings WHERE companycode = ?", (companycode,)).fetchone()[0]
            rows = self._db.execute(
                "SELECT content FROM ratings WHERE companycode = ? ORDER BY created_at, id LIMIT ? OFFSET ?",
                (companycode, size, page * size),
            ).fetchall()
        return [json.loads(r["content"]) for r in rows], int(total)

    def reset(self) -> None:
        with self._lock, self._db:
            self._db.execute("DELETE FROM ratings")
            self._db.execute("DELETE FROM records")
            self._db.execute("DELETE FROM waste_records")
            self._db.execute("DELETE FROM requests")


def _record(row: sqlite3.Row) -> StoredRecord:
    return StoredRecord(
        companycode=row["companycode"],
        costlistcode=row["costlistcode"],
        content=json.loads(row["content"]),
        warnings=tuple(json.loads(row["warnings"])),
        received_at=row["received_at"],
        repeats=row["repeats"],
        corrections=row["corrections"],
        refused_corrections=row["refused_corrections"],
    )
