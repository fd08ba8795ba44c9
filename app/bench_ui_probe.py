"""Cold start to the first painted work-order list, measured in a fresh process (run by :mod:`app.bench`).

Usage: ``python -m app.bench_ui_probe <started_at> <data folder> <pages to scroll>``, where ``started_at``
is ``time.time()`` taken by the parent just before it started this process, so the figure includes the
interpreter, the imports, Qt, opening (and checking the schema of) the database and the first page.

The probe starts the real window the way ``banshou`` does (``ui.app.main``), switches to the 工单 area as
soon as the window is shown (as a clerk clicking it at once would), and stops the clock when the table's
viewport has painted with rows in it. It then scrolls a few pages (each ``fetchMore`` reads one page on
the GUI thread) and reports the peak resident memory. One line of JSON goes to stdout.

This is the only module in ``app/`` that imports Qt: it is never imported by the app itself, only run.
If the window cannot be built (a screen is missing while it is being written), it falls back to the
orders page alone and says so in ``variant``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTableView, QWidget

from app.paths import DataDir


def _maxrss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


class _Watcher(QObject):
    """Application-wide event filter: switches to the list when the window shows, times the first paint."""

    def __init__(self, started_at: float, scroll_pages: int, switch_to_list: Any) -> None:
        super().__init__()
        self.started_at = started_at
        self.scroll_pages = scroll_pages
        self.switch_to_list = switch_to_list  # callable(window) or None
        self.switched = False
        self.table: QTableView | None = None
        self.result: dict[str, Any] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and not self.switched and self.switch_to_list is not None:
            if isinstance(obj, QWidget) and obj.isWindow() and hasattr(obj, "orders_page"):
                self.switched = True
                QTimer.singleShot(0, lambda: self.switch_to_list(obj))
        elif kind == QEvent.Type.Paint and self.table is None:
            table = obj.parent() if isinstance(obj, QWidget) else None
            if isinstance(table, QTableView) and table.viewport() is obj and _is_order_list(table):
                self.table = table
                QTimer.singleShot(0, self._painted)  # after this paint has finished
        return False

    def _painted(self) -> None:
        assert self.table is not None
        self.result["first_paint_s"] = time.time() - self.started_at
        self.result["rss_first_paint_mb"] = _maxrss_mb()
        model = self.table.model()
        for _ in range(self.scroll_pages):
            model.fetchMore()
            self.table.scrollToBottom()
            QApplication.processEvents()
        self.result["rows_loaded"] = model.rowCount()
        self.result["peak_rss_mb"] = _maxrss_mb()
        QApplication.instance().quit()


def _is_order_list(table: QTableView) -> bool:
    model = table.model()
    return model is not None and type(model).__name__ == "OrderListModel" and model.rowCount() > 0


def _run_window(app: QApplication, folder: Path, watcher: _Watcher) -> str:
    from ui.app import main as gui_main
    from ui.main_window import AREA_ORDERS

    watcher.switch_to_list = lambda window: window.nav.setCurrentRow(AREA_ORDERS)
    # demo=True: the seeded folder has no accounts, and the owner-account dialog would wait for a person;
    # a real start measures from the login dialog's OK instead.
    gui_main(sys.argv[:1], DataDir(folder), demo=True)
    return "ui.app.main → MainWindow → 工单"


def _run_orders_page(app: QApplication, folder: Path, watcher: _Watcher) -> str:
    from app.context import open_context
    from ui.pages.orders_page import OrdersPage

    ctx = open_context(DataDir(folder))
    try:
        page = OrdersPage(ctx)
        page.resize(1366, 768)
        page.show()
        app.exec()
    finally:
        ctx.close()
    return "OrdersPage alone (MainWindow unavailable)"


def main(argv: list[str]) -> int:
    started_at, folder, scroll_pages = float(argv[1]), Path(argv[2]), int(argv[3])
    app = QApplication(argv[:1])
    watcher = _Watcher(started_at, scroll_pages, None)
    app.installEventFilter(watcher)
    try:
        variant = _run_window(app, folder, watcher)
    except ImportError as exc:
        variant = f"{_run_orders_page(app, folder, watcher)}: {exc}"
    watcher.result["variant"] = variant
    print(json.dumps(watcher.result))
    return 0 if "first_paint_s" in watcher.result else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
