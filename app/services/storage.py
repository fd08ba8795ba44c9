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
    if "locked" in text or "busy" in text:
        return StorageError("storage.locked")
    if "full" in text or "no space" in text:
        return StorageError("storage.disk_full")
    if "readonly" in text or "read-only" in text or "read only" in text:
        return StorageError("storage.read_only")
    return StorageError("storage.failed", detail=text[:200])


@contextmanager
def writing(db: Database) -> Iterator[Session]:
    try:
        with db.write() as session:
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
