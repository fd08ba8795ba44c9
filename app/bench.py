"""``banshou bench``: seed a big shop into a temporary folder and time what a clerk waits for.

Measured (medians and 95th percentiles over repeated runs, ``time.perf_counter``):

- cold start to the first painted work-order list (a fresh process, :mod:`app.bench_ui_probe`), and the
  window's peak memory;
- plate search as you type: ``VehicleService.search`` on every keystroke of real plates, typed from the
  province character or from the serial number as clerks do;
- the order list: first page, a deep page (keyset cursor half way down), ``count()``, and a text filter;
- opening one order (``WorkOrderService.get``), settling one (``SettlementService.settle`` on fresh
  completed orders, the transaction only) and rendering one settlement-list PDF.

The results go to stdout and into the generated block of ``docs/benchmarks.md`` together with the
machine and the SQLite query plans; the hand-written analysis around that block is kept. The machine is
shared and noisy (docs/testing.md), so the load average is recorded next to the numbers.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.bench_report import machine, plans_of, write_report
from app.context import AppContext, open_context
from app.domain.errors import DomainError
from app.domain.workorder import State
from app.paths import DataDir
from app.services.dto import LabourLine, PartLine, Payment
from app.services.order_list import Cursor, OrderFilter
from app.services.settlement import SettleRequest
from app.services.workorders import IntakeHeader
from localdb import models as m
from localdb.engine import Database

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "benchmarks.md"
KEEP_ENV = "BANSHOU_BENCH_DIR"  # reuse (and keep) this folder instead of a temporary one
MARKER = ".banshou-bench"  # in a folder the bench seeded itself


@dataclass(frozen=True)
class Scale:
    """How many repetitions; the smoke test uses a tiny one."""

    cold_starts: int = 5
    scroll_pages: int = 10
    typed_plates: int = 100
    opens: int = 200
    settles: int = 30
    pdfs: int = 20
    list_runs: int = 30


@dataclass
class Result:
    name: str
    samples: list[float]  # milliseconds, or MB for memory
    target: float | None = None
    unit: str = "ms"
    note: str = ""

    @property
    def p50(self) -> float:
        return percentile(self.samples, 0.50)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 0.95)


@dataclass
class Run:
    orders: int
    seed: dict[str, Any] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)
    plans: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: every reported figure was really measured)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _repeat(fn: Callable[[], object], runs: int) -> list[float]:
    return [_timed(fn) for _ in range(runs)]


# -- seeding ---------------------------------------------------------------------------------------------
def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def seed(folder: Path, orders: int) -> dict[str, Any]:
    """Seed in a child process (``banshou seed``), so the bench process's memory is only the services'."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "app.cli", "--data-dir", str(folder), "seed", "--orders", str(orders)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_child_env(), cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"seeding failed: {done.stderr.strip() or done.stdout.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_rss_mb": after.ru_maxrss / 1024,
        "report": done.stdout.strip(),
    }


# -- the window ------------------------------------------------------------------------------------------
def probe_ui(folder: Path, scale: Scale) -> tuple[list[Result], list[str]]:
    """Start the window ``scale.cold_starts`` times in fresh processes (offscreen Qt, own QSettings)."""
    paints, firsts, peaks, notes = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="banshou-bench-qt-") as config:
        env = _child_env() | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config}
        for _ in range(scale.cold_starts):
            cmd = [
                sys.executable,
                "-m",
                "app.bench_ui_probe",
                repr(time.time()),
                str(folder),
                str(scale.scroll_pages),
            ]
            done = subprocess.run(
                cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=120
            )
            lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
            if done.returncode != 0 or not lines:
                notes.append(f"UI probe failed: {(done.stderr or done.stdout).strip()[-400:]}")
                continue
            out = json.loads(lines[-1])
            paints.append(out["first_paint_s"] * 1000)
            firsts.append(out["rss_first_paint_mb"])
            peaks.append(out["peak_rss_mb"])
            variant = f"window: {out['variant']}; {out['rows_loaded']} rows after scrolling {scale.scroll_pages} pages"
            if variant not in notes:
                notes.append(variant)
    return [
        Result(
            "cold start → first painted work-order list", paints, 1500, note="fresh process, warm OS cache"
        ),
        Result("memory of the window at first paint (ru_maxrss)", firsts, 300, unit="MB"),
        Result(
            f"peak memory of the window after scrolling {scale.scroll_pages} pages", peaks, 300, unit="MB"
        ),
    ], notes


# -- services --------------------------------------------------------------------------------------------
def _ids(db: Database, stmt: Any) -> list[Any]:
    with db.read() as s:
        return list(s.scalars(stmt))


def _sample(db: Database, stmt: Any, rng: random.Random, k: int) -> list[Any]:
    """Up to ``k`` values of ``stmt``'s first column, drawn without repeats."""
    values = _ids(db, stmt)
    return rng.sample(values, min(len(values), k))


_PLATES = select(m.Vehicle.plate).order_by(m.Vehicle.id)
_SETTLED = select(m.WorkOrder.id).where(m.WorkOrder.state == State.SETTLED.value).order_by(m.WorkOrder.id)


