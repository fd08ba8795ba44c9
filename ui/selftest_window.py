"""The self-test's window check (``banshou --self-test``): build the real main window and paint it.

It lives in ``ui/`` because ``app/`` must not import Qt; ``app/cli.py`` hands it to
:func:`app.selftest.run_self_test`. Why it paints instead of only constructing: a missing Qt platform
plugin, image-format plugin or font shows up only when pixels are produced, so the check grabs the
window and requires a non-empty pixmap that is not one flat colour. It also reports how long after the
process started the window was first painted – the bundle's cold-start figure in ``docs/benchmarks.md``.
QSettings go to the self-test's own folder so the shop's saved window geometry is neither read nor
overwritten.
"""

from __future__ import annotations

import os
import time
from typing import Any

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from app.selftest import CheckFailed, seconds_since_process_start
from app.settings import SettingsStore

PAINT_ROUNDS = 5


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(["banshou", "--self-test"])
    app.setOrganizationName("Banshou")
    app.setApplicationName("Banshou-selftest")
    return app


def check_window(ctx: Any) -> tuple[str, float | None]:
    """Show :class:`ui.main_window.MainWindow` on ``ctx`` and check its painted pixmap; returns the detail
    line and the seconds from process start to the first paint, or raises :class:`app.selftest.CheckFailed`."""
    started = time.perf_counter()
    settings_dir = ctx.data_dir.root / "qsettings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    app = _application()
    from ui.app import apply_app_font, choose_cjk_family, install_translators
    from ui.main_window import MainWindow

    family = choose_cjk_family()
    if family is None:
        raise CheckFailed("no font with Simplified Chinese found (shipped font missing?)")
    apply_app_font(False, family)
    if not install_translators(app, "zh_CN"):  # Qt's own Chinese (确定/取消): missing data in a bundle
        raise CheckFailed("Qt's Chinese translation (qtbase_zh_CN.qm) not found")
    window = MainWindow(ctx, settings=SettingsStore(ctx.db, ctx.shop.get, guard=ctx.guard))
    try:
        window.show()
        for _ in range(PAINT_ROUNDS):
            app.processEvents()
        image = window.grab().toImage()
        since_start = seconds_since_process_start()
        cpu_so_far = time.process_time()  # CPU seconds of the whole process: steadier on a shared machine
        if image.isNull() or image.width() < 200 or image.height() < 200:
            raise CheckFailed(f"painted pixmap is empty ({image.width()}×{image.height()})")
        step = max(1, image.width() // 40)
        colours = {image.pixel(x, image.height() // 2) for x in range(0, image.width(), step)}
        if len(colours) < 2:
            raise CheckFailed("painted window is a single flat colour")
        shot = os.environ.get("BANSHOU_SELFTEST_SCREENSHOT")
        if shot:
            image.save(shot)
    finally:
        window.hide()
        QThreadPool.globalInstance().waitForDone(5000)  # background reads use ctx; finish before it closes
        app.processEvents()
        window.deleteLater()
        app.processEvents()
    platform = QApplication.platformName()
    first_paint = f", first paint {since_start:.2f} s after process start" if since_start is not None else ""
    first_paint += f" (CPU {cpu_so_far:.2f} s)"
    detail = (f"{image.width()}×{image.height()} painted on '{platform}' with font '{family}' in "
              f"{time.perf_counter() - started:.2f} s{first_paint}")  # fmt: skip
    return detail, since_start
