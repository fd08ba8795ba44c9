"""Services for vehicle owners and the authorities (issue 6): the vehicle repair history with its
verification code, maintenance reminders, suspected-defect reports, and the emissions (M station) and
accident work-order types.

:class:`OwnerServices` bundles them for :class:`~app.context.AppContext` (one field instead of five, like
the waste bundle), because the screens, the CLI and the tests want them together over one database,
clock and data folder.
"""

from __future__ import annotations

from pathlib import Path

from app.domain.clock import Clock
from app.owner_services.accident import AccidentService
from app.owner_services.defects import DefectService
from app.owner_services.emissions import EmissionsService
from app.owner_services.history import HistoryService
from app.owner_services.reminders import ReminderService
from app.security.guard import Guard
from app.security.privacy import ExportGate
from localdb.engine import Database


class OwnerServices:
    def __init__(self, db: Database, clock: Clock, data_root: Path, guard: Guard, exports: ExportGate) -> None:
        self.history = HistoryService(db, clock, guard, exports)
        self.reminders = ReminderService(db, clock, guard, exports)
        self.defects = DefectService(db, clock, data_root, guard, exports)
        self.emissions = EmissionsService(db, clock, guard, exports)
        self.accidents = AccidentService(db, clock, guard, exports)
