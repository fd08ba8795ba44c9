"""The main window at 1366×768: navigation, wiring between screens, menus, status bar; and start-up."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.context import AppContext
from app.paths import DataDir
from app.security.accounts import Account
from app.services.outbox_status import OutboxStatusService
from app.services.workorders import IntakeHeader
from localdb.models import OutboxEntry
from tests.conftest import SHOP
from tests.dbs import sqlite_only
from tests.ui.conftest import WAIT_MS
from ui import app as ui_app
from ui.main_window import (
    AREA_EDITOR,
    AREA_INTAKE,
    AREA_ORDERS,
    AREA_SETTINGS,
    DESIGN_SIZE,
    GEOMETRY_KEY,
    MainWindow,
)

SCREENSHOTS = os.environ.get("BANSHOU_SCREENSHOTS")  # e.g. docs/screenshots: also write the README's pictures


def _window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.shop_label.text() == SHOP.name, timeout=WAIT_MS)
    return window


def _waiting(ctx: AppContext) -> int:
    return OutboxStatusService(ctx.db, ctx.clock).status().waiting


def test_opens_at_1366x768_and_everything_fits(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    window = _window(qtbot, seeded_ctx)
    assert window.size() == QSize(1366, 768)
    hint = window.minimumSizeHint()
    assert hint.width() <= DESIGN_SIZE.width() and hint.height() <= DESIGN_SIZE.height()
    for area in range(window.stack.count()):
        page_hint = window.stack.widget(area).minimumSizeHint()
        assert page_hint.width() <= window.stack.width(), f"area {area} is clipped horizontally"
        assert page_hint.height() <= window.stack.height(), f"area {area} is clipped vertically"


def test_navigation_switches_pages(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    window = _window(qtbot, seeded_ctx)
    assert window.stack.currentWidget() is window.intake_page
    assert [window.nav.item(i).text() for i in range(4)] == ["接车", "工单", "工单详情/结算", "设置"]
    assert window.nav.item(AREA_EDITOR).isHidden()  # nothing open yet
    window.nav.setCurrentRow(AREA_ORDERS)
    assert window.stack.currentWidget() is window.orders_page
    window.nav.setCurrentRow(AREA_SETTINGS)
    assert window.stack.currentWidget() is window.settings_page
    window.find_action.trigger()
    assert window.stack.currentWidget() is window.orders_page
    window.nav.setCurrentRow(AREA_INTAKE)
    assert window.stack.currentWidget() is window.intake_page


def test_menus_show_shortcuts(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    assert window.new_intake_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")
    assert window.refresh_action.shortcut() == QKeySequence("F5")
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "文件(&F)"
    assert window.new_intake_action.toolTip() == "新建接车 (Ctrl+N)"


def test_opening_an_order_from_the_list_or_intake_shows_the_editor(
    qtbot: QtBot, seeded_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, seeded_ctx)
    loaded: list[int] = []
    monkeypatch.setattr(window.editor_page, "load", loaded.append)
    window.orders_page.order_activated.emit(7)
    assert loaded == [7]
    assert window.stack.currentWidget() is window.editor_page
    assert not window.nav.item(AREA_EDITOR).isHidden()
    window.nav.setCurrentRow(AREA_INTAKE)
    window.intake_page.order_opened.emit(9)
    assert loaded == [7, 9]
    assert window.nav.currentRow() == AREA_EDITOR


@pytest.mark.parametrize(
    ("answer", "opened"),
    [(QMessageBox.StandardButton.Discard, [5]), (QMessageBox.StandardButton.Cancel, [])],
)
def test_unsaved_edits_are_not_dropped_silently(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton, opened: list
) -> None:
    window = _window(qtbot, ctx)
    loaded: list[int] = []
    asked: list[str] = []
    monkeypatch.setattr(window.editor_page, "load", loaded.append)
    monkeypatch.setattr(window.editor_page, "is_dirty", lambda: True)
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *_a: asked.append(title) or answer)
    window.orders_page.order_activated.emit(5)
    assert asked == ["有未保存的修改"]
    assert loaded == opened


def test_unsaved_edits_are_saved_before_opening_another(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ctx)
    loaded: list[int] = []
    monkeypatch.setattr(window.editor_page, "load", loaded.append)
    monkeypatch.setattr(window.editor_page, "is_dirty", lambda: True)
    monkeypatch.setattr(window.editor_page, "save", lambda then: then(None))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Save)
    window.intake_page.order_opened.emit(6)
    assert loaded == [6]


def test_closing_with_unsaved_edits_asks_first(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, ctx)
    monkeypatch.setattr(window.editor_page, "is_dirty", lambda: True)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    window.close()
    assert window.isVisible()
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT_MS)
    assert answers == []


def test_ctrl_n_returns_to_intake_and_clears_it_only_there(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, ctx)
    resets: list[bool] = []
    monkeypatch.setattr(window.intake_page, "reset", lambda: resets.append(True))
    window.nav.setCurrentRow(AREA_ORDERS)
    window.new_intake_action.trigger()
    assert window.stack.currentWidget() is window.intake_page and resets == []
    window.new_intake_action.trigger()
    assert resets == [True]


def test_a_changed_order_refreshes_the_list_and_queue(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    window = _window(qtbot, seeded_ctx)
    page = window.orders_page
    qtbot.waitUntil(lambda: page.view.count.text() == "共 450 张工单", timeout=WAIT_MS)
    vehicle = seeded_ctx.vehicles.search("沪A")[0]
    wo = seeded_ctx.orders.open(vehicle.id, IntakeHeader(seeded_ctx.clock.now(), 999_999, "新接车"))
    window.editor_page.order_changed.emit(wo.id)
    qtbot.waitUntil(lambda: page.view.count.text() == "共 451 张工单", timeout=WAIT_MS)


def test_status_bar_shows_shop_training_and_queue(qtbot: QtBot, seeded_ctx: AppContext) -> None:
    window = _window(qtbot, seeded_ctx)
    waiting = _waiting(seeded_ctx)
    assert waiting > 0
    assert window.training_label.text() == "培训模式"
    qtbot.waitUntil(lambda: window.queue_label.text().startswith(f"待上传 {waiting}"), timeout=WAIT_MS)
    assert "被退回" in window.queue_label.text()  # the seed has rejected records
    assert "已接收" in window.queue_label.toolTip()


def test_queue_indicator_is_polled(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.queue_label.text() == "待上传 0", timeout=WAIT_MS)
    now = ctx.clock.now() - timedelta(hours=2)
    with ctx.db.write() as s:
        s.add(OutboxEntry(kind="repair_record", record_id=1, record_key="SH01-1", state="pending",
                          next_attempt_at=now, created_at=now, updated_at=now))  # fmt: skip
    window._queue_timer.setInterval(50)
    qtbot.waitUntil(lambda: window.queue_label.text() == "待上传 1", timeout=WAIT_MS)
    assert "2 小时" in window.queue_label.toolTip()


def test_shop_name_follows_the_settings_page(qtbot: QtBot, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    from dataclasses import replace

    window.settings_page.shop_saved.emit(replace(SHOP, name="新名称汽修店"))
    assert window.shop_label.text() == "新名称汽修店"


def test_geometry_is_remembered(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, ctx)
    window.resize(1200, 700)
    window.close()
    saved = QSettings().value(GEOMETRY_KEY)
    assert saved is not None
    restored: list[bytes] = []
    original = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda w, g: restored.append(g) or original(w, g))
    _window(qtbot, ctx)  # (the offscreen screen is 800 px wide, so Qt fits the size to it)
    assert restored == [saved]


def test_screenshots(qtbot: QtBot, seeded_ctx: AppContext, tmp_path: Path) -> None:
    """Offscreen grabs of the full list and the settings page; with BANSHOU_SCREENSHOTS set, for the docs."""
    window = _window(qtbot, seeded_ctx)
    window.nav.setCurrentRow(AREA_ORDERS)
    qtbot.waitUntil(lambda: window.orders_page.view.count.text() == "共 450 张工单", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.queue_label.text().startswith("待上传"), timeout=WAIT_MS)
    qtbot.wait(200)  # let the scroll areas and header settle before grabbing
    targets = [tmp_path] + ([Path(SCREENSHOTS)] if SCREENSHOTS else [])
    for folder in targets:
        folder.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(folder / "orders.png"))
    window.nav.setCurrentRow(AREA_SETTINGS)
    qtbot.waitUntil(lambda: window.settings_page.view.staff_list.count() == 2, timeout=WAIT_MS)
    qtbot.wait(200)
    for folder in targets:
        assert window.grab().save(str(folder / "settings.png"))
    assert (tmp_path / "orders.png").stat().st_size > 10_000


# -- start-up (ui.app) ----------------------------------------------------------------------------------
def test_chosen_font_writes_chinese(qapp: QApplication) -> None:
    family = ui_app.choose_cjk_family()
    assert family is not None and ui_app.writes_chinese(family)
    assert family in ("Noto Sans CJK SC", "WenQuanYi Micro Hei")


@sqlite_only("main() opens the data folder by its path, so the folder's own SQLite file, not the test's server")
def test_main_shows_the_window_on_a_configured_folder(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, clock = ctx.data_dir, ctx.clock
    ctx.close()
    shown: list[MainWindow] = []

    def fake_exec() -> int:
        """Stand-in for the event loop: a real exec()/quit() would leave every later nested loop
        (qtbot.wait) returning at once for the rest of the session."""
        qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()), timeout=WAIT_MS)
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.shop_label.text() == SHOP.name, timeout=WAIT_MS)
        shown.append(window)
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    # A folder without accounts first asks the owner to create one (ui/session.py; tests/ui/test_login_ui.py).
    owner = Account(1, "张建国", "boss", "owner", "owner", True, None, False)
    monkeypatch.setattr("ui.session.sign_in_at_start", lambda _ctx: owner)
    assert ui_app.main(["banshou"], data_dir, clock=clock) == 0
    assert len(shown) == 1
    ui_app.apply_app_font(False, ui_app.choose_cjk_family())


@pytest.mark.parametrize("breakage", ["file_in_the_way", "not_a_database"])
def test_main_explains_a_folder_it_cannot_open(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, breakage: str
) -> None:
    root = tmp_path / "data"
    if breakage == "file_in_the_way":
        root.write_text("not a folder")
    else:
        root.mkdir()
        (root / "banshou.db").write_bytes(b"this is not an SQLite file" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(f"{title}|{text}"))
    assert ui_app.main(["banshou"], DataDir(root)) == 1
    assert len(shown) == 1 and shown[0].startswith("无法打开数据文件夹|")
    assert "Traceback" not in shown[0] and str(root) in shown[0]
