"""Consistent, verified copies of a live SQLite database file, and how backup files are named.

Why here and not in ``app/``: the backup made before a schema upgrade (:func:`localdb.migrate.upgrade_to_head`)
and the daily, manual and pre-restore backups (:mod:`app.backup`) must be the same thing — same copy,
same names, same verification, same rotation — and ``localdb`` cannot import ``app``.

How a copy stays consistent while the window keeps writing: one connection opens a read transaction,
counts every table's rows, and runs SQLite's online backup API in one step (``pages=-1``) *inside that
transaction*, so the copy and the counts come from the same WAL snapshot and writers never wait. The
copy is switched out of WAL mode so it is one self-contained file. Then it is verified: it opens,
``PRAGMA integrity_check`` says ``ok``, it has an Alembic stamp, and every table holds exactly the rows
counted in the source snapshot. A copy that fails is deleted — a backup that is not known to be good
must never be mistaken for one. What was found is written beside it in a small JSON sidecar (kind,
time, counts, SHA-256; never anything secret), so listing backups does not reopen every file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

KINDS = ("manual", "daily", "pre-migration", "pre-restore")
PREFIX = "banshou"
SUFFIX = ".db"
SIDECAR_SUFFIX = ".json"

# banshou-20261126T020000Z-daily.db, banshou-20261126T020000Z-2-manual.db (a second one in the same second)
_NAME = re.compile(r"^banshou-(\d{8}T\d{6}Z)(?:-(\d+))?-(" + "|".join(re.escape(k) for k in KINDS) + r")\.")
# What upgrade_to_head wrote before this module existed: banshou-20261126-020000-before-<revision>.db
_LEGACY = re.compile(r"^.+-(\d{8}-\d{6})-before-.+\.db$")


class BackupFailed(RuntimeError):
    """A backup could not be made or did not verify; ``problem`` is a short stable word (see :class:`CopyCheck`)."""

    def __init__(self, problem: str, detail: str = "") -> None:
        super().__init__(f"{problem}: {detail}" if detail else problem)
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class CopyCheck:
    """What verifying a database file found.

    ``problem`` is "" when ``ok``, else one of: ``unreadable`` (not a SQLite database, or cannot be
    opened), ``integrity`` (``integrity_check`` found damage; ``detail`` has SQLite's first lines),
    ``not_banshou`` (no Alembic stamp), ``counts_differ`` (``detail`` names the first table).
    """

    ok: bool
    problem: str = ""
    detail: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    revision: str | None = None


@dataclass(frozen=True)
class MadeBackup:
    path: Path
    made_at: datetime
    kind: str
    size_bytes: int
    counts: dict[str, int]
    check: CopyCheck
    sha256: str


# -- names -------------------------------------------------------------------------------------------------
def backup_name(kind: str, made_at: datetime, n: int = 1, suffix: str = SUFFIX) -> str:
    """The file name of a backup: UTC time (unambiguous across daylight-saving and time-zone changes)."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    stamp = made_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{PREFIX}-{stamp}{'' if n == 1 else f'-{n}'}-{kind}{suffix}"


def parse_name(name: str) -> tuple[datetime, int, str] | None:
    """``(made_at, n, kind)`` of a backup file name, or None for any other file."""
    found = _NAME.match(name)
    if found:
        made_at = datetime.strptime(found.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return made_at, int(found.group(2) or 1), found.group(3)
    legacy = _LEGACY.match(name)
    if legacy:
        return datetime.strptime(legacy.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC), 1, "pre-migration"
    return None


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(sidecar_of(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def remove_backup(path: Path) -> None:
    for p in (path, sidecar_of(path)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def next_number(folder: Path, made_at: datetime) -> int:
    """The counter for another backup in the same second: above every one already there, so a newer
    backup never sorts before an older one (a number freed by rotation is not reused)."""
    stamp = made_at.astimezone(UTC).replace(microsecond=0)
    taken = [parsed[1] for p in folder.iterdir() if (parsed := parse_name(p.name)) and parsed[0] == stamp]
    return max(taken, default=0) + 1


def reserve(folder: Path, kind: str, made_at: datetime, suffix: str = SUFFIX) -> Path:
    """Create an empty file under a new name (exclusively, so two processes never share one)."""
    folder.mkdir(parents=True, exist_ok=True)
    first = next_number(folder, made_at)
    for n in range(first, first + 1000):
        target = folder / backup_name(kind, made_at, n, suffix)
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        return target
    raise BackupFailed("failed", "no free file name")


# -- copy and verify -------------------------------------------------------------------------------------
def _tables(conn: sqlite3.Connection) -> list[str]:
    """Ordinary tables (virtual FTS tables are left out; their shadow tables are ordinary and counted)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND upper(coalesce(sql, '')) NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in _tables(conn)}


def online_copy(db_path: Path, target: Path, busy_timeout_ms: int = 5000) -> dict[str, int]:
    """Copy ``db_path`` (live, WAL) to ``target``; returns the row counts of the snapshot that was copied."""
    src = sqlite3.connect(db_path, isolation_level=None, timeout=busy_timeout_ms / 1000)
    try:
        src.execute("BEGIN")  # deferred: the first read below fixes the snapshot the backup step reuses
        counts = table_counts(src)
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)  # one step inside our read transaction: same snapshot as the counts
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
        src.execute("COMMIT")
    finally:
        src.close()
    return counts


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open a file that nobody writes (a backup) without creating -wal/-shm/-journal files next to it."""
    return sqlite3.connect(f"file:{path.as_posix()}?mode=ro&immutable=1", uri=True)


def check_copy(path: Path, expected: dict[str, int] | None = None, *, quick: bool = False) -> CopyCheck:
    """Verify a database file: opens, integrity check, Alembic stamp, and (if given) exact row counts."""
    if not path.is_file():
        return CopyCheck(False, "unreadable", "missing")
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        return CopyCheck(False, "unreadable", str(exc))
    try:
        lines = [r[0] for r in conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check")]
        if lines != ["ok"]:
            return CopyCheck(False, "integrity", "; ".join(str(x) for x in lines[:5]))
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return CopyCheck(False, "not_banshou", "no alembic_version")
        counts = table_counts(conn)
    except sqlite3.Error as exc:  # "file is not a database", a malformed page, a truncated file
        return CopyCheck(False, "unreadable" if "not a database" in str(exc) else "integrity", str(exc))
    finally:
        conn.close()
    if expected is not None:
        for table in sorted(set(expected) | set(counts)):
            if expected.get(table) != counts.get(table):
                detail = f"{table}: {counts.get(table)} != {expected.get(table)}"
                return CopyCheck(False, "counts_differ", detail, counts, revision[0] if revision else None)
    return CopyCheck(True, "", "", counts, revision[0] if revision else None)


def quick_check_live(db_path: Path) -> tuple[bool, str]:
    """``PRAGMA quick_check`` of the database in use (WAL included); ``(ok, what SQLite said)``."""
    try:
        conn = sqlite3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True, timeout=5)
        try:
            lines = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return False, str(exc)
    return lines == ["ok"], "; ".join(lines[:5])


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_backup(db_path: Path, folder: Path, kind: str, now: datetime | None = None,
                extra: dict[str, object] | None = None) -> MadeBackup:
    """Copy, verify and describe one backup in ``folder``. A copy that does not verify is deleted and the
    result says why (``check.ok`` False); a copy that cannot be made at all raises :class:`BackupFailed`.
    ``extra`` goes into the sidecar (the app's version, say) and must hold nothing secret."""
    made_at = (now or datetime.now(UTC)).astimezone(UTC)
    try:
        target = reserve(folder, kind, made_at)
    except OSError as exc:
        raise BackupFailed("failed", str(exc)) from exc
    try:
        counts = online_copy(db_path, target)
        fsync_file(target)
    except (sqlite3.Error, OSError) as exc:
        remove_backup(target)
        raise BackupFailed("unreadable" if isinstance(exc, sqlite3.DatabaseError) else "failed", str(exc)) from exc
    check = check_copy(target, counts)
    if not check.ok:
        remove_backup(target)
        return MadeBackup(target, made_at, kind, 0, counts, check, "")
    size = target.stat().st_size
    sha = file_sha256(target)
    meta = {"kind": kind, "made_at": made_at.isoformat(), "verified": True, "size": size, "sha256": sha,
            "revision": check.revision, "counts": counts, **(extra or {})}  # fmt: skip
    try:
        sidecar = sidecar_of(target)
        sidecar.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        fsync_dir(folder)
    except OSError as exc:
        remove_backup(target)
        raise BackupFailed("failed", str(exc)) from exc
    return MadeBackup(target, made_at, kind, size, counts, check, sha)


__all__ = [
    "KINDS", "SUFFIX", "BackupFailed", "CopyCheck", "MadeBackup", "backup_name", "check_copy", "file_sha256",
    "fsync_dir", "fsync_file", "make_backup", "next_number", "online_copy", "open_read_only", "parse_name",
    "quick_check_live", "read_sidecar", "remove_backup", "reserve", "sidecar_of", "table_counts",
]
