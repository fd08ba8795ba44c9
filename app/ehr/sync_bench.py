"""``banshou bench-sync``: how fast the outbox drains, and whether the window would notice.

The parent makes a throw-away data folder with N settled records and starts the sandbox as its own
process (zero latency, like a province on the LAN – and so its work does not share our interpreter
lock). A probe subprocess (:mod:`ui.sync_probe`, Qt lives in ``ui/``) then plays the GUI process: a Qt event loop with a 5 ms QTimer recording the
longest gap between ticks, while the sync engine drains on a worker thread exactly as the window's
worker does. It reports records/s at the profile's concurrency, the longest stall, and – with the
engine's ``run`` loop idling – settle-to-accepted latency for orders settled one by one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.context import open_context
from app.domain.clock import SystemClock
from app.domain.shopid import uscc_check_char
from app.ehr.bench_data import bulk_settle
from app.paths import DataDir
from app.services.dto import ShopInfo

CODE, PASSWORD = "310115000000001", "bench-Pa55"


def _shop() -> ShopInfo:
    credit = "91310115MA1K4ABC1"
    return ShopInfo("上海扳手汽车维修有限公司", credit + uscc_check_char(credit), "上海市浦东新区", "021-55556666",
                    CODE, "SH01", labour_rate_fen=10000)  # fmt: skip


def run_bench(records: int, as_json: bool = False) -> int:
    root = Path(tempfile.mkdtemp(prefix="banshou-bench-sync-"))
    ctx = open_context(DataDir(root / "data"), SystemClock())
    ctx.shop.configure(_shop())
    ctx.staff.add("李强", "technician")
    started = time.perf_counter()
    bulk_settle(ctx, records, vehicles=max(50, records // 20))
    ctx.close()
    prepared = time.perf_counter() - started
    sandbox = subprocess.Popen([sys.executable, "-m", "app.ehr.sandbox", "--port", "0", "--db", str(root / "sb.db"),
                                "--account", f"{CODE}:{PASSWORD}"], stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = sandbox.stdout.readline() if sandbox.stdout else ""
        url = line.split("listening on ")[1].split(" ")[0]
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        probe = subprocess.run([sys.executable, "-m", "ui.sync_probe", str(root / "data"), url], env=env,
                               capture_output=True, text=True, timeout=3600)  # fmt: skip
    finally:
        sandbox.terminate()
        sandbox.wait(10)
    if probe.returncode != 0:
        print(probe.stderr, file=sys.stderr)
        return 1
    result: dict[str, Any] = json.loads(probe.stdout.strip().splitlines()[-1])
    result.update(records=records, prepare_s=round(prepared, 1), cpus=os.cpu_count())
    if as_json:
        print(json.dumps(result))
    else:
        print(f"同步基准：{records} 条记录，并发 {result['max_in_flight']}")
        print(f"  吞吐 {result['records_per_s']:.0f} 条/秒（{result['drain_s']:.1f} 秒，目标 ≥300）")
        print(f"  界面事件循环最长停顿 {result['max_stall_ms']:.1f} ms（目标 <50；预热后 "
              f"{result['max_stall_steady_ms']:.1f} ms，p99 {result['stall_p99_ms']:.1f} ms）")
        print(f"  结算到接收 p50 {result['latency_p50_s']:.2f} s，p95 {result['latency_p95_s']:.2f} s（目标 p95 <2 s）")
    return 0
