"""The audit chain's HMAC keys: in the OS keyring, never in the database.

Someone holding only the database file (a copied backup, a stolen disk) can edit rows, but cannot
compute a valid MAC for them without the key, so verification names the first entry they touched.

Each key has a random id stored beside every entry it signed. Keys are looked up by id, so a PC that
lacks a key (a new PC on a shared PostgreSQL database, a reinstalled keyring) starts a new key segment
instead of stopping the shop, and verification says plainly which segments it could not check. The owner
moves keys between PCs with ``banshou audit key export`` / ``import``.

Where no secure keyring exists (a Linux PC without Secret Service), the key goes to a file readable only
by this user in the per-PC config folder — outside the data folder, so backups and copies of the data
folder never carry it — and :meth:`AuditKeys.protected` says so, for the settings page to show.
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

from app.domain.errors import DomainError
from app.security.credentials import CredentialStore

KEYRING_SERVICE = "Banshou audit"


class AuditKeys:
    def __init__(self, store: CredentialStore, fallback_dir: Path) -> None:
        self._store = store
        self._dir = fallback_dir
        self._cache: dict[str, bytes] = {}

    @classmethod
    def default(cls, fallback_dir: Path) -> AuditKeys:
        return cls(CredentialStore(service=KEYRING_SERVICE), fallback_dir)

    def protected(self) -> bool:
        """True when keys live in the OS keyring rather than in the fallback file."""
        return self._store.is_secure()

    def get(self, key_id: str) -> bytes | None:
        if key_id in self._cache:
            return self._cache[key_id]
        text = self._store.get_password(key_id) if self._store.is_secure() else None
        if text is None:
            path = self._dir / f"{key_id}.key"
            text = path.read_text(encoding="ascii").strip() if path.exists() else None
        if text is None:
            return None
        key = base64.b64decode(text)
        self._cache[key_id] = key
        return key

    def create(self) -> tuple[str, bytes]:
        key_id = secrets.token_hex(8)
        key = secrets.token_bytes(32)
        self.put(key_id, key)
        return key_id, key

    def put(self, key_id: str, key: bytes) -> None:
        text = base64.b64encode(key).decode("ascii")
        if self._store.is_secure():
            self._store.set_password(key_id, text)
        else:
            self._dir.mkdir(parents=True, exist_ok=True)
            path = self._dir / f"{key_id}.key"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(text)
        self._cache[key_id] = key

    def export_text(self, key_id: str) -> str:
        """``<id>:<base64>`` for the owner to carry to another PC (shown once, never logged)."""
        key = self.get(key_id)
        if key is None:
            raise DomainError("audit.key_missing", None, key_id=key_id)
        return f"{key_id}:{base64.b64encode(key).decode('ascii')}"

    def import_text(self, text: str) -> str:
        try:
            key_id, encoded = text.strip().split(":", 1)
            key = base64.b64decode(encoded, validate=True)
        except ValueError:
            raise DomainError("audit.key_invalid", None) from None
        if len(key) != 32 or not key_id:
            raise DomainError("audit.key_invalid", None)
        self.put(key_id, key)
        return key_id
