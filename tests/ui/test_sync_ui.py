"""The upload screens in the running window: a settled order's badge moves from 待上传 to 已接收 by
itself while the event loop keeps turning, and the sync / EHR settings pages show what they should."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.ehr.overview import overview
from app.security.credentials import CredentialStore
from tests.integration.orders_helpers import make_order, make_vehicle, settle_in_full
from tests.memory_keyring import MemoryKeyring
from tests.ui.shots import shots_dir
from ui.main_window import MainWindow
from ui.models.order_list_model import COL_UPLOAD
from ui.pages.ehr_settings_page import EhrSettingsPage
from ui.pages.sync_page import SyncPage
from ui.sync_worker import SyncWorker

SCREENSHOTS = shots_dir()


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> Iterator[MainWindow]:
    win = MainWindow(ctx, sync_worker=SyncWorker(ctx, CredentialStore(MemoryKeyring())))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win
    assert win.sync_worker is not None
    win.sync_worker.shutdown()


def _badge(window: MainWindow, costlistcode: str) -> str:
    model = window.orders_page.model
    for row in range(model.rowCount()):
        if costlistcode in str(model.index(row, 6).data()):
            return str(model.index(row, COL_UPLOAD).data(Qt.ItemDataRole.DisplayRole))
    return ""


def test_badge_goes_from_queued_to_accepted_while_the_loop_runs(qtbot: QtBot, ctx: AppContext,
                                                                window: MainWindow) -> None:  # fmt: skip
    order = make_order(ctx, make_vehicle(ctx))
    worker = window.sync_worker
    assert worker is not None
    qtbot.waitUntil(lambda: window.sync_page.view.mode_label.text() != "", timeout=10_000)  # training mode
    assert "培训模式" in window.windowTitle()
    worker.blockSignals(True)  # hold the worker's reports so the queued state is seen first
    settled = settle_in_full(ctx, order)
    window.orders_page.refresh()
    qtbot.waitUntil(lambda: _badge(window, settled.costlistcode or "?") != "", timeout=5000)
    seen_first = _badge(window, settled.costlistcode or "?")
    worker.blockSignals(False)
    ticks: list[int] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    worker.wake()
    qtbot.waitUntil(lambda: _badge(window, settled.costlistcode or "?") == "已接收", timeout=15_000)
    timer.stop()
    assert seen_first in ("待上传", "已接收")  # the worker may already have sent it: both are honest
    assert len(ticks) >= 2  # the event loop kept turning while the upload happened
    assert overview(ctx.db, ctx.clock).status.done == 1
    qtbot.waitUntil(lambda: window.sync_page.view.numbers["done"].text() == "1", timeout=5000)


def test_sync_page_lists_rejected_rows_with_reasons(qtbot: QtBot, ctx: AppContext) -> None:
    from app.domain.errors import Issue
    from app.ehr import outbox
    from localdb import models as m
    from tests.integration.sync_helpers import bulk_settle

    bulk_settle(ctx, 6, vehicles=6)
    now = ctx.clock.now()
    reasons = [Issue("ehr.upload.rejected_field", "vin", {"code": "2", "status": "校验失败：vin，校验位不符", "label": "vin"}),
               Issue("ehr.upload.rejected_field", "repairmileage", {"code": "2", "status": "校验失败：repairmileage 为 0", "label": "repairmileage"}),
               Issue("sync.correction_manual_only", None, {"number": "SH01-20261126-000002"})]  # fmt: skip
    with ctx.db.write() as s:
        for i, entry in enumerate(s.query(m.OutboxEntry).order_by(m.OutboxEntry.id)):
            if i < 3:
                entry.state = "rejected"
                entry.last_error_code, entry.last_error = outbox.issue_text(reasons[i])
            elif i < 5:
                entry.state, entry.updated_at = "done", now
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1216, 700)
    page.show_mode(True)
    page.show_overview(overview(ctx.db, ctx.clock))
    assert page.view.table.rowCount() == 3
    assert "车辆识别代码" in page.view.table.item(0, 3).text()
    page.view.table.selectRow(0)
    assert page.view.fix_button.isEnabled() and page.view.open_button.isEnabled()
    with qtbot.waitSignal(page.open_order, timeout=2000) as opened:
        page.view.open_button.click()
    assert opened.args[0] > 0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SCREENSHOTS / "sync.png"))


def test_ehr_settings_page_is_honest_without_a_keyring(qtbot: QtBot, ctx: AppContext) -> None:
    page = EhrSettingsPage(ctx, CredentialStore(fail.Keyring()))
    qtbot.addWidget(page)
    page.resize(1216, 700)
    page.view.profile_combo.setCurrentIndex(page.view.profile_combo.findData("variant-a"))
    assert not page.view.password_edit.isEnabled()
    assert page.view.keyring_label.isVisibleTo(page) and "密码库" in page.view.keyring_label.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SCREENSHOTS / "ehr-settings.png"))


def test_ehr_settings_test_connection_runs_off_thread(qtbot: QtBot, ctx: AppContext) -> None:
    page = EhrSettingsPage(ctx, CredentialStore(MemoryKeyring()))
    qtbot.addWidget(page)
    page.view.test_button.click()  # training profile: the folder's own sandbox
    qtbot.waitUntil(lambda: page.view.test_button.isEnabled() and "正在" not in page.view.result_label.text(),
                    timeout=10_000)  # fmt: skip
    assert "成功" in page.view.result_label.text() or "连接" in page.view.result_label.text()
