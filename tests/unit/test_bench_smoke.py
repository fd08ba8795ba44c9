"""Keeps ``banshou bench``'s code path working on a tiny seed. No timing is asserted: this machine is
shared and noisy, and the numbers only mean something at 200,000 orders (docs/benchmarks.md)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.bench import MARKER, Result, Run, Scale, bench_folder, percentile
from app.bench_report import BEGIN, END, machine, verdict, write_report
from app.domain.errors import DomainError
from app.paths import DataDir
from app.seed import seed_folder

TINY = Scale(cold_starts=1, scroll_pages=1, typed_plates=4, opens=4, settles=2, pdfs=2, list_runs=3)


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50 and percentile(values, 0.95) == 95
    assert percentile([7.0], 0.95) == 7


def test_verdict_says_by_how_much() -> None:
    assert verdict(Result("x", [10.0, 20.0], 30)).startswith("✅")
    assert "missed by 15 ms" in verdict(Result("x", [45.0], 30))
    assert verdict(Result("x", [1.0])) == "—"


def test_bench_runs_end_to_end_on_a_tiny_seed(tmp_path: Path) -> None:
    folder = tmp_path / "bench"
    seed_folder(DataDir(folder), orders=120, seed=3, now=datetime(2026, 11, 26, 2, 0, tzinfo=UTC))
    run = Run(120)
    with pytest.raises(DomainError):  # a database the bench did not seed itself is never settled into
        bench_folder(folder, 120, TINY, run)
    (folder / MARKER).touch()
    bench_folder(folder, 120, TINY, run)  # seeded already (in-process, faster): no child seeding here

    measured = {r.name: r for r in run.results}
    assert all(r.samples for r in run.results), [n for n, r in measured.items() if not r.samples]
    assert any(name.startswith("cold start") for name in measured), run.notes
    assert any(name.startswith("plate search") for name in measured), run.notes
    assert run.plans and all(run.plans.values())

    report = tmp_path / "benchmarks.md"
    report.write_text(
        f"# Benchmarks\n\n{BEGIN}\nold numbers\n{END}\n\n## Analysis\nhand-written\n", encoding="utf-8"
    )
    write_report(run, machine(), report)
    text = report.read_text(encoding="utf-8")
    assert "hand-written" in text and "old numbers" not in text
    assert "plate search" in text and "nproc" in text
