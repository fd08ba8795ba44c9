"""``python -m app.bench_pg FOLDER [FOLDER…]``: the counter benchmark's list and search measurements, and
the window's cold start, on existing data folders — above all one that uses PostgreSQL (``banshou db use``
or ``db migrate-from-sqlite`` made it so), next to a SQLite one for a ratio measured in the same run.

Why a separate entry point rather than a flag on ``banshou bench``: that one seeds a temporary SQLite
folder itself, while a PostgreSQL run needs a server, a database and a password in the keyring that the
operator sets up (the 1,000,000-order database takes most of an hour to build on a small machine, so it is
built once and measured many times). The service measurements are :mod:`app.bench`'s own functions — the
same statements, the same random plates — so the numbers compare with ``docs/benchmarks.md``.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select, text

from app.bench import ROOT, Result, Run, Scale, _child_env, measure_lists, measure_search
from app.bench_report import machine, table
from app.context import AppContext, open_context
from app.paths import DataDir
from localdb import models as m


def _sizes(ctx: AppContext) -> dict[str, object]:
    with ctx.db.read() as s:
        counts: dict[str, object] = {
            name: s.scalar(select(func.count()).select_from(model.__table__))
            for name, model in (("work_orders", m.WorkOrder), ("vehicles", m.Vehicle), ("part_lines", m.PartLine),
                                ("labour_lines", m.LabourLine))
        }  # fmt: skip
        counts["engine"] = ctx.db.engine.dialect.name
        if ctx.db.is_sqlite:
            counts["database_mb"] = round(ctx.data_dir.database.stat().st_size / 2**20)
        else:
            counts["database_mb"] = round(s.scalar(text("SELECT pg_database_size(current_database())")) / 2**20)
            counts["server"] = s.scalar(text("SHOW server_version"))
            counts["shared_buffers"] = s.scalar(text("SHOW shared_buffers"))
    return counts


# The window's cold start, timed by app.bench_ui_probe's own watcher. Why not probe_ui as is: ui.app.main
# now asks who is signing in before it builds the window (ui/session.py), which no unattended probe can
# answer; this builds what ui.app.main builds after the sign-in — MainWindow with its sync worker and the
# live refresh — in a fresh process, so the number still includes imports, Qt, connecting to the server,
# the schema check, every page's start-up reads and the first page of the list.
_WINDOW_PROBE = """
import json, os, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app import bench_ui_probe as probe
app = QApplication(sys.argv[:1])
from app.context import AppContext, open_context
from app.paths import DataDir
from ui.app import apply_app_font, choose_cjk_family
from ui.live_refresh import install_live_refresh
from ui.main_window import AREA_ORDERS, MainWindow
from ui.sync_worker import SyncWorker
apply_app_font(False, choose_cjk_family())
watcher = probe._Watcher(float(sys.argv[1]), int(sys.argv[3]), lambda w: w.nav.setCurrentRow(AREA_ORDERS))
app.installEventFilter(watcher)
ctx = open_context(DataDir(Path(sys.argv[2])))
worker = SyncWorker(ctx)
window = MainWindow(ctx, sync_worker=worker)
install_live_refresh(window)
window.show()
app.exec()
worker.shutdown()
watcher.result["variant"] = "MainWindow + SyncWorker + live refresh, no sign-in dialog"
print(json.dumps(watcher.result), flush=True)
os._exit(0)
"""


def probe_window(folder: Path, scale: Scale) -> tuple[list[Result], list[str]]:
    """Cold start → first painted work-order list, ``scale.cold_starts`` fresh processes."""
    paints: list[float] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="banshou-bench-qt-") as config:
        env = _child_env() | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config}
        for _ in range(scale.cold_starts):
            cmd = [sys.executable, "-c", _WINDOW_PROBE, repr(time.time()), str(folder), str(scale.scroll_pages)]
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=300)
            lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
            if not lines:
                notes.append(f"window probe failed: {(done.stderr or done.stdout).strip()[-400:]}")
                continue
            out = json.loads(lines[-1])
            paints.append(out["first_paint_s"] * 1000)
            if out["variant"] not in notes:
                notes.append(out["variant"])
    result = Result("cold start → first painted work-order list", paints, 1500, note="fresh process, warm OS cache")
    return [result], notes


def run(folder: Path, scale: Scale) -> Run:
    """Measure the work-order list, the plate search and the window's first paint on ``folder``."""
    run_ = Run(orders=0)
    ctx = open_context(DataDir(folder))
    try:
        run_.seed = _sizes(ctx)
        rng = random.Random(2026)
        run_.results += measure_lists(ctx, rng, scale)
        run_.results.append(measure_search(ctx, rng, scale))
    finally:
        ctx.close()
    ui, notes = probe_window(folder, scale)
    run_.results += ui
    run_.notes += notes
    return run_


def main(argv: list[str]) -> int:
    """Measure each folder named (e.g. the PostgreSQL one and a SQLite one, to compare within one run)."""
    scale = Scale(cold_starts=int(os.environ.get("BANSHOU_BENCH_COLD_STARTS", "5")))
    print("\n".join(f"- {k}: {v}" for k, v in machine().items()))
    for folder in (Path(a).expanduser().resolve() for a in argv[1:]):
        load = os.getloadavg()[0]
        result = run(folder, scale)
        print(f"\n#### {folder}\n\n- load average: {load:.2f} → {os.getloadavg()[0]:.2f}")
        print(f"- data: {json.dumps(result.seed, ensure_ascii=False)}\n")
        print(table(result.results))
        for note in result.notes:
            print(f"- {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
