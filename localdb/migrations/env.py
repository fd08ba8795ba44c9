"""Alembic environment: runs on the connection handed in by localdb.migrate (or builds one from the URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from localdb import models  # noqa: F401  (registers every table on Base.metadata)
from localdb.base import Base
from localdb.search_index import include_in_autogenerate

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_in_autogenerate,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
