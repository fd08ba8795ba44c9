"""``run_in_background`` for screens that can be closed while their job runs.

A job's callbacks arrive later on the GUI thread; if the page or dialog that asked has been destroyed
meanwhile (window closed, dialog dismissed), touching its widgets raises "C++ object already deleted".
The callbacks are therefore dropped once their owner is gone. (This could move into
:func:`ui.tasks.run_in_background` itself; kept separate so that module keeps one owner.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QWidget

from ui.errors import show_error
from ui.tasks import run_in_background


def _while_alive(owner: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


def run_while_alive(
    owner: QWidget,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Like :func:`ui.tasks.run_in_background`; failures without ``on_error`` are shown as a message."""
    done = _while_alive(owner, on_done) if on_done is not None else None
    error = _while_alive(owner, on_error or (lambda exc: show_error(owner, exc)))
    run_in_background(owner, fn, done, error)
