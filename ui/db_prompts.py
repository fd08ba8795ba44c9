"""The owner's question before a shared (PostgreSQL) database is upgraded to this PC's Banshou.

Asked by :func:`app.context.open_context` through its ``confirm_migration`` callback, before the main
window exists and before the language setting could be read (it lives in the database being asked
about), so the question is in the source language. Upgrading locks the older PCs out until they are
upgraded too, so the default answer is No.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app import __version__
from localdb.migrate import SchemaState


def confirm_schema_upgrade(state: SchemaState) -> bool:
    """True when the owner agrees to upgrade the shared database now."""
    buttons = QMessageBox.StandardButton
    text = QCoreApplication.translate(
        "DbPrompts",
        "共用数据库的结构比本机扳手 {0} 旧（{1} → {2}），需要升级后才能使用。\n\n"
        "升级后，其他电脑上较旧的扳手将无法打开数据库，必须也升级扳手。请先让其他电脑退出扳手，"
        "并确认服务器上的备份是最新的。\n\n现在升级数据库吗？（只应由店主确认）",
    ).format(__version__, state.current, state.head)
    answer = QMessageBox.question(None, QCoreApplication.translate("DbPrompts", "升级共用数据库"), text,
                                  buttons.Yes | buttons.No, buttons.No)  # fmt: skip
    return answer == buttons.Yes


__all__ = ["confirm_schema_upgrade"]
