"""A database that refuses writes (read-only, full) reaches the user as a message; nothing half-written."""

from __future__ import annotations

import pytest

from app.context import AppContext
from app.domain.errors import StorageError
from app.services.staff import StaffService
from tests.dbs import read_only_database, sqlite_only


def test_read_only_database_is_reported(ctx: AppContext) -> None:
    ro = read_only_database(ctx)
    try:
        with pytest.raises(StorageError) as err:
            StaffService(ro, ctx.guard).add("赵敏", "technician")
        assert err.value.code == "storage.read_only"
    finally:
        ro.dispose()
    assert [s.name for s in ctx.staff.list("technician")] == ["李强"]


@sqlite_only("a full disk is provoked by capping the SQLite file's page count")
def test_full_database_is_reported_and_rolled_back(ctx: AppContext) -> None:
    """SQLite's 'database or disk is full', provoked by capping the page count of the file."""
    staff = StaffService(ctx.db, ctx.guard)
    with ctx.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    from sqlalchemy import event

    @event.listens_for(ctx.db.engine, "connect")
    def _cap(dbapi_conn: object, _rec: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

    ctx.db.engine.dispose()
    with pytest.raises(StorageError) as err:
        for i in range(2000):
            staff.add(f"技师{i:04d}" + "很长的名字" * 6, "technician")
    assert err.value.code == "storage.disk_full"
    event.remove(ctx.db.engine, "connect", _cap)
    ctx.db.engine.dispose()
    names = [s.name for s in ctx.staff.list("technician")]
    assert all(n == "李强" or n.startswith("技师") for n in names)  # every committed row is whole
