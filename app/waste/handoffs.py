"""Handoffs (转移): one per pickup trip, from draft to in transit to received or rejected.

When a handoff is marked in transit, the waste leaves the site: one 出库 row per container line (linked
first-in-first-out to the container's 入库 batches) and one 委外 row after it (HJ 1259 B.3 and B.5), all
in the same transaction as the status change and, when the province profile enables waste upload, the
outbox entry. Every check runs before the first row is written, so a blocked handoff leaves the ledger
exactly as it was. A rejected load comes back by reversal rows; nothing is ever deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.clock import Clock, local_date
from app.domain.errors import DomainError
from app.security.guard import Guard
from app.security.permissions import Perm
from app.services.storage import reading, writing
from app.waste import rows
from app.waste.codes import check_manifest, check_quantity, clean_manifest, require_text
from app.waste.collectors import check_licence, to_collector
from app.waste.dto import Handoff, HandoffInput, HandoffLine
from app.waste.kinds import Catalogue
from localdb.engine import Database
from localdb.models import OutboxEntry
from localdb.waste_models import WasteCollector, WasteContainer, WasteEntry, WasteHandoff, WasteHandoffLine

STATUSES = ("draft", "in_transit", "received", "rejected")
OUTBOX_KIND = "waste_handoff"


def outbox_vehicle_key(handoff_id: int) -> str:
    """The outbox serialises rows per ``vehicle_key``; a handoff is its own 'vehicle' (17 characters)."""
    return f"WASTE{handoff_id:012d}"


def read_handoff(db: Database, clock: Clock, handoff_id: int) -> Handoff:
    """One handoff as a view, with no permission check: for the sync engine, which uploads on the
    system's behalf whoever is logged in at the desk (people go through :meth:`HandoffService.get`)."""
    with reading(db) as s:
        return handoff_view(s, rows.catalogue_in(s), HandoffService.load(s, handoff_id), local_date(clock.now()))


