"""Opening a data folder: database file, migrations (after a backup), and the services bound to it.

The UI, the CLI, the seed generator and the tests all start here, so they see the same wiring.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.backup import BackupService
from app.dbconfig import DatabasePasswords, resolve_database_url
from app.domain.clock import Clock, SystemClock
from app.domain.errors import DomainError
from app.live_changes import track_changes
from app.owner_services import OwnerServices
from app.paths import DataDir, config_dir
from app.ratings import RatingsService
from app.schema_guard import ConfirmMigration, prepare_schema
from app.security.accounts import AccountService
from app.security.audit import AuditTrail
from app.security.audit_keys import AuditKeys
from app.security.guard import Guard
from app.security.privacy import ExportGate
from app.services.order_list import OrderListService
from app.services.settlement import SettlementService
from app.services.shop import ShopService
from app.services.staff import StaffService
from app.services.vehicles import VehicleService
from app.services.workorders import WorkOrderService
from app.waste.service import WasteService
from localdb.engine import Database


@dataclass
class AppContext:
    data_dir: DataDir
    db: Database
    clock: Clock
    keys: AuditKeys
    backup_made: Path | None = None
    guard: Guard = field(init=False)
    audit: AuditTrail = field(init=False)
    accounts: AccountService = field(init=False)
    exports: ExportGate = field(init=False)
    shop: ShopService = field(init=False)
    staff: StaffService = field(init=False)
    vehicles: VehicleService = field(init=False)
    orders: WorkOrderService = field(init=False)
    settlement: SettlementService = field(init=False)
    order_list: OrderListService = field(init=False)
    waste: WasteService = field(init=False)
    owner: OwnerServices = field(init=False)
    ratings: RatingsService = field(init=False)
    backups: BackupService = field(init=False)

    def __post_init__(self) -> None:
        self.guard = Guard(self._accounts_exist)
        self.audit = AuditTrail(self.db, self.keys, self.clock, self.guard, config_dir() / "audit-anchors")
        self.audit.install()
        self.guard.on_denied = self.audit.record_denied
        self.accounts = AccountService(self.db, self.clock, self.guard, self.audit)
        # Every business service asks the guard first; the ones that write files also record them.
        self.exports = ExportGate(self.guard, self.audit.record)
        self.shop = ShopService(self.db, self.clock, self.guard)
        self.staff = StaffService(self.db, self.guard)
        self.vehicles = VehicleService(self.db, self.clock, self.guard)
        self.orders = WorkOrderService(self.db, self.clock, self.guard)
        self.settlement = SettlementService(self.db, self.clock, self.guard)
        self.order_list = OrderListService(self.db, self.guard)
        self.waste = WasteService(self.db, self.clock, self.guard, self.exports,
                                  upload_enabled=self._waste_upload_enabled)
        self.owner = OwnerServices(self.db, self.clock, self.data_dir.root, self.guard, self.exports)
        self.ratings = RatingsService(self.db, self.clock, self.guard, self.exports)
        self.backups = BackupService(self.data_dir, self.db, self.clock, self.guard, self.audit)

    def _accounts_exist(self) -> bool:
        return self.accounts.has_accounts()

    def _waste_upload_enabled(self) -> bool:
        """Whether a dispatched handoff also goes into the outbox: only when the active province profile
        has a waste call (``waste_enabled``; today only the training sandbox, ``ehr-protocol.md`` §9.1).

        Asked at each dispatch rather than once, because the shop may change its province while the
        app runs. A profile that cannot be loaded means no upload: the export remains the way out, and
        the sync page reports the broken profile on its own.
        """
        from app.ehr.connection import TRAINING_PROFILE, load_settings  # app.ehr imports this module
        from app.ehr.profiles import load_profile

        try:
            return load_profile(load_settings(self.db).profile or TRAINING_PROFILE).waste_enabled
        except DomainError:
            return False

    def close(self) -> None:
        self.audit.flush_anchor()
        self.db.dispose()


def open_context(data_dir: DataDir, clock: Clock | None = None, database_url: str | None = None,
                 keys: AuditKeys | None = None, confirm_migration: ConfirmMigration | None = None,
                 passwords: DatabasePasswords | None = None) -> AppContext:
    """Create the folder if needed, upgrade the schema (backing up an existing database first).

    The database is the one the folder's ``database.json`` names (its own SQLite file by default,
    ``database_url`` overrides it); a SQLite file is backed up and upgraded automatically, a shared
    PostgreSQL database only when ``confirm_migration`` agrees, and a schema newer than this client is
    refused (:mod:`app.schema_guard`). ``passwords`` is where the PostgreSQL password is read from.

    ``keys`` is where the audit chain's HMAC keys live: the OS keyring by default (tests pass their own).
    """
    data_dir.ensure()
    db = Database(database_url or resolve_database_url(data_dir, passwords))
    try:
        backup = prepare_schema(db, data_dir.backups, confirm_migration)
    except BaseException:
        db.dispose()
        raise
    track_changes(db)  # other clients' lists refresh when this one writes (app/live_changes.py)
    keys = keys or AuditKeys.default(config_dir() / "audit-keys")
    return AppContext(data_dir, db, clock or SystemClock(), keys, backup_made=backup)
