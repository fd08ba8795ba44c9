"""Shared fixtures: a real migrated database (SQLite, or PostgreSQL when ``BANSHOU_TEST_DATABASE_URL`` is
set — see ``tests/dbs.py``) for a temporary data folder, with a configured shop."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
# Audit keys (when no OS keyring is available) and high-water marks go to a per-run folder, not the home.
os.environ.setdefault("BANSHOU_CONFIG_DIR", tempfile.mkdtemp(prefix="banshou-test-config-"))

from app.context import AppContext
from app.domain.clock import ManualClock
from app.domain.shopid import uscc_check_char
from app.i18n import set_language
from app.paths import DataDir
from app.services.dto import ShopInfo
from tests.dbs import drop_session_databases, drop_test_databases, open_test_context

CREDIT17 = "91310115MA1K4ABC1"
CREDIT_CODE = CREDIT17 + uscc_check_char(CREDIT17)

SHOP = ShopInfo(
    name="上海扳手汽车维修有限公司",
    credit_code=CREDIT_CODE,
    address="上海市浦东新区张江路 88 号",
    phone="021-55556666",
    company_code="310115000000001",
    list_prefix="SH01",
    contact="王师傅",
    home_province="沪",
    labour_rate_fen=10000,
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 26, 2, 0, tzinfo=UTC))  # 10:00 in Shanghai


@pytest.fixture(autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """Drop the PostgreSQL databases a test made, after its own fixtures have closed their engines."""
    yield
    drop_test_databases()


@pytest.fixture(autouse=True)
def _chinese_messages() -> Iterator[None]:
    """Each test starts with Chinese messages: a window opened in English (ui/app.py sets the process's
    message language from the folder's setting) must not change what later tests read."""
    set_language("zh_CN")
    yield
    set_language("zh_CN")


@pytest.fixture
def bare_ctx(tmp_path: Path, clock: ManualClock) -> Iterator[AppContext]:
    """A migrated empty data folder (no shop configured yet)."""
    ctx = open_test_context(DataDir(tmp_path / "data"), clock)
    yield ctx
    ctx.close()


@pytest.fixture
def ctx(bare_ctx: AppContext) -> AppContext:
    """A data folder with the shop configured and two staff members."""
    bare_ctx.shop.configure(SHOP)
    bare_ctx.staff.add("王丽", "advisor")
    bare_ctx.staff.add("李强", "technician")
    return bare_ctx


# PySide6 6.12 can abort while the interpreter finalises ("Fatal Python error: bool_dealloc … refcount
# error in a C extension", exit 134) after every test has passed: a bug in the bindings' teardown, not in
# a test. Once Qt has been loaded, end the process straight after pytest has reported, with pytest's own
# exit status, so that a clean run is never turned into a crash by garbage collection at exit.
_exit_status: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    drop_session_databases()  # here, not atexit: pytest_unconfigure may end the process with os._exit
    _exit_status.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if "PySide6.QtCore" in sys.modules and _exit_status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status[-1])
