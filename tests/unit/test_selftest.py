"""``banshou --self-test`` from the source tree: the same checks CI runs from the built bundle.

Run as a subprocess because the self-test creates its own QApplication and temporary data folder,
exactly as the command does, and must not share the test session's Qt state or keyring.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from app import __version__
from app.selftest import run_self_test, seconds_since_process_start
from app.version import describe, licence_lines

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("migrate", "window", "settle", "render", "upload", "keyring")


def _run_cli(*args: str, backend: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": backend}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "--self-test", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_self_test_passes_with_one_line_per_check() -> None:
    done = _run_cli(backend="keyring.backends.fail.Keyring")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in CHECKS:
        assert any(line.split()[:2] in (["OK", name], ["WARN", name]) for line in lines), (name, done.stdout)
    assert "Chinese text read back" in done.stdout
    assert "accepted by the sandbox" in done.stdout
    assert "WARN keyring" in done.stdout  # no secure backend: a warning by default
    assert lines[-1].startswith("self-test passed")


def test_require_keyring_turns_the_warning_into_a_named_failure() -> None:
    done = _run_cli("--require-keyring", backend="keyring.backends.fail.Keyring")
    assert done.returncode != 0
    assert "FAIL keyring: no secure keyring backend" in done.stdout
    assert done.stdout.splitlines()[-1] == "self-test FAILED: keyring"


def test_a_failed_check_is_named_and_blocks_only_what_depends_on_it() -> None:
    """Without the injected window check (Qt lives in ui/) that one check fails; the rest still run."""
    out = io.StringIO()
    code = run_self_test(False, window_check=None, out=out)
    text = out.getvalue()
    assert code == 1
    assert "FAIL window: no window check supplied" in text
    assert "OK   render" in text and "OK   upload" in text
    assert text.splitlines()[-1] == "self-test FAILED: window"


def test_process_age_is_measured_on_linux() -> None:
    age = seconds_since_process_start()
    if sys.platform.startswith("linux"):
        assert age is not None and 0 < age < 3600


def test_version_line_and_licences_for_the_about_box() -> None:
    assert describe().startswith(f"banshou {__version__} (source, Python 3.11")
    licences = licence_lines()
    assert "Qt 6 / PySide6 — LGPL-3.0" in licences and "WenQuanYi Micro Hei" in licences
