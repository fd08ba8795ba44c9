"""``banshou bench-audit``: the numbers issue 7 sets for the security layer, measured on a real file.

- login: one Argon2id verification plus its audit entry (target < 0.5 s);
- audit cost per write: the same service write (a new vehicle with its owner) with the trail listening
  and with it removed, on the same database (target < 5 ms more per write);
- verification of a 1,000,000-entry chain (target < 30 s). The entries are written straight into the table
  with real MACs (going through the services would take hours and measure the services, not the check).
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update

from app.context import AppContext, open_context
from app.domain.clock import SystemClock
from app.domain.vin import with_check_digit
from app.paths import DataDir
from app.security.audit import MAC_FIELDS, canonical, entry_mac
from app.services.vehicles import VehicleInput
from localdb.audit_models import AuditEntry, AuditHead

PASSWORD = "Bench-pass-2026"


def _vehicle(i: int) -> VehicleInput:
    vin = with_check_digit(f"LSVAM418{i % 10}C{i:07d}"[:17])
    return VehicleInput(f"沪B{i % 100000:05d}", 1, vin, "大众朗逸", f"E{i:06d}", "car", "张三", "13800138000")


def _write_ms(ctx: AppContext, start: int, n: int) -> float:
    times = []
    for i in range(start, start + n):
        t0 = time.perf_counter()
        ctx.vehicles.create(_vehicle(i))
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _fill_chain(ctx: AppContext, entries: int) -> None:
    key_id, key = ctx.keys.create()
    now = SystemClock().now()
    mac = ""
    batch: list[dict[str, Any]] = []
    with ctx.db.engine.begin() as conn:
        conn.execute(AuditEntry.__table__.delete())
        for seq in range(1, entries + 1):
            at = now + timedelta(microseconds=seq)
            row = {"seq": seq, "at": at.isoformat(), "actor_id": 1, "actor_name": "王丽", "action": "update",
                   "entity": "work_orders", "entity_id": str(seq), "before": canonical({"state": "draft"}),
                   "after": canonical({"state": "completed"}), "seal": "", "key_id": key_id}
            mac = entry_mac(key, mac, [row[f] for f in MAC_FIELDS])
            batch.append({**row, "at": at, "mac": mac})
            if len(batch) == 20_000:
                conn.execute(insert(AuditEntry.__table__), batch)
                batch.clear()
        if batch:
            conn.execute(insert(AuditEntry.__table__), batch)
        conn.execute(update(AuditHead.__table__).values(seq=entries, mac=mac, key_id=key_id))


def run_bench(entries: int = 1_000_000, as_json: bool = False) -> int:
    root = Path(tempfile.mkdtemp(prefix="banshou-bench-audit-"))
    ctx = open_context(DataDir(root / "data"), SystemClock())
    try:
        ctx.accounts.create_owner("店主", "boss", PASSWORD)
        logins = []
        for _ in range(5):
            t0 = time.perf_counter()
            ctx.accounts.login("boss", PASSWORD)
            logins.append(time.perf_counter() - t0)
        with_audit = _write_ms(ctx, 0, 300)
        ctx.audit.uninstall()
        without = _write_ms(ctx, 1000, 300)
        ctx.audit.install()
        t0 = time.perf_counter()
        _fill_chain(ctx, entries)
        ctx.audit.reset_anchor()  # the filled chain replaced the entries the writes above made
        filled = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = ctx.audit.verify()
        verified = time.perf_counter() - t0
    finally:
        ctx.close()
    result = {
        "login_median_s": round(statistics.median(logins), 3),
        "write_with_audit_ms": round(with_audit, 2), "write_without_audit_ms": round(without, 2),
        "audit_cost_per_write_ms": round(with_audit - without, 2),
        "chain_entries": entries, "chain_fill_s": round(filled, 1), "verify_s": round(verified, 1),
        "verify_ok": report.ok,
    }
    print(json.dumps(result, ensure_ascii=False) if as_json else "\n".join(f"{k}: {v}" for k, v in result.items()))
    return 0 if report.ok else 1
