"""Showing failures to a person: a translated sentence, never a traceback (that goes to the log)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.errors import DomainError
from app.i18n import render_error

log = logging.getLogger("banshou.ui")


def message_for(exc: BaseException) -> str:
    if isinstance(exc, DomainError):
        return render_error(exc)
    log.exception("unexpected error", exc_info=exc)
    return QCoreApplication.translate("errors", "发生了意外错误，已记录到日志。已输入的内容没有丢失。\n{0}").format(
        type(exc).__name__
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("errors", "无法完成"), message_for(exc))