class HandoffService:
    def __init__(self, db: Database, clock: Clock, guard: Guard, upload_enabled: Callable[[], bool] | None = None) -> None:
        self._db = db
        self._clock = clock
        self._guard = guard
        self._upload_enabled = upload_enabled or (lambda: False)

    # -- writing -----------------------------------------------------------------------------------------
    def create(self, inp: HandoffInput, *, dispatch: bool = False) -> Handoff:
        """Save a handoff as a draft, or (``dispatch=True``) save it and mark it in transit at once."""
        self._guard.require(Perm.WASTE)
        now = self._clock.now()
        with writing(self._db) as s:
            cat = rows.catalogue_in(s)
            collector = self._collector(s, inp.collector_id)
            lines = self._check_lines(s, cat, inp)
            manifest = clean_manifest(inp.manifest_no)
            if manifest:
                manifest = check_manifest(manifest)
            handoff = WasteHandoff(
                uuid=str(uuid.uuid4()), collector_id=collector.id, carrier_name=inp.carrier_name.strip()[:100],
                carrier_plate=inp.carrier_plate.replace(" ", "").upper()[:10], manifest_no=manifest,
                status="draft", treatment=inp.treatment.strip()[:40], payment_fen=int(inp.payment_fen),
                handled_by=inp.handled_by.strip()[:40], departed_at=inp.departed_at, created_at=now, updated_at=now,
            )  # fmt: skip
            s.add(handoff)
            s.flush()
            for seq, (container, qty, kg) in enumerate(lines, start=1):
                s.add(WasteHandoffLine(handoff_id=handoff.id, seq=seq, container_id=container.id,
                                       kind_key=container.kind_key, quantity=qty, unit=cat.kind(container.kind_key).unit,
                                       weight_kg=kg))  # fmt: skip
            s.flush()
            if dispatch:
                self._dispatch(s, cat, handoff, inp.handled_by, inp.departed_at or now)
            return self._view(s, cat, handoff)

    def dispatch(self, handoff_id: int, handled_by: str, departed_at: datetime | None = None) -> Handoff:
        """Mark a draft in transit: the waste leaves, its 出库 and 委外 rows are written."""
        self._guard.require(Perm.WASTE)
        with writing(self._db) as s:
            cat = rows.catalogue_in(s)
            handoff = self.load(s, handoff_id)
            if handoff.status != "draft":
                raise DomainError("waste.handoff_status", "status", status=handoff.status, target="in_transit")
            self._dispatch(s, cat, handoff, handled_by, departed_at or self._clock.now())
            return self._view(s, cat, handoff)

    def confirm_received(self, handoff_id: int, received_on: date) -> Handoff:
        """The receiver confirmed receipt in the national system (转移办法 Art. 18)."""
        self._guard.require(Perm.WASTE)
        with writing(self._db) as s:
            handoff = self.load(s, handoff_id)
            if handoff.status != "in_transit":
                raise DomainError("waste.handoff_status", "status", status=handoff.status, target="received")
            if handoff.departed_at and received_on < local_date(handoff.departed_at):
                raise DomainError("waste.received_before_departure", "received_on")
            if received_on > local_date(self._clock.now()):
                raise DomainError("waste.future_time", "received_on")
            handoff.status, handoff.received_on, handoff.updated_at = "received", received_on, self._clock.now()
            return self._view(s, rows.catalogue_in(s), handoff)

    def reject(self, handoff_id: int, reason: str, handled_by: str) -> Handoff:
        """The receiver refused the load: it is back on site, by reversal rows of the trip's rows."""
        self._guard.require(Perm.WASTE)
        reason = require_text(reason, "reason", "waste.reason_required")
        by = require_text(handled_by, "handled_by", "waste.person_required", 40)
        with writing(self._db) as s:
            handoff = self.load(s, handoff_id)
            if handoff.status != "in_transit":
                raise DomainError("waste.handoff_status", "status", status=handoff.status, target="rejected")
            now = self._clock.now()
            trip = s.scalars(select(WasteEntry).where(WasteEntry.handoff_id == handoff.id, WasteEntry.stage != "CX")
                             .order_by(WasteEntry.id.desc()))  # fmt: skip
            for entry in trip:
                rows.reverse_row(s, entry, reason=reason, by=by, at=now, now=now)
            handoff.status, handoff.status_reason, handoff.updated_at = "rejected", reason[:200], now
            return self._view(s, rows.catalogue_in(s), handoff)

    # -- checks ------------------------------------------------------------------------------------------
    @staticmethod
    def _collector(s: Session, collector_id: int) -> WasteCollector:
        collector = s.get(WasteCollector, collector_id)
        if collector is None:
            raise DomainError("input.not_found", "collector", what="收集单位", id=collector_id)
        return collector

    @staticmethod
    def _check_lines(s: Session, cat: Catalogue, inp: HandoffInput) -> list[tuple[WasteContainer, Decimal, Decimal]]:
        if not inp.lines:
            raise DomainError("waste.handoff_empty", "lines")
        out = []
        for line in inp.lines:
            container = s.get(WasteContainer, line.container_id)
            if container is None:
                raise DomainError("input.not_found", "container", what="容器", id=line.container_id)
            qty = check_quantity(line.quantity, "quantity")
            kg = check_quantity(line.weight_kg, "weight_kg")
            if cat.kind(container.kind_key).is_piece_unit and qty != qty.to_integral_value():
                raise DomainError("waste.pieces_whole", "quantity", unit=cat.kind(container.kind_key).unit)
            out.append((container, qty, kg))
        return out

    @staticmethod
    def _check_on_hand(s: Session, lines: list[WasteHandoffLine], cat: Catalogue) -> None:
        wanted: dict[int, tuple[Decimal, Decimal]] = {}
        for line in lines:
            qty, kg = wanted.get(line.container_id, (rows.ZERO, rows.ZERO))
            wanted[line.container_id] = (qty + line.quantity, kg + line.weight_kg)
        for container_id, (qty, kg) in wanted.items():
            _q, _k, stored_qty, stored_kg = rows.balance(s, container_id)
            if qty > stored_qty or kg > stored_kg:
                container = s.get(WasteContainer, container_id)
                assert container is not None
                unit = cat.kind(container.kind_key).unit
                raise DomainError("waste.more_than_on_hand", "lines", container=container.code,
                                  quantity=f"{qty.normalize():f}", weight=f"{kg:f}", unit=unit,
                                  on_hand=f"{stored_qty.normalize():f}", on_hand_kg=f"{stored_kg:f}")  # fmt: skip

    def _dispatch(self, s: Session, cat: Catalogue, handoff: WasteHandoff, handled_by: str, at: datetime) -> None:
        by = require_text(handled_by, "handled_by", "waste.person_required", 40)
        if at > self._clock.now():
            raise DomainError("waste.future_time", "departed_at")
        lines = list(s.scalars(select(WasteHandoffLine).where(WasteHandoffLine.handoff_id == handoff.id)
                               .order_by(WasteHandoffLine.seq)))  # fmt: skip
        kinds = [cat.kind(line.kind_key) for line in lines]
        collector = self._collector(s, handoff.collector_id)
        check_licence(collector, kinds, local_date(at))
        if any(k.hazardous for k in kinds):
            if not handoff.manifest_no:
                raise DomainError("waste.manifest_required", "manifest_no")
            handoff.manifest_no = check_manifest(handoff.manifest_no)
            clash = s.scalar(select(WasteHandoff.id).where(
                WasteHandoff.manifest_no == handoff.manifest_no, WasteHandoff.id != handoff.id,
                WasteHandoff.status.in_(("in_transit", "received"))))  # fmt: skip
            if clash is not None:
                raise DomainError("waste.manifest_duplicate", "manifest_no", number=handoff.manifest_no)
        self._check_on_hand(s, lines, cat)
        now = self._clock.now()
        destination = f"{collector.name}（{collector.licence_no}）"[:100]
        for line, kind in zip(lines, kinds, strict=True):
            container = s.get(WasteContainer, line.container_id)
            assert container is not None
            _q, _k, _sq, stored_kg = rows.balance(s, container.id)
            sources = rows.fifo_sources(s, container.id, line.weight_kg, stored_kg)
            common = dict(at=at, kind=kind, container=container, quantity=line.quantity, weight_kg=line.weight_kg,
                          handled_by=by, now=now, handoff_id=handoff.id, destination=destination)  # fmt: skip
            out = rows.new_entry(s, stage="CK", stock_sign=-1, stored_sign=-1, sources=sources, **common)  # type: ignore[arg-type]
            rows.new_entry(s, stage="WW", stock_sign=0, stored_sign=0, sources=[out], **common)  # type: ignore[arg-type]
        handoff.status, handoff.departed_at, handoff.updated_at = "in_transit", at, now
        handoff.handled_by = handoff.handled_by or by
        # Only a manifested (hazardous) transfer is a waste record for the EHR; general solid waste has no
        # manifest and stays in the local ledger.
        if handoff.manifest_no and self._upload_enabled():
            s.add(OutboxEntry(
                kind=OUTBOX_KIND, record_id=handoff.id, record_key=handoff.manifest_no,
                revision=1, vehicle_key=outbox_vehicle_key(handoff.id), state="pending", next_attempt_at=now,
                created_at=now, updated_at=now,
            ))  # fmt: skip

    # -- reading -----------------------------------------------------------------------------------------
    @staticmethod
    def load(s: Session, handoff_id: int) -> WasteHandoff:
        handoff = s.get(WasteHandoff, handoff_id)
        if handoff is None:
            raise DomainError("input.not_found", "handoff", what="转移记录", id=handoff_id)
        return handoff

    def _view(self, s: Session, cat: Catalogue, h: WasteHandoff) -> Handoff:
        return handoff_view(s, cat, h, local_date(self._clock.now()))

    def get(self, handoff_id: int) -> Handoff:
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            return self._view(s, rows.catalogue_in(s), self.load(s, handoff_id))

    def list(self, statuses: tuple[str, ...] = ()) -> list[Handoff]:
        self._guard.require(Perm.WASTE)
        with reading(self._db) as s:
            cat = rows.catalogue_in(s)
            stmt = select(WasteHandoff).order_by(WasteHandoff.id.desc())
            if statuses:
                stmt = stmt.where(WasteHandoff.status.in_(statuses))
            return [self._view(s, cat, h) for h in s.scalars(stmt)]


