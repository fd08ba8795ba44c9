"""One off-thread helper (after Anki's QueryOp): run a callable on the thread pool, then call ``on_done``
or ``on_error`` on the GUI thread. A :class:`~app.domain.errors.DomainError` is shown as its translated
message by default, so no screen ever shows a traceback and none blocks the event loop on I/O.

Callbacks are dropped once ``parent`` has been destroyed (a dialog closed, a window shut while the job
ran): touching its widgets would raise "C++ object already deleted".

A permission refusal (``auth.denied``, ``auth.login_required``) for a screen nobody can see — a page the
current role does not have, or any page while the window is locked — is logged, not shown: such screens
refresh themselves in the background, and a message box about a screen that is not on offer would only
confuse (the refusal itself is in the audit trail). A refusal on a visible screen is shown as usual."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from app.domain.errors import DomainError
from ui.errors import show_error

log = logging.getLogger("banshou.ui")


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure is reported on the GUI thread
            self._relay.failed.emit(exc)
        else:
            self._relay.finished.emit(result)


_live: set[_Relay] = set()


def _refused_out_of_sight(parent: QWidget | None, exc: BaseException) -> bool:
    if parent is None or parent.isVisible() or not isinstance(exc, DomainError):
        return False
    return any(issue.code in ("auth.denied", "auth.login_required") for issue in exc.issues)


def run_in_background(
    parent: QWidget | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn`` off the GUI thread. Without ``on_error`` a failure is shown as a message box."""
    relay = _Relay()
    _live.add(relay)

    def _owner_gone() -> bool:
        return parent is not None and not shiboken6.isValid(parent)

    def _finished(result: object) -> None:
        _live.discard(relay)
        if on_done is not None and not _owner_gone():
            on_done(result)

    def _failed(exc: object) -> None:
        _live.discard(relay)
        assert isinstance(exc, BaseException)
        if _owner_gone():
            log.info("background job failed after its screen closed", exc_info=exc)
        elif on_error is None and _refused_out_of_sight(parent, exc):
            log.info("background job of a hidden screen was refused: %s", exc)
        elif on_error is not None:
            on_error(exc)
        else:
            show_error(parent, exc)

    relay.finished.connect(_finished)
    relay.failed.connect(_failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))
