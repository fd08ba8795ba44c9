"""Turn database failures into domain errors a person can act on.

Every write goes through :func:`writing`: the unit of work is rolled back, and a locked, full or
read-only database becomes a translated message instead of a traceback. The caller (a form) keeps what
the user typed, because nothing in it was consumed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from app.domain.errors import StorageError
from localdb.engine import Database


def classify(exc: BaseException) -> StorageError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "banshou: immutable row" in text:
        return StorageError("storage.immutable")
    if "locked" in text or "busy" in text or "lock timeout" in text:  # SQLite; PostgreSQL's lock_timeout
        return StorageError("storage.locked")
    if "full" in text or "no space" in text:
        return StorageError("storage.disk_full")
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StorageError("storage.read_only")
    return StorageError("storage.failed", detail=text[:200])


AUDIT_ACTION = "audit_action"  # session.info key read by app.security.audit


@contextmanager
def writing(db: Database, action: str | None = None) -> Iterator[Session]:
    """A unit of work; ``action`` names what it means in the audit trail (``settle``, ``cancel`` …) where
    plain create/update/delete would say less."""
    try:
        with db.write() as session:
            if action:
                session.info[AUDIT_ACTION] = action
            yield session
    except (OperationalError, DBAPIError) as exc:
        raise classify(exc) from exc
    except OSError as exc:
        raise classify(exc) from exc


@contextmanager
def reading(db: Database) -> Iterator[Session]:
    try:
        with db.read() as session:
            yield session
    except (OperationalError, DBAPIError) as exc:
        raise classify(exc) from exc
