"""``banshou --self-test``: prove that an installed copy (usually the PyInstaller bundle) really works.

Why it exists: a bundle can build cleanly and still be broken — a data file not listed in the spec, an
Alembic script missing from disk, a Qt plugin excluded, a font that did not travel. Each of those only
shows up when the code path runs, so the self-test runs every path a shop depends on, in its own
temporary data folder (never the shop's), without a display:

1. ``migrate``  – create a database and bring it to the newest schema (Alembic reads its scripts from disk);
2. ``window``   – build the main window, show it offscreen, and check the painted pixmap is not empty;
3. ``settle``   – configure a shop, take a car in and settle its order through the real services;
4. ``render``   – render the settlement-list PDF and read the Chinese text back (pypdf), or at least
   check the CJK font is embedded when pypdf is not installed;
5. ``upload``   – start the EHR sandbox on loopback and upload the record with the real client;
6. ``keyring``  – check a secure keyring backend exists (a warning, or a failure with ``--require-keyring``).

Every check prints one line (``OK  migrate …``, ``WARN keyring …``, ``FAIL render …: reason``); the exit
code is 0 when nothing failed, else 1 with a last line naming the failed checks. A check that needs an
earlier one's result fails with "skipped" when that one failed, so the first failure is the real one.

Set ``BANSHOU_SELFTEST_TRACEBACK=1`` to print a crashed check's traceback, and
``BANSHOU_SELFTEST_SCREENSHOT=shot.png`` to keep the painted window.

The window check needs Qt, which ``app/`` must not import (``design.md`` practice 1), so the caller
injects it (``app/cli.py`` passes :func:`ui.selftest_window.check_window`); without it the check fails.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from app.version import describe

log = logging.getLogger("banshou.selftest")

# The training account the self-test's own sandbox accepts; not a secret (it exists only in this run).
COMPANY_CODE = "310115000000001"
SANDBOX_PASSWORD = "self-test-only"
PLATE = "沪A12345"
PDF_MUST_READ = ("结算清单", PLATE)  # Chinese title words and the plate, read back from the PDF

# ctx -> (detail text, seconds from process start to the first painted window or None); raises on failure.
WindowCheck = Callable[[Any], tuple[str, float | None]]


class CheckFailed(Exception):
    """A check's expected condition did not hold; the message is the reason printed after ``FAIL``."""


class _Warning(Exception):
    """A check passed with a reservation (no secure keyring): printed as ``WARN``, not a failure."""


@dataclass
class _State:
    """What the checks hand to each other (the context, the settled order, the shop)."""

    root: Path
    ctx: Any = None
    shop: Any = None
    order: Any = None
    pdf: bytes | None = None
    new_db_s: float = 0.0
    reopen_s: float = 0.0
    first_paint_s: float | None = None
    results: list[tuple[str, str, str]] = field(default_factory=list)


