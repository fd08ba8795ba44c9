"""Alerts for the panel and the status bar (waste-ledger.md §5). Each is a code with parameters, rendered
by the message catalogue, so the thresholds stay in the shop's settings and the wording in one place.

Severity: ``critical`` means a rule is already broken (over the 3 t cap, licence expired), ``warn`` that
it soon will be or a duty is overdue, ``info`` a reminder (due dates, calendar data running out).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.clock import Clock, local_date
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading
from app.waste import rows
from app.waste.collectors import CollectorService
from app.waste.config import WasteConfig
from app.waste.dto import Alert
from app.waste.handoffs import HandoffService
from app.waste.ledger import LedgerService
from app.waste.workdays import add_working_days, last_covered_year
from localdb.engine import Database
from localdb.waste_models import WasteEntry, WasteExpectation

SEVERITY_ORDER = {"critical": 0, "warn": 1, "info": 2}


def due_dates(today: date, management_class: str) -> list[tuple[str, date]]:
    """Upcoming plan and declaration deadlines (HJ 1259 §5.2.2, §7.2) from ``today`` on."""
    year = today.year if today <= date(today.year, 3, 31) else today.year + 1
    found = [("plan", date(year, 3, 31)), ("annual", date(year, 3, 31))]
    if management_class == "simplified":
        q = next(date(y, m, 15) for y in (today.year, today.year + 1) for m in (1, 4, 7, 10) if date(y, m, 15) >= today)
        found.append(("quarterly", q))
    elif management_class == "key":
        monthly = date(today.year, today.month, 15)
        if monthly < today:
            monthly = date(today.year + today.month // 12, today.month % 12 + 1, 15)
        found.append(("monthly", monthly))
    return found


class AlertService:
    def __init__(self, db: Database, clock: Clock, config: Callable[[], WasteConfig], ledger: LedgerService,
                 collectors: CollectorService, handoffs: HandoffService, guard: Guard) -> None:  # fmt: skip
        self._db, self._clock, self._config = db, clock, config
        self._ledger, self._collectors, self._handoffs = ledger, collectors, handoffs
        self._guard = guard

    def alerts(self) -> list[Alert]:
        self._guard.require(Perm.WASTE)
        cfg = self._config()
        today = local_date(self._clock.now())
        found = [*self._storage(cfg), *self._handoff_deadlines(cfg, today), *self._licences(cfg),
                 *self._quiet(cfg), *self._due(cfg, today), *self._expected()]  # fmt: skip
        return sorted(found, key=lambda a: SEVERITY_ORDER[a.severity])

    def _storage(self, cfg: WasteConfig) -> list[Alert]:
        with reading(self._db) as s:
            total = rows.unscale(s.scalar(select(rows.scaled_sum(WasteEntry.stock_kg)).where(WasteEntry.hazardous.is_(True))))
        out = []
        tonnes = f"{total / 1000:.3f}"
        if total >= cfg.storage_limit_kg:
            out.append(Alert("waste.alert.storage_limit", "critical", {"tonnes": tonnes, "limit": f"{cfg.storage_limit_kg / 1000:g}"}))
        elif total >= cfg.storage_warn_kg:
            out.append(Alert("waste.alert.storage_warn", "warn", {"tonnes": tonnes, "limit": f"{cfg.storage_limit_kg / 1000:g}"}))
        for c in self._ledger.containers(with_empty=False):
            if c.age_days is not None and c.age_days > cfg.container_max_days:
                out.append(Alert("waste.alert.container_age", "warn",
                                 {"container": c.code, "kind": c.kind_name, "days": c.age_days, "limit": cfg.container_max_days},
                                 c.code))  # fmt: skip
        return out

    def _handoff_deadlines(self, cfg: WasteConfig, today: date) -> list[Alert]:
        out, uncovered = [], False
        for h in self._handoffs.list(("in_transit",)):
            if h.departed_at is None:
                continue
            due, covered = add_working_days(local_date(h.departed_at), cfg.confirm_working_days)
            uncovered = uncovered or not covered
            if today > due:
                out.append(Alert("waste.alert.handoff_unconfirmed", "warn",
                                 {"manifest": h.manifest_no or str(h.id), "collector": h.collector.name,
                                  "due": due.isoformat(), "days": cfg.confirm_working_days}, str(h.id)))  # fmt: skip
        last = last_covered_year()
        if uncovered or last is None or today.year > last or (today + timedelta(days=60)).year > last:
            out.append(Alert("waste.alert.calendar_outdated", "info", {"year": last or "—"}))
        return out

    def _licences(self, cfg: WasteConfig) -> list[Alert]:
        out = []
        for c in self._collectors.list():
            params = {"name": c.name, "date": c.licence_expires.isoformat(), "days": c.days_left}
            if c.days_left < 0:
                out.append(Alert("waste.alert.licence_expired", "critical", params, c.name))
            elif c.days_left <= cfg.licence_warn_days:
                out.append(Alert("waste.alert.licence_expiring", "warn", params, c.name))
        return out

    def _quiet(self, cfg: WasteConfig) -> list[Alert]:
        last = self._ledger.last_entry_at()
        if last is None or not self._ledger.stock():
            return []
        days = (self._clock.now() - last).days
        if days >= cfg.quiet_days:
            return [Alert("waste.alert.quiet", "warn", {"days": days, "date": local_date(last).isoformat()})]
        return []

    def _due(self, cfg: WasteConfig, today: date) -> list[Alert]:
        out = []
        for what, due in due_dates(today, cfg.management_class):
            window = min(cfg.due_warn_days, 10) if what == "monthly" else cfg.due_warn_days
            if 0 <= (due - today).days <= window:
                out.append(Alert(f"waste.alert.due_{what}", "info", {"date": due.isoformat(), "days": (due - today).days}))
        return out

    def _expected(self) -> list[Alert]:
        with reading(self._db) as s:
            count = len(list(s.scalars(select(WasteExpectation.id).where(WasteExpectation.status == "open"))))
        return [Alert("waste.alert.expected_open", "info", {"count": count})] if count else []
