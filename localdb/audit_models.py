"""The audit trail's tables: one row per recorded change or event, chained by HMAC (``app/security/audit``).

``audit_head`` is a single row holding the newest entry's sequence number and MAC. Every audited write
updates it inside its own transaction, so writers queue on that row (on PostgreSQL a row lock, on SQLite
the database write lock) and the chain stays one line even with several writers or several PCs.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from localdb.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                                     autoincrement=False)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    before: Mapped[str] = mapped_column(Text, default="")  # canonical JSON, "" when not applicable
    after: Mapped[str] = mapped_column(Text, default="")
    seal: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 of a settled/ledger row's content
    key_id: Mapped[str] = mapped_column(String(32))
    mac: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """Row 1 only, created by the migration with a random ``chain_id`` that names this database's chain."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    mac: Mapped[str] = mapped_column(String(64), default="")
    key_id: Mapped[str] = mapped_column(String(32), default="")
