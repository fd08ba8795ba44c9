"""What secret scans read: every row of the shop database (either engine) and every file under some folders."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.context import AppContext
from localdb.base import Base


def every_row(ctx: AppContext) -> bytes:
    """The text of every row of every table, so a secret can be searched for on SQLite and PostgreSQL alike."""
    with ctx.db.read() as s:
        return "".join(repr(s.execute(select(t)).all()) for t in Base.metadata.sorted_tables).encode()


def files_under(*roots: Path) -> list[Path]:
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]
