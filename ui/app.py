"""Starting the window: application identity, a CJK font, translators, the data folder, first start.

Why the app picks its own font: a fresh Windows or Linux install may have no Chinese font Qt will choose
by default, and Chinese then renders as empty boxes. We register the shipped WenQuanYi Micro Hei and use
it unless the system has Noto Sans CJK SC, checking in both cases that the family really writes Simplified
Chinese. Why failures become message boxes: a clerk who starts the app on a locked or read-only database
needs a sentence that says what to do, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.exc import DBAPIError  # only to recognise a database that cannot be opened; no SQL here

from app.backup import check_database
from app.context import AppContext, open_context
from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.i18n import render_error, set_language
from app.paths import DataDir, resource
from app.security.log_privacy import configure_logging
from app.services.storage import classify
from app.settings import LANGUAGE, LARGE_FONT, SettingsStore
from ui.db_prompts import confirm_schema_upgrade
from ui.errors import message_for

if TYPE_CHECKING:
    from ui.sync_worker import SyncWorker

log = logging.getLogger("banshou.ui")

PREFERRED_FAMILY = "Noto Sans CJK SC"
SHIPPED_FONT = ("fonts", "wqy-microhei.ttc")
BASE_POINT_SIZE = 10
LARGE_POINT_SIZE = 13
ICON_NAMES = ("banshou.svg", "banshou.png", "banshou.ico")


def writes_chinese(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def choose_cjk_family() -> str | None:
    """Register the shipped font, then prefer a system Noto Sans CJK SC; ``None`` if nothing writes Chinese."""
    shipped: list[str] = []
    path = resource(*SHIPPED_FONT)
    if path.exists():
        font_id = QFontDatabase.addApplicationFont(str(path))
        shipped = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if PREFERRED_FAMILY in QFontDatabase.families() and writes_chinese(PREFERRED_FAMILY):
        return PREFERRED_FAMILY
    for family in shipped:
        if writes_chinese(family):
            return family
    others = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return others[0] if others else None


def apply_app_font(large: bool, family: str | None = None) -> None:
    """Set the application font (all widgets without their own font follow at once)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if family:
        font.setFamily(family)
    font.setPointSize(LARGE_POINT_SIZE if large else BASE_POINT_SIZE)
    app.setFont(font)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """English: our .qm (when built). Chinese: Qt's own strings (确定/取消, context menus) in Chinese."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        candidates = [(resource("translations"), "banshou_en")]
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        candidates = [(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), "qtbase_zh_CN")]
    for folder, name in candidates:
        translator = QTranslator(app)
        if (folder / f"{name}.qm").exists() and translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.info("translation %s not found in %s", name, folder)
    return installed


def open_or_explain(data_dir: DataDir, clock: Clock | None = None) -> tuple[AppContext | None, str]:
    """Open the data folder, or return the sentence that explains why not (never raises)."""
    try:
        return open_context(data_dir, clock, confirm_migration=confirm_schema_upgrade), ""
    except DomainError as exc:
        return None, render_error(exc)
    except (DBAPIError, OSError) as exc:  # locked, read-only, full, or a folder that cannot be created
        return None, render_error(classify(exc))
    except Exception as exc:  # an unexpected failure is logged with its traceback, shown as a sentence
        return None, message_for(exc)


def _window_icon() -> QIcon | None:
    for name in ICON_NAMES:
        path = resource("icons", name)
        if path.exists():
            return QIcon(str(path))
    return None


def _application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setOrganizationName("Banshou")
    app.setOrganizationDomain("banshou.example")
    app.setApplicationName("Banshou")
    icon = _window_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app


def main(argv: Sequence[str], data_dir: DataDir, demo: bool = False, clock: Clock | None = None) -> int:
    """Run the window on ``data_dir``; returns the process exit code."""
    configure_logging(data_dir.logs)  # scrubbed of phone numbers, passwords and tokens on every handler
    app = _application(argv)
    family = choose_cjk_family()
    if family is None:
        log.warning("no font with Simplified Chinese support found; Chinese may render as boxes")
    apply_app_font(False, family)
    ctx, problem = open_or_explain(data_dir, clock)
    if ctx is None:
        install_translators(app, "zh_CN")
        title = QCoreApplication.translate("app", "无法打开数据文件夹")
        integrity = check_database(data_dir)  # a damaged file: name the newest good backup to restore
        hint = "" if integrity.ok else f"\n\n{integrity.message()}"
        QMessageBox.critical(None, title, f"{problem}\n\n{data_dir.root}{hint}")
        return 1
    worker: SyncWorker | None = None
    try:
        settings = SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard)
        language, large = settings.get(LANGUAGE), settings.get(LARGE_FONT)
        set_language(language)
        install_translators(app, language)
        apply_app_font(large, family)
        from ui.session import sign_in_at_start  # who works: the owner's first account, or a login

        account = None if ctx.guard.in_setup() else sign_in_at_start(ctx)  # accounts exist: login first
        if account is None and not ctx.guard.in_setup():
            return 0
        if ctx.shop.get() is None:
            from ui.dialogs.shop_setup_dialog import ShopSetupDialog

            if ShopSetupDialog(ctx.shop).exec() != ShopSetupDialog.DialogCode.Accepted:
                return 0
        if account is None and not demo:  # a demo folder stays in first setup: it opens straight away
            account = sign_in_at_start(ctx)  # new or upgraded folder: the owner creates their account
            if account is None:
                return 0
        from ui.backup_startup import start_backup_checks
        from ui.live_refresh import install_live_refresh
        from ui.main_window import MainWindow  # imported late: it imports this module for the font
        from ui.sync_worker import SyncWorker

        worker = SyncWorker(ctx)
        window = MainWindow(ctx, settings=settings, demo=demo, sync_worker=worker)
        window.session.set_account(account)  # the lock screen offers this login name (ui/session.py)
        install_live_refresh(window)  # lists follow other PCs' changes (ui/live_refresh.py)
        start_backup_checks(window, ctx)  # integrity check, then the daily backup (ui/backup_startup.py)
        if window.wants_maximized():
            window.showMaximized()
        else:
            window.show()
        return app.exec()
    except DomainError as exc:  # e.g. the database became unreadable between opening and reading
        QMessageBox.critical(None, QCoreApplication.translate("app", "无法启动"), render_error(exc))
        return 1
    finally:
        if worker is not None:  # stop the upload thread before its QThread object can be destroyed
            worker.shutdown()
        QThreadPool.globalInstance().waitForDone(3000)  # let background reads finish before disposing
        ctx.close()


if __name__ == "__main__":  # pragma: no cover - `banshou` (app.cli) is the real entry point
    from app.paths import resolve_data_dir

    raise SystemExit(main(sys.argv, resolve_data_dir(None)))
