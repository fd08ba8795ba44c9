"""Which database a data folder uses: its own SQLite file (one PC) or a PostgreSQL server (several PCs).

The choice lives in the data folder (``database.json``), next to the backups and logs it belongs with,
so a training folder and the real shop's folder can never point at the same database by accident. The
file names the server, port, database and user and never the password: that goes to the OS keyring
(:class:`DatabasePasswords`, the same rule as the EHR password in :mod:`app.security.credentials`), so a
copied folder or a support zip carries no secret.

No file, or ``"engine": "sqlite"``, means the folder's own ``banshou.db`` — every existing folder keeps
working unchanged.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from keyring.backend import KeyringBackend
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.domain.errors import DomainError
from app.paths import DataDir
from app.security.credentials import CredentialStore
from localdb.engine import sqlite_url

CONFIG_FILENAME = "database.json"
SQLITE, POSTGRESQL = "sqlite", "postgresql"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
KEYRING_SERVICE = "Banshou PostgreSQL"
CONNECT_TIMEOUT_S = 5  # a server that is off answers nothing: say so after seconds, not minutes
PROBE_ARGS = {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "banshou"}}
"""Engine options for one-off connections (checks, copies); ``localdb.engine.Database`` sets its own."""


@dataclass(frozen=True)
class DatabaseChoice:
    """The folder's database; for PostgreSQL everything needed to connect except the password."""

    engine: str = SQLITE
    host: str = ""
    port: int = DEFAULT_PORT
    dbname: str = ""
    user: str = ""

    @property
    def is_postgres(self) -> bool:
        return self.engine == POSTGRESQL

    @property
    def keyring_key(self) -> str:
        """The keyring entry's user name: one password per role on one server's database."""
        return f"{self.user}@{self.host}:{self.port}/{self.dbname}"

    def display(self, data_dir: DataDir) -> str:
        """What ``banshou db show`` and the settings page print (no password, ever)."""
        if self.is_postgres:
            return f"postgresql://{self.keyring_key}"
        return f"sqlite {data_dir.database}"

    def url(self, password: str | None) -> URL:
        """The SQLAlchemy URL for this choice (PostgreSQL only); built, not formatted, so a password
        with ``@`` or ``/`` in it needs no escaping by the user."""
        return URL.create(DRIVER, username=self.user, password=password, host=self.host, port=self.port,
                          database=self.dbname)  # fmt: skip


def parse_choice(text: str) -> DatabaseChoice:
    """``sqlite`` or ``postgresql://user@host[:port]/dbname`` as typed after ``banshou db use``.

    A password inside the address is refused rather than stripped: it would already sit in the shell's
    history, and saying so is more useful than silently storing it.
    """
    text = text.strip()
    if text.lower() == SQLITE:
        return DatabaseChoice()
    try:
        url = make_url(text)
    except ArgumentError:
        raise DomainError("db.url_invalid", "url", url=text) from None
    if url.get_backend_name() != POSTGRESQL or not url.host or not url.database or not url.username:
        raise DomainError("db.url_invalid", "url", url=text)
    if url.password:
        raise DomainError("db.password_in_url", "url")
    return DatabaseChoice(POSTGRESQL, url.host, url.port or DEFAULT_PORT, url.database, url.username)


def config_path(data_dir: DataDir) -> Path:
    return data_dir.root / CONFIG_FILENAME


def load_choice(data_dir: DataDir) -> DatabaseChoice:
    """The folder's choice; no file means its own SQLite database."""
    path = config_path(data_dir)
    if not path.exists():
        return DatabaseChoice()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        choice = DatabaseChoice(
            engine=str(raw.get("engine", SQLITE)), host=str(raw.get("host", "")),
            port=int(raw.get("port", DEFAULT_PORT)), dbname=str(raw.get("dbname", "")), user=str(raw.get("user", "")),
        )  # fmt: skip
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise DomainError("db.config_invalid", None, path=str(path), detail=type(exc).__name__) from None
    if choice.engine not in (SQLITE, POSTGRESQL) or (choice.is_postgres and not (choice.host and choice.dbname and choice.user)):
        raise DomainError("db.config_invalid", None, path=str(path), detail=choice.engine)
    return choice


def save_choice(data_dir: DataDir, choice: DatabaseChoice) -> None:
    """Write the choice atomically: a crash never leaves a half-written file that would stop the start."""
    data_dir.ensure()
    path = config_path(data_dir)
    body = asdict(choice) if choice.is_postgres else {"engine": SQLITE}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


class DatabasePasswords:
    """The PostgreSQL password in the OS keyring (service "Banshou PostgreSQL"), never on disk.

    Built on :class:`CredentialStore`, so the same backends count as secure; the messages name the
    database rather than the EHR account.
    """

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._store = CredentialStore(backend, service=KEYRING_SERVICE)

    def save(self, choice: DatabaseChoice, password: str) -> None:
        if not password:
            raise DomainError("db.password_empty", "password")
        if not self._store.is_secure():
            raise DomainError("db.no_keyring", "password")
        self._store.set_password(choice.keyring_key, password)

    def get(self, choice: DatabaseChoice) -> str | None:
        return self._store.get_password(choice.keyring_key)

    def require(self, choice: DatabaseChoice) -> str:
        password = self.get(choice)
        if password:
            return password
        if not self._store.is_secure():
            raise DomainError("db.no_keyring", "password")
        raise DomainError("db.no_password", "password", target=choice.keyring_key)

    def forget(self, choice: DatabaseChoice) -> None:
        self._store.delete_password(choice.keyring_key)


def resolve_database_url(data_dir: DataDir, passwords: DatabasePasswords | None = None) -> str:
    """The URL ``open_context`` connects to: the folder's SQLite file, or its PostgreSQL server with the
    password fetched from the keyring now (it is never cached in a file)."""
    choice = load_choice(data_dir)
    if not choice.is_postgres:
        return sqlite_url(data_dir.database)
    password = (passwords or DatabasePasswords()).require(choice)
    return choice.url(password).render_as_string(hide_password=False)


__all__ = [
    "CONFIG_FILENAME",
    "DatabaseChoice",
    "DatabasePasswords",
    "load_choice",
    "parse_choice",
    "resolve_database_url",
    "save_choice",
]
