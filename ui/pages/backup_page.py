"""备份与恢复: back up now, see every backup, choose the second folder (USB disk, NAS) and its passphrase,
and restore (:mod:`ui.pages.backup_restore`).

Every backup is verified by the service (integrity check, opens, row counts match) and the page says so
plainly — green when verified and copied, amber when the local backup is fine but the second copy failed,
red when the backup itself failed. All file work runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup import MIN_PASSPHRASE, BackupInfo, BackupResult
from app.context import AppContext
from app.domain.clock import to_local
from app.i18n import render
from ui.dialogs.password_dialogs import PasswordPair
from ui.errors import message_for
from ui.pages.backup_restore import RestoreFlow, counts_text, size_text
from ui.tasks import run_in_background
from ui.widgets.form_helpers import FieldMessage, FormFeedback, scaled_font

GREEN, RED, AMBER = ("#1b5e20", "#e8f5e9"), ("#b71c1c", "#ffebee"), ("#7a4500", "#fff4e0")
INFO_ROLE = Qt.ItemDataRole.UserRole + 1


class BackupView(QWidget):
    """Widgets only: back-up-now with its verdict, the second folder, and the list with its actions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("备份与恢复"))
        title.setFont(scaled_font(self, 1.4, bold=True))
        hint = QLabel(self.tr("扳手每天自动备份一次（保留最近 7 天、4 周和 12 个月），升级前和恢复前也会先备份；"
                              "每份备份都会校验能否打开、数据是否完整。"), wordWrap=True)
        hint.setStyleSheet("color: #555555;")
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setMinimumHeight(40)
        self.backup_button.setFont(scaled_font(self, 1.15, bold=True))
        self.backup_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.verdict = QLabel(wordWrap=True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.hide()
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.verdict, 1)
        now_row.addStretch(0)

        self.second_folder = QLineEdit(readOnly=True, placeholderText=self.tr("未设置：备份只保存在这台电脑上"))
        self.choose_button = QPushButton(self.tr("选择文件夹…"))
        self.passphrase = PasswordPair(self, MIN_PASSPHRASE, "backup.passphrase_short")
        self.save_second = QPushButton(self.tr("保存第二备份位置"))
        self.stop_second = QPushButton(self.tr("停止使用"))
        self.second_message = FieldMessage(self)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.second_folder, 1)
        folder_row.addWidget(self.choose_button)
        second_box = QGroupBox(self.tr("第二备份位置（U 盘或网络文件夹）"))
        second_layout = QVBoxLayout(second_box)
        form = QFormLayout()
        form.addRow(self.tr("文件夹"), folder_row)
        form.addRow(self.tr("备份密码"), self.passphrase)
        note = QLabel(self.tr("复制到这里的备份用备份密码加密。请把密码手写在恢复码那张纸上；电脑丢失或损坏时，"
                              "只有这个密码能打开这些备份。只换文件夹时可以不填密码。"), wordWrap=True)
        note.setStyleSheet("color: #555555;")
        form.addRow("", note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_second)
        buttons.addWidget(self.save_second)
        second_layout.addLayout(form)
        second_layout.addLayout(buttons)
        second_layout.addWidget(self.second_message)
        second_layout.addStretch(1)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("备份时间"), self.tr("类型"), self.tr("位置"), self.tr("大小"),
                                              self.tr("加密"), self.tr("校验")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((150, 100, 110, 80, 90)):
            header.resizeSection(col, width)
        self.empty = QLabel(self.tr("还没有备份。点“立即备份”做第一份。"))
        self.empty.setStyleSheet("color: #616161;")
        self.verify_button = QPushButton(self.tr("校验所选"))
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"))
        self.restore_file_button = QPushButton(self.tr("从其他文件恢复…"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.list_status = QLabel(wordWrap=True)
        list_buttons = QHBoxLayout()
        for button in (self.verify_button, self.restore_button, self.restore_file_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.refresh_button)
        list_box = QGroupBox(self.tr("已有备份"))
        list_layout = QVBoxLayout(list_box)
        list_layout.addLayout(list_buttons)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.list_status)

        columns = QHBoxLayout()
        columns.addWidget(list_box, 3)
        columns.addWidget(second_box, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(now_row)
        layout.addLayout(columns, 1)

    def show_verdict(self, text: str, colours: tuple[str, str]) -> None:
        fg, bg = colours
        self.verdict.setStyleSheet(f"color: {fg}; background: {bg}; padding: 8px; border-radius: 4px;")
        self.verdict.setText(text)
        self.verdict.show()


class BackupPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._chosen_folder: Path | None = None
        self.result: BackupResult | None = None
        self.backups: list[BackupInfo] = []
        self.view = BackupView(self)
        self.restore = RestoreFlow(ctx, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.second_feedback = FormFeedback(self.view.second_message)
        self.second_feedback.register(self.view.passphrase.message, "passphrase")
        v = self.view
        v.backup_button.clicked.connect(self.back_up_now)
        v.choose_button.clicked.connect(self._on_choose_button_clicked)
        v.save_second.clicked.connect(self._on_save_second_clicked)
        v.stop_second.clicked.connect(self._on_stop_second_clicked)
        v.verify_button.clicked.connect(self._on_verify_button_clicked)
        v.restore_button.clicked.connect(self._on_restore_button_clicked)
        v.restore_file_button.clicked.connect(self._on_restore_file_button_clicked)
        v.refresh_button.clicked.connect(self.refresh)
        v.table.itemSelectionChanged.connect(self._update_buttons)
        self.restore.status_changed.connect(self._on_restore_status_changed)
        self._update_buttons()

    # -- list --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        backups = self._ctx.backups
        run_in_background(self, lambda: (backups.list(), backups.second_folder()), self._on_listed, self._on_failed)

    def _on_listed(self, result: tuple[list[BackupInfo], Path | None]) -> None:
        self.backups, folder = result
        kinds = {"daily": self.tr("每日自动"), "manual": self.tr("手动"), "pre-migration": self.tr("升级前"),
                 "pre-restore": self.tr("恢复前")}
        t = self.view.table
        t.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            checked = {True: self.tr("✔ 已校验"), False: self.tr("✖ 未通过"), None: "—"}[info.verified]
            cells = (to_local(info.made_at).strftime("%Y-%m-%d %H:%M"), kinds.get(info.kind, info.kind),
                     self.tr("本机") if info.location == "local" else self.tr("第二备份位置"), size_text(info.size),
                     self.tr("是") if info.encrypted else self.tr("否"), checked)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(INFO_ROLE, info)
                item.setToolTip(str(info.path))
                t.setItem(row, col, item)
        self.view.empty.setVisible(not self.backups)
        self.view.second_folder.setText(str(folder) if folder else "")
        self._chosen_folder = folder
        self.view.stop_second.setEnabled(folder is not None)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        items = self.view.table.selectedItems()
        value = items[0].data(INFO_ROLE) if items else None
        return value if isinstance(value, BackupInfo) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.view.verify_button.setEnabled(chosen)
        self.view.restore_button.setEnabled(chosen)

    def _on_failed(self, exc: BaseException) -> None:
        self.view.list_status.setStyleSheet(f"color: {RED[0]};")
        self.view.list_status.setText(message_for(exc))

    # -- back up now -------------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        v = self.view
        v.backup_button.setEnabled(False)
        v.backup_button.setText(self.tr("正在备份…"))
        v.show_verdict(self.tr("正在备份并校验，请稍候…"), ("#37474f", "#eceff1"))
        backups = self._ctx.backups
        run_in_background(self, lambda: backups.run("manual"), self._on_backed_up, self._on_backup_failed)

    def _on_backed_up(self, result: BackupResult) -> None:
        self.result = result
        v = self.view
        v.backup_button.setEnabled(True)
        v.backup_button.setText(self.tr("立即备份"))
        if not result.verified:
            problem = render(result.problem or "backup.failed", {"reason": "", **result.problem_params})
            v.show_verdict(self.tr("✖ 备份没有通过校验，已删除这份不可靠的副本：{0}").format(problem), RED)
        else:
            lines = [self.tr("✔ 备份完成并已校验：{0}（{1}）").format(result.path.name, size_text(result.size_bytes)),
                     counts_text(result.counts)]
            colours = GREEN
            if result.second_copy is not None:
                lines.append(self.tr("✔ 已加密复制到第二备份位置：{0}").format(result.second_copy))
            elif result.second_copy_error:
                lines.append(self.tr("⚠ 第二备份位置没有复制成功：{0}").format(result.second_copy_error))
                colours = AMBER
            v.show_verdict("\n".join(lines), colours)
        self.refresh()

    def _on_backup_failed(self, exc: BaseException) -> None:
        v = self.view
        v.backup_button.setEnabled(True)
        v.backup_button.setText(self.tr("立即备份"))
        v.show_verdict("✖ " + message_for(exc), RED)

    # -- second folder -----------------------------------------------------------------------------------
    def _on_choose_button_clicked(self) -> None:
        start = str(self._chosen_folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择第二备份位置"), start)
        if folder:
            self.choose_folder(Path(folder))

    def choose_folder(self, folder: Path) -> None:
        self._chosen_folder = folder
        self.view.second_folder.setText(str(folder))

    def _on_save_second_clicked(self) -> None:
        self.second_feedback.clear()
        folder = self._chosen_folder
        if folder is None:
            self.view.second_message.show_error(self.tr("请先选择文件夹。"))
            return
        pair = self.view.passphrase
        passphrase: str | None = None
        if pair.first.text() or pair.second.text():
            if not pair.check():
                return
            passphrase = pair.password()
        backups = self._ctx.backups
        self.view.save_second.setEnabled(False)
        run_in_background(self, lambda: backups.set_second_folder(folder, passphrase),
                          lambda _r: self._on_second_saved(self.tr("已保存：以后的每日和手动备份会加密复制到 {0}").format(folder)),
                          self._on_second_failed)

    def _on_stop_second_clicked(self) -> None:
        backups = self._ctx.backups
        self.view.stop_second.setEnabled(False)
        run_in_background(self, lambda: backups.set_second_folder(None, None),
                          lambda _r: self._on_second_saved(self.tr("已停止使用第二备份位置；备份只保存在这台电脑上。")),
                          self._on_second_failed)

    def _on_second_saved(self, text: str) -> None:
        self.view.save_second.setEnabled(True)
        self.view.passphrase.clear()
        self.view.second_message.setStyleSheet(f"color: {GREEN[0]};")
        self.view.second_message.setText(text)
        self.view.second_message.show()
        self.refresh()

    def _on_second_failed(self, exc: BaseException) -> None:
        self.view.save_second.setEnabled(True)
        self.view.stop_second.setEnabled(True)
        self.second_feedback.show_exception(exc)

    # -- verify and restore ------------------------------------------------------------------------------
    def _on_verify_button_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore.verify_only(info.path)

    def _on_restore_button_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.restore.start(info.path, info.made_at)

    def _on_restore_file_button_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(Path.home()),
                                                    self.tr("扳手备份 (*.db *.banshou-backup);;所有文件 (*)"))
        if name:
            self.restore.start(Path(name), None)

    def _on_restore_status_changed(self, text: str, kind: str) -> None:
        colour = {"ok": GREEN[0], "error": RED[0], "warn": AMBER[0]}.get(kind, "#37474f")
        self.view.list_status.setStyleSheet(f"color: {colour};")
        self.view.list_status.setText(text)
