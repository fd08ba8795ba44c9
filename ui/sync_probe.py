"""The GUI-side half of ``banshou bench-sync`` (see :mod:`app.ehr.sync_bench`): a Qt event loop with a 5 ms
timer measures the longest stall while the sync engine drains on a worker thread, then settle-to-accepted
latency with the engine's ``run`` loop idling. Prints one JSON line."""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from app.context import open_context
from app.domain.clock import SystemClock
from app.ehr.bench_data import _settle_template
from app.ehr.sync_bench import CODE, PASSWORD
from app.paths import DataDir

LATENCY_ORDERS = 40


def _probe(data: str, url: str) -> None:
    """Runs in the probe subprocess (``python -m app.ehr.sync_bench DATA URL``)."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from app.ehr.client import EhrClient
    from app.ehr.profiles import load_profile
    from app.ehr.sync import SyncEngine, SyncPolicy

    app = QCoreApplication([])
    ctx = open_context(DataDir(Path(data)), SystemClock())
    profile = load_profile("sandbox").with_overrides(base_url=url)
    engine = SyncEngine(ctx.db, ctx.clock, EhrClient(profile, CODE, lambda: PASSWORD, ctx.clock), ctx.shop.get,
                        policy=SyncPolicy(poll_s=0.1))  # fmt: skip
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    timer.start()
    out: dict[str, Any] = {"max_in_flight": profile.max_in_flight}

    def drain() -> None:
        t0 = time.perf_counter()
        counts = engine.drain_once()
        out["drain_s"] = time.perf_counter() - t0
        out["records_per_s"] = (counts.accepted + counts.duplicates) / out["drain_s"]
        app.quit()

    threading.Thread(target=drain, daemon=True).start()
    last[0] = time.perf_counter()
    app.exec()
    out["max_stall_ms"] = (max(gaps) - 0.005) * 1000 if gaps else 0.0
    steady = gaps[100:]  # after the first ~0.5 s (first SQL compilations, first connection)
    out["max_stall_steady_ms"] = (max(steady) - 0.005) * 1000 if steady else out["max_stall_ms"]
    out["stall_p99_ms"] = (sorted(gaps)[int(0.99 * (len(gaps) - 1))] - 0.005) * 1000 if gaps else 0.0
    out["latency_p50_s"], out["latency_p95_s"] = _latency(ctx, engine)
    engine.close()
    ctx.close()
    print(json.dumps(out))


def _latency(ctx: Any, engine: Any) -> tuple[float, float]:
    """Settle orders one by one while the engine idles in ``run``; accepted_at − settled_at per order."""
    from sqlalchemy import select

    from localdb import models as m

    stop = threading.Event()
    runner = threading.Thread(target=engine.run, args=(stop,), daemon=True)
    runner.start()
    with ctx.db.read() as s:
        vehicle_ids = list(s.scalars(select(m.Vehicle.id).limit(LATENCY_ORDERS)))
    ids = []
    for vehicle_id in vehicle_ids:
        ids.append(_settle_template(ctx, vehicle_id).id)
        time.sleep(0.15)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with ctx.db.read() as s:
            rows = s.execute(select(m.OutboxEntry.state, m.OutboxEntry.created_at, m.OutboxEntry.updated_at)
                             .where(m.OutboxEntry.record_id.in_(ids))).all()  # fmt: skip
        if rows and all(state == "done" for state, _c, _u in rows):
            break
        time.sleep(0.1)
    stop.set()
    runner.join(10)
    waits = sorted((updated - created).total_seconds() for state, created, updated in rows if state == "done")
    if not waits:
        return float("nan"), float("nan")
    p95 = waits[min(len(waits) - 1, round(0.95 * (len(waits) - 1)))]
    return statistics.median(waits), p95


if __name__ == "__main__":
    _probe(sys.argv[1], sys.argv[2])
