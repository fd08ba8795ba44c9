"""One object bundling the waste services over one database and clock, for :class:`~app.context.AppContext`.

Why a bundle instead of six context fields: the services share the configuration and the ledger, and the
waste screen, the CLI and the tests all want them together.
"""

from __future__ import annotations

from collections.abc import Callable

from app.domain.clock import Clock
from app.security.guard import Guard
from app.security.privacy import ExportGate
from app.waste.alerts import AlertService
from app.waste.collectors import CollectorService
from app.waste.config import WasteConfig, WasteConfigStore
from app.waste.expected import ExpectedWasteService
from app.waste.handoffs import HandoffService
from app.waste.ledger import LedgerService
from app.waste.reports import ReportService
from localdb.engine import Database


class WasteService:
    def __init__(self, db: Database, clock: Clock, guard: Guard, exports: ExportGate,
                 upload_enabled: Callable[[], bool] | None = None) -> None:  # fmt: skip
        self.db = db
        self.clock = clock
        self.settings = WasteConfigStore(db, guard)
        self.ledger = LedgerService(db, clock, self.config, guard)
        self.collectors = CollectorService(db, clock, guard)
        self.handoffs = HandoffService(db, clock, guard, upload_enabled)
        self.expected = ExpectedWasteService(db, clock, self.config, self.ledger, guard)
        self.reports = ReportService(db, clock, self.ledger, self.handoffs, guard, exports)
        self.alerts = AlertService(db, clock, self.config, self.ledger, self.collectors, self.handoffs, guard)

    def config(self) -> WasteConfig:
        return self.settings.get()
