"""What the backup service hands back: plain frozen values the window and the command line both show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from app.i18n import render

MIN_PASSPHRASE = 10
"""The owner's backup passphrase: long enough that scrypt makes guessing it from a lost disk slow."""


@dataclass(frozen=True)
class BackupResult:
    """One backup run. ``verified`` False means the copy failed verification and was deleted (``problem``
    says why); a failed second copy never undoes the local one (``second_copy_error`` says what happened)."""

    path: Path
    made_at: datetime
    kind: str
    size_bytes: int
    verified: bool
    counts: dict[str, int]
    second_copy: Path | None = None
    second_copy_error: str | None = None  # a translated sentence
    problem: str | None = None  # a message code when not verified
    problem_params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    kind: str
    size: int
    encrypted: bool
    location: str  # "local" (the data folder's backups/) or "second"
    verified: bool | None = None  # from the check when it was made; None when unknown (second folder)


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    problem_code: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    revision: str | None = None
    encrypted: bool = False

    def message(self, lang: str | None = None) -> str:
        return render("backup.verified_ok" if self.ok else str(self.problem_code), self.params, lang)


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore. The window must restart (its services still hold state from the old database)."""

    restored_from: Path
    counts: dict[str, int]
    kept_aside: Path | None  # the previous database, byte for byte (None when there was none)
    pre_restore_backup: Path | None  # the verified backup taken first (None when the old file was unreadable)
    migrated: bool  # the restored file was older than this version and has been upgraded
    needs_restart: bool = True


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    detail: str  # SQLite's own words when not ok
    newest_good_backup: Path | None

    def message(self, lang: str | None = None) -> str:
        if self.ok:
            return render("backup.db_ok", None, lang)
        code = "backup.db_corrupt" if self.newest_good_backup else "backup.db_corrupt_no_backup"
        return render(code, {"detail": self.detail, "backup": str(self.newest_good_backup or "")}, lang)