def _keystrokes(plate: str, from_serial: bool) -> Iterator[str]:
    """What the search box holds after each keystroke (the service ignores fewer than 2 characters)."""
    text = plate[2:] if from_serial else plate
    for end in range(2, len(text) + 1):
        yield text[:end]


def _middle_cursor(ctx: AppContext) -> tuple[Cursor | None, int]:
    """Where a clerk lands after scrolling half way down the whole list (the keyset cursor there)."""
    total = ctx.order_list.count(OrderFilter())
    wo = m.WorkOrder
    with ctx.db.read() as s:
        row = s.execute(
            select(wo.intake_at, wo.id)
            .order_by(wo.intake_at.desc(), wo.id.desc())
            .limit(1)
            .offset(total // 2)
        ).first()
    return (Cursor(row[0], row[1]) if row else None), total // 2


def measure_lists(ctx: AppContext, rng: random.Random, scale: Scale) -> list[Result]:
    everything = OrderFilter()
    cursor, depth = _middle_cursor(ctx)
    fragments = [p[-4:] for p in _sample(ctx.db, _PLATES, rng, scale.list_runs)]
    return [
        Result(
            "order list: first page (200 rows)",
            _repeat(lambda: ctx.order_list.page(everything), scale.list_runs),
        ),
        Result(
            f"order list: page after row {depth:,}",
            _repeat(lambda: ctx.order_list.page(everything, cursor), scale.list_runs),
        ),
        Result(
            "order list: count()",
            _repeat(lambda: ctx.order_list.count(everything), max(3, scale.list_runs // 3)),
        ),
        Result(
            "order list: filter by 4 plate digits (page + count)",
            [
                _timed(
                    lambda f=f: (
                        ctx.order_list.page(OrderFilter(text=f)),
                        ctx.order_list.count(OrderFilter(text=f)),
                    )
                )
                for f in fragments
            ],
        ),
    ]


def measure_search(ctx: AppContext, rng: random.Random, scale: Scale) -> Result:
    samples = []
    for n, plate in enumerate(_sample(ctx.db, _PLATES, rng, scale.typed_plates)):
        for text in _keystrokes(plate, from_serial=n % 2 == 1):
            samples.append(_timed(lambda text=text: ctx.vehicles.search(text)))
    return Result(
        "plate search, per keystroke",
        samples,
        30,
        note="half typed from the province character, half from the serial",
    )


def measure_open(ctx: AppContext, rng: random.Random, scale: Scale) -> Result:
    picked = _sample(ctx.db, _SETTLED, rng, scale.opens)
    return Result(
        "open one order (WorkOrderService.get)", [_timed(lambda i=i: ctx.orders.get(i)) for i in picked], 50
    )


def _completed_order(ctx: AppContext, plate: str, advisor: int, technician: int) -> tuple[int, SettleRequest]:
    """A returning car's oil change, completed and ready to settle (not timed)."""
    car = ctx.vehicles.search(plate)[0]
    now = ctx.clock.now()
    km = (car.last_mileage or 1000) + 300
    header = IntakeHeader(now, km, "到保养里程了", advisor_id=advisor)
    order = ctx.orders.open(car.id, header)
    labour = [LabourLine("更换机油机滤", Decimal("0.5"), 10000, technician)]
    parts = [
        PartLine("机油", Decimal("4"), "升", 6800, "brand", "5W-30 SP", "美孚"),
        PartLine("机油滤清器", Decimal("1"), "个", 4500, "brand", "", "曼牌"),
    ]
    detail = ctx.orders.save_lines(order.id, labour, parts, [])
    ctx.orders.complete(order.id, now, km + 2)
    confirmations = {w.code: "基准测试" for w in ctx.settlement.warnings(order.id)}
    payments = (Payment("wechat", detail.totals.due_fen),)
    return order.id, SettleRequest(
        payments=payments, old_parts="shop", warranty_days=10, warranty_km=2000, confirmations=confirmations
    )


def measure_settle(ctx: AppContext, rng: random.Random, scale: Scale) -> Result:
    advisor = ctx.staff.list("advisor")[0].id
    technician = ctx.staff.list("technician")[0].id
    plates = _sample(ctx.db, _PLATES, rng, scale.settles)
    ready = [_completed_order(ctx, plate, advisor, technician) for plate in plates]
    samples = [_timed(lambda o=o, r=r: ctx.settlement.settle(o, r)) for o, r in ready]
    return Result("settle one order (transaction only)", samples, 50)


def measure_pdf(ctx: AppContext, rng: random.Random, scale: Scale) -> tuple[list[Result], list[str]]:
    try:
        from app.reports.settlement_list import render_settlement_list
    except ImportError as exc:
        return [], [f"PDF not measured: app.reports.settlement_list is not available ({exc})"]
    shop = ctx.shop.get()
    assert shop is not None
    orders = [ctx.orders.get(i) for i in _sample(ctx.db, _SETTLED, rng, scale.pdfs + 1)]
    first = _timed(lambda: render_settlement_list(orders[0], shop))
    warm = [_timed(lambda o=o: render_settlement_list(o, shop)) for o in orders[1:]]
    note = f"first render in the process (font loading) {first:.0f} ms, not in the percentiles"
    return [Result("render one settlement-list PDF", warm, 200, note=note)], []


def query_plans(ctx: AppContext) -> dict[str, list[str]]:
    """SQLite's EXPLAIN QUERY PLAN for the statements the services really run (captured, not copied)."""
    plate = _ids(ctx.db, _PLATES.limit(1))[0]
    cursor, depth = _middle_cursor(ctx)
    calls: dict[str, Callable[[], object]] = {
        f"VehicleService.search({plate[2:6]!r})": lambda: ctx.vehicles.search(plate[2:6]),
        "OrderListService.page(OrderFilter())": lambda: ctx.order_list.page(OrderFilter()),
        f"OrderListService.page(OrderFilter(), after=<row {depth:,}>)": lambda: ctx.order_list.page(
            OrderFilter(), cursor
        ),
        "OrderListService.count(OrderFilter())": lambda: ctx.order_list.count(OrderFilter()),
        f"OrderListService.count(text={plate[-4:]!r})": lambda: ctx.order_list.count(
            OrderFilter(text=plate[-4:])
        ),
    }
    return plans_of(ctx.db, calls)


def measure_all(ctx: AppContext, scale: Scale, run: Run) -> None:
    """Everything except the window, in one process with a warm connection.

    A measurement that fails (a service being rewritten, say) is reported as a note and the others still
    run: seeding 200,000 orders takes minutes, and one broken call should not throw the rest away.
    """
    rng = random.Random(2026)
    steps: list[tuple[str, Callable[[], list[Result]]]] = [
        ("order list", lambda: measure_lists(ctx, rng, scale)),
        ("plate search", lambda: [measure_search(ctx, rng, scale)]),
        ("open", lambda: [measure_open(ctx, rng, scale)]),
        ("settle", lambda: [measure_settle(ctx, rng, scale)]),
        ("PDF", lambda: _with_notes(run, measure_pdf(ctx, rng, scale))),
    ]
    for name, step in steps:
        try:
            run.results += step()
        except Exception as exc:  # reported in the table's notes, never hidden
            run.notes.append(f"{name} not measured: {type(exc).__name__}: {exc}")
    try:
        run.plans = query_plans(ctx)
    except Exception as exc:
        run.notes.append(f"query plans not captured: {type(exc).__name__}: {exc}")


def _with_notes(run: Run, measured: tuple[list[Result], list[str]]) -> list[Result]:
    results, notes = measured
    run.notes += notes
    return results


def _data_summary(ctx: AppContext) -> dict[str, Any]:
    with ctx.db.read() as s:
        counts = {
            t: s.scalar(select(func.count()).select_from(getattr(m, t).__table__))
            for t in ("WorkOrder", "LabourLine", "PartLine", "FeeLine", "Vehicle")
        }
    counts["db_mb"] = ctx.data_dir.database.stat().st_size / 2**20
    return counts


def bench_folder(folder: Path, orders: int, scale: Scale, run: Run) -> None:
    """Seed ``folder`` if it holds no database yet, then measure everything.

    The bench settles orders, and settled orders go to the outbox, so it only ever reuses a database it
    seeded itself (marked with :data:`MARKER`): pointing ``BANSHOU_BENCH_DIR`` at a shop's folder is
    refused instead of quietly adding synthetic settlements to real data.
    """
    data_dir = DataDir(folder)
    if not data_dir.database.exists():
        run.seed = seed(folder, orders)
        (folder / MARKER).write_text("seeded by banshou bench\n", encoding="utf-8")
    elif not (folder / MARKER).exists():
        raise DomainError("seed.folder_not_empty", None, path=str(folder))
    ctx = open_context(data_dir)
    try:
        run.seed["data"] = _data_summary(ctx)
        measure_all(ctx, scale, run)
    finally:
        ctx.close()
    ui, notes = probe_ui(folder, scale)
    run.results += ui
    run.notes += notes
    run.results.append(
        Result("peak memory, bench process (services, no UI)", [_maxrss_mb()], None, unit="MB")
    )


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bench(orders: int, scale: Scale | None = None, report: Path | None = REPORT) -> int:
    """Seed ``orders`` work orders into a temporary folder, measure, print and (optionally) write
    ``report``. ``BANSHOU_BENCH_DIR`` names a folder to reuse and keep instead."""
    scale = scale or Scale()
    run = Run(orders)
    load_before = os.getloadavg()
    kept = os.environ.get(KEEP_ENV)
    if kept:
        bench_folder(Path(kept), orders, scale, run)
    else:
        with tempfile.TemporaryDirectory(prefix="banshou-bench-") as folder:
            bench_folder(Path(folder), orders, scale, run)
    info = machine() | {"load average (start → end)": f"{load_before[0]:.2f} → {os.getloadavg()[0]:.2f}"}
    text = write_report(run, info, report)
    print(text)
    return 0


__all__ = ["Result", "Run", "Scale", "percentile", "run_bench"]