def seconds_since_process_start() -> float | None:
    """Wall time since this process started (Linux ``/proc``), so a bundle's cold start can be measured
    from inside, including the bootloader and imports; ``None`` where that is not available."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        start_ticks = int(stat[19])  # field 22 (starttime), counted after the ")" that ends field 2
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _check_migrate(state: _State) -> str:
    from app.context import open_context
    from app.domain.clock import SystemClock
    from app.paths import DataDir
    from localdb.migrate import current_revision, head_revision

    folder = DataDir(state.root / "data")
    started = time.perf_counter()
    open_context(folder, SystemClock()).close()
    state.new_db_s = time.perf_counter() - started
    started = time.perf_counter()
    state.ctx = open_context(folder, SystemClock())  # what every later start of an installed copy does
    state.reopen_s = time.perf_counter() - started
    head = head_revision()
    current = current_revision(state.ctx.db.engine)
    if current != head:
        raise CheckFailed(f"database at {current}, head is {head}")
    return f"database created and migrated to {head} in {state.new_db_s:.2f} s, reopened at head in {state.reopen_s:.2f} s"


def _check_settle(state: _State) -> str:
    from app.domain.shopid import uscc_check_char
    from app.domain.vin import with_check_digit
    from app.services.dto import FeeLine, LabourLine, PartLine, Payment, ShopInfo
    from app.services.settlement import SettleRequest
    from app.services.vehicles import VehicleInput
    from app.services.workorders import IntakeHeader

    ctx = state.ctx
    credit17 = "91310115MA1K4ABC1"
    state.shop = ctx.shop.configure(
        ShopInfo(
            name="扳手自检汽车维修有限公司", credit_code=credit17 + uscc_check_char(credit17),
            address="上海市浦东新区张江路 88 号", phone="021-55556666", company_code=COMPANY_CODE,
            list_prefix="ST", contact="王师傅", home_province="沪", labour_rate_fen=10000,
        )
    )  # fmt: skip
    ctx.staff.add("王丽", "advisor")
    technician = ctx.staff.add("李强", "technician")
    vehicle = ctx.vehicles.create(
        VehicleInput(PLATE, 1, with_check_digit("LSVAM4187C2184847"), "大众朗逸", "CSS123456", "car", "张三",
                     "13800138000")
    )  # fmt: skip
    opened = ctx.orders.open(
        vehicle.id, IntakeHeader(ctx.clock.now() - timedelta(hours=3), 45678, "发动机异响，冷车启动有哒哒声")
    )
    order = ctx.orders.save_lines(
        opened.id,
        [LabourLine("更换机油机滤", Decimal("0.5"), 8555, technician.id)],
        [
            PartLine("机油", Decimal("4.5"), "升", 6800, "brand", brand="嘉实多"),
            PartLine("机油滤清器", Decimal("1"), "个", 4500, "oem", part_code="06A115561B"),
        ],
        [FeeLine("废油处理费", 1000)],
    )
    state.order = ctx.settlement.settle(
        order.id, SettleRequest(payments=(Payment("wechat", order.totals.gross_fen),))
    )
    if not state.order.costlistcode:
        raise CheckFailed("settled order has no settlement list number")
    return f"order {state.order.order_no} settled as {state.order.costlistcode}, {state.order.totals.gross_fen} fen"


def _check_render(state: _State) -> str:
    from app.reports.settlement_list import render_settlement_list

    pdf = render_settlement_list(state.order, state.shop)
    (state.root / "settlement-list.pdf").write_bytes(pdf)
    state.pdf = pdf
    try:
        import io

        from pypdf import PdfReader
    except ImportError:  # pypdf is a runtime dependency; a trimmed install still gets a weaker check
        if b"/FontFile2" not in pdf or b"WenQuanYi" not in pdf or len(pdf) < 10_000:
            raise CheckFailed(
                "PDF has no embedded CJK font (pypdf not installed: text not read back)"
            ) from None
        return f"{len(pdf)} bytes, CJK font embedded (pypdf not installed: text not read back)"
    text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    missing = [word for word in (*PDF_MUST_READ, state.order.costlistcode) if word not in text]
    if missing:
        raise CheckFailed(f"text not read back from the PDF: {', '.join(missing)}")
    return f"{len(pdf)} bytes, Chinese text read back ({'、'.join(PDF_MUST_READ)})"


def _check_upload(state: _State) -> str:
    from app.ehr import EhrClient, Outcome, load_profile
    from app.ehr.sandbox import run_sandbox

    clock = state.ctx.clock
    with run_sandbox(
        db_path=state.root / "sandbox.db", accounts={COMPANY_CODE: SANDBOX_PASSWORD}, clock=clock
    ) as sb:
        profile = load_profile("sandbox").with_overrides(base_url=sb.base_url)
        with EhrClient(profile, COMPANY_CODE, lambda: SANDBOX_PASSWORD, clock) as client:
            result = client.upload(state.order, state.shop)
        if result.outcome != Outcome.ACCEPTED:
            raise CheckFailed(f"{result.outcome}: {result.code} {result.status} ({result.message_code})")
        if sb.record(state.order.costlistcode) is None:
            raise CheckFailed("the sandbox answered accepted but stored nothing")
        return f"{state.order.costlistcode} accepted by the sandbox at {sb.base_url}"


def _check_keyring(require: bool) -> tuple[str, str]:
    """("OK" | "WARN" | "FAIL", detail). Only inspects the backend: writing a test secret to a shop's
    real keyring could raise an unlock prompt on a desktop, which a self-test must not do."""
    from app.security.credentials import CredentialStore

    store = CredentialStore()
    name = store.backend_name()
    if store.is_secure():
        return "OK", f"secure backend {name}"
    detail = f"no secure keyring backend ({name}): the EHR password cannot be stored on this PC"
    return ("FAIL" if require else "WARN"), detail


def _run(state: _State, name: str, check: Callable[[], str], needs: tuple[str, ...], out: TextIO) -> None:
    failed_before = [n for n, status, _ in state.results if status == "FAIL"]
    blocked = [n for n in needs if n in failed_before]
    started = time.perf_counter()
    if blocked:
        status, detail = "FAIL", f"skipped: needs {', '.join(blocked)}"
    else:
        try:
            status, detail = "OK", check()
        except _Warning as exc:
            status, detail = "WARN", str(exc)
        except CheckFailed as exc:
            status, detail = "FAIL", str(exc)
        except Exception as exc:  # any crash is this check's failure, with the traceback in the log
            log.debug("self-test check %s crashed", name, exc_info=True)
            status, detail = "FAIL", f"{type(exc).__name__}: {exc}"
            if os.environ.get("BANSHOU_SELFTEST_TRACEBACK"):
                traceback.print_exc(file=out)
    elapsed = time.perf_counter() - started
    state.results.append((name, status, detail))
    separator = ": " if status == "FAIL" else " "
    print(f"{status:<4} {name}{separator}{detail} [{elapsed:.2f} s]", file=out, flush=True)


def run_self_test(
    require_keyring: bool = False,
    *,
    window_check: WindowCheck | None = None,
    out: TextIO | None = None,
    keep_folder: bool = False,
) -> int:
    """Run every check, print one line each to ``out`` (stdout), return the process exit code.

    ``window_check`` builds and paints the main window (Qt lives in ``ui/``, so it is injected);
    ``keep_folder`` leaves the temporary data folder for inspection (its path is printed first).
    """
    out = out or sys.stdout
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before QApplication: no display needed, none shown
    root = Path(tempfile.mkdtemp(prefix="banshou-selftest-"))
    state = _State(root)
    print(f"{describe()} self-test in {root}", file=out, flush=True)
    log.info("%s self-test in %s", describe(), root)

    def window() -> str:
        if window_check is None:
            raise CheckFailed("no window check supplied (Qt is started from ui/, see app/cli.py)")
        detail, state.first_paint_s = window_check(state.ctx)
        return detail

    def keyring_check() -> str:
        status, detail = _check_keyring(require_keyring)
        if status == "FAIL":
            raise CheckFailed(detail)
        if status == "WARN":
            raise _Warning(detail)
        return detail

    try:
        _run(state, "migrate", lambda: _check_migrate(state), (), out)
        _run(state, "window", window, ("migrate",), out)
        _run(state, "settle", lambda: _check_settle(state), ("migrate",), out)
        _run(state, "render", lambda: _check_render(state), ("settle",), out)
        _run(state, "upload", lambda: _check_upload(state), ("settle",), out)
        _run(state, "keyring", keyring_check, (), out)
    finally:
        if state.ctx is not None:
            state.ctx.close()
        if not keep_folder:
            shutil.rmtree(root, ignore_errors=True)
    if state.first_paint_s is not None:
        _print_start_time(state, out)
    failed = [name for name, status, _ in state.results if status == "FAIL"]
    warned = [name for name, status, _ in state.results if status == "WARN"]
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=out, flush=True)
        return 1
    print(f"self-test passed ({len(state.results)} checks" + (f", warnings: {', '.join(warned)})" if warned else ")"),
          file=out, flush=True)  # fmt: skip
    return 0


def _print_start_time(state: _State, out: TextIO) -> None:
    """The cold-start figure for ``docs/benchmarks.md``: process start to first painted window.

    The self-test builds a new database before painting; an installed copy only reopens one at head, so
    the estimate for a real start swaps the one for the other (both measured in this run).
    """
    estimate = (state.first_paint_s or 0.0) - state.new_db_s + state.reopen_s
    print(
        f"INFO start: first paint {state.first_paint_s:.2f} s after process start; an up-to-date install "
        f"≈ {estimate:.2f} s (new database {state.new_db_s:.2f} s replaced by reopening {state.reopen_s:.2f} s)",
        file=out,
        flush=True,
    )
