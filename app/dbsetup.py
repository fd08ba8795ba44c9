"""Pointing a data folder at a database: test the connection and the schema first, then save the choice.

A shop types ``banshou db use postgresql://banshou@192.168.1.10/banshou`` once per PC. Nothing is saved
until the server answered, the password worked, and the database is either empty (its schema is created
now) or a Banshou database this client can use, so a typo never leaves a PC unable to start. Failures are
told in the shop's words: server unreachable, wrong password, no such database, not allowed from this
PC, missing privilege — never a driver traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from app.dbconfig import PROBE_ARGS, DatabaseChoice, DatabasePasswords, load_choice, save_choice
from app.dberrors import classify_connect_error
from app.domain.errors import DomainError
from app.paths import DataDir
from app.schema_guard import needs_confirmation, too_old
from localdb.engine import Database
from localdb.migrate import AHEAD, BEHIND, EMPTY, FOREIGN, SchemaState, schema_state, upgrade_shared


def probe(choice: DatabaseChoice, password: str) -> SchemaState:
    """Connect once and read where the schema stands (nothing is changed)."""
    engine = create_engine(choice.url(password), poolclass=NullPool, **PROBE_ARGS)
    try:
        return schema_state(engine)
    except DBAPIError as exc:
        raise classify_connect_error(exc, choice.url(None)) from None
    finally:
        engine.dispose()


@dataclass(frozen=True)
class UseResult:
    choice: DatabaseChoice
    state: SchemaState  # as found before anything was done
    created_schema: bool
    password_saved: bool


def use_postgres(data_dir: DataDir, choice: DatabaseChoice, password: str | None,
                 passwords: DatabasePasswords | None = None) -> UseResult:  # fmt: skip
    """Check ``choice`` and make it the folder's database; the password (if given) goes to the keyring.

    Without a new password the one already in the keyring for that database is used. An empty database
    gets Banshou's schema now; one at an older schema stays as it is until the owner confirms the upgrade
    (``banshou db upgrade`` or the window's question); a newer one is refused.
    """
    passwords = passwords or DatabasePasswords()
    secret = password or passwords.require(choice)
    state = probe(choice, secret)
    if state.status == FOREIGN:
        raise DomainError("db.not_banshou", None)
    if state.status == AHEAD:
        db = Database(choice.url(secret).render_as_string(hide_password=False))
        try:
            raise too_old(db, state)
        finally:
            db.dispose()
    created = False
    if state.status == EMPTY:
        created = _create_schema(choice, secret)
    if password:
        passwords.save(choice, password)  # before the config: a keyring failure leaves the folder unchanged
    save_choice(data_dir, choice)
    return UseResult(choice, state, created, bool(password))


def _create_schema(choice: DatabaseChoice, password: str) -> bool:
    engine = create_engine(choice.url(password), poolclass=NullPool, **PROBE_ARGS)
    try:
        return upgrade_shared(engine)
    except DBAPIError as exc:  # e.g. no CREATE privilege on the schema: the role should own the database
        raise classify_connect_error(exc, choice.url(None)) from None
    finally:
        engine.dispose()


def use_sqlite(data_dir: DataDir, passwords: DatabasePasswords | None = None) -> DatabaseChoice:
    """Back to the folder's own SQLite file; the PostgreSQL password is removed from the keyring."""
    previous = load_choice(data_dir)
    if previous.is_postgres:
        (passwords or DatabasePasswords()).forget(previous)
    choice = DatabaseChoice()
    save_choice(data_dir, choice)
    return choice


def describe(data_dir: DataDir, passwords: DatabasePasswords | None = None) -> tuple[DatabaseChoice, SchemaState | None, DomainError | None]:
    """The folder's choice and, if it can be reached now, its schema state (for ``banshou db show``)."""
    choice = load_choice(data_dir)
    if not choice.is_postgres:
        if not data_dir.database.exists():
            return choice, None, None
        engine = create_engine(f"sqlite:///{data_dir.database}", poolclass=NullPool)
        try:
            return choice, schema_state(engine), None
        finally:
            engine.dispose()
    try:
        return choice, probe(choice, (passwords or DatabasePasswords()).require(choice)), None
    except DomainError as exc:
        return choice, None, exc


def behind_note(state: SchemaState) -> DomainError | None:
    """The reminder printed after ``db use`` when the database still needs the owner's upgrade."""
    return needs_confirmation(state) if state.status == BEHIND else None


__all__ = ["UseResult", "behind_note", "describe", "probe", "use_postgres", "use_sqlite"]
