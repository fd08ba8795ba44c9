"""The window's start-up backup checks: the daily backup runs off the GUI thread and its result is shown;
a damaged database is reported with the newest good backup, and no daily backup is attempted then."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.backup import IntegrityReport
from app.context import AppContext
from tests.dbs import sqlite_only
from tests.ui.conftest import WAIT_MS
from ui.backup_startup import start_backup_checks

pytestmark = sqlite_only("the daily backup copies the SQLite file")


def test_daily_backup_runs_and_is_shown_in_the_status_bar(qtbot: QtBot, ctx: AppContext) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()  # results are shown only while the window is open
    start_backup_checks(window, ctx)
    qtbot.waitUntil(lambda: "今日自动备份已完成" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert [b.kind for b in ctx.backups.list()] == ["daily"]


def test_a_damaged_database_is_reported_with_the_backup_to_restore(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = Path("/backups/banshou-20261125T020000Z-daily.db")
    monkeypatch.setattr(ctx.backups, "integrity_check", lambda: IntegrityReport(False, "page 6 malformed", good))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: shown.append(f"{title}|{text}"))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()  # results are shown only while the window is open
    start_backup_checks(window, ctx)
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert str(good) in shown[0] and "page 6 malformed" in shown[0]
    qtbot.wait(200)
    assert ctx.backups.list() == []  # no daily backup of a damaged database


def test_nothing_pops_up_after_the_window_closed(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that ends after the window closed (the app is quitting) shows no dialog and starts nothing."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: shown.append("critical"))
    monkeypatch.setattr(ctx.backups, "integrity_check", lambda: IntegrityReport(False, "damaged", None))
    window = QMainWindow()
    qtbot.addWidget(window)
    scheduler = start_backup_checks(window, ctx)
    qtbot.wait(300)
    assert shown == [] and ctx.backups.list() == []
    assert scheduler is not None
