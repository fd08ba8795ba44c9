"""``banshou db migrate-from-sqlite``: a one-PC shop's SQLite database moved into an empty PostgreSQL database.

Proof that the move is faithful and safe: every table's row count and checksum match (recomputed here
independently of the copy's own check), the SQLite file is byte-for-byte unchanged, a target holding data is
refused before anything is written, an older SQLite schema is upgraded in a private copy only, and the
moved shop works on PostgreSQL (search, lists, and new rows get new ids after the copied ones).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from app.cli import main as cli_main
from app.context import open_context
from app.dbconfig import load_choice
from app.dbcopy import copy_sqlite_to_postgres, table_checksum
from app.domain.errors import DomainError
from app.paths import DataDir
from app.seed import seed_folder
from app.services.order_list import OrderFilter
from localdb.base import Base
from localdb.engine import sqlite_url
from tests.dbs import fresh_database_url, requires_postgres
from tests.integration.test_version_skew import _previous_revision, _upgrade_to
from tests.memory_keyring import MemoryKeyring

pytestmark = requires_postgres

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def one_pc_shop(tmp_path_factory: pytest.TempPathFactory) -> DataDir:
    """A seeded single-PC folder: orders in every state, corrections, payments, outbox rows."""
    folder = DataDir(tmp_path_factory.mktemp("one-pc") / "shop")
    seed_folder(folder, orders=120, seed=5, now=NOW)
    return folder


def _fingerprint(path: Path) -> tuple[str, float, list[str]]:
    siblings = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime, siblings


def _checksums(url: str) -> dict[str, tuple[int, str]]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return {t.name: table_checksum(conn, t) for t in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def test_copy_matches_table_by_table_and_leaves_the_source_alone(tmp_path: Path, one_pc_shop: DataDir) -> None:
    source = one_pc_shop.database
    before = _fingerprint(source)
    target = fresh_database_url(tmp_path, migrated=False)
    report = copy_sqlite_to_postgres(source, target, batch_rows=100)  # small batches: several per table
    assert _fingerprint(source) == before
    copied = {t.name: (t.rows, t.checksum) for t in report.tables}
    assert copied == _checksums(sqlite_url(source)) == _checksums(target)
    assert copied["work_orders"][0] >= 120 and copied["labour_lines"][0] > 0 and copied["outbox"][0] > 0
    assert "vehicle_search" in report.skipped and "alembic_version" in report.skipped

    moved = open_context(DataDir(tmp_path / "pg-client"), database_url=target)
    try:
        original = open_context(one_pc_shop)
        try:
            assert moved.order_list.count(OrderFilter()) == original.order_list.count(OrderFilter())
            plate = original.order_list.page(OrderFilter(), limit=1)[0].plate
            assert [v.id for v in moved.vehicles.search(plate[2:])] == [v.id for v in original.vehicles.search(plate[2:])]
        finally:
            original.close()
        newest = max(s.id for s in moved.staff.list())
        assert moved.staff.add("新来的", "technician").id > newest  # the id sequence moved past the copied ids
    finally:
        moved.close()

    with pytest.raises(DomainError) as err:
        copy_sqlite_to_postgres(source, target)
    assert err.value.code == "db.target_not_empty"


def test_an_older_sqlite_schema_is_upgraded_in_a_private_copy(tmp_path: Path) -> None:
    source = tmp_path / "old.db"
    _upgrade_to(sqlite_url(source), _previous_revision())
    before = _fingerprint(source)
    report = copy_sqlite_to_postgres(source, fresh_database_url(tmp_path, migrated=False))
    assert _fingerprint(source) == before and report.tables


def test_a_file_that_is_not_a_shop_database_is_refused(tmp_path: Path) -> None:
    stray = tmp_path / "notes.db"
    stray.write_bytes(b"not a database at all")
    for path, code in ((stray, "db.source_not_banshou"), (tmp_path / "missing.db", "db.source_missing")):
        with pytest.raises(DomainError) as err:
            copy_sqlite_to_postgres(path, fresh_database_url(tmp_path, migrated=False))
        assert err.value.code == code


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


def test_the_command_switches_the_folder_only_after_the_check(
    tmp_path: Path, one_pc_shop: DataDir, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = make_url(fresh_database_url(tmp_path, migrated=False))
    address = f"postgresql://{url.username}@{url.host}:{url.port or 5432}/{url.database}"
    folder = DataDir(tmp_path / "shop")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{url.password}\n"))
    argv = ["--data-dir", str(folder.root), "db", "migrate-from-sqlite", str(one_pc_shop.database), "--to", address]
    assert cli_main([*argv, "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "work_orders" in out and "校验一致" in out
    assert load_choice(folder).is_postgres
    ctx = open_context(folder)  # through database.json and the keyring, as the window would
    try:
        assert ctx.db.engine.dialect.name == "postgresql" and ctx.order_list.count(OrderFilter()) >= 120
    finally:
        ctx.close()
    assert url.password not in (folder.root / "database.json").read_text(encoding="utf-8")
    assert cli_main(argv) == 2  # again: the target holds data now, and nothing is overwritten
    assert "已有数据" in capsys.readouterr().err