def handoff_view(s: Session, cat: Catalogue, h: WasteHandoff, today: date) -> Handoff:
    """One handoff as the screen, the handoff record and the EHR upload show it."""
    collector = HandoffService._collector(s, h.collector_id)
    lines = []
    for line in s.scalars(select(WasteHandoffLine).where(WasteHandoffLine.handoff_id == h.id)
                          .order_by(WasteHandoffLine.seq)):  # fmt: skip
        container = s.get(WasteContainer, line.container_id)
        assert container is not None
        kind = cat.kind(line.kind_key)
        lines.append(HandoffLine(
            seq=line.seq, container_id=container.id, container_code=container.code,
            container_type=cat.container_name(container.container_type), kind_key=kind.key, name=kind.name,
            list_name=kind.list_name, category=kind.category, code=kind.code, hazard=kind.hazard,
            quantity=line.quantity, unit=line.unit, weight_kg=line.weight_kg,
        ))  # fmt: skip
    codes = tuple(s.scalars(select(WasteEntry.batch_code).where(WasteEntry.handoff_id == h.id).order_by(WasteEntry.id)))
    return Handoff(
        id=h.id, uuid=h.uuid, status=h.status, collector=to_collector(collector, today),
        manifest_no=h.manifest_no, carrier_name=h.carrier_name, carrier_plate=h.carrier_plate,
        payment_fen=h.payment_fen, treatment=h.treatment, handled_by=h.handled_by, departed_at=h.departed_at,
        received_on=h.received_on, status_reason=h.status_reason, lines=tuple(lines), batch_codes=codes,
        created_at=h.created_at,
    )  # fmt: skip
