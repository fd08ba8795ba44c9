"""At start: the database integrity check, then the automatic daily backup — both off the GUI thread.

Why the order: a damaged database is reported at once (with the newest good backup to restore from),
and no daily backup is attempted after it — it would fail verification anyway, and the message that
matters is the one about restoring. After a clean check the daily backup runs, and an hourly timer asks
again, so a PC left on overnight makes the next day's backup without a restart. The outcome is shown:
a short note in the status bar when it worked, a warning when the backup or its second copy failed.

Texts come from the Qt-free catalogue (``backup.ui.*``) so the command line and the window agree.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.backup import BackupResult, IntegrityReport
from app.context import AppContext
from app.i18n import render
from ui.errors import show_error
from ui.tasks import run_in_background

log = logging.getLogger("banshou.ui")

CHECK_EVERY_MS = 60 * 60 * 1000
STATUS_MS = 15_000


class BackupScheduler(QObject):
    """Owned by the main window (its Qt parent), so the timer stops when the window goes."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        run_in_background(self._window, self._ctx.backups.integrity_check, on_done=self._on_checked)

    def _on_checked(self, report: IntegrityReport) -> None:
        if not self._window.isVisible():  # closed before the check finished (the log has any damage)
            return
        if not report.ok:
            QMessageBox.critical(self._window, render("backup.ui.corrupt_title"), report.message())
            return
        self._on_timer_timeout()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        run_in_background(self._window, self._ctx.backups.run_daily_if_due, on_done=self._on_daily_done,
                          on_error=self._on_daily_failed)  # fmt: skip

    def _on_daily_failed(self, exc: BaseException) -> None:
        if self._window.isVisible():  # a closed window gets no dialog: nobody would see it behind the exit
            show_error(self._window, exc)
        else:
            log.warning("daily backup failed after the window closed: %s", exc)

    def _on_daily_done(self, result: BackupResult | None) -> None:
        if result is None or not self._window.isVisible():
            return
        if not result.verified:
            text = render(result.problem or "backup.integrity", result.problem_params)
            QMessageBox.warning(self._window, render("backup.ui.failed_title"), text)
            return
        if result.second_copy_error:
            QMessageBox.warning(self._window, render("backup.ui.second_title"), result.second_copy_error)
        self._window.statusBar().showMessage(render("backup.ui.daily_done", {"name": result.path.name}), STATUS_MS)


def start_backup_checks(window: QMainWindow, ctx: AppContext) -> BackupScheduler:
    scheduler = BackupScheduler(window, ctx)
    scheduler.start()
    return scheduler
