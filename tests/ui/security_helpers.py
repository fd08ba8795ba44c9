"""Helpers for the account, login and audit UI tests: accounts made through the real service (Argon2),
and screenshots of dialogs drawn over the 1366×768 window (or screen) they appear on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from app.context import AppContext
from app.security.accounts import Account

OWNER_PASSWORD = "Laoban-2026"
STAFF_PASSWORD = "Temp-pass-77"
DESIGN = QSize(1366, 768)
TITLE_BAR = 30


def with_owner(ctx: AppContext) -> Account:
    """The owner's account (logged in afterwards, as after the first-start dialog)."""
    return ctx.accounts.create_owner("张建国", "boss", OWNER_PASSWORD).account


def add_staff_account(ctx: AppContext, name: str, username: str, role: str, *, ready: bool = True) -> Account:
    """An account the owner added; with ``ready`` its owner has already set their own password."""
    account = ctx.accounts.add(name, username, role, STAFF_PASSWORD)
    if ready:
        owner = ctx.guard.actor
        ctx.accounts.login(username, STAFF_PASSWORD)
        ctx.accounts.change_own_password(STAFF_PASSWORD, STAFF_PASSWORD + "x")
        if owner is not None:
            ctx.guard.login(owner)  # back to whoever was working (no audit noise needed here)
    return account


def staff_password(ready: bool = True) -> str:
    return STAFF_PASSWORD + "x" if ready else STAFF_PASSWORD


def dialog_over(dialog: QWidget, path: Path, background: QWidget | None = None) -> Path:
    """Save ``dialog`` as it appears centred over ``background`` (a window grabbed at its size) or over
    a plain 1366×768 desktop, with a simple title bar (offscreen windows have no decorations)."""
    QApplication.processEvents()  # pending layout requests (a message just shown or hidden) first
    canvas = background.grab() if background is not None else QPixmap(DESIGN)
    if background is None:
        canvas.fill(QColor("#455a64"))
    shot = dialog.grab()
    width, height = shot.width(), shot.height() + TITLE_BAR
    x, y = (canvas.width() - width) // 2, max(0, (canvas.height() - height) // 2)
    painter = QPainter(canvas)
    painter.fillRect(QRect(x + 4, y + 4, width, height), QColor(0, 0, 0, 60))
    painter.fillRect(QRect(x, y, width, TITLE_BAR), QColor("#eceff1"))
    painter.setPen(QColor("#263238"))
    painter.drawText(QRect(x + 12, y, width - 24, TITLE_BAR), Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle())
    painter.drawPixmap(x, y + TITLE_BAR, shot)
    painter.setPen(QColor("#90a4ae"))
    painter.drawRect(QRect(x, y, width - 1, height - 1))
    painter.end()
    canvas.save(str(path))
    return path
