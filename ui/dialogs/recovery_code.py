"""The owner's recovery code, shown once, large, with a Print button and an "I have it" tick.

Used after the owner's account is created and after a recovery (which uses the old code up and makes a
new one). The code is never stored in clear and never written to disk by the program: the sheet is
rendered in memory and sent to the printer (``app.reports.recovery_sheet``). Continuing needs the tick,
because a code not written down is a forgotten password with no way back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import language
from app.reports.recovery_sheet import render_recovery_sheet
from ui.dialogs.print_preview import print_document
from ui.errors import message_for
from ui.tasks import run_in_background


@dataclass(frozen=True)
class SheetInfo:
    """What the printed sheet says besides the code."""

    shop_name: str
    owner_name: str
    username: str
    printed_on: date


def spaced(code: str) -> str:
    """``ABCDE-FGHJK-…`` with thin gaps around the dashes, easier to copy by hand."""
    return code.replace("-", " - ")


class RecoveryCodePanel(QWidget):
    """The code in large monospace type, what it is for, Print, and the confirmation tick."""

    confirmed_changed = Signal(bool)

    def __init__(self, info: Callable[[], SheetInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._info = info
        self._code = ""
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)
        self.title = QLabel(self.tr("请抄写或打印店主恢复码"))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.code = QLabel()
        self.code.setObjectName("recoveryCode")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(self.font().pointSizeF(), 10) * 2.2)
        mono.setBold(True)
        self.code.setFont(mono)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("#recoveryCode { background: #fffde7; border: 2px solid #263238;"
                                " border-radius: 6px; padding: 14px; color: #1a1a1a; }")
        self.explain = QLabel(self.tr(
            "忘记店主密码时，只有这个恢复码能重新设置密码（登录窗口的“忘记店主密码”）。"
            "请打印出来或工整抄写，锁在抽屉或保险柜里；不要拍照，不要存在电脑或手机里。"
            "恢复码只显示这一次，程序里不保存原文。"))
        self.explain.setWordWrap(True)
        self.passphrase_hint = QLabel(self.tr(
            "打印的纸上还留有一行，用来手写备份加密口令（设置第二备份位置时用），两样东西放在一起保管。"))
        self.passphrase_hint.setWordWrap(True)
        self.passphrase_hint.setStyleSheet("color: #555555;")
        self.print_button = QPushButton(self.tr("打印恢复码…"))
        self.print_button.setMinimumHeight(36)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.confirm = QCheckBox(self.tr("我已抄写或打印恢复码，并会妥善保管"))
        confirm_font = QFont(self.confirm.font())
        confirm_font.setBold(True)
        self.confirm.setFont(confirm_font)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.code)
        layout.addWidget(self.explain)
        layout.addWidget(self.passphrase_hint)
        layout.addLayout(row)
        layout.addWidget(line)
        layout.addWidget(self.confirm)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.confirm.toggled.connect(self.confirmed_changed)

    def set_code(self, code: str) -> None:
        self._code = code
        self.code.setText(spaced(code))
        self.confirm.setChecked(False)
        self.status.clear()

    def is_confirmed(self) -> bool:
        return self.confirm.isChecked()

    def sheet_pdf(self) -> bytes:
        """The printed sheet (rendered in memory; also what the tests read back)."""
        info = self._info()
        return render_recovery_sheet(self._code, info.shop_name, info.owner_name, info.username, info.printed_on,
                                     lang=language())

    def _on_print_button_clicked(self) -> None:
        self.print_button.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("正在准备打印…"))
        run_in_background(self, self.sheet_pdf, self._on_sheet_ready, self._on_sheet_failed)

    def _on_sheet_ready(self, data: bytes) -> None:
        self.print_button.setEnabled(True)
        self.status.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("店主恢复码"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = print_document(self.document, printer)
            self.status.setText(self.tr("已发送 {0} 页到打印机。请取回打印件。").format(pages))
        self.document.close()
        self._buffer.close()
        self._buffer = None

    def _on_sheet_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(message_for(exc))
