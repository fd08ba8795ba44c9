"""The second backup folder (a USB disk, a NAS share): where it is, its key, and writing a copy there.

Where the setting lives: in the per-PC config folder (:func:`app.paths.config_dir`, ``backup-targets.json``,
one entry per data folder), not in the database. A USB disk's drive letter or mount point belongs to
this PC, and a setting inside the database would be rolled back by every restore — quietly stopping
the off-PC copies right after the owner needed them. The file holds the folder path and a random key
id only; the key itself is in the OS keyring under that id (service ``Banshou backup``), and without a
secure keyring no encrypted copy is configured at all (never a key in a file).

Why the folder is never created: a missing folder usually means the USB disk is not plugged in, and
creating its mount point would silently write the "off-PC" copy to the PC's own disk.
"""

from __future__ import annotations

import errno
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.backup.crypto import ENCRYPTED_SUFFIX, BackupKey, decrypt_file, encrypt_file
from app.domain.errors import DomainError
from app.paths import config_dir
from app.security.credentials import CredentialStore
from localdb.sqlite_backup import backup_name, fsync_dir, next_number

KEYRING_SERVICE = "Banshou backup"
CONFIG_NAME = "backup-targets.json"


@dataclass(frozen=True)
class SecondFolder:
    folder: Path
    key_id: str


class SecondFolderSettings:
    """Reads and writes one data folder's second-folder setting and its key."""

    def __init__(self, data_root: Path, store: CredentialStore, config_file: Path | None = None) -> None:
        self._root = str(data_root.resolve())
        self._store = store
        self._file = config_file or config_dir() / CONFIG_NAME

    def _all(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, data: dict[str, dict[str, str]]) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._file.with_name(self._file.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self._file)

    def get(self) -> SecondFolder | None:
        entry = self._all().get(self._root)
        if not isinstance(entry, dict) or not entry.get("folder") or not entry.get("key_id"):
            return None
        return SecondFolder(Path(entry["folder"]), str(entry["key_id"]))

    def set(self, folder: Path, key: BackupKey | None) -> SecondFolder:
        """Point at ``folder``; a new ``key`` replaces the old one, None keeps it (only the folder moved)."""
        current = self.get()
        if key is None:
            if current is None or self.key(current.key_id) is None:
                raise DomainError("backup.passphrase_needed", "passphrase")
            key_id = current.key_id
        else:
            if not self._store.is_secure():
                raise DomainError("secrets.no_keyring", "passphrase")
            key_id = secrets.token_hex(8)
            self._store.set_password(key_id, key.to_secret())
        data = self._all()
        data[self._root] = {"folder": str(folder), "key_id": key_id}
        self._save(data)
        if current is not None and current.key_id != key_id:
            self._store.delete_password(current.key_id)
        return SecondFolder(folder, key_id)

    def clear(self) -> None:
        current = self.get()
        data = self._all()
        if data.pop(self._root, None) is not None:
            self._save(data)
        if current is not None:
            self._store.delete_password(current.key_id)

    def key(self, key_id: str) -> BackupKey | None:
        text = self._store.get_password(key_id)
        return BackupKey.from_secret(text) if text else None

    def current_key(self) -> BackupKey | None:
        current = self.get()
        return self.key(current.key_id) if current else None


def check_usable(folder: Path) -> None:
    """The folder exists and this user can write into it (probed with a small file, then removed)."""
    if not folder.is_dir():
        raise DomainError("backup.second_missing", "folder", path=str(folder))
    probe = folder / f".banshou-probe-{secrets.token_hex(4)}"
    try:
        probe.write_bytes(b"probe")
        probe.unlink()
    except OSError as exc:
        raise _write_error(folder, exc) from None


def _write_error(folder: Path, exc: OSError) -> DomainError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DomainError("backup.second_full", "folder", path=str(folder))
    if isinstance(exc, FileNotFoundError):
        return DomainError("backup.second_missing", "folder", path=str(folder))
    return DomainError("backup.second_failed", "folder", path=str(folder), reason=exc.strerror or type(exc).__name__)


def write_encrypted_copy(source: Path, source_sha256: str, kind: str, made_at: datetime, folder: Path,
                         key: BackupKey) -> Path:
    """Encrypt a verified local backup into ``folder`` and prove the copy decrypts to the same bytes.

    Written under a ``.part`` name and renamed when complete, so a pulled-out disk or a full one leaves
    no file that looks like a backup; the partial file is removed where the disk still allows it.
    """
    if not folder.is_dir():
        raise DomainError("backup.second_missing", "folder", path=str(folder))
    n = next_number(folder, made_at)
    final = folder / backup_name(kind, made_at, n, suffix=ENCRYPTED_SUFFIX)
    while final.exists():
        n += 1
        final = folder / backup_name(kind, made_at, n, suffix=ENCRYPTED_SUFFIX)
    part = final.with_name(final.name + ".part")
    try:
        with part.open("wb") as out:
            encrypt_file(source, out, key, {"kind": kind, "made_at": made_at.isoformat()})
            out.flush()
            os.fsync(out.fileno())
        if decrypt_file(part, None, stored=key) != source_sha256:
            raise DomainError("backup.second_failed", "folder", path=str(folder), reason="verification")
        os.replace(part, final)
        fsync_dir(folder)
    except OSError as exc:
        _remove_quietly(part)
        raise _write_error(folder, exc) from None
    except DomainError:
        _remove_quietly(part)
        raise
    return final


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
