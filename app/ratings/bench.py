"""``python -m app.ratings.bench FOLDER [--year 2026]``: time the dashboard's queries for one year on a
seeded folder (``banshou seed``); simulated ratings are added first if the folder has none.

Prints the median and worst of repeated runs per query and for the whole dashboard load (the three
panels, which the page runs together off the GUI thread), so the numbers go straight into
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from app.context import open_context
from app.domain.clock import ManualClock
from app.paths import DataDir
from app.ratings.demo import add_simulated_ratings
from localdb import models as m
from localdb import ratings_models as rm


def _time(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def _parallel(*jobs: Callable[[], object]) -> list[object]:
    with ThreadPoolExecutor(len(jobs)) as pool:
        return [f.result() for f in [pool.submit(job) for job in jobs]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.ratings.bench")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ctx = open_context(DataDir(args.folder), ManualClock(datetime(args.year, 11, 26, 2, tzinfo=UTC)))
    try:
        with ctx.db.read() as s:
            orders = s.scalar(select(func.count()).select_from(m.WorkOrder))
            ratings = s.scalar(select(func.count()).select_from(rm.Rating))
        if not ratings:
            started = time.perf_counter()
            ratings = add_simulated_ratings(ctx.db, ctx.clock.now())
            print(f"added {ratings} simulated ratings in {time.perf_counter() - started:.1f} s")
        start, end = date(args.year, 1, 1), date(args.year + 1, 1, 1)
        service = ctx.ratings
        print(f"{orders} work orders, {ratings} ratings; period {start} – {end}")
        cases: dict[str, Callable[[], object]] = {
            "ratings dashboard": lambda: service.dashboard(start, end),
            "compliance panel": lambda: service.compliance(start, end),
            "business panel (month)": lambda: service.business(start, end, "month"),
            "business panel (day)": lambda: service.business(start, end, "day"),
            "whole dashboard, one after another": lambda: (service.dashboard(start, end), service.compliance(start, end),
                                                           service.business(start, end, "month")),
            "whole dashboard, 3 parallel jobs (as the page loads it)": lambda: _parallel(
                lambda: service.dashboard(start, end), lambda: service.compliance(start, end),
                lambda: service.business(start, end, "month")),
        }  # fmt: skip
        started = time.perf_counter()
        service.business(start, end, "month")  # the first open of a year counts its closed months once
        print(f"first business panel of the year (cold month cache): {(time.perf_counter() - started) * 1000:.0f} ms")
        for name, fn in cases.items():
            median, worst = _time(fn, args.runs)
            print(f"| {name} | {median * 1000:.0f} ms | {worst * 1000:.0f} ms |")
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
