"""Encrypted backup files for the second folder (a USB disk or a NAS that may be lost or shared).

Key: ``scrypt(passphrase, salt)`` (n=2^15, r=8, p=1: about 0.1 s and 32 MiB, so guessing passphrases
from a stolen disk is slow). The 32-byte result — never the passphrase — is what the OS keyring keeps,
so the daily copy can be encrypted without asking anyone. Each file then gets its own key,
``HKDF(master, file salt)``, so no two files share a key and AES-GCM nonces can never repeat across files.

File layout::

    MAGIC (16 bytes) | header length (4 bytes, big-endian) | header (UTF-8 JSON) | chunks

The header is plaintext on purpose (a person or :meth:`BackupService.list` can see the kind and time
without the passphrase) and holds nothing secret: format version, scrypt parameters, the two salts, the
nonce prefix, the chunk size, a 16-byte key check (HMAC of a constant under the file key: a wrong
passphrase is told apart from a damaged file), and the kind and time. Chunks of 1 MiB are sealed with
AES-256-GCM; chunk *i*'s nonce is ``prefix ‖ i ‖ last-flag`` and its associated data is the header, so
reordered, dropped, appended or truncated chunks and any edit of the header fail authentication. Files
are streamed, so a large database never has to fit in memory.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.domain.errors import DomainError

MAGIC = b"BANSHOU-BACKUP\x00\x01"
ENCRYPTED_SUFFIX = ".banshou-backup"
CHUNK = 1 << 20
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 15, 8, 1
MAX_HEADER = 64 * 1024
_TAG = 16
_CHECK_LABEL = b"banshou backup key check"
_HKDF_INFO = b"banshou backup file key v1"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


@dataclass(frozen=True)
class BackupKey:
    """The key derived from the owner's passphrase, and the salt it was derived with."""

    salt: bytes
    key: bytes

    def to_secret(self) -> str:
        """The text kept in the OS keyring (never written to a file)."""
        return json.dumps({"v": 1, "salt": _b64(self.salt), "key": _b64(self.key)})

    @classmethod
    def from_secret(cls, text: str) -> BackupKey | None:
        try:
            data = json.loads(text)
            return cls(_unb64(data["salt"]), _unb64(data["key"]))
        except (ValueError, KeyError, TypeError):
            return None

    def __repr__(self) -> str:  # never let a traceback or a log line print the key
        return "BackupKey(…)"


def derive_key(passphrase: str, salt: bytes | None = None) -> BackupKey:
    salt = salt if salt is not None else os.urandom(16)
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return BackupKey(salt, kdf.derive(passphrase.encode("utf-8")))


def _file_key(master: bytes, file_salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=file_salt, info=_HKDF_INFO).derive(master)


def _check(file_key: bytes) -> bytes:
    return hmac.new(file_key, _CHECK_LABEL, hashlib.sha256).digest()[:16]


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


@dataclass(frozen=True)
class Header:
    fields: dict[str, object]
    raw: bytes  # exactly as stored: the associated data of every chunk

    @property
    def salt(self) -> bytes:
        return _unb64(self.fields["salt"])

    @property
    def kind(self) -> str:
        return str(self.fields.get("kind", ""))

    @property
    def made_at(self) -> str:
        return str(self.fields.get("made_at", ""))


def read_header(f: BinaryIO) -> Header | None:
    """The header of an encrypted backup, or None when the file is not one (wrong magic)."""
    if f.read(len(MAGIC)) != MAGIC:
        return None
    size_bytes = f.read(4)
    if len(size_bytes) != 4:
        raise DomainError("backup.damaged", None)
    (size,) = struct.unpack(">I", size_bytes)
    raw = f.read(size) if size <= MAX_HEADER else b""
    try:
        fields = json.loads(raw.decode("utf-8"))
        if not isinstance(fields, dict) or fields.get("v") != 1:
            raise ValueError("unknown header")
        for name in ("salt", "file_salt", "nonce", "check"):
            _unb64(fields[name])
    except (ValueError, KeyError, UnicodeDecodeError):
        raise DomainError("backup.damaged", None) from None
    return Header(fields, raw)


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encrypt_file(source: Path, target: BinaryIO, key: BackupKey, meta: dict[str, str]) -> None:
    """Write ``source`` encrypted to ``target``; ``meta`` (kind, made_at) goes into the plain header."""
    file_salt, prefix = os.urandom(16), os.urandom(7)
    file_key = _file_key(key.key, file_salt)
    fields = {"v": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(key.salt),
              "file_salt": _b64(file_salt), "nonce": _b64(prefix), "chunk": CHUNK,
              "check": _b64(_check(file_key)), **meta}  # fmt: skip
    raw = json.dumps(fields, sort_keys=True).encode("utf-8")
    target.write(MAGIC + struct.pack(">I", len(raw)) + raw)
    aead = AESGCM(file_key)
    with source.open("rb") as f:
        for index, (block, last) in enumerate(_blocks(f, CHUNK)):
            target.write(aead.encrypt(_nonce(prefix, index, last), block, raw))


def _blocks(f: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """Fixed-size blocks with a flag on the last one (an empty input still yields one empty last block)."""
    current = f.read(size)
    while True:
        following = f.read(size)
        yield current, not following
        if not following:
            return
        current = following


def key_for(header: Header, passphrase: str | None, stored: BackupKey | None) -> bytes:
    """The file key: from ``passphrase`` when one is given, else from the keyring's key if its salt matches.

    A passphrase the person typed always wins, so a wrong one is refused even on the PC whose keyring
    could open the file. Raises ``backup.passphrase_needed`` or ``backup.wrong_passphrase``.
    """
    file_salt = _unb64(header.fields["file_salt"])
    expected = _unb64(header.fields["check"])
    if passphrase is None:
        if stored is not None and hmac.compare_digest(stored.salt, header.salt):
            file_key = _file_key(stored.key, file_salt)
            if hmac.compare_digest(_check(file_key), expected):
                return file_key
        raise DomainError("backup.passphrase_needed", "passphrase")
    if (header.fields.get("n"), header.fields.get("r"), header.fields.get("p")) != (SCRYPT_N, SCRYPT_R, SCRYPT_P):
        raise DomainError("backup.damaged", None)
    file_key = _file_key(derive_key(passphrase, header.salt).key, file_salt)
    if not hmac.compare_digest(_check(file_key), expected):
        raise DomainError("backup.wrong_passphrase", "passphrase")
    return file_key


def decrypt_file(source: Path, target: BinaryIO | None, passphrase: str | None = None,
                 stored: BackupKey | None = None) -> str:
    """Decrypt ``source`` into ``target`` (or only authenticate it, with ``target`` None); returns the
    SHA-256 of the plaintext. Any tampering, truncation or wrong key raises a DomainError."""
    digest = hashlib.sha256()
    with source.open("rb") as f:
        header = read_header(f)
        if header is None:
            raise DomainError("backup.not_encrypted", None)
        aead = AESGCM(key_for(header, passphrase, stored))
        prefix = _unb64(header.fields["nonce"])
        chunk = header.fields.get("chunk")
        if not isinstance(chunk, int) or not 0 < chunk <= 64 * CHUNK:
            raise DomainError("backup.damaged", None)
        for index, (block, last) in enumerate(_blocks(f, chunk + _TAG)):
            try:
                plain = aead.decrypt(_nonce(prefix, index, last), block, header.raw)
            except InvalidTag:
                raise DomainError("backup.damaged", None) from None
            digest.update(plain)
            if target is not None:
                target.write(plain)
    return digest.hexdigest()
