"""Shared by the backup tests: a backup service with an in-memory keyring, table dumps, some real orders."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.backup import BackupService
from app.backup.second_folder import KEYRING_SERVICE
from app.context import AppContext
from app.live_changes import DATA_VERSION_KEY
from app.security.credentials import CredentialStore
from localdb.sqlite_backup import open_read_only
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.memory_keyring import MemoryKeyring

PASSPHRASE = "铁锤-Spanner-7791-backup"

AUDIT_TABLES = ("audit_entries", "audit_head")


def backups_with_keyring(ctx: AppContext, keyring: MemoryKeyring | None = None) -> BackupService:
    """``ctx.backups`` as wired by the context, but with its key in an in-memory keyring."""
    store = CredentialStore(keyring or MemoryKeyring(), service=KEYRING_SERVICE)
    ctx.backups = BackupService(ctx.data_dir, ctx.db, ctx.clock, ctx.guard, ctx.audit, secrets=store)
    return ctx.backups


def dump(db_file: Path, skip: tuple[str, ...] = AUDIT_TABLES) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ordinary table, in a stable order (read without writing next to the file).

    The settings row ``db.data_version`` is left out: it is a fresh stamp per write (a login writes one),
    which tells other PCs to refresh, not data a backup must preserve."""
    conn = open_read_only(db_file) if not Path(f"{db_file}-wal").exists() else sqlite3.connect(db_file)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND upper(sql) NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]  # fmt: skip
        rows = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables if t not in skip}
        if "settings" in rows:
            rows["settings"] = [r for r in rows["settings"] if r[0] != DATA_VERSION_KEY]
        return rows
    finally:
        conn.close()


def settle_orders(ctx: AppContext, count: int, plate: str = "沪A12345", vin17: str = "LSVAM4187C2184847") -> None:
    vehicle = make_vehicle(ctx, plate, vin17)
    for i in range(count):
        settle_in_full(ctx, make_order(ctx, vehicle, mileage=40_000 + i * 100))


def scalar(db_file: Path, sql: str) -> Any:
    conn = open_read_only(db_file)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()
