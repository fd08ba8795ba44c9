"""Report use cases: the period report (ledger tables, declaration, mass balance) as Excel or PDF, and
the handoff record for signatures. Rendering is Qt-free; the screen runs these off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.security.privacy import ExportGate
from app.services.dto import ShopInfo
from app.services.shop import ShopService
from app.waste.dto import EntryView
from app.waste.handoffs import HandoffService
from app.waste.ledger import LedgerService
from app.waste.report_data import BalanceRow, DeclarationRow, ReportData
from localdb.engine import Database


@dataclass(frozen=True)
class PeriodReport:
    shop_name: str
    start: date
    end: date
    edition: str
    edition_note: str
    tables: dict[str, list[EntryView]]
    declaration: list[DeclarationRow]
    general: list[DeclarationRow]  # non-hazardous kinds, kept apart from the HW figures
    balance: list[BalanceRow]


class ReportService:
    """Files that leave the shop. The period report (ledger tables, declaration) goes to the authorities:
    ``EXPORT``. The handoff record travels with the waste and is signed by the collector, so whoever keeps
    the ledger prints it (``WASTE``). Neither masks anything: they hold no vehicle owner, only staff (经办人,
    required by HJ 1259) and the collector's own details; each is still recorded as an export."""

    def __init__(self, db: Database, clock: Clock, ledger: LedgerService, handoffs: HandoffService, guard: Guard,
                 exports: ExportGate) -> None:  # fmt: skip
        self._data = ReportData(db, clock, ledger)
        self._ledger, self._handoffs = ledger, handoffs
        self._shop = ShopService(db, clock, guard)
        self._guard = guard
        self._exports = exports

    def shop(self) -> ShopInfo:
        info = self._shop.get()
        if info is None:
            raise DomainError("waste.shop_missing", None)
        return info

    def period(self, start: date, end: date) -> PeriodReport:
        self._guard.require(Perm.WASTE)
        if end < start:
            raise DomainError("waste.period_invalid", "end", start=start.isoformat(), end=end.isoformat())
        cat = self._ledger.catalogue()
        return PeriodReport(
            shop_name=self.shop().name, start=start, end=end, edition=cat.edition, edition_note=cat.check_required,
            tables=self._data.tables(start, end), declaration=self._data.declaration(start, end),
            general=self._data.declaration(start, end, hazardous=False), balance=self._data.mass_balance(start, end),
        )  # fmt: skip

    def excel(self, start: date, end: date) -> bytes:
        from app.waste.report_excel import render_excel

        return self._exports.export("waste_period_excel", lambda: render_excel(self.period(start, end)),
                                    entity="waste_report", entity_id=f"{start}/{end}")

    def pdf(self, start: date, end: date) -> bytes:
        from app.waste.report_pdf import render_period_pdf

        return self._exports.export("waste_period_pdf", lambda: render_period_pdf(self.period(start, end)),
                                    entity="waste_report", entity_id=f"{start}/{end}")

    def handoff_pdf(self, handoff_id: int) -> bytes:
        from app.waste.handoff_pdf import render_handoff_record

        return self._exports.export("waste_handoff_record",
                                    lambda: render_handoff_record(self._handoffs.get(handoff_id), self.shop()),
                                    perm=Perm.WASTE, entity="waste_handoffs", entity_id=str(handoff_id))
