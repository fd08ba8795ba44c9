"""The one long-lived thread that drives the Qt-free sync engine and reports in plain-data signals.

Why a QThread of its own (not the shared pool): the engine loops for the life of the window, sleeping
between passes; a pool job would pin a pool thread forever. The engine and every database read it
needs run here, so the GUI thread only receives frozen dataclasses (:class:`SyncOverview`,
:class:`RowChange`) through queued signals and never waits on SQL or HTTP.
"""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QThread, Signal

from app.context import AppContext
from app.domain.errors import DomainError
from app.ehr.connection import open_sync
from app.ehr.overview import overview
from app.ehr.ratings_fetch import RatingsPoller
from app.ehr.results import explain
from app.ehr.sync import DrainCounts, RowChange, SyncPolicy
from app.i18n import render, render_error
from app.security.credentials import CredentialStore

_log = logging.getLogger("banshou.ui.sync")
OVERVIEW_EVERY_S = 2.0  # an idle queue is re-read this often (ages move even when nothing is sent)
SETUP_RETRY_S = 10.0


class SyncWorker(QThread):
    overview_changed = Signal(object)  # SyncOverview
    row_state_changed = Signal(object)  # RowChange
    problem_changed = Signal(str)  # a sentence for the status bar / sync page; "" when all is well
    mode_changed = Signal(bool)  # True while uploading to the training sandbox

    def __init__(self, ctx: AppContext, credentials: CredentialStore | None = None,
                 policy: SyncPolicy | None = None) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName("sync-worker")
        self._ctx = ctx
        self._credentials = credentials or CredentialStore()
        self._policy = policy
        self._quit = threading.Event()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._last_overview = 0.0
        self.ratings_poller = RatingsPoller(ctx.ratings, ctx.db, ctx.clock)  # new owner ratings, after passes

    # -- called from the GUI thread ----------------------------------------------------------------

    def wake(self) -> None:
        """Something was settled or "retry now" was pressed: look at the queue at once."""
        self._wake.set()

    def reconfigure(self) -> None:
        """The EHR settings changed: finish the current pass and rebuild the engine with the new ones."""
        self._stop.set()
        self._wake.set()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self._quit.set()
        self._stop.set()
        self._wake.set()
        self.wait(timeout_ms)

    # -- the thread ------------------------------------------------------------------------------

    def run(self) -> None:
        # Uploads and rating fetches are the system's work, recorded as such and never refused because of
        # who sits at the desk (a technician may not import ratings; the system fetching them may).
        with self._ctx.guard.as_system():
            self._run()

    def _run(self) -> None:
        while not self._quit.is_set():
            self._stop = threading.Event()
            try:
                with open_sync(self._ctx, self._credentials, policy=self._policy,
                               on_change=self.row_state_changed.emit) as setup:  # fmt: skip
                    self.mode_changed.emit(setup.is_training)
                    self.problem_changed.emit("")
                    self._emit_overview(force=True)
                    setup.engine.run(self._stop, self._wake, on_pass=self._after_pass(setup.engine))
            except DomainError as exc:
                self.problem_changed.emit(render_error(exc))
                self._emit_overview(force=True)
                self._stop.wait(SETUP_RETRY_S)
            except Exception:  # never let the worker die silently: log, say so, try again
                _log.exception("sync worker failed")
                self.problem_changed.emit(render("sync.internal_error", {"reason": "worker"}))
                self._stop.wait(SETUP_RETRY_S)

    def _after_pass(self, engine: object) -> object:
        def after(counts: DrainCounts) -> None:
            problem = getattr(engine, "auth_problem", None)
            if counts.paused and problem is not None:
                self.problem_changed.emit(render("sync.auth_paused") + "\n" + explain(problem))
            elif counts.accepted or counts.duplicates:
                self.problem_changed.emit("")
            self._emit_overview(force=bool(counts.changes))
            client = getattr(engine, "client", None)
            if client is not None:
                self.ratings_poller.maybe_fetch(client)  # at most every 30 min, or when asked from 经营看板

        return after

    def _emit_overview(self, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._last_overview < OVERVIEW_EVERY_S:
            return
        self._last_overview = now
        try:
            self.overview_changed.emit(overview(self._ctx.db, self._ctx.clock))
        except DomainError as exc:  # a locked database: the next pass tries again
            _log.warning("sync overview failed: %s", exc.code)


__all__ = ["RowChange", "SyncWorker"]
