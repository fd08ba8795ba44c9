"""Is this file a good Banshou backup? One answer for the list, the restore and ``banshou backup verify``.

A plain backup is checked against what was recorded when it was made (its sidecar): same SHA-256 (a
flipped bit inside a text value passes SQLite's integrity check, but not this), same row counts. An
encrypted one is decrypted — which authenticates every byte — into a scratch file beside the other
backups, checked, and deleted. Either way the database must open, pass ``integrity_check``, carry an
Alembic stamp, and not come from a newer Banshou than this one (its schema would be unknown here).
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from app.backup.crypto import BackupKey, decrypt_file, is_encrypted
from app.backup.model import VerifyResult
from app.domain.errors import DomainError
from localdb.migrate import head_revision, known_revisions
from localdb.sqlite_backup import CopyCheck, check_copy, file_sha256, read_sidecar

_PROBLEM_CODES = {
    "unreadable": "backup.unreadable",
    "integrity": "backup.integrity",
    "not_banshou": "backup.not_banshou",
    "counts_differ": "backup.counts_differ",
}


def from_check(check: CopyCheck, encrypted: bool = False) -> VerifyResult:
    if not check.ok:
        return VerifyResult(False, _PROBLEM_CODES.get(check.problem, "backup.unreadable"), check.counts,
                            {"detail": check.detail}, check.revision, encrypted)  # fmt: skip
    if check.revision != head_revision() and check.revision not in known_revisions():
        return VerifyResult(False, "backup.too_new", check.counts, {"revision": str(check.revision)},
                            check.revision, encrypted)  # fmt: skip
    return VerifyResult(True, None, check.counts, {}, check.revision, encrypted)


def verify_plain(path: Path, expected: dict[str, object] | None = None, encrypted: bool = False) -> VerifyResult:
    """Check a plaintext database file; ``expected`` is a sidecar (its ``sha256`` and ``counts`` must match)."""
    sha = expected.get("sha256") if expected else None
    counts = expected.get("counts") if expected else None
    if isinstance(sha, str) and sha and file_sha256(path) != sha:
        return VerifyResult(False, "backup.damaged", {}, {}, None, encrypted)
    return from_check(check_copy(path, counts if isinstance(counts, dict) else None), encrypted)


def verify_file(path: Path, scratch: Path, passphrase: str | None = None, stored: BackupKey | None = None) -> VerifyResult:
    """Verify a backup the owner points at, plain or encrypted, without changing it."""
    if not path.is_file():
        return VerifyResult(False, "backup.file_missing", params={"path": str(path)})
    if not is_encrypted(path):
        return verify_plain(path, read_sidecar(path))
    scratch.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".verify-", suffix=".db", dir=scratch)
    plain = Path(name)
    try:
        with open(fd, "wb") as out:
            decrypt_file(path, out, passphrase, stored)
        return verify_plain(plain, None, encrypted=True)
    except DomainError as exc:
        return VerifyResult(False, exc.code, {}, dict(exc.params), None, True)
    finally:
        with contextlib.suppress(OSError):
            plain.unlink()
