"""On PostgreSQL the server's own tools back the database up: the backup service refuses clearly.

Runs in both suites: on PostgreSQL against the test database, on SQLite with an engine for a server that
is never contacted (the refusal comes before any connection)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.backup import BackupService
from app.context import AppContext
from app.domain.errors import DomainError
from localdb.engine import Database


def test_backup_and_restore_are_refused_on_postgresql(ctx: AppContext, tmp_path: Path) -> None:
    db = ctx.db if not ctx.db.is_sqlite else Database("postgresql+psycopg://banshou@127.0.0.1:1/never")
    service = BackupService(ctx.data_dir, db, ctx.clock, ctx.guard, ctx.audit)
    for call in (service.run, lambda: service.restore(tmp_path / "x.db"),
                 lambda: service.set_second_folder(tmp_path, "long enough passphrase")):  # fmt: skip
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.code == "backup.postgres"
    assert service.run_daily_if_due() is None
    assert service.integrity_check().ok
    assert "pg_dump" in str(pytest.importorskip("app.i18n").render("backup.postgres"))
    if db is not ctx.db:
        db.dispose()
