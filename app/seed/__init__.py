"""Synthetic shop data for demos and benchmarks, always in its own data folder.

- :func:`generate` makes a deterministic :class:`SeedPlan` (same seed and ``now`` → same data).
- :func:`through_services` writes a plan through the real services, one call at a time (the reference).
- :func:`bulk_write` writes the same rows in bulk, fast enough for 200,000 orders.
- :func:`seed_folder` is what ``banshou seed`` and ``banshou demo`` call.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.context import open_context
from app.domain.clock import ManualClock
from app.domain.errors import DomainError
from app.i18n import language
from app.paths import DataDir, resolve_data_dir
from app.seed.bulk import Written, bulk_write
from app.seed.generate import generate
from app.seed.plan import OrderSpec, SeedPlan, Step, timeline
from app.seed.reference import through_services

__all__ = [
    "OrderSpec",
    "SeedPlan",
    "SeedReport",
    "Step",
    "bulk_write",
    "generate",
    "seed_folder",
    "through_services",
    "timeline",
]

_DATA_TABLES = ("shop", "staff", "owners", "vehicles", "work_orders")


@dataclass(frozen=True)
class SeedReport:
    folder: Path
    written: Written
    generate_seconds: float
    write_seconds: float

    @property
    def seconds(self) -> float:
        return self.generate_seconds + self.write_seconds

    def __str__(self) -> str:
        w = self.written
        if language() == "en":
            return (
                f"Seeded {w.orders} work orders (+{w.corrections} corrections, {w.lines} lines) for "
                f"{w.vehicles} vehicles into {self.folder} in {self.seconds:.1f} s"
            )
        return (
            f"已生成 {w.orders} 张工单（另有 {w.corrections} 张更正版本，{w.lines} 行明细），{w.vehicles} 辆车，"
            f"写入 {self.folder}，用时 {self.seconds:.1f} 秒"
        )


def _holds_data(database: Path) -> bool:
    """Whether an existing database file already has shop data (read-only look, nothing is migrated)."""
    if not database.exists():
        return False
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return any(
            conn.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0]
            for t in _DATA_TABLES
            if t in tables
        )


def check_seed_target(data_dir: DataDir) -> None:
    """Synthetic data goes only into a folder of its own: never the shop's real folder, never over data."""
    root = data_dir.root.expanduser().resolve()
    if root == resolve_data_dir(None).root.expanduser().resolve():
        raise DomainError("seed.real_folder", None, path=str(root))
    if _holds_data(data_dir.database):
        raise DomainError("seed.folder_not_empty", None, path=str(root))


def seed_folder(data_dir: DataDir, orders: int, seed: int = 1, *, now: datetime | None = None) -> SeedReport:
    """Create (or migrate) the folder's database and fill it with ``orders`` synthetic work orders.

    ``now`` defaults to the current time, so demo data ends today; pass it for a reproducible folder.
    """
    check_seed_target(data_dir)
    started = time.perf_counter()
    plan = generate(orders, seed, now or datetime.now(UTC))
    generated = time.perf_counter()
    ctx = open_context(data_dir, ManualClock(plan.now))
    try:
        written = bulk_write(ctx.db, plan, ctx.guard)
    finally:
        ctx.close()
    return SeedReport(data_dir.root, written, generated - started, time.perf_counter() - generated)
