"""Turn a failed PostgreSQL connection or statement into a sentence the shop can act on.

psycopg reports an SQLSTATE for what the server refused (wrong password, no such database, missing
privilege) and only text for what never reached a server (refused, unresolvable, timed out), so both
are looked at. The sentence never carries the password: it is not part of any message used here.
"""

from __future__ import annotations

from sqlalchemy.engine import URL

from app.domain.errors import DomainError

_UNREACHABLE = ("connection refused", "could not translate host", "failed to resolve host", "name or service not known",
                "timeout expired", "timed out", "no route to host", "network is unreachable", "could not connect",
                "server closed the connection", "connection is lost", "consuming input failed")  # fmt: skip


def classify_connect_error(exc: BaseException, url: URL) -> DomainError:
    """The :class:`DomainError` for ``exc`` raised while talking to the server at ``url``."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or ""
    message = str(orig)
    lower = message.lower()
    if state == "28P01" or "password authentication failed" in lower or ("role" in lower and "does not exist" in lower):
        return DomainError("db.auth_failed", "password", user=url.username or "")
    if "pg_hba.conf" in lower:
        return DomainError("db.host_not_allowed", None, host=url.host or "")
    if state == "3D000" or ("database" in lower and "does not exist" in lower):
        return DomainError("db.no_such_database", None, host=url.host or "", dbname=url.database or "")
    if state == "42501" or "permission denied" in lower or "must be owner" in lower:
        return DomainError("db.permission_denied", None, user=url.username or "", detail=first_line(message))
    if any(marker in lower for marker in _UNREACHABLE):
        return DomainError("db.unreachable", None, host=url.host or "", port=url.port or 5432)
    return DomainError("db.failed", None, detail=first_line(message))


def first_line(message: str) -> str:
    """The server's own sentence without the driver's prefix, shortened."""
    line = next((part for part in message.splitlines() if part.strip()), message).strip()
    return line.split("FATAL:", 1)[-1].split("ERROR:", 1)[-1].strip()[:200]


__all__ = ["classify_connect_error", "first_line"]
