"""Restoring a backup from the window: say what will happen, verify first, confirm again, stop the
background work, restore off the GUI thread, then close the program cleanly (it must be restarted,
because every screen and service still holds state from the old database).

The order matters: nothing is stopped until the backup has verified and the owner has confirmed twice;
the editor's unsaved changes are saved or knowingly dropped before; timers, the upload thread and
background reads are stopped so the service finds no open connection (it refuses otherwise, before
changing anything). The service keeps the current database aside and takes a verified backup of it
first, so a restore is never the last copy of anything.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.backup import RestoreResult, VerifyResult
from app.context import AppContext
from app.domain.clock import to_local
from ui.errors import message_for
from ui.models.audit_model import entity_labels
from ui.tasks import run_in_background

NEEDS_PASSPHRASE = frozenset({"backup.passphrase_needed", "backup.wrong_passphrase"})
IDLE_POLL_MS = 50
IDLE_POLLS = 200  # wait up to 10 s for background reads to finish
SHOWN_COUNTS = ("work_orders", "vehicles", "waste_entries", "ratings", "audit_entries")


def size_text(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{max(size, 0) / 1024:.0f} KB"


def counts_text(counts: dict[str, int]) -> str:
    """The row counts that mean something to a shop, then the total."""
    labels = entity_labels()
    parts = [f"{labels.get(t, t)} {counts[t]:,}" for t in SHOWN_COUNTS if t in counts]
    total = sum(counts.values())
    return " · ".join([*parts, QCoreApplication.translate("BackupPage", "共 {0} 行").format(f"{total:,}")]) if counts else ""


class RestoreFlow(QObject):
    """``status_changed(text, kind)`` with kind "busy", "ok", "warn" or "error"; ``restored`` when done.

    :meth:`ask`, :meth:`ask_passphrase` and :meth:`tell` are the only dialogs (tests replace them)."""

    status_changed = Signal(str, str)
    restored = Signal(object)  # RestoreResult

    def __init__(self, ctx: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self._ctx = ctx
        self._page = page
        self._stopped: list[QTimer] = []
        self.busy = False

    # -- dialogs ------------------------------------------------------------------------------------------
    def ask(self, title: str, text: str, ok_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._page)
        ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(self._page, self.tr("备份密码"),
                                        self.tr("这份备份是加密的。请输入设置第二备份位置时用的备份密码："),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def tell(self, title: str, text: str, error: bool = False) -> None:
        (QMessageBox.critical if error else QMessageBox.information)(self._page, title, text)

    # -- verify -------------------------------------------------------------------------------------------
    def verify_only(self, path: Path) -> None:
        self._verify(path, None, lambda result, _p: self.status_changed.emit(
            self.tr("✔ {0}：{1}").format(path.name, result.message()), "ok"))

    def _verify(self, path: Path, passphrase: str | None, then: Any) -> None:
        self.status_changed.emit(self.tr("正在校验 {0}…").format(path.name), "busy")
        backups = self._ctx.backups
        run_in_background(self._page, lambda: backups.verify(path, passphrase),
                          lambda result: self._on_verified(path, passphrase, result, then), self._on_failed)

    def _on_verified(self, path: Path, passphrase: str | None, result: VerifyResult, then: Any) -> None:
        if not result.ok and result.problem_code in NEEDS_PASSPHRASE:
            if passphrase is not None:
                self.status_changed.emit("✖ " + result.message(), "error")
            asked = self.ask_passphrase()
            if asked is None:
                self.status_changed.emit(result.message(), "warn")
                return
            self._verify(path, asked, then)
            return
        if not result.ok:
            self.status_changed.emit(self.tr("✖ {0} 不能使用：{1}").format(path.name, result.message()), "error")
            return
        then(result, passphrase)

    def _on_failed(self, exc: BaseException) -> None:
        self.busy = False
        self.status_changed.emit("✖ " + message_for(exc), "error")

    # -- restore ------------------------------------------------------------------------------------------
    def start(self, path: Path, made_at: datetime | None) -> None:
        if self.busy:
            return
        when = to_local(made_at).strftime("%Y-%m-%d %H:%M") if made_at else path.name
        text = self.tr(
            "用 {0} 的备份替换现在的全部数据吗？\n\n"
            "· 恢复前，现在的数据库会先做一份“恢复前”备份，并原样保留在 backups 文件夹里；\n"
            "· 这份备份之后录入的工单、台账等，不会出现在恢复后的数据里；\n"
            "· 先校验备份文件，校验不通过就不会恢复。\n\n"
            "恢复完成后扳手会关闭，需要重新启动。").format(when)
        if self.ask(self.tr("恢复备份"), text, self.tr("继续")):
            self._verify(path, None, lambda result, passphrase: self._confirm(path, passphrase, result))

    def _confirm(self, path: Path, passphrase: str | None, result: VerifyResult) -> None:
        text = self.tr("备份校验通过：{0}。\n\n现在恢复吗？开始后不能取消；完成后扳手会关闭，请重新启动。").format(
            counts_text(result.counts))
        if not self.ask(self.tr("确认恢复"), text, self.tr("恢复并关闭扳手")):
            self.status_changed.emit(self.tr("没有恢复。"), "warn")
            return
        window = self._page.window()
        leave = getattr(window, "_leave_editor", None)
        if leave is None:
            self._stop_and_restore(path, passphrase)
        elif not leave(lambda: self._stop_and_restore(path, passphrase)):
            self.status_changed.emit(self.tr("没有恢复。"), "warn")

    def _stop_and_restore(self, path: Path, passphrase: str | None) -> None:
        self.busy = True
        self.status_changed.emit(self.tr("正在停止后台工作…"), "busy")
        window = self._page.window()
        editor = getattr(window, "editor_page", None)
        if editor is not None:
            editor.close_order()  # saved or dropped just now: nothing must write after the restore
        self._stopped = [t for t in window.findChildren(QTimer) if t.isActive()]
        for timer in self._stopped:
            timer.stop()
        worker = getattr(window, "sync_worker", None)
        self._wait_idle(IDLE_POLLS, lambda: self._restore(path, passphrase, worker))

    def _wait_idle(self, polls: int, then: Any) -> None:
        if polls <= 0 or QThreadPool.globalInstance().activeThreadCount() == 0:
            then()
            return
        QTimer.singleShot(IDLE_POLL_MS, lambda: self._wait_idle(polls - 1, then))

    def _restore(self, path: Path, passphrase: str | None, worker: Any) -> None:
        self.status_changed.emit(self.tr("正在恢复，请不要关闭电脑…"), "busy")
        backups = self._ctx.backups

        def job() -> RestoreResult:
            if worker is not None:
                worker.shutdown()  # the upload thread holds connections too
            return backups.restore(path, passphrase)

        run_in_background(self._page, job, self._on_restored, self._on_restore_failed)

    def _on_restored(self, result: RestoreResult) -> None:
        self.busy = False
        lines = [self.tr("已从 {0} 恢复。").format(result.restored_from.name)]
        if result.kept_aside is not None:
            lines.append(self.tr("原来的数据库保留为：{0}").format(result.kept_aside))
        if result.pre_restore_backup is not None:
            lines.append(self.tr("恢复前的备份：{0}").format(result.pre_restore_backup.name))
        if result.migrated:
            lines.append(self.tr("这份备份来自较早的版本，已升级到当前版本。"))
        lines.append("")
        lines.append(self.tr("扳手现在关闭。请重新启动扳手，用恢复后的数据继续工作。"))
        self.status_changed.emit(lines[0], "ok")
        self.restored.emit(result)
        self.tell(self.tr("恢复完成"), "\n".join(lines))
        QTimer.singleShot(0, self._page.window().close)

    def _on_restore_failed(self, exc: BaseException) -> None:
        self.busy = False
        for timer in self._stopped:
            timer.start()
        self._stopped = []
        text = self.tr("恢复没有完成：{0}\n\n现在的数据库没有被替换（恢复不会留下一半的数据）。"
                       "上传已暂停，请关闭并重新启动扳手。").format(message_for(exc))
        self.status_changed.emit("✖ " + message_for(exc), "error")
        self.tell(self.tr("恢复没有完成"), text, error=True)
