"""Putting a backup in place of the database without ever leaving half of one.

The order of the steps is the whole point; at every instant a kill (power cut, SIGKILL) leaves either the
previous database or the restored one, each complete:

1. **Stage**: copy (or decrypt) the backup to ``banshou.db.restore-tmp`` beside the database — same
   folder, so the final rename cannot cross file systems — verify exactly those bytes, fsync them.
   The live database is untouched; a kill leaves only a stale temp file, removed next time.
2. **Settle the old file**: with every other connection closed, ``wal_checkpoint(TRUNCATE)`` moves all
   committed pages from the WAL into ``banshou.db``, and switching ``journal_mode`` to DELETE needs
   exclusive access — if another connection still has the file (the window's sync thread, a
   ``banshou sync`` process), it fails and the restore is refused (``backup.db_busy``). Now the old
   database is one self-contained file and its -wal is empty.
3. **Keep it aside**: hard-link (or copy and fsync) it as ``banshou-before-restore-<time>.db``.
4. **Remove the stale -wal/-shm**, *then* rename the temp file over ``banshou.db`` (``os.replace``,
   atomic) and fsync the folder. A -wal left behind would be replayed into the restored file and corrupt
   it; removing it first loses nothing because step 2 emptied it. A kill between the removal and the
   rename leaves the old, complete database.

A database too damaged to open skips step 2 (nothing can be checkpointed): its file, -wal and -journal
are copied aside before anything is removed, so nothing the damaged file held is lost either.

The caller must have closed its own connections first (:meth:`BackupService.restore` disposes the
engine; the command line has no other connection). The window asks to restart afterwards: every
service in it may hold state read from the old database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.backup.crypto import BackupKey, decrypt_file, is_encrypted
from app.backup.model import RestoreResult, VerifyResult
from app.backup.verify import verify_plain
from app.domain.errors import DomainError
from app.paths import DataDir
from localdb.engine import Database
from localdb.migrate import upgrade_to_head
from localdb.sqlite_backup import fsync_dir, fsync_file, read_sidecar

TMP_SUFFIX = ".restore-tmp"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def staged_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + TMP_SUFFIX)


def clean_stale(db_path: Path) -> None:
    """Remove what a killed restore left behind (its temp file only; the database was never touched)."""
    tmp = staged_path(db_path)
    for p in (tmp, *(tmp.with_name(tmp.name + s) for s in _SIDE_FILES)):
        with contextlib.suppress(OSError):  # missing, or a folder that is not one: nothing to clean
            p.unlink()


def stage(source: Path, db_path: Path, passphrase: str | None, stored: BackupKey | None) -> tuple[Path, VerifyResult]:
    """Step 1: the verified, fsynced temp file that will become the database (deleted if it is not good)."""
    if not source.is_file():
        raise DomainError("backup.file_missing", "path", path=str(source))
    clean_stale(db_path)
    tmp = staged_path(db_path)
    encrypted = is_encrypted(source)
    try:
        with tmp.open("wb") as out:
            if encrypted:
                decrypt_file(source, out, passphrase, stored)
            else:
                with source.open("rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        result = verify_plain(tmp, None if encrypted else read_sidecar(source), encrypted)
    except BaseException:
        clean_stale(db_path)
        raise
    if not result.ok:
        clean_stale(db_path)
    return tmp, result


def stage_verified(source: Path, db_path: Path, passphrase: str | None,
                   stored: BackupKey | None) -> tuple[Path, VerifyResult]:
    """:func:`stage`, refusing (with the translated reason) a backup that is not good."""
    tmp, checked = stage(source, db_path, passphrase, stored)
    if not checked.ok:
        raise DomainError(str(checked.problem_code), "path", **checked.params)
    return tmp, checked


def _settle(db_path: Path) -> bool:
    """Step 2. True when the old file was checkpointed into one file; False when it cannot be opened."""
    try:
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=5)
    except sqlite3.Error:
        return False
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DomainError("backup.db_busy", None) from None
        return False
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    if (busy and busy[0]) or not mode or str(mode[0]).lower() != "delete":
        raise DomainError("backup.db_busy", None)
    return True


def _keep_aside(db_path: Path, aside: Path, settled: bool) -> None:
    """Step 3: the previous database under its own name."""
    try:
        os.link(db_path, aside)  # the old inode stays under the new name after the replace: no copy needed
    except OSError:
        shutil.copy2(db_path, aside)
        fsync_file(aside)
    if not settled:  # its -wal (or hot -journal) may hold what the file alone lacks: keep them with it
        for suffix in ("-wal", "-journal"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                shutil.copy2(side, aside.with_name(aside.name + suffix))
    fsync_dir(db_path.parent)


def aside_name(db_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}{db_path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.stem}-before-restore-{stamp}-{n}{db_path.suffix}")
    return target


def swap_in(tmp: Path, db_path: Path, now: datetime) -> Path | None:
    """Steps 2–4: put the staged file in place; returns where the previous database was kept aside."""
    aside: Path | None = None
    if db_path.exists():
        settled = _settle(db_path)
        aside = aside_name(db_path, now)
        _keep_aside(db_path, aside, settled)
    for suffix in _SIDE_FILES:  # order matters: stale side files go before the new file arrives
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)
    return aside


def restore_damaged(data_dir: DataDir, source: Path, passphrase: str | None, stored: BackupKey | None,
                    now: datetime) -> RestoreResult:
    """Restore over a database too damaged to open, for ``banshou restore`` (see :mod:`app.backup.cli`).

    Nobody can log in to a database that cannot be read, and no audit entry can be written into it, so
    this runs without either: the file system's permissions on the data folder are the only guard, as
    they are for copying the file by hand. The damaged file is kept aside like any other.
    """
    tmp, checked = stage_verified(source, data_dir.database, passphrase, stored)
    try:
        aside = swap_in(tmp, data_dir.database, now)
    finally:
        clean_stale(data_dir.database)
    db = Database.for_file(data_dir.database)
    try:
        migrated = upgrade_to_head(db.engine, backup_dir=data_dir.backups) is not None
    finally:
        db.dispose()
    return RestoreResult(source, checked.counts, aside, None, migrated)
