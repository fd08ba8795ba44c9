"""Backups of the shop's database: made daily and on request, verified, rotated, copied off the PC, restored.

Who may do what: making a backup, restoring one and choosing the second folder need ``Perm.BACKUP``
(the owner); the automatic daily run acts as the system. Listing backups, verifying a file and the
integrity check at start need no permission: they change nothing, and the start-up check runs before
anyone has logged in (the command line's read-only ``backup list`` / ``backup verify`` likewise).

Which backups go to the second folder: the daily and the manual ones. Pre-migration and pre-restore
backups are the local safety net of one risky step and stay in ``backups/``.

On PostgreSQL the database lives on a server whose own tools (``pg_dump``) back it up; every call that
would copy or replace the database says so (``backup.postgres``) instead of doing anything, and the
automatic daily run quietly does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from app import __version__
from app.backup import restore as restoring
from app.backup.crypto import ENCRYPTED_SUFFIX, derive_key
from app.backup.model import (
    MIN_PASSPHRASE,
    BackupInfo,
    BackupResult,
    IntegrityReport,
    RestoreResult,
    VerifyResult,
)
from app.backup.second_folder import (
    KEYRING_SERVICE,
    SecondFolderSettings,
    check_usable,
    write_encrypted_copy,
)
from app.backup.verify import from_check, verify_file
from app.domain.clock import SHOP_TZ, Clock, local_date
from app.domain.errors import DomainError
from app.i18n import render_error
from app.paths import DataDir
from app.security.audit import AuditTrail
from app.security.credentials import CredentialStore
from app.security.guard import Guard
from app.security.permissions import Perm
from localdb.backup_rotation import dated_files, prune
from localdb.engine import Database
from localdb.migrate import upgrade_to_head
from localdb.sqlite_backup import (
    SUFFIX,
    BackupFailed,
    check_copy,
    make_backup,
    quick_check_live,
    read_sidecar,
)

log = logging.getLogger("banshou.backup")

TO_SECOND_FOLDER = frozenset({"daily", "manual"})


class BackupService:
    def __init__(self, data_dir: DataDir, db: Database, clock: Clock, guard: Guard, audit: AuditTrail,
                 secrets: CredentialStore | None = None) -> None:
        self._data_dir = data_dir
        self._db = db
        self._clock = clock
        self._guard = guard
        self._audit = audit
        self._second = SecondFolderSettings(data_dir.root, secrets or CredentialStore(service=KEYRING_SERVICE))
        self._lock = threading.Lock()  # one backup or restore at a time (the daily timer vs. a click)

    # ---- making backups ----------------------------------------------------------------------------------

    def run(self, kind: str = "manual", *, to: Path | None = None, passphrase: str | None = None) -> BackupResult:
        """Make, verify and rotate one backup, then copy it encrypted to the second folder (daily and
        manual only) — or, this once, to ``to`` (the command line's ``--to``), under the configured key or
        one derived from ``passphrase``. A second copy that fails is reported, never fatal."""
        self._guard.require(Perm.BACKUP)
        self._require_sqlite()
        with self._lock:
            return self._run(kind, to, passphrase)

    def run_daily_if_due(self) -> BackupResult | None:
        """The automatic backup, as the system: due when no daily backup exists yet for today's local
        date. Returns None when not due, on PostgreSQL, or while another backup is running."""
        if not self._db.is_sqlite or not self._lock.acquire(blocking=False):
            return None
        try:
            if not self._daily_due():
                return None
            with self._guard.as_system():
                return self._run("daily", None, None)
        finally:
            self._lock.release()

    def _daily_due(self) -> bool:
        today = local_date(self._clock.now(), SHOP_TZ)
        dailies = [d for d in dated_files(self._data_dir.backups, SUFFIX) if d.kind == "daily"]
        return not any(local_date(d.made_at, SHOP_TZ) >= today for d in dailies)

    def _run(self, kind: str, to: Path | None, passphrase: str | None) -> BackupResult:
        now = self._clock.now()
        try:
            made = make_backup(self._data_dir.database, self._data_dir.backups, kind, now,
                               extra={"app_version": __version__})  # fmt: skip
        except BackupFailed as exc:
            log.error("backup failed: %s", exc.problem)
            self._record("backup_failed", kind, {"kind": kind, "problem": exc.problem})
            raise DomainError("backup.failed", None, reason=exc.detail or exc.problem) from None
        if not made.check.ok:
            code = from_check(made.check).problem_code
            log.error("backup %s did not verify: %s", made.path.name, made.check.problem)
            self._record("backup_failed", made.path.name, {"kind": kind, "problem": made.check.problem})
            return BackupResult(made.path, now, kind, 0, False, made.counts, problem=code,
                                problem_params={"detail": made.check.detail})  # fmt: skip
        prune(self._data_dir.backups, SHOP_TZ, SUFFIX)
        second, error = None, None
        if kind in TO_SECOND_FOLDER or to is not None:
            second, error = self._second_copy(made.path, made.sha256, kind, now, to, passphrase)
        log.info("backup %s verified (%d bytes)%s", made.path.name, made.size_bytes,
                 f", second copy {second.name}" if second else "")  # fmt: skip
        self._record("backup", made.path.name, {"kind": kind, "verified": True, "size": made.size_bytes,
                                                "second_copy": str(second) if second else None,
                                                "second_copy_problem": error is not None})  # fmt: skip
        return BackupResult(made.path, now, kind, made.size_bytes, True, made.counts, second, error)

    def _second_copy(self, local: Path, sha: str, kind: str, made_at: datetime, to: Path | None,
                     passphrase: str | None) -> tuple[Path | None, str | None]:
        setting = self._second.get()
        folder = to if to is not None else (setting.folder if setting else None)
        if folder is None:
            return None, None
        try:
            key = self._second.current_key()
            if passphrase is not None:
                key = derive_key(passphrase)
            if key is None:
                raise DomainError("backup.second_no_key", None)
            copy = write_encrypted_copy(local, sha, kind, made_at, folder, key)
        except DomainError as exc:
            log.warning("second copy not made: %s", exc.code)
            return None, render_error(exc)
        try:
            prune(folder, SHOP_TZ, ENCRYPTED_SUFFIX)
        except OSError:
            log.warning("could not rotate the second folder's backups")
        return copy, None

    def _record(self, action: str, name: str, detail: dict[str, object]) -> None:
        """Audit entry for a backup event; a database too damaged to take it must not hide the result."""
        try:
            self._audit.record(action, "database", name, detail)
        except Exception:
            log.exception("could not record %s in the audit trail", action)

    # ---- looking at backups ------------------------------------------------------------------------------

    def list(self) -> list[BackupInfo]:
        """Every backup in ``backups/`` and in the second folder (when reachable), newest first."""
        return list_backups(self._data_dir, self._second)

    def verify(self, path: Path, passphrase: str | None = None) -> VerifyResult:
        return verify_file(path, self._data_dir.backups, passphrase, self._second.current_key())

    def integrity_check(self) -> IntegrityReport:
        """``PRAGMA quick_check`` of the database in use; on damage, names the newest backup that verifies."""
        if not self._db.is_sqlite:
            return IntegrityReport(True, "", None)
        return check_database(self._data_dir)

    # ---- second folder -----------------------------------------------------------------------------------

    def second_folder(self) -> Path | None:
        setting = self._second.get()
        return setting.folder if setting else None

    def set_second_folder(self, path: Path | None, passphrase: str | None) -> None:
        """Choose (or, with None, stop using) the second folder. A new passphrase replaces the key; without
        one the current key is kept (the disk moved). The passphrase is used once, to derive the key the
        keyring keeps, and is never stored; the owner should print it with the recovery code, because a
        lost PC takes the keyring with it and only the passphrase then opens the copies."""
        self._guard.require(Perm.BACKUP)
        self._require_sqlite()
        if path is None:
            self._second.clear()
            self._record("settings", "backup.second_folder", {"folder": None})
            return
        if passphrase is not None and len(passphrase) < MIN_PASSPHRASE:
            raise DomainError("backup.passphrase_short", "passphrase", min=MIN_PASSPHRASE)
        folder = path.expanduser().resolve()
        check_usable(folder)
        self._second.set(folder, derive_key(passphrase) if passphrase is not None else None)
        self._record("settings", "backup.second_folder", {"folder": str(folder), "new_key": passphrase is not None})

    # ---- restore -----------------------------------------------------------------------------------------

    def restore(self, path: Path, passphrase: str | None = None) -> RestoreResult:
        """Replace the database with a verified backup, keeping the current one aside.

        Before calling, the window stops everything that holds a connection (the sync worker, background
        jobs); this disposes the engine's pool, and if a connection is still open the restore is refused
        (``backup.db_busy``) before anything changed. Steps and crash safety: :mod:`app.backup.restore`.
        An older backup is upgraded to this version's schema at once (after its own pre-migration
        backup), so the restore can be recorded in its audit trail. Afterwards the window must restart.
        """
        self._guard.require(Perm.BACKUP)
        self._require_sqlite()
        with self._lock, self._restore_failure_cleanup():
            db_path = self._data_dir.database
            stored = self._second.current_key()
            tmp, checked = restoring.stage_verified(path, db_path, passphrase, stored)
            pre = self._pre_restore_backup()
            self._db.dispose()
            aside = restoring.swap_in(tmp, db_path, self._clock.now().astimezone(SHOP_TZ))
            migrated = upgrade_to_head(self._db.engine, backup_dir=self._data_dir.backups) is not None
            self._after_restore(path, pre, aside, checked)
            return RestoreResult(path, checked.counts, aside, pre, migrated)

    @contextmanager
    def _restore_failure_cleanup(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            restoring.clean_stale(self._data_dir.database)
            raise

    def _pre_restore_backup(self) -> Path | None:
        """The current database as a verified backup; None when it is too damaged to copy (it is still
        kept aside byte for byte by the swap)."""
        if not self._data_dir.database.exists():
            return None
        try:
            result = self._run("pre-restore", None, None)
        except DomainError as exc:
            log.warning("no pre-restore backup: %s", exc.code)
            return None
        return result.path if result.verified else None

    def _after_restore(self, source: Path, pre: Path | None, aside: Path | None, checked: VerifyResult) -> None:
        try:
            self._audit.reset_anchor()  # the restored chain legitimately ends earlier than this PC's mark
        except Exception:
            log.exception("could not reset the audit high-water mark after a restore")
        self._record("restore", source.name, {"from": str(source), "encrypted": checked.encrypted,
                                              "pre_restore_backup": pre.name if pre else None,
                                              "kept_aside": aside.name if aside else None,
                                              "revision": checked.revision})  # fmt: skip
        log.info("restored %s (previous database kept as %s)", source.name, aside.name if aside else "-")

    def _require_sqlite(self) -> None:
        if not self._db.is_sqlite:
            raise DomainError("backup.postgres", None)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def check_database(data_dir: DataDir) -> IntegrityReport:
    """The start-up check, usable before the data folder is opened (a damaged file may not open at all)."""
    restoring.clean_stale(data_dir.database)
    if not data_dir.database.exists():
        return IntegrityReport(True, "", None)
    ok, detail = quick_check_live(data_dir.database)
    if ok:
        return IntegrityReport(True, "", None)
    log.error("database integrity check failed: %s", detail)
    return IntegrityReport(False, detail, newest_good_backup(data_dir))


def newest_good_backup(data_dir: DataDir) -> Path | None:
    """The newest local backup that still passes ``quick_check`` (checked newest first, stops at the first)."""
    for d in sorted(dated_files(data_dir.backups, SUFFIX), key=lambda x: (x.made_at, x.n), reverse=True):
        meta = read_sidecar(d.key)
        if meta is not None and not meta.get("verified"):
            continue
        if check_copy(d.key, quick=True).ok:
            return d.key
    return None



def list_backups(data_dir: DataDir, second: SecondFolderSettings) -> list[BackupInfo]:
    """The listing behind :meth:`BackupService.list`, usable without opening the database."""
    found: list[BackupInfo] = []
    for d in dated_files(data_dir.backups, SUFFIX):
        meta = read_sidecar(d.key)
        verified = bool(meta.get("verified")) if meta else None
        found.append(BackupInfo(d.key, d.made_at, d.kind, _size(d.key), False, "local", verified))
    setting = second.get()
    if setting is not None:
        for d in dated_files(setting.folder, ENCRYPTED_SUFFIX):
            found.append(BackupInfo(d.key, d.made_at, d.kind, _size(d.key), True, "second"))
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found
