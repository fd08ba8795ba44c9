"""The directory of licensed collectors (收集利用处置单位): who may receive which waste codes, until when.

Handing hazardous waste to an unlicensed party is prohibited (固废法 Art. 80; 转移办法 Art. 10), so the
licence check lives here, next to the data it checks, and the handoff service calls it at the moment the
waste leaves. The directory itself is ordinary master data and may be edited.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading, writing
from app.waste.codes import require_text
from app.waste.dto import Collector, CollectorInput
from app.waste.kinds import WasteKind
from localdb.engine import Database
from localdb.waste_models import WasteCollector

RECEIVER_TYPES = ("licensed", "pilot", "exempt")
_CODE = re.compile(r"\d{3}-\d{3}-\d{2}")


def to_collector(row: WasteCollector, today: date) -> Collector:
    return Collector(
        id=row.id, name=row.name, licence_no=row.licence_no, licence_expires=row.licence_expires,
        codes=tuple(row.codes or ()), receiver_type=row.receiver_type, province=row.province,
        contract_start=row.contract_start, contract_end=row.contract_end, contact=row.contact, phone=row.phone,
        active=row.active, days_left=(row.licence_expires - today).days,
    )  # fmt: skip


def check_licence(collector: WasteCollector, kinds: list[WasteKind], on: date) -> None:
    """Block a handoff the collector may not receive: licence expired on ``on``, or a code not covered."""
    if not collector.active:
        raise DomainError("waste.collector_inactive", "collector", name=collector.name)
    hazardous = [k for k in kinds if k.hazardous]
    if hazardous and collector.licence_expires < on:
        raise DomainError("waste.licence_expired", "collector", name=collector.name,
                          expired=collector.licence_expires.isoformat())  # fmt: skip
    covered = set(collector.codes or ())
    for kind in hazardous:
        if kind.code not in covered:
            raise DomainError("waste.code_not_licensed", "collector", name=collector.name, waste_code=kind.code,
                              kind=kind.name)  # fmt: skip


class CollectorService:
    def __init__(self, db: Database, clock: Clock, guard: Guard) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard

    def _clean(self, inp: CollectorInput) -> dict[str, object]:
        codes = tuple(dict.fromkeys(c.strip() for c in inp.codes if c.strip()))
        bad = [c for c in codes if not _CODE.fullmatch(c)]
        if bad:
            raise DomainError("waste.code_malformed", "codes", waste_code=bad[0])
        if inp.receiver_type not in RECEIVER_TYPES:
            raise DomainError("waste.receiver_type_invalid", "receiver_type", value=inp.receiver_type)
        if inp.contract_start and inp.contract_end and inp.contract_end < inp.contract_start:
            raise DomainError("waste.contract_dates", "contract_end")
        return dict(
            name=require_text(inp.name, "name", "waste.collector_name_required", 100),
            licence_no=require_text(inp.licence_no, "licence_no", "waste.licence_required", 60),
            licence_expires=inp.licence_expires, codes=list(codes), receiver_type=inp.receiver_type,
            province=inp.province.strip()[:20], contract_start=inp.contract_start, contract_end=inp.contract_end,
            contact=inp.contact.strip()[:40], phone=inp.phone.strip()[:40],
        )  # fmt: skip

    def add(self, inp: CollectorInput) -> Collector:
        self._guard.require(Perm.WASTE)
        values = self._clean(inp)
        now = self._clock.now()
        with writing(self._db) as s:
            row = WasteCollector(**values, active=True, created_at=now, updated_at=now)
            s.add(row)
            s.flush()
            return to_collector(row, local_date(now))

    def update(self, collector_id: int, inp: CollectorInput, active: bool = True) -> Collector:
        self._guard.require(Perm.WASTE)
        values = self._clean(inp)
        now = self._clock.now()
        with writing(self._db) as s:
            row = s.get(WasteCollector, collector_id)
            if row is None:
                raise DomainError("input.not_found", "collector", what="收集单位", id=collector_id)
            for name, value in values.items():
                setattr(row, name, value)
            row.active, row.updated_at = active, now
            return to_collector(row, local_date(now))

    def list(self, include_inactive: bool = False) -> list[Collector]:
        self._guard.require(Perm.WASTE)
        today = local_date(self._clock.now())
        with reading(self._db) as s:
            stmt = select(WasteCollector).order_by(WasteCollector.name)
            if not include_inactive:
                stmt = stmt.where(WasteCollector.active.is_(True))
            return [to_collector(r, today) for r in s.scalars(stmt)]
