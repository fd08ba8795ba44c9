"""A ``banshou restore`` process killed halfway (SIGKILL) leaves the previous database intact.

The process is stopped at each step of the swap (:mod:`app.backup.restore`) by a wrapper that makes
the step announce itself on stdout and then wait; the test kills it there. Then it is killed at random
moments after its temp file appears, on a database large enough for the copy to take a while. Every
time, the previous database must open with exactly its data; a later restore must still work.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from app.backup import check_database
from app.context import AppContext, open_context
from app.domain.clock import ManualClock
from app.paths import DataDir
from tests.dbs import sqlite_only
from tests.integration.backup_helpers import dump, settle_orders

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    sqlite_only("the restore replaces the SQLite file"),
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL"),
]

# Runs `banshou restore` with one step of app.backup.restore wrapped: it prints STALLED and sleeps.
_WRAPPER = """
import sys, time, types, os
import app.backup.restore as r
step = sys.argv[1]
def stall(fn):
    def wrapped(*a, **k):
        print("STALLED", flush=True)
        time.sleep(600)
        return fn(*a, **k)
    return wrapped
if step == "os.replace":
    proxy = types.SimpleNamespace(**{n: getattr(os, n) for n in dir(os) if not n.startswith("__")})
    proxy.replace = stall(os.replace)
    r.os = proxy
elif step != "none":
    setattr(r, step, stall(getattr(r, step)))
from app.cli import main
sys.exit(main(sys.argv[2:]))
"""

STEPS = ["verify_plain", "_settle", "_keep_aside", "os.replace"]


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring", XDG_DATA_HOME=str(tmp / "keyring"),
               PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")  # fmt: skip
    return env


OWNER_PW = "Owner-pass-1"


def _restore_process(tmp: Path, data: DataDir, backup: Path, step: str) -> subprocess.Popen[str]:
    """``banshou --user boss --password-stdin restore FILE`` (the folder has accounts: only the owner restores)."""
    cmd = [sys.executable, "-c", _WRAPPER, step, "--data-dir", str(data.root), "--user", "boss", "--password-stdin",
           "restore", str(backup)]
    password = tmp / "owner-password.txt"
    password.write_text(OWNER_PW + "\n", encoding="utf-8")
    with password.open("rb") as stdin:
        return subprocess.Popen(cmd, cwd=ROOT, env=_env(tmp), stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)


def _prepare(ctx: AppContext, orders_after_backup: int = 2) -> tuple[Path, dict[str, list[tuple[object, ...]]]]:
    ctx.accounts.create_owner("张老板", "boss", OWNER_PW)
    settle_orders(ctx, 2)
    backup = ctx.backups.run().path
    settle_orders(ctx, orders_after_backup, plate="沪B54321", vin17="LFV2A21K5C3456789")
    ctx.close()
    return backup, dump(ctx.data_dir.database)


def _assert_previous_database_intact(data: DataDir, expected: dict[str, list[tuple[object, ...]]],
                                     clock: ManualClock) -> None:  # fmt: skip
    report = check_database(data)  # what the window does at start; it also removes the stale temp file
    assert report.ok, report.detail
    assert not list(data.root.glob("*.restore-tmp*"))
    assert dump(data.database) == expected
    open_context(data, clock).close()  # and the app opens it


@pytest.mark.parametrize("step", STEPS)
def test_restore_killed_at_each_step_leaves_the_previous_database(ctx: AppContext, clock: ManualClock, tmp_path: Path,
                                                                  step: str) -> None:
    backup, before = _prepare(ctx)
    proc = _restore_process(tmp_path, ctx.data_dir, backup, step)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "STALLED", (line, proc.stderr.read() if proc.poll() is not None else "")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    _assert_previous_database_intact(ctx.data_dir, before, clock)
    if step != STEPS[-1]:
        return
    finished = _restore_process(tmp_path, ctx.data_dir, backup, "none")  # the next attempt just works
    _out, err = finished.communicate(timeout=120)
    assert finished.returncode == 0, err
    assert dump(ctx.data_dir.database) == dump(backup)


def _pad(db_file: Path, megabytes: int, key: str) -> None:
    """Make the database big enough that copying and checking it take a noticeable time."""
    conn = sqlite3.connect(db_file)
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, json.dumps("x" * (megabytes << 20))))
    conn.commit()
    conn.close()


@pytest.mark.slow
def test_restore_killed_at_random_moments(ctx: AppContext, clock: ManualClock, tmp_path: Path) -> None:
    """On a database of some 30 MB (copying, verifying and the pre-restore backup take a while), each run
    is killed a random moment after its temp file appears. Afterwards the database is either the previous
    one or the restored one, whole — never a mixture — and at least one kill caught it halfway."""
    ctx.accounts.create_owner("张老板", "boss", OWNER_PW)
    settle_orders(ctx, 2)
    _pad(ctx.data_dir.database, 8, "test.padding")
    backup = ctx.backups.run().path
    settle_orders(ctx, 2, plate="沪B54321", vin17="LFV2A21K5C3456789")
    _pad(ctx.data_dir.database, 8, "test.padding2")
    ctx.close()
    before, restored = dump(ctx.data_dir.database), dump(backup)
    pristine = tmp_path / "previous.db"
    shutil.copy(ctx.data_dir.database, pristine)
    tmp_file = ctx.data_dir.database.with_name("banshou.db.restore-tmp")

    def start_and_wait_for_temp_file() -> subprocess.Popen[str]:
        proc = _restore_process(tmp_path, ctx.data_dir, backup, "none")
        deadline = time.monotonic() + 60
        while not tmp_file.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        return proc

    def put_previous_back() -> None:
        for side in ("-wal", "-shm"):
            ctx.data_dir.database.with_name("banshou.db" + side).unlink(missing_ok=True)
        shutil.copy(pristine, ctx.data_dir.database)

    proc = start_and_wait_for_temp_file()  # one undisturbed run: how long from the temp file to the end
    started = time.monotonic()
    proc.communicate(timeout=120)
    duration = time.monotonic() - started
    assert proc.returncode == 0 and dump(ctx.data_dir.database) == restored
    put_previous_back()

    rng = random.Random(7)
    outcomes: Counter[str] = Counter()
    for _ in range(5):
        proc = start_and_wait_for_temp_file()
        time.sleep(rng.uniform(0, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        assert check_database(ctx.data_dir).ok
        now = dump(ctx.data_dir.database)
        if now == restored:  # the kill came after the atomic rename
            outcomes["restored"] += 1
            put_previous_back()
        else:
            assert now == before
            outcomes["previous"] += 1
    assert outcomes["previous"] >= 1, (outcomes, duration)
    _assert_previous_database_intact(ctx.data_dir, before, clock)
