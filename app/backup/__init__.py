"""Backups that restore: daily, manual, pre-migration and pre-restore copies of the SQLite database,
verified and rotated, optionally encrypted into a second folder, and a restore that never leaves half a
database. The service is :class:`BackupService` (``ctx.backups``); the file-level parts live in
:mod:`localdb.sqlite_backup` (copy, verify, names) and :mod:`localdb.backup_rotation` (what to keep)."""

from app.backup.model import (
           MIN_PASSPHRASE,
           BackupInfo,
           BackupResult,
           IntegrityReport,
           RestoreResult,
           VerifyResult,
)
from app.backup.service import BackupService, check_database

__all__ = ["MIN_PASSPHRASE", "BackupInfo", "BackupResult", "BackupService", "IntegrityReport", "RestoreResult",
           "VerifyResult", "check_database"]
